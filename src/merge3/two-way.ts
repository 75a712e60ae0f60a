/**
 * Two-way "merge" of mine and theirs when no base is known: without a common ancestor nothing tells who changed
 * a line, so every region where mine and theirs differ becomes a conflict and every line they share is kept once.
 * The admin then walks exactly the differences a side-by-side diff (WinMerge) would show, in one file, with the
 * common lines already in place.
 *
 * The result has the shape of merge3's (merge3.ts), so render.ts renders it unchanged: 'same' hunks for common
 * lines, 'conflict' hunks for each differing region (one side's part may be empty: lines only one side has).
 * There is no base: every base range is empty ({ start: 0, length: 0 }); render with style 'merge'.
 * Unlike merge3's refinement, nearby differences are not joined: one diff hunk, one conflict block.
 */

import { diffIds, intern } from '../diff';
import type { Merge3Result, MergeHunk } from './merge3';

export interface TwoSides<T> {
  mine: T;
  theirs: T;
}

const NO_BASE = { start: 0, length: 0 } as const;

/** Diffs mine against theirs (comparison keys, as for merge3) and tiles both with 'same' and 'conflict' hunks. */
export function mergeTwoWay(keys: TwoSides<readonly string[]>): Merge3Result {
  const {
    ids: [mine, theirs],
  } = intern([keys.mine, keys.theirs]);
  const hunks: MergeHunk[] = [];
  let m = 0;
  let t = 0;
  const same = (length: number) => {
    if (length > 0) hunks.push({ kind: 'same', base: { ...NO_BASE }, mine: { start: m, length }, theirs: { start: t, length } });
    m += length;
    t += length;
  };
  for (const d of diffIds(mine, theirs)) {
    same(d.aStart - m);
    hunks.push({ kind: 'conflict', base: { ...NO_BASE }, mine: { start: d.aStart, length: d.aLen }, theirs: { start: d.bStart, length: d.bLen } });
    m = d.aStart + d.aLen;
    t = d.bStart + d.bLen;
  }
  same(mine.length - m);
  return { hunks, conflicts: hunks.filter((h) => h.kind === 'conflict').length, favored: 0 };
}
