/**
 * OutputTree → zip file or folder.
 *
 * Zips are deterministic: entries in path order, each with the date the caller gave, DEFLATE through JSZip's
 * pure-JS pako (the same bytes on every machine and Node version, unlike native zlib builds), DOS attributes
 * only. Names follow tree.nameEncoding: 'utf8' → UTF-8 with the flag for non-ASCII names; 'cp866' → CP866 bytes
 * without the flag, as Russian Windows tools write them (JSZip then adds an Info-ZIP Unicode Path field for 7-Zip
 * and unzip). A name CP866 cannot hold is written in UTF-8 and its flag set afterwards, since JSZip never sets the
 * flag when given a custom encoder.
 *
 * Both writers overwrite the zip / refuse a non-empty folder; whether to overwrite an existing zip is the caller's
 * decision ('output-exists' belongs to the command).
 */
import { promises as fs } from 'fs';
import * as path from 'path';
import iconv from 'iconv-lite';
import JSZip from 'jszip';
import { CabinetError } from '../errors';
import { forget, removeOnInterrupt, tempSibling, writeFileAtomic } from '../io/atomic';
import { ancestors, cp866Representable, segmentProblem } from './names';
import { FileEntry, OutputTree } from './tree';
import { FLAG_UTF8, orFlags, readCentralDirectory } from './zipformat';

/** The classic zip format JSZip writes (no ZIP64) holds at most this many entries and 4 GiB offsets. */
const MAX_ZIP_ENTRIES = 0xffff;
const MAX_ZIP_BYTES = 0xffffffff;
/** DOS dates cover 1980-01-01 to 2107-12-31; dates outside are clamped rather than wrapped into garbage. */
const DOS_MIN = Date.UTC(1980, 0, 1);
const DOS_MAX = Date.UTC(2107, 11, 31, 23, 59, 58);
/** zlib level 6, the usual default, stated so a change of JSZip default cannot change our bytes. */
const DEFLATE_LEVEL = 6;

/** One zip entry to write: full name (with root and, for folders, trailing '/'). */
interface ZipItem {
  name: string;
  date: Date;
  bytes?: Uint8Array;
}

/**
 * Writes `tree` as a zip at `outPath`, atomically: a temp file in the same folder, fsync, rename over the target.
 * Throws 'output-invalid' for a tree that cannot be written (unsafe or clashing paths, too large for classic zip)
 * and 'output-failed' for I/O errors; on failure no temp file is left and the target is untouched.
 */
export async function writeZip(tree: OutputTree, outPath: string): Promise<void> {
  validateTree(tree);
  const items = zipItems(tree);
  if (items.length > MAX_ZIP_ENTRIES) {
    throw invalid(
      `it has ${items.length} entries; a zip holds at most ${MAX_ZIP_ENTRIES}`,
      `в нём ${items.length} записей; zip вмещает не более ${MAX_ZIP_ENTRIES}`,
    );
  }
  const bytes = await buildZip(items, tree.nameEncoding === 'cp866');
  if (bytes.length > MAX_ZIP_BYTES) {
    throw invalid('the zip would exceed 4 GiB', 'zip получился бы больше 4 ГиБ');
  }
  await writeZipFile(outPath, bytes);
}

/** Sorted zip entries: the root folder (if any), directory entries 'x/' and files, all under `root/`. */
function zipItems(tree: OutputTree): ZipItem[] {
  const fallback = newestDate(tree);
  const prefix = tree.root === '' ? '' : `${tree.root}/`;
  const items: ZipItem[] = tree.files.map((f) => ({ name: prefix + f.path, date: f.date, bytes: f.bytes }));
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

/** Generates the zip bytes with JSZip, then sets the UTF-8 flag on names written as UTF-8 in a CP866 archive. */
async function buildZip(items: ZipItem[], cp866: boolean): Promise<Buffer> {
  const zip = new JSZip();
  for (const item of items) {
    const options = { date: dosClamp(item.date), createFolders: false, binary: true };
    if (item.bytes === undefined) zip.file(item.name, null, { ...options, dir: true });
    else zip.file(item.name, item.bytes, options);
  }
  keepInsertionOrder(zip, items);
  const utf8Fallback = new Set<string>();
  const buf = await zip.generateAsync({
    type: 'nodebuffer',
    compression: 'DEFLATE',
    compressionOptions: { level: DEFLATE_LEVEL },
    platform: 'DOS',
    encodeFileName: cp866 ? (name) => encodeCp866(name, utf8Fallback) : undefined,
  });
  if (utf8Fallback.size > 0) flagUtf8Names(buf, utf8Fallback);
  return buf;
}

/**
 * JSZip writes entries in the key order of its `files` object, where names that look like array indices ('404')
 * come first. generateAsync only walks entries through zip.forEach, so an own forEach over our sorted list keeps
 * the path order exactly.
 */
function keepInsertionOrder(zip: JSZip, items: ZipItem[]): void {
  zip.forEach = (callback) => {
    for (const item of items) callback(item.name, zip.files[item.name]);
  };
}

/**
 * CP866 bytes as a binary string (JSZip's encoder contract), or UTF-8 bytes, noted in `fallback`, when CP866 cannot
 * hold the name.
 */
function encodeCp866(name: string, fallback: Set<string>): string {
  if (cp866Representable(name)) return iconv.encode(name, 'cp866').toString('latin1');
  const utf8 = Buffer.from(name, 'utf8').toString('latin1');
  fallback.add(utf8);
  return utf8;
}

/** Sets the UTF-8 flag on every entry whose stored name bytes are one of `utf8Names` (as binary strings). */
function flagUtf8Names(buf: Buffer, utf8Names: Set<string>): void {
  const directory = readCentralDirectory(buf, () => undefined);
  for (const entry of directory.entries) {
    if (utf8Names.has(Buffer.from(entry.nameBytes).toString('latin1'))) orFlags(buf, entry, FLAG_UTF8);
  }
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
