/**
 * A byte-by-byte zip builder and central-directory lister for tests, independent of src/archive and of JSZip, so
 * tests use the layouts Windows tools really write (CP866 names without the UTF-8 flag, backslashes, the Info-ZIP
 * Unicode Path field, data descriptors, DOS and Unix attributes) and can break any field on purpose.
 */
import { crc32, deflateRawSync } from 'zlib';
import iconv from 'iconv-lite';

export const FLAG_ENCRYPTED = 0x0001;
export const FLAG_DATA_DESCRIPTOR = 0x0008;
export const FLAG_UTF8 = 0x0800;
/** "Version made by": host system in the high byte, spec version in the low byte. */
export const MADE_BY_DOS = 0x0014;
export const MADE_BY_UNIX = 0x031e;
/** Unix mode bits live in the high 16 bits of the external attributes. */
export const UNIX_SYMLINK_ATTR = (0o120777 << 16) >>> 0;
export const DOS_DIRECTORY_ATTR = 0x10;

export interface RawSpec {
  /** A string is encoded with `encoding`; bytes are stored as given. */
  name: string | Uint8Array;
  encoding?: 'utf8' | 'cp866' | 'cp437';
  flags?: number;
  data?: Uint8Array | string;
  /** 'deflate' (default) or 'store', or a raw method number written as is (its data is then stored). */
  method?: 'deflate' | 'store' | number;
  /**
   * The data as stored, instead of what the builder makes of `data` (another compressor's output, or a stream
   * broken on purpose); the CRC-32 and size still describe `data`.
   */
  compressed?: Uint8Array;
  /** Adds an Info-ZIP Unicode Path field (0x7075) to the central and local headers. */
  unicodePath?: { name: string; version?: number; crcOf?: Uint8Array };
  versionMadeBy?: number;
  externalAttributes?: number;
  date?: Date;
  /** Overrides of what the headers declare, to break them on purpose. */
  crc?: number;
  uncompressedSize?: number;
  /** Sizes and CRC go in a data descriptor after the data; the local header holds zeros (bit 3). */
  dataDescriptor?: boolean;
}

export interface BuildOptions {
  /** Bytes put before the first local header (a self-extractor stub). */
  prefix?: Uint8Array;
  /** Write a ZIP64 end record and locator, with the classic end record saturated. */
  zip64?: boolean;
  /** The entry count the end record declares, if not the real one. */
  declaredCount?: number;
}

/** DOS date and time fields of a Date, read in UTC (what cabinet-merge and JSZip do). */
export function dosDateTime(date: Date): { dosDate: number; dosTime: number } {
  return {
    dosDate: ((date.getUTCFullYear() - 1980) << 9) | ((date.getUTCMonth() + 1) << 5) | date.getUTCDate(),
    dosTime: (date.getUTCHours() << 11) | (date.getUTCMinutes() << 5) | (date.getUTCSeconds() >> 1),
  };
}

/** A date rounded down to the 2-second resolution of DOS times. */
export function dosRound(date: Date): Date {
  return new Date(Math.floor(date.getTime() / 2000) * 2000);
}

export function encodeName(spec: RawSpec): Buffer {
  if (typeof spec.name !== 'string') return Buffer.from(spec.name);
  const encoding = spec.encoding ?? 'utf8';
  return encoding === 'utf8' ? Buffer.from(spec.name, 'utf8') : iconv.encode(spec.name, encoding);
}

function u16(n: number): Buffer {
  const b = Buffer.alloc(2);
  b.writeUInt16LE(n);
  return b;
}

function u32(n: number): Buffer {
  const b = Buffer.alloc(4);
  b.writeUInt32LE(n >>> 0);
  return b;
}

function u64(n: number): Buffer {
  const b = Buffer.alloc(8);
  b.writeBigUInt64LE(BigInt(n));
  return b;
}

function unicodePathExtra(spec: RawSpec, nameBytes: Buffer): Buffer {
  if (!spec.unicodePath) return Buffer.alloc(0);
  const utf8 = Buffer.from(spec.unicodePath.name, 'utf8');
  const body = Buffer.concat([
    Buffer.from([spec.unicodePath.version ?? 1]),
    u32(crc32(spec.unicodePath.crcOf ?? nameBytes)),
    utf8,
  ]);
  return Buffer.concat([u16(0x7075), u16(body.length), body]);
}

interface Prepared {
  spec: RawSpec;
  nameBytes: Buffer;
  extra: Buffer;
  method: number;
  flags: number;
  compressed: Buffer;
  crc: number;
  size: number;
  dosDate: number;
  dosTime: number;
}

function prepare(spec: RawSpec): Prepared {
  const raw = typeof spec.data === 'string' ? Buffer.from(spec.data, 'utf8') : Buffer.from(spec.data ?? []);
  const method = spec.method === undefined || spec.method === 'deflate' ? 8 : spec.method === 'store' ? 0 : spec.method;
  const nameBytes = encodeName(spec);
  const { dosDate, dosTime } = dosDateTime(spec.date ?? new Date(Date.UTC(2024, 0, 15, 10, 30, 0)));
  return {
    spec,
    nameBytes,
    extra: unicodePathExtra(spec, nameBytes),
    method,
    flags: (spec.flags ?? 0) | (spec.dataDescriptor ? FLAG_DATA_DESCRIPTOR : 0),
    compressed: spec.compressed ? Buffer.from(spec.compressed) : method === 8 ? deflateRawSync(raw) : raw,
    crc: spec.crc ?? crc32(raw),
    size: spec.uncompressedSize ?? raw.length,
    dosDate,
    dosTime,
  };
}

function localHeader(p: Prepared): Buffer {
  const dd = p.spec.dataDescriptor === true;
  return Buffer.concat([
    u32(0x04034b50),
    u16(20),
    u16(p.flags),
    u16(p.method),
    u16(p.dosTime),
    u16(p.dosDate),
    u32(dd ? 0 : p.crc),
    u32(dd ? 0 : p.compressed.length),
    u32(dd ? 0 : p.size),
    u16(p.nameBytes.length),
    u16(p.extra.length),
    p.nameBytes,
    p.extra,
  ]);
}

function dataDescriptor(p: Prepared): Buffer {
  if (!p.spec.dataDescriptor) return Buffer.alloc(0);
  return Buffer.concat([u32(0x08074b50), u32(p.crc), u32(p.compressed.length), u32(p.size)]);
}

function centralHeader(p: Prepared, offset: number): Buffer {
  return Buffer.concat([
    u32(0x02014b50),
    u16(p.spec.versionMadeBy ?? MADE_BY_DOS),
    u16(20),
    u16(p.flags),
    u16(p.method),
    u16(p.dosTime),
    u16(p.dosDate),
    u32(p.crc),
    u32(p.compressed.length),
    u32(p.size),
    u16(p.nameBytes.length),
    u16(p.extra.length),
    u16(0),
    u16(0),
    u16(0),
    u32(p.spec.externalAttributes ?? 0x20),
    u32(offset),
    p.nameBytes,
    p.extra,
  ]);
}

function endRecords(count: number, cdSize: number, cdOffset: number, zip64: boolean): Buffer {
  if (!zip64) {
    return Buffer.concat([u32(0x06054b50), u16(0), u16(0), u16(count), u16(count), u32(cdSize), u32(cdOffset), u16(0)]);
  }
  const z64Offset = cdOffset + cdSize;
  const record = Buffer.concat([
    u32(0x06064b50),
    u64(44),
    u16(45),
    u16(45),
    u32(0),
    u32(0),
    u64(count),
    u64(count),
    u64(cdSize),
    u64(cdOffset),
  ]);
  const locator = Buffer.concat([u32(0x07064b50), u32(0), u64(z64Offset), u32(1)]);
  const eocd = Buffer.concat([
    u32(0x06054b50),
    u16(0),
    u16(0),
    u16(0xffff),
    u16(0xffff),
    u32(0xffffffff),
    u32(0xffffffff),
    u16(0),
  ]);
  return Buffer.concat([record, locator, eocd]);
}

/** Builds a complete zip: local headers and data, central directory, end record(s). */
export function buildZip(specs: RawSpec[], options: BuildOptions = {}): Buffer {
  const prefix = Buffer.from(options.prefix ?? []);
  const parts: Buffer[] = [prefix];
  const central: Buffer[] = [];
  let offset = prefix.length;
  for (const spec of specs) {
    const p = prepare(spec);
    const local = Buffer.concat([localHeader(p), p.compressed, dataDescriptor(p)]);
    central.push(centralHeader(p, offset - prefix.length));
    parts.push(local);
    offset += local.length;
  }
  const cd = Buffer.concat(central);
  const count = options.declaredCount ?? specs.length;
  return Buffer.concat([...parts, cd, endRecords(count, cd.length, offset - prefix.length, options.zip64 === true)]);
}

/** One central directory record as stored, for byte-level assertions on written zips. */
export interface ListedEntry {
  versionMadeBy: number;
  flags: number;
  method: number;
  dosDate: number;
  dosTime: number;
  nameBytes: Buffer;
  extraIds: number[];
  localFlags: number;
  localNameBytes: Buffer;
}

/** Lists the central directory of a classic (non-ZIP64) zip with no prefix, reading each local header too. */
export function listZip(buf: Buffer): ListedEntry[] {
  const eocd = buf.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  const count = buf.readUInt16LE(eocd + 10);
  let pos = buf.readUInt32LE(eocd + 16);
  const result: ListedEntry[] = [];
  for (let i = 0; i < count; i++) {
    const nameLength = buf.readUInt16LE(pos + 28);
    const extraLength = buf.readUInt16LE(pos + 30);
    const commentLength = buf.readUInt16LE(pos + 32);
    const local = buf.readUInt32LE(pos + 42);
    const localNameLength = buf.readUInt16LE(local + 26);
    result.push({
      versionMadeBy: buf.readUInt16LE(pos + 4),
      flags: buf.readUInt16LE(pos + 8),
      method: buf.readUInt16LE(pos + 10),
      dosTime: buf.readUInt16LE(pos + 12),
      dosDate: buf.readUInt16LE(pos + 14),
      nameBytes: buf.subarray(pos + 46, pos + 46 + nameLength),
      extraIds: extraIds(buf.subarray(pos + 46 + nameLength, pos + 46 + nameLength + extraLength)),
      localFlags: buf.readUInt16LE(local + 6),
      localNameBytes: buf.subarray(local + 30, local + 30 + localNameLength),
    });
    pos += 46 + nameLength + extraLength + commentLength;
  }
  return result;
}

function extraIds(block: Buffer): number[] {
  const ids: number[] = [];
  for (let pos = 0; pos + 4 <= block.length; pos += 4 + block.readUInt16LE(pos + 2)) ids.push(block.readUInt16LE(pos));
  return ids;
}
