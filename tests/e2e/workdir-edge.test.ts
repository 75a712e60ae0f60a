/** Working-folder edge cases found in review: a conflicted file deleted from the folder is not a resolution. */
import { rmSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { runCli } from '../helpers/cli';
import { cleanTempDirs, tempDir } from '../helpers/tmp';

afterAll(cleanTempDirs);

const SAMPLES = path.resolve(__dirname, '../../samples');
const sides = ['base', 'mine', 'theirs'].map((s) => path.join(SAMPLES, s));

test('deleting a conflicted file from WORK leaves it to resolve; pack refuses until it is decided', () => {
  const dir = tempDir('e2e-wd');
  const work = path.join(dir, 'WORK');
  expect(runCli(['merge', ...sides, '--out-dir', work]).status).toBe(1);
  rmSync(path.join(work, 'css', 'theme.css'));
  const status = runCli(['status', work]);
  expect(status.status).toBe(1);
  for (const side of ['--mine', '--theirs', '--base']) expect(status.stdout).toContain(`cabinet-merge resolve ${work} css/theme.css ${side}`);
  expect(status.stdout).not.toMatch(/Resolved[^\n]*\n[^\n]*css\/theme\.css/);
  const pack = runCli(['pack', work, '-o', path.join(dir, 'OUT.zip')]);
  expect(pack.status).toBe(1);
  expect(pack.stdout).toContain('css/theme.css');
  expect(runCli(['resolve', work, 'css/theme.css', '--theirs']).status).toBe(0);
  expect(runCli(['status', work]).stdout).toMatch(/css\/theme\.css: took theirs/);
});

test('--out-dir naming an existing file says it is a file', () => {
  const dir = tempDir('e2e-wd-file');
  const file = path.join(dir, 'afile');
  writeFileSync(file, 'x');
  const r = runCli(['merge', ...sides, '--out-dir', file]);
  expect(r.status).toBe(2);
  expect(r.stderr).toContain('this is a file, not a folder');
});
