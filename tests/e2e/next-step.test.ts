/**
 * Issue 15 points 3, 4 and 6 through the built CLI: every command the tool suggests runs when pasted (names with
 * spaces and Cyrillic, quoted for the shell; no placeholders), `resolve` takes several paths, globs and --all,
 * and a wrong path for a working folder gets a clear answer. The suggested commands are run as a shell would
 * split them (sh here: the tests run on Linux).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { runCli } from '../helpers/cli';
import { buildZip, MADE_BY_DOS, type RawSpec } from '../helpers/rawzip';
import { cleanTempDirs, tempDir } from '../helpers/tmp';

afterAll(cleanTempDirs);

/** The words of a suggested command line as a real POSIX shell splits them (what a pasted line becomes). */
function shWords(line: string): string[] {
  const r = spawnSync('sh', ['-c', `set -- ${line}; for a; do printf '%s\\0' "$a"; done`], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`sh could not parse: ${line}\n${r.stderr}`);
  return r.stdout.split('\0').slice(0, -1);
}

/** The first suggested `cabinet-merge …` command in `text` that starts with `verb`, as argv (program name dropped). */
function suggested(text: string, verb: string): string[] {
  const line = text.split('\n').map((l) => l.slice(l.indexOf('cabinet-merge ' + verb))).find((l) => l.startsWith('cabinet-merge ' + verb));
  if (!line) throw new Error(`no suggested "${verb}" in:\n${text}`);
  // The command runs to the end of the line or to the sentence around it (", then: …", " (named after …").
  const cmd = line.split(/, then: | \((?:named|имя) /)[0];
  return shWords(cmd).slice(1);
}

const DATE = new Date(2025, 2, 3, 10, 0, 0);
/** A zip as Windows Explorer writes it ("Send to → Compressed folder"): DOS "made by", CP866 names, no UTF-8 flag. */
function explorerZip(files: Record<string, string>): Buffer {
  const specs: RawSpec[] = Object.entries(files).map(([name, text]) => ({
    name,
    encoding: 'cp866',
    data: Buffer.from(text, 'utf8'),
    versionMadeBy: MADE_BY_DOS,
    date: DATE,
  }));
  return buildZip(specs);
}

function threeZips(dir: string): string[] {
  const base = { 'pages/Свои/Реквизиты УК.html': '<p>\r\n1\r\n</p>\r\n', 'img/logo.txt': 'a\r\n', 'img/bg.txt': 'a\r\n', 'css/a.css': 'x{}\r\n' };
  const mine = { ...base, 'pages/Свои/Реквизиты УК.html': '<p>\r\nмоя\r\n</p>\r\n', 'img/logo.txt': 'mine\r\n', 'img/bg.txt': 'mine\r\n' };
  // The vendor deleted the admin's page: a modify/delete, settled by `resolve`.
  const theirs: Record<string, string> = { ...base, 'img/logo.txt': 'theirs\r\n', 'img/bg.txt': 'theirs\r\n' };
  delete theirs['pages/Свои/Реквизиты УК.html'];
  return [['Старая выгрузка.zip', base], ['Моя выгрузка.zip', mine], ["Новая выгрузка (it's new).zip", theirs]].map(([name, files]) => {
    const p = path.join(dir, name as string);
    writeFileSync(p, explorerZip(files as Record<string, string>));
    return name as string;
  });
}

describe('suggested commands work when pasted', () => {
  test('merge -o → the --out-dir command → status → resolve → pack, with the user\'s own names', () => {
    const dir = tempDir('next-step');
    const cli = (args: string[]) => runCli(args, { cwd: dir });
    const zips = threeZips(dir);
    const merged = cli(['merge', ...zips, '-o', 'Итог обновления.zip', '--report', 'отчёт.html']);
    expect(merged.status).toBe(1);
    expect(merged.stdout).toContain('Report: отчёт.html');
    expect(merged.stdout).not.toContain('Open each file');
    const outDirRun = suggested(merged.stdout, 'merge');
    expect(outDirRun).toEqual(['merge', ...zips, '--out-dir', 'Итог обновления']);

    const work = cli(outDirRun);
    expect(work.stderr).toBe('');
    expect(work.status).toBe(1);
    expect(work.stdout).not.toMatch(/MERGED|WORK\b|BASE|ВЕРСИЯ|VERSION/);
    const status = cli(suggested(work.stdout, 'status'));
    expect(status.status).toBe(1);
    // A path with a space, as status suggests it: pasted, it settles that file.
    const resolve = suggested(status.stdout, "resolve 'Итог обновления' 'pages/Свои/Реквизиты УК.html'");
    expect(resolve).toEqual(['resolve', 'Итог обновления', 'pages/Свои/Реквизиты УК.html', '--mine']);
    // The other two by a glob, as i12's group items print them.
    const rest = cli(['resolve', 'Итог обновления', 'img/**', '--theirs']);
    expect(rest.stdout).toBe(
      "  img/bg.txt: now theirs's version\n  img/logo.txt: now theirs's version\nCheck with: cabinet-merge status 'Итог обновления'\n",
    );
    const one = cli(resolve);
    expect(one.stdout).toContain("  pages/Свои/Реквизиты УК.html: now mine's version");
    const done = cli(['status', 'Итог обновления']);
    expect(done.status).toBe(0);
    const pack = suggested(done.stdout, 'pack');
    // 'Итог обновления.zip' is the first merge's zip: pack is pointed at a free name, not at a refusal.
    expect(pack).toEqual(['pack', 'Итог обновления', '-o', 'Итог обновления (2).zip']);
    expect(cli(pack).status).toBe(0);
    expect(existsSync(path.join(dir, 'Итог обновления (2).zip'))).toBe(true);
  });

  test('the baseline reminder names the real file, with no placeholder name', () => {
    const dir = tempDir('next-step-remind');
    const zips = threeZips(dir);
    const r = runCli(['merge', zips[1], zips[2], '-o', 'out.zip', '--lang', 'ru'], { cwd: dir });
    expect(r.stdout).not.toContain('ВЕРСИЯ');
    expect(suggested(r.stdout, 'baseline')).toEqual(['baseline', 'save', zips[2]]);
  });
});

describe('resolve: several paths, globs, --all', () => {
  test('--all settles every unsettled conflict, one line per file; a glob matching nothing is an error', () => {
    const dir = tempDir('resolve-all');
    const zips = threeZips(dir);
    expect(runCli(['merge', ...zips, '--out-dir', 'W'], { cwd: dir }).status).toBe(1);
    const none = runCli(['resolve', 'W', 'fonts/**', '--mine'], { cwd: dir });
    expect(none.status).toBe(2);
    expect(none.stderr).toContain('fonts/**: matches no conflict of this merge');
    const missing = runCli(['resolve', 'W', '--mine'], { cwd: dir });
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain('--all');
    const all = runCli(['resolve', 'W', '--all', '--base'], { cwd: dir });
    expect(all.status).toBe(0);
    expect(all.stdout.split('\n').filter((l) => l.startsWith('  '))).toEqual([
      "  img/bg.txt: now base's version",
      "  img/logo.txt: now base's version",
      "  pages/Свои/Реквизиты УК.html: now base's version",
    ]);
    expect(readFileSync(path.join(dir, 'W', 'img', 'bg.txt'), 'utf8')).toBe('a\r\n');
    expect(runCli(['resolve', 'W', '--all', '--mine'], { cwd: dir }).stdout).toContain('Nothing left to resolve.');
    expect(runCli(['status', 'W'], { cwd: dir }).status).toBe(0);
  });
});

describe('wrong paths for a working folder', () => {
  const dir = tempDir('wrong-paths');
  const zips = threeZips(dir);
  beforeAll(() => {
    expect(runCli(['merge', ...zips, '--out-dir', 'WORK', '-o', 'ОБЪЕДИНЁННЫЙ.zip'], { cwd: dir }).status).toBe(1);
  });

  test('a typo: no such folder, did you mean the working folder beside it', () => {
    const r = runCli(['status', 'WROK'], { cwd: dir });
    expect(r.status).toBe(2);
    expect(r.stderr).toBe('cabinet-merge: WROK: no such folder. Did you mean: cabinet-merge status WORK\n');
    const ru = runCli(['status', 'WROK', '--lang', 'ru'], { cwd: dir });
    expect(ru.stderr).toContain('WROK: такой папки нет');
  });

  test('a zip: status checks it as it is (issue 15 point 2); pack says it is not a working folder', () => {
    const r = runCli(['status', 'ОБЪЕДИНЁННЫЙ.zip'], { cwd: dir });
    expect(r.status).toBe(1);
    expect(r.stdout).toContain('ОБЪЕДИНЁННЫЙ.zip: a zip, checked as it is');
    expect(r.stdout).toContain('Conflict markers left');
    const p = runCli(['pack', 'ОБЪЕДИНЁННЫЙ.zip', '-o', 'x.zip'], { cwd: dir });
    expect(p.status).toBe(2);
    expect(p.stderr).toContain('ОБЪЕДИНЁННЫЙ.zip: this is a zip, not a working folder');
    expect(p.stderr).not.toContain('--out-dir ОБЪЕДИНЁННЫЙ.zip');
    // With a working folder of the zip's name beside it, that is the suggestion.
    expect(runCli(['merge', ...zips, '--out-dir', 'ОБЪЕДИНЁННЫЙ'], { cwd: dir }).status).toBe(1);
    const twin = runCli(['pack', 'ОБЪЕДИНЁННЫЙ.zip', '-o', 'x.zip'], { cwd: dir });
    expect(twin.stderr).toContain('did you mean the working folder: cabinet-merge pack ОБЪЕДИНЁННЫЙ');
    expect(runCli(['status', 'ОБЪЕДИНЁННЫЙ.zip'], { cwd: dir }).stdout).toContain('A working folder of the same name is beside it: cabinet-merge status ОБЪЕДИНЁННЫЙ\n');
  });
});
