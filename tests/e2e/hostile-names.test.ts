/**
 * Issue 14, names Windows cannot hold: device names and names ending in a dot or a space are kept out of the
 * archive (saved aside under a name Windows can create), and NFC/NFD spellings of one Cyrillic name are one file,
 * matched and clashing exactly as letter-case variants are. Through the built CLI on UTF-8-flagged raw zips, so
 * the bytes of every name are exactly what the test says.
 */
import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { readTree } from '../../src/archive';
import { windowsNameProblem, windowsSafePath } from '../../src/archive/names';
import { runCli } from '../helpers/cli';
import { buildZip, FLAG_UTF8, MADE_BY_DOS } from '../helpers/rawzip';
import { cleanTempDirs, tempDir, walk } from '../helpers/tmp';

afterAll(cleanTempDirs);

type Files = Record<string, string>;
const DATE = new Date(Date.UTC(2026, 0, 15, 9, 0, 0));

function zip(dir: string, name: string, files: Files): string {
  const p = path.join(dir, name);
  writeFileSync(p, buildZip(Object.entries(files).map(([n, data]) => ({ name: n, data, encoding: 'utf8', flags: FLAG_UTF8, versionMadeBy: MADE_BY_DOS, date: DATE }))));
  return p;
}

async function merge(base: Files, mine: Files, theirs: Files, args: string[] = []) {
  const dir = tempDir('e2e-names');
  const out = path.join(dir, 'M.zip');
  const r = runCli(['merge', zip(dir, 'base.zip', base), zip(dir, 'mine.zip', mine), zip(dir, 'theirs.zip', theirs), '-o', out, '--json', ...args]);
  if (r.status === 2) throw new Error(r.stderr);
  const report = JSON.parse(r.stdout);
  const file = (p: string) => report.files.find((f: { path: string }) => f.path === p);
  return { dir, out, status: r.status, names: [...(await readTree(out)).files.keys()].sort(), report, file };
}

const NFC = 'ёлка/йод.css'; // ё and й as one character each
const NFD = NFC.normalize('NFD'); // е + U+0308, и + U+0306

describe('names Windows cannot create', () => {
  test.each(['CON', 'prn.txt', 'aux.html', 'Nul', 'com1.txt', 'COM9', 'lpt1', 'LPT9.log', 'theme.css.', 'theme.css ', 'a/aux/x.css', 'old. /x.css'])(
    "'%s' is not one", (name) => {
      expect(name.split('/').some((s) => windowsNameProblem(s) !== undefined)).toBe(true);
      expect(windowsSafePath(name).split('/').every((s) => windowsNameProblem(s) === undefined)).toBe(true);
    },
  );

  test.each(['console.txt', 'auxiliary.html', 'com10.txt', 'lpt.txt', 'nul-free.css', 'theme.css', '.htaccess'])("'%s' is fine", (name) => {
    expect(windowsNameProblem(name)).toBeUndefined();
    expect(windowsSafePath(name)).toBe(name);
  });

  test('from any side and in any segment: kept out of the zip, saved aside under a safe name, exit 1 with a note', async () => {
    const common = { 'index.html': '1\n' };
    const r = await merge(
      { ...common },
      { ...common, 'aux.html': 'mine\n', 'css/theme.css.': 'dot\n' },
      { ...common, 'COM1.txt': 'theirs\n', 'con/x.css': 'x\n', 'css/theme.css ': 'space\n', 'lpt9': 'l\n' },
    );
    expect(r.status).toBe(1);
    expect(r.names).toEqual(['index.html']);
    for (const p of ['aux.html', 'css/theme.css.', 'COM1.txt', 'con/x.css', 'css/theme.css ', 'lpt9']) {
      const f = r.file(p);
      expect(f.conflict).toBe('windows-name');
      expect(f.notes.map((n: { code: string }) => n.code)).toContain('windows-name');
      expect(f.keptAside[0].as).toBe('windows-name');
    }
    expect(r.file('aux.html').keptAside[0].path).toBe(path.join('M.conflicts', 'windows-name', 'aux_.html'));
    expect(r.file('css/theme.css.').notes[0].en).toContain("Windows cannot create a file or folder named 'theme.css.'");
    expect(r.file('css/theme.css.').notes[0].ru).toContain('Windows не может создать');
    // 'theme.css.' and 'theme.css ' both become 'theme.css_': the second gets '~2', as letter-case twins do.
    const aside = walk(path.join(r.dir, 'M.conflicts')).sort();
    expect(aside).toEqual(['windows-name/COM1_.txt', 'windows-name/aux_.html', 'windows-name/con_/x.css', 'windows-name/css/theme.css_', 'windows-name/css/theme~2.css_', 'windows-name/lpt9_'].sort());
  });

  test('an empty folder Windows cannot create is not written as a directory entry', async () => {
    const dir = tempDir('e2e-names-dir');
    const files = [{ name: 'index.html', data: '1\n' }, { name: 'aux/', method: 'store' as const }, { name: 'ok/', method: 'store' as const }];
    const z = path.join(dir, 't.zip');
    writeFileSync(z, buildZip(files));
    const out = path.join(dir, 'M.zip');
    const r = runCli(['merge', z, z, z, '-o', out]);
    expect(r.status).toBe(0);
    expect([...(await readTree(out)).dirs].sort()).toEqual(['ok']);
  });

  test('in a working folder (--out-dir) the file is saved under the safe name too', () => {
    const dir = tempDir('e2e-names-work');
    const work = path.join(dir, 'WORK');
    const common = { 'index.html': '1\n' };
    const r = runCli(['merge', zip(dir, 'b.zip', common), zip(dir, 'm.zip', { ...common, 'nul.txt': 'n\n' }), zip(dir, 't.zip', common), '--out-dir', work]);
    expect(r.status).toBe(1);
    expect(existsSync(path.join(work, 'nul.txt'))).toBe(false);
    expect(readdirSync(path.join(work, '.cabinet-merge', 'aside', 'windows-name'))).toEqual(['nul_.txt']);
  });
});

describe('NFC and NFD spellings of one name', () => {
  test('across sides: one file, merged, written in theirs\' form, with a note that says why', async () => {
    const r = await merge({ [NFC]: 'a\nb\nc\n' }, { [NFD]: 'A\nb\nc\n' }, { [NFC]: 'a\nb\nC\n' });
    expect(r.status).toBe(0);
    expect(r.names).toEqual([NFC]);
    expect(r.file(NFC).status).toBe('merged');
    const note = r.report.layout.find((n: { code: string }) => n.code === 'case-renamed');
    expect(note.en).toContain('Unicode form');
    expect(note.ru).toContain('форм');
  });

  test('theirs NFD, mine NFC: mine follows theirs\' spelling', async () => {
    const r = await merge({ [NFD]: 'a\nb\nc\n' }, { [NFC]: 'A\nb\nc\n' }, { [NFD]: 'a\nb\nC\n' });
    expect(r.status).toBe(0);
    expect(r.names).toEqual([NFD]);
  });

  test('mine adds the NFD spelling, theirs the NFC one: one path (add-add), never two entries', async () => {
    const r = await merge({ 'index.html': '1\n' }, { 'index.html': '1\n', [NFD]: 'mine\n' }, { 'index.html': '1\n', [NFC]: 'theirs\n' }, []);
    expect(r.names.filter((n) => n.normalize('NFC') === NFC)).toEqual([NFC]);
    expect(r.file(NFC).conflict).toBe('add-add');
  });

  test('twins inside one side: the second is kept aside as a clash, the note names the other', async () => {
    const r = await merge({ 'index.html': '1\n' }, { 'index.html': '1\n' }, { 'index.html': '1\n', [NFC]: 'one\n', [NFD]: 'two\n' });
    expect(r.names.filter((n) => n.normalize('NFC') === NFC)).toHaveLength(1);
    const aside = [r.file(NFC), r.file(NFD)].find((f) => f?.conflict === 'case-clash');
    expect(aside).toBeDefined();
    expect(aside.notes.find((n: { code: string }) => n.code === 'case-clash').en).toContain('another Unicode form');
    expect(r.status).toBe(1);
  });
});
