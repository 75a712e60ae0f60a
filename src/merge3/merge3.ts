/**
 * Three-way merge of line sequences, after git's xdl_merge (xdiff/xmerge.c), so that a merge that git calls clean
 * is clean here and gives the same lines.
 *
 * 1. Diff base→mine and base→theirs (diff/diff.ts).
 * 2. Walk both hunk lists in base order. A change that neither overlaps nor touches a change of the other side is
 *    taken from its side. Changes that overlap or touch form a conflict region, unless (level ≥ eager) both sides
 *    made the very same change. Consecutive regions that touch in mine or in theirs are coalesced
 *    (xdl_append_merge); one-sided ones that coalesce with a change of the other side become conflicts.
 * 3. Level 'zealous' and above refine each conflict: mine's and theirs' chunks are diffed against each other and
 *    only the differing parts stay conflicts (xdl_refine_conflicts); then conflicts separated by at most three
 *    lines — at 'zealous-alnum' also by lines with no letter or digit — are joined (xdl_simplify_non_conflicts).
 *    Style diff3 caps the level at 'eager' (a refined conflict has no base to show); style zdiff3 only moves the
 *    common head and tail of each conflict out of it (xdl_refine_zdiff3_conflicts).
 * 4. A conflict whose two sides are identical is resolved (git's refine does the same; its diff3 and zdiff3 styles
 *    do not — in zdiff3 a conflict whose sides were all common lines is left with two empty sides — which are the
 *    places where we resolve more than `git merge-file --diff3` / `--zdiff3`).
 * 5. `favor` settles the remaining conflicts for per-path strategies: 'mine', 'theirs', or 'union' (both, mine
 *    first, as git's union driver).
 *
 * The result is a list of hunks that tile mine, theirs and the output; hunks hold index ranges, never text
 * (render.ts turns them into text). Departure from git, on purpose: 'zealous-alnum' treats any Unicode letter as
 * alphanumeric (git's isalnum() sees only ASCII, so a line of Cyrillic text counts as "no alnum" there).
 */

import { diffIds, intern, type DiffHunk } from '../diff';

export type MergeLevel = 'minimal' | 'eager' | 'zealous' | 'zealous-alnum';
export type ConflictStyle = 'merge' | 'diff3' | 'zdiff3';
export type Favor = 'none' | 'mine' | 'theirs' | 'union';

export interface Merge3Options {
  style: ConflictStyle;
  /** git merge-file's default is 'zealous-alnum'. */
  level?: MergeLevel;
  favor?: Favor;
}

/** A half-open index range [start, start+length) into one side's lines. */
export interface Range {
  start: number;
  length: number;
}

/**
 * 'same': unchanged on all sides. 'mine' / 'theirs': changed on that side only (output takes it). 'both': the same
 * change on both sides, or lines common to both sides inside a refined conflict (output takes mine's copy).
 * 'conflict': the sides disagree; the output shows both. 'union': a conflict settled by keeping both sides.
 */
export type HunkKind = 'same' | 'mine' | 'theirs' | 'both' | 'conflict' | 'union';

export interface MergeHunk {
  kind: HunkKind;
  base: Range;
  mine: Range;
  theirs: Range;
  /** For a conflict settled by `favor`: which favour settled it. */
  favored?: Exclude<Favor, 'none'>;
}

export interface Merge3Result {
  hunks: MergeHunk[];
  /** Conflicts left in the output (not settled by favor). */
  conflicts: number;
  /** Conflicts settled by favor (0 unless favor is set). */
  favored: number;
}

export interface Sides<T> {
  base: T;
  mine: T;
  theirs: T;
}

const LEVELS: Record<MergeLevel, number> = { minimal: 0, eager: 1, zealous: 2, 'zealous-alnum': 3 };

/** xdl_simplify_non_conflicts joins conflicts separated by at most this many lines. */
const SIMPLIFY_GAP = 3;

/** Conflict-region modes, as in xmerge.c: 0 conflict, 1 mine, 2 theirs, 4 identical after refinement. */
type Mode = 0 | 1 | 2 | 4;

/** The outer bounds of a (possibly refined or joined) conflict region, shared by all its pieces. */
interface Region {
  b0: number;
  b1: number;
  m0: number;
  m1: number;
  t0: number;
  t1: number;
}

interface Entry {
  mode: Mode;
  i0: number;
  chg0: number;
  i1: number;
  chg1: number;
  i2: number;
  chg2: number;
  region: Region;
}

/**
 * Merges three sequences of comparison keys (lines, possibly normalised by the caller). Equal keys are equal lines.
 */
export function merge3(keys: Sides<readonly string[]>, options: Merge3Options): Merge3Result {
  const { ids } = intern([keys.base, keys.mine, keys.theirs]);
  const [base, mine, theirs] = ids;
  const style = options.style;
  let level = LEVELS[options.level ?? 'zealous-alnum'];
  if (style === 'diff3' && level > LEVELS.eager) level = LEVELS.eager;

  const d1 = diffIds(base, mine);
  const d2 = diffIds(base, theirs);
  const identical: Entry[] = [];
  const entries = walk(d1, d2, { base: base.length, mine: mine.length, theirs: theirs.length }, mine, theirs, level, identical);

  if (style === 'zdiff3') {
    trimCommonEdges(entries, mine, theirs);
  } else if (level >= LEVELS.zealous) {
    const refined = refine(entries, mine, theirs);
    simplify(refined, level > LEVELS.zealous ? (i) => hasAlnum(keys.mine[i]) : null);
    entries.splice(0, entries.length, ...refined);
  }
  const hunks = tile(entries, identical, base.length, mine.length);
  return settle(hunks, mine, theirs, options.favor ?? 'none');
}

function region(i0: number, chg0: number, i1: number, chg1: number, i2: number, chg2: number): Region {
  return { b0: i0, b1: i0 + chg0, m0: i1, m1: i1 + chg1, t0: i2, t1: i2 + chg2 };
}

/** xdl_append_merge: appends a region, or coalesces it with the last one when they overlap or touch. */
function append(list: Entry[], mode: Mode, i0: number, chg0: number, i1: number, chg1: number, i2: number, chg2: number): void {
  const m = list[list.length - 1];
  if (m && (i1 <= m.i1 + m.chg1 || i2 <= m.i2 + m.chg2)) {
    if (mode !== m.mode) m.mode = 0;
    m.chg0 = i0 + chg0 - m.i0;
    m.chg1 = i1 + chg1 - m.i1;
    m.chg2 = i2 + chg2 - m.i2;
    m.region = region(m.i0, m.chg0, m.i1, m.chg1, m.i2, m.chg2);
  } else {
    list.push({ mode, i0, chg0, i1, chg1, i2, chg2, region: region(i0, chg0, i1, chg1, i2, chg2) });
  }
}

function sameIds(a: Int32Array, aStart: number, b: Int32Array, bStart: number, len: number): boolean {
  for (let k = 0; k < len; k++) if (a[aStart + k] !== b[bStart + k]) return false;
  return true;
}

/**
 * xdl_do_merge's walk over the two scripts. Diff hunks are base→side: aStart/aLen in base, bStart/bLen in the side.
 * Identical changes (level ≥ eager) are not appended, as in git; they are collected in `identical` for tiling.
 */
function walk(
  d1: DiffHunk[],
  d2: DiffHunk[],
  lengths: Sides<number>,
  mine: Int32Array,
  theirs: Int32Array,
  level: number,
  identical: Entry[],
): Entry[] {
  const list: Entry[] = [];
  let p = 0;
  let q = 0;
  while (p < d1.length && q < d2.length) {
    const x1 = d1[p];
    const x2 = d2[q];
    if (x1.aStart + x1.aLen < x2.aStart) {
      append(list, 1, x1.aStart, x1.aLen, x1.bStart, x1.bLen, x2.bStart - x2.aStart + x1.aStart, x1.aLen);
      p++;
      continue;
    }
    if (x2.aStart + x2.aLen < x1.aStart) {
      append(list, 2, x2.aStart, x2.aLen, x1.bStart - x1.aStart + x2.aStart, x2.aLen, x2.bStart, x2.bLen);
      q++;
      continue;
    }
    const same =
      level > LEVELS.minimal &&
      x1.aStart === x2.aStart &&
      x1.aLen === x2.aLen &&
      x1.bLen === x2.bLen &&
      sameIds(mine, x1.bStart, theirs, x2.bStart, x1.bLen);
    if (same) {
      identical.push({
        mode: 4,
        i0: x1.aStart,
        chg0: x1.aLen,
        i1: x1.bStart,
        chg1: x1.bLen,
        i2: x2.bStart,
        chg2: x2.bLen,
        region: region(x1.aStart, x1.aLen, x1.bStart, x1.bLen, x2.bStart, x2.bLen),
      });
    } else {
      const off = x1.aStart - x2.aStart;
      const ffo = off + x1.aLen - x2.aLen;
      let i0 = x1.aStart;
      let i1 = x1.bStart;
      let i2 = x2.bStart;
      if (off > 0) {
        i0 -= off;
        i1 -= off;
      } else {
        i2 += off;
      }
      let chg0 = x1.aStart + x1.aLen - i0;
      let chg1 = x1.bStart + x1.bLen - i1;
      let chg2 = x2.bStart + x2.bLen - i2;
      if (ffo < 0) {
        chg0 -= ffo;
        chg1 -= ffo;
      } else {
        chg2 += ffo;
      }
      append(list, 0, i0, chg0, i1, chg1, i2, chg2);
    }
    const end1 = x1.aStart + x1.aLen;
    const end2 = x2.aStart + x2.aLen;
    if (end1 >= end2) q++;
    if (end2 >= end1) p++;
  }
  // Past the other side's last change, base and that side line up by its total growth.
  for (; p < d1.length; p++) {
    const x1 = d1[p];
    append(list, 1, x1.aStart, x1.aLen, x1.bStart, x1.bLen, x1.aStart + lengths.theirs - lengths.base, x1.aLen);
  }
  for (; q < d2.length; q++) {
    const x2 = d2[q];
    append(list, 2, x2.aStart, x2.aLen, x2.aStart + lengths.mine - lengths.base, x2.aLen, x2.bStart, x2.bLen);
  }
  return list;
}

/**
 * xdl_refine_conflicts: within each conflict, diff mine's chunk against theirs' and keep only the differing parts
 * as conflicts. Pieces keep the region of the conflict they came from.
 */
function refine(entries: Entry[], mine: Int32Array, theirs: Int32Array): Entry[] {
  const out: Entry[] = [];
  for (const m of entries) {
    if (m.mode !== 0 || m.chg1 === 0 || m.chg2 === 0) {
      out.push(m);
      continue;
    }
    const sub = diffIds(mine.subarray(m.i1, m.i1 + m.chg1), theirs.subarray(m.i2, m.i2 + m.chg2));
    if (sub.length === 0) {
      out.push({ ...m, mode: 4 });
      continue;
    }
    for (const h of sub) {
      out.push({ mode: 0, i0: m.i0, chg0: m.chg0, i1: m.i1 + h.aStart, chg1: h.aLen, i2: m.i2 + h.bStart, chg2: h.bLen, region: m.region });
    }
  }
  return out;
}

/**
 * xdl_simplify_non_conflicts: joins two consecutive conflicts when at most SIMPLIFY_GAP lines separate them, or
 * (alnum given) when none of the lines between has a letter or digit. Joined pieces share one widened region.
 */
function simplify(list: Entry[], alnumAt: ((mineIndex: number) => boolean) | null): void {
  let k = 0;
  while (k + 1 < list.length) {
    const m = list[k];
    const next = list[k + 1];
    const begin = m.i1 + m.chg1;
    const end = next.i1;
    const join =
      m.mode === 0 && next.mode === 0 && (end - begin <= SIMPLIFY_GAP || (alnumAt !== null && !anyAlnum(alnumAt, begin, end)));
    if (!join) {
      k++;
      continue;
    }
    m.chg0 = next.i0 + next.chg0 - m.i0;
    m.chg1 = next.i1 + next.chg1 - m.i1;
    m.chg2 = next.i2 + next.chg2 - m.i2;
    if (m.region !== next.region) {
      const absorbed = next.region;
      const r = m.region;
      r.b1 = absorbed.b1;
      r.m1 = absorbed.m1;
      r.t1 = absorbed.t1;
      for (const e of list) if (e.region === absorbed) e.region = r;
    }
    list.splice(k + 1, 1);
  }
}

function anyAlnum(alnumAt: (i: number) => boolean, begin: number, end: number): boolean {
  for (let i = begin; i < end; i++) if (alnumAt(i)) return true;
  return false;
}

const ALNUM = /[\p{L}\p{N}]/u;

function hasAlnum(line: string): boolean {
  return ALNUM.test(line);
}

/** xdl_refine_zdiff3_conflicts: moves lines common to both sides at a conflict's head and tail out of it. */
function trimCommonEdges(entries: Entry[], mine: Int32Array, theirs: Int32Array): void {
  for (const m of entries) {
    if (m.mode !== 0) continue;
    while (m.chg1 && m.chg2 && mine[m.i1] === theirs[m.i2]) {
      m.i1++;
      m.i2++;
      m.chg1--;
      m.chg2--;
    }
    while (m.chg1 && m.chg2 && mine[m.i1 + m.chg1 - 1] === theirs[m.i2 + m.chg2 - 1]) {
      m.chg1--;
      m.chg2--;
    }
  }
}

const KIND_OF_MODE: Record<Mode, HunkKind> = { 0: 'conflict', 1: 'mine', 2: 'theirs', 4: 'both' };

/**
 * Turns the entry list into hunks that tile base, mine and theirs. Lines between entries are 'same' (split around
 * identical changes, which git leaves out of the list), except inside a refined region, where lines common to both
 * sides are 'both' with an empty base range (the region's pieces each refer to the region's whole base range).
 */
function tile(entries: Entry[], identical: Entry[], baseLength: number, mineLength: number): MergeHunk[] {
  const hunks: MergeHunk[] = [];
  const pos = { b: 0, m: 0, t: 0 };
  let ident = 0;

  const push = (kind: HunkKind, b: number, bl: number, m: number, ml: number, t: number, tl: number) => {
    if (bl === 0 && ml === 0 && tl === 0) return;
    const last = hunks[hunks.length - 1];
    if (last && last.kind === kind && (kind === 'same' || kind === 'both') && last.mine.start + last.mine.length === m) {
      last.base.length += bl;
      last.mine.length += ml;
      last.theirs.length += tl;
      return;
    }
    hunks.push({ kind, base: { start: b, length: bl }, mine: { start: m, length: ml }, theirs: { start: t, length: tl } });
  };

  /** Unchanged lines from the current position up to mine index `mEnd`, with identical changes in between. */
  const gapTo = (mEnd: number, bEnd: number) => {
    // Identical changes that a coalesced region swallowed lie behind the current position: skip them.
    while (ident < identical.length && (identical[ident].i0 < pos.b || identical[ident].i1 < pos.m)) ident++;
    while (ident < identical.length) {
      const x = identical[ident];
      if (x.i0 + x.chg0 > bEnd || x.i1 + x.chg1 > mEnd) break;
      const len = x.i1 - pos.m;
      push('same', pos.b, len, pos.m, len, pos.t, len);
      push('both', x.i0, x.chg0, x.i1, x.chg1, x.i2, x.chg2);
      pos.b = x.i0 + x.chg0;
      pos.m = x.i1 + x.chg1;
      pos.t = x.i2 + x.chg2;
      ident++;
    }
    const len = mEnd - pos.m;
    push('same', pos.b, len, pos.m, len, pos.t, len);
    pos.b += len;
    pos.m += len;
    pos.t += len;
  };

  /** Lines common to mine and theirs inside a region, up to the given mine/theirs indices. */
  const commonTo = (r: Region, mEnd: number, tEnd: number) => {
    push('both', r.b0, 0, pos.m, mEnd - pos.m, pos.t, tEnd - pos.t);
    pos.m = mEnd;
    pos.t = tEnd;
  };

  for (let k = 0; k < entries.length; k++) {
    const e = entries[k];
    const r = e.region;
    const prev = entries[k - 1];
    if (!prev || prev.region !== r) gapTo(r.m0, r.b0);
    commonTo(r, e.i1, e.i2);
    push(KIND_OF_MODE[e.mode], e.mode === 0 ? r.b0 : e.i0, e.mode === 0 ? r.b1 - r.b0 : e.chg0, e.i1, e.chg1, e.i2, e.chg2);
    pos.m = e.i1 + e.chg1;
    pos.t = e.i2 + e.chg2;
    const next = entries[k + 1];
    if (!next || next.region !== r) {
      commonTo(r, r.m1, r.t1);
      pos.b = r.b1;
    }
  }
  gapTo(mineLength, baseLength);
  return hunks;
}

/** Resolves conflicts with identical sides, then applies `favor` to the rest; counts what is left. */
function settle(hunks: MergeHunk[], mine: Int32Array, theirs: Int32Array, favor: Favor): Merge3Result {
  let conflicts = 0;
  let favored = 0;
  for (const h of hunks) {
    if (h.kind !== 'conflict') continue;
    if (h.mine.length === h.theirs.length && sameIds(mine, h.mine.start, theirs, h.theirs.start, h.mine.length)) {
      h.kind = 'both';
    } else if (favor === 'none') {
      conflicts++;
    } else {
      favored++;
      h.favored = favor;
      h.kind = favor === 'union' ? 'union' : favor;
    }
  }
  return { hunks, conflicts, favored };
}
