/**
 * Test harness for the merge engine: the text-level pipeline the CLI runs (split → keys → merge3 → render), and
 * one-string views of results so that each expectation fits a line (jsdiff style).
 *
 * Comparison keys are the line contents, plus '\u0000' for a last line without a newline: git compares lines with
 * their terminator, so "x" at the end of a file and "x\n" are different lines there too.
 */
import { merge3, renderMerge, type Favor, type MergeLevel, type Merge3Result, type Rendered, type ConflictStyle, type Sides } from '../../../src/merge3';
import { splitLines, type Lines } from '../../../src/text/lines';

export const LABELS = { mine: 'mine', base: 'base', theirs: 'theirs' };

export function keysOf(l: Lines): string[] {
  return l.lines.map((s, i) => (l.eols[i] === '' ? s + '\u0000' : s));
}

export interface TextMergeOptions {
  style?: ConflictStyle;
  level?: MergeLevel;
  favor?: Favor;
  labels?: { mine: string; base: string; theirs: string };
  markerSize?: number;
}

export interface TextMerge {
  sides: Sides<Lines>;
  result: Merge3Result;
  rendered: Rendered;
  text: string;
}

/** Merges three texts as the CLI does; style defaults to 'merge', labels to mine/base/theirs. */
export function mergeTexts(base: string, mine: string, theirs: string, options: TextMergeOptions = {}): TextMerge {
  const style = options.style ?? 'merge';
  const sides = { base: splitLines(base), mine: splitLines(mine), theirs: splitLines(theirs) };
  const result = merge3(
    { base: keysOf(sides.base), mine: keysOf(sides.mine), theirs: keysOf(sides.theirs) },
    { style, level: options.level, favor: options.favor },
  );
  const renderOptions = { style, labels: options.labels ?? LABELS, markerSize: options.markerSize };
  const rendered = renderMerge(result, sides, { ...renderOptions, texts: { base, mine, theirs } });
  // The product passes the texts (runs of lines copied as slices); without them every line is copied on its own.
  // Both must give the same output, so every test through this harness checks the one against the other.
  const lineByLine = renderMerge(result, sides, renderOptions);
  expect(rendered).toEqual(lineByLine);
  return { sides, result, rendered, text: rendered.text };
}

/** Merges arrays of single-character "lines" written as strings: 'abc' is the file "a\nb\nc\n". */
export function mergeChars(base: string, mine: string, theirs: string, options: TextMergeOptions = {}): TextMerge {
  return mergeTexts(charsFile(base), charsFile(mine), charsFile(theirs), options);
}

export function charsFile(s: string): string {
  return [...s].map((c) => c + '\n').join('');
}

/** The output lines with terminators made visible: 'a\r\n' → 'a␍␊', 'a\n' → 'a␊', no terminator → 'a'. */
export function visible(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(/[^\n]*\n|[^\n]+$/g)) out.push(m[0].replace(/\r/g, '␍').replace(/\n/g, '␊'));
  return out;
}

/** The output with one line per text line joined by '|', e.g. 'a|<<<<<<< mine|b|=======|c|>>>>>>> theirs|d'. */
export function flat(text: string): string {
  return text.replace(/\n$/, '').split('\n').join('|');
}

/**
 * The hunks as one string: kind, then base/mine/theirs ranges as start+length, e.g.
 * 'same b0+1 m0+1 t0+1 / conflict b1+1 m1+1 t1+1'. A favoured conflict shows as 'mine(favored)' etc.
 */
export function showHunks(result: Merge3Result): string {
  return result.hunks
    .map((h) => {
      const r = (x: { start: number; length: number }) => `${x.start}+${x.length}`;
      const kind = h.favored ? `${h.kind}(favored)` : h.kind;
      return `${kind} b${r(h.base)} m${r(h.mine)} t${r(h.theirs)}`;
    })
    .join(' / ');
}

/** Just the hunk kinds, e.g. 'same mine same conflict'. */
export function kinds(result: Merge3Result): string {
  return result.hunks.map((h) => h.kind).join(' ');
}
