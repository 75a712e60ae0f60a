/**
 * Issue 15 point 5: `status` makes every check `pack` makes, so "Everything is resolved" means `pack` passes —
 * JSON that lost a comma, a key kept twice from both sides, a character windows-1251 cannot hold — and both list
 * files deleted or edited in WORK outside conflicts; a deletion is packed only with --yes.
 */
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import iconv from 'iconv-lite';
import { runCli } from '../helpers/cli';
import { listZip } from '../helpers/rawzip';
import { cleanTempDirs, tempDir } from '../helpers/tmp';

afterAll(cleanTempDirs);

const SAMPLES = path.resolve(__dirname, '../../samples');
const sides = ['base', 'mine', 'theirs'].map((s) => path.join(SAMPLES, s));

/** Replaces each conflict block by both sides' lines (mine then theirs), as "accept both" in an editor does. */
function keepBoth(text: string): string {
  return text.replace(/<<<<<<< [^\n]*\n([^]*?)\|\|\|\|\|\|\| [^\n]*\n[^]*?=======\r?\n([^]*?)>>>>>>> [^\n]*\n/g, (_m, a: string, b: string) => a + b);
}
function takeTheirs(text: string): string {
  return text.replace(/<<<<<<< [^\n]*\n[^]*?=======\r?\n([^]*?)>>>>>>> [^\n]*\n/g, (_m, b: string) => b);
}

test('status fails on what pack would refuse, and lists deletions and edits outside conflicts', () => {
  const dir = tempDir('wd-checks');
  const work = path.join(dir, 'WORK');
  const cli = (args: string[]) => runCli(args, { cwd: dir });
  expect(cli(['merge', ...sides, '--out-dir', work]).status).toBe(1);
  const file = (p: string) => path.join(work, ...p.split('/'));

  // ru.json: "accept both" leaves "login.welcome" twice (a comma added so the JSON still parses).
  const ru = keepBoth(readFileSync(file('locales/ru.json'), 'utf8')).replace(/("login\.welcome": "[^"\n]*")\r?\n(\s*"login\.welcome")/, '$1,\r\n$2');
  writeFileSync(file('locales/ru.json'), ru);
  writeFileSync(file('css/theme.css'), takeTheirs(readFileSync(file('css/theme.css'), 'utf8')));
  expect(cli(['resolve', work, 'js/receipt-print.js', '--mine']).status).toBe(0);
  const settled = cli(['status', work]);
  expect(settled.stdout).toContain('locales/ru.json: the merged ru.json would hold the key "login.welcome" twice');
  expect(settled.status).toBe(1);
  writeFileSync(file('locales/ru.json'), takeTheirs(readFileSync(path.join(work, '.cabinet-merge', 'sides', 'theirs', 'locales', 'ru.json'), 'utf8')));

  // settings.json (no conflict) loses a comma in the editor.
  const settings = readFileSync(file('settings.json'), 'utf8');
  writeFileSync(file('settings.json'), settings.replace(',', ''));
  // A character windows-1251 cannot hold, in the windows-1251 help page.
  const help = iconv.decode(readFileSync(file('pages/help.html')), 'windows-1251');
  writeFileSync(file('pages/help.html'), Buffer.from(help.replace('</body>', '<p>✓ готово</p>\r\n</body>'), 'utf8'));
  // And a page deleted by accident.
  rmSync(file('pages/agreement.html'));

  const status = cli(['status', work]);
  expect(status.status).toBe(1);
  expect(status.stdout).toMatch(/settings\.json: the merged settings\.json would no longer parse as JSON[^\n]*line 3/);
  expect(status.stdout).toContain("pages/help.html: '✓' (U+2713) at line");
  expect(status.stdout).toMatch(/Edited in WORK outside conflicts \(\d\)[^\n]*\n(  [^\n]*\n)*  settings\.json\n/);
  expect(status.stdout).toMatch(/Deleted by you in WORK \(1\)[^\n]*\n  pages\/agreement\.html\n/);
  expect(status.stdout).not.toContain('Everything is resolved');
  const ruStatus = cli(['status', work, '--lang', 'ru']);
  expect(ruStatus.stdout).toContain('Удалены вами в рабочей папке (1)');
  expect(ruStatus.stdout).toContain('Файлы, которые сломаются на портале (1)');
  const refused = cli(['pack', work, '-o', path.join(dir, 'OUT.zip')]);
  expect(refused.status).toBe(1);
  expect(refused.stdout).toContain('settings.json: the merged settings.json would no longer parse');

  // Fixed: status is clean but asks for --yes in its pack command; pack without --yes refuses, with it packs.
  writeFileSync(file('settings.json'), settings);
  writeFileSync(file('pages/help.html'), Buffer.from(help, 'utf8'));
  const clean = cli(['status', work]);
  expect(clean.stdout).toContain(`Everything is resolved. Pack the archive: cabinet-merge pack ${work} -o ${work}.zip --yes`);
  expect(clean.status).toBe(0);
  const noYes = cli(['pack', work, '-o', path.join(dir, 'OUT.zip')]);
  expect(noYes.status).toBe(1);
  expect(noYes.stdout).toContain(`To pack without them: cabinet-merge pack ${work} -o ${path.join(dir, 'OUT.zip')} --yes`);
  const packed = cli(['pack', work, '-o', path.join(dir, 'OUT.zip'), '--yes']);
  expect(packed.status).toBe(0);
  const names = listZip(readFileSync(path.join(dir, 'OUT.zip'))).map((e) => e.nameBytes.toString('latin1'));
  expect(names.some((n) => n.endsWith('pages/help.html'))).toBe(true);
  expect(names.some((n) => n.endsWith('pages/agreement.html'))).toBe(false);
});
