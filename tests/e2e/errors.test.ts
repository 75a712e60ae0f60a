/**
 * Issue 5 through the built CLI: every bad input gets exit 2 and exactly one clear message on stderr (English;
 * Russian with --lang ru and with LANG=ru_RU.UTF-8), no stack trace unless --verbose, nothing written (no output,
 * no temp file), and the inputs byte-for-byte unchanged. Then the output-path checks, the same archive given twice,
 * and Ctrl+C while writing.
 */
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { chmodSync, copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { CLI, runCli, type CliResult } from '../helpers/cli';
import {
  FLAG_ENCRYPTED,
  MADE_BY_UNIX,
  UNIX_SYMLINK_ATTR,
  buildZip,
  type BuildOptions,
  type RawSpec,
} from '../helpers/rawzip';
import { cleanTempDirs, tempDir, walk } from '../helpers/tmp';

const SAMPLES = path.resolve(__dirname, '../../samples');
const DATE = new Date(Date.UTC(2026, 0, 15, 9, 0, 0));

afterAll(cleanTempDirs);

/** The sample side as zip entries (deflated, UTF-8 names), in path order. */
function sampleSpecs(side: 'base' | 'mine' | 'theirs'): RawSpec[] {
  const dir = path.join(SAMPLES, side);
  return walk(dir)
    .sort()
    .map((p) => ({ name: p, data: readFileSync(path.join(dir, p)), date: DATE }));
}

function sampleZip(side: 'base' | 'mine' | 'theirs', extra: RawSpec[] = [], options?: BuildOptions): Buffer {
  return buildZip([...sampleSpecs(side), ...extra], options);
}

/** Path → sha256 of every file under `dir` (hidden ones included): what "nothing changed" is checked against. */
function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const p of walk(dir)) out[p] = createHash('sha256').update(readFileSync(path.join(dir, p))).digest('hex');
  return out;
}

/** A fresh folder with good base.zip and mine.zip, and `theirs` as theirs.zip (or as given). */
function workspace(theirs: Buffer = sampleZip('theirs')): string {
  const dir = tempDir('errors');
  writeFileSync(path.join(dir, 'base.zip'), sampleZip('base'));
  writeFileSync(path.join(dir, 'mine.zip'), sampleZip('mine'));
  writeFileSync(path.join(dir, 'theirs.zip'), theirs);
  return dir;
}

const MERGE = ['merge', 'base.zip', 'mine.zip', 'theirs.zip', '-o', 'MERGED.zip', '--report', 'REPORT.json'];

/** Asserts the shape every refusal shares: exit 2, one "cabinet-merge: ..." line, no stack, no stdout. */
function expectOneMessage(r: CliResult): string {
  expect({ status: r.status, stdout: r.stdout }).toEqual({ status: 2, stdout: '' });
  const lines = r.stderr.trimEnd().split('\n');
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(/^cabinet-merge: \S/);
  expect(r.stderr).not.toMatch(/\n\s+at |Error:|TypeError|RangeError/);
  return lines[0];
}

/**
 * Runs `args` in `dir` three times (English; --lang ru; LANG=ru_RU.UTF-8) and asserts for each: exit 2, one
 * message containing every string of `expected` (file and entry names, which are the same in both languages), the
 * message in the expected language, and the folder exactly as before. Returns the English message.
 */
function expectRefused(dir: string, args: string[], expected: string[] = []): string {
  const before = snapshot(dir);
  const en = expectOneMessage(runCli(args, { cwd: dir }));
  const ruFlag = expectOneMessage(runCli([...args, '--lang', 'ru'], { cwd: dir }));
  const ruEnv = expectOneMessage(runCli(args, { cwd: dir, env: { LANG: 'ru_RU.UTF-8' } }));
  expect(en).not.toMatch(/[а-яё]/i);
  expect(ruFlag).toMatch(/[а-яё]/i);
  expect(ruEnv).toBe(ruFlag);
  for (const s of expected) {
    expect(en).toContain(s);
    expect(ruFlag).toContain(s);
  }
  expect(snapshot(dir)).toEqual(before);
  return en;
}

describe('bad inputs: exit 2, one message, nothing written, inputs unchanged', () => {
  test('a missing input path', () => {
    const dir = workspace();
    const msg = expectRefused(dir, ['merge', 'base.zip', 'mine.zip', 'nope.zip', '-o', 'MERGED.zip'], ['nope.zip']);
    expect(msg).toMatch(/theirs: nope\.zip: no such file or folder/);
  });

  test('a file named as a folder (trailing slash) is refused; a folder where a zip is usual is read as a folder', () => {
    const dir = workspace();
    expect(expectRefused(dir, ['merge', 'base.zip/', 'mine.zip', 'theirs.zip', '-o', 'MERGED.zip'])).toContain(
      'is a file, not a folder',
    );
    const ok = runCli(['merge', path.join(SAMPLES, 'base'), 'mine.zip', 'theirs.zip', '-o', 'MERGED.zip'], { cwd: dir });
    expect([0, 1]).toContain(ok.status);
    expect(existsSync(path.join(dir, 'MERGED.zip'))).toBe(true);
  });

  test.each([
    ['an empty file', Buffer.alloc(0), 'empty'],
    ['a RAR archive renamed to .zip', Buffer.concat([Buffer.from('Rar!\x1a\x07\x01\x00', 'latin1'), Buffer.alloc(200, 7)]), 'RAR'],
    ['a PDF renamed to .zip', Buffer.from('%PDF-1.7\n%âãÏÓ\n1 0 obj << >> endobj\n'), 'PDF'],
    ['an HTML error page saved as .zip', Buffer.from('<!DOCTYPE html><html><body>404</body></html>'), 'HTML'],
  ])('%s', (_what, bytes, says) => {
    expect(expectRefused(workspace(bytes), MERGE, ['theirs.zip'])).toContain(says);
  });

  test('a truncated zip (an interrupted download), at several lengths', () => {
    const full = sampleZip('theirs');
    for (const keep of [10, 1000, Math.floor(full.length / 2), full.length - 30]) {
      const msg = expectRefused(workspace(full.subarray(0, keep)), MERGE, ['theirs.zip']);
      expect(msg).toMatch(/truncated|damaged/);
    }
  });

  test('a bad CRC in one entry names the entry', () => {
    const zip = sampleZip('theirs', [{ name: 'pages/broken.html', data: '<p>hello</p>', crc: 0x12345678 }]);
    expect(expectRefused(workspace(zip), MERGE, ['pages/broken.html'])).toContain('CRC');
  });

  test('an encrypted entry: input-unsupported, says to re-pack without a password', () => {
    const zip = sampleZip('theirs', [{ name: 'secret.txt', flags: FLAG_ENCRYPTED, method: 'store', data: 'xx' }]);
    expect(expectRefused(workspace(zip), MERGE, ['secret.txt'])).toContain('password');
  });

  test.each([
    [14, 'LZMA'],
    [12, 'BZip2'],
    [9, 'Deflate64'],
    [93, 'Zstandard'],
  ])('compression method %d (%s) is named, with how to re-pack', (method, name) => {
    const zip = sampleZip('theirs', [{ name: 'img/big.bin', method, data: 'xx' }]);
    expect(expectRefused(workspace(zip), MERGE, ['img/big.bin', name])).toContain('Deflate');
  });

  test.each([
    ['../evil.js', "'..'"],
    ['css/../../evil.js', "'..'"],
    ['/etc/cron.d/evil', 'absolute'],
    ['C:\\Windows\\evil.dll', 'drive letter'],
    ['C:evil.dll', 'drive letter'],
  ])('an entry escaping the tree (%s) is refused, naming it, and nothing is written anywhere', (name, why) => {
    // The workspace sits in a folder of its own, so "nothing written anywhere" includes its parent.
    const outer = tempDir('escape');
    const dir = path.join(outer, 'work');
    mkdirSync(dir);
    for (const f of readdirSync(workspace(sampleZip('theirs', [{ name, data: 'pwned' }])), { withFileTypes: true })) {
      copyFileSync(path.join(f.parentPath, f.name), path.join(dir, f.name));
    }
    expect(expectRefused(dir, MERGE, [name])).toContain(why);
    expect(readdirSync(outer)).toEqual(['work']);
  });

  test('a symlink entry is refused, never followed', () => {
    const link: RawSpec = { name: 'js/link.js', data: '/etc/passwd', versionMadeBy: MADE_BY_UNIX, externalAttributes: UNIX_SYMLINK_ATTR };
    expect(expectRefused(workspace(sampleZip('theirs', [link])), MERGE, ['js/link.js'])).toContain('symbolic link');
  });

  test('duplicate entry names, and two names equal after normalisation', () => {
    const dup = sampleZip('theirs', [{ name: 'index.html', data: 'second copy' }]);
    expect(expectRefused(workspace(dup), MERGE, ['index.html'])).toContain('same path');
    const slashes = sampleZip('theirs', [{ name: 'css\\theme.css', data: 'x' }]);
    expect(expectRefused(workspace(slashes), MERGE, ['css\\theme.css', 'css/theme.css'])).toContain('same path');
    const dots = sampleZip('theirs', [{ name: './css//theme.css', data: 'x' }]);
    expect(expectRefused(workspace(dots), MERGE, ['css/theme.css'])).toContain('same path');
  });

  test('zip bombs: ratio, total size and entry count are refused before inflating, naming the option', () => {
    const zeros = Buffer.alloc(8 * 1024 * 1024);
    const ratio = sampleZip('theirs', [{ name: 'img/bomb.bin', data: zeros }]);
    expect(expectRefused(workspace(ratio), MERGE, ['img/bomb.bin', '--max-ratio'])).toContain('expands');
    // A header that claims 2 GiB: refused from the directory, long before any inflating.
    const huge = sampleZip('theirs', [{ name: 'img/huge.bin', data: 'x', uncompressedSize: 2 ** 31 }]);
    expect(expectRefused(workspace(huge), MERGE, ['--max-total-size'])).toContain('bytes uncompressed');
    const many = sampleZip('theirs', [], { declaredCount: 60000 });
    expect(expectRefused(workspace(many), MERGE, ['60000', '--max-entries'])).toContain('entries');
  });

  test('the limits can be raised (and lowered) from the command line', () => {
    const zeros = Buffer.alloc(8 * 1024 * 1024);
    const dir = workspace(sampleZip('theirs', [{ name: 'img/bomb.bin', data: zeros }]));
    const raised = runCli([...MERGE, '--max-ratio', '100000'], { cwd: dir });
    expect([0, 1]).toContain(raised.status);
    const dir2 = workspace();
    expect(expectRefused(dir2, [...MERGE, '--max-entries', '5'], ['--max-entries'])).toContain('over the limit of 5');
    expect(expectRefused(dir2, [...MERGE, '--max-total-size', '100K'], ['--max-total-size'])).toContain('102400');
    expect(expectRefused(dir2, [...MERGE, '--max-total-size', 'lots'])).toContain("'lots'");
    expect(expectRefused(dir2, [...MERGE, '--max-file-size', '10'], ['--max-file-size'])).toContain('over the limit of 10 ');
    expect(expectRefused(dir2, [...MERGE, '--max-file-size', 'lots'])).toContain("'lots'");
  });

  test('a ZIP64 archive is read (the reader follows the ZIP64 end record and extra fields)', () => {
    const dir = workspace(sampleZip('theirs', [], { zip64: true }));
    const r = runCli(MERGE, { cwd: dir });
    expect([0, 1]).toContain(r.status);
    expect(r.stderr).toBe('');
  });

  test('the stack of the cause is shown only with --verbose', () => {
    // Damaged deflate data: the cause is a zlib error, which has a stack.
    // Stored, then relabelled as deflated: 0xff starts a block of the reserved type 3, which zlib rejects.
    const zip = buildZip([{ name: 'a.js', method: 'store', data: Buffer.alloc(16, 0xff) }]);
    zip.writeUInt16LE(8, 8);
    zip.writeUInt16LE(8, zip.indexOf('PK\x01\x02', 0, 'latin1') + 10);
    const dir = workspace(zip);
    expect(expectRefused(dir, MERGE, ['a.js'])).toContain('damaged');
    const r = runCli([...MERGE, '--verbose'], { cwd: dir });
    expect(r.status).toBe(2);
    expect(r.stderr.split('\n')[0]).toMatch(/^cabinet-merge: theirs: theirs\.zip: entry 'a\.js'/);
    expect(r.stderr).toMatch(/\n\s+at /);
  });
});

describe('output paths', () => {
  test('the output is an input (also through a symlink): refused, the input intact', () => {
    const dir = workspace();
    expect(expectRefused(dir, ['merge', 'base.zip', 'mine.zip', 'theirs.zip', '-o', 'mine.zip', '--force'], ['mine.zip'])).toContain(
      'destroy',
    );
    expect(expectRefused(dir, ['merge', 'base.zip', 'mine.zip', 'theirs.zip', '-o', './sub/../theirs.zip', '--force'])).toContain(
      'destroy',
    );
  });

  test('the output inside an input folder: refused', () => {
    const dir = workspace();
    const folder = path.join(dir, 'mine');
    mkdirSync(folder);
    for (const p of walk(path.join(SAMPLES, 'mine'))) {
      mkdirSync(path.dirname(path.join(folder, p)), { recursive: true });
      copyFileSync(path.join(SAMPLES, 'mine', p), path.join(folder, p));
    }
    expect(expectRefused(dir, ['merge', 'base.zip', 'mine', 'theirs.zip', '-o', 'mine/css/MERGED.zip'], ['mine/css/MERGED.zip'])).toContain(
      'inside the input folder',
    );
  });

  test('an existing output is refused unless --force, and replaced whole with it', () => {
    const dir = workspace();
    writeFileSync(path.join(dir, 'MERGED.zip'), 'old result');
    expect(expectRefused(dir, MERGE, ['MERGED.zip'])).toContain('--force');
    const r = runCli([...MERGE, '--force'], { cwd: dir });
    expect([0, 1]).toContain(r.status);
    expect(readFileSync(path.join(dir, 'MERGED.zip')).subarray(0, 2).toString()).toBe('PK');
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  test('the output folder is missing, or part of the path is a file, or the output is a folder', () => {
    const dir = workspace();
    expect(expectRefused(dir, ['merge', 'base.zip', 'mine.zip', 'theirs.zip', '-o', 'missing/MERGED.zip'], ['missing'])).toContain(
      'does not exist',
    );
    writeFileSync(path.join(dir, 'notes.txt'), 'a file, not a folder');
    expect(expectRefused(dir, ['merge', 'base.zip', 'mine.zip', 'theirs.zip', '-o', 'notes.txt/MERGED.zip'])).toContain(
      'not a folder',
    );
    mkdirSync(path.join(dir, 'out'));
    expect(expectRefused(dir, ['merge', 'base.zip', 'mine.zip', 'theirs.zip', '-o', 'out', '--force'])).toContain('is a folder');
    expect(expectRefused(dir, ['merge', 'base.zip', 'mine.zip', 'theirs.zip', '-o', 'o.zip', '--report', 'o.zip'])).toContain(
      'two outputs',
    );
  });

  // As root, permissions do not stop writes: then the CLI runs as 'nobody' through setpriv (util-linux, part of
  // every Debian system); as an ordinary user it runs directly.
  const asRoot = process.getuid?.() === 0;
  const setpriv = ['/usr/bin/setpriv', '/bin/setpriv'].find((p) => existsSync(p));
  test('a folder that is not writable is refused before reading anything', () => {
    if (asRoot && !setpriv) throw new Error('running as root: setpriv (util-linux) is needed to test as an ordinary user');
    const dir = workspace();
    chmodSync(dir, 0o777);
    const locked = path.join(dir, 'locked');
    mkdirSync(locked);
    chmodSync(locked, 0o555);
    const args = ['merge', 'base.zip', 'mine.zip', 'theirs.zip', '-o', 'locked/MERGED.zip'];
    const before = snapshot(dir);
    const env = { ...process.env, LANG: 'en_US.UTF-8', LC_ALL: '', LC_MESSAGES: '' };
    const r = asRoot
      ? spawnSync(setpriv!, ['--reuid=65534', '--regid=65534', '--clear-groups', process.execPath, CLI, ...args], { cwd: dir, env, encoding: 'utf8' })
      : spawnSync(process.execPath, [CLI, ...args], { cwd: dir, env, encoding: 'utf8' });
    expect(expectOneMessage({ status: r.status, stdout: r.stdout, stderr: r.stderr })).toMatch(
      /locked\/MERGED\.zip: its folder cannot be written to \((EACCES|EPERM)\)/,
    );
    expect(snapshot(dir)).toEqual(before);
  });
});

describe('the same archive given twice', () => {
  test('by path: merges, and the summary and the report say so', () => {
    const dir = workspace();
    const r = runCli(['merge', 'base.zip', 'mine.zip', 'base.zip', '-o', 'MERGED.zip', '--report', 'REPORT.json'], { cwd: dir });
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('The same input was given as base and theirs');
    expect(r.stdout).toContain('the vendor changed nothing');
    const report = JSON.parse(readFileSync(path.join(dir, 'REPORT.json'), 'utf8'));
    expect(report.sameInputs).toEqual([expect.objectContaining({ roles: ['base', 'theirs'], by: 'path' })]);
    const ru = runCli(['merge', 'base.zip', 'mine.zip', 'base.zip', '-o', 'M2.zip', '--lang', 'ru'], { cwd: dir });
    expect(ru.stdout).toContain('Один и тот же вход указан как base и theirs');
  });

  test('by content (a copy under another name): mine == base means the result is theirs', () => {
    const dir = workspace();
    copyFileSync(path.join(dir, 'base.zip'), path.join(dir, 'copy.zip'));
    const r = runCli(['merge', 'base.zip', 'copy.zip', 'theirs.zip', '-o', 'MERGED.zip', '--json'], { cwd: dir });
    expect(r.status).toBe(0);
    const report = JSON.parse(r.stdout);
    expect(report.sameInputs).toEqual([expect.objectContaining({ roles: ['base', 'mine'], by: 'content' })]);
    expect(report.sameInputs[0].en).toContain('no customisations');
  });

  test('all three the same', () => {
    const dir = workspace();
    const r = runCli(['merge', 'mine.zip', 'mine.zip', 'mine.zip', '-o', 'MERGED.zip'], { cwd: dir });
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('base and mine and theirs');
  });
});

/** Spawns the CLI; resolves with its exit code (or signal) and stderr. */
function spawnCli(args: string[], cwd: string, env: NodeJS.ProcessEnv = {}) {
  const child = spawn(process.execPath, [CLI, ...args], {
    cwd,
    env: { ...process.env, LANG: 'en_US.UTF-8', LC_ALL: '', LC_MESSAGES: '', ...env },
  });
  let stderr = '';
  child.stderr.on('data', (d) => (stderr += d));
  const done = new Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }>((resolve) =>
    child.on('close', (code, signal) => resolve({ code, signal, stderr })),
  );
  return { child, done };
}

async function waitFor(check: () => boolean, timeoutMs: number): Promise<boolean> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (check()) return true;
    await new Promise((r) => setTimeout(r, 10));
  }
  return false;
}

/** A theirs with ~6 MB of incompressible data, so writing takes a moment. */
function bigTheirs(): Buffer {
  const noise = createHash('sha512');
  const chunks: Buffer[] = [];
  for (let i = 0; i < 100_000; i++) chunks.push(noise.copy().update(String(i)).digest());
  return sampleZip('theirs', [{ name: 'img/noise.bin', data: Buffer.concat(chunks), method: 'store' }]);
}

describe('Ctrl+C', () => {
  // The process ends by re-raising the signal (cli/run.ts, exitBySignal): a shell reports 130 / 143, node's child
  // process API reports the signal.
  test('SIGINT while the merged zip is half written: killed by SIGINT (130), the temp file removed, no MERGED.zip', async () => {
    const dir = workspace(bigTheirs());
    const before = snapshot(dir);
    const { child, done } = spawnCli(MERGE, dir, { CABINET_MERGE_TEST_DELAY_WRITE_MS: '5000' });
    const temp = () => readdirSync(dir).some((f) => f.startsWith('.MERGED.zip.') && f.endsWith('.tmp'));
    expect(await waitFor(temp, 30000)).toBe(true);
    // The temp file holds half the zip now; the name the admin opens does not exist.
    expect(existsSync(path.join(dir, 'MERGED.zip'))).toBe(false);
    child.kill('SIGINT');
    const r = await done;
    expect(r.signal).toBe('SIGINT');
    expect(r.stderr).toContain('interrupted');
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(snapshot(dir)).toEqual(before);
  });

  test('SIGTERM after the zip is written but while the report is: both removed, killed by SIGTERM (143)', async () => {
    const dir = workspace(bigTheirs());
    const before = snapshot(dir);
    const { child, done } = spawnCli([...MERGE, '--lang', 'ru'], dir, { CABINET_MERGE_TEST_DELAY_WRITE_MS: '3000' });
    // Every output is written under a temporary name first and all are put into place together (io/publish.ts),
    // so the finished zip waits under its temporary name while the report is written.
    const reportTemp = () => readdirSync(dir).some((f) => f.startsWith('.') && f.includes('REPORT.json.') && f.endsWith('.tmp'));
    expect(await waitFor(reportTemp, 30000)).toBe(true);
    expect(existsSync(path.join(dir, 'MERGED.zip'))).toBe(false);
    expect(readdirSync(dir).some((f) => f.startsWith('.MERGED.zip.') && f.endsWith('.tmp'))).toBe(true);
    child.kill('SIGTERM');
    const r = await done;
    expect(r.signal).toBe('SIGTERM');
    expect(r.stderr).toContain('прервано');
    expect(snapshot(dir)).toEqual(before);
  });

  test('SIGINT at arbitrary moments (no test hook): either interrupted with nothing left, or complete', async () => {
    const theirs = bigTheirs();
    for (const delay of [50, 150, 300, 600]) {
      const dir = workspace(theirs);
      const before = snapshot(dir);
      const { child, done } = spawnCli(MERGE, dir);
      await new Promise((r) => setTimeout(r, delay));
      child.kill('SIGINT');
      const r = await done;
      const leftovers = readdirSync(dir).filter((f) => f.endsWith('.tmp'));
      expect(leftovers).toEqual([]);
      const complete = () => existsSync(path.join(dir, 'MERGED.zip')) && JSON.parse(readFileSync(path.join(dir, 'REPORT.json'), 'utf8')).schema;
      if (r.signal === 'SIGINT') {
        // Interrupted by run.ts (it re-raises the signal), killed by the default action before run.ts installed its
        // handlers (nothing written yet), or while node tears down after the run finished (both outputs done).
        const after = snapshot(dir);
        if (JSON.stringify(after) !== JSON.stringify(before)) expect(complete()).toBe('cabinet-merge/report@1');
      } else {
        expect([0, 1]).toContain(r.code);
        expect(existsSync(path.join(dir, 'MERGED.zip')) && existsSync(path.join(dir, 'REPORT.json'))).toBe(true);
      }
    }
  });
});
