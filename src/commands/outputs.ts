/**
 * Output safety for commands that write: refuse, before any input is read, an output that would overwrite or land
 * inside an input, that exists (unless --force), whose folder is missing, is a file or is not writable; then write
 * all outputs of a run as one unit (commands/merge.ts).
 */

import { accessSync, constants as fsc, lstatSync, promises as fs, statSync, type Stats } from 'node:fs';
import * as path from 'node:path';
import { CabinetError } from '../errors';
import { realPathOf } from '../io/links';
import { checkInterrupt, forget, Interrupted, interruptPending, markOutputsComplete, outputsCompleted, removeOnInterrupt, tempSibling } from '../io/atomic';
import { AlreadyExists, beginPublish, endPublish, isHalfOutput, publish, testPublishPause } from '../io/publish';

/** Windows and macOS file systems ignore letter case by default, so 'A.zip' and 'a.zip' are one file there. */
const CASE_INSENSITIVE = process.platform === 'win32' || process.platform === 'darwin';

function comparable(p: string): string {
  return CASE_INSENSITIVE ? p.toLowerCase() : p;
}

/** The real path of `p` (links and '..' resolved), also when it does not exist yet (io/links.ts). */
const realOrResolved = realPathOf;

/** True when `inner` is `outer` or lies inside it. */
function within(inner: string, outer: string): boolean {
  const a = comparable(inner);
  const b = comparable(outer);
  return a === b || a.startsWith(b.endsWith(path.sep) ? b : b + path.sep);
}

/**
 * Refuses `outputs` (files the run will write: the merged zip, the report) that are an input or inside an input
 * folder (links resolved), two outputs on one path, an output that is a folder, an existing output without
 * `force`, and an output whose folder is missing, is a file or is not writable. `maybe` (the kept-aside folder,
 * written only when there are binary conflicts) is checked against the inputs only; checkMayReplace checks it for
 * existence once the run knows it writes it. Throws CabinetError 'output-invalid', 'output-exists' or
 * 'output-failed'.
 */
export async function checkOutputs(outputs: string[], inputPaths: string[], force: boolean, maybe: string[] = []): Promise<void> {
  const inputs = await Promise.all(inputPaths.map(async (p) => ({ given: p, real: await realOrResolved(p) })));
  const seen = new Map<string, string>();
  for (const out of [...outputs, ...maybe]) {
    const real = await realOrResolved(out);
    for (const input of inputs) {
      if (within(real, input.real)) {
        throw invalid(
          real === input.real || comparable(real) === comparable(input.real)
            ? {
                en: `${out}: this is the input ${input.given}; writing there would destroy it. Choose another output path`,
                ru: `${out}: это входной файл ${input.given}; запись туда уничтожила бы его. Укажите другой путь результата`,
              }
            : {
                en: `${out}: this is inside the input folder ${input.given}; choose an output path outside it`,
                ru: `${out}: путь внутри входной папки ${input.given}; укажите путь результата вне её`,
              },
        );
      }
    }
    const other = seen.get(comparable(real));
    if (other !== undefined) {
      throw invalid({
        en: `${out}: the same path is given for two outputs (${other}); give each output its own name`,
        ru: `${out}: один и тот же путь указан для двух результатов (${other}); дайте каждому своё имя`,
      });
    }
    seen.set(comparable(real), out);
  }
  for (const out of outputs) {
    await checkFolder(out);
    await checkTarget(out, force);
  }
}

/** Refuses `target` (a path the run has decided to write) when it exists and `force` is off. */
export async function checkMayReplace(target: string, force: boolean): Promise<void> {
  await checkTarget(target, force, true);
}

/*
 * checkFolder and checkTarget use synchronous calls (stat, access, lstat: none opens a file, none can block on a
 * FIFO): awaited one after the other, each was a trip to libuv's threads (docs/performance.md, start-up).
 */
async function checkFolder(out: string): Promise<void> {
  const dir = path.dirname(path.resolve(out));
  let stat: Stats;
  try {
    stat = statSync(dir);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENAMETOOLONG') throw nameTooLong(out);
    if (code === 'ENOENT') {
      throw invalid({
        en: `${out}: the folder ${dir} does not exist; create it or choose another output path`,
        ru: `${out}: папка ${dir} не существует; создайте её или укажите другой путь результата`,
      });
    }
    if (code === 'ENOTDIR') throw notAFolder(out, dir);
    throw failed(out, e);
  }
  if (!stat.isDirectory()) throw notAFolder(out, dir);
  try {
    accessSync(dir, fsc.W_OK);
  } catch (e) {
    throw failed(out, e);
  }
}

function notAFolder(out: string, dir: string): CabinetError {
  // The nearest existing ancestor that is a file: what the user should look at.
  return invalid({
    en: `${out}: ${dir} is not a folder (part of the path is a file); choose another output path`,
    ru: `${out}: ${dir} не является папкой (часть пути — файл); укажите другой путь результата`,
  });
}

async function checkTarget(out: string, force: boolean, isFolder = false): Promise<void> {
  let stat: Stats;
  try {
    stat = lstatSync(out);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENAMETOOLONG') throw nameTooLong(out);
    return;
  }
  if (!isFolder && stat.isDirectory()) {
    throw invalid({
      en: `${out}: this is a folder; the merged archive is a file. Choose a file name such as MERGED.zip`,
      ru: `${out}: это папка, а результат — файл. Укажите имя файла, например MERGED.zip`,
    });
  }
  if (!force && !isHalfOutput(out)) throw existsError(out);
}

function existsError(out: string): CabinetError {
  return new CabinetError('output-exists', {
    en: `${out}: already exists; add --force to overwrite it, or choose another name`,
    ru: `${out}: уже существует; добавьте --force, чтобы перезаписать, или укажите другое имя`,
  });
}

/** Up front, not after the whole merge: the file system refuses the name (a part over 255 bytes, a path too long). */
export function nameTooLong(out: string): CabinetError {
  return invalid({
    en: `${out}: the file system refuses this name as too long (ENAMETOOLONG: a part of the path over 255 bytes, or the whole path too long); choose a shorter output name`,
    ru: `${out}: файловая система не принимает это имя как слишком длинное (ENAMETOOLONG: часть пути длиннее 255 байт или весь путь слишком длинный); укажите более короткое имя результата`,
  });
}

/**
 * The temporary name an output is first written under: beside it, named after it — or, for a name within ~50 bytes
 * of the 255 a file system allows, a short one, so the temp names (this one, and the writer's own beside it) fit
 * wherever the output's name fits.
 */
export function outputTemp(target: string): string {
  const abs = path.resolve(target);
  return Buffer.byteLength(path.basename(abs)) > 200 ? tempSibling(path.join(path.dirname(abs), 'cabinet-merge')) : tempSibling(abs);
}

function invalid(message: { en: string; ru: string }): CabinetError {
  return new CabinetError('output-invalid', message);
}

function failed(out: string, e: unknown): CabinetError {
  const why = (e as NodeJS.ErrnoException).code ?? (e as Error).message;
  return new CabinetError(
    'output-failed',
    {
      en: `${out}: its folder cannot be written to (${why}); choose a folder you may write to`,
      ru: `${out}: в папку нельзя записать (${why}); укажите папку, доступную для записи`,
    },
    { cause: e },
  );
}

export interface PendingWrite {
  target: string;
  write: (target: string) => Promise<void>;
  /** The output is a folder (the working folder, MERGED.conflicts). */
  isDir?: boolean;
}

/**
 * Writes each output as one unit, in two steps: each is written complete under a temporary name beside its target,
 * then all are put into place (io/publish.ts: exclusively unless `force` — another run that took a name meanwhile
 * makes this one fail with "already exists", nothing replaced — and with a journal, so a run killed between two
 * outputs leaves a half its rerun recognises). If one fails, those already in place are removed and the error is
 * rethrown (a CabinetError as is, anything else as 'output-failed'); if the process is interrupted, the finished
 * ones are removed by the signal handler (io/atomic registry). Nothing half-written is ever visible.
 */
export async function writeAll(writes: PendingWrite[], force = false): Promise<void> {
  const done: string[] = [];
  const temps: { w: PendingWrite; tmp: string }[] = [];
  let journal: string | undefined;
  try {
    for (const w of writes) {
      checkInterrupt();
      const tmp = outputTemp(w.target);
      removeOnInterrupt(tmp);
      temps.push({ w, tmp });
      try {
        await w.write(tmp);
      } catch (e) {
        throw e instanceof CabinetError ? renamedInMessage(e, tmp, w.target) : e;
      }
      // The writer's own atomic rename into `tmp` forgot it (io/atomic keeps one registration per path): again.
      removeOnInterrupt(tmp);
    }
    if (writes.length) journal = await beginPublish(writes.map((w) => w.target));
    for (const { w, tmp } of temps) {
      await publish(tmp, w.target, { replace: force || isHalfOutput(w.target), isDir: w.isDir === true });
      forget(tmp);
      done.push(w.target);
      removeOnInterrupt(w.target);
      await testPublishPause();
    }
    if (journal) await endPublish(journal);
    markOutputsComplete();
  } catch (e) {
    // Interrupted: the finished outputs stay registered for the signal handler's cleanup.
    if (e instanceof Interrupted) throw e;
    for (const t of done) await fs.rm(t, { recursive: true, force: true }).catch(() => undefined);
    for (const { tmp } of temps) {
      await fs.rm(tmp, { recursive: true, force: true }).catch(() => undefined);
      forget(tmp);
    }
    if (journal) await endPublish(journal).catch(() => undefined);
    if (e instanceof AlreadyExists) throw existsError(e.target);
    if (e instanceof CabinetError) throw e;
    const why = (e as NodeJS.ErrnoException).code ?? (e as Error).message;
    throw new CabinetError(
      'output-failed',
      {
        en: `could not write the output (${why}); nothing was written. Check the folder and the free space`,
        ru: `не удалось записать результат (${why}); ничего не записано. Проверьте папку и свободное место`,
      },
      { cause: e },
    );
  } finally {
    if (outputsCompleted() || !interruptPending()) for (const t of done) forget(t);
  }
}

/** A writer's message about its temporary path, told about the output the user named instead. */
function renamedInMessage(e: CabinetError, tmp: string, target: string): CabinetError {
  if (!e.message.includes(tmp) && !e.ru.includes(tmp)) return e;
  return new CabinetError(e.code, { en: e.message.split(tmp).join(target), ru: e.ru.split(tmp).join(target) }, { details: e.details, cause: e.cause });
}
