/**
 * Atomic writes for everything the tool outputs: content goes to a temporary name in the target's own folder and
 * is renamed over the target only when complete, so a crash, a full disk or Ctrl+C never leaves half a file under
 * the name the admin will open. Temporary files are removed on failure.
 *
 * Interrupts. Every temporary path is registered (`pending`) from just before it is created until it is renamed
 * or removed; cli/run.ts calls removePendingSync() from its SIGINT/SIGTERM handler, so Ctrl+C leaves no
 * '.MERGED.zip.<pid>.<hex>.tmp' behind. Outputs of the current run that were already renamed into place are
 * registered too (by commands/merge.ts, through removeOnInterrupt), so an interrupted run leaves nothing of its own.
 */

import { closeSync, fsyncSync, openSync, renameSync, rmSync, writeFileSync, promises as fs } from 'node:fs';
import * as path from 'node:path';

/** Paths to remove if the process is interrupted now: temp files and folders, and this run's finished outputs. */
const pending = new Set<string>();

/** Registers `p` for removal on interrupt until `forget(p)`. */
export function removeOnInterrupt(p: string): void {
  pending.add(p);
}

export function forget(p: string): void {
  pending.delete(p);
}

/**
 * An interrupt that arrived while file operations may be running on libuv's threads (an open, a rename): they
 * cannot be stopped, so writers check this before each step and stop with Interrupted, and cli/run.ts removes
 * everything registered once the operations already started have settled.
 */
let interruptRequested = false;

export class Interrupted extends Error {
  constructor() {
    super('interrupted');
    this.name = 'Interrupted';
  }
}

export function requestInterrupt(): void {
  interruptRequested = true;
}

export function interruptPending(): boolean {
  return interruptRequested;
}

/** Throws Interrupted once an interrupt was requested: call before each step that creates or renames a file. */
export function checkInterrupt(): void {
  if (interruptRequested) throw new Interrupted();
}

/**
 * Set once a run's outputs are all in place: from then on an interrupt has nothing left to undo, and saying
 * "nothing was written" would be false, so cli/run.ts lets the run finish instead.
 */
let outputsComplete = false;

export function markOutputsComplete(): void {
  outputsComplete = true;
}

export function outputsCompleted(): boolean {
  return outputsComplete;
}

/**
 * Removes every registered path, synchronously (a signal handler cannot wait), ignoring errors; returns how many
 * paths were registered.
 */
export function removePendingSync(): number {
  const paths = [...pending];
  for (const p of paths) {
    try {
      rmSync(p, { recursive: true, force: true });
    } catch {
      // Best effort: the process is exiting; a path that cannot be removed is not worth a second error.
    }
    pending.delete(p);
  }
  return paths.length;
}

/**
 * TEST ONLY: CABINET_MERGE_TEST_DELAY_WRITE_MS=n makes writeFileAtomic write the first half of its data, wait n ms,
 * then write the rest, so a test can send SIGINT while a temp file is half written (tests/e2e/errors.test.ts).
 * Read here and nowhere else; unset in normal use.
 */
function testDelayMs(): number {
  const n = Number(process.env.CABINET_MERGE_TEST_DELAY_WRITE_MS);
  return Number.isFinite(n) && n > 0 ? n : 0;
}

/**
 * A temporary sibling name for `target`: hidden, unique, recognisable. Math.random, not node:crypto (~1.5 ms to
 * load, docs/performance.md, start-up): the name needs to differ from other runs' and this run's other temp names,
 * not to be unguessable — it is created exclusively ('wx', O_EXCL: never through a link planted under that name).
 */
export function tempSibling(target: string): string {
  const dir = path.dirname(target);
  const hex = Math.floor(Math.random() * 0x100000000).toString(16).padStart(8, '0');
  return path.join(dir, `.${path.basename(target)}.${process.pid}.${hex}.tmp`);
}

/**
 * Up to this size a file is written with synchronous calls: open, write, fsync, close, lstat and rename awaited one
 * after the other each went to libuv's threads and back, and left a small merge idle for most of its writing
 * (docs/performance.md, start-up). A signal arriving meanwhile is handled after the last call, when the file is in
 * place or removed, as after any other step. Larger files are written asynchronously (the event loop keeps running).
 */
const SYNC_WRITE_MAX = 1 << 20;

/** Writes `data` to `target` atomically (temp file, fsync, rename). */
export async function writeFileAtomic(target: string, data: Uint8Array | string): Promise<void> {
  checkInterrupt();
  const delay = testDelayMs();
  if (delay === 0 && (typeof data === 'string' ? data.length * 3 : data.length) <= SYNC_WRITE_MAX) return writeFileAtomicSync(target, data);
  const tmp = tempSibling(target);
  removeOnInterrupt(tmp);
  try {
    const handle = await fs.open(tmp, 'wx');
    try {
      if (delay > 0) {
        const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
        const half = bytes.subarray(0, bytes.length >> 1);
        await handle.write(half, 0, half.length, 0);
        await new Promise((resolve) => setTimeout(resolve, delay));
        await handle.write(bytes, half.length, bytes.length - half.length, half.length);
      } else {
        await handle.writeFile(data);
      }
      await handle.sync();
    } finally {
      await handle.close();
    }
    await renameInto(tmp, target);
  } catch (e) {
    await fs.rm(tmp, { force: true }).catch(() => undefined);
    throw e;
  } finally {
    forget(tmp);
  }
}

/** writeFileAtomic with synchronous calls (small data, no test delay). */
function writeFileAtomicSync(target: string, data: Uint8Array | string): void {
  const tmp = tempSibling(target);
  removeOnInterrupt(tmp);
  try {
    const fd = openSync(tmp, 'wx');
    try {
      writeFileSync(fd, data);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    // No signal handler runs during these calls, so the target needs no registration as renameInto gives it.
    renameSync(tmp, target);
  } catch (e) {
    try {
      rmSync(tmp, { force: true });
    } catch {
      // The write's error is the one to report.
    }
    throw e;
  } finally {
    forget(tmp);
  }
}

/**
 * Renames a finished temp path onto `target`. The rename runs off the main thread, so an interrupt can arrive
 * after it has happened but before this function returns: a target that did not exist before is therefore
 * registered for removal for the duration, so the interrupt takes it away too and "nothing was written" stays
 * true. (A target being replaced under --force is not removed: its old content is gone either way.)
 */
async function renameInto(tmp: string, target: string): Promise<void> {
  checkInterrupt();
  const isNew = !(await fs.lstat(target).catch(() => undefined));
  checkInterrupt();
  if (isNew) removeOnInterrupt(target);
  try {
    await fs.rename(tmp, target);
  } finally {
    // Interrupted meanwhile: the target stays registered, so the cleanup takes it away.
    if (isNew && !interruptRequested) forget(target);
  }
}

/**
 * Writes a set of files under a new folder `target` atomically: they are written into a temporary sibling folder
 * which is then renamed to `target`. An existing `target` is replaced only after the new one is complete.
 */
export async function writeDirAtomic(target: string, files: ReadonlyMap<string, Uint8Array>): Promise<void> {
  checkInterrupt();
  const tmp = tempSibling(target);
  removeOnInterrupt(tmp);
  try {
    await fs.mkdir(tmp);
    for (const [rel, data] of files) {
      const file = path.join(tmp, ...rel.split('/'));
      await fs.mkdir(path.dirname(file), { recursive: true });
      await fs.writeFile(file, data);
    }
    await fs.rm(target, { recursive: true, force: true });
    await renameInto(tmp, target);
  } catch (e) {
    await fs.rm(tmp, { recursive: true, force: true }).catch(() => undefined);
    throw e;
  } finally {
    forget(tmp);
  }
}
