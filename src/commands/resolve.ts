/**
 * `cabinet-merge resolve WORK PATH… [--all] --mine|--theirs|--base`: settles conflicted files (paths, globs such as
 * 'ace/**', or with --all every conflict still unsettled) wholesale with one input's
 * version, saved in WORK/.cabinet-merge/sides/ at merge time — for binary files and modify/delete conflicts, which
 * no editor can settle, and for a text file the admin wants as one side entirely (all of that side's lines, none
 * of the other's changes: unlike a `mine`/`theirs` rule, which settles conflicting hunks only). When the chosen
 * side has no such file (the side that deleted it), the file is removed from WORK. The decision is recorded.
 */

import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { CabinetError } from '../errors';
import { writeFileAtomic } from '../io/atomic';
import { sha256 } from '../hash';
import micromatch from 'micromatch';
import { firstLink } from '../io/links';
import { readRegularFile } from '../io/read-regular';
import { readEdited } from '../workdir/format';
import { hasMarkers, scanMarkers } from '../workdir/markers';
import { fileIn, findPath, readState, sidePath, stateDir, writeState, type ConflictState, type FileState, type Side, type WorkState } from '../workdir/state';
import { checkWorkdirPath } from '../workdir/locate';

export interface ResolveOptions {
  work: string;
  /** Files as status shows them, or glob patterns ('ace/**') over the conflicts' paths. */
  paths: string[];
  /** Every conflict still unsettled (markers left, or waiting for a decision), besides `paths`. */
  all?: boolean;
  side: Side;
}

export interface ResolvedFile {
  path: string;
  /** 'written': WORK/path now holds that side's file; 'removed': that side has no such file. */
  action: 'written' | 'removed';
}

export interface ResolveRun {
  work: string;
  side: Side;
  /** One item per file settled, in path order. */
  files: ResolvedFile[];
}

const GLOB = /[*?[\]{}]/;

/** Whether a conflict still waits: no decision, and its file is missing, needs a decision, or still holds markers. */
async function unsettled(work: string, p: string, c: ConflictState, known: FileState | undefined): Promise<boolean> {
  if (c.decision) return false;
  if (c.settle === 'decision') return true;
  const bytes = await fs.readFile(fileIn(work, p)).catch(() => undefined);
  if (!bytes) return true;
  const text = readEdited(bytes, known?.text ?? c.sides.theirs?.text);
  return text !== undefined && hasMarkers(scanMarkers(text.text));
}

function notAConflict(typed: string, state: WorkState, en: string, ru: string): CabinetError {
  const list = Object.keys(state.conflicts).join(', ') || '—';
  return new CabinetError('workdir-invalid', { en: `${typed}: ${en}. Conflicts: ${list}`, ru: `${typed}: ${ru}. Конфликты: ${list}` });
}

/** The conflicts `options` name: each path (a glob matching at least one), and with `all` every unsettled one. */
async function selected(options: ResolveOptions, state: WorkState): Promise<string[]> {
  const { work } = options;
  const chosen = new Set<string>();
  const conflicts = Object.keys(state.conflicts);
  for (const typed of options.paths) {
    if (GLOB.test(typed)) {
      const test = micromatch.matcher(typed.replace(/\\/g, '/').replace(/^(\.\/)+/, ''), { dot: true, nocase: true });
      const hits = conflicts.filter((p) => test(p));
      if (!hits.length) throw notAConflict(typed, state, 'matches no conflict of this merge', 'не подходит ни к одному конфликту этого слияния');
      hits.forEach((p) => chosen.add(p));
      continue;
    }
    const p = findPath(state, work, typed);
    if (p === undefined || state.conflicts[p] === undefined) {
      throw notAConflict(
        typed,
        state,
        'not a conflict of this merge, so there are no sides to take; edit the file itself',
        'это не конфликт этого слияния, версий сторон для него нет; отредактируйте сам файл',
      );
    }
    chosen.add(p);
  }
  if (options.all) {
    for (const p of conflicts) if (await unsettled(work, p, state.conflicts[p], state.files[p])) chosen.add(p);
  }
  return [...chosen].sort();
}

export async function runResolve(options: ResolveOptions): Promise<ResolveRun> {
  const { work, side } = options;
  await checkWorkdirPath(work, 'resolve');
  const state = await readState(work);
  const files: ResolvedFile[] = [];
  for (const p of await selected(options, state)) files.push({ path: p, action: await resolveOne(work, state, p, side) });
  if (files.length) await writeState(work, state);
  return { work, side, files };
}

/** Puts `side`'s version of the conflicted `p` into WORK (or removes the file) and records the decision in `state`. */
async function resolveOne(work: string, state: WorkState, p: string, side: Side): Promise<ResolvedFile['action']> {
  const conflict = state.conflicts[p];
  const target = fileIn(work, p);
  await refuseLink(work, p);
  const chosen = conflict.sides[side];
  let action: ResolvedFile['action'];
  if (chosen) {
    const bytes = await readSide(work, side, p);
    await fs.mkdir(path.dirname(target), { recursive: true });
    await writeFileAtomic(target, bytes);
    const date = new Date(chosen.date);
    await fs.utimes(target, date, date);
    state.files[p] = { date: chosen.date, sha256: sha256(bytes), ...(chosen.text ? { text: chosen.text } : {}) };
    action = 'written';
  } else {
    await fs.rm(target, { force: true });
    delete state.files[p];
    action = 'removed';
  }
  conflict.decision = { side, at: new Date().toISOString() };
  return action;
}

/** A symbolic link on the way to WORK/p: writing or deleting there would change a file outside WORK (as pack refuses). */
async function refuseLink(work: string, p: string): Promise<void> {
  const link = await firstLink(work, p);
  if (link === undefined) return;
  throw new CabinetError('input-unsafe', {
    en: `${link}: refused because it is a symbolic link or junction; resolve would write through it, outside the working folder. Replace it with a copy of what it points to, or remove it`,
    ru: `${link}: отклонено, потому что это символическая ссылка или точка соединения; resolve записал бы через неё за пределы рабочей папки. Замените её копией того, на что она указывает, или удалите`,
  });
}

/** The saved side of a conflict, as a regular file that is really inside the state folder (no links, no pipes). */
async function readSide(work: string, side: Side, p: string): Promise<Buffer> {
  const sides = path.join(stateDir(work), 'sides');
  const link = await firstLink(sides, `${side}/${p}`);
  try {
    if (link !== undefined) throw Object.assign(new Error('a symbolic link'), { code: 'ELINK' });
    return await readRegularFile(sidePath(work, side, p));
  } catch (e) {
    const why = (e as NodeJS.ErrnoException).code ?? (e as Error).message;
    throw new CabinetError(
      'workdir-invalid',
      {
        en: `${sidePath(work, side, p)}: the saved ${side} version cannot be read (${why}); the working folder is damaged. Make a new one with merge --out-dir`,
        ru: `${sidePath(work, side, p)}: сохранённую версию ${side} не удаётся прочитать (${why}); рабочая папка повреждена. Создайте новую через merge --out-dir`,
      },
      { cause: e },
    );
  }
}
