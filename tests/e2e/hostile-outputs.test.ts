/**
 * Issue 14, outputs: two merges writing one `-o` at once (the second must get "already exists", not silently
 * replace the first), and a run killed (SIGKILL) between the zip and the report (its rerun must recognise the half
 * as its own and write both). Through the built CLI; the test-only CABINET_MERGE_TEST_DELAY_WRITE_MS /
 * CABINET_MERGE_TEST_DELAY_PUBLISH_MS hooks hold a run at the moment the race or the kill needs.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { CLI, runCli } from '../helpers/cli';
import { cleanTempDirs, tempDir } from '../helpers/tmp';

afterAll(cleanTempDirs);

const SAMPLES = path.resolve(__dirname, '../../samples');
const MERGE = ['merge', path.join(SAMPLES, 'base'), path.join(SAMPLES, 'mine'), path.join(SAMPLES, 'theirs'), '-o', 'M.zip', '--report', 'R.json'];
const ENV = { LANG: 'en_US.UTF-8', LC_ALL: '', LC_MESSAGES: '', NO_COLOR: '1' };

function spawnCli(args: string[], cwd: string, env: NodeJS.ProcessEnv) {
  const child = spawn(process.execPath, [CLI, ...args], { cwd, env: { ...process.env, ...ENV, ...env } });
  let stderr = '';
  child.stderr.on('data', (d) => (stderr += d));
  const done = new Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }>((resolve) =>
    child.on('close', (code, signal) => resolve({ code, signal, stderr })),
  );
  return { child, done };
}

async function waitFor(check: () => boolean, timeoutMs = 60000): Promise<boolean> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (check()) return true;
    await new Promise((r) => setTimeout(r, 10));
  }
  return false;
}

/** A process id that is certainly not running: one of a process that has exited. */
function deadPid(): number {
  return spawnSync(process.execPath, ['-e', '0']).pid!;
}

test('two merges writing the same -o at once: the one that finishes second gets "already exists" (exit 2); the first one\'s zip stays', async () => {
  const dir = tempDir('e2e-race');
  // A writes slowly: it is past the up-front check and busy writing when B starts, finishes and publishes.
  const a = spawnCli(MERGE, dir, { CABINET_MERGE_TEST_DELAY_WRITE_MS: '8000' });
  expect(await waitFor(() => readdirSync(dir).some((f) => f.startsWith('.M.zip.') && f.endsWith('.tmp')))).toBe(true);
  const b = runCli([...MERGE.slice(0, -2), '--report', 'B.json'], { cwd: dir });
  expect(b.status).toBe(1);
  const fromB = readFileSync(path.join(dir, 'M.zip'));
  const ra = await a.done;
  expect(ra.code).toBe(2);
  expect(ra.stderr.trim()).toBe(`cabinet-merge: M.zip: already exists; add --force to overwrite it, or choose another name`);
  expect(readFileSync(path.join(dir, 'M.zip')).equals(fromB)).toBe(true);
  // A left nothing of its own: no report, no temp file, no journal.
  expect(readdirSync(dir).sort()).toEqual(['B.json', 'M.zip']);
}, 60000);

test('pack: a file that appears at -o while the zip is being written is not replaced; pack stops with "already exists" (exit 2)', async () => {
  const dir = tempDir('e2e-pack-race');
  // A plain folder (an export unzipped by hand): pack checks it, then writes slowly.
  const a = spawnCli(['pack', path.join(SAMPLES, 'mine'), '-o', 'P.zip'], dir, { CABINET_MERGE_TEST_DELAY_WRITE_MS: '8000' });
  expect(await waitFor(() => readdirSync(dir).some((f) => f.includes('.P.zip.') && f.endsWith('.tmp')))).toBe(true);
  writeFileSync(path.join(dir, 'P.zip'), 'the admin copied another zip here meanwhile');
  const ra = await a.done;
  expect(ra.code).toBe(2);
  expect(ra.stderr.trim()).toBe(`cabinet-merge: ${path.join(dir, 'P.zip')} already exists and was not packed from this folder. Choose another name or remove it first.`);
  expect(readFileSync(path.join(dir, 'P.zip'), 'utf8')).toBe('the admin copied another zip here meanwhile');
  expect(readdirSync(dir)).toEqual(['P.zip']);
}, 60000);

test('SIGKILL between the zip and the report: the rerun recognises the half as its own and writes both, without --force', async () => {
  const dir = tempDir('e2e-kill');
  const a = spawnCli(MERGE, dir, { CABINET_MERGE_TEST_DELAY_PUBLISH_MS: '20000' });
  expect(await waitFor(() => existsSync(path.join(dir, 'M.zip')))).toBe(true);
  a.child.kill('SIGKILL');
  expect((await a.done).signal).toBe('SIGKILL');
  expect(existsSync(path.join(dir, 'R.json'))).toBe(false);
  expect(existsSync(path.join(dir, '.M.zip.cabinet-merge-publish'))).toBe(true);

  const again = runCli(MERGE, { cwd: dir });
  expect(again.stderr).toBe('');
  expect(again.status).toBe(1);
  expect(JSON.parse(readFileSync(path.join(dir, 'R.json'), 'utf8')).output.archive).toBe('M.zip');
  expect(readdirSync(dir).filter((f) => !f.endsWith('.tmp')).sort()).toEqual(['M.zip', 'R.json']);
  // Once the pair is complete, a third run refuses as before.
  expect(runCli(MERGE, { cwd: dir }).status).toBe(2);
}, 60000);

describe('the publish journal', () => {
  test('a live process\'s journal: refused with a message naming it (en/ru)', () => {
    const dir = tempDir('e2e-journal-live');
    const journal = path.join(dir, '.M.zip.cabinet-merge-publish');
    writeFileSync(journal, JSON.stringify({ tool: 'cabinet-merge', pid: process.pid, outputs: [path.join(dir, 'M.zip')] }));
    const r = runCli(MERGE, { cwd: dir });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain(`M.zip: another cabinet-merge (process ${process.pid}) is writing this output right now`);
    expect(runCli([...MERGE, '--lang', 'ru'], { cwd: dir }).stderr).toContain('другой cabinet-merge');
    expect(existsSync(path.join(dir, 'M.zip'))).toBe(false);
  });

  test('a dead process\'s journal allows replacing only this run\'s own outputs: a listed other file is untouched, an unlisted output still refuses', () => {
    const dir = tempDir('e2e-journal-dead');
    const victim = path.join(dir, 'victim.txt');
    writeFileSync(victim, 'keep');
    writeFileSync(path.join(dir, 'R.json'), 'not from that run');
    writeFileSync(
      path.join(dir, '.M.zip.cabinet-merge-publish'),
      JSON.stringify({ tool: 'cabinet-merge', pid: deadPid(), outputs: [path.join(dir, 'M.zip'), victim] }),
    );
    writeFileSync(path.join(dir, 'M.zip'), 'half');
    // R.json exists but the journal does not list it: still "already exists".
    const r = runCli(MERGE, { cwd: dir });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('R.json: already exists');
    expect(readFileSync(victim, 'utf8')).toBe('keep');
  });
});
