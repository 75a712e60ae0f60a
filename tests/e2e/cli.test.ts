/**
 * The built CLI on real zips made the way Windows tools make them: CP866 names without the UTF-8 flag (Explorer,
 * 7-Zip, 1C), DOS attributes, CRLF, UTF-8 with BOM and windows-1251 text — built byte by byte with rawzip, not
 * with JSZip defaults. Each test merges, then opens the result with the system's `unzip` and with our reader.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import iconv from 'iconv-lite';
import { readTree } from '../../src/archive';
import { decodeText } from '../../src/text';
import { runCli } from '../helpers/cli';
import { buildZip, FLAG_UTF8, listZip, MADE_BY_DOS, type RawSpec } from '../helpers/rawzip';
import { cleanTempDirs, tempDir, walk } from '../helpers/tmp';

const SAMPLES = path.resolve(__dirname, '../../samples');
const DATE = new Date(Date.UTC(2026, 10, 20, 10, 30, 0));

afterAll(cleanTempDirs);

/** A zip as Windows Explorer writes it: CP866 names, no UTF-8 flag, DOS attributes, deflate. */
function windowsZip(files: Record<string, Uint8Array | string>, wrapper = ''): Buffer {
  const specs: RawSpec[] = Object.entries(files)
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([name, data]) => ({ name: wrapper + name, encoding: 'cp866', flags: 0, data, versionMadeBy: MADE_BY_DOS, date: DATE }));
  return buildZip(specs);
}

function sampleFiles(side: 'base' | 'mine' | 'theirs'): Record<string, Buffer> {
  const dir = path.join(SAMPLES, side);
  return Object.fromEntries(walk(dir).filter((p) => p !== 'README.md').map((p) => [p, readFileSync(path.join(dir, p))]));
}

function sha(file: string): string {
  return createHash('sha256').update(readFileSync(file)).digest('hex');
}

/** The three sample sides as Windows zips, plus Cyrillic-named files on each side. */
function sampleZips(dir: string): { base: string; mine: string; theirs: string } {
  const cyr = 'Документы/Договор оферты.html';
  const extra = {
    base: { [cyr]: '<p>Договор</p>\r\n<p>Редакция 1</p>\r\n<p>Подпись</p>\r\n' },
    mine: { [cyr]: '<p>Договор УК «Солнечный берег»</p>\r\n<p>Редакция 1</p>\r\n<p>Подпись</p>\r\n', 'Свои/Контакты.html': '<p>Наши контакты</p>\r\n' },
    theirs: { [cyr]: '<p>Договор</p>\r\n<p>Редакция 1</p>\r\n<p>Подпись поставщика</p>\r\n' },
  };
  const out = { base: '', mine: '', theirs: '' };
  for (const side of ['base', 'mine', 'theirs'] as const) {
    out[side] = path.join(dir, `${side}.zip`);
    writeFileSync(out[side], windowsZip({ ...sampleFiles(side), ...extra[side] }));
  }
  return out;
}

describe('merge of Windows-made zips (the bundled samples)', () => {
  const dir = tempDir('e2e-samples');
  const zips = sampleZips(dir);
  const inputHashes = Object.values(zips).map(sha);
  const out = path.join(dir, 'MERGED.zip');
  const reportPath = path.join(dir, 'report.json');
  const run = runCli(['merge', '--base', zips.base, '--mine', zips.mine, '--theirs', zips.theirs, '-o', out, '--report', reportPath]);

  test('exits 1 (conflicts left) and prints a summary naming them', () => {
    expect(run.stderr).toBe('');
    expect(run.status).toBe(1);
    expect(run.stdout).toContain('css/theme.css');
    expect(run.stdout).toContain('locales/ru.json');
    expect(run.stdout).toContain('js/receipt-print.js');
  });

  test('never modifies the inputs', () => {
    expect(Object.values(zips).map(sha)).toEqual(inputHashes);
  });

  test('the merged zip passes `unzip -t` and keeps CP866 names without the UTF-8 flag, as theirs had', () => {
    execFileSync('unzip', ['-tq', out]);
    const entries = listZip(readFileSync(out));
    const names = entries.map((e) => iconv.decode(e.nameBytes, 'cp866'));
    expect(names).toContain('Документы/Договор оферты.html');
    expect(names).toContain('Свои/Контакты.html');
    for (const e of entries) expect(e.flags & FLAG_UTF8).toBe(0);
  });

  test('text keeps its encoding and line ends; both sides\' edits are merged', async () => {
    const merged = await readTree(out);
    const text = (p: string) => decodeText(merged.files.get(p)!.bytes)!;
    const help = text('pages/help.html');
    expect(help.encoding).toBe('windows-1251');
    expect(text('settings.json')).toMatchObject({ encoding: 'utf-8', bom: true });
    expect(text('index.html').text).toMatch(/\r\n/);
    expect(text('pages/requests.html').text).not.toMatch(/\r/);
    const contract = text('Документы/Договор оферты.html').text;
    expect(contract).toBe('<p>Договор УК «Солнечный берег»</p>\r\n<p>Редакция 1</p>\r\n<p>Подпись поставщика</p>\r\n');
    expect(merged.files.has('Свои/Контакты.html')).toBe(true);
    expect(merged.files.has('pages/news.html')).toBe(false);
  });

  test('conflict markers are git\'s, labelled with side and archive, in the file\'s CRLF', async () => {
    const merged = await readTree(out);
    const css = decodeText(merged.files.get('css/theme.css')!.bytes)!.text;
    expect(css).toMatch(/\r\n<<<<<<< mine \(mine\.zip\)\r\n[^]*\r\n\|\|\|\|\|\|\| base \(base\.zip\)\r\n[^]*\r\n=======\r\n[^]*\r\n>>>>>>> theirs \(theirs\.zip\)\r\n/);
  });

  test('the JSON report matches the summary and the archive', async () => {
    const report = JSON.parse(readFileSync(reportPath, 'utf8'));
    expect(report.schema).toBe('cabinet-merge/report@1');
    expect(report.exitCode).toBe(1);
    const byPath = Object.fromEntries(report.files.map((f: { path: string; status: string }) => [f.path, f.status]));
    expect(byPath['css/theme.css']).toBe('conflict');
    expect(byPath['js/receipt-print.js']).toBe('modify-delete');
    expect(byPath['js/lib/widgets.js']).toBe('merged');
    expect(byPath['Документы/Договор оферты.html']).toBe('merged');
    const merged = await readTree(out);
    const inArchive = report.files.filter((f: { status: string }) => !f.status.startsWith('deleted')).map((f: { path: string }) => f.path);
    expect([...merged.files.keys()].sort()).toEqual(inArchive.sort());
    const theme = report.files.find((f: { path: string }) => f.path === 'css/theme.css');
    const css = decodeText(merged.files.get('css/theme.css')!.bytes)!.text.split('\r\n');
    expect(css[theme.conflicts[0].startLine - 1]).toMatch(/^<<<<<<< /);
    expect(css[theme.conflicts[0].endLine - 1]).toMatch(/^>>>>>>> /);
  });

  test('the same merge again gives a byte-identical zip (deterministic output)', () => {
    const again = path.join(dir, 'AGAIN.zip');
    const r = runCli(['merge', zips.base, zips.mine, zips.theirs, '-o', again]);
    expect(r.status).toBe(1);
    expect(sha(again)).toBe(sha(out));
  });
});

describe('round trip', () => {
  test('an archive merged with itself three times comes out with identical file bytes and names', async () => {
    const dir = tempDir('e2e-identity');
    const zip = path.join(dir, 'cabinet.zip');
    writeFileSync(zip, windowsZip({ ...sampleFiles('theirs'), 'Документы/Договор.html': '<p>Договор</p>\r\n' }));
    const out = path.join(dir, 'out.zip');
    const r = runCli(['merge', zip, zip, zip, '-o', out]);
    expect(r.status).toBe(0);
    const a = listZip(readFileSync(zip)).map((e) => e.nameBytes.toString('hex')).sort();
    const b = listZip(readFileSync(out)).map((e) => e.nameBytes.toString('hex')).filter((n) => !n.endsWith('2f')).sort();
    expect(b).toEqual(a);
    const [before, after] = await Promise.all([readTree(zip), readTree(out)]);
    for (const [p, f] of before.files) expect(Buffer.compare(after.files.get(p)!.bytes, f.bytes)).toBe(0);
  });
});

describe('layouts and options', () => {
  test('a wrapper folder in mine is aligned; the output keeps theirs\' layout and the report says so', () => {
    const dir = tempDir('e2e-wrapper');
    const base = path.join(dir, 'base.zip');
    const mine = path.join(dir, 'mine.zip');
    const theirs = path.join(dir, 'theirs.zip');
    writeFileSync(base, windowsZip({ 'index.html': 'a\r\nb\r\nc\r\n' }));
    writeFileSync(mine, windowsZip({ 'index.html': 'A\r\nb\r\nc\r\n' }, 'lk/'));
    writeFileSync(theirs, windowsZip({ 'index.html': 'a\r\nb\r\nC\r\n' }));
    const out = path.join(dir, 'out.zip');
    const r = runCli(['merge', base, mine, theirs, '-o', out, '--json']);
    expect(r.status).toBe(0);
    const report = JSON.parse(r.stdout);
    expect(report.layout.map((n: { code: string }) => n.code)).toEqual(['wrapper-folder']);
    expect(execFileSync('unzip', ['-p', out, 'index.html'], { encoding: 'utf8' })).toBe('A\r\nb\r\nC\r\n');
  });

  test('a binary conflict keeps theirs in the zip and mine in MERGED.conflicts/mine/', () => {
    const dir = tempDir('e2e-binary');
    const png = (n: number) => Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, n]);
    const make = (name: string, n: number) => {
      const p = path.join(dir, name);
      writeFileSync(p, windowsZip({ 'img/logo.png': png(n) }));
      return p;
    };
    const out = path.join(dir, 'MERGED.zip');
    const r = runCli(['merge', make('b.zip', 1), make('m.zip', 2), make('t.zip', 3), '-o', out]);
    expect(r.status).toBe(1);
    expect(readFileSync(path.join(dir, 'MERGED.conflicts', 'mine', 'img', 'logo.png'))).toEqual(png(2));
    expect(execFileSync('unzip', ['-p', out, 'img/logo.png'])).toEqual(png(3));
    expect(r.stdout).toContain(path.join('MERGED.conflicts', 'mine', 'img', 'logo.png'));
  });

  test('folders work as inputs, --quiet prints nothing, --conflict-style merge drops the base section', () => {
    const dir = tempDir('e2e-folders');
    const out = path.join(dir, 'out.zip');
    const r = runCli(['merge', path.join(SAMPLES, 'base'), path.join(SAMPLES, 'mine'), path.join(SAMPLES, 'theirs'), '-o', out, '--quiet', '--conflict-style', 'merge']);
    expect(r.status).toBe(1);
    expect(r.stdout).toBe('');
    const css = execFileSync('unzip', ['-p', out, 'css/theme.css'], { encoding: 'utf8' });
    expect(css).toContain('<<<<<<< mine (mine)');
    expect(css).not.toContain('|||||||');
  });

  test('Russian summary with --lang ru', () => {
    const dir = tempDir('e2e-ru');
    const r = runCli(['merge', path.join(SAMPLES, 'base'), path.join(SAMPLES, 'mine'), path.join(SAMPLES, 'theirs'), '-o', path.join(dir, 'o.zip'), '--lang', 'ru']);
    expect(r.status).toBe(1);
    expect(r.stdout).toContain('Требуют вашего решения');
  });
});

describe('usage', () => {
  test('--help explains every merge option with an example', () => {
    const r = runCli(['merge', '--help']);
    expect(r.status).toBe(0);
    for (const opt of ['--base', '--mine', '--theirs', '--output', '--report', '--conflict-style', '--force', '--ignore-whitespace', '--prefer', '--name-encoding']) {
      expect(r.stdout).toContain(opt);
    }
    expect(r.stdout).toContain('cabinet-merge merge --base OLD_VENDOR.zip');
  });

  test('missing inputs: exit 2 with one message and no stack trace', () => {
    const r = runCli(['merge', '-o', 'x.zip']);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/^cabinet-merge: merge needs --mine and --theirs/);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  test('an existing output is refused without --force and nothing is touched', () => {
    const dir = tempDir('e2e-exists');
    const out = path.join(dir, 'out.zip');
    writeFileSync(out, 'keep me');
    const s = path.join(SAMPLES, 'base');
    const r = runCli(['merge', s, s, s, '-o', out]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('--force');
    expect(readFileSync(out, 'utf8')).toBe('keep me');
    expect(runCli(['merge', s, s, s, '-o', out, '--force']).status).toBe(0);
    expect(statSync(out).size).toBeGreaterThan(1000);
    expect(existsSync(path.join(dir, 'out.conflicts'))).toBe(false);
  });
});

describe('naming the inputs', () => {
  const s = (side: string) => path.join(SAMPLES, side);
  test.each([
    ['three paths', [s('base'), s('mine'), s('theirs')]],
    ['--base and two paths', ['--base', s('base'), s('mine'), s('theirs')]],
    ['--theirs and two paths', ['--theirs', s('theirs'), s('base'), s('mine')]],
    ['all three named', ['--mine', s('mine'), '--theirs', s('theirs'), '--base', s('base')]],
  ])('%s', (_name, args) => {
    const r = runCli(['merge', ...args, '-o', path.join(tempDir('e2e-roles'), 'o.zip'), '--json']);
    expect(r.status).toBe(1);
    const report = JSON.parse(r.stdout);
    expect([report.inputs.base.path, report.inputs.mine.path, report.inputs.theirs.path].map((p: string) => path.basename(p))).toEqual(['base', 'mine', 'theirs']);
  });

  test.each([
    ['--mine and one path (theirs)', ['--mine', s('mine'), s('theirs')]],
    ['--base-from then two paths', ['--base-from', s('base'), s('mine'), s('theirs')]],
  ])('%s: the path is mine or theirs, not the base', (_name, args) => {
    const r = runCli(['merge', ...args, '-o', path.join(tempDir('e2e-roles2'), 'o.zip'), '--json', '--no-store']);
    expect(r.status).toBe(1);
    const report = JSON.parse(r.stdout);
    expect([report.inputs.mine.path, report.inputs.theirs.path].map((p: string) => path.basename(p))).toEqual(['mine', 'theirs']);
  });

  test('too many paths: one clear usage error', () => {
    const r = runCli(['merge', s('base'), s('mine'), s('theirs'), s('base'), '-o', 'x.zip']);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/^cabinet-merge: merge got more paths than it has roles for/);
  });
});
