/**
 * Zip bytes → Tree. Two passes: the first checks every entry from the central directory alone (names, safety,
 * encryption, method, declared sizes against the limits) before a single byte is inflated; the second inflates
 * each file with its declared size as a hard cap and checks size and CRC-32.
 */
import { crc32, inflateRawSync } from 'zlib';
import { CabinetError } from '../errors';
import { Budget, Limits, limitError } from './limits';
import {
  Where,
  ancestors,
  decodeEntryName,
  entryWhere,
  normaliseEntryName,
  storedAsLegacy,
  storedAsUtf8,
  unsafeName,
} from './names';
import { FileEntry, NameEncoding, Tree } from './tree';
import {
  FLAG_ENCRYPTED,
  METHOD_DEFLATED,
  METHOD_STORED,
  RawEntry,
  entryData,
  findEndOfCentral,
  fromDosDateTime,
  readCentralDirectory,
  startsLikeZip,
} from './zipformat';

const METHOD_AES = 99;
const METHOD_NAMES: Record<number, string> = {
  9: 'Deflate64',
  12: 'BZip2',
  14: 'LZMA',
  93: 'Zstandard',
  95: 'XZ',
  98: 'PPMd',
};
const DOS_DIRECTORY = 0x10;
const S_IFMT = 0o170000;
const S_IFLNK = 0o120000;

/** An entry that passed the first pass: where it goes and what it is. */
interface Checked {
  raw: RawEntry;
  path: string;
  isDir: boolean;
  where: Where;
}

/**
 * Inflated entries of the zips of one merge, by their stored data. The three cabinets of a merge share most of
 * their files, and their zips mostly store them alike: an entry whose method, CRC-32, sizes and compressed bytes are
 * all identical to one already inflated (and checked) inflates to the very same bytes — DEFLATE decoding is a
 * function of the compressed bytes — so it takes those bytes instead of one more zlib call (each sets up a stream:
 * ~15 µs, most of the time of a 2 KB entry). The compressed bytes are compared in full: an equal CRC-32 alone is no
 * proof of equal content. Entries that differ in any way are inflated and checked as before.
 */
export class SameDataCache {
  private readonly byKey = new Map<string, { data: Uint8Array; bytes: Uint8Array; consumed: number }[]>();
  /** How many entries took bytes inflated for another (for tests and the bench). */
  hits = 0;

  find(raw: RawEntry, data: Uint8Array): { bytes: Uint8Array; consumed: number } | undefined {
    const list = this.byKey.get(keyOf(raw, data));
    const hit = list?.find((e) => Buffer.compare(e.data, data) === 0);
    if (hit) this.hits++;
    return hit;
  }

  add(raw: RawEntry, data: Uint8Array, bytes: Uint8Array, consumed: number): void {
    const key = keyOf(raw, data);
    const list = this.byKey.get(key);
    if (list) list.push({ data, bytes, consumed });
    else this.byKey.set(key, [{ data, bytes, consumed }]);
  }
}

const keyOf = (raw: RawEntry, data: Uint8Array) => `${raw.method}:${raw.crc32}:${raw.uncompressedSize}:${data.length}`;

/**
 * Parses a whole zip held in memory. Errors carry no archive name; readTree adds it. `same`: entries already
 * inflated from other zips of the same merge (SameDataCache).
 */
export function readZipBuffer(buf: Buffer, source: string, limits: Limits, same?: SameDataCache): Tree {
  checkLooksLikeZip(buf);
  const budget = new Budget(limits);
  const directory = readCentralDirectory(buf, (count) => {
    if (count > limits.maxEntries) {
      throw limitError('maxEntries', { en: `${count} entries`, ru: `${count} записей` }, limits.maxEntries);
    }
  });
  const checked: Checked[] = [];
  let legacyNames = 0;
  let utf8Names = 0;
  for (const raw of directory.entries) {
    const decoded = decodeEntryName(raw);
    if (storedAsLegacy(decoded.origin)) legacyNames++;
    if (storedAsUtf8(decoded.origin)) utf8Names++;
    checked.push(checkEntry(raw, decoded.name, budget));
  }
  const tree: Tree = {
    source,
    kind: 'zip',
    files: new Map(),
    dirs: new Set(),
    dirDates: new Map(),
    nameEncoding: chooseEncoding(legacyNames, utf8Names),
    root: '',
  };
  placeEntries(tree, checked);
  for (const entry of checked) {
    if (!entry.isDir) tree.files.set(entry.path, inflateEntry(buf, entry, same));
  }
  return tree;
}

/**
 * 'cp866' when non-ASCII names were stored in the legacy code page at least as often as in UTF-8; otherwise 'utf8'
 * (which also covers ASCII-only archives, readable either way).
 */
function chooseEncoding(legacyNames: number, utf8Names: number): NameEncoding {
  return legacyNames > 0 && legacyNames >= utf8Names ? 'cp866' : 'utf8';
}

/** Refuses empty files and files that are some other format, naming the format when it is a common one. */
function checkLooksLikeZip(buf: Buffer): void {
  if (buf.length === 0) {
    throw new CabinetError('input-not-archive', {
      en: 'the file is empty (0 bytes); export the cabinet again',
      ru: 'файл пустой (0 байт); выгрузите кабинет заново',
    });
  }
  if (findEndOfCentral(buf) >= 0 || startsLikeZip(buf)) return;
  const what = sniffFormat(buf);
  throw new CabinetError('input-not-archive', {
    en: `this is not a zip archive${what ? ` (it looks like ${what.en})` : ''}; pass a .zip export or a folder`,
    ru: `это не zip-архив${what ? ` (похоже на ${what.ru})` : ''}; укажите выгрузку .zip или папку`,
  });
}

/** Recognises formats users mistake for a zip by their first bytes. */
function sniffFormat(buf: Buffer): { en: string; ru: string } | undefined {
  const head = buf.subarray(0, 16).toString('latin1');
  if (head.startsWith('%PDF')) return { en: 'a PDF document', ru: 'PDF-документ' };
  if (head.startsWith('Rar!')) return { en: 'a RAR archive', ru: 'RAR-архив' };
  if (head.startsWith('7z\xbc\xaf')) return { en: 'a 7z archive', ru: '7z-архив' };
  if (head.startsWith('\x1f\x8b')) return { en: 'a gzip file', ru: 'gzip-файл' };
  if (head.startsWith('\xd0\xcf\x11\xe0')) return { en: 'an old Office document', ru: 'старый документ Office' };
  if (/^\s*</.test(head)) return { en: 'an HTML page (a failed download?)', ru: 'HTML-страницу (неудачная загрузка?)' };
  return undefined;
}

/** First-pass checks of one entry, from central directory fields only. */
function checkEntry(raw: RawEntry, name: string, budget: Budget): Checked {
  const where = entryWhere(name);
  budget.addEntry();
  const normal = normaliseEntryName(name, where);
  if ((raw.externalAttributes >>> 16 & S_IFMT) === S_IFLNK) {
    throw unsafeName(where, 'it is a symbolic link', 'это символическая ссылка');
  }
  if (raw.flags & FLAG_ENCRYPTED || raw.method === METHOD_AES) throw encrypted(where);
  const dosDirectory = (raw.externalAttributes & DOS_DIRECTORY) !== 0 && raw.uncompressedSize === 0;
  const isDir = normal.isDir || dosDirectory;
  if (normal.path === '' && !isDir) throw unsafeName(where, 'its name is empty', 'имя пустое');
  if (isDir) {
    if (raw.uncompressedSize !== 0) {
      throw entryCorrupt(where, 'a folder entry holds data', 'запись папки содержит данные');
    }
    return { raw, path: normal.path, isDir, where };
  }
  if (raw.method !== METHOD_STORED && raw.method !== METHOD_DEFLATED) throw unsupportedMethod(where, raw.method);
  budget.addFile(raw.uncompressedSize, where);
  checkRatio(raw, where, budget.limits);
  return { raw, path: normal.path, isDir, where };
}

function checkRatio(raw: RawEntry, where: Where, limits: Limits): void {
  if (raw.uncompressedSize < limits.ratioMinBytes) return;
  const ratio = raw.uncompressedSize / Math.max(1, raw.compressedSize);
  if (ratio > limits.maxRatio) {
    const times = Math.round(ratio);
    throw limitError(
      'maxRatio',
      {
        en: `${where.en} expands ${times} times (${raw.uncompressedSize} bytes)`,
        ru: `${where.ru} распаковывается в ${times} раз (${raw.uncompressedSize} байт)`,
      },
      limits.maxRatio,
    );
  }
}

/**
 * Puts checked entries into the tree's path sets, refusing two entries with the same normalised path (e.g. 'a\b'
 * and 'a/b') and a path used both as a file and as a folder.
 */
function placeEntries(tree: Tree, entries: Checked[]): void {
  const seen = new Map<string, Checked>();
  for (const entry of entries) {
    if (entry.path === '') continue;
    const first = seen.get(entry.path);
    if (first && !(first.isDir && entry.isDir)) {
      throw unsafeName(entry.where, `it has the same path as ${first.where.en}`, `путь совпадает с ${first.where.ru}`);
    }
    seen.set(entry.path, entry);
    if (entry.isDir) {
      tree.dirs.add(entry.path);
      tree.dirDates!.set(entry.path, fromDosDateTime(entry.raw.dosDate, entry.raw.dosTime));
    }
  }
  for (const entry of entries) {
    for (const folder of ancestors(entry.path)) {
      const clash = seen.get(folder);
      if (clash && !clash.isDir) {
        throw unsafeName(
          entry.where,
          `its folder '${folder}' is also a file (${clash.where.en})`,
          `папка '${folder}' в пути является файлом (${clash.where.ru})`,
        );
      }
    }
  }
}

/**
 * Second pass: the file's bytes, inflated with the declared size as a cap, then size and CRC-32 checked. The entry
 * keeps its compressed data (`raw`, a view into `buf`) for the writer to copy, unless its DEFLATE stream ended before
 * its declared compressed size: such trailing bytes are not copied into our output.
 */
function inflateEntry(buf: Buffer, entry: Checked, same?: SameDataCache): FileEntry {
  const { raw, where } = entry;
  const data = withWhere(where, () => entryData(buf, raw));
  const date = fromDosDateTime(raw.dosDate, raw.dosTime);
  const known = raw.method === METHOD_DEFLATED ? same?.find(raw, data) : undefined;
  if (known !== undefined) {
    // The same stored data was inflated and its size and CRC-32 checked: the same bytes, the same verdict.
    const file: FileEntry = { path: entry.path, bytes: known.bytes, date };
    if (known.consumed === data.length) file.raw = { method: raw.method, crc32: raw.crc32, size: known.bytes.length, compressed: data };
    return file;
  }
  const { bytes, consumed } =
    raw.method === METHOD_STORED ? { bytes: Buffer.from(data), consumed: data.length } : inflate(data, raw.uncompressedSize, where);
  if (bytes.length !== raw.uncompressedSize) {
    throw entryCorrupt(
      where,
      `it holds ${bytes.length} bytes, not the ${raw.uncompressedSize} its header declares`,
      `она содержит ${bytes.length} байт, а не ${raw.uncompressedSize}, как указано в заголовке`,
    );
  }
  if (crc32(bytes) !== raw.crc32) {
    throw entryCorrupt(
      where,
      'its checksum (CRC-32) does not match: the data is damaged',
      'контрольная сумма (CRC-32) не совпадает: данные повреждены',
    );
  }
  const file: FileEntry = {
    path: entry.path,
    bytes: new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.length),
    date,
  };
  if (raw.method === METHOD_DEFLATED) same?.add(raw, data, file.bytes, consumed);
  if (consumed === data.length) file.raw = { method: raw.method, crc32: raw.crc32, size: bytes.length, compressed: data };
  return file;
}

/** What zlib's sync functions return with `info: true` (@types/node types it as a plain Buffer). */
interface ZlibInfo {
  buffer: Buffer;
  /** bytesWritten: input bytes the stream consumed, up to its end. */
  engine: { bytesWritten: number };
}

/**
 * Raw DEFLATE with output capped one byte above the declared size: a bomb that lies about its size stops there and
 * is reported by the size check, instead of filling memory. Also returns how many input bytes the stream used.
 * The output buffer is that size from the start (`chunkSize`; zlib's least is 64): with the default 16 KB chunks a
 * 16 MB entry was a thousand buffers and a copy into one more (inflating the real 16 MB page three times: 84 ms
 * against 56 ms in a fresh process, most of it the extra memory touched).
 */
function inflate(data: Uint8Array, declared: number, where: Where): { bytes: Buffer; consumed: number } {
  try {
    const cap = declared + 1;
    const { buffer, engine } = inflateRawSync(data, { maxOutputLength: cap, chunkSize: Math.max(64, cap), info: true }) as unknown as ZlibInfo;
    return { bytes: buffer, consumed: engine.bytesWritten };
  } catch (e) {
    // Checked by code, not instanceof: errors from Node internals may come from another realm (e.g. under jest).
    if ((e as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') {
      throw entryCorrupt(
        where,
        `it inflates to more than the ${declared} bytes its header declares`,
        `она распаковывается в большее число байт, чем ${declared}, указанные в заголовке`,
        e,
      );
    }
    const why = (e as Error).message;
    throw entryCorrupt(where, `its compressed data is damaged (${why})`, `её сжатые данные повреждены (${why})`, e);
  }
}

/** Runs `f`, prefixing a CabinetError it throws with the entry. */
function withWhere<T>(where: Where, f: () => T): T {
  try {
    return f();
  } catch (e) {
    if (!(e instanceof CabinetError)) throw e;
    throw new CabinetError(e.code, { en: `${where.en}: ${e.message}`, ru: `${where.ru}: ${e.ru}` }, { cause: e });
  }
}

function entryCorrupt(where: Where, whyEn: string, whyRu: string, cause?: unknown): CabinetError {
  return new CabinetError(
    'input-corrupt',
    {
      en: `${where.en}: ${whyEn}. The archive is damaged; download or export it again`,
      ru: `${where.ru}: ${whyRu}. Архив повреждён; скачайте или выгрузите его заново`,
    },
    { cause },
  );
}

function encrypted(where: Where): CabinetError {
  return new CabinetError(
    'input-unsupported',
    {
      en:
        `${where.en} is password-protected; cabinet-merge cannot read encrypted zips. ` +
        'Re-pack the archive without a password, or unpack it and pass the folder',
      ru:
        `${where.ru} защищена паролем; cabinet-merge не читает зашифрованные архивы. ` +
        'Перепакуйте архив без пароля или распакуйте его и укажите папку',
    },
    { details: 'encrypted' },
  );
}

function unsupportedMethod(where: Where, method: number): CabinetError {
  const name = METHOD_NAMES[method] ?? `method ${method}`;
  return new CabinetError(
    'input-unsupported',
    {
      en:
        `${where.en} is compressed with ${name}, which cabinet-merge does not support. ` +
        `Re-pack the archive with ordinary Deflate (Explorer's "Send to → Compressed folder", ` +
        'or 7-Zip with format zip, method Deflate), or pass the unpacked folder',
      ru:
        `${where.ru} сжата методом ${name}, который cabinet-merge не поддерживает. ` +
        'Перепакуйте архив обычным Deflate (Проводник: «Отправить → Сжатая ZIP-папка» ' +
        'или 7-Zip: формат zip, метод Deflate) или укажите распакованную папку',
    },
    { details: `unsupported-method ${method}` },
  );
}
