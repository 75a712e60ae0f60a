/**
 * The text strategy for one path: decode each side, merge lines, render markers, encode back.
 *
 * - Lines are compared without terminators (a last line without a newline compares unequal to the same line with
 *   one, as in git), so an EOL-only change of a whole file never conflicts.
 * - The result is written in theirs' encoding and BOM (the vendor's new format). When the sides' encodings differ,
 *   the merge runs on Unicode text and a note says so. When theirs' encoding cannot hold a character of the result
 *   (a windows-1251 file and an admin's 'ł'), the file is written as UTF-8 with BOM and a note names the character:
 *   never a silent '?'. A theirs that is plain ASCII says nothing about the encoding (unless it declares UTF-8 in
 *   a meta charset, @charset or XML declaration): then mine's (or base's) is kept, so an admin's windows-1251 text
 *   stays windows-1251.
 * - With ignoreWhitespace (three-way only), a whitespace-only change on one side does not conflict with a real change on the other
 *   (the real change wins); a whitespace-only change of lines the other side did not touch is kept.
 * - withoutBase (no base is known at all, as opposed to a file absent from a known base): every difference
 *   between mine and theirs is a two-way conflict block (merge3/two-way.ts), in 'merge' style.
 * - Add/add (no base) merges against an empty base in 'merge' style, so the lines the two files share are not
 *   shown as conflicting (a diff3 base section would be empty anyway).
 */

import { isAscii } from 'node:buffer';
import { mergeTwoWay } from '../merge3/two-way';
import { merge3, renderMerge, type ConflictBlock, type ConflictStyle, type Favor, type HunkKind, type Labels, type Sides } from '../merge3';
import { canEncode, decodeText, decodeTextLike, describeEncoding, encodeText, type DecodedText, type TextEncoding } from '../text/encoding';
import { eolStyle, splitLines, type EolStyle, type Lines } from '../text/lines';
import { cascade, type Granularity } from '../formats/cascade';
import { fileKind } from '../formats/kind';
import type { MergeLevelUsed } from '../formats/types';
import type { Triple } from './decide';
import { collectAfterLarge } from '../gc-hint';
import { encodingDiffers, encodingFallback, eolDiffers, type Note } from './notes';

export interface TextMergeOptions {
  style: ConflictStyle;
  labels: Labels;
  /** Compare lines ignoring changes in the amount of whitespace (git's ignore-space-change). */
  ignoreWhitespace?: boolean;
  /** No base is known (two archives only): t.base must be absent; each mine/theirs difference is a conflict. */
  withoutBase?: boolean;
  /** Settles conflicting hunks for a per-path strategy (tree/strategy.ts); ignored withoutBase. Default 'none'. */
  favor?: Favor;
  /** Below the line (formats/cascade.ts): 'lines' is git's merge alone; default 'auto', the finest safe level. */
  granularity?: Granularity;
  /**
   * Called once every side is decoded, before the line merge: mergeText reads none of `t`'s bytes after it, so the
   * caller may drop them (tree/merge-tree.ts `releaseInputs`: a 60 MB file's three inputs are 176 MB the rest of
   * the merge no longer needs). Not called when a side is not text (the caller then merges the bytes as binary).
   */
  onDecoded?: () => void;
}

/** An output range that came from a change (not from unchanged lines), for the report's "what came from where". */
export interface ChangeSpan {
  from: Exclude<HunkKind, 'same'>;
  /** 1-based first line in the merged file, and line count. */
  start: number;
  length: number;
}

export interface TextOutcome {
  bytes: Uint8Array;
  /** The merged text that `bytes` encodes (before the encoding, so no BOM). */
  text: string;
  conflicts: ConflictBlock[];
  changes: ChangeSpan[];
  encoding: TextEncoding;
  bom: boolean;
  eol: EolStyle;
  notes: Note[];
  /** Conflicting hunks settled by `favor`. */
  favored: number;
  /** The level the file was merged at (lines, tokens, json, css, html, js, yaml, markdown). */
  level: MergeLevelUsed;
}

type Side = keyof Sides<unknown>;
const SIDES: Side[] = ['base', 'mine', 'theirs'];

/**
 * Comparison keys: the content, with a NUL appended to a last line that has no terminator. Ignoring whitespace,
 * as git's ignore-space-change: trailing whitespace is dropped and every other run of it counts as one space.
 */
function keysOf(l: Lines, ignoreWhitespace: boolean): readonly string[] {
  const last0 = l.lines.length - 1;
  // The lines themselves when nothing changes (merge3 only reads its keys): no second 2M-slot array on a large file.
  if (!ignoreWhitespace && (last0 < 0 || l.eols[last0] !== '')) return l.lines;
  const keys = ignoreWhitespace ? l.lines.map((line) => line.trimEnd().replace(/\s+/g, ' ')) : l.lines.slice();
  const last = keys.length - 1;
  if (last >= 0 && l.eols[last] === '') keys[last] += '\u0000';
  return keys;
}

/** An HTML meta charset, a CSS @charset or an XML declaration naming UTF-8. */
const DECLARES_UTF8 = /(?:charset\s*=\s*["']?\s*utf-?8\b)|(?:@charset\s+["']utf-?8["'])|(?:<\?xml[^>]*encoding\s*=\s*["']utf-?8["'])/i;

/**
 * Plain ASCII without a BOM: valid in every encoding we write, so it says nothing about the file's encoding —
 * unless the file itself declares UTF-8 (a page whose meta charset says utf-8 must stay UTF-8).
 */
function encodingNeutral(d: DecodedText, bytes: Uint8Array): boolean {
  // Valid UTF-8 without a BOM is ASCII exactly when its bytes are: Node's native (SIMD) check on the bytes instead of
  // a regular expression over the decoded text (~10 ms for three 6 MB sides in a whole run).
  return d.encoding === 'utf-8' && !d.bom && isAscii(bytes) && !DECLARES_UTF8.test(d.text);
}

/**
 * Whose encoding (and BOM) the merged file is written in: theirs' — the vendor's new format — unless theirs is
 * encoding-neutral ASCII; then the first of mine and base that is not, so an admin's windows-1251 text is not
 * turned into UTF-8 just because the vendor's copy happened to be all Latin.
 */
function outputEncoding(decoded: Partial<Record<Side, DecodedText>>, present: Side[], t: Triple): Side {
  if (!encodingNeutral(decoded.theirs!, t.theirs!)) return 'theirs';
  for (const s of ['mine', 'base'] as const) if (present.includes(s) && !encodingNeutral(decoded[s]!, t[s]!)) return s;
  return 'theirs';
}

/**
 * Merges a triple as text, or returns undefined when any present side is not text (the caller treats it as
 * binary). `mine` and `theirs` must both be present; `base` may be absent (add/add).
 */
export function mergeText(t: Triple, options: TextMergeOptions): TextOutcome | undefined {
  const merged = mergeDecoded(t, options);
  if (merged === undefined) return undefined;
  // The decoded texts, lines and ids (mergeDecoded's frame) are garbage now: collected before the output's bytes
  // are allocated beside the rendered text (large files only: gc-hint.ts).
  const { text, sideChars, ...outcome } = merged;
  collectAfterLarge(sideChars);
  return { bytes: encodeText(text, outcome.encoding, outcome.bom), text, ...outcome };
}

/** Each present side decoded, or undefined when one is not text. A function of its own, so its frame holds no bytes. */
function decodeSides(t: Triple): Partial<Record<Side, DecodedText>> | undefined {
  const decoded: Partial<Record<Side, DecodedText>> = {};
  for (const side of SIDES) {
    const bytes = t[side];
    if (bytes === undefined) continue;
    // mine and theirs are mostly base (theirs mostly mine when there is no base): only what differs is decoded.
    const refSide: Side | undefined = side === 'base' ? undefined : t.base !== undefined ? 'base' : side === 'theirs' ? 'mine' : undefined;
    const d = refSide === undefined ? decodeText(bytes) : decodeTextLike(bytes, { bytes: t[refSide]!, decoded: decoded[refSide]! });
    if (d === undefined) return undefined;
    decoded[side] = d;
  }
  return decoded;
}

/** mergeText up to the rendered text: everything but encoding it. */
function mergeDecoded(t: Triple, options: TextMergeOptions): (Omit<TextOutcome, 'bytes'> & { text: string; sideChars: number }) | undefined {
  const decoded = decodeSides(t);
  if (decoded === undefined) return undefined;
  // Everything read from the bytes is read now: the output's encoding (isAscii on the bytes) and whether there is a
  // base. Then the caller may drop the bytes (onDecoded) while the merge allocates its lines and ids.
  const hasBase = t.base !== undefined;
  const present = SIDES.filter((s) => decoded[s] !== undefined);
  const target = outputEncoding(decoded, present, t);
  if (options.onDecoded) {
    const size = SIDES.reduce((n, s) => n + (t[s]?.length ?? 0), 0);
    options.onDecoded();
    // V8 frees the dropped bytes only when it collects, which it would not do before the lines below filled the heap.
    collectAfterLarge(size);
  }
  const empty: DecodedText = { text: '', encoding: decoded.theirs!.encoding, bom: false };
  const text: Sides<DecodedText> = { base: decoded.base ?? empty, mine: decoded.mine!, theirs: decoded.theirs! };
  const lines: Sides<Lines> = {
    base: splitLines(text.base.text),
    mine: splitLines(text.mine.text),
    theirs: splitLines(text.theirs.text),
  };
  const style: ConflictStyle = hasBase ? options.style : 'merge';
  // Without a base there is no "real change" for a whitespace change to yield to: every difference is shown.
  const ws = options.ignoreWhitespace === true && !options.withoutBase;
  const result = options.withoutBase
    ? mergeTwoWay({ mine: keysOf(lines.mine, ws), theirs: keysOf(lines.theirs, ws) })
    : merge3({ base: keysOf(lines.base, ws), mine: keysOf(lines.mine, ws), theirs: keysOf(lines.theirs, ws) }, { style, favor: options.favor });
  const lineRendered = renderMerge(result, lines, {
    style,
    labels: options.labels,
    keepWhitespaceChanges: ws,
    texts: { base: text.base.text, mine: text.mine.text, theirs: text.theirs.text },
  });
  // The diff's garbage goes before the levels below allocate theirs (large files only: gc-hint.ts).
  const sideChars = text.base.text.length + text.mine.text.length + text.theirs.text.length;
  collectAfterLarge(sideChars);
  const granularity = options.granularity ?? 'auto';
  const below =
    granularity === 'lines' || ws || (options.favor ?? 'none') !== 'none'
      ? undefined
      : cascade({
          path: t.path,
          kind: fileKind(t.path),
          granularity,
          texts: { base: text.base.text, mine: text.mine.text, theirs: text.theirs.text },
          hasBase,
          twoWay: options.withoutBase === true,
          lines,
          result,
          rendered: lineRendered,
          style,
          labels: options.labels,
        });
  const rendered = below ?? lineRendered;

  const notes: Note[] = below ? [...below.notes] : [];
  const names = present.map((s) => `${s}: ${describeEncoding(decoded[s]!)}`);
  if (new Set(present.map((s) => describeEncoding(decoded[s]!))).size > 1) {
    notes.push(encodingDiffers(names.join(', '), describeEncoding(decoded[target]!), target));
  }
  const eols = present.map((s) => eolStyle(lines[s].eols)).filter((e) => e !== 'none');
  if (new Set(eols).size > 1) {
    notes.push(eolDiffers(present.map((s) => `${s}: ${eolStyle(lines[s].eols)}`).join(', '), rendered.eol));
  }

  let { encoding, bom } = decoded[target]!;
  const check = canEncode(rendered.text, encoding);
  if (!check.ok) {
    const line = rendered.text.slice(0, check.index).split('\n').length;
    notes.push(encodingFallback(describeEncoding(decoded[target]!), check.char, line));
    encoding = 'utf-8';
    bom = true;
  }

  const changes: ChangeSpan[] = below ? below.changes : [];
  if (!below) {
    result.hunks.forEach((h, i) => {
      const span = lineRendered.spans[i];
      if (h.kind !== 'same' && span.length > 0) changes.push({ from: h.kind, start: span.start, length: span.length });
    });
  }
  return {
    text: rendered.text,
    sideChars,
    conflicts: rendered.conflicts,
    changes,
    encoding,
    bom,
    eol: rendered.eol,
    notes,
    favored: result.favored,
    level: below?.level ?? 'lines',
  };
}
