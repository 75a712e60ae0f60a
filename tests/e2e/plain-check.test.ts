/**
 * Issue 15 point 2: the unzip-by-hand route has a check. `status` takes a folder with no working-folder state, or a
 * zip, and makes the checks that need none (markers, half-resolved blocks, format checks, Explorer's wrapper folder);
 * `pack` zips such a folder after the same checks. A typo still reads "no such folder".
 */
import { cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { runCli } from '../helpers/cli';
import { buildZip, listZip, MADE_BY_DOS } from '../helpers/rawzip';
import { cleanTempDirs, tempDir } from '../helpers/tmp';

afterAll(cleanTempDirs);

const THEIRS = path.resolve(__dirname, '../../samples/theirs');

/** The sample cabinet unzipped by hand into `dir/name`, with ru.json half-resolved and settings.json missing a comma. */
function handEdited(dir: string, name: string): string {
  const folder = path.join(dir, name);
  cpSync(THEIRS, folder, { recursive: true });
  // A block whose closing marker was deleted with the lines of one side: half-resolved.
  writeFileSync(path.join(folder, 'locales', 'ru.json'), '{\r\n<<<<<<< mine (МОЙ_ЛК.zip)\r\n  "login.welcome": "Добро пожаловать"\r\n}\r\n');
  writeFileSync(path.join(folder, 'settings.json'), '{\n  "a": 1\n  "b": 2\n}\n');
  return folder;
}

/** A zip as Explorer's "Send to → Compressed folder" makes it from a folder: the folder itself is the top level. */
function explorerZip(file: string, folder: string, top: string): void {
  const specs: Parameters<typeof buildZip>[0] = [];
  const walk = (abs: string, rel: string) => {
    for (const e of require('node:fs').readdirSync(abs, { withFileTypes: true }) as import('node:fs').Dirent[]) {
      const r = `${rel}/${e.name}`;
      if (e.isDirectory()) walk(path.join(abs, e.name), r);
      else specs.push({ name: r.slice(1), data: readFileSync(path.join(abs, e.name)), encoding: 'utf8', flags: 0x0800, versionMadeBy: MADE_BY_DOS });
    }
  };
  walk(folder, top ? `/${top}` : '');
  writeFileSync(file, buildZip(specs));
}

describe('a folder edited by hand (no .cabinet-merge)', () => {
  const dir = tempDir('plain-folder');
  const folder = handEdited(dir, 'ИТОГ');

  test('status finds the half-resolved block and the broken JSON, exit 1, in en and ru', () => {
    const r = runCli(['status', 'ИТОГ'], { cwd: dir });
    expect(r.status).toBe(1);
    expect(r.stdout).toContain('ИТОГ: no working-folder state here (.cabinet-merge), so only what needs none is checked');
    expect(r.stdout).toContain('  locales/ru.json: an unpaired marker at line 2');
    expect(r.stdout).toMatch(/ {2}settings\.json: .*would no longer parse as JSON/);
    expect(r.stdout).toContain('2 problems found.');
    const ru = runCli(['status', 'ИТОГ', '--lang', 'ru'], { cwd: dir });
    expect(ru.status).toBe(1);
    expect(ru.stdout).toContain('здесь нет состояния рабочей папки');
    expect(ru.stdout).toContain('  locales/ru.json: непарный маркер в строке 2');
    expect(ru.stdout).toContain('Найдено проблем: 2.');
  });

  test('resolve on such a folder says there are no saved sides, and how to check it', () => {
    const r = runCli(['resolve', 'ИТОГ', 'settings.json', '--mine'], { cwd: dir });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('ИТОГ: not a working folder of cabinet-merge (no .cabinet-merge/state.json), so there are no saved sides to take. Check it as it is: cabinet-merge status ИТОГ;');
    expect(runCli(['resolve', 'ИТОГ', 'settings.json', '--mine', '--lang', 'ru'], { cwd: dir }).stderr).toContain('Проверьте папку как есть: cabinet-merge status ИТОГ');
  });

  test('pack refuses while a check finds something; fixed, it zips the folder content as it is', () => {
    const refused = runCli(['pack', 'ИТОГ', '-o', 'ИТОГ.zip'], { cwd: dir });
    expect(refused.status).toBe(1);
    expect(refused.stdout).toContain('Not packed: resolve what is listed above, or add --force to pack as is.');
    writeFileSync(path.join(folder, 'locales', 'ru.json'), '{\r\n  "login.welcome": "Добро пожаловать"\r\n}\r\n');
    writeFileSync(path.join(folder, 'settings.json'), '{\n  "a": 1,\n  "b": 2\n}\n');
    mkdirSync(path.join(folder, 'empty'));
    const ok = runCli(['status', 'ИТОГ'], { cwd: dir });
    expect(ok.status).toBe(0);
    expect(ok.stdout).toMatch(/Checked \d+ files; nothing found\. Pack it: cabinet-merge pack ИТОГ -o ИТОГ\.zip\n$/);
    const packed = runCli(['pack', 'ИТОГ', '-o', 'ИТОГ.zip'], { cwd: dir });
    expect(packed.status).toBe(0);
    expect(packed.stdout).toBe('Packed: ИТОГ.zip\n');
    const names = listZip(readFileSync(path.join(dir, 'ИТОГ.zip'))).map((e) => e.nameBytes.toString('utf8'));
    expect(names).toContain('locales/ru.json');
    expect(names).toContain('empty/');
    expect(names.some((n) => n.startsWith('ИТОГ/'))).toBe(false);
    // The zip pack wrote passes status too (no wrapper folder).
    expect(runCli(['status', 'ИТОГ.zip'], { cwd: dir }).status).toBe(0);
  });
});

describe('a zip made by hand', () => {
  const dir = tempDir('plain-zip');

  test("Explorer's wrapper folder (the folder zipped instead of its contents) is found, with the fix", () => {
    const folder = path.join(dir, 'ОБНОВЛЕНИЕ');
    cpSync(THEIRS, folder, { recursive: true });
    explorerZip(path.join(dir, 'ОБНОВЛЕНИЕ.zip'), folder, 'ОБНОВЛЕНИЕ');
    const r = runCli(['status', 'ОБНОВЛЕНИЕ.zip'], { cwd: dir });
    expect(r.status).toBe(1);
    expect(r.stdout).toContain('ОБНОВЛЕНИЕ.zip: a zip, checked as it is');
    expect(r.stdout).toContain('Every file is inside the folder ОБНОВЛЕНИЕ/, named like the zip');
    expect(r.stdout).toContain('or let cabinet-merge zip it: cabinet-merge pack ОБНОВЛЕНИЕ -o');
    const ru = runCli(['status', 'ОБНОВЛЕНИЕ.zip', '--lang', 'ru'], { cwd: dir });
    expect(ru.stdout).toContain('Все файлы лежат в папке ОБНОВЛЕНИЕ/ с именем архива');
    // The same content zipped from inside the folder: nothing to say.
    explorerZip(path.join(dir, 'верно.zip'), folder, '');
    const right = runCli(['status', 'верно.zip'], { cwd: dir });
    expect(right.stdout).toMatch(/Checked \d+ files; nothing found\.\n$/);
    expect(right.status).toBe(0);
  });

  test('markers left in a zip, and a vendor top folder that is only noted', () => {
    const folder = handEdited(dir, 'src');
    explorerZip(path.join(dir, 'lk-export.zip'), folder, 'lk');
    const r = runCli(['status', 'lk-export.zip', '--json'], { cwd: dir });
    expect(r.status).toBe(1);
    const json = JSON.parse(r.stdout);
    expect(json.workdir).toBe(false);
    expect(json.markers.map((m: { path: string }) => m.path)).toEqual(['lk/locales/ru.json']);
    expect(json.wrapper).toEqual({ folder: 'lk', explorer: false });
    const text = runCli(['status', 'lk-export.zip'], { cwd: dir });
    expect(text.stdout).toContain('Every file is inside the folder lk/: it stays the archive');
    expect(text.stdout).toContain('2 problems found.');
  });

  test('pack takes folders only: a zip is refused, pointing to status', () => {
    writeFileSync(path.join(dir, 'empty.zip'), buildZip([{ name: 'a.txt', data: 'x' }]));
    const r = runCli(['pack', 'empty.zip', '-o', 'x.zip'], { cwd: dir });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('empty.zip: this is a zip, not a working folder; to check it as it is: cabinet-merge status empty.zip');
  });
});

test('a typo is still "no such folder" (or "no such file" for a zip name), exit 2', () => {
  const dir = tempDir('plain-typo');
  const r = runCli(['status', 'ИТГО'], { cwd: dir });
  expect(r.status).toBe(2);
  expect(r.stderr).toBe('cabinet-merge: ИТГО: no such folder. Give the working folder that merge --out-dir created.\n');
  expect(runCli(['status', 'ИТГО.zip', '--lang', 'ru'], { cwd: dir }).stderr).toBe('cabinet-merge: ИТГО.zip: такого файла нет.\n');
  expect(runCli(['pack', 'ИТГО', '-o', 'x.zip'], { cwd: dir }).stderr).toContain('ИТГО: no such folder');
});
