import { readFileSync, writeFileSync } from 'fs';
import * as path from 'path';
import { OutputTree, Tree, readTree, writeFolder, writeZip } from '../../../src/archive';
import { DOS_DIRECTORY_ATTR, FLAG_UTF8, buildZip, dosRound } from '../../helpers/rawzip';
import { cleanTempDirs, tempDir } from '../../helpers/tmp';

afterAll(cleanTempDirs);

function toOutput(tree: Tree): OutputTree {
  return {
    files: [...tree.files.values()],
    dirs: [...tree.dirs],
    dirDates: tree.dirDates,
    nameEncoding: tree.nameEncoding,
    root: tree.root,
  };
}

/** Everything a round trip must keep, in one comparable value. */
function summary(tree: Tree) {
  return {
    files: [...tree.files.values()]
      .map((f) => [f.path, Buffer.from(f.bytes).toString('base64'), f.date.toISOString()])
      .sort(),
    dirs: [...tree.dirs].sort(),
    dirDates: [...(tree.dirDates ?? new Map()).entries()].map(([d, t]) => [d, t.toISOString()]).sort(),
    nameEncoding: tree.nameEncoding,
  };
}

const odd = new Date(Date.UTC(2023, 8, 9, 10, 11, 13));
const even = new Date(Date.UTC(2020, 1, 29, 23, 58, 40));

const DIR = DOS_DIRECTORY_ATTR;
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 1, 2, 255]);

/** A cabinet as a Russian Windows tool writes it: CP866 names, backslashes, directory entries, binary content. */
function windowsZip(): Buffer {
  return buildZip([
    { name: 'Кабинет\\', encoding: 'cp866', method: 'store', externalAttributes: DIR, date: even },
    { name: 'Кабинет\\стили\\главная.css', encoding: 'cp866', data: 'body { color: red; }\r\n', date: odd },
    { name: 'Кабинет\\картинки\\', encoding: 'cp866', method: 'store', externalAttributes: DIR, date: even },
    { name: 'Кабинет\\logo.png', encoding: 'cp866', method: 'store', data: PNG },
    { name: 'Кабинет\\пусто.txt', encoding: 'cp866', data: '' },
  ]);
}

async function readBuffer(buf: Buffer): Promise<Tree> {
  const file = path.join(tempDir(), 'in.zip');
  writeFileSync(file, buf);
  return readTree(file);
}

async function writeAndRead(tree: Tree): Promise<{ tree: Tree; bytes: Buffer }> {
  const out = path.join(tempDir(), 'out.zip');
  await writeZip(toOutput(tree), out);
  return { tree: await readTree(out), bytes: readFileSync(out) };
}

test('read → write → read keeps names, bytes, dirs, dates (to 2 s) and the CP866 name encoding', async () => {
  const first = await readBuffer(windowsZip());
  expect(first.nameEncoding).toBe('cp866');
  expect(first.files.get('Кабинет/стили/главная.css')!.date).toEqual(dosRound(odd));
  const { tree: second } = await writeAndRead(first);
  expect(summary(second)).toEqual(summary(first));
});

test('write is idempotent: writing what was read from our own zip gives the same bytes', async () => {
  const first = await writeAndRead(await readBuffer(windowsZip()));
  const second = await writeAndRead(first.tree);
  expect(second.bytes.equals(first.bytes)).toBe(true);
});

test('a UTF-8 zip stays UTF-8', async () => {
  const tree = await readBuffer(buildZip([{ name: 'стили/a.css', flags: FLAG_UTF8, data: 'a' }]));
  const { tree: again } = await writeAndRead(tree);
  expect(summary(again)).toEqual(summary(tree));
  expect(again.nameEncoding).toBe('utf8');
});

test('a date with odd seconds comes back rounded down to DOS resolution', async () => {
  const out = path.join(tempDir(), 'odd.zip');
  const files = [{ path: 'a.txt', bytes: new Uint8Array([1]), date: odd }];
  await writeZip({ files, dirs: [], nameEncoding: 'utf8', root: '' }, out);
  expect((await readTree(out)).files.get('a.txt')!.date).toEqual(dosRound(odd));
});

test('zip → folder → tree keeps names, bytes, empty folders and dates', async () => {
  const zipTree = await readBuffer(windowsZip());
  const folder = path.join(tempDir(), 'work');
  await writeFolder(toOutput(zipTree), folder);
  const folderTree = await readTree(folder);
  const expected = summary(zipTree);
  // A folder lists only empty directories; 'Кабинет' is implied by its files.
  expect(summary(folderTree)).toEqual({
    ...expected,
    dirs: ['Кабинет/картинки'],
    dirDates: [['Кабинет/картинки', even.toISOString()]],
    nameEncoding: 'utf8',
  });
});
