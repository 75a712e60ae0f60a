/** Working-folder edge cases found in review: a conflicted file deleted from the folder is not a resolution. */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { runCli } from '../helpers/cli';
import { listZip } from '../helpers/rawzip';
import { cleanTempDirs, tempDir } from '../helpers/tmp';

afterAll(cleanTempDirs);

const SAMPLES = path.resolve(__dirname, '../../samples');
const sides = ['base', 'mine', 'theirs'].map((s) => path.join(SAMPLES, s));

test('deleting a conflicted file from WORK leaves it to resolve; pack refuses until it is decided', () => {
  const dir = tempDir('e2e-wd');
  const work = path.join(dir, 'WORK');
  expect(runCli(['merge', ...sides, '--out-dir', work]).status).toBe(1);
  rmSync(path.join(work, 'css', 'theme.css'));
  const status = runCli(['status', work]);
  expect(status.status).toBe(1);
  for (const side of ['--mine', '--theirs', '--base']) expect(status.stdout).toContain(`cabinet-merge resolve ${work} css/theme.css ${side}`);
  expect(status.stdout).not.toMatch(/Resolved[^\n]*\n[^\n]*css\/theme\.css/);
  const pack = runCli(['pack', work, '-o', path.join(dir, 'OUT.zip')]);
  expect(pack.status).toBe(1);
  expect(pack.stdout).toContain('css/theme.css');
  expect(runCli(['resolve', work, 'css/theme.css', '--theirs']).status).toBe(0);
  expect(runCli(['status', work]).stdout).toMatch(/css\/theme\.css: took theirs/);
});

test('--out-dir naming an existing file says it is a file', () => {
  const dir = tempDir('e2e-wd-file');
  const file = path.join(dir, 'afile');
  writeFileSync(file, 'x');
  const r = runCli(['merge', ...sides, '--out-dir', file]);
  expect(r.status).toBe(2);
  expect(r.stderr).toContain('this is a file, not a folder');
});

/**
 * Empty folders in the packed zip: one the vendor's export has empty is kept (the portal may expect it); one that is
 * empty only because `resolve` (or the admin) removed the files the merge put in it is left out — packing it would
 * leave an empty folder of a removed feature in the cabinet.
 */
test('pack: an empty folder of theirs is kept, a folder emptied by removing its files is not', () => {
  const dir = tempDir('e2e-wd-dirs');
  const write = (side: string, files: Record<string, string>, empty: string[] = []) => {
    for (const [p, text] of Object.entries(files)) {
      mkdirSync(path.dirname(path.join(dir, side, p)), { recursive: true });
      writeFileSync(path.join(dir, side, p), text);
    }
    for (const d of empty) mkdirSync(path.join(dir, side, d), { recursive: true });
    return path.join(dir, side);
  };
  const common = { 'index.html': '<p>x</p>\n' };
  const base = write('base', { ...common, 'js/legacy/old.js': 'a();\n', 'js/legacy/gone.js': 'g();\n' });
  const mine = write('mine', { ...common, 'js/legacy/old.js': 'a(); // ours\n', 'js/legacy/gone.js': 'g();\n' });
  const theirs = write('theirs', common, ['uploads']);
  const work = path.join(dir, 'WORK');
  expect(runCli(['merge', base, mine, theirs, '--out-dir', work]).status).toBe(1);
  expect(runCli(['resolve', work, 'js/legacy/old.js', '--theirs']).status).toBe(0);
  const out = path.join(dir, 'OUT.zip');
  const pack = runCli(['pack', work, '-o', out]);
  expect([pack.status, pack.stdout]).toEqual([0, `Packed: ${out}\n`]);
  const names = listZip(readFileSync(out)).map((e) => e.nameBytes.toString('utf8')).sort();
  expect(names).toEqual(['index.html', 'uploads/']);
});

/**
 * A file the merge kept out of the output (a name Windows cannot create, a case twin) is saved in WORK's state
 * folder; `status` and `pack` list it with where it was saved, so packing never drops it without a word.
 */
test('status and pack list the files the merge kept out of the archive, with where each was saved', () => {
  const dir = tempDir('e2e-wd-kept-out');
  const write = (side: string, files: Record<string, string>) => {
    for (const [p, text] of Object.entries(files)) {
      mkdirSync(path.dirname(path.join(dir, side, p)), { recursive: true });
      writeFileSync(path.join(dir, side, p), text);
    }
    return path.join(dir, side);
  };
  const base = write('base', { 'index.html': '<p>x</p>\n' });
  const mine = write('mine', { 'index.html': '<p>x</p>\n', 'pages/aux.html': '<p>mine</p>\n' });
  const theirs = write('theirs', { 'index.html': '<p>x</p>\n<p>new</p>\n' });
  const work = path.join(dir, 'WORK');
  expect(runCli(['merge', base, mine, theirs, '--out-dir', work]).status).toBe(1);
  const saved = path.join(work, '.cabinet-merge', 'aside', 'windows-name', 'pages', 'aux_.html');
  expect(readFileSync(saved, 'utf8')).toBe('<p>mine</p>\n');
  for (const lang of ['en', 'ru']) {
    const status = runCli(['status', work, '--lang', lang]);
    expect(status.stdout).toContain(`pages/aux.html: ${lang === 'en' ? 'Windows cannot create a file with this name' : 'Windows не может создать файл с таким именем'}`);
    expect(status.stdout).toContain(saved);
  }
  const pack = runCli(['pack', work, '-o', path.join(dir, 'OUT.zip')]);
  expect(pack.status).toBe(0);
  expect(pack.stdout).toMatch(/Kept out of the archive by the merge \(1\)[^\n]*\n {2}pages\/aux\.html: [^\n]*aux_\.html/);
  const names = listZip(readFileSync(path.join(dir, 'OUT.zip'))).map((e) => e.nameBytes.toString('utf8'));
  expect(names).toContain('index.html');
  expect(names.filter((n) => /aux/i.test(n))).toEqual([]);
});

test('pack refuses a file added to WORK under a name Windows cannot create, or a letter-case twin of another', () => {
  const dir = tempDir('e2e-wd-added-names');
  const work = path.join(dir, 'WORK');
  expect(runCli(['merge', ...sides, '--out-dir', work]).status).toBe(1);
  expect(runCli(['resolve', work, '--all', '--theirs']).status).toBe(0);
  const clean = runCli(['status', work]);
  expect(clean.status).toBe(0);
  writeFileSync(path.join(work, 'con.txt'), 'x\n');
  writeFileSync(path.join(work, 'INDEX.html'), '<p>twin</p>\n');
  const status = runCli(['status', work]);
  expect(status.status).toBe(1);
  expect(status.stdout).toMatch(/con\.txt: Windows cannot create 'con\.txt'/);
  expect(status.stdout).toMatch(/INDEX\.html: its name differs from 'index\.html' only in letter case/);
  const pack = runCli(['pack', work, '-o', path.join(dir, 'OUT.zip')]);
  expect(pack.status).toBe(1);
});
