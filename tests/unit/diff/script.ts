/**
 * Checks on an edit script (diffIds' hunks), shared by the unit and property tests. An edit script is correct when
 * its hunks are in order, non-empty and apart, and the lines between them are equal in a and b; applying it to a
 * then gives b.
 */
import type { DiffHunk } from '../../../src/diff';

/** Lines as ids: every character of s is one line, 'abca' → [0, 1, 2, 0] (a=0, b=1, …). */
export function ids(s: string): Int32Array {
  return Int32Array.from([...s], (c) => c.charCodeAt(0) - 97);
}

/** Hunks as one string, 'aStart-aLen+bLen@bStart' per hunk: '1-1+2@1 4-0+1@5'. */
export function showScript(hunks: readonly DiffHunk[]): string {
  return hunks.map((h) => `${h.aStart}-${h.aLen}+${h.bLen}@${h.bStart}`).join(' ');
}

/** Applies the hunks to a, taking inserted lines from b. */
export function applyScript<T>(a: ArrayLike<T>, b: ArrayLike<T>, hunks: readonly DiffHunk[]): T[] {
  const out: T[] = [];
  let i = 0;
  for (const h of hunks) {
    for (; i < h.aStart; i++) out.push(a[i]);
    for (let j = h.bStart; j < h.bStart + h.bLen; j++) out.push(b[j]);
    i = h.aStart + h.aLen;
  }
  for (; i < a.length; i++) out.push(a[i]);
  return out;
}

/** Why the script is not a correct edit script from a to b, or '' when it is. */
export function scriptError(a: ArrayLike<number>, b: ArrayLike<number>, hunks: readonly DiffHunk[]): string {
  let i = 0;
  let j = 0;
  for (const [k, h] of hunks.entries()) {
    if (h.aLen === 0 && h.bLen === 0) return `hunk ${k} is empty`;
    if (h.aStart < i || h.bStart < j) return `hunk ${k} starts before the end of the previous one`;
    if (k > 0 && h.aStart === i && h.bStart === j) return `hunk ${k} touches the previous one`;
    if (h.aStart - i !== h.bStart - j) return `unchanged run before hunk ${k} has different lengths`;
    for (; i < h.aStart; i++, j++) if (a[i] !== b[j]) return `a[${i}] ≠ b[${j}] but both unchanged`;
    i = h.aStart + h.aLen;
    j = h.bStart + h.bLen;
  }
  if (i > a.length || j > b.length) return 'hunks run past the end';
  if (a.length - i !== b.length - j) return 'unchanged tail has different lengths';
  for (; i < a.length; i++, j++) if (a[i] !== b[j]) return `a[${i}] ≠ b[${j}] but both unchanged`;
  const applied = applyScript(a, b, hunks);
  if (applied.length !== b.length || applied.some((x, k) => x !== b[k])) return 'applying the script does not give b';
  return '';
}

/** Number of changed lines (deleted + inserted). */
export function scriptCost(hunks: readonly DiffHunk[]): number {
  return hunks.reduce((s, h) => s + h.aLen + h.bLen, 0);
}

/** The minimal number of deleted + inserted lines, by the textbook LCS table (small inputs only). */
export function minimalCost(a: ArrayLike<number>, b: ArrayLike<number>): number {
  const n = a.length;
  const m = b.length;
  let prev = new Array<number>(m + 1).fill(0);
  for (let i = 1; i <= n; i++) {
    const row = new Array<number>(m + 1).fill(0);
    for (let j = 1; j <= m; j++) row[j] = a[i - 1] === b[j - 1] ? prev[j - 1] + 1 : Math.max(prev[j], row[j - 1]);
    prev = row;
  }
  return n + m - 2 * prev[m];
}
