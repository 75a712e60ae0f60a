/**
 * Reading a file that must be a regular file, without ever blocking. `fs.readFile` on a FIFO (named pipe) blocks in
 * open() until a writer appears — forever, on one of libuv's threads, and then even process.exit() waits for that
 * thread. Opening with O_NONBLOCK returns at once for a FIFO (and is a no-op for regular files); fstat on the open
 * descriptor then tells what was really opened (no race with a swap between a check and the open, as lstat + open
 * would have). Devices, sockets and folders are refused the same way.
 */

import { closeSync, constants, fstatSync, openSync, readFile, readFileSync, readSync, type Stats } from 'node:fs';

/** O_NONBLOCK does not exist on Windows (no FIFOs in the file system there); 0 leaves the flags unchanged. */
const NONBLOCK = constants.O_NONBLOCK ?? 0;

/** The error code of NotRegularFile, so callers that print `(CODE)` say something meaningful. */
export const NOT_REGULAR = 'ENOTREG';

export class NotRegularFile extends Error {
  readonly code = NOT_REGULAR;
  constructor(readonly file: string) {
    super(`${file}: not a regular file (a pipe, device, socket or folder)`);
    this.name = 'NotRegularFile';
  }
}

/**
 * Up to this size a file is read with synchronous calls (the open and its check always are, below): a small
 * merge's rules probe, journal and zips were each three or four awaited trips to libuv's threads
 * (docs/performance.md, start-up). A larger file is read on libuv's threads, so two inputs are read at once.
 */
const SYNC_READ_MAX = 1 << 20;

/** The bytes of `file`; throws NotRegularFile (code ENOTREG) when it is not a regular file, else fs errors as they come. */
export async function readRegularFile(file: string): Promise<Buffer> {
  const { fd, stat } = openRegularSync(file);
  try {
    // Memory of its own, as FileHandle.readFile gave, not a slice of Node's shared pool (which small allocUnsafe
    // buffers are): a zip's bytes become its entries' stored data, each zip's its own (tests/unit/archive/read-zip).
    if (stat.size <= SYNC_READ_MAX) return readAllSync(fd, stat.size, Buffer.allocUnsafeSlow);
    return await new Promise<Buffer>((resolve, reject) => readFile(fd, (e, bytes) => (e ? reject(e) : resolve(bytes))));
  } finally {
    closeSync(fd);
  }
}

/**
 * readRegularFile's open and check with synchronous calls, for reading many files in a row (a folder input: four
 * awaited calls per file left the process idle between them, 3.6 s instead of 0.9 s for a 4,000-file folder).
 * Returns the descriptor (O_NONBLOCK: the synchronous open() cannot block on a FIFO either) with its fstat; throws
 * NotRegularFile (the descriptor closed) for anything else. The caller checks the size, reads (readAllSync), closes.
 */
export function openRegularSync(file: string): { fd: number; stat: Stats } {
  const fd = openSync(file, constants.O_RDONLY | NONBLOCK);
  let stat: Stats;
  try {
    stat = fstatSync(fd);
  } catch (e) {
    closeSync(fd);
    throw e;
  }
  if (!stat.isFile()) {
    closeSync(fd);
    throw new NotRegularFile(file);
  }
  return { fd, stat };
}

/**
 * The `size` bytes of the regular file open at `fd` (what readFileSync(fd) reads, without its second fstat); fewer
 * if it shrank meanwhile. A size of 0 (some special files report it) reads to the end as readFileSync does.
 * `alloc`: where the bytes go (default Buffer.allocUnsafe: small files share Node's pool).
 */
export function readAllSync(fd: number, size: number, alloc: (size: number) => Buffer = Buffer.allocUnsafe): Buffer {
  if (size === 0) return readFileSync(fd);
  const buf = alloc(size);
  let done = 0;
  while (done < size) {
    const n = readSync(fd, buf, done, size - done, null);
    if (n === 0) break;
    done += n;
  }
  return done === size ? buf : buf.subarray(0, done);
}

/** Like readRegularFile, decoded as UTF-8. */
export async function readRegularText(file: string): Promise<string> {
  return (await readRegularFile(file)).toString('utf8');
}
