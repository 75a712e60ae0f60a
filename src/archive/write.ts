/**
 * OutputTree → zip file or folder.
 *
 * Zips are deterministic: entries in path order, each with the date the caller gave, DOS attributes only, and data
 * that depends on nothing but the entry:
 * - a file read from a zip and written unchanged (its FileEntry still carries `raw`, and its bytes match the size and
 *   CRC-32 recorded there) is copied as it was stored, stored or DEFLATE: no work, and its bytes stay identical;
 * - any other non-empty file is DEFLATE-compressed by Node's own zlib (C) at level 4. The promise: the content is
 *   always identical; the compressed bytes are identical for the same input on the same Node build (zlib builds of
 *   other Node versions may choose other, equally valid, DEFLATE streams). Node's zlib deflates a 16 MB page in
 *   0.25 s where pako, the pure-JS deflate used before, took 0.68 s (docs/performance.md); a file over 1 MB is
 *   deflated in pieces on several pool threads and the pieces joined into one stream (DEFLATE_PIECE);
 * - folders and empty files are stored.
 * Names follow tree.nameEncoding: 'utf8' → UTF-8 with the language-encoding flag for non-ASCII names; 'cp866' →
 * CP866 bytes without the flag, as Russian Windows tools write them, and a name CP866 cannot hold in UTF-8 with the
 * flag. Every non-ASCII name also gets an Info-ZIP Unicode Path field (0x7075) holding its UTF-8 form, for 7-Zip and
 * unzip. zipbuild.ts lays out the bytes.
 *
 * Both writers overwrite the zip / refuse a non-empty folder; whether to overwrite an existing zip is the caller's
 * decision ('output-exists' belongs to the command).
 */
import { promises as fs } from 'fs';
import * as path from 'path';
import { ZlibOptions, constants, crc32, deflateRaw, deflateRawSync } from 'zlib';
import { CabinetError } from '../errors';
import { forget, removeOnInterrupt, tempSibling, writeFileAtomic } from '../io/atomic';
import { lazy } from '../lazy';
import { ancestors, cp866Representable, segmentProblem } from './names';
import { FileEntry, OutputTree, RawData } from './tree';
import { ZipEntry, buildZip, zipLength } from './zipbuild';
import { EXTRA_UNICODE_PATH, FLAG_UTF8, METHOD_DEFLATED, METHOD_STORED, toDosDateTime } from './zipformat';

const iconv = lazy(() => require('iconv-lite') as typeof import('iconv-lite'));

/** The classic zip format we write (no ZIP64) holds at most this many entries and 4 GiB offsets. */
const MAX_ZIP_ENTRIES = 0xffff;
const MAX_ZIP_BYTES = 0xffffffff;
/** DOS dates cover 1980-01-01 to 2107-12-31; dates outside are clamped rather than wrapped into garbage. */
const DOS_MIN = Date.UTC(1980, 0, 1);
const DOS_MAX = Date.UTC(2107, 11, 31, 23, 59, 58);
/**
 * Level 4, the fastest of zlib's lazy-matching levels: measured on a 16 MB minified page and a 6 MB script, it
 * deflates 2–2.4× faster than level 6 (zlib's default, which JSZip and pako used) for output 6–10 % larger. The
 * merged file is deflated on every run while an admin imports the zip once, so time wins (docs/performance.md).
 */
const DEFLATE_LEVEL = 4;
/**
 * Files of `SYNC_DEFLATE_BELOW` bytes and more are deflated on libuv's thread pool, `DEFLATE_AT_ONCE` at a time, so
 * that the cores share several large files (each call holds a zlib state of a few hundred KB, hence the bound).
 * Smaller files are deflated on the main thread: Node's asynchronous zlib goes through a stream per call, which cost
 * more than the compression of a 4 KB file (measured on 4,000 such files: 0.74 s against 0.36 s). Same zlib, same
 * options: the same bytes either way (docs/performance.md).
 */
const DEFLATE_AT_ONCE = 4;
const SYNC_DEFLATE_BELOW = 256 * 1024;
const DOS_DIRECTORY = 0x10;
const NO_BYTES = new Uint8Array(0);

/** One zip entry to write: full name (with root and, for folders, trailing '/'); `file` for files. */
interface ZipItem {
  name: string;
  date: Date;
  file?: FileEntry;
}

/** How a zip was written: entry count, files copied as stored and files compressed here, size in bytes. */
export interface ZipWritten {
  entries: number;
  copied: number;
  compressed: number;
  size: number;
}

/**
 * Writes `tree` as a zip at `outPath`, atomically: a temp file in the same folder, fsync, rename over the target.
 * Throws 'output-invalid' for a tree that cannot be written (unsafe or clashing paths, too large for classic zip)
 * and 'output-failed' for I/O errors; on failure no temp file is left and the target is untouched.
 */
export async function writeZip(tree: OutputTree, outPath: string): Promise<ZipWritten> {
  validateTree(tree);
  const items = zipItems(tree);
  if (items.length > MAX_ZIP_ENTRIES) {
    throw invalid(
      `it has ${items.length} entries; a zip holds at most ${MAX_ZIP_ENTRIES}`,
      `в нём ${items.length} записей; zip вмещает не более ${MAX_ZIP_ENTRIES}`,
    );
  }
  const cp866 = tree.nameEncoding === 'cp866';
  const written: ZipWritten = { entries: items.length, copied: 0, compressed: 0, size: 0 };
  const entries = await zipEntries(items, cp866, written);
  written.size = zipLength(entries);
  if (written.size > MAX_ZIP_BYTES) {
    throw invalid('the zip would exceed 4 GiB', 'zip получился бы больше 4 ГиБ');
  }
  await writeZipFile(outPath, buildZip(entries));
  return written;
}

/** Sorted zip entries: the root folder (if any), directory entries 'x/' and files, all under `root/`. */
function zipItems(tree: OutputTree): ZipItem[] {
  const fallback = newestDate(tree);
  const prefix = tree.root === '' ? '' : `${tree.root}/`;
  const items: ZipItem[] = tree.files.map((f) => ({ name: prefix + f.path, date: f.date, file: f }));
  for (const dir of new Set(tree.dirs)) items.push({ name: `${prefix}${dir}/`, date: tree.dirDates?.get(dir) ?? fallback });
  if (prefix !== '') items.push({ name: prefix, date: fallback });
  return items.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

/** The newest date among files and dated directories, or 1980-01-01 for an empty tree. */
function newestDate(tree: OutputTree): Date {
  let newest = DOS_MIN;
  for (const f of tree.files) newest = Math.max(newest, f.date.getTime());
  for (const d of tree.dirDates?.values() ?? []) newest = Math.max(newest, d.getTime());
  return new Date(newest);
}

/** Every item as a zip entry, in order; the data of DEFLATE entries compressed `DEFLATE_AT_ONCE` at a time. */
async function zipEntries(items: readonly ZipItem[], cp866: boolean, written: ZipWritten): Promise<ZipEntry[]> {
  const entries = items.map((item) => zipEntry(item, cp866, written));
  const pending: number[] = [];
  entries.forEach((e, i) => {
    if (e.data === TO_DEFLATE) pending.push(i);
  });
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < pending.length) {
      const i = pending[next++];
      const bytes = items[i].file!.bytes;
      entries[i].data = await (deflatedAhead(bytes, entries[i].crc32) ?? deflateAsync(bytes));
    }
  };
  await Promise.all(Array.from({ length: Math.min(DEFLATE_AT_ONCE, pending.length) }, worker));
  return entries;
}

/** A placeholder for data zipEntries deflates off the main thread. */
const TO_DEFLATE = new Uint8Array(0);

/** Deflates started by deflateAhead, by the very bytes they compress; at most DEFLATE_AT_ONCE run at a time. */
const ahead = new WeakMap<Uint8Array, { crc: number; data: Promise<Uint8Array> }>();
let aheadRunning = 0;

/**
 * Starts deflating a large file (SYNC_DEFLATE_BELOW bytes and more) on libuv's pool now, for a later writeZip of
 * these very bytes to take: the caller goes on with other work (the report, the conflict sites) while a pool thread
 * compresses — on a 200k-line file the 50 ms of DEFLATE overlap the ~25 ms that come between the merge and the
 * write. Same zlib, same options: the same bytes as deflating in writeZip. Skipped when DEFLATE_AT_ONCE are running
 * (writeZip then deflates as before); a result nobody writes is dropped with its bytes. Returns when it is done
 * (undefined when skipped), for tests.
 */
export function deflateAhead(bytes: Uint8Array): Promise<unknown> | undefined {
  if (bytes.length < SYNC_DEFLATE_BELOW || ahead.has(bytes) || aheadRunning >= DEFLATE_AT_ONCE) return undefined;
  aheadRunning++;
  const data = deflateAsync(bytes).finally(() => aheadRunning--);
  data.catch(() => undefined); // awaited, and so reported, by writeZip if it writes these bytes
  ahead.set(bytes, { crc: crc32(bytes), data });
  return data.catch(() => undefined);
}

/** The early deflate of `bytes` if they are still what it compressed (CRC-32 compared: bytes changed in place are deflated anew). */
function deflatedAhead(bytes: Uint8Array, crc: number): Promise<Uint8Array> | undefined {
  const a = ahead.get(bytes);
  return a !== undefined && a.crc === crc ? a.data : undefined;
}

/**
 * A file of more than DEFLATE_PIECE bytes is deflated pigz-style, in pieces of that size, each on its own pool
 * thread: every piece but the first is given the 32 KB before it as a preset dictionary (so matches reach back over
 * the cut, as in one stream) and every piece but the last ends in a sync flush (a byte-aligned empty stored block,
 * no final bit), so the raw streams, put end to end, are one valid DEFLATE stream of the whole file. The cuts depend
 * on the length alone: the same bytes for the same input on the same Node build. Writing the real 14.8 MB page:
 * 104–132 ms → 61–91 ms with a core free, 0.04 % larger, for ~7 % more CPU (each piece's own zlib state and
 * dictionary), so no faster on a machine with no core to spare (docs/performance.md, "Zip and decode pass").
 */
const DEFLATE_PIECE = 1024 * 1024;
const DEFLATE_WINDOW = 32 * 1024;

/** Pieces being deflated on libuv's pool, at most DEFLATE_AT_ONCE; the others wait in `waiting`, in order. */
let piecesRunning = 0;
const waiting: (() => void)[] = [];

async function deflateAsync(bytes: Uint8Array): Promise<Uint8Array> {
  if (bytes.length <= DEFLATE_PIECE) return deflatePiece(bytes, {});
  const pieces: Promise<Buffer>[] = [];
  for (let start = 0; start < bytes.length; start += DEFLATE_PIECE) {
    const end = Math.min(bytes.length, start + DEFLATE_PIECE);
    pieces.push(
      deflatePiece(bytes.subarray(start, end), {
        dictionary: start === 0 ? undefined : bytes.subarray(start - DEFLATE_WINDOW, start),
        finishFlush: end === bytes.length ? constants.Z_FINISH : constants.Z_SYNC_FLUSH,
      }),
    );
  }
  return Buffer.concat(await Promise.all(pieces));
}

/**
 * One raw DEFLATE call on libuv's pool, waiting its turn (DEFLATE_AT_ONCE). Node's asynchronous zlib hands each
 * filled output chunk back to the main thread before it goes on (16 KB by default), so while the main thread is busy
 * the compression waits: an output chunk of half the input (text deflates 3–5×), at least 64 KB, lets a pool thread
 * do a whole piece in one go. The compressed bytes do not depend on the chunk size.
 */
async function deflatePiece(bytes: Uint8Array, options: ZlibOptions): Promise<Buffer> {
  if (piecesRunning < DEFLATE_AT_ONCE) piecesRunning++;
  else await new Promise<void>((resolve) => waiting.push(resolve)); // a finishing piece hands over its turn
  try {
    const chunkSize = Math.max(bytes.length >> 1, 64 * 1024);
    return await new Promise<Buffer>((resolve, reject) =>
      deflateRaw(bytes, { ...options, level: DEFLATE_LEVEL, chunkSize }, (err, out) => (err ? reject(err) : resolve(out))),
    );
  } finally {
    const next = waiting.shift();
    if (next) next();
    else piecesRunning--;
  }
}

/** One item as a zip entry: name encoded, date in DOS fields, data copied or compressed (counted in `written`). */
function zipEntry(item: ZipItem, cp866: boolean, written: ZipWritten): ZipEntry {
  return {
    ...storedName(item.name, cp866),
    ...toDosDateTime(dosClamp(item.date)),
    externalAttributes: item.file ? 0 : DOS_DIRECTORY,
    ...entryData(item.file, written),
  };
}

/**
 * The stored name, its flags and extra field. UTF-8 names carry the language-encoding flag when not ASCII; CP866
 * names never do. Non-ASCII names get the Info-ZIP Unicode Path field (0x7075): version 1, the CRC-32 of the stored
 * name, the UTF-8 name. ASCII names are the same bytes either way and get neither.
 */
function storedName(name: string, cp866: boolean): { name: Uint8Array; flags: number; extra: Uint8Array } {
  const utf8 = Buffer.from(name, 'utf8');
  if (utf8.length === name.length) return { name: utf8, flags: 0, extra: NO_BYTES };
  const stored = cp866 && cp866Representable(name) ? iconv().encode(name, 'cp866') : utf8;
  const extra = Buffer.alloc(9 + utf8.length);
  extra.writeUInt16LE(EXTRA_UNICODE_PATH, 0);
  extra.writeUInt16LE(5 + utf8.length, 2);
  extra.writeUInt8(1, 4);
  extra.writeUInt32LE(crc32(stored), 5);
  utf8.copy(extra, 9);
  return { name: stored, flags: stored === utf8 ? FLAG_UTF8 : 0, extra };
}

/** A file's data as the zip stores it: copied from `raw` when allowed, else DEFLATE; folders and empty files stored. */
function entryData(file: FileEntry | undefined, written: ZipWritten): Pick<ZipEntry, 'method' | 'crc32' | 'size' | 'data'> {
  if (file === undefined || file.bytes.length === 0) return { method: METHOD_STORED, crc32: 0, size: 0, data: NO_BYTES };
  const raw = copyable(file);
  if (raw) {
    written.copied++;
    return { method: raw.method, crc32: raw.crc32, size: raw.size, data: raw.compressed };
  }
  written.compressed++;
  const data = file.bytes.length < SYNC_DEFLATE_BELOW ? deflateRawSync(file.bytes, { level: DEFLATE_LEVEL }) : TO_DEFLATE;
  return { method: METHOD_DEFLATED, crc32: crc32(file.bytes), size: file.bytes.length, data };
}

/**
 * `file.raw` when it may be copied as is: a method every reader knows (stored or DEFLATE), and the very bytes being
 * written — size and CRC-32 compared, so a caller that changed `bytes` but kept `raw` gets them recompressed, not
 * the old data. (The reader only sets `raw` after checking it inflates to `bytes`.)
 */
function copyable(file: FileEntry): RawData | undefined {
  const raw = file.raw;
  if (raw === undefined || (raw.method !== METHOD_STORED && raw.method !== METHOD_DEFLATED)) return undefined;
  if (raw.method === METHOD_STORED && raw.compressed.length !== raw.size) return undefined;
  if (raw.size !== file.bytes.length || crc32(file.bytes) !== raw.crc32) return undefined;
  return raw;
}

function dosClamp(date: Date): Date {
  return new Date(Math.min(DOS_MAX, Math.max(DOS_MIN, date.getTime())));
}

/**
 * Refuses a tree the writers cannot write faithfully: an unsafe or non-canonical path, a path given twice, or a
 * path that is both a file and a folder. These come from a bug or an unresolved merge, so 'output-invalid'.
 */
export function validateTree(tree: OutputTree): void {
  if (tree.root !== '') checkOutputPath(tree.root, 'root folder', 'корневая папка');
  const files = new Set<string>();
  for (const file of tree.files) {
    checkOutputPath(file.path, `file '${file.path}'`, `файл '${file.path}'`);
    if (files.has(file.path)) throw invalid(`file '${file.path}' is listed twice`, `файл '${file.path}' указан дважды`);
    files.add(file.path);
  }
  for (const dir of tree.dirs) {
    checkOutputPath(dir, `folder '${dir}'`, `папка '${dir}'`);
    if (files.has(dir)) throw invalid(`'${dir}' is both a file and a folder`, `'${dir}' одновременно файл и папка`);
  }
  for (const p of [...files, ...tree.dirs]) {
    for (const folder of ancestors(p)) {
      if (files.has(folder)) {
        const ru = `'${folder}' одновременно файл и папка для '${p}'`;
        throw invalid(`'${folder}' is both a file and the folder of '${p}'`, ru);
      }
    }
  }
}

function checkOutputPath(p: string, en: string, ru: string): void {
  const segments = p.split('/');
  if (p === '' || segments.some((s) => s === '' || s === '.')) {
    throw invalid(`${en} has a malformed path '${p}'`, `${ru}: неправильный путь '${p}'`);
  }
  for (const segment of segments) {
    const problem = segmentProblem(segment);
    if (problem) {
      throw invalid(`${en} cannot be written because ${problem.en}`, `${ru}: запись невозможна: ${problem.ru}`);
    }
  }
}

function invalid(en: string, ru: string): CabinetError {
  return new CabinetError('output-invalid', {
    en: `the result cannot be written: ${en}. This is a bug in cabinet-merge; please report it with the input archives`,
    ru: `результат нельзя записать: ${ru}. Это ошибка cabinet-merge; сообщите о ней, приложив исходные архивы`,
  });
}

/** Writes `bytes` through io/atomic (temp file, fsync, rename; temp removed on failure or interrupt). */
async function writeZipFile(target: string, bytes: Uint8Array): Promise<void> {
  try {
    await writeFileAtomic(target, bytes);
  } catch (e) {
    throw outputFailed(target, e);
  }
}

function outputFailed(target: string, e: unknown): CabinetError {
  const why = (e as NodeJS.ErrnoException).code ?? (e as Error).message;
  return new CabinetError(
    'output-failed',
    {
      en:
        `${target}: cannot be written (${why}); check that the folder exists and is writable, ` +
        'that there is free space, and that no other program holds the file open',
      ru:
        `${target}: не удаётся записать (${why}); проверьте, что папка существует и доступна для записи, ` +
        'что есть свободное место и что файл не открыт в другой программе',
    },
    { cause: e },
  );
}

/**
 * Writes `tree` as files under `outDir` (under `outDir/root` when root is set), with file and folder dates set.
 * All-or-nothing: everything is written into a fresh hidden sibling folder that is then renamed to `outDir`.
 * `outDir` must not exist or be an empty folder; a non-empty one is refused with 'output-exists' so nothing of the
 * user's is overwritten.
 */
export async function writeFolder(tree: OutputTree, outDir: string): Promise<void> {
  validateTree(tree);
  await checkFolderTarget(outDir);
  const temp = tempSibling(path.resolve(outDir));
  removeOnInterrupt(temp);
  try {
    await fs.mkdir(temp);
    const base = tree.root === '' ? temp : path.join(temp, ...tree.root.split('/'));
    await writeFolderContent(tree, base);
    await fs.rmdir(outDir).catch((e: NodeJS.ErrnoException) => {
      if (e.code !== 'ENOENT') throw e;
    });
    await fs.rename(temp, outDir);
  } catch (e) {
    await fs.rm(temp, { recursive: true, force: true }).catch(() => undefined);
    throw e instanceof CabinetError ? e : outputFailed(outDir, e);
  } finally {
    forget(temp);
  }
}

/** Refuses an `outDir` that is a file or a non-empty folder. */
async function checkFolderTarget(outDir: string): Promise<void> {
  let entries: string[];
  try {
    entries = await fs.readdir(outDir);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return;
    if (code !== 'ENOTDIR') throw outputFailed(outDir, e);
    entries = ['(file)'];
  }
  if (entries.length > 0) {
    throw new CabinetError('output-exists', {
      en: `${outDir}: already exists and is not an empty folder; choose another output folder or remove it first`,
      ru: `${outDir}: уже существует и не является пустой папкой; укажите другую папку или сначала удалите её`,
    });
  }
}

/**
 * Writes files and folders under `base`, then sets dates, folders deepest first (writing a file touches its
 * folder); `base` itself (the root folder, when there is one) gets the newest date.
 */
async function writeFolderContent(tree: OutputTree, base: string): Promise<void> {
  const fallback = newestDate(tree);
  const folders = new Map<string, Date>();
  for (const dir of tree.dirs) folders.set(dir, tree.dirDates?.get(dir) ?? fallback);
  for (const file of tree.files) {
    for (const folder of ancestors(file.path)) {
      if (!folders.has(folder)) folders.set(folder, tree.dirDates?.get(folder) ?? fallback);
    }
  }
  for (const folder of folders.keys()) await fs.mkdir(path.join(base, ...folder.split('/')), { recursive: true });
  for (const file of tree.files) await writeOneFile(base, file);
  if (tree.root !== '') folders.set('', fallback);
  for (const folder of deepestFirst(folders.keys())) {
    const date = folders.get(folder)!;
    await fs.utimes(path.join(base, ...folder.split('/')), date, date);
  }
}

/** Folder paths ordered so each comes before its parent ('' is the base folder itself, last). */
function deepestFirst(folders: Iterable<string>): string[] {
  const depth = (p: string) => (p === '' ? 0 : p.split('/').length);
  return [...folders].sort((a, b) => depth(b) - depth(a) || (a < b ? -1 : a > b ? 1 : 0));
}

async function writeOneFile(base: string, file: FileEntry): Promise<void> {
  const target = path.join(base, ...file.path.split('/'));
  await fs.writeFile(target, file.bytes, { flag: 'wx' });
  await fs.utimes(target, file.date, file.date);
}
