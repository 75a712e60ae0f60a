/**
 * Lengths of the common beginning and end of two strings. Long stretches are compared 4 KB at a time (a native
 * string comparison), then character by character, so two multi-megabyte bundles that share most of their start cost
 * little. Pure.
 */

const STEP = 4096;

/** The length of the longest common beginning of `a` and `b`. */
export function commonPrefix(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  let i = 0;
  while (i + STEP <= n && a.slice(i, i + STEP) === b.slice(i, i + STEP)) i += STEP;
  while (i < n && a.charCodeAt(i) === b.charCodeAt(i)) i++;
  return i;
}

/** The length of the longest common end of `a` and `b`. */
export function commonSuffix(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  let i = 0;
  while (i + STEP <= n && a.slice(a.length - i - STEP, a.length - i) === b.slice(b.length - i - STEP, b.length - i)) i += STEP;
  while (i < n && a.charCodeAt(a.length - 1 - i) === b.charCodeAt(b.length - 1 - i)) i++;
  return i;
}
