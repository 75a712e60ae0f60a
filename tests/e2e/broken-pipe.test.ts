/**
 * The CLI piped into a reader that stops early (`| head -1`) ends quietly, as git does: no EPIPE stack trace, and
 * the exit code of the run itself (1: conflicts), not a crash.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { CLI } from '../helpers/cli';
import { cleanTempDirs, tempDir } from '../helpers/tmp';

afterAll(cleanTempDirs);

/** `node CLI args | head -1` in bash with pipefail: the CLI's stderr and its exit code. */
function piped(args: string[], cwd: string): { first: string; stderr: string; status: number } {
  const quoted = args.map((a) => `'${a}'`).join(' ');
  const script = `set -o pipefail; "${process.execPath}" '${CLI}' ${quoted} 2>err.txt | head -1; echo "rc=$?" >&2; cat err.txt >&2`;
  // Private stores in the test's folder: the user's real baseline and resolution stores are never read.
  const env = { ...process.env, NO_COLOR: '1', LANG: 'en_US.UTF-8', CABINET_MERGE_STORE: path.join(cwd, 'store'), CABINET_MERGE_RESOLUTIONS: path.join(cwd, 'res') };
  const r = spawnSync('bash', ['-c', script], { cwd, encoding: 'utf8', env });
  const [rc, ...rest] = r.stderr.split('\n');
  return { first: r.stdout, status: Number(rc.replace('rc=', '')), stderr: rest.join('\n') };
}

test('merge --json | head -1 on a long report: the first line, no stack trace, exit 1 for the conflicts', () => {
  const dir = tempDir('epipe');
  for (const side of ['b', 'm', 't']) {
    mkdirSync(path.join(dir, side));
    // 600 conflicting files: a JSON report of several hundred KB, far more than a pipe holds.
    for (let i = 0; i < 600; i++) writeFileSync(path.join(dir, side, `f${i}.txt`), side === 'b' ? 'x\n' : `${side}${i}\n`);
  }
  const r = piped(['merge', 'b', 'm', 't', '-o', 'out.zip', '--json'], dir);
  expect(r.first).toBe('{\n');
  expect(r.stderr).not.toMatch(/EPIPE|Error|at /);
  expect(r.stderr.trim()).toBe('');
  expect(r.status).toBe(1);
});

test('--help | head -1: the usage line, exit 0', () => {
  const dir = tempDir('epipe-help');
  const r = piped(['merge', '--help'], dir);
  expect(r.first).toBe('cabinet-merge merge [paths..] [options]\n');
  expect(r.stderr.trim()).toBe('');
  expect(r.status).toBe(0);
});
