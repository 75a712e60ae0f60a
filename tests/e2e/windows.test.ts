/**
 * Issue 4's Windows conventions, each through the built CLI on zips whose bytes are laid out as the Windows tools
 * lay them out (rawzip): UTF-16, encoding fallback, mixed line ends, PowerShell's backslashes, the Info-ZIP Unicode
 * Path field, letter case, name encodings, empty folders, --ignore-whitespace and --prefer.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import iconv from 'iconv-lite';
import { readTree } from '../../src/archive';
import { decodeText } from '../../src/text';
import { runCli } from '../helpers/cli';
import { buildZip, FLAG_UTF8, listZip, MADE_BY_DOS, type RawSpec } from '../helpers/rawzip';
import { cleanTempDirs, tempDir } from '../helpers/tmp';

afterAll(cleanTempDirs);

const DATE = new Date(Date.UTC(2026, 0, 15, 9, 0, 0));
type Files = Record<string, string | Uint8Array>;

function zip(dir: string, name: string, files: Files, spec: Partial<RawSpec> = { encoding: 'cp866', flags: 0 }): string {
  const p = path.join(dir, name);
  const specs = Object.entries(files).map(([n, data]) => ({ name: n, data, versionMadeBy: MADE_BY_DOS, date: DATE, ...spec }));
  writeFileSync(p, buildZip(specs));
  return p;
}

/** Merges three file maps as Explorer-made zips; returns the exit code, the merged tree and the JSON report. */
async function merge(base: Files, mine: Files, theirs: Files, args: string[] = [], theirsSpec?: Partial<RawSpec>) {
  const dir = tempDir('e2e-win');
  const out = path.join(dir, 'out.zip');
  const r = runCli(['merge', zip(dir, 'base.zip', base), zip(dir, 'mine.zip', mine), zip(dir, 'theirs.zip', theirs, theirsSpec), '-o', out, '--json', ...args]);
  if (r.status === 2) throw new Error(r.stderr);
  const report = JSON.parse(r.stdout);
  return { status: r.status, tree: await readTree(out), report, raw: readFileSync(out), file: (p: string) => report.files.find((f: { path: string }) => f.path === p) };
}

const utf16 = (s: string) => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(s, 'utf16le')]);
const cp1251 = (s: string) => iconv.encode(s, 'windows-1251');

test('UTF-16 LE with BOM is merged as text and written back as UTF-16 LE with BOM', async () => {
  const base = 'строка 1\r\nстрока 2\r\nстрока 3\r\n';
  const r = await merge({ 'a.txt': utf16(base) }, { 'a.txt': utf16(base.replace('строка 1', 'моя 1')) }, { 'a.txt': utf16(base.replace('строка 3', 'их 3')) });
  expect(r.status).toBe(0);
  expect(Buffer.from(r.tree.files.get('a.txt')!.bytes)).toEqual(utf16('моя 1\r\nстрока 2\r\nих 3\r\n'));
});

test('a character theirs\' windows-1251 cannot hold: written as UTF-8 with BOM, never "?", and reported', async () => {
  const base = '<p>Оплата</p>\r\n<p>-</p>\r\n<p>Итого</p>\r\n';
  const mine = Buffer.from(base.replace('Оплата', 'Оплата в ₽'), 'utf8');
  const r = await merge({ 'p.html': cp1251(base) }, { 'p.html': mine }, { 'p.html': cp1251(base.replace('Итого', 'Всего')) });
  expect(r.status).toBe(0);
  const d = decodeText(r.tree.files.get('p.html')!.bytes)!;
  expect(d).toMatchObject({ encoding: 'utf-8', bom: true });
  expect(d.text).toBe('<p>Оплата в ₽</p>\r\n<p>-</p>\r\n<p>Всего</p>\r\n');
  expect(r.file('p.html').notes.map((n: { code: string }) => n.code)).toEqual(['encoding-differs', 'encoding-fallback']);
});

test('a mixed-EOL file keeps each untouched line\'s terminator', async () => {
  const base = 'a\r\nb\nc\r\nd\ne\r\n';
  const r = await merge({ 'm.js': base }, { 'm.js': base.replace('a\r\n', 'A\r\n') }, { 'm.js': base.replace('e\r\n', 'E\r\n') });
  expect(r.status).toBe(0);
  expect(Buffer.from(r.tree.files.get('m.js')!.bytes).toString()).toBe('A\r\nb\nc\r\nd\nE\r\n');
});

test('PowerShell Compress-Archive backslashes are read as folders', async () => {
  const dir = tempDir('e2e-ps');
  const files = { 'css\\main.css': 'a{}\r\n', 'index.html': 'x\r\n' };
  const ps = zip(dir, 'ps.zip', files, { encoding: 'utf8', flags: 0 });
  const out = path.join(dir, 'o.zip');
  expect(runCli(['merge', ps, ps, ps, '-o', out]).status).toBe(0);
  expect([...(await readTree(out)).files.keys()].sort()).toEqual(['css/main.css', 'index.html']);
});

test('the Info-ZIP Unicode Path field wins over a garbled legacy name', async () => {
  const dir = tempDir('e2e-7075');
  const name = 'Документы/Прайс.html';
  const garbled = zip(dir, 'g.zip', { [name]: '<p>1</p>\n' }, { encoding: 'cp437', flags: 0, unicodePath: { name } });
  const plain = zip(dir, 'p.zip', { [name]: '<p>1</p>\n' });
  const out = path.join(dir, 'o.zip');
  expect(runCli(['merge', plain, garbled, plain, '-o', out]).status).toBe(0);
  expect([...(await readTree(out)).files.keys()]).toEqual([name]);
});

test('names that differ only in letter case are one file; theirs\' spelling is written', async () => {
  const r = await merge(
    { 'IMG/Logo.css': 'a\nb\nc\n', 'index.html': '1\n' },
    { 'img/LOGO.css': 'A\nb\nc\n', 'index.html': '1\n' },
    { 'img/logo.css': 'a\nb\nC\n', 'index.html': '1\n' },
  );
  expect(r.status).toBe(0);
  expect([...r.tree.files.keys()].sort()).toEqual(['img/logo.css', 'index.html']);
  expect(Buffer.from(r.tree.files.get('img/logo.css')!.bytes).toString()).toBe('A\nb\nC\n');
  expect(r.report.layout.map((n: { code: string }) => n.code)).toEqual(['case-renamed', 'case-renamed']);
});

test('names are written as theirs wrote them: UTF-8 with the flag when theirs used it; --name-encoding overrides', async () => {
  const files = { 'Новости.html': 'n\n' };
  const flagged = await merge(files, files, files, [], { encoding: 'utf8', flags: FLAG_UTF8 });
  expect(listZip(flagged.raw).map((e) => [e.nameBytes.toString('utf8'), e.flags & FLAG_UTF8])).toEqual([['Новости.html', FLAG_UTF8]]);
  const legacy = await merge(files, files, files, ['--name-encoding', 'cp866'], { encoding: 'utf8', flags: FLAG_UTF8 });
  expect(listZip(legacy.raw).map((e) => [iconv.decode(e.nameBytes, 'cp866'), e.flags & FLAG_UTF8])).toEqual([['Новости.html', 0]]);
});

test('empty folders and directory entries survive', async () => {
  const files: Files = { 'index.html': 'x\n', 'uploads/': new Uint8Array(0) };
  const r = await merge(files, files, files);
  expect(r.tree.dirs.has('uploads')).toBe(true);
  expect(listZip(r.raw).map((e) => e.nameBytes.toString())).toContain('uploads/');
});

test('--ignore-whitespace: the admin\'s re-indentation does not conflict with the vendor\'s change', async () => {
  const base = 'if (a) {\r\n  go();\r\n}\r\n';
  const mine = { 'f.js': 'if (a) {\r\n\tgo();\r\n}\r\n' };
  const theirs = { 'f.js': 'if (a) {\r\n  go(1);\r\n}\r\n' };
  // Line by line (as git) the re-indented line conflicts; below the line the two edits touch different tokens.
  expect((await merge({ 'f.js': base }, mine, theirs, ['--granularity', 'lines'])).status).toBe(1);
  const r = await merge({ 'f.js': base }, mine, theirs, ['--ignore-whitespace']);
  expect(r.status).toBe(0);
  expect(Buffer.from(r.tree.files.get('f.js')!.bytes).toString()).toBe(theirs['f.js']);
});

test('--prefer mine settles a binary conflict with the admin\'s image', async () => {
  const png = (n: number) => Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0, 0, n]);
  const r = await merge({ 'logo.png': png(1) }, { 'logo.png': png(2) }, { 'logo.png': png(3) }, ['--prefer', 'mine']);
  expect(r.status).toBe(0);
  expect(r.tree.files.get('logo.png')!.bytes).toEqual(Buffer.from(png(2)));
  expect(r.file('logo.png').status).toBe('binary-preferred');
});

test('--ignore-whitespace without a base: a whitespace-only difference is still shown, not settled for theirs', async () => {
  const dir = tempDir('e2e-ws2');
  const mine = zip(dir, 'mine.zip', { 'w.js': 'if (a)  {\r\nz\r\n' });
  const theirs = zip(dir, 'theirs.zip', { 'w.js': 'if (a) {\r\nz\r\n' });
  const out = path.join(dir, 'o.zip');
  const r = runCli(['merge', '--mine', mine, '--theirs', theirs, '-o', out, '--ignore-whitespace', '--no-store']);
  expect(r.status).toBe(1);
  const merged = Buffer.from((await readTree(out)).files.get('w.js')!.bytes).toString();
  expect(merged).toBe('<<<<<<< mine (mine.zip)\r\nif (a)  {\r\n=======\r\nif (a) {\r\n>>>>>>> theirs (theirs.zip)\r\nz\r\n');
});

test('--prefer mine: the summary names where the vendor\'s image was kept', () => {
  const dir = tempDir('e2e-prefer-summary');
  const png = (n: number) => Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0, 0, n]);
  const make = (name: string, n: number) => zip(dir, name, { 'img/logo.png': png(n) });
  const r = runCli(['merge', make('b.zip', 1), make('m.zip', 2), make('t.zip', 3), '-o', path.join(dir, 'o.zip'), '--prefer', 'mine', '--no-store']);
  expect(r.status).toBe(0);
  expect(r.stdout).toContain('Kept beside the archive, no decision needed (1):');
  expect(r.stdout).toContain(`img/logo.png: ${path.join('o.conflicts', 'theirs', 'img', 'logo.png')}`);
  expect(readFileSync(path.join(dir, 'o.conflicts', 'theirs', 'img', 'logo.png'))).toEqual(Buffer.from(png(3)));
});

test('kept-aside copies whose names differ only in letter case do not overwrite each other', () => {
  const dir = tempDir('e2e-aside-case');
  const bin = (s: string) => Buffer.concat([Buffer.from([0]), Buffer.from(s)]);
  const make = (name: string, side: string) => zip(dir, name, { 'A.bin': bin(`A ${side}`), 'a.bin': bin(`a ${side}`) });
  const out = path.join(dir, 'o.zip');
  const r = runCli(['merge', make('b.zip', 'base'), make('m.zip', 'mine'), make('t.zip', 'theirs'), '-o', out, '--json', '--no-store']);
  expect(r.status).toBe(1);
  const report = JSON.parse(r.stdout);
  const saved = report.files.flatMap((f: { keptAside?: { path: string }[] }) => (f.keptAside ?? []).map((k) => k.path));
  expect(new Set(saved.map((p: string) => p.toLowerCase())).size).toBe(saved.length);
  const contents = saved.map((p: string) => readFileSync(path.join(dir, p)).subarray(1).toString());
  expect(contents).toEqual(expect.arrayContaining(['A mine', 'a mine']));
});
