/**
 * `cabinet-merge resolve WORK PATH --mine|--theirs|--base`: settles a conflicted file wholesale with one input's
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
import { firstLink } from '../io/links';
import { readRegularFile } from '../io/read-regular';
import { fileIn, findPath, readState, sidePath, stateDir, writeState, type Side } from '../workdir/state';

export interface ResolveOptions {
  work: string;
  path: string;
  side: Side;
}

export interface ResolveRun {
  work: string;
  path: string;
  side: Side;
  /** 'written': WORK/path now holds that side's file; 'removed': that side has no such file. */
  action: 'written' | 'removed';
}

export async function runResolve(options: ResolveOptions): Promise<ResolveRun> {
  const { work, side } = options;
  const state = await readState(work);
  const p = findPath(state, work, options.path);
  const conflict = p === undefined ? undefined : state.conflicts[p];
  if (p === undefined || conflict === undefined) {
    const list = Object.keys(state.conflicts).join(', ') || '—';
    throw new CabinetError('workdir-invalid', {
      en: `${options.path}: not a conflict of this merge, so there are no sides to take; edit the file itself. Conflicts: ${list}`,
      ru: `${options.path}: это не конфликт этого слияния, версий сторон для него нет; отредактируйте сам файл. Конфликты: ${list}`,
    });
  }
  const target = fileIn(work, p);
  await refuseLink(work, p);
  const chosen = conflict.sides[side];
  let action: ResolveRun['action'];
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
  await writeState(work, state);
  return { work, path: p, side, action };
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
