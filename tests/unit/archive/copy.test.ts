/**
 * Unchanged entries are copied as their zip stored them (archive/write.ts `copyable`), everything else is DEFLATEd
 * by Node's zlib at level 4. Inputs are compressed at level 9, whose output differs from level 4, so a byte-equal
 * entry in the output can only be a copy. Level-6 bytes are computed here by the same Node build that runs the
 * writer: the promise is identical bytes on the same build, identical content everywhere.
 */
import { spawnSync } from 'child_process';
import { readFileSync, writeFileSync } from 'fs';
import * as path from 'path';
import { crc32, deflateRawSync } from 'zlib';
import { FileEntry, OutputTree, Tree, readTree, writeZip } from '../../../src/archive';
import { entryData, readCentralDirectory } from '../../../src/archive/zipformat';
import { runMerge } from '../../../src/commands/merge';
import { RawSpec, buildZip } from '../../helpers/rawzip';
import { cleanTempDirs, tempDir } from '../../helpers/tmp';

afterAll(cleanTempDirs);

/** 400 lines of markup: big enough that zlib levels 9 and 4 compress it differently. */
function page(edit: (lines: string[]) => void = () => undefined): string {
  const lines = Array.from({ length: 400 }, (_, i) => `  <div class="row-${(i * 7919) % 97}">item ${(i * 31) % 53} of ${i % 11}</div>`);
  edit(lines);
  return lines.join('\r\n') + '\r\n';
}

const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 1, 2, 3, 255]);

/** An entry compressed by zlib at level 9. */
function level9(name: string, content: string): RawSpec {
  return { name, data: content, compressed: deflateRawSync(Buffer.from(content), { level: 9 }) };
}

const level4 = (bytes: Uint8Array) => deflateRawSync(bytes, { level: 4 });

/** Name → { method, data as stored } of every entry in a zip. */
function storedEntries(buf: Buffer): Map<string, { method: number; data: Buffer }> {
  const entries = new Map<string, { method: number; data: Buffer }>();
  for (const e of readCentralDirectory(buf, () => undefined).entries) {
    entries.set(Buffer.from(e.nameBytes).toString('utf8'), { method: e.method, data: Buffer.from(entryData(buf, e)) });
  }
  return entries;
}

async function readZip(buf: Buffer): Promise<Tree> {
  const file = path.join(tempDir(), 'in.zip');
  writeFileSync(file, buf);
  return readTree(file);
}

async function written(tree: OutputTree): Promise<{ buf: Buffer; file: string }> {
  const file = path.join(tempDir(), 'out.zip');
  await writeZip(tree, file);
  return { buf: readFileSync(file), file };
}

function toOutput(tree: Tree, files: FileEntry[] = [...tree.files.values()]): OutputTree {
  return { files, dirs: [...tree.dirs], nameEncoding: tree.nameEncoding, root: tree.root };
}

function unzipTest(file: string): void {
  const r = spawnSync('unzip', ['-tq', file], { encoding: 'utf8' });
  expect(r.stdout + r.stderr).toContain('No errors detected');
  expect(r.status).toBe(0);
}

const INPUT = buildZip([
  level9('index.html', page()),
  { name: 'logo.png', method: 'store', data: PNG },
  { name: 'css/', method: 'store' },
  level9('css/main.css', page((l) => l.reverse())),
]);

test('precondition: zlib levels 9 and 4 compress the test page differently', () => {
  const bytes = Buffer.from(page());
  expect(deflateRawSync(bytes, { level: 9 }).equals(level4(bytes))).toBe(false);
});

describe('the reader keeps what a copy needs', () => {
  test('method, CRC-32, size and the compressed bytes as a view into the archive', async () => {
    const tree = await readZip(INPUT);
    const html = tree.files.get('index.html')!;
    expect(html.raw).toMatchObject({ method: 8, crc32: crc32(html.bytes), size: html.bytes.length });
    expect(Buffer.from(html.raw!.compressed).equals(storedEntries(INPUT).get('index.html')!.data)).toBe(true);
    expect(tree.files.get('logo.png')!.raw).toMatchObject({ method: 0, size: PNG.length });
  });

  test('a DEFLATE stream followed by stray bytes is read but not offered for copying', async () => {
    const content = Buffer.from('hello hello hello');
    const compressed = Buffer.concat([deflateRawSync(content), Buffer.from('junk')]);
    const tree = await readZip(buildZip([{ name: 'a.txt', data: content, compressed }]));
    expect(Buffer.from(tree.files.get('a.txt')!.bytes).equals(content)).toBe(true);
    expect(tree.files.get('a.txt')!.raw).toBeUndefined();
  });
});

describe('the writer', () => {
  test('copies unchanged entries byte for byte: DEFLATE from another compressor, and stored', async () => {
    const { buf, file } = await written(toOutput(await readZip(INPUT)));
    const before = storedEntries(INPUT);
    const after = storedEntries(buf);
    for (const name of ['index.html', 'css/main.css', 'logo.png']) {
      expect([name, after.get(name)!.method]).toEqual([name, before.get(name)!.method]);
      expect([name, after.get(name)!.data.equals(before.get(name)!.data)]).toEqual([name, true]);
    }
    unzipTest(file);
    const again = await readZip(buf);
    expect(Buffer.from(again.files.get('css/main.css')!.bytes).toString()).toBe(page((l) => l.reverse()));
  });

  test('recompresses a file whose bytes are not those of its stored data, even if `raw` was left on', async () => {
    const tree = await readZip(INPUT);
    const html = tree.files.get('index.html')!;
    const changed = Buffer.from(page((l) => (l[10] = '<p>changed</p>')));
    // Same length, same content but one byte: the size check passes, the CRC-32 check must not.
    const png = tree.files.get('logo.png')!;
    const flipped = Buffer.from(png.bytes);
    flipped[15] ^= 1;
    const { buf, file } = await written(
      toOutput(tree, [
        { ...html, bytes: changed },
        { ...png, bytes: flipped },
        tree.files.get('css/main.css')!,
      ]),
    );
    const after = storedEntries(buf);
    expect(after.get('index.html')).toEqual({ method: 8, data: level4(changed) });
    expect(after.get('logo.png')).toEqual({ method: 8, data: level4(flipped) });
    unzipTest(file);
    const again = await readZip(buf);
    expect(Buffer.from(again.files.get('index.html')!.bytes).equals(changed)).toBe(true);
    expect(Buffer.from(again.files.get('logo.png')!.bytes).equals(flipped)).toBe(true);
  });

  test('copying is deterministic, and writing our own output again gives the same bytes', async () => {
    const tree = await readZip(INPUT);
    const first = await written(toOutput(tree));
    const second = await written(toOutput(tree));
    expect(second.buf.equals(first.buf)).toBe(true);
    const third = await written(toOutput(await readZip(first.buf)));
    expect(third.buf.equals(first.buf)).toBe(true);
  });

  test('says how many entries it copied and compressed', async () => {
    const tree = await readZip(INPUT);
    const files = [...tree.files.values()].map((f) => (f.path === 'index.html' ? { ...f, raw: undefined } : f));
    const result = await writeZip(toOutput(tree, files), path.join(tempDir(), 'out.zip'));
    expect(result).toMatchObject({ entries: 4, copied: 2, compressed: 1 });
  });
});

test('a merge copies the entries it takes unchanged from mine or theirs and compresses the merged one', async () => {
  const dir = tempDir();
  const zip = (name: string, specs: RawSpec[]) => {
    const file = path.join(dir, name);
    writeFileSync(file, buildZip(specs));
    return file;
  };
  const both = page();
  const base = zip('base.zip', [level9('same.html', both), level9('a.html', both), level9('b.html', both), level9('c.html', both)]);
  const mineEdit = (l: string[]) => (l[5] = '<!-- mine -->');
  const theirsEdit = (l: string[]) => (l[300] = '<!-- theirs -->');
  const mine = zip('mine.zip', [level9('same.html', both), level9('a.html', page(mineEdit)), level9('b.html', both), level9('c.html', page(mineEdit))]);
  const theirs = zip('theirs.zip', [
    level9('same.html', both),
    level9('a.html', both),
    level9('b.html', page(theirsEdit)),
    level9('c.html', page(theirsEdit)),
    { name: 'logo.png', method: 'store', data: PNG },
  ]);
  const merge = async (output: string) => {
    const options = { base, mine, theirs, output, conflictStyle: 'merge' as const, force: false, version: 'test' };
    await runMerge({ ...options, useStore: false, resolutions: path.join(dir, 'resolutions'), reuseResolutions: false });
    return readFileSync(output);
  };
  const out = await merge(path.join(dir, 'MERGED.zip'));
  const entries = storedEntries(out);
  const from = (file: string) => storedEntries(readFileSync(file));
  expect(entries.get('same.html')!.data.equals(from(theirs).get('same.html')!.data)).toBe(true);
  expect(entries.get('a.html')!.data.equals(from(mine).get('a.html')!.data)).toBe(true);
  expect(entries.get('b.html')!.data.equals(from(theirs).get('b.html')!.data)).toBe(true);
  expect(entries.get('logo.png')).toEqual({ method: 0, data: PNG });
  const merged = Buffer.from(page((l) => (mineEdit(l), theirsEdit(l))));
  expect(entries.get('c.html')).toEqual({ method: 8, data: level4(merged) });
  unzipTest(path.join(dir, 'MERGED.zip'));
  expect((await merge(path.join(dir, 'AGAIN.zip'))).equals(out)).toBe(true);
});
