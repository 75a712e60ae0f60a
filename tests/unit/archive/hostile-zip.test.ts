/**
 * Issue 14: damaged archives that looked real. The end record's count and size are cross-checked with the
 * directory, every central record with its local header, and entries whose bytes overlap (the "better zip bomb")
 * are refused, as Info-ZIP's unzip refuses them.
 */
import { writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { readTree } from '../../../src/archive/read';
import { readZipBuffer } from '../../../src/archive/read-zip';
import { resolveLimits } from '../../../src/archive/limits';
import { CabinetError } from '../../../src/errors';
import { buildZip, RawSpec } from '../../helpers/rawzip';
import { cleanTempDirs, tempDir } from '../../helpers/tmp';

afterAll(cleanTempDirs);

const limits = resolveLimits({});

function read(buf: Buffer) {
  return readZipBuffer(buf, 'theirs.zip', limits);
}

function errorOf(buf: Buffer): CabinetError {
  try {
    read(buf);
  } catch (e) {
    if (e instanceof CabinetError) return e;
    throw e;
  }
  throw new Error('no error');
}

const nine: RawSpec[] = Array.from({ length: 9 }, (_, i) => ({ name: `f${i}.txt`, data: `file ${i}\n`.repeat(20) }));

/** Offset of the classic end record. */
function eocdOf(buf: Buffer): number {
  return buf.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
}

/** Offset of the central record whose name is `name`. */
function centralOf(buf: Buffer, name: string): number {
  const sig = Buffer.from([0x50, 0x4b, 0x01, 0x02]);
  for (let at = buf.indexOf(sig); at >= 0; at = buf.indexOf(sig, at + 1)) {
    const n = buf.readUInt16LE(at + 28);
    if (buf.subarray(at + 46, at + 46 + n).toString('latin1') === name) return at;
  }
  throw new Error(`no central record ${name}`);
}

test('a well-formed zip still reads (the checks accept what honest tools write, data descriptors included)', () => {
  expect(read(buildZip(nine)).files.size).toBe(9);
  const dd = nine.map((s) => ({ ...s, dataDescriptor: true }));
  expect(read(buildZip(dd)).files.size).toBe(9);
  expect(read(buildZip(nine, { zip64: true })).files.size).toBe(9);
  expect(read(buildZip(nine, { prefix: Buffer.from('MZ stub') })).files.size).toBe(9);
});

test('an end record counting 3 entries of a directory holding 9: refused, not merged as 6 deleted files', () => {
  const e = errorOf(buildZip(nine, { declaredCount: 3 }));
  expect(e.code).toBe('input-corrupt');
  expect(e.message).toContain('holds more entries than the 3 its end record declares');
  expect(e.ru).toContain('больше записей, чем 3');
});

test('count and directory size both shrunk to 3 entries: the shifted records do not match their local headers', () => {
  const buf = buildZip(nine);
  const eocd = eocdOf(buf);
  const cdOffset = buf.readUInt32LE(eocd + 16);
  const fourth = centralOf(buf, 'f3.txt');
  buf.writeUInt16LE(3, eocd + 8);
  buf.writeUInt16LE(3, eocd + 10);
  buf.writeUInt32LE(fourth - cdOffset, eocd + 12);
  const e = errorOf(buf);
  expect(e.code).toBe('input-corrupt');
});

test('a directory size that disagrees with the records walked is refused', () => {
  const buf = buildZip(nine);
  const eocd = eocdOf(buf);
  buf.writeUInt16LE(8, eocd + 8);
  buf.writeUInt16LE(8, eocd + 10);
  // size left as for 9 records: walking 8 ends one record early
  expect(errorOf(buf).message).toContain('holds more entries than the 8');
});

test('a central record whose local header names another file is refused', () => {
  const buf = buildZip([{ name: 'a.txt', data: 'a' }, { name: 'b.txt', data: 'b' }]);
  const first = centralOf(buf, 'a.txt');
  buf.write('c', first + 46, 'latin1'); // central says c.txt, local says a.txt
  const e = errorOf(buf);
  expect(e.code).toBe('input-corrupt');
  expect(e.message).toContain("entry 'c.txt': its local header does not match the zip directory");
});

test('overlapping entries (a central record pointing into another entry\'s data) are refused as a possible zip bomb', () => {
  const inner = buildZip([{ name: 'b.txt', data: 'bomb '.repeat(100), method: 'store' }]);
  const innerLocal = inner.subarray(0, inner.readUInt32LE(eocdOf(inner) + 16));
  const buf = buildZip([
    { name: 'a.bin', data: innerLocal, method: 'store' },
    { name: 'b.txt', data: 'bomb '.repeat(100), method: 'store' },
  ]);
  // b's central record now points at the copy of its local header inside a's data
  buf.writeUInt32LE(30 + 'a.bin'.length, centralOf(buf, 'b.txt') + 42);
  const e = errorOf(buf);
  expect(e.code).toBe('input-unsafe');
  expect(e.message).toContain("entry 'a.bin' overlaps entry 'b.txt'");
  expect(e.message).toContain('overlapped components, possible zip bomb');
  expect(e.ru).toContain('zip-бомба');
});

test('many central records sharing one local entry (Fifield-style) are refused', () => {
  const buf = buildZip([
    { name: 'x.bin', data: Buffer.alloc(100_000), method: 'deflate' },
    { name: 'x.bin'.replace('x', 'y'), data: 'y', method: 'store' },
  ]);
  // y's central record points at x's local header: names differ, so the cross-check catches it first
  buf.writeUInt32LE(0, centralOf(buf, 'y.bin') + 42);
  expect(errorOf(buf).code).toBe('input-corrupt');
});

test('an entry name with control characters is escaped in the message', () => {
  const buf = buildZip([{ name: 'a\u001b[2J.txt', data: 'a' }, { name: 'b.txt', data: 'b' }]);
  buf.write('Z', centralOf(buf, 'a\u001b[2J.txt') + 46, 'latin1');
  const e = errorOf(buf);
  expect(e.message).toContain("entry 'Z\\x1b[2J.txt'");
  expect(e.message).not.toMatch(/[\u0000-\u001f]/);
});

describe('names with control characters are escaped in every message (issue 14)', () => {
  test('a zip entry named with ESC [2J: refused, the message on one line with \\x1b shown', () => {
    const e = errorOf(buildZip([{ name: 'css/\u001b[2Jevil\n.css', data: 'a' }]));
    expect(e.code).toBe('input-unsafe');
    expect(e.message).toContain("entry 'css/\\x1b[2Jevil\\x0a.css'");
    expect(e.message + e.ru).not.toMatch(/[\u0000-\u001f]/);
  });

  test('a folder file named with ESC and a newline: the same', async () => {
    const dir = tempDir('unit-ctl');
    writeFileSync(path.join(dir, 'a\u001b[31m\nb.txt'), 'x');
    let err: unknown;
    try {
      await readTree(dir);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(CabinetError);
    const e = err as CabinetError;
    expect(e.message).toContain("'a\\x1b[31m\\x0ab.txt'");
    expect(e.message + e.ru).not.toMatch(/[\u0000-\u001f]/);
  });
});
