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
import { fileIn, findPath, readState, sidePath, writeState, type Side } from '../workdir/state';

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
  const chosen = conflict.sides[side];
  let action: ResolveRun['action'];
  if (chosen) {
    const bytes = await fs.readFile(sidePath(work, side, p));
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
