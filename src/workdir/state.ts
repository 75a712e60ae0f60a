/**
 * The working folder's state: `WORK/.cabinet-merge/`, written by `merge --out-dir WORK` beside the merged files,
 * read and updated by `status`, `resolve` and `pack`. Like git's index and MERGE_* files, it holds what the
 * folder alone cannot say:
 *
 *   state.json            this file's model (WorkState): the output's layout (theirs' wrapper folder, name
 *                         encoding, folders), each file's date, hash and text format (encoding, BOM, line ends),
 *                         and each conflict with its blocks and its decision
 *   report.json           the merge report
 *   sides/<side>/<path>   base's, mine's and theirs' versions of every conflicted file, byte for byte, so an
 *                         editor can compare them and `resolve` can take one
 *   preimages.json        each conflicted file as merged (with all its blocks, before recorded resolutions were
 *                         re-applied): `pack` diffs it against the edited file to record resolutions. One JSON
 *                         file, not a copy per file, so that its markers are not at the start of a line: an
 *                         editor's "find in files" for <<<<<<< and VS Code's conflict highlighting see only WORK's
 *                         own files
 *   aside/<as>/<path>     files kept out of the output (a name that clashes on Windows)
 *
 * Paths inside WORK and in the state are the merge's paths: a wrapper folder of theirs is not in WORK (it is
 * recorded in `layout.root` and put back by `pack`), so WORK/css/theme.css is what the report calls css/theme.css.
 */

// fs.promises, not node:fs/promises: that module loads its ~10 internal modules when imported (~1 ms of every merge).
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import type { NameEncoding } from '../archive/tree';
import { CabinetError } from '../errors';
import { writeFileAtomic } from '../io/atomic';
import { ShapeError, parseOwnJson } from '../io/own-files';
import { NOT_REGULAR, readRegularText } from '../io/read-regular';
import type { ConflictStyle } from '../merge3';
import type { TextEncoding } from '../text/encoding';
import type { EolStyle } from '../text/lines';
import type { ReusedResolution } from '../tree/merge-tree';
import type { ConflictKind, FileStatus } from '../tree/status';
import { checkState } from './validate';
import { command, quoteArg, userShell } from '../report/command';

export const STATE_DIR = '.cabinet-merge';
export const STATE_SCHEMA = 'cabinet-merge/workdir@1';

export type Side = 'base' | 'mine' | 'theirs';
export const SIDES: readonly Side[] = ['base', 'mine', 'theirs'];

export interface TextFormat {
  encoding: TextEncoding;
  bom: boolean;
  eol: EolStyle;
}

export interface FileState {
  /** The zip entry date `pack` gives the file (ISO 8601): the date the merge would have given it. */
  date: string;
  /** sha256 of the bytes written, to tell which files the admin edited. */
  sha256: string;
  /** The format the file is packed in; absent for binary files. */
  text?: TextFormat;
}

export interface BlockState {
  key: string;
  /** 1-based lines of the block's markers in the preimage. */
  startLine: number;
  endLine: number;
  mine: string[];
  theirs: string[];
}

export interface ConflictState {
  status: FileStatus;
  kind?: ConflictKind;
  /** 'markers': settled by editing the blocks out; 'decision': by `resolve` (binary, modify/delete...). */
  settle: 'markers' | 'decision';
  /** The sides present (their bytes are in sides/<side>/<path>), with their entry dates. */
  sides: Partial<Record<Side, { date: string; text?: TextFormat }>>;
  /** Conflict blocks of the merged file (the preimage), re-applied ones included. */
  blocks?: BlockState[];
  /** Blocks settled by a recorded resolution, where they are in the merged file: shown by `status` for review. */
  reused?: ReusedResolution[];
  /** Set by `resolve`. */
  decision?: { side: Side; at: string };
}

export interface WorkState {
  schema: typeof STATE_SCHEMA;
  tool: { version: string };
  created: string;
  inputs: { base: string | null; mine: string; theirs: string };
  conflictStyle: ConflictStyle;
  layout: { root: string; nameEncoding: NameEncoding; dirs: string[] };
  files: Record<string, FileState>;
  conflicts: Record<string, ConflictState>;
  /** The archives `pack` wrote from this folder (pack may replace these without --force). */
  packed?: string[];
  /**
   * Files the merge kept out of the output because their names cannot stand beside the others on Windows (a case or
   * NFC/NFD twin, a device name such as aux.html, a file where a folder of that name is), by the merge's path: why,
   * and where in WORK the file was saved. `status` and `pack` list them, so they are not lost silently at `pack`.
   */
  keptOut?: Record<string, KeptOut>;
}

export type KeptOutKind = 'case-clash' | 'windows-name' | 'file-folder';

export interface KeptOut {
  as: KeptOutKind;
  /** The saved copy, relative to WORK, '/'-separated (`.cabinet-merge/aside/<as>/<name>`). */
  saved: string;
}

export function stateDir(work: string): string {
  return path.join(work, STATE_DIR);
}

/** The absolute file of a cabinet path under `dir`. */
export function fileIn(dir: string, p: string): string {
  return path.join(dir, ...p.split('/'));
}

export function sidePath(work: string, side: Side, p: string): string {
  return fileIn(path.join(stateDir(work), 'sides', side), p);
}

export const PREIMAGES_FILE = 'preimages.json';

/** The preimages (see the header comment), by path; empty when the file is missing or damaged. */
export async function readPreimages(work: string): Promise<Record<string, string>> {
  try {
    const parsed = parseOwnJson(await readRegularText(path.join(stateDir(work), PREIMAGES_FILE)));
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return {};
    // Only string values are preimages; anything else is damage and is left out (pack then records nothing for it).
    return Object.fromEntries(Object.entries(parsed).filter(([, v]) => typeof v === 'string')) as Record<string, string>;
  } catch {
    return {};
  }
}

function notWorkdir(work: string, why: string, whyRu: string, cause?: unknown): CabinetError {
  return new CabinetError(
    'workdir-invalid',
    {
      en: `${work}: not a working folder of cabinet-merge (${why}). Create one with: cabinet-merge merge BASE MINE THEIRS --out-dir ${work}`,
      ru: `${work}: это не рабочая папка cabinet-merge (${whyRu}). Создайте её командой: cabinet-merge merge BASE MINE THEIRS --out-dir ${work}`,
    },
    { cause },
  );
}

export async function readState(work: string): Promise<WorkState> {
  const file = path.join(stateDir(work), 'state.json');
  // The state folder must be WORK's own: through a link, resolve and pack would write state (and read sides) elsewhere.
  if ((await fs.lstat(stateDir(work)).catch(() => undefined))?.isSymbolicLink()) {
    throw notWorkdir(work, `${stateDir(work)} is a symbolic link`, `${stateDir(work)} — символическая ссылка`);
  }
  let text: string;
  try {
    text = await readRegularText(file);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const hasStateDir = await fs.lstat(stateDir(work)).then(() => true, () => false);
    if ((code === 'ENOENT' || code === 'ENOTDIR') && hasStateDir) {
      throw notWorkdir(work, `no ${STATE_DIR}${path.sep}state.json`, `нет ${STATE_DIR}${path.sep}state.json`, e);
    }
    if (code === 'ENOENT' || code === 'ENOTDIR') {
      // A folder unzipped and edited by hand (resolve only: status and pack check such a folder as it is): resolve
      // needs the sides a merge saves.
      const status = command(['status', work]);
      throw new CabinetError(
        'workdir-invalid',
        {
          en: `${work}: not a working folder of cabinet-merge (no ${STATE_DIR}${path.sep}state.json), so there are no saved sides to take. Check it as it is: ${status}; or merge into a working folder (merge … --out-dir ${quoteArg(work, userShell())}) and resolve there`,
          ru: `${work}: это не рабочая папка cabinet-merge (нет ${STATE_DIR}${path.sep}state.json), сохранённых версий сторон нет. Проверьте папку как есть: ${status}; или выполните слияние в рабочую папку (merge … --out-dir ${quoteArg(work, userShell())}) и решайте там`,
        },
        { cause: e },
      );
    }
    if (code === NOT_REGULAR) throw notWorkdir(work, `${file} is not a regular file (a pipe or device?)`, `${file} — не обычный файл (канал или устройство?)`, e);
    throw notWorkdir(work, `${file} cannot be read: ${code}`, `не удаётся прочитать ${file}: ${code}`, e);
  }
  let raw: unknown;
  try {
    raw = parseOwnJson(text);
  } catch (e) {
    const why = (e as ShapeError).why;
    throw notWorkdir(work, `${file} is damaged: it ${why.en}`, `${file} повреждён: ${why.ru}`, e);
  }
  const schema = (raw as { schema?: unknown } | null)?.schema;
  if (schema !== STATE_SCHEMA) throw notWorkdir(work, `${file} has another format (${String(schema).slice(0, 80)})`, `${file} в другом формате (${String(schema).slice(0, 80)})`);
  try {
    return checkState(raw);
  } catch (e) {
    if (!(e instanceof ShapeError)) throw e;
    throw notWorkdir(work, `${file} is damaged or was edited: ${e.field}: ${e.why.en}`, `${file} повреждён или изменён вручную: ${e.field}: ${e.why.ru}`, e);
  }
}

export async function writeState(work: string, state: WorkState): Promise<void> {
  await writeFileAtomic(path.join(stateDir(work), 'state.json'), JSON.stringify(state, null, 2) + '\n');
}

/**
 * A path as the admin typed it (backslashes, a leading './' or 'WORK/', any letter case) → the state's path, or
 * undefined when it names no file the state knows.
 */
export function findPath(state: WorkState, work: string, typed: string): string | undefined {
  let p = typed.replace(/\\/g, '/');
  const absWork = path.resolve(work).replace(/\\/g, '/');
  const abs = path.resolve(typed).replace(/\\/g, '/');
  if (abs.toLowerCase().startsWith(absWork.toLowerCase() + '/')) p = abs.slice(absWork.length + 1);
  p = p.replace(/^(\.\/)+/, '').replace(/\/+$/, '');
  const known = [...Object.keys(state.conflicts), ...Object.keys(state.files)];
  return known.find((k) => k === p) ?? known.find((k) => k.toLowerCase() === p.toLowerCase());
}
