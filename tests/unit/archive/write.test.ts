import { existsSync, mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from 'fs';
import { deflateRawSync } from 'zlib';
import * as path from 'path';
import iconv from 'iconv-lite';
import JSZip from 'jszip';
import { OutputTree, readTree, writeFolder, writeZip } from '../../../src/archive';
import { deflateAhead } from '../../../src/archive/write';
import { CabinetError } from '../../../src/errors';
import { FLAG_UTF8, dosDateTime, listZip } from '../../helpers/rawzip';
import { cleanTempDirs, tempDir } from '../../helpers/tmp';

afterAll(cleanTempDirs);

const DATE = new Date(Date.UTC(2024, 2, 1, 12, 0, 0));

function file(p: string, content: string, date = DATE) {
  return { path: p, bytes: new Uint8Array(Buffer.from(content)), date };
}

function sample(overrides: Partial<OutputTree> = {}): OutputTree {
  return {
    files: [file('index.html', '<p>hi</p>'), file('css/главная.css', 'body{}'), file('js/app.js', 'go()')],
    dirs: ['img'],
    nameEncoding: 'cp866',
    root: '',
    ...overrides,
  };
}

async function zipBytes(tree: OutputTree): Promise<Buffer> {
  const out = path.join(tempDir(), 'out.zip');
  await writeZip(tree, out);
  return readFileSync(out);
}

const names = (buf: Buffer, encoding: string) => listZip(buf).map((e) => iconv.decode(e.nameBytes, encoding));

describe('determinism', () => {
  test('the same tree gives the same bytes, whatever the order of files and dirs', async () => {
    const a = await zipBytes(sample());
    const reversed = sample();
    reversed.files.reverse();
    const b = await zipBytes(reversed);
    expect(b.equals(a)).toBe(true);
  });

  test('entries are sorted by path, directories as "x/" entries, index-like names included', async () => {
    const tree = sample({
      files: [file('9', 'nine'), file('10', 'ten'), file('.htaccess', 'x'), file('a/b.txt', 'b'), file('a-b.txt', 'c')],
      dirs: ['a', 'z'],
      nameEncoding: 'utf8',
    });
    expect(names(await zipBytes(tree), 'utf8')).toEqual(['.htaccess', '10', '9', 'a-b.txt', 'a/', 'a/b.txt', 'z/']);
  });

  test('each entry carries the date given, in DOS fields (2-second resolution, odd seconds rounded down)', async () => {
    const odd = new Date(Date.UTC(2019, 6, 4, 8, 9, 11));
    const buf = await zipBytes(sample({ files: [file('a.txt', 'a', odd)], dirs: [], dirDates: new Map() }));
    const [entry] = listZip(buf);
    const rounded = new Date(Date.UTC(2019, 6, 4, 8, 9, 10));
    expect({ dosDate: entry.dosDate, dosTime: entry.dosTime }).toEqual(dosDateTime(rounded));
  });

  test('directories without a date get the newest date in the tree', async () => {
    const newer = new Date(Date.UTC(2025, 0, 2, 3, 4, 6));
    const files = [file('a/x.txt', 'x'), file('b.txt', 'b', newer)];
    const buf = await zipBytes(sample({ files, dirs: ['a'], nameEncoding: 'utf8' }));
    const dir = listZip(buf).find((e) => e.nameBytes.toString() === 'a/')!;
    expect({ dosDate: dir.dosDate, dosTime: dir.dosTime }).toEqual(dosDateTime(newer));
  });

  test('a directory listed twice is written once', async () => {
    const buf = await zipBytes(sample({ files: [], dirs: ['d', 'd'] }));
    expect(names(buf, 'utf8')).toEqual(['d/']);
  });

  test('files are DEFLATE-compressed, directories and empty files stored', async () => {
    const files = [file('a.txt', 'aaaa'.repeat(100)), file('empty.txt', '')];
    const buf = await zipBytes(sample({ files, dirs: ['d'] }));
    expect(listZip(buf).map((e) => [e.nameBytes.toString(), e.method])).toEqual([
      ['a.txt', 8],
      ['d/', 0],
      ['empty.txt', 0],
    ]);
  });
});

describe('name encodings', () => {
  test("'cp866': CP866 bytes without the UTF-8 flag, in both central and local headers", async () => {
    const buf = await zipBytes(sample());
    const entry = listZip(buf).find((e) => e.nameBytes.equals(iconv.encode('css/главная.css', 'cp866')))!;
    expect(entry).toBeDefined();
    expect(entry.flags & FLAG_UTF8).toBe(0);
    expect(entry.localFlags & FLAG_UTF8).toBe(0);
    expect(entry.localNameBytes.equals(entry.nameBytes)).toBe(true);
    expect(entry.versionMadeBy >> 8).toBe(0);
  });

  test("'cp866': a name CP866 cannot hold is written in UTF-8 with the flag, the others stay CP866", async () => {
    const buf = await zipBytes(sample({ files: [file('日本.txt', 'jp'), file('рус.txt', 'ru')] }));
    const [jp, ru] = listZip(buf).sort((a, b) => Buffer.compare(b.nameBytes, a.nameBytes));
    expect(jp.nameBytes.toString('utf8')).toBe('日本.txt');
    expect(jp.flags & FLAG_UTF8).toBe(FLAG_UTF8);
    expect(jp.localFlags & FLAG_UTF8).toBe(FLAG_UTF8);
    expect(ru.nameBytes.equals(iconv.encode('рус.txt', 'cp866'))).toBe(true);
    expect(ru.flags & FLAG_UTF8).toBe(0);
    const out = path.join(tempDir(), 'mixed.zip');
    writeFileSync(out, buf);
    expect([...(await readTree(out)).files.keys()].sort()).toEqual(['рус.txt', '日本.txt']);
  });

  test("'utf8': UTF-8 bytes with the flag for non-ASCII names", async () => {
    const buf = await zipBytes(sample({ nameEncoding: 'utf8' }));
    const entry = listZip(buf).find((e) => e.nameBytes.toString('utf8') === 'css/главная.css')!;
    expect(entry.flags & FLAG_UTF8).toBe(FLAG_UTF8);
  });

  test('JSZip (another reader) opens the output', async () => {
    const zip = await JSZip.loadAsync(await zipBytes(sample({ nameEncoding: 'utf8' })), { checkCRC32: true });
    expect(await zip.file('css/главная.css')!.async('string')).toBe('body{}');
  });
});

test('a root folder prefixes every entry and gets its own entry', async () => {
  const buf = await zipBytes(sample({ root: 'lk', nameEncoding: 'utf8' }));
  expect(names(buf, 'utf8')).toEqual(['lk/', 'lk/css/главная.css', 'lk/img/', 'lk/index.html', 'lk/js/app.js']);
});

describe('atomic write', () => {
  test('overwrites an existing zip and leaves no temp file', async () => {
    const dir = tempDir();
    const out = path.join(dir, 'MERGED.zip');
    writeFileSync(out, 'old');
    await writeZip(sample(), out);
    expect(readFileSync(out).subarray(0, 2).toString()).toBe('PK');
    expect(readdirSync(dir)).toEqual(['MERGED.zip']);
  });

  test('on failure the error is output-failed, the target is untouched and no temp file is left', async () => {
    const dir = tempDir();
    const out = path.join(dir, 'taken');
    mkdirSync(out);
    writeFileSync(path.join(out, 'keep.txt'), 'mine');
    const error = await writeZip(sample(), out).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CabinetError);
    expect((error as CabinetError).code).toBe('output-failed');
    expect((error as CabinetError).message).toContain(out);
    expect(readdirSync(dir)).toEqual(['taken']);
    expect(readFileSync(path.join(out, 'keep.txt'), 'utf8')).toBe('mine');
  });

  test('a missing output folder is output-failed', async () => {
    const out = path.join(tempDir(), 'no', 'such', 'dir', 'out.zip');
    await expect(writeZip(sample(), out)).rejects.toMatchObject({ code: 'output-failed' });
  });
});

describe('invalid trees are refused before anything is written', () => {
  test.each([
    ['an unsafe path', sample({ files: [file('../evil.js', 'x')] })],
    ['a backslash', sample({ files: [file('a\\b.js', 'x')] })],
    ['a leading slash', sample({ files: [file('/abs.js', 'x')] })],
    ['a duplicate', sample({ files: [file('a.js', 'x'), file('a.js', 'y')] })],
    ['a file that is a folder', sample({ files: [file('a', 'x'), file('a/b', 'y')] })],
    ['a dir that is a file', sample({ files: [file('a', 'x')], dirs: ['a'] })],
    ['an unsafe root', sample({ root: '..' })],
  ])('%s', async (_, tree) => {
    const dir = tempDir();
    await expect(writeZip(tree, path.join(dir, 'out.zip'))).rejects.toMatchObject({ code: 'output-invalid' });
    expect(readdirSync(dir)).toEqual([]);
  });
});

describe('writeFolder', () => {
  test('writes files, empty folders and dates under the root folder', async () => {
    const out = path.join(tempDir(), 'work');
    await writeFolder(sample({ root: 'lk', dirs: ['img'] }), out);
    expect(readFileSync(path.join(out, 'lk', 'css', 'главная.css'), 'utf8')).toBe('body{}');
    expect(statSync(path.join(out, 'lk', 'img')).isDirectory()).toBe(true);
    expect(statSync(path.join(out, 'lk', 'index.html')).mtime).toEqual(DATE);
    expect(statSync(path.join(out, 'lk', 'css')).mtime).toEqual(DATE);
  });

  test('refuses a non-empty target with output-exists and leaves it as it was', async () => {
    const dir = tempDir();
    const out = path.join(dir, 'work');
    mkdirSync(out);
    writeFileSync(path.join(out, 'mine.txt'), 'mine');
    await expect(writeFolder(sample(), out)).rejects.toMatchObject({ code: 'output-exists' });
    expect(readdirSync(out)).toEqual(['mine.txt']);
    expect(readdirSync(dir)).toEqual(['work']);
  });

  test('fills an existing empty folder', async () => {
    const out = path.join(tempDir(), 'empty');
    mkdirSync(out);
    await writeFolder(sample(), out);
    expect(existsSync(path.join(out, 'index.html'))).toBe(true);
  });
});

describe('deflateAhead', () => {
  // Over SYNC_DEFLATE_BELOW (256 KB), varied enough that DEFLATE has work to do.
  const big = (seed: number) =>
    Array.from({ length: 30000 }, (_, i) => `line ${i} value ${(i * 7919 + seed) % 10007}\n`).join('');

  test('a zip written after deflateAhead has the very bytes of one written without it', async () => {
    const tree = () => sample({ files: [file('a.js', big(1)), file('b.js', big(2)), file('small.txt', 'x')] });
    const plain = await zipBytes(tree());
    const t = tree();
    const started = t.files.map((f) => deflateAhead(f.bytes));
    expect(started.map((s) => s !== undefined)).toEqual([true, true, false]);
    expect(await zipBytes(t)).toEqual(plain);
  });

  test('bytes changed in place after deflateAhead are deflated anew, not written with the early data', async () => {
    const t = sample({ files: [file('a.js', big(3))] });
    await deflateAhead(t.files[0].bytes);
    t.files[0].bytes.fill(0x20, 0, 10);
    const out = path.join(tempDir(), 'out.zip');
    await writeZip(t, out);
    expect(Buffer.from((await readTree(out)).files.get('a.js')!.bytes).toString()).toBe(' '.repeat(10) + big(3).slice(10));
  });
});

describe('large files deflated in pieces (DEFLATE_PIECE, 1 MB)', () => {
  const MB = 1024 * 1024;
  // Seeded, compressible and not periodic: matches reach back across each piece's cut into the one before.
  const content = (length: number) => {
    let s = 12345;
    const words = ['alpha', 'beta', 'gamma', 'delta', 'епсилон', '\n', '<div>', '</div>', ' '];
    const parts: string[] = [];
    let n = 0;
    while (n < length) {
      s = (s * 1103515245 + 12345) >>> 0;
      const w = words[s % words.length] + (s % 97).toString();
      parts.push(w);
      n += w.length;
    }
    return Buffer.from(parts.join('')).subarray(0, length);
  };

  test.each([MB - 1, MB, MB + 1, 2 * MB + 32 * 1024, 3 * MB + 12345])('%i bytes: inflate back identically, for us and for JSZip', async (length) => {
    const bytes = new Uint8Array(content(length));
    const zip = await zipBytes(sample({ files: [{ path: 'page.html', bytes, date: DATE }] }));
    expect(listZip(zip).find((e) => e.nameBytes.toString() === 'page.html')!.method).toBe(8);
    const ours = Buffer.from((await readTree(await written(zip))).files.get('page.html')!.bytes);
    expect(ours.equals(Buffer.from(bytes))).toBe(true);
    const theirs = await (await JSZip.loadAsync(zip)).file('page.html')!.async('nodebuffer');
    expect(theirs.equals(Buffer.from(bytes))).toBe(true);
  });

  test('the pieces keep the compression of one stream (dictionary across cuts) and the same bytes every time', async () => {
    const bytes = new Uint8Array(content(4 * MB));
    const tree = () => sample({ files: [{ path: 'page.html', bytes, date: DATE }] });
    const a = await zipBytes(tree());
    expect((await zipBytes(tree())).equals(a)).toBe(true);
    const oneStream = deflateRawSync(bytes, { level: 4 }).length;
    expect(a.length).toBeLessThan(oneStream * 1.01 + 200); // + headers of the sample's entries
  });
});

async function written(zip: Buffer): Promise<string> {
  const p = path.join(tempDir(), 'in.zip');
  writeFileSync(p, zip);
  return p;
}
