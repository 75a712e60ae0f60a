/**
 * Publishing a run's finished outputs (issue 14): every output is first written complete under a temporary name
 * (io/atomic), then all are put into place in one short step, here.
 *
 * Exclusive. Without --force an output never replaces anything, and that is decided by the file system, not by an
 * earlier look: a file is published with link(2), which fails with EEXIST when the name exists — atomically, so of
 * two merges writing one `-o` at once, exactly one gets it and the other an "already exists" (exit 2); a folder is
 * renamed, which fails when a non-empty folder or a file has the name. (The up-front check in commands/outputs.ts
 * still refuses an existing output before any input is read; this closes the gap between that check and the end.)
 * On a file system without hard links (FAT, some network shares) a file falls back to check-then-rename.
 *
 * Consistent after SIGKILL. Before the first output is put into place, a journal `.NAME.cabinet-merge-publish`
 * beside the first output lists them all with the process id; it is removed once all are in place. A kill between
 * two outputs (the zip in place, the report not yet) leaves the journal behind; a rerun with the same outputs finds
 * it, sees that its process is gone, and replaces the outputs it lists without --force — the half of a killed run
 * is its own, not the user's. Only paths the rerun itself was asked to write are replaced: the journal's list only
 * allows, it never names what to delete. While the journal's process is alive, a second run is refused.
 */

import { closeSync, linkSync, lstatSync, promises as fs, renameSync, rmSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { CabinetError } from '../errors';
import { checkInterrupt, forget, interruptPending, removeOnInterrupt } from './atomic';
import { openRegularSync, readAllSync } from './read-regular';
import { sha256 } from '../hash';

interface Journal {
  tool: 'cabinet-merge';
  pid: number;
  outputs: string[];
}

/** The journal of a run whose first output is `first`. */
export function journalPath(first: string): string {
  const abs = path.resolve(first);
  const name = path.basename(abs);
  // A name near the file system's 255-byte limit: a short journal name, still one per output name.
  if (Buffer.byteLength(name) > 200) return path.join(path.dirname(abs), `.cabinet-merge-publish.${sha256(name).slice(0, 16)}`);
  return path.join(path.dirname(abs), `.${name}.cabinet-merge-publish`);
}

/** Outputs (resolved paths) that a killed run left half published: this run may replace them without --force. */
const halfOutputs = new Set<string>();

export function isHalfOutput(p: string): boolean {
  return halfOutputs.has(path.resolve(p));
}

function alive(pid: number): boolean {
  if (pid === process.pid) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Whether `p` exists (as anything, a link not followed). */
function exists(p: string): boolean {
  return lstatSync(p, { throwIfNoEntry: false }) !== undefined;
}

/*
 * The journal and the publishing step use synchronous calls: a handful of small calls, each awaited on libuv's
 * threads before, left a small merge mostly idle here (docs/performance.md, start-up). A signal is handled between
 * the steps, where checkInterrupt and the interrupt registry expect it (testPublishPause still awaits).
 */
function readJournal(file: string): Journal | undefined {
  let text: string;
  try {
    // O_NONBLOCK and a regular file only (io/read-regular): a FIFO put in its place cannot hang the run.
    const { fd, stat } = openRegularSync(file);
    try {
      if (stat.size > 1 << 20) return undefined;
      text = readAllSync(fd, stat.size).toString('utf8');
    } finally {
      closeSync(fd);
    }
  } catch {
    return undefined;
  }
  try {
    const j = JSON.parse(text) as Partial<Journal>;
    if (j.tool !== 'cabinet-merge' || !Number.isInteger(j.pid) || !Array.isArray(j.outputs) || !j.outputs.every((o) => typeof o === 'string')) return undefined;
    return j as Journal;
  } catch {
    return undefined;
  }
}

function busy(first: string, pid: number, journal: string): CabinetError {
  return new CabinetError('output-exists', {
    en: `${first}: another cabinet-merge (process ${pid}) is writing this output right now; wait for it, or choose another name. If no merge is running, delete ${journal}`,
    ru: `${first}: другой cabinet-merge (процесс ${pid}) прямо сейчас записывает этот результат; дождитесь его или укажите другое имя. Если слияние не запущено, удалите ${journal}`,
  });
}

/**
 * Called before the outputs are checked: when a killed run left the journal of `first`, the outputs it lists that
 * are also among `own` (this run's outputs) become replaceable (isHalfOutput). Refuses while that run is alive.
 */
export async function recoverHalfOutputs(first: string, own: readonly string[]): Promise<void> {
  const file = journalPath(first);
  const j = readJournal(file);
  if (!j) return;
  if (alive(j.pid)) throw busy(first, j.pid, file);
  const listed = new Set(j.outputs.map((o) => path.resolve(o)));
  for (const o of own) if (listed.has(path.resolve(o))) halfOutputs.add(path.resolve(o));
}

export class AlreadyExists extends Error {
  constructor(readonly target: string) {
    super(`${target} exists`);
  }
}

/** Starts publishing: creates the journal exclusively (a live run's journal refuses; a dead run's is taken over). */
export async function beginPublish(targets: readonly string[]): Promise<string> {
  const file = journalPath(targets[0]);
  const body = JSON.stringify({ tool: 'cabinet-merge', pid: process.pid, outputs: targets.map((t) => path.resolve(t)) } satisfies Journal) + '\n';
  removeOnInterrupt(file);
  try {
    writeFileSync(file, body, { flag: 'wx' });
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EEXIST') {
      forget(file);
      throw e;
    }
    const j = readJournal(file);
    if (j && alive(j.pid)) {
      forget(file);
      throw busy(targets[0], j.pid, file);
    }
    writeFileSync(file, body);
  }
  return file;
}

/**
 * TEST ONLY: CABINET_MERGE_TEST_DELAY_PUBLISH_MS=n waits n ms after each output is put into place, so a test can
 * SIGKILL a run between two outputs (tests/e2e/hostile-outputs.test.ts). Read here and nowhere else.
 */
export async function testPublishPause(): Promise<void> {
  const n = Number(process.env.CABINET_MERGE_TEST_DELAY_PUBLISH_MS);
  if (Number.isFinite(n) && n > 0) await new Promise((resolve) => setTimeout(resolve, n));
}

export async function endPublish(journal: string): Promise<void> {
  rmSync(journal, { force: true });
  forget(journal);
}

const NO_LINKS = new Set(['EPERM', 'ENOTSUP', 'EOPNOTSUPP', 'ENOSYS', 'EXDEV', 'EMLINK']);

/**
 * Puts the finished temp path `tmp` at `target`. `replace`: an existing target is replaced (--force, or a half
 * output of a killed run); otherwise throws AlreadyExists when the name is taken, and nothing is replaced.
 * A target that did not exist is registered for removal on interrupt (the caller forgets it when the run is done).
 */
export async function publish(tmp: string, target: string, options: { replace: boolean; isDir: boolean }): Promise<void> {
  checkInterrupt();
  if (options.replace) {
    const isNew = !exists(target);
    if (isNew) removeOnInterrupt(target);
    else if (options.isDir) await fs.rm(target, { recursive: true, force: true });
    renameSync(tmp, target);
    if (isNew && !interruptPending()) forget(target);
    return;
  }
  removeOnInterrupt(target);
  try {
    if (options.isDir) {
      renameSync(tmp, target);
    } else {
      try {
        linkSync(tmp, target);
      } catch (e) {
        const code = (e as NodeJS.ErrnoException).code ?? '';
        if (!NO_LINKS.has(code) || exists(target)) throw e;
        renameSync(tmp, target);
      }
      rmSync(tmp, { force: true });
    }
  } catch (e) {
    forget(target);
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'EEXIST' || code === 'ENOTEMPTY' || code === 'ENOTDIR' || code === 'EISDIR' || (code === 'EPERM' && exists(target))) {
      throw new AlreadyExists(target);
    }
    throw e;
  }
  if (!interruptPending()) forget(target);
}
