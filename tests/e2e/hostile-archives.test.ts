/** Issue 14: archives that are valid but almost surely the wrong file, end to end. */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { runCli } from '../helpers/cli';
import { buildZip } from '../helpers/rawzip';
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
