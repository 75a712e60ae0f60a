/**
 * The line diff: shared preparation, then Myers, then compaction, then hunks — the pipeline of xdiff's
 * xdl_do_diff + xdl_change_compact + xdl_build_script.
 *
 * Preparation (xprepare.c): the common head and tail are trimmed, and lines that do not occur at all in the other
 * sequence are marked changed at once and left out of the search (they can never be part of a common
 * subsequence), as are frequent lines stranded among them (xdiff's multimatch rule). On typical files (a few edits
 * in thousands of lines) the search then runs on a handful of lines.
 */

import { compactChanges } from './compact';
import { myersDiff } from './myers';

/** A changed region: a[aStart, aStart+aLen) was replaced by b[bStart, bStart+bLen). */
export interface DiffHunk {
  aStart: number;
  aLen: number;
  bStart: number;
  bLen: number;
}

/** xdiff's lower bound for the search budget (XDL_MAX_COST_MIN). */
const MIN_MAX_COST = 256;

/** Diffs two id sequences (see intern.ts) and returns the changed regions in order. */
export function diffIds(a: Int32Array, b: Int32Array): DiffHunk[] {
  const n = a.length;
  const m = b.length;
  const flagsA = new Uint8Array(n + 2);
  const flagsB = new Uint8Array(m + 2);

  let head = 0;
  while (head < n && head < m && a[head] === b[head]) head++;
  let tail = 0;
  while (tail < n - head && tail < m - head && a[n - 1 - tail] === b[m - 1 - tail]) tail++;

  markMiddle(a, b, head, n - tail, m - tail, flagsA, flagsB);

  compactChanges(a, flagsA, b, flagsB);
  compactChanges(b, flagsB, a, flagsA);
  return buildHunks(flagsA, n, flagsB, m);
}

/**
 * Marks changed lines of the middle parts a[head, endA) and b[head, endB) (xdl_cleanup_records + xdl_recs_cmp).
 * Each middle line is classified by how often it occurs in the whole other sequence, as xdiff counts it: never
 * (changed at once, left out of the search), often (at least ~√N times: left out too when it sits among lines
 * that never occur, see multimatchDiscarded), or normally (searched). Counting over the whole sequence, not the
 * middle, matters: it is what makes Myers choose among equally short paths the one git chooses.
 */
function markMiddle(a: Int32Array, b: Int32Array, head: number, endA: number, endB: number, flagsA: Uint8Array, flagsB: Uint8Array): void {
  if (head === endA || head === endB) {
    for (let i = head; i < endA; i++) flagsA[i + 1] = 1;
    for (let i = head; i < endB; i++) flagsB[i + 1] = 1;
    return;
  }
  const { countA, countB, keyA, keyB } = occurrences(a, b);
  const keptA = keep(keyA, countB, equalityLimit(a.length), head, endA, flagsA);
  const keptB = keep(keyB, countA, equalityLimit(b.length), head, endB, flagsB);

  const ra = pick(a, keptA);
  const rb = pick(b, keptB);
  const changedA = new Uint8Array(ra.length);
  const changedB = new Uint8Array(rb.length);
  myersDiff({ a: ra, b: rb, changedA, changedB, maxCost: maxCost(ra.length + rb.length + 3) });
  flagKept(keptA, changedA, flagsA);
  flagKept(keptB, changedB, flagsB);
}

/** Carries the search's verdicts back: the kept line kept[i] is changed when changed[i] is set. */
function flagKept(kept: Int32Array, changed: Uint8Array, flags: Uint8Array): void {
  for (let i = 0; i < kept.length; i++) if (changed[i]) flags[kept[i] + 1] = 1;
}

/** xdiff's XDL_MAX_EQLIMIT: a line counts as "often" from min(√N, this) occurrences. */
const MAX_EQ_LIMIT = 1024;

function equalityLimit(length: number): number {
  return Math.min(bogoSqrt(length), MAX_EQ_LIMIT);
}

/** xdl_bogosqrt: a power of two near √n. */
function bogoSqrt(n: number): number {
  let root = 1;
  for (let v = n; v > 0; v >>= 2) root <<= 1;
  return root;
}

/**
 * How often each line occurs in the whole of a and of b: countA[keyA[i]] and countB[keyB[j]]. A counting array
 * indexed by id replaces a Map (on a 200k-line file maps took ~10% of the merge). Ids are dense (intern.ts), so
 * the array is usually about as long as the file and the keys are the ids themselves. The sub-diffs of conflict
 * refinement are short sequences whose ids spread over the whole file: there the ids are first renumbered
 * densely, so as not to allocate a file-sized array per conflict.
 */
function occurrences(a: Int32Array, b: Int32Array): { countA: Int32Array; countB: Int32Array; keyA: Int32Array; keyB: Int32Array } {
  let max = maxOf(b, maxOf(a, 0));
  let keyA = a;
  let keyB = b;
  if (max > 2 * (a.length + b.length) + 1024) {
    const local = new Map<number, number>();
    const renumber = (seq: Int32Array) =>
      seq.map((id) => {
        let k = local.get(id);
        if (k === undefined) local.set(id, (k = local.size));
        return k;
      });
    keyA = renumber(a);
    keyB = renumber(b);
    max = local.size;
  }
  return { countA: countOf(keyA, max), countB: countOf(keyB, max), keyA, keyB };
}

// One loop a function, here and in `keep`: a whole merge runs each loop once over the whole file, cold, and V8 then
// compiles the function around a running loop (OSR), code that deoptimises at the first statement after the loop
// that had not run yet (back to the interpreter for the next loop, compiled again, and so on). A function that
// returns after its loop has no such statement. base→mine's `occurrences` + `keep`, fresh process: 39 → 20 ms.

/** The largest of `seq`'s ids and `max`. */
function maxOf(seq: Int32Array, max: number): number {
  for (let i = 0; i < seq.length; i++) if (seq[i] > max) max = seq[i];
  return max;
}

/** How often each key (0..max) occurs in `keys`. */
function countOf(keys: Int32Array, max: number): Int32Array {
  const count = new Int32Array(max + 1);
  for (let i = 0; i < keys.length; i++) count[keys[i]]++;
  return count;
}

const NO_MATCH = 0;
const MATCH = 1;
const MANY = 2;

/**
 * Indices in [start, end) of the lines to search; the others are marked changed right away (xdl_cleanup_records).
 * `otherCount` says how often each key occurs in the other sequence; `limit` is where "often" begins.
 */
function keep(keys: Int32Array, otherCount: Int32Array, limit: number, start: number, end: number, flags: Uint8Array): Int32Array {
  return kept(classify(keys, otherCount, limit, start, end), start, flags);
}

/** Each line of keys[start, end) as NO_MATCH, MATCH or MANY, by how often it occurs in the other sequence. */
function classify(keys: Int32Array, otherCount: Int32Array, limit: number, start: number, end: number): Uint8Array {
  const dis = new Uint8Array(end - start);
  for (let i = start; i < end; i++) {
    const nm = otherCount[keys[i]];
    dis[i - start] = nm === 0 ? NO_MATCH : nm >= limit ? MANY : MATCH;
  }
  return dis;
}

/** The indices (from `start`) of the classified lines to search; flags the others changed. */
function kept(dis: Uint8Array, start: number, flags: Uint8Array): Int32Array {
  const out = new Int32Array(dis.length);
  let k = 0;
  for (let i = 0; i < dis.length; i++) {
    if (dis[i] === MATCH || (dis[i] === MANY && !multimatchDiscarded(dis, i))) out[k++] = start + i;
    else flags[start + i + 1] = 1;
  }
  return out.subarray(0, k);
}

/** xdiff's XDL_SIMSCAN_WINDOW: how far xdl_clean_mmatch looks around a line. */
const SIMSCAN_WINDOW = 100;
/** xdiff's XDL_KPDIS_RUN. */
const KPDIS_RUN = 4;

/**
 * xdl_clean_mmatch: a frequent line (a '}' or a blank) is left out of the search when it sits in a run of lines
 * that never occur in the other file, with such lines on both sides and frequent lines less than a quarter of the
 * run — matching it there would only tie unrelated changes together.
 */
function multimatchDiscarded(dis: Uint8Array, i: number): boolean {
  const s = Math.max(0, i - SIMSCAN_WINDOW);
  const e = Math.min(dis.length - 1, i + SIMSCAN_WINDOW);
  let rdis0 = 0;
  let rpdis0 = 1;
  for (let r = 1; i - r >= s; r++) {
    if (dis[i - r] === NO_MATCH) rdis0++;
    else if (dis[i - r] === MANY) rpdis0++;
    else break;
  }
  if (rdis0 === 0) return false;
  let rdis1 = 0;
  let rpdis1 = 1;
  for (let r = 1; i + r <= e; r++) {
    if (dis[i + r] === NO_MATCH) rdis1++;
    else if (dis[i + r] === MANY) rpdis1++;
    else break;
  }
  if (rdis1 === 0) return false;
  rdis1 += rdis0;
  rpdis1 += rpdis0;
  return rpdis1 * KPDIS_RUN < rpdis1 + rdis1;
}

function pick(seq: Int32Array, indices: Int32Array): Int32Array {
  const out = new Int32Array(indices.length);
  for (let i = 0; i < indices.length; i++) out[i] = seq[indices[i]];
  return out;
}

/** xdiff's budget: about the square root of the number of diagonals (xdl_bogosqrt), at least MIN_MAX_COST. */
function maxCost(ndiags: number): number {
  return Math.max(bogoSqrt(ndiags), MIN_MAX_COST);
}

/** Turns padded change flags into hunks. Unchanged lines of a and b pair up one to one, in order. */
function buildHunks(flagsA: Uint8Array, n: number, flagsB: Uint8Array, m: number): DiffHunk[] {
  const hunks: DiffHunk[] = [];
  let i = 0;
  let j = 0;
  while (i < n || j < m) {
    if ((i < n && flagsA[i + 1]) || (j < m && flagsB[j + 1])) {
      const aStart = i;
      const bStart = j;
      while (i < n && flagsA[i + 1]) i++;
      while (j < m && flagsB[j + 1]) j++;
      hunks.push({ aStart, aLen: i - aStart, bStart, bLen: j - bStart });
    } else {
      // Unchanged lines pair up: skip the whole run (a function of its own, as the loops above: the file-long walk).
      const to = unchangedTo(flagsA, n, flagsB, m, i + 1, j + 1);
      j += to - i;
      i = to;
    }
  }
  return hunks;
}

/** From (i, j), the i where a's or b's next changed line (or the end of either) stops a run of unchanged pairs. */
function unchangedTo(flagsA: Uint8Array, n: number, flagsB: Uint8Array, m: number, i: number, j: number): number {
  while (i < n && j < m && flagsA[i + 1] === 0 && flagsB[j + 1] === 0) {
    i++;
    j++;
  }
  return i;
}
