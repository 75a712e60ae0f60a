import { writeFileSync } from 'fs';
import * as path from 'path';
import { crc32, deflateRawSync } from 'zlib';
import iconv from 'iconv-lite';
import { readTree, ReadOptions, Tree } from '../../../src/archive';
import { SameDataCache } from '../../../src/archive/read-zip';
import { CabinetError, ErrorCode } from '../../../src/errors';
import {
  DOS_DIRECTORY_ATTR,
  FLAG_ENCRYPTED,
  FLAG_UTF8,
  MADE_BY_UNIX,
  RawSpec,
  UNIX_SYMLINK_ATTR,
  buildZip,
} from '../../helpers/rawzip';
import { cleanTempDirs, tempDir } from '../../helpers/tmp';

afterAll(cleanTempDirs);

/** Writes `bytes` as `name` in a temp folder and reads it back. */
async function readBytes(bytes: Uint8Array, options?: ReadOptions, name = 'input.zip'): Promise<Tree> {
  const file = path.join(tempDir(), name);
  writeFileSync(file, bytes);
  return readTree(file, options);
}

async function readSpecs(specs: RawSpec[], options?: ReadOptions): Promise<Tree> {
  return readBytes(buildZip(specs), options);
}

/** The CabinetError a promise rejects with, checked for its code and for `parts` in both languages' messages. */
async function failure(promise: Promise<unknown>, code: ErrorCode, ...parts: string[]): Promise<CabinetError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(CabinetError);
  const e = error as CabinetError;
  expect(e.code).toBe(code);
  for (const part of parts) {
    expect(e.message).toContain(part);
    expect(e.ru).toContain(part);
  }
  expect(e.ru).toMatch(/[а-я]/);
  return e;
}

const text = (tree: Tree, p: string) => Buffer.from(tree.files.get(p)!.bytes).toString('utf8');

describe('entry names', () => {
  test('a CP866 name without the UTF-8 flag (Explorer, 7-Zip on Russian Windows) decodes as CP866', async () => {
    const tree = await readSpecs([{ name: 'Настройки/главная.css', encoding: 'cp866', data: 'body{}' }]);
    expect([...tree.files.keys()]).toEqual(['Настройки/главная.css']);
    expect(text(tree, 'Настройки/главная.css')).toBe('body{}');
    expect(tree.nameEncoding).toBe('cp866');
  });

  test('a name with the UTF-8 flag decodes as UTF-8', async () => {
    const tree = await readSpecs([{ name: 'стили/основной.css', flags: FLAG_UTF8, data: 'a' }]);
    expect([...tree.files.keys()]).toEqual(['стили/основной.css']);
    expect(tree.nameEncoding).toBe('utf8');
  });

  test('ASCII-only names give nameEncoding utf8', async () => {
    const tree = await readSpecs([{ name: 'index.html', data: '<p>' }]);
    expect(tree.nameEncoding).toBe('utf8');
    expect(tree.kind).toBe('zip');
    expect(tree.root).toBe('');
  });

  test('mixed names: the encoding most non-ASCII names used wins, ties go to cp866', async () => {
    const mixed = await readSpecs([
      { name: 'а.txt', encoding: 'cp866' },
      { name: 'б.txt', flags: FLAG_UTF8 },
      { name: 'в.txt', flags: FLAG_UTF8 },
    ]);
    expect(mixed.nameEncoding).toBe('utf8');
    const tie = await readSpecs([
      { name: 'а.txt', encoding: 'cp866' },
      { name: 'б.txt', flags: FLAG_UTF8 },
    ]);
    expect(tie.nameEncoding).toBe('cp866');
  });

  test('the Unicode Path extra field 0x7075 takes precedence over the stored bytes', async () => {
    // WinRAR/WinZip style: a code-page name without the flag, plus the true name in 0x7075.
    const tree = await readSpecs([
      { name: 'Otchet.txt', unicodePath: { name: 'Отчёт.txt' } },
      { name: iconv.encode('Привет.txt', 'cp1251'), unicodePath: { name: 'Привет.txt' } },
    ]);
    expect([...tree.files.keys()]).toEqual(['Отчёт.txt', 'Привет.txt']);
    expect(tree.nameEncoding).toBe('cp866');
  });

  test('0x7075 also wins over a flagged name', async () => {
    const tree = await readSpecs([{ name: 'old.txt', flags: FLAG_UTF8, unicodePath: { name: 'новый.txt' } }]);
    expect([...tree.files.keys()]).toEqual(['новый.txt']);
  });

  test('a stale 0x7075 field (CRC of another name, or unknown version) is ignored', async () => {
    const tree = await readSpecs([
      { name: 'файл.txt', encoding: 'cp866', unicodePath: { name: 'чужое.txt', crcOf: Buffer.from('other') } },
      { name: 'ещё.txt', encoding: 'cp866', unicodePath: { name: 'другое.txt', version: 2 } },
    ]);
    expect([...tree.files.keys()]).toEqual(['файл.txt', 'ещё.txt']);
  });

  test('UTF-8 bytes without the flag from a Unix/macOS tool are read as UTF-8', async () => {
    const regularFile = (0o100644 << 16) >>> 0;
    const tree = await readSpecs([{ name: 'отчёт.txt', versionMadeBy: MADE_BY_UNIX, externalAttributes: regularFile }]);
    expect([...tree.files.keys()]).toEqual(['отчёт.txt']);
    expect(tree.nameEncoding).toBe('utf8');
  });

  test('backslash separators become slashes, for files and directory entries', async () => {
    const tree = await readSpecs([
      { name: 'img\\', method: 'store', externalAttributes: DOS_DIRECTORY_ATTR },
      { name: 'css\\стиль.css', encoding: 'cp866', data: 'x' },
    ]);
    expect([...tree.files.keys()]).toEqual(['css/стиль.css']);
    expect([...tree.dirs]).toEqual(['img']);
  });

  test('"./" prefixes and doubled slashes are dropped', async () => {
    const tree = await readSpecs([{ name: './a//b.txt', data: 'x' }]);
    expect([...tree.files.keys()]).toEqual(['a/b.txt']);
  });
});

describe('directories and dates', () => {
  test('directory entries go to dirs with their dates; files keep their dates', async () => {
    const dirDate = new Date(Date.UTC(2023, 4, 17, 13, 45, 30));
    const fileDate = new Date(Date.UTC(2021, 11, 31, 23, 59, 58));
    const tree = await readSpecs([
      { name: 'a/', method: 'store', date: dirDate },
      { name: 'a/empty/', method: 'store' },
      { name: 'a/f.txt', data: 'f', date: fileDate },
    ]);
    expect([...tree.dirs].sort()).toEqual(['a', 'a/empty']);
    expect(tree.dirDates!.get('a')).toEqual(dirDate);
    expect(tree.files.get('a/f.txt')!.date).toEqual(fileDate);
  });

  test('a DOS directory attribute marks an empty entry without a trailing slash as a directory', async () => {
    const tree = await readSpecs([{ name: 'fonts', method: 'store', externalAttributes: DOS_DIRECTORY_ATTR }]);
    expect([...tree.dirs]).toEqual(['fonts']);
    expect(tree.files.size).toBe(0);
    const withData = await readSpecs([{ name: 'odd', data: 'x', externalAttributes: DOS_DIRECTORY_ATTR }]);
    expect([...withData.files.keys()]).toEqual(['odd']);
  });

  test('stored entries, data descriptors, a self-extractor prefix and ZIP64 end records are all read', async () => {
    const specs: RawSpec[] = [
      { name: 'stored.txt', method: 'store', data: 'plain' },
      { name: 'described.txt', data: 'via descriptor', dataDescriptor: true },
    ];
    const sfx = buildZip(specs, { prefix: Buffer.from('MZ stub '.repeat(20)) });
    for (const bytes of [sfx, buildZip(specs, { zip64: true })]) {
      const tree = await readBytes(bytes);
      expect(text(tree, 'stored.txt')).toBe('plain');
      expect(text(tree, 'described.txt')).toBe('via descriptor');
    }
  });

  test('file bytes are returned exactly, as plain Uint8Arrays', async () => {
    const binary = Buffer.from(Array.from({ length: 3000 }, (_, i) => (i * 7) % 256));
    const tree = await readSpecs([{ name: 'logo.png', data: binary }]);
    const bytes = tree.files.get('logo.png')!.bytes;
    expect(bytes.constructor).toBe(Uint8Array);
    expect(Buffer.from(bytes).equals(binary)).toBe(true);
  });
});

describe('unsafe entries are refused with input-unsafe, naming the entry', () => {
  test.each([
    ['../evil.js'],
    ['css/../../evil.js'],
    ['..\\evil.js'],
    ['/etc/passwd'],
    ['\\Windows\\evil.dll'],
    ['C:\\Windows\\evil.dll'],
    ['C:evil.dll'],
    ['a/file.txt:stream'],
  ])('%s', async (name) => {
    const e = await failure(readSpecs([{ name, data: 'x' }]), 'input-unsafe', name);
    expect(e.message).toContain('input.zip');
  });

  test('a symlink entry (Unix mode S_IFLNK) is refused', async () => {
    await failure(
      readSpecs([
        { name: 'link', data: '/etc/passwd', versionMadeBy: MADE_BY_UNIX, externalAttributes: UNIX_SYMLINK_ATTR },
      ]),
      'input-unsafe',
      'link',
    );
  });

  test('duplicate names, also when they differ only by slash style, are refused', async () => {
    await failure(readSpecs([{ name: 'a/b.txt' }, { name: 'a/b.txt' }]), 'input-unsafe', 'a/b.txt');
    const e = await failure(readSpecs([{ name: 'css/a.css' }, { name: 'css\\a.css' }]), 'input-unsafe', 'css\\a.css');
    expect(e.message).toContain("entry 'css/a.css'");
  });

  test('a path that is both a file and a folder is refused', async () => {
    await failure(readSpecs([{ name: 'a', data: 'x' }, { name: 'a/b.txt' }]), 'input-unsafe', "'a'");
    await failure(readSpecs([{ name: 'a', data: 'x' }, { name: 'a/', method: 'store' }]), 'input-unsafe', "'a/'");
  });

  test('a repeated directory entry is harmless', async () => {
    const tree = await readSpecs([{ name: 'a/', method: 'store' }, { name: 'a\\', method: 'store' }]);
    expect([...tree.dirs]).toEqual(['a']);
  });
});

describe('broken inputs', () => {
  test('a missing path is input-missing', async () => {
    await failure(readTree(path.join(tempDir(), 'nope.zip')), 'input-missing', 'nope.zip');
  });

  test('an empty file is input-not-archive', async () => {
    await failure(readBytes(Buffer.alloc(0)), 'input-not-archive', '0');
  });

  test.each([
    ['PDF', Buffer.from('%PDF-1.7\n%âãÏÓ\n1 0 obj\n', 'latin1')],
    ['RAR', Buffer.from('Rar!\x1a\x07\x01\x00 rest of the archive', 'latin1')],
    ['7z', Buffer.from('7z\xbc\xaf\x27\x1c rest', 'latin1')],
    ['HTML', Buffer.from('<!DOCTYPE html><html>Session expired</html>')],
  ])('a %s file renamed to .zip is input-not-archive and says what it looks like', async (what, bytes) => {
    await failure(readBytes(bytes), 'input-not-archive', what);
  });

  test('plain garbage is input-not-archive', async () => {
    await failure(readBytes(Buffer.from('just some text, not an archive at all')), 'input-not-archive', 'input.zip');
  });

  test('a truncated zip is input-corrupt', async () => {
    const zip = buildZip([{ name: 'a.txt', data: 'a'.repeat(500) }, { name: 'b.txt', data: 'b' }]);
    await failure(readBytes(zip.subarray(0, zip.length - 30)), 'input-corrupt');
    await failure(readBytes(zip.subarray(0, 40)), 'input-corrupt');
  });

  test('a zip missing bytes before its directory is input-corrupt', async () => {
    const zip = buildZip([{ name: 'a.txt', data: 'hello' }]);
    const cut = Buffer.concat([zip.subarray(0, 10), zip.subarray(20)]);
    await failure(readBytes(cut), 'input-corrupt');
  });

  test('a bad CRC is input-corrupt, naming the entry', async () => {
    const zip = readSpecs([{ name: 'главная.html', encoding: 'cp866', data: 'hello', crc: 0x12345678 }]);
    const e = await failure(zip, 'input-corrupt', 'главная.html', 'CRC-32');
    expect(e.message).toMatch(/^.*input\.zip: entry 'главная\.html'/);
  });

  test('damaged deflate data is input-corrupt', async () => {
    const zip = buildZip([{ name: 'a.js', data: 'function f() { return 1; }\n'.repeat(50) }]);
    const damaged = Buffer.from(zip);
    for (let i = 40; i < 60; i++) damaged[i] ^= 0xff;
    await failure(readBytes(damaged), 'input-corrupt', 'a.js');
  });

  test('an entry that inflates to more or less than it declares is input-corrupt (a lie cannot fill memory)', async () => {
    const bomb = readSpecs([{ name: 'bomb.txt', data: 'x'.repeat(100000), uncompressedSize: 10 }]);
    await failure(bomb, 'input-corrupt', 'bomb.txt', '10');
    const short = readSpecs([{ name: 'short.txt', data: 'x'.repeat(10), uncompressedSize: 100 }]);
    await failure(short, 'input-corrupt', 'short.txt');
  });

  test('an encrypted entry is refused with a message about the password', async () => {
    const zip = readSpecs([{ name: 'secret.txt', flags: FLAG_ENCRYPTED, method: 'store', data: 'xx' }]);
    const e = await failure(zip, 'input-unsupported', 'secret.txt');
    expect(e.message).toContain('password');
    expect(e.ru).toContain('паролем');
  });

  test('an unsupported compression method is refused, naming the method', async () => {
    await failure(readSpecs([{ name: 'big.bin', method: 14, data: 'xx' }]), 'input-unsupported', 'big.bin', 'LZMA');
    await failure(readSpecs([{ name: 'huge.bin', method: 9, data: 'xx' }]), 'input-unsupported', 'Deflate64');
  });
});

describe('limits', () => {
  test('maxEntries is checked against the declared count before the directory is walked', async () => {
    const zip = buildZip([{ name: 'a' }, { name: 'b' }, { name: 'c' }]);
    await failure(readBytes(zip, { maxEntries: 2 }), 'input-limit', '--max-entries');
    await failure(readBytes(buildZip([{ name: 'a' }], { declaredCount: 60000 })), 'input-limit', '--max-entries');
  });

  test('maxTotalBytes is checked from declared sizes before inflating', async () => {
    const zip = buildZip([{ name: 'a.txt', data: 'a'.repeat(600) }, { name: 'b.txt', data: 'b'.repeat(600) }]);
    await failure(readBytes(zip, { maxTotalBytes: 1000 }), 'input-limit', '--max-total-size');
    expect((await readBytes(zip, { maxTotalBytes: 1200 })).files.size).toBe(2);
  });

  test('maxFileBytes refuses one file over the limit from its declared size, naming it and --max-file-size', async () => {
    const zip = buildZip([{ name: 'small.txt', data: 'a'.repeat(100) }, { name: 'big.txt', data: 'b'.repeat(600) }]);
    const e = await failure(readBytes(zip, { maxFileBytes: 500 }), 'input-limit', '--max-file-size');
    expect(e.localized('en')).toContain("'big.txt' is 600 bytes uncompressed, over the limit of 500");
    expect(e.localized('ru')).toContain('600 байт в распакованном виде, больше предела 500 (параметр --max-file-size)');
    expect((await readBytes(zip, { maxFileBytes: 600 })).files.size).toBe(2);
  });

  test('maxRatio refuses a highly compressed large entry, naming it', async () => {
    const zeros = Buffer.alloc(2 * 1024 * 1024);
    expect(zeros.length / deflateRawSync(zeros).length).toBeGreaterThan(1000);
    await failure(readSpecs([{ name: 'zeros.bin', data: zeros }]), 'input-limit', '--max-ratio', 'zeros.bin');
    expect((await readSpecs([{ name: 'zeros.bin', data: zeros }], { maxRatio: 100000 })).files.size).toBe(1);
  });

  test('small entries are not ratio-checked', async () => {
    const tree = await readSpecs([{ name: 'a.css', data: ' '.repeat(100000) }]);
    expect(tree.files.get('a.css')!.bytes.length).toBe(100000);
  });
});

test('the message names the archive and is in both languages', async () => {
  const e = await failure(readSpecs([{ name: '../x' }]), 'input-unsafe');
  expect(e.message).toContain('input.zip');
  expect(e.ru).toContain('input.zip');
  expect(e.localized('ru')).toContain('отклонено');
  expect(iconv.encodingExists('cp866')).toBe(true);
});

describe('entries stored alike in several zips of one merge are inflated once (SameDataCache)', () => {
  const files = (tree: Tree) => new Map([...tree.files].map(([p, f]) => [p, Buffer.from(f.bytes).toString('utf8')]));
  const write = (specs: RawSpec[]) => {
    const file = path.join(tempDir(), 'input.zip');
    writeFileSync(file, buildZip(specs));
    return file;
  };
  const body = 'function f() { return 1; }\n'.repeat(40);
  const other = 'function g() { return 2; }\n'.repeat(40);

  test('the same stored data gives the same bytes without another inflate; other data is inflated as before', async () => {
    const a = write([{ name: 'same.js', data: body }, { name: 'changed.js', data: body + 'x' }, { name: 'level.js', data: other }]);
    const b = write([
      { name: 'same.js', data: body },
      { name: 'changed.js', data: body + 'y' },
      // The same content, compressed otherwise: not the same stored data, so inflated on its own.
      { name: 'level.js', data: other, compressed: deflateRawSync(other, { level: 1 }) },
    ]);
    const same = new SameDataCache();
    const [ta, tb] = [await readTree(a, {}, same), await readTree(b, {}, same)];
    expect(same.hits).toBe(1);
    expect(tb.files.get('same.js')!.bytes).toBe(ta.files.get('same.js')!.bytes);
    expect(files(ta)).toEqual(files(await readTree(a)));
    expect(files(tb)).toEqual(files(await readTree(b)));
    // The copy the writer may make is still each zip's own stored data.
    expect(tb.files.get('same.js')!.raw!.compressed).toEqual(ta.files.get('same.js')!.raw!.compressed);
    expect(tb.files.get('same.js')!.raw!.compressed.buffer).not.toBe(ta.files.get('same.js')!.raw!.compressed.buffer);
  });

  test('an equal CRC-32 and size are no proof: other compressed bytes are inflated and checked', async () => {
    const good = write([{ name: 'a.txt', data: 'hello' }]);
    // Declares hello's CRC-32 and size over the compressed bytes of another five-letter word.
    const forged = write([{ name: 'a.txt', data: 'hello', compressed: deflateRawSync('jello') }]);
    const same = new SameDataCache();
    await readTree(good, {}, same);
    await failure(readTree(forged, {}, same), 'input-corrupt', 'a.txt', 'CRC-32');
    expect(same.hits).toBe(0);
  });
});

test('SameDataCache: two valid entries with the same CRC-32, sizes and compressed length are still two contents', async () => {
  // "plumless" and "buckeroo" are a known CRC-32 collision; CRC-32 being affine, so is any text around them at the
  // same place. Both entries are sound (their own CRC-32 and size are right), so nothing throws: a cache that keyed
  // on CRC-32 and sizes alone would silently hand the second zip the first one's bytes.
  const a = 'export const word = "plumless";\n';
  const b = 'export const word = "buckeroo";\n';
  expect(crc32(Buffer.from(a))).toBe(crc32(Buffer.from(b)));
  expect(deflateRawSync(a).length).toBe(deflateRawSync(b).length);
  const write = (data: string) => {
    const file = path.join(tempDir(), 'input.zip');
    writeFileSync(file, buildZip([{ name: 'word.js', data }]));
    return file;
  };
  const same = new SameDataCache();
  const ta = await readTree(write(a), {}, same);
  const tb = await readTree(write(b), {}, same);
  expect(Buffer.from(ta.files.get('word.js')!.bytes).toString('utf8')).toBe(a);
  expect(Buffer.from(tb.files.get('word.js')!.bytes).toString('utf8')).toBe(b);
  expect(same.hits).toBe(0);
});
