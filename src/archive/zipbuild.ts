/**
 * Zip bytes from entries whose names and data are ready (PKWARE APPNOTE 6.3.x, classic format: no ZIP64, no data
 * descriptors, no comments): each entry's local header and data in the order given, then the central directory and
 * the end record. The writing half of zipformat.ts, whose parser reads what this writes. Choices of names,
 * encodings, dates and compression are archive/write.ts's; this module only lays out bytes.
 *
 * Header values follow what JSZip 3.10 wrote before this module replaced it: "made by" DOS 2.0, DOS attributes only
 * (0x10 on folders), no comment. One departure: "version needed to extract" is 2.0 for DEFLATE entries (APPNOTE
 * 4.4.3.2) where JSZip wrote 1.0 for all; 1.0 stays for stored entries and folders, as Info-ZIP zip writes them.
 */
import {
  CENTRAL_SIZE,
  EOCD_SIZE,
  LOCAL_SIZE,
  METHOD_DEFLATED,
  SIG_CENTRAL,
  SIG_EOCD,
  SIG_LOCAL,
} from './zipformat';

/** "Version made by": host 0 (MS-DOS: external attributes are DOS attributes), spec version 2.0. */
const MADE_BY_DOS = 0x0014;
/** "Version needed to extract": 2.0 for DEFLATE, 1.0 for stored data (APPNOTE 4.4.3.2). */
const NEEDED_DEFLATE = 20;
const NEEDED_STORED = 10;

/** One entry, ready to lay out. */
export interface ZipEntry {
  /** The name as stored (folders end in '/'). */
  name: Uint8Array;
  /** General-purpose flags (FLAG_UTF8 or 0). */
  flags: number;
  /** The extra-field block, written in both the local and the central header. */
  extra: Uint8Array;
  dosDate: number;
  dosTime: number;
  /** DOS attributes: 0x10 for a folder, 0 for a file. */
  externalAttributes: number;
  /** METHOD_STORED or METHOD_DEFLATED, describing `data`. */
  method: number;
  /** CRC-32 and length of the uncompressed bytes. */
  crc32: number;
  size: number;
  /** The data as stored: compressed when method is DEFLATE. */
  data: Uint8Array;
}

/** The length of the zip buildZip would produce, so a caller can refuse one too large before building it. */
export function zipLength(entries: readonly ZipEntry[]): number {
  let length = EOCD_SIZE;
  for (const e of entries) length += LOCAL_SIZE + CENTRAL_SIZE + 2 * (e.name.length + e.extra.length) + e.data.length;
  return length;
}

/**
 * The zip holding `entries` in the given order. The caller guarantees the classic limits: at most 65,535 entries,
 * names and extras under 64 KiB, and a zipLength within 4 GiB, so every offset fits its 32-bit field.
 */
export function buildZip(entries: readonly ZipEntry[]): Buffer {
  const out = Buffer.alloc(zipLength(entries));
  const offsets: number[] = [];
  let pos = 0;
  for (const e of entries) {
    offsets.push(pos);
    pos = writeLocal(out, pos, e);
  }
  const centralStart = pos;
  for (let i = 0; i < entries.length; i++) pos = writeCentral(out, pos, entries[i], offsets[i]);
  writeEnd(out, pos, entries.length, pos - centralStart, centralStart);
  return out;
}

/** Writes the fields local and central headers share, from "version needed" on; returns the position after them. */
function writeCommon(out: Buffer, pos: number, e: ZipEntry): number {
  pos = out.writeUInt16LE(e.method === METHOD_DEFLATED ? NEEDED_DEFLATE : NEEDED_STORED, pos);
  pos = out.writeUInt16LE(e.flags, pos);
  pos = out.writeUInt16LE(e.method, pos);
  pos = out.writeUInt16LE(e.dosTime, pos);
  pos = out.writeUInt16LE(e.dosDate, pos);
  pos = out.writeUInt32LE(e.crc32, pos);
  pos = out.writeUInt32LE(e.data.length, pos);
  pos = out.writeUInt32LE(e.size, pos);
  pos = out.writeUInt16LE(e.name.length, pos);
  return out.writeUInt16LE(e.extra.length, pos);
}

function writeLocal(out: Buffer, pos: number, e: ZipEntry): number {
  pos = out.writeUInt32LE(SIG_LOCAL, pos);
  pos = writeCommon(out, pos, e);
  out.set(e.name, pos);
  out.set(e.extra, pos + e.name.length);
  out.set(e.data, pos + e.name.length + e.extra.length);
  return pos + e.name.length + e.extra.length + e.data.length;
}

function writeCentral(out: Buffer, pos: number, e: ZipEntry, localOffset: number): number {
  pos = out.writeUInt32LE(SIG_CENTRAL, pos);
  pos = out.writeUInt16LE(MADE_BY_DOS, pos);
  pos = writeCommon(out, pos, e);
  pos = out.writeUInt16LE(0, pos); // comment length
  pos = out.writeUInt16LE(0, pos); // disk number start
  pos = out.writeUInt16LE(0, pos); // internal attributes
  pos = out.writeUInt32LE(e.externalAttributes, pos);
  pos = out.writeUInt32LE(localOffset, pos);
  out.set(e.name, pos);
  out.set(e.extra, pos + e.name.length);
  return pos + e.name.length + e.extra.length;
}

function writeEnd(out: Buffer, pos: number, count: number, centralSize: number, centralStart: number): void {
  pos = out.writeUInt32LE(SIG_EOCD, pos);
  pos = out.writeUInt16LE(0, pos); // this disk
  pos = out.writeUInt16LE(0, pos); // disk where the central directory starts
  pos = out.writeUInt16LE(count, pos); // entries on this disk
  pos = out.writeUInt16LE(count, pos); // entries in all
  pos = out.writeUInt32LE(centralSize, pos);
  pos = out.writeUInt32LE(centralStart, pos);
  out.writeUInt16LE(0, pos); // comment length
}
