/**
 * Folder → Tree. A recursive walk in code-unit name order, so the result does not depend on the file system.
 *
 * Symbolic links (and Windows junctions, which Node reports as links) are refused, not followed and not skipped:
 * following one could pull in files from outside the cabinet, and skipping one would silently leave out content
 * the user expects to be merged. The path the user named may itself be a link; only links inside it are refused.
 *
 * The file-system calls are synchronous: a cabinet is thousands of small files, and an awaited lstat then readFile
 * per file left the process idle between them (a 4,000-file folder read took 3× as long as with sync calls;
 * docs/performance.md). The walk takes names and types from readdir alone; each file is then opened, fstat-ed (its
 * size checked against the limits, its date taken) and read: four calls a file where an lstat in the walk and
 * readFileSync's own fstat made six. Every READS_PER_YIELD files the event loop gets a turn, so Ctrl+C is seen.
 */
import * as fs from 'fs';
import { Dirent } from 'fs';
import * as path from 'path';
import { CabinetError, Message } from '../errors';
import { NotRegularFile, openRegularSync, readAllSync } from '../io/read-regular';
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
}

const READS_PER_YIELD = 256;

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
  walk(root, '', tree, found, budget);
  for (let i = 0; i < found.length; i++) {
    if (i % READS_PER_YIELD === READS_PER_YIELD - 1) await new Promise<void>((resolve) => setImmediate(resolve));
    const file = found[i];
    tree.files.set(file.relative, { path: file.relative, ...readFound(file, budget) });
  }
  return tree;
}

function fileWhere(relative: string): Where {
  const shown = printable(relative);
  return { en: `'${shown}'`, ru: `'${shown}'` };
}

/** Lists `absolute` (whose tree path is `relative`), recording files in `found` and empty folders in the tree. */
function walk(absolute: string, relative: string, tree: Tree, found: Found[], budget: Budget): void {
  const children = listDir(absolute, relative);
  if (children.length === 0 && relative !== '') {
    tree.dirs.add(relative);
    tree.dirDates!.set(relative, statOf(absolute, relative).mtime);
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
      walk(childAbsolute, childRelative, tree, found, budget);
    } else if (child.isFile()) {
      found.push({ absolute: childAbsolute, relative: childRelative });
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
function listDir(absolute: string, relative: string): Dirent[] {
  const entries = io(relative, () => fs.readdirSync(absolute, { withFileTypes: true }));
  return entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

function statOf(absolute: string, relative: string) {
  return io(relative, () => fs.lstatSync(absolute));
}

/**
 * One file's bytes and date. Its size is counted against the limits from fstat before it is read (as the walk's
 * lstat did before); bytes beyond that size (a file that grew meanwhile) are counted after.
 */
function readFound(file: Found, budget: Budget): { bytes: Uint8Array; date: Date } {
  // Not fs.readFile: a file swapped for a FIFO after the walk would block open() forever (io/read-regular.ts).
  const { fd, stat } = io(file.relative, () => openRegularSync(file.absolute), (e) => {
    if (e instanceof NotRegularFile) {
      const ru = 'это не обычный файл (устройство, канал или сокет)';
      return unsafeName(fileWhere(file.relative), 'it is not a regular file (a device, pipe or socket)', ru, NAME_ADVICE);
    }
    return undefined;
  });
  try {
    budget.addFile(stat.size, fileWhere(file.relative));
    const buf = io(file.relative, () => readAllSync(fd, stat.size));
    budget.addBytes(buf.length - stat.size);
    return { bytes: new Uint8Array(buf.buffer, buf.byteOffset, buf.length), date: stat.mtime };
  } finally {
    fs.closeSync(fd);
  }
}

/**
 * Runs a file-system call, turning its failure into 'input-unreadable' naming the file (or into what `special`
 * returns for it).
 */
function io<T>(relative: string, f: () => T, special?: (e: unknown) => CabinetError | undefined): T {
  try {
    return f();
  } catch (e) {
    const own = special?.(e);
    if (own) throw own;
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
