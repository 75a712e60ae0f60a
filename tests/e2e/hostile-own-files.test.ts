/**
 * Issue 14, hostile inputs round 2: the tool's own files (a working folder's state, the baseline store's manifests,
 * the resolution store, the rules file) are input too. A planted or damaged one must end as one clear message and
 * exit 2 — never a write, read or delete outside the folder it belongs to, never a hang, never "internal error".
 */
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { runCli } from '../helpers/cli';
import { cleanTempDirs, tempDir, walk } from '../helpers/tmp';

afterAll(cleanTempDirs);

const SAMPLES = path.resolve(__dirname, '../../samples');
const sides = ['base', 'mine', 'theirs'].map((s) => path.join(SAMPLES, s));

/** dir/a/WORK made by merge --out-dir; the state file's path; the parsed state. */
function makeWork(): { dir: string; work: string; stateFile: string; state: any } {
  const dir = tempDir('e2e-hostile');
  const work = path.join(dir, 'a', 'WORK');
  mkdirSync(path.join(dir, 'a'));
  expect(runCli(['merge', ...sides, '--out-dir', work]).status).toBe(1);
  const stateFile = path.join(work, '.cabinet-merge', 'state.json');
  return { dir, work, stateFile, state: JSON.parse(readFileSync(stateFile, 'utf8')) };
}

function expectCleanError(r: { status: number | null; stderr: string }, ...parts: string[]): void {
  expect(r.status).toBe(2);
  expect(r.stderr).not.toContain('internal error');
  expect(r.stderr.trim().split('\n')).toHaveLength(1);
  for (const p of parts) expect(r.stderr).toContain(p);
}

function mkfifo(p: string): void {
  execFileSync('mkfifo', [p]);
}

describe('working-folder state paths are checked', () => {
  test("resolve with a state naming '../../planted.txt' writes nothing outside WORK and deletes nothing", () => {
    const { dir, work, stateFile, state } = makeWork();
    writeFileSync(path.join(dir, 'victim.txt'), 'keep me');
    const template = state.conflicts['js/receipt-print.js'];
    state.conflicts['../../planted.txt'] = template; // sides base + mine: --mine writes it
    state.conflicts['../../victim.txt'] = template; // no theirs side: --theirs deletes it
    writeFileSync(stateFile, JSON.stringify(state));
    for (const [p, side] of [['../../planted.txt', '--mine'], ['../../victim.txt', '--theirs']]) {
      const r = runCli(['resolve', work, p, side]);
      expectCleanError(r, 'state.json', "'..'", 'conflicts["../../');
    }
    expect(existsSync(path.join(dir, 'planted.txt'))).toBe(false);
    expect(readFileSync(path.join(dir, 'victim.txt'), 'utf8')).toBe('keep me');
  });

  test.each([
    ['an absolute path', '/tmp/x.css'],
    ['a drive letter', 'C:/x.css'],
    ['a backslash', 'css\\..\\..\\x.css'],
  ])('a state path with %s is refused', (_what, bad) => {
    const { work, stateFile, state } = makeWork();
    state.files[bad] = state.files['css/main.css'];
    writeFileSync(stateFile, JSON.stringify(state));
    expectCleanError(runCli(['status', work]), 'state.json', 'unsafe path');
  });

  test("pack with a conflict-block key '../../escaped' writes no file outside the resolution store", () => {
    const { dir, work, stateFile, state } = makeWork();
    state.conflicts['css/theme.css'].blocks[0].key = '../../escaped';
    writeFileSync(stateFile, JSON.stringify(state));
    const store = path.join(dir, 'store', 'res');
    const r = runCli(['pack', work, '-o', path.join(dir, 'OUT.zip'), '--force', '--resolutions', store]);
    expectCleanError(r, 'state.json', 'blocks[0].key', '64 hex digits');
    expect(walk(dir).filter((f) => f.includes('escaped'))).toEqual([]);
    expect(existsSync(path.join(dir, 'OUT.zip'))).toBe(false);
  });

  test('wrong types in the state: one message naming the file and the field', () => {
    const { work, stateFile, state } = makeWork();
    state.files['css/main.css'].sha256 = 5;
    writeFileSync(stateFile, JSON.stringify(state));
    expectCleanError(runCli(['status', work]), 'state.json', 'files["css/main.css"].sha256');
    state.files['css/main.css'].sha256 = 'ab'.repeat(32);
    writeFileSync(stateFile, JSON.stringify({ ...state, conflicts: [] }));
    expectCleanError(runCli(['pack', work, '-o', path.join(work, '..', 'O.zip')]), 'state.json', 'conflicts: expected an object');
    writeFileSync(stateFile, JSON.stringify({ ...state, files: { 'a.css': { ...state.files['css/main.css'], text: { encoding: 'koi8', bom: false, eol: 'lf' } } } }));
    expectCleanError(runCli(['status', work, '--lang', 'ru']), 'state.json', 'ожидалось одно из');
  });

  test('a state 100,000 levels deep, or with a deep value: a clear message, not an internal error', () => {
    const { work, stateFile, state } = makeWork();
    writeFileSync(stateFile, '['.repeat(100_000) + ']'.repeat(100_000));
    expectCleanError(runCli(['status', work]), 'state.json', 'nests 100000 levels deep');
    const deep = '['.repeat(5000) + ']'.repeat(5000);
    writeFileSync(stateFile, JSON.stringify({ ...state, created: 'DEEP' }).replace('"DEEP"', deep));
    expectCleanError(runCli(['resolve', work, 'css/theme.css', '--mine']), 'state.json', 'nests');
  });

  test('a state file that is a FIFO: refused at once, no hang', () => {
    const { work, stateFile } = makeWork();
    rmSync(stateFile);
    mkfifo(stateFile);
    const started = Date.now();
    const r = runCli(['status', work], { timeoutMs: 15000 });
    expectCleanError(r, 'state.json', 'not a regular file');
    expect(Date.now() - started).toBeLessThan(15000);
  });

  test('a state folder that is a symbolic link is refused', () => {
    const { dir, work } = makeWork();
    const elsewhere = path.join(dir, 'elsewhere');
    cpSync(path.join(work, '.cabinet-merge'), elsewhere, { recursive: true });
    rmSync(path.join(work, '.cabinet-merge'), { recursive: true });
    symlinkSync(elsewhere, path.join(work, '.cabinet-merge'));
    expectCleanError(runCli(['resolve', work, 'css/theme.css', '--mine']), 'symbolic link');
  });
});

describe('links out of WORK and into inputs', () => {
  test('resolve on a file of WORK that is a link to a file outside WORK: refused, the outside file untouched', () => {
    const { dir, work } = makeWork();
    const outside = path.join(dir, 'outside.css');
    writeFileSync(outside, 'outside');
    rmSync(path.join(work, 'css', 'theme.css'));
    symlinkSync(outside, path.join(work, 'css', 'theme.css'));
    expectCleanError(runCli(['resolve', work, 'css/theme.css', '--mine']), 'symbolic link');
    expect(readFileSync(outside, 'utf8')).toBe('outside');
  });

  test('resolve through a linked folder of WORK is refused too', () => {
    const { dir, work } = makeWork();
    const outside = path.join(dir, 'outside-css');
    cpSync(path.join(work, 'css'), outside, { recursive: true });
    rmSync(path.join(work, 'css'), { recursive: true });
    symlinkSync(outside, path.join(work, 'css'));
    const before = readFileSync(path.join(outside, 'theme.css'));
    expectCleanError(runCli(['resolve', work, 'css/theme.css', '--theirs']), 'symbolic link');
    expect(readFileSync(path.join(outside, 'theme.css'))).toEqual(before);
  });

  test('merge --out-dir under a link into the mine folder: refused, mine untouched, the message names --out-dir', () => {
    const dir = tempDir('e2e-hostile-link');
    const mine = path.join(dir, 'mine');
    cpSync(sides[1], mine, { recursive: true });
    const before = walk(mine);
    symlinkSync(path.join(mine, 'css'), path.join(dir, 'lnk'));
    const work = path.join(dir, 'lnk', 'WORK');
    const r = runCli(['merge', sides[0], mine, sides[2], '--out-dir', work]);
    expectCleanError(r, `${work}: this is inside the input folder ${mine}`);
    expect(r.stderr).not.toContain('WORK.conflicts');
    expect(walk(mine)).toEqual(before);
  });

  test('pack -o through a link into WORK is refused as inside the working folder', () => {
    const { dir, work } = makeWork();
    symlinkSync(work, path.join(dir, 'into-work'));
    const r = runCli(['pack', work, '-o', path.join(dir, 'into-work', 'OUT.zip'), '--force']);
    expectCleanError(r, 'inside the working folder');
    expect(existsSync(path.join(work, 'OUT.zip'))).toBe(false);
  });
});

describe('the baseline store and the resolution store', () => {
  function savedStore(): { dir: string; store: string; manifestFile: string; manifest: any } {
    const dir = tempDir('e2e-hostile-store');
    const store = path.join(dir, 'team', 'store');
    expect(runCli(['baseline', 'save', sides[2], '--store', store, '--name', 'v2']).status).toBe(0);
    const mdir = path.join(store, 'baselines');
    const manifestFile = path.join(mdir, readdirSync(mdir)[0]);
    return { dir, store, manifestFile, manifest: JSON.parse(readFileSync(manifestFile, 'utf8')) };
  }

  test("baseline remove with a manifest whose blob name is '../../victim.txt' deletes nothing outside the store", () => {
    const { store, manifestFile, manifest } = savedStore();
    const bad = '../../../victim.txt';
    const victim = path.join(store, 'blobs', bad.slice(0, 2), bad);
    writeFileSync(victim, 'keep me');
    const first = Object.keys(manifest.files)[0];
    manifest.files[first] = bad;
    writeFileSync(manifestFile, JSON.stringify(manifest));
    const r = runCli(['baseline', 'remove', manifest.id, '--store', store]);
    expectCleanError(r, path.basename(manifestFile), `files["${first}"]`, '64 hex digits');
    expect(readFileSync(victim, 'utf8')).toBe('keep me');
  });

  test('a manifest with wrong types or 100,000 levels deep is listed as damaged, and merge ignores it', () => {
    const { dir, store, manifestFile, manifest } = savedStore();
    writeFileSync(manifestFile, JSON.stringify({ ...manifest, dirs: 7 }));
    const list = runCli(['baseline', 'list', '--store', store]);
    expect(list.status).toBe(0);
    expect(list.stdout).toContain('dirs: expected a list');
    writeFileSync(manifestFile, '{"a":'.repeat(100_000) + '1' + '}'.repeat(100_000));
    expect(runCli(['baseline', 'list', '--store', store]).stdout).toContain('nests 100000 levels deep');
    // A two-input merge looks for a stored baseline: the damaged manifest must not break it.
    const r = runCli(['merge', '--mine', sides[1], '--theirs', sides[2], '-o', path.join(dir, 'M.zip'), '--store', store]);
    expect([0, 1]).toContain(r.status);
    expect(r.stderr).not.toContain('internal error');
  });

  test('a FIFO in the store (manifest) or the resolution store (record) does not hang', () => {
    const { dir, store, manifestFile } = savedStore();
    rmSync(manifestFile);
    mkfifo(manifestFile);
    const list = runCli(['baseline', 'list', '--store', store], { timeoutMs: 15000 });
    expect(list.status).toBe(0);
    expect(list.stdout).toContain('not a regular file');

    const { state } = makeWork();
    const key = state.conflicts['css/theme.css'].blocks[0].key;
    const res = path.join(dir, 'res');
    mkdirSync(res);
    mkfifo(path.join(res, `${key}.json`));
    const r = runCli(['merge', ...sides, '-o', path.join(dir, 'M.zip'), '--resolutions', res], { timeoutMs: 15000 });
    expect(r.status).toBe(1);
  });
});

describe('the rules file', () => {
  test('a rules file 100,000 levels deep: rules-invalid with its position, not an internal error', () => {
    const dir = tempDir('e2e-hostile-rules');
    const rules = path.join(dir, 'rules.json');
    writeFileSync(rules, '{"rules":' + '['.repeat(100_000) + ']'.repeat(100_000) + '}');
    const r = runCli(['merge', ...sides, '-o', path.join(dir, 'M.zip'), '--rules', rules]);
    expectCleanError(r, 'rules.json:1:', 'nested more than 100 levels deep');
  });

  test('a rules file that is a FIFO: refused at once', () => {
    const dir = tempDir('e2e-hostile-rules-fifo');
    const rules = path.join(dir, 'rules.json');
    mkfifo(rules);
    const r = runCli(['merge', ...sides, '-o', path.join(dir, 'M.zip'), '--rules', rules], { timeoutMs: 15000 });
    expectCleanError(r, 'rules.json', 'ENOTREG');
  });
});
