/**
 * Word-level differences for the HTML report's conflict view: which words of a conflict section differ from the
 * section it is compared with. The line diff (src/diff) runs on word tokens instead of lines, the way
 * `git diff --word-diff` reuses its line machinery; the result is character ranges the page highlights.
 */

import { diffIds, intern } from '../diff';

/**
 * Words (letters, digits, underscore — Cyrillic included), runs of blanks, a newline, or any other single
 * character. A newline is a token of its own so that a changed line does not drag its neighbours in.
 */
const TOKEN = /[\p{L}\p{N}_]+|[^\S\n]+|\n|[^]/gu;

/**
 * Above this many tokens on the two sides together a conflict is shown without word highlights: the diff has a
 * cost budget and would not hang, but a whole-file add/add conflict of a minified script is not read word by word.
 */
export const MAX_WORD_TOKENS = 60_000;

export function tokenize(text: string): string[] {
  return text.match(TOKEN) ?? [];
}

/** A half-open range [from, to) of UTF-16 offsets. */
export type CharRange = [from: number, to: number];

/**
 * The changed character ranges of `a` and of `b` (adjacent changed tokens joined into one range), or undefined
 * when the sides are too long to compare word by word (MAX_WORD_TOKENS).
 */
export function wordDiff(a: string, b: string): { a: CharRange[]; b: CharRange[] } | undefined {
  const ta = tokenize(a);
  const tb = tokenize(b);
  if (ta.length + tb.length > MAX_WORD_TOKENS) return undefined;
  const { ids } = intern([ta, tb]);
  const offA = offsets(ta);
  const offB = offsets(tb);
  const ra: CharRange[] = [];
  const rb: CharRange[] = [];
  for (const h of diffIds(ids[0], ids[1])) {
    if (h.aLen > 0) push(ra, offA[h.aStart], offA[h.aStart + h.aLen]);
    if (h.bLen > 0) push(rb, offB[h.bStart], offB[h.bStart + h.bLen]);
  }
  return { a: bridgeBlanks(a, ra), b: bridgeBlanks(b, rb) };
}

/**
 * Joins changed ranges separated only by blanks on one line: "Добро пожаловать" replaced by "Войдите, чтобы" reads
 * as one changed phrase, not as words with unchanged spaces between them.
 */
function bridgeBlanks(text: string, ranges: CharRange[]): CharRange[] {
  const out: CharRange[] = [];
  for (const r of ranges) {
    const last = out[out.length - 1];
    if (last && /^[^\S\n]*$/.test(text.slice(last[1], r[0]))) last[1] = r[1];
    else out.push([r[0], r[1]]);
  }
  return out;
}

/** offsets[i] is where token i starts; offsets[tokens.length] is the text's length. */
function offsets(tokens: readonly string[]): number[] {
  const out = new Array<number>(tokens.length + 1);
  let at = 0;
  for (let i = 0; i < tokens.length; i++) {
    out[i] = at;
    at += tokens[i].length;
  }
  out[tokens.length] = at;
  return out;
}

function push(ranges: CharRange[], from: number, to: number): void {
  const last = ranges[ranges.length - 1];
  if (last && last[1] === from) last[1] = to;
  else ranges.push([from, to]);
}

/** Joins ranges of one text from several comparisons into sorted, non-overlapping ranges. */
export function unionRanges(...lists: CharRange[][]): CharRange[] {
  const all = lists.flat().sort((x, y) => x[0] - y[0]);
  const out: CharRange[] = [];
  for (const [from, to] of all) {
    const last = out[out.length - 1];
    if (last && from <= last[1]) last[1] = Math.max(last[1], to);
    else out.push([from, to]);
  }
  return out;
}

/**
 * Maps character ranges of `lines.join('\n')` to per-line marks, flattened as [line, from, to, line, from, to, …]
 * with `line` = firstLine + index (so, a line number of the merged file) and columns in UTF-16 units. Newlines
 * themselves are never marked; empty pieces are dropped.
 */
export function lineMarks(lines: readonly string[], ranges: readonly CharRange[], firstLine: number): number[] {
  const out: number[] = [];
  let lineIndex = 0;
  let lineStart = 0;
  for (const [from, to] of ranges) {
    while (lineIndex < lines.length && lineStart + lines[lineIndex].length < from) {
      lineStart += lines[lineIndex].length + 1;
      lineIndex++;
    }
    let i = lineIndex;
    let start = lineStart;
    while (i < lines.length && start < to) {
      const a = Math.max(from, start) - start;
      const b = Math.min(to, start + lines[i].length) - start;
      if (b > a) out.push(firstLine + i, a, b);
      start += lines[i].length + 1;
      i++;
    }
  }
  return out;
}
