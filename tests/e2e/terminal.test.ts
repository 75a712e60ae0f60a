/**
 * On a real terminal (a pseudo-terminal made by util-linux `script`) the summary is coloured; with NO_COLOR, or
 * when output is captured, it is plain text.
 */
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { CLI, runCli } from '../helpers/cli';
import { cleanTempDirs, tempDir } from '../helpers/tmp';

afterAll(cleanTempDirs);

const SAMPLES = path.resolve(__dirname, '../../samples');
const sides = ['base', 'mine', 'theirs'].map((s) => path.join(SAMPLES, s));

function onTerminal(extraEnv: Record<string, string>): string {
  const out = path.join(tempDir('e2e-tty'), 'o.zip');
  // stderr off the terminal: the progress bar (stderr, drawn when a merge takes over 400 ms, as on a loaded machine)
  // would put its cursor escapes into the capture; colours depend on stdout alone.
  const command = [process.execPath, CLI, 'merge', ...sides, '-o', out, '--no-store'].map((a) => `'${a}'`).join(' ') + ' 2>/dev/null';
  const r = spawnSync('script', ['-qec', command, '/dev/null'], { encoding: 'utf8', env: { ...process.env, LANG: 'en_US.UTF-8', NO_COLOR: '', ...extraEnv } });
  expect(r.status).toBe(1);
  return r.stdout;
}

test('coloured summary on a terminal', () => {
  const out = onTerminal({});
  expect(out).toContain('\u001b[33mNeeds your decision (3):\u001b[0m');
  expect(out).toContain('\u001b[31mcss/theme.css\u001b[0m');
});

test('no colour with NO_COLOR, nor when output is not a terminal', () => {
  // No colour (SGR codes); a progress bar may still be drawn on stderr of a slow merge (a loaded machine).
  expect(onTerminal({ NO_COLOR: '1' })).not.toMatch(/\u001b\[[0-9;]*m/);
  const r = runCli(['merge', ...sides, '-o', path.join(tempDir('e2e-notty'), 'o.zip'), '--no-store'], { env: { NO_COLOR: '' } });
  expect(r.status).toBe(1);
  expect(r.stdout).not.toContain('\u001b[');
});
