/**
 * Folder → Tree. A recursive walk in code-unit name order, so the result does not depend on the file system.
 *
 * Symbolic links (and Windows junctions, which Node reports as links) are refused, not followed and not skipped:
 * following one could pull in files from outside the cabinet, and skipping one would silently leave out content
 * the user expects to be merged. The path the user named may itself be a link; only links inside it are refused.
 *
 * The file-system calls are synchronous: a cabinet is thousands of small files, and an awaited lstat then readFile
 * per file left the process idle between them (a 4,000-file folder read took 3× as long as with sync calls;
 * docs/performance.md). A read blocks the event loop for one small file at a time, so Ctrl+C is still seen soon.
 */
import * as fs from 'fs';
import { Dirent } from 'fs';
import * as path from 'path';
import { CabinetError, Message } from '../errors';
import { NotRegularFile, readRegularFileSync } from '../io/read-regular';
import { Budget, Limits } from './limits';
import { Where, checkSegment, printable, unsafeName } from './names';
import { Tree } from './tree';

const LINK_ADVICE: Message = {
  en: 'Replace it with a copy of what it points to, or remove it',
  ru: 'Замените её копией того, на что она указывает, или удалите',
};
const NAME_ADVICE: Message = { en: 'Rename or remove it', ru: 'Переименуйте или удалите его' };

interface Found {
  absolute: string;
  relative: string;
  size: number;
  mtime: Date;
}

/** Reads every file under `root`; empty folders go to `dirs`. Errors carry no folder name; readTree adds it. */
export async function readFolder(root: string, source: string, limits: Limits): Promise<Tree> {
  const tree: Tree = {
    source,
    kind: 'folder',
    files: new Map(),
    dirs: new Set(),
    dirDates: new Map(),
    nameEncoding: 'utf8',
    root: '',
  };
  const budget = new Budget(limits);
  const found: Found[] = [];
  await walk(root, '', tree, found, budget);
  for (const file of found) {
    const bytes = await readBytes(file);
    budget.addBytes(bytes.length - file.size);
    tree.files.set(file.relative, { path: file.relative, bytes, date: file.mtime });
  }
  return tree;
}

function fileWhere(relative: string): Where {
  const shown = printable(relative);
  return { en: `'${shown}'`, ru: `'${shown}'` };
}

/** Lists `absolute` (whose tree path is `relative`), recording files in `found` and empty folders in the tree. */
async function walk(absolute: string, relative: string, tree: Tree, found: Found[], budget: Budget): Promise<void> {
  const children = await listDir(absolute, relative);
  if (children.length === 0 && relative !== '') {
    tree.dirs.add(relative);
    tree.dirDates!.set(relative, (await statOf(absolute, relative)).mtime);
  }
  for (const child of children) {
    const childRelative = relative === '' ? child.name : `${relative}/${child.name}`;
    const childAbsolute = path.join(absolute, child.name);
    if (child.name.includes('\uFFFD')) checkUtf8Name(absolute, relative, child.name);
    const where = fileWhere(childRelative);
    checkSegment(child.name, where, NAME_ADVICE);
    budget.addEntry();
    if (child.isSymbolicLink()) {
      const ru = 'это символическая ссылка или точка соединения';
      throw unsafeName(where, 'it is a symbolic link or junction', ru, LINK_ADVICE);
    } else if (child.isDirectory()) {
      await walk(childAbsolute, childRelative, tree, found, budget);
    } else if (child.isFile()) {
      const stat = await statOf(childAbsolute, childRelative);
      budget.addFile(stat.size, where);
      found.push({ absolute: childAbsolute, relative: childRelative, size: stat.size, mtime: stat.mtime });
    } else {
      const ru = 'это не обычный файл (устройство, канал или сокет)';
      throw unsafeName(where, 'it is not a regular file (a device, pipe or socket)', ru, NAME_ADVICE);
    }
  }
}

const utf8Strict = new TextDecoder('utf-8', { fatal: true });

/**
 * A name the file system stores as bytes that are not UTF-8 (a Linux folder filled from a CP1251 or CP866 archive):
 * Node lists it with U+FFFD in place of the bad bytes, and opening that spelling fails with ENOENT ("cannot be
 * read"), which points the wrong way. Such a name cannot be represented in the merged archive either: refused,
 * naming it with the bad bytes as \xNN. A name that really holds U+FFFD passes.
 */
function checkUtf8Name(absolute: string, relative: string, name: string): void {
  const raw = fs.readdirSync(absolute, { encoding: 'buffer' }).find((b) => b.toString('utf8') === name && !validUtf8(b));
  if (!raw) return;
  const shown = (relative === '' ? '' : printable(relative) + '/') + escapedBytes(raw);
  throw unsafeName(
    { en: `'${shown}'`, ru: `'${shown}'` },
    'its name is not valid UTF-8 (the bytes shown as \\xNN), so it cannot be read by that name nor stored in the merged archive',
    'его имя — не UTF-8 (байты показаны как \\xNN), и его нельзя ни прочитать по этому имени, ни записать в архив-результат',
    NAME_ADVICE,
  );
}

function validUtf8(b: Buffer): boolean {
  try {
    utf8Strict.decode(b);
    return true;
  } catch {
    return false;
  }
}

/** Bytes as text: each valid UTF-8 sequence as its character (control characters escaped), every other byte \xNN. */
export function escapedBytes(b: Uint8Array): string {
  let out = '';
  for (let i = 0; i < b.length; ) {
    const lead = b[i];
    const n = lead < 0x80 ? 1 : lead >= 0xc2 && lead <= 0xdf ? 2 : lead >= 0xe0 && lead <= 0xef ? 3 : lead >= 0xf0 && lead <= 0xf4 ? 4 : 0;
    const seq = n > 0 && i + n <= b.length ? b.subarray(i, i + n) : undefined;
    if (seq && validUtf8(Buffer.from(seq))) {
      out += printable(Buffer.from(seq).toString('utf8'));
      i += n;
    } else {
      out += `\\x${lead.toString(16).padStart(2, '0')}`;
      i++;
    }
  }
  return out;
}

/** The entries of a folder, sorted by name in code-unit order. */
async function listDir(absolute: string, relative: string): Promise<Dirent[]> {
  const entries = await io(relative, () => fs.readdirSync(absolute, { withFileTypes: true }));
  return entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

async function statOf(absolute: string, relative: string) {
  return io(relative, () => fs.lstatSync(absolute));
}

async function readBytes(file: Found): Promise<Uint8Array> {
  // Not fs.readFile: a file swapped for a FIFO after the walk would block open() forever (io/read-regular.ts).
  const buf = await io(file.relative, () => readRegularFileSync(file.absolute)).catch((e: unknown) => {
    if ((e as CabinetError).cause instanceof NotRegularFile) {
      const ru = 'это не обычный файл (устройство, канал или сокет)';
      throw unsafeName(fileWhere(file.relative), 'it is not a regular file (a device, pipe or socket)', ru, NAME_ADVICE);
    }
    throw e;
  });
  return new Uint8Array(buf.buffer, buf.byteOffset, buf.length);
}

/** Runs a file-system call, turning its failure into 'input-unreadable' naming the file. */
async function io<T>(relative: string, f: () => T | Promise<T>): Promise<T> {
  try {
    return await f();
  } catch (e) {
    const name = relative === '' ? '.' : relative;
    const why = (e as NodeJS.ErrnoException).code ?? (e as Error).message;
    throw new CabinetError(
      'input-unreadable',
      {
        en:
          `'${name}' cannot be read (${why}); ` +
          'check that it exists, that you may read it and that no other program holds it open',
        ru:
          `не удаётся прочитать '${name}' (${why}); ` +
          'проверьте, что путь существует, доступен для чтения и не открыт в другой программе',
      },
      { cause: e },
    );
  }
}
