/**
 * Issue 14, messages that pointed the wrong way, and paths the user typed echoed raw. Each through the built CLI:
 * exit 2 with one line that names the real problem (and the entry or file), or for a name Windows cannot hold, a
 * merge that keeps it aside.
 */
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { readTree } from '../../src/archive';
import { runCli, type CliResult } from '../helpers/cli';
import { buildZip } from '../helpers/rawzip';
import { cleanTempDirs, tempDir } from '../helpers/tmp';

afterAll(cleanTempDirs);

const SAMPLES = path.resolve(__dirname, '../../samples');
const [base, mine, theirs] = ['base', 'mine', 'theirs'].map((s) => path.join(SAMPLES, s));

function oneLine(r: CliResult): string {
  expect(r.status).toBe(2);
  const lines = r.stderr.trimEnd().split('\n');
  expect(lines).toHaveLength(1);
  expect(r.stderr).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/);
  return lines[0];
}

describe('damaged archives: the message says what is wrong', () => {
  test('100 KB of data after the end of a zip: "extra data after its end", not "truncated"', () => {
    const dir = tempDir('e2e-msg-extra');
    const z = path.join(dir, 'theirs.zip');
    writeFileSync(z, Buffer.concat([buildZip([{ name: 'index.html', data: '1\n' }]), Buffer.alloc(100 * 1024, 0x41)]));
    const line = oneLine(runCli(['merge', base, mine, z, '-o', path.join(dir, 'M.zip')]));
    expect(line).toContain('102400 bytes of extra data after its end');
    expect(line).toContain("not the archive's real end");
    expect(line).not.toContain('truncated');
    expect(oneLine(runCli(['merge', base, mine, z, '-o', path.join(dir, 'M.zip'), '--lang', 'ru']))).toContain('посторонних данных');
  });

  test('a ZIP64 extra field too short for the sizes it widens: the entry is named, no "byte 0 … past the end"', () => {
    const dir = tempDir('e2e-msg-zip64');
    // The Unicode Path field (10 bytes for 'a.css') relabelled as ZIP64 (0x0001), with both sizes saturated: 16 needed.
    const buf = buildZip([{ name: 'a.css', data: 'x\n', unicodePath: { name: 'a.css' } }]);
    const cd = buf.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
    buf.writeUInt32LE(0xffffffff, cd + 20);
    buf.writeUInt32LE(0xffffffff, cd + 24);
    const extraAt = cd + 46 + buf.readUInt16LE(cd + 28);
    expect(buf.readUInt16LE(extraAt)).toBe(0x7075);
    buf.writeUInt16LE(0x0001, extraAt);
    const z = path.join(dir, 'theirs.zip');
    writeFileSync(z, buf);
    const line = oneLine(runCli(['merge', base, mine, z, '-o', path.join(dir, 'M.zip')]));
    expect(line).toContain("entry 'a.css': its ZIP64 extra field holds 10 bytes, fewer than the 16");
    expect(line).not.toContain('past the end');
  });

  test('a file name in a folder input that is not UTF-8: said so, the name escaped, not "cannot be read (ENOENT)"', () => {
    const dir = tempDir('e2e-msg-nonutf8');
    const folder = path.join(dir, 'mine');
    mkdirSync(path.join(folder, 'css'), { recursive: true });
    writeFileSync(path.join(folder, 'index.html'), '1\n');
    // 'café.css' in windows-1251 / latin-1: the byte 0xE9 alone is not UTF-8.
    writeFileSync(Buffer.concat([Buffer.from(path.join(folder, 'css') + '/'), Buffer.from([0x63, 0x61, 0x66, 0xe9]), Buffer.from('.css')]), 'x\n');
    const line = oneLine(runCli(['merge', base, folder, theirs, '-o', path.join(dir, 'M.zip')]));
    expect(line).toContain("'css/caf\\xe9.css'");
    expect(line).toContain('not valid UTF-8');
    expect(line).not.toContain('ENOENT');
    expect(oneLine(runCli(['merge', base, folder, theirs, '-o', path.join(dir, 'M.zip'), '--lang', 'ru']))).toContain('не UTF-8');
  });
});

describe('names too long', () => {
  test('-o with a name the file system refuses: refused up front (before the inputs are read), saying so', () => {
    const dir = tempDir('e2e-msg-long');
    const out = path.join(dir, 'x'.repeat(300) + '.zip');
    // A missing mine would be the first complaint if the inputs were read before the output is checked.
    const line = oneLine(runCli(['merge', base, path.join(dir, 'missing'), theirs, '-o', out]));
    expect(line).toContain('too long (ENAMETOOLONG');
    expect(line).toContain('choose a shorter output name');
    const work = oneLine(runCli(['merge', base, mine, theirs, '--out-dir', path.join(dir, 'w'.repeat(300))]));
    expect(work).toContain('--out-dir');
    expect(work).toContain('too long');
  });

  test('-o with a long name the file system accepts (250 bytes): written; the temporary names fit too', async () => {
    const dir = tempDir('e2e-msg-long-ok');
    const out = path.join(dir, 'y'.repeat(246) + '.zip');
    const r = runCli(['merge', base, mine, theirs, '-o', out, '--report', path.join(dir, 'z'.repeat(245) + '.json')]);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(1);
    expect((await readTree(out)).files.size).toBeGreaterThan(0);
    expect(readdirSync(dir).filter((f) => f.startsWith('.'))).toEqual([]);
  });

  test('an entry name part longer than 255 characters: kept aside (Windows cannot create it), under a short name', async () => {
    const dir = tempDir('e2e-msg-long-entry');
    const long = `css/${'d'.repeat(300)}.css`;
    const z = (n: string, files: Record<string, string>) => {
      const p = path.join(dir, n);
      writeFileSync(p, buildZip(Object.entries(files).map(([name, data]) => ({ name, data }))));
      return p;
    };
    const out = path.join(dir, 'M.zip');
    const r = runCli(['merge', z('b.zip', { 'index.html': '1\n' }), z('m.zip', { 'index.html': '1\n', [long]: 'x\n' }), z('t.zip', { 'index.html': '1\n' }), '-o', out, '--json']);
    expect(r.status).toBe(1);
    const f = JSON.parse(r.stdout).files.find((x: { path: string }) => x.path === long);
    expect(f.conflict).toBe('windows-name');
    expect(f.keptAside[0].path).toBe(path.join('M.conflicts', 'windows-name', 'css', `${'d'.repeat(80)}~.css`));
    expect([...(await readTree(out)).files.keys()]).toEqual(['index.html']);
  });
});

describe('paths the user typed are escaped in messages', () => {
  test('ESC and a newline in an input path: shown as \\x1b and \\x0a, the message one line', () => {
    const dir = tempDir('e2e-msg-esc');
    const hostile = path.join(dir, 'mine\u001b[2J\nfake line.zip');
    const line = oneLine(runCli(['merge', base, hostile, theirs, '-o', path.join(dir, 'M.zip')]));
    expect(line).toContain('mine\\x1b[2J\\x0afake line.zip');
    expect(line).toContain('no such file or folder');
  });

  test('ESC in the output path: the summary on stdout shows it escaped', () => {
    const dir = tempDir('e2e-msg-esc-out');
    const out = path.join(dir, 'M\u001b[31m.zip');
    const r = runCli(['merge', base, mine, theirs, '-o', out]);
    expect(r.status).toBe(1);
    expect(existsSync(out)).toBe(true);
    expect(r.stdout).not.toContain('\u001b');
    expect(r.stdout).toContain('M\\x1b[31m');
  });
});
