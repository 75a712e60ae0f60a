import { mkdirSync, symlinkSync, utimesSync, writeFileSync } from 'fs';
import * as path from 'path';
import { readTree } from '../../../src/archive';
import { CabinetError } from '../../../src/errors';
import { cleanTempDirs, tempDir } from '../../helpers/tmp';

afterAll(cleanTempDirs);

/** Creates files (content strings) and empty folders (paths ending in '/') under a fresh temp folder. */
function makeFolder(layout: Record<string, string>): string {
  const root = tempDir();
  for (const [p, content] of Object.entries(layout)) {
    const full = path.join(root, ...p.split('/'));
    if (p.endsWith('/')) {
      mkdirSync(full, { recursive: true });
    } else {
      mkdirSync(path.dirname(full), { recursive: true });
      writeFileSync(full, content);
    }
  }
  return root;
}

test('a folder is read recursively, in name order, with empty folders in dirs', async () => {
  const root = makeFolder({
    'index.html': '<p>',
    'css/б.css': 'b',
    'css/а.css': 'a',
    'img/': '',
    'js/vendor/': '',
    'js/app.js': 'app',
  });
  const tree = await readTree(root);
  expect(tree.kind).toBe('folder');
  expect(tree.source).toBe(root);
  expect(tree.nameEncoding).toBe('utf8');
  expect(tree.root).toBe('');
  expect([...tree.files.keys()]).toEqual(['css/а.css', 'css/б.css', 'index.html', 'js/app.js']);
  expect([...tree.dirs]).toEqual(['img', 'js/vendor']);
  expect(Buffer.from(tree.files.get('css/а.css')!.bytes).toString()).toBe('a');
});

test('dates come from the modification time', async () => {
  const root = makeFolder({ 'a.txt': 'a', 'empty/': '' });
  const when = new Date(Date.UTC(2022, 1, 3, 4, 5, 6));
  utimesSync(path.join(root, 'a.txt'), when, when);
  utimesSync(path.join(root, 'empty'), when, when);
  const tree = await readTree(root);
  expect(tree.files.get('a.txt')!.date).toEqual(when);
  expect(tree.dirDates!.get('empty')).toEqual(when);
});

test('a symbolic link inside the folder is refused, naming it', async () => {
  const root = makeFolder({ 'a.txt': 'a' });
  symlinkSync('/etc', path.join(root, 'escape'));
  const error = await readTree(root).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(CabinetError);
  expect((error as CabinetError).code).toBe('input-unsafe');
  expect((error as CabinetError).message).toContain("'escape'");
  expect((error as CabinetError).ru).toContain('ссылка');
});

test('a backslash in a file name (possible on Linux) is refused', async () => {
  const root = makeFolder({ 'a\\b.txt': 'x' });
  await expect(readTree(root)).rejects.toMatchObject({ code: 'input-unsafe' });
});

test('limits apply to folders too', async () => {
  const root = makeFolder({ 'a.txt': 'a'.repeat(100), 'b.txt': 'b'.repeat(100), 'c/': '' });
  await expect(readTree(root, { maxEntries: 2 })).rejects.toMatchObject({ code: 'input-limit' });
  await expect(readTree(root, { maxTotalBytes: 150 })).rejects.toMatchObject({ code: 'input-limit' });
  await expect(readTree(root, { maxFileBytes: 99 })).rejects.toMatchObject({ code: 'input-limit', message: expect.stringContaining("'a.txt' is 100 bytes") });
  expect((await readTree(root, { maxFileBytes: 100 })).files.size).toBe(2);
});

test('a missing folder is input-missing', async () => {
  await expect(readTree(path.join(tempDir(), 'absent'))).rejects.toMatchObject({ code: 'input-missing' });
});
