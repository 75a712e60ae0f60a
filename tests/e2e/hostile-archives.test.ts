/** Issue 14: archives that are valid but almost surely the wrong file, end to end. */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { runCli } from '../helpers/cli';
import { buildZip, listZip } from '../helpers/rawzip';
import { cleanTempDirs, tempDir } from '../helpers/tmp';

afterAll(cleanTempDirs);

const SAMPLES = path.resolve(__dirname, '../../samples');
const [base, mine] = ['base', 'mine'].map((s) => path.join(SAMPLES, s));

describe('a side with no files at all', () => {
  test.each([
    ['an empty zip', () => buildZip([])],
    ['a zip of folders only', () => buildZip([{ name: 'lk/', method: 'store' }, { name: 'lk/css/', method: 'store' }])],
  ])('theirs as %s is refused (exit 2, nothing written); --allow-empty merges it', (_what, make) => {
    const dir = tempDir('e2e-empty');
    const theirs = path.join(dir, 'theirs.zip');
    writeFileSync(theirs, make());
    const out = path.join(dir, 'M.zip');
    const r = runCli(['merge', base, mine, theirs, '-o', out]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain(`theirs: ${theirs}: holds no files at all`);
    expect(r.stderr).toContain('--allow-empty');
    expect(existsSync(out)).toBe(false);
    const ru = runCli(['merge', base, mine, theirs, '-o', out, '--lang', 'ru']);
    expect(ru.stderr).toContain('нет ни одного файла');
    const allowed = runCli(['merge', base, mine, theirs, '-o', out, '--allow-empty']);
    expect([0, 1]).toContain(allowed.status);
    expect(existsSync(out)).toBe(true);
  });

  test('an empty mine folder is refused too', () => {
    const dir = tempDir('e2e-empty-mine');
    const empty = path.join(dir, 'mine');
    mkdirSync(empty);
    const r = runCli(['merge', base, empty, base, '-o', path.join(dir, 'M.zip')]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('mine: ');
    expect(r.stderr).toContain('holds no files at all');
  });
});

describe('the working folder and its own files stay out of the cabinet', () => {
  test('--report inside --out-dir is refused before anything is written', () => {
    const dir = tempDir('e2e-report-in-work');
    const work = path.join(dir, 'WORK');
    const r = runCli(['merge', base, mine, path.join(SAMPLES, 'theirs'), '--out-dir', work, '--report', path.join(work, 'report.html')]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('inside the working folder');
    expect(existsSync(work)).toBe(false);
  });

  test("a WORK given as a merge input: its .cabinet-merge state folder is not merged into the cabinet", () => {
    const dir = tempDir('e2e-work-as-input');
    const work = path.join(dir, 'WORK');
    expect(runCli(['merge', base, mine, path.join(SAMPLES, 'theirs'), '--out-dir', work]).status).toBe(1);
    const out = path.join(dir, 'M.zip');
    const r = runCli(['merge', base, work, path.join(SAMPLES, 'theirs'), '-o', out, '--force']);
    expect([0, 1]).toContain(r.status);
    const names = listZip(readFileSync(out)).map((e) => e.nameBytes.toString('utf8'));
    expect(names.length).toBeGreaterThan(10);
    expect(names.filter((n) => n.includes('.cabinet-merge'))).toEqual([]);
  });
});

test('a side with more than 65,535 entries is refused right after reading, not by the writer after the merge', () => {
  const dir = tempDir('e2e-many');
  const theirs = path.join(dir, 'theirs.zip');
  const specs = Array.from({ length: 65_600 }, (_, i) => ({ name: `f/${i}.txt`, data: '', method: 'store' as const }));
  writeFileSync(theirs, buildZip(specs, { zip64: true }));
  const out = path.join(dir, 'M.zip');
  const r = runCli(['merge', base, mine, theirs, '-o', out, '--max-entries', '100000']);
  expect(r.status).toBe(2);
  expect(r.stderr).toContain('more than the 65535 a merged zip can hold');
  expect(r.stderr).not.toContain('bug in cabinet-merge');
  expect(existsSync(out)).toBe(false);
});
