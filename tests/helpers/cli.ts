/**
 * Runs the built CLI (dist/cli/main.js) as a user would: a separate node process, no shell. The jest global setup
 * (tests/global-setup.js) rebuilds dist/ when src/ is newer, so a focused `npx jest tests/e2e` sees current code.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';

export const CLI = path.resolve(__dirname, '../../dist/cli/main.js');

/**
 * The baseline store and the resolution store default to the user's data folder; a test run must neither read nor
 * write the real ones, so every CLI run of this test process gets private empty stores unless a test sets its own.
 */
const privateStores = mkdtempSync(path.join(tmpdir(), 'cabinet-merge-stores-'));
// Removed when the test file that imported this helper is done. (A process 'exit' handler, used before, never ran:
// jest's workers end without emitting it, and each test file left a cabinet-merge-stores-* folder behind.)
afterAll(() => rmSync(privateStores, { recursive: true, force: true }));

export interface CliResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

export function runCli(args: string[], options: { cwd?: string; env?: NodeJS.ProcessEnv; timeoutMs?: number } = {}): CliResult {
  const r = spawnSync(process.execPath, [CLI, ...args], {
    cwd: options.cwd,
    env: {
      ...process.env,
      LANG: 'en_US.UTF-8',
      LC_ALL: '',
      LC_MESSAGES: '',
      NO_COLOR: '1',
      CABINET_MERGE_STORE: path.join(privateStores, 'baselines'),
      CABINET_MERGE_RESOLUTIONS: path.join(privateStores, 'resolutions'),
      ...options.env,
    },
    encoding: 'utf8',
    timeout: options.timeoutMs ?? 60000,
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}
