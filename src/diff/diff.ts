/**
 * The line diff: shared preparation, then Myers, then compaction, then hunks — the pipeline of xdiff's
 * xdl_do_diff + xdl_change_compact + xdl_build_script.
 *
 * Preparation (xprepare.c): the common head and tail are trimmed, and lines that do not occur at all in the other
 * sequence are marked changed at once and left out of the search (they can never be part of a common
 * subsequence, so the result stays minimal). On typical files (a few edits in thousands of lines) the search then
 * runs on a handful of lines.
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

  markMiddle(a.subarray(head, n - tail), b.subarray(head, m - tail), flagsA, flagsB, head);

  compactChanges(a, flagsA, b, flagsB);
  compactChanges(b, flagsB, a, flagsA);
  return buildHunks(flagsA, n, flagsB, m);
}

/** Marks changed lines of the trimmed middle parts; `shift` is where they start in the full sequences. */
function markMiddle(a: Int32Array, b: Int32Array, flagsA: Uint8Array, flagsB: Uint8Array, shift: number): void {
  if (a.length === 0 || b.length === 0) {
    for (let i = 0; i < a.length; i++) flagsA[shift + i + 1] = 1;
    for (let i = 0; i < b.length; i++) flagsB[shift + i + 1] = 1;
    return;
  }
  const { bits, keyA, keyB } = presence(a, b);
  const keptA = keep(keyA, bits, IN_B, flagsA, shift);
  const keptB = keep(keyB, bits, IN_A, flagsB, shift);

  const ra = pick(a, keptA);
  const rb = pick(b, keptB);
  const changedA = new Uint8Array(ra.length);
  const changedB = new Uint8Array(rb.length);
  myersDiff({ a: ra, b: rb, changedA, changedB, maxCost: maxCost(ra.length + rb.length + 3) });
  for (let i = 0; i < keptA.length; i++) if (changedA[i]) flagsA[shift + keptA[i] + 1] = 1;
  for (let i = 0; i < keptB.length; i++) if (changedB[i]) flagsB[shift + keptB[i] + 1] = 1;
}

const IN_A = 1;
const IN_B = 2;

/**
 * Which lines occur in a and in b: `bits[key] & IN_A`, `bits[key] & IN_B`, where keyA/keyB give each line's key.
 * A byte array indexed by id replaces a Set<number>, which hashes and allocates per entry (on a 200k-line file the
 * sets took ~10% of the merge). Ids are dense (intern.ts), so the array is usually about as long as the file and
 * the keys are the ids themselves. The sub-diffs of conflict refinement are short sequences whose ids spread over
 * the whole file: there the ids are first renumbered densely, so as not to allocate a file-sized array per conflict.
 */
function presence(a: Int32Array, b: Int32Array): { bits: Uint8Array; keyA: Int32Array; keyB: Int32Array } {
  let max = 0;
  for (let i = 0; i < a.length; i++) if (a[i] > max) max = a[i];
  for (let i = 0; i < b.length; i++) if (b[i] > max) max = b[i];
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
  const bits = new Uint8Array(max + 1);
  for (let i = 0; i < keyA.length; i++) bits[keyA[i]] |= IN_A;
  for (let i = 0; i < keyB.length; i++) bits[keyB[i]] |= IN_B;
  return { bits, keyA, keyB };
}

/** Indices of seq whose line occurs in the other sequence (`bit`); the others are marked changed right away. */
function keep(keys: Int32Array, bits: Uint8Array, bit: number, flags: Uint8Array, shift: number): Int32Array {
  const kept = new Int32Array(keys.length);
  let k = 0;
  for (let i = 0; i < keys.length; i++) {
    if (bits[keys[i]] & bit) kept[k++] = i;
    else flags[shift + i + 1] = 1;
  }
  return kept.subarray(0, k);
}

function pick(seq: Int32Array, indices: Int32Array): Int32Array {
  const out = new Int32Array(indices.length);
  for (let i = 0; i < indices.length; i++) out[i] = seq[indices[i]];
  return out;
}

/** xdiff's budget: about the square root of the number of diagonals (xdl_bogosqrt), at least MIN_MAX_COST. */
function maxCost(ndiags: number): number {
  let root = 1;
  for (let v = ndiags; v > 0; v >>= 2) root <<= 1;
  return Math.max(root, MIN_MAX_COST);
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
      i++;
      j++;
    }
  }
  return hunks;
}
