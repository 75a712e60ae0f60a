/**
 * The single executable (issue 15): `scripts/build-exe.js --linux-only` bundles the CLI and injects it into a copy
 * of the running node; that one file, run from a folder with no node_modules and no dist/, must do the admin's
 * two-archive loop (merge --out-dir → status → resolve → pack) exactly as the CLI under node does. The Windows
 * .exe is built the same way from the same blob; `npm run try:wine` runs that one under Wine.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { runCli } from '../helpers/cli';
import { cleanTempDirs, tempDir } from '../helpers/tmp';

const ROOT = path.resolve(__dirname, '../..');
const S = (side: string) => path.join(ROOT, 'samples', side);

afterAll(cleanTempDirs);

test('the Linux single executable runs the two-archive loop like the CLI under node', () => {
  const dir = tempDir('cabinet-merge-sea');
  const built = spawnSync(process.execPath, [path.join(ROOT, 'scripts', 'build-exe.js'), '--linux-only', '--out', path.join(dir, 'bin')], {
    encoding: 'utf8',
    timeout: 170_000,
  });
  expect(built.stderr).toBe('');
  expect(built.status).toBe(0);
  const exe = path.join(dir, 'bin', 'cabinet-merge');
  expect(statSync(exe).size).toBeGreaterThan(statSync(process.execPath).size);

  const env = {
    ...process.env,
    LANG: 'ru_RU.UTF-8',
    LC_ALL: '',
    NO_COLOR: '1',
    CABINET_MERGE_STORE: path.join(dir, 'baselines'),
    CABINET_MERGE_RESOLUTIONS: path.join(dir, 'resolutions'),
    NODE_PATH: '',
  };
  // Run from an empty folder: nothing but the executable itself can supply the code.
  const run = (args: string[]) => {
    const r = spawnSync(exe, args, { cwd: path.join(dir, 'bin'), env, encoding: 'utf8', timeout: 60_000 });
    return { status: r.status, stdout: r.stdout, stderr: r.stderr };
  };

  const version = run(['--version']);
  expect(version.stdout.trim()).toBe(JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')).version);

  const work = path.join(dir, 'WORK');
  const merged = run(['merge', S('mine'), S('theirs'), '--out-dir', work]);
  expect(merged.stderr).toBe('');
  expect(merged.status).toBe(1);
  // The same summary as the CLI under node, apart from the folder's name.
  const nodeWork = path.join(dir, 'node', 'WORK');
  mkdirSync(path.dirname(nodeWork));
  const viaNode = runCli(['merge', S('mine'), S('theirs'), '--out-dir', nodeWork, '--lang', 'ru'], {
    env: { CABINET_MERGE_STORE: path.join(dir, 'baselines-node') },
  });
  expect(viaNode.stderr).toBe('');
  expect(merged.stdout.split(work).join('W')).toBe(viaNode.stdout.split(nodeWork).join('W'));

  const status = run(['status', work]);
  expect(status.status).toBe(1);
  expect(status.stdout).toContain('Осталось решить');

  const packed = run(['pack', work, '-o', path.join(dir, 'ИТОГ.zip'), '--force']);
  expect(packed.stderr).toBe('');
  expect(packed.status).toBe(0);
  expect(existsSync(path.join(dir, 'ИТОГ.zip'))).toBe(true);
}, 180_000);
