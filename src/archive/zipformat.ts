/**
 * The zip container format (PKWARE APPNOTE 6.3.x), read straight from bytes: end of central directory (with ZIP64
 * and prepended-data handling), central directory records, local header data offsets, DOS dates.
 *
 * Why not JSZip.loadAsync: it rewrites '..' out of names (utils.resolve) and lets a later duplicate replace an
 * earlier one, hiding exactly the entries we must refuse; it does not name the entry when it meets encryption; and
 * it inflates with no cap on output, so a lying size field cannot be bounded. Parsing the directory ourselves gives
 * every raw field before any byte is inflated. zipbuild.ts writes the same format; the constants are shared.
 *
 * Errors thrown here are CabinetErrors without the archive name; the caller adds it with withContext().
 */
import { CabinetError } from '../errors';

export const SIG_LOCAL = 0x04034b50;
export const SIG_CENTRAL = 0x02014b50;
export const SIG_EOCD = 0x06054b50;
const SIG_ZIP64_LOCATOR = 0x07064b50;
const SIG_ZIP64_EOCD = 0x06064b50;
/** Fixed sizes of the end record, a central directory record and a local header, before names and extras. */
export const EOCD_SIZE = 22;
export const CENTRAL_SIZE = 46;
export const LOCAL_SIZE = 30;
const ZIP64_LOCATOR_SIZE = 20;
/** The EOCD may be followed by a comment of up to 65535 bytes, so it is searched for in that window. */
const EOCD_SEARCH = EOCD_SIZE + 0xffff;
const U16_MAX = 0xffff;
const U32_MAX = 0xffffffff;

export const METHOD_STORED = 0;
export const METHOD_DEFLATED = 8;
export const FLAG_ENCRYPTED = 0x0001;
export const FLAG_UTF8 = 0x0800;
/** General purpose bit 3: CRC and sizes are in a data descriptor after the data (zeros in the local header). */
export const FLAG_DATA_DESCRIPTOR = 0x0008;
export const EXTRA_ZIP64 = 0x0001;
export const EXTRA_UNICODE_PATH = 0x7075;

/** One central directory record, fields as stored (sizes and offset already widened from ZIP64 extras). */
export interface RawEntry {
  /** Position in the central directory, for messages. */
  index: number;
  /** Offset of this record within the buffer (after any prepended-data shift), for in-place patching. */
  centralOffset: number;
  versionMadeBy: number;
  flags: number;
  method: number;
  dosTime: number;
  dosDate: number;
  crc32: number;
  compressedSize: number;
  uncompressedSize: number;
  externalAttributes: number;
  /** Offset of the local header within the buffer (after any prepended-data shift). */
  localOffset: number;
  nameBytes: Uint8Array;
  extra: Map<number, Uint8Array>;
}

export interface CentralDirectory {
  entries: RawEntry[];
  /** Entry count the end record declares; checked against limits before the directory is walked. */
  declaredCount: number;
}

function corrupt(en: string, ru: string): CabinetError {
  return new CabinetError('input-corrupt', { en, ru });
}

/** Bounds-checked little-endian reads, so a truncated archive becomes 'input-corrupt', never a RangeError. */
class Reader {
  constructor(readonly buf: Buffer) {}

  check(offset: number, length: number): void {
    if (offset < 0 || length < 0 || offset + length > this.buf.length) {
      throw corrupt(
        `the archive is truncated or damaged (a record at byte ${offset} runs past the end of the file); ` +
          'download or export it again',
        `архив обрезан или повреждён (запись на байте ${offset} выходит за конец файла); ` +
          'скачайте или выгрузите его заново',
      );
    }
  }
  u16(offset: number): number {
    this.check(offset, 2);
    return this.buf.readUInt16LE(offset);
  }
  u32(offset: number): number {
    this.check(offset, 4);
    return this.buf.readUInt32LE(offset);
  }
  u64(offset: number): number {
    this.check(offset, 8);
    return Number(this.buf.readBigUInt64LE(offset));
  }
  bytes(offset: number, length: number): Uint8Array {
    this.check(offset, length);
    return this.buf.subarray(offset, offset + length);
  }
}

/** Offset of the end-of-central-directory record, or -1. Searches backwards, as the comment may hold 'PK\5\6'. */
export function findEndOfCentral(buf: Buffer): number {
  const stop = Math.max(0, buf.length - EOCD_SEARCH);
  for (let i = buf.length - EOCD_SIZE; i >= stop; i--) {
    if (buf.readUInt32LE(i) === SIG_EOCD && i + EOCD_SIZE + buf.readUInt16LE(i + 20) <= buf.length) {
      return i;
    }
  }
  return -1;
}

/**
 * An end record anywhere in the file (only for the message when none is in the last 64 KiB): the last 'PK\5\6'
 * whose comment fits and whose directory lies before it.
 */
function findEndOfCentralAnywhere(buf: Buffer): number {
  for (let i = buf.lastIndexOf(EOCD_MAGIC); i >= 0; i = i > 0 ? buf.lastIndexOf(EOCD_MAGIC, i - 1) : -1) {
    if (i + EOCD_SIZE > buf.length) continue;
    const cdEnd = buf.readUInt32LE(i + 16) + buf.readUInt32LE(i + 12);
    if (i + EOCD_SIZE + buf.readUInt16LE(i + 20) <= buf.length && cdEnd <= i) return i;
  }
  return -1;
}

const EOCD_MAGIC = Buffer.from([0x50, 0x4b, 0x05, 0x06]);

/** True when the buffer starts like a zip (a local header, or the end record of an empty zip). */
export function startsLikeZip(buf: Buffer): boolean {
  if (buf.length < 4) return false;
  const sig = buf.readUInt32LE(0);
  return sig === SIG_LOCAL || sig === SIG_EOCD;
}

interface EndRecord {
  count: number;
  cdSize: number;
  cdOffset: number;
  /** Where the central directory really ends: the EOCD, or the ZIP64 end record when there is one. */
  cdEnd: number;
}

/** Reads the EOCD and, when a field is saturated, the ZIP64 end record it points to. */
function readEndRecord(r: Reader, eocd: number): EndRecord {
  const disk = r.u16(eocd + 4);
  const cdDisk = r.u16(eocd + 6);
  const end: EndRecord = { count: r.u16(eocd + 10), cdSize: r.u32(eocd + 12), cdOffset: r.u32(eocd + 16), cdEnd: eocd };
  const saturated = end.count === U16_MAX || end.cdSize === U32_MAX || end.cdOffset === U32_MAX;
  if (!saturated) {
    if (disk !== 0 || cdDisk !== 0) throw splitArchive();
    return end;
  }
  const locator = eocd - ZIP64_LOCATOR_SIZE;
  if (locator < 0 || r.u32(locator) !== SIG_ZIP64_LOCATOR) {
    throw corrupt('the ZIP64 end record locator is missing', 'отсутствует указатель на конечную запись ZIP64');
  }
  if (r.u32(locator + 16) > 1) throw splitArchive();
  const z64 = r.u64(locator + 8);
  if (r.u32(z64) !== SIG_ZIP64_EOCD) {
    throw corrupt('the ZIP64 end record is missing', 'отсутствует конечная запись ZIP64');
  }
  return { count: r.u64(z64 + 32), cdSize: r.u64(z64 + 40), cdOffset: r.u64(z64 + 48), cdEnd: z64 };
}

function splitArchive(): CabinetError {
  return new CabinetError('input-unsupported', {
    en: 'this is one part of a split (multi-volume) zip; join the parts or re-pack it as a single zip',
    ru: 'это часть многотомного zip-архива; соберите тома или перепакуйте в один zip',
  });
}

/**
 * Reads the end record and the central directory. `beforeWalk` sees the declared entry count before any record is
 * parsed (so an absurd count is refused cheaply). Data prepended to the archive (self-extractors) is allowed: all
 * offsets are shifted by its length, as Info-ZIP does.
 */
export function readCentralDirectory(buf: Buffer, beforeWalk: (declaredCount: number) => void): CentralDirectory {
  const r = new Reader(buf);
  const eocd = findEndOfCentral(buf);
  if (eocd < 0) {
    // Not in the last 64 KiB, where a zip's end must be. An end record further back means data was appended after
    // the archive (or this is not its real end): "truncated" would point the wrong way.
    const earlier = findEndOfCentralAnywhere(buf);
    if (earlier >= 0) {
      const extra = buf.length - (earlier + EOCD_SIZE + buf.readUInt16LE(earlier + 20));
      throw corrupt(
        `the archive has ${extra} bytes of extra data after its end (the zip's end record is at byte ${earlier}, more than 64 KiB before the end of the file), so this is not the archive's real end: something was appended to it, or it was joined with another file. Download or export it again`,
        `после конца архива ещё ${extra} байт посторонних данных (конечная запись zip на байте ${earlier}, больше чем за 64 КиБ до конца файла), так что это не настоящий конец архива: к нему что-то дописано или он склеен с другим файлом. Скачайте или выгрузите его заново`,
      );
    }
    throw corrupt(
      'the end of the zip directory is missing: the archive is truncated (an interrupted download or copy?)',
      'не найден конец каталога zip: архив обрезан (прерванная загрузка или копирование?)',
    );
  }
  const end = readEndRecord(r, eocd);
  beforeWalk(end.count);
  const shift = end.cdEnd - (end.cdOffset + end.cdSize);
  if (shift < 0) {
    throw corrupt(
      `the archive is truncated: ${-shift} bytes are missing before its directory`,
      `архив обрезан: перед его каталогом не хватает ${-shift} байт`,
    );
  }
  const entries: RawEntry[] = [];
  let pos = end.cdOffset + shift;
  for (let index = 0; index < end.count; index++) {
    if (r.u32(pos) !== SIG_CENTRAL) {
      throw corrupt(
        `the zip directory is damaged at record ${index + 1} of ${end.count}`,
        `каталог zip повреждён на записи ${index + 1} из ${end.count}`,
      );
    }
    const entry = readCentralRecord(r, pos, index);
    entry.localOffset += shift;
    entries.push(entry);
    pos += CENTRAL_SIZE + entry.nameBytes.length + r.u16(pos + 30) + r.u16(pos + 32);
  }
  const cdStart = end.cdOffset + shift;
  if (pos !== cdStart + end.cdSize) {
    // The end record's count and the directory's size disagree: walking `count` records did not end where the
    // directory ends. Taking the count would silently drop the entries after it (a vendor "deleting" files).
    const more = pos < cdStart + end.cdSize && r.buf.length >= pos + 4 && r.u32(pos) === SIG_CENTRAL;
    throw corrupt(
      more
        ? `the zip directory holds more entries than the ${end.count} its end record declares; the archive is damaged or was altered. Download or export it again`
        : `the zip directory is ${pos - cdStart} bytes long, not the ${end.cdSize} its end record declares; the archive is damaged or was altered. Download or export it again`,
      more
        ? `каталог zip содержит больше записей, чем ${end.count}, указанных в его конечной записи; архив повреждён или изменён. Скачайте или выгрузите его заново`
        : `длина каталога zip ${pos - cdStart} байт, а не ${end.cdSize}, как указано в его конечной записи; архив повреждён или изменён. Скачайте или выгрузите его заново`,
    );
  }
  checkLocalHeaders(r, entries, cdStart);
  return { entries, declaredCount: end.count };
}

/** An entry's name for a message: UTF-8 as far as it goes, control characters shown as \xNN (never sent raw). */
export function printableName(bytes: Uint8Array): string {
  return Buffer.from(bytes).toString('utf8').replace(/[\u0000-\u001f\u007f-\u009f]/g, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`);
}

/**
 * Cross-checks every central record with its local header (signature, name, method; CRC and compressed size when
 * the local header carries them) and refuses entries whose bytes overlap one another or the directory. Overlap is
 * David Fifield's "better zip bomb" (many central records pointing into one deflate stream: kilobytes inflating to
 * gigabytes, under any per-entry ratio check); Info-ZIP's unzip refuses it the same way ("overlapped components,
 * possible zip bomb"). No honest zip tool writes either.
 */
function checkLocalHeaders(r: Reader, entries: readonly RawEntry[], cdStart: number): void {
  const spans: { start: number; end: number; entry: RawEntry }[] = [];
  for (const entry of entries) {
    const at = entry.localOffset;
    const where = `entry '${printableName(entry.nameBytes)}'`;
    const whereRu = `запись '${printableName(entry.nameBytes)}'`;
    if (at < 0 || at + LOCAL_SIZE > r.buf.length || r.u32(at) !== SIG_LOCAL) {
      throw corrupt(
        `${where}: its local header is missing or damaged; download or export the archive again`,
        `${whereRu}: её локальный заголовок отсутствует или повреждён; скачайте или выгрузите архив заново`,
      );
    }
    const nameLength = r.u16(at + 26);
    const localName = r.bytes(at + LOCAL_SIZE, nameLength);
    const localFlags = r.u16(at + 6);
    const sameName = Buffer.compare(Buffer.from(localName), Buffer.from(entry.nameBytes)) === 0;
    let same = sameName && r.u16(at + 8) === entry.method;
    if (same && (localFlags & FLAG_DATA_DESCRIPTOR) === 0) {
      const localCompressed = r.u32(at + 18);
      same = r.u32(at + 14) === entry.crc32 && (localCompressed === U32_MAX || localCompressed === entry.compressedSize);
    }
    if (!same) {
      throw corrupt(
        `${where}: its local header does not match the zip directory (name, method, checksum or size differ); the archive is damaged or was altered. Download or export it again`,
        `${whereRu}: её локальный заголовок не совпадает с каталогом zip (имя, метод, контрольная сумма или размер); архив повреждён или изменён. Скачайте или выгрузите его заново`,
      );
    }
    const start = at + LOCAL_SIZE + nameLength + r.u16(at + 28);
    spans.push({ start: at, end: start + entry.compressedSize, entry });
  }
  spans.sort((a, b) => a.start - b.start);
  for (let i = 0; i < spans.length; i++) {
    const next = i + 1 < spans.length ? spans[i + 1] : undefined;
    const limit = next ? next.start : cdStart;
    if (spans[i].end > limit) {
      const a = printableName(spans[i].entry.nameBytes);
      const b = next ? `entry '${printableName(next.entry.nameBytes)}'` : 'the zip directory';
      const bRu = next ? `записью '${printableName(next.entry.nameBytes)}'` : 'каталогом zip';
      throw new CabinetError('input-unsafe', {
        en: `entry '${a}' overlaps ${b} in the file (overlapped components, possible zip bomb); refused. The archive may be damaged or malicious; export it from 1C again`,
        ru: `запись '${a}' перекрывается с ${bRu} в файле (перекрывающиеся части, возможна zip-бомба); отклонено. Архив может быть повреждён или подделан; выгрузите его из 1С заново`,
      });
    }
  }
}

/** Parses one central directory record at `pos`. */
function readCentralRecord(r: Reader, pos: number, index: number): RawEntry {
  const nameLength = r.u16(pos + 28);
  const extraLength = r.u16(pos + 30);
  const nameBytes = r.bytes(pos + CENTRAL_SIZE, nameLength);
  const entry: RawEntry = {
    index,
    centralOffset: pos,
    versionMadeBy: r.u16(pos + 4),
    flags: r.u16(pos + 8),
    method: r.u16(pos + 10),
    dosTime: r.u16(pos + 12),
    dosDate: r.u16(pos + 14),
    crc32: r.u32(pos + 16),
    compressedSize: r.u32(pos + 20),
    uncompressedSize: r.u32(pos + 24),
    externalAttributes: r.u32(pos + 38),
    localOffset: r.u32(pos + 42),
    nameBytes,
    extra: parseExtra(r.bytes(pos + CENTRAL_SIZE + nameLength, extraLength)),
  };
  applyZip64(entry, r.u16(pos + 34));
  return entry;
}

/** Splits an extra-field block into id → data. A malformed tail is ignored, as unzip does. */
export function parseExtra(block: Uint8Array): Map<number, Uint8Array> {
  const fields = new Map<number, Uint8Array>();
  const view = Buffer.from(block.buffer, block.byteOffset, block.byteLength);
  let pos = 0;
  while (pos + 4 <= view.length) {
    const id = view.readUInt16LE(pos);
    const size = view.readUInt16LE(pos + 2);
    if (pos + 4 + size > view.length) break;
    if (!fields.has(id)) fields.set(id, view.subarray(pos + 4, pos + 4 + size));
    pos += 4 + size;
  }
  return fields;
}

/** Widens saturated 32-bit fields from the ZIP64 extra field; its values appear only for saturated fields, in order. */
function applyZip64(entry: RawEntry, diskStart: number): void {
  const field = entry.extra.get(EXTRA_ZIP64);
  if (!field) return;
  const needed = 8 * [entry.uncompressedSize, entry.compressedSize, entry.localOffset].filter((v) => v === U32_MAX).length;
  if (field.length < needed) {
    const name = printableName(entry.nameBytes);
    throw corrupt(
      `entry '${name}': its ZIP64 extra field holds ${field.length} bytes, fewer than the ${needed} its sizes and offset need; the archive is damaged. Download or export it again`,
      `запись '${name}': её поле ZIP64 содержит ${field.length} байт, меньше ${needed}, нужных для её размеров и смещения; архив повреждён. Скачайте или выгрузите его заново`,
    );
  }
  const r = new Reader(Buffer.from(field.buffer, field.byteOffset, field.byteLength));
  let pos = 0;
  if (entry.uncompressedSize === U32_MAX) {
    entry.uncompressedSize = r.u64(pos);
    pos += 8;
  }
  if (entry.compressedSize === U32_MAX) {
    entry.compressedSize = r.u64(pos);
    pos += 8;
  }
  if (entry.localOffset === U32_MAX) entry.localOffset = r.u64(pos);
  if (diskStart !== 0 && diskStart !== U16_MAX) throw splitArchive();
}

/** The compressed bytes of an entry, located through its local header (whose name and extra lengths may differ). */
export function entryData(buf: Buffer, entry: RawEntry): Uint8Array {
  const r = new Reader(buf);
  if (r.u32(entry.localOffset) !== SIG_LOCAL) {
    throw corrupt(
      'its local header is missing or damaged; download or export the archive again',
      'её локальный заголовок отсутствует или повреждён; скачайте или выгрузите архив заново',
    );
  }
  const start = entry.localOffset + LOCAL_SIZE + r.u16(entry.localOffset + 26) + r.u16(entry.localOffset + 28);
  return r.bytes(start, entry.compressedSize);
}

/**
 * DOS date and time → Date. The fields carry no time zone; they are read as UTC, and toDosDateTime writes them from
 * UTC, so a read → write round trip keeps the stored digits exactly (what Explorer showed before, it shows after).
 */
export function fromDosDateTime(dosDate: number, dosTime: number): Date {
  return new Date(
    Date.UTC(
      ((dosDate >> 9) & 0x7f) + 1980,
      ((dosDate >> 5) & 0x0f) - 1,
      dosDate & 0x1f,
      (dosTime >> 11) & 0x1f,
      (dosTime >> 5) & 0x3f,
      (dosTime & 0x1f) * 2,
    ),
  );
}

/**
 * Date → DOS date and time fields, from UTC (see fromDosDateTime). Seconds are rounded down to DOS's 2-second
 * resolution; the date must lie in the DOS range (1980–2107), which the writer ensures by clamping.
 */
export function toDosDateTime(date: Date): { dosDate: number; dosTime: number } {
  return {
    dosDate: ((date.getUTCFullYear() - 1980) << 9) | ((date.getUTCMonth() + 1) << 5) | date.getUTCDate(),
    dosTime: (date.getUTCHours() << 11) | (date.getUTCMinutes() << 5) | (date.getUTCSeconds() >> 1),
  };
}
