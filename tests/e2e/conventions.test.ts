/**
 * Issue 15 point 9, command-line conventions, through the built CLI: `--report -` (JSON on stdout, summary on
 * stderr), `-o -` and an input `-` refused with a clear message and nothing written, `--` before paths,
 * FORCE_COLOR and --no-color, and "did you mean" for a mistyped command.
 */
import { readdirSync } from 'node:fs';
import * as path from 'node:path';
import { runCli } from '../helpers/cli';
import { cleanTempDirs, tempDir } from '../helpers/tmp';

afterAll(cleanTempDirs);

const SAMPLES = path.resolve(__dirname, '../../samples');
const sides = ['base', 'mine', 'theirs'].map((s) => path.join(SAMPLES, s));
const ESC = '\u001b[';

test('--report - writes the JSON report to stdout and the summary to stderr', () => {
  const dir = tempDir('conv-report');
  const r = runCli(['merge', ...sides, '-o', 'M.zip', '--report', '-'], { cwd: dir });
  expect(r.status).toBe(1);
  const report = JSON.parse(r.stdout) as { schema: string; output: { archive: string } };
  expect(report.schema).toMatch(/^cabinet-merge\/report@/);
  expect(report.output.archive).toBe('M.zip');
  expect(r.stderr).toMatch(/^Merged 33 files\./);
  // Nothing named '-' was written, and no report file.
  expect(readdirSync(dir).filter((f) => f !== 'M.conflicts')).toEqual(['M.zip']);
});

test('-o - and an input - are refused clearly, nothing written', () => {
  const dir = tempDir('conv-dash');
  const out = runCli(['merge', ...sides, '-o', '-'], { cwd: dir });
  expect(out.status).toBe(2);
  expect(out.stderr).toContain('-o -: the merged cabinet is not written to standard output');
  const input = runCli(['merge', sides[0], '-', sides[2], '-o', 'M.zip'], { cwd: dir });
  expect(input.status).toBe(2);
  expect(input.stderr).toContain("'-': cabinet-merge does not read a cabinet from standard input");
  const named = runCli(['merge', '--mine', '-', '--theirs', sides[2], '-o', 'M.zip', '--lang', 'ru'], { cwd: dir });
  expect(named.status).toBe(2);
  expect(named.stderr).toContain('--mine -: cabinet-merge не читает выгрузку из стандартного ввода');
  expect(readdirSync(dir)).toEqual([]);
});

test('paths after -- are paths', () => {
  const dir = tempDir('conv-dashdash');
  const r = runCli(['merge', '-o', 'M.zip', '--out-dir', 'W', '--', ...sides], { cwd: dir });
  expect(r.stderr).toBe('');
  expect(r.status).toBe(1);
  const status = runCli(['status', '--', 'W'], { cwd: dir });
  expect(status.stderr).toBe('');
  expect(status.stdout).toContain('left to resolve');
});

test('FORCE_COLOR colours a captured summary; --no-color wins', () => {
  const dir = tempDir('conv-colour');
  const forced = runCli(['merge', ...sides, '-o', 'A.zip'], { cwd: dir, env: { NO_COLOR: undefined, FORCE_COLOR: '1' } });
  expect(forced.stdout).toContain(ESC);
  const off = runCli(['merge', ...sides, '-o', 'B.zip', '--no-color'], { cwd: dir, env: { NO_COLOR: undefined, FORCE_COLOR: '1' } });
  expect(off.stderr).toBe('');
  expect(off.stdout).not.toContain(ESC);
  expect(off.stdout).toContain('Merged 33 files.');
});

test('a mistyped command gets "did you mean"', () => {
  const r = runCli(['mreg', 'a.zip', 'b.zip']);
  expect(r.status).toBe(2);
  expect(r.stderr).toBe("cabinet-merge: unknown command 'mreg'. Did you mean: merge?\n");
  const ru = runCli(['statsu', 'W', '--lang', 'ru']);
  expect(ru.stderr).toContain("неизвестная команда 'statsu'. Возможно, вы имели в виду: status?");
  const far = runCli(['frobnicate']);
  expect(far.stderr).toContain('the commands are: merge, baseline, status, pack, resolve');
});
