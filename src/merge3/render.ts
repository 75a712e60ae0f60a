/**
 * Renders merge hunks as text: git's conflict markers, and line terminators chosen at the edges.
 *
 * Terminators. Lines were compared without them; here each output line gets one:
 * - The output follows theirs' style (the new vendor file) when theirs is uniformly LF or CRLF; a theirs with no
 *   terminator at all (one line, or empty) defers to mine, then base.
 * - A line from a side whose own style is uniform takes the output style, so a vendor's CRLF→LF switch applies to
 *   the admin's lines too. A line from a mixed-style side, or when the output style is mixed, keeps its own.
 * - A line without a terminator (a file's last line) gets one when anything follows it, as git adds one before a
 *   conflict marker. Marker lines use the output style (in mixed files, the most common terminator of theirs).
 */

import { dominantEol, eolStyle, type Eol, type EolStyle, type Lines } from '../text/lines';
import type { ConflictStyle, Merge3Result, MergeHunk, Range, Sides } from './merge3';

export interface Labels {
  mine: string;
  base: string;
  theirs: string;
}

export interface RenderOptions {
  style: ConflictStyle;
  labels: Labels;
  /** Length of the marker runs (git: 7). */
  markerSize?: number;
  /**
   * Set when lines were compared ignoring whitespace: an unchanged ('same') line then comes from mine when theirs
   * left base's text as it was, so the admin's whitespace-only edits survive; otherwise from theirs.
   */
  keepWhitespaceChanges?: boolean;
  /**
   * The texts the sides were split from (`splitLines(texts.x)` gave `sides.x`). With them, runs of lines that keep
   * their own terminators are copied as one slice of the side's text instead of line by line: the same output, with
   * a few hundred pieces to join instead of an array of every line and terminator (on a 200k-line file, 400k pushes
   * and a 400k-piece string in a cold run).
   */
  texts?: Sides<string>;
}

/** Where a hunk landed in the output: 1-based first line and line count (markers included for conflicts). */
export interface OutputSpan {
  start: number;
  length: number;
}

/** A conflict block in the output, with 1-based line numbers of its parts. */
export interface ConflictBlock {
  /** Index into Merge3Result.hunks. */
  hunk: number;
  /** Line of the `<<<<<<<` marker and of the `>>>>>>>` marker. */
  startLine: number;
  endLine: number;
  mine: OutputSpan;
  base?: OutputSpan;
  theirs: OutputSpan;
  /**
   * Set by the token level (formats/cascade.ts) for a block cut out of a line: 1-based column, in the line the
   * block's content starts in, where the cut begins; whether a line break was inserted before the `<<<<<<<` line
   * and after the sides' content (see formats/tokens.ts); and the block's size in characters (all sides).
   */
  column?: number;
  cutBefore?: boolean;
  cutAfter?: boolean;
  chars?: number;
  /**
   * Where each side's content starts in that side's own file (1-based line; for a block cut out of a line, the line
   * the cut is in): the line numbers each side's editor shows, for the report's columns. A side with no lines in the
   * block gets the line its content would follow.
   */
  sideLines?: SideLines;
}

export interface SideLines {
  mine: number;
  base?: number;
  theirs: number;
}

export interface Rendered {
  text: string;
  /** Style of the output's terminators, as decided above. */
  eol: EolStyle;
  /** One span per hunk, parallel to Merge3Result.hunks. */
  spans: OutputSpan[];
  conflicts: ConflictBlock[];
}

interface SidePlan {
  lines: Lines;
  /** Whether this side's own terminators are replaced by the output style. */
  convert: boolean;
}

const UNIFORM: ReadonlySet<EolStyle> = new Set(['lf', 'crlf']);

/** Decides the output's terminator style from the three sides (see the header comment). */
export function outputEolStyle(styles: Sides<EolStyle>): EolStyle {
  for (const s of [styles.theirs, styles.mine, styles.base]) if (s !== 'none') return s;
  return 'none';
}

export function renderMerge(result: Merge3Result, sides: Sides<Lines>, options: RenderOptions): Rendered {
  const styles: Sides<EolStyle> = {
    base: eolStyle(sides.base.eols),
    mine: eolStyle(sides.mine.eols),
    theirs: eolStyle(sides.theirs.eols),
  };
  const out = outputEolStyle(styles);
  const target: Eol | null = out === 'lf' ? '\n' : out === 'crlf' ? '\r\n' : null;
  const markerEol: '\n' | '\r\n' = target || dominantEol(sides.theirs.eols.length ? sides.theirs.eols : sides.mine.eols);
  const plan = (side: keyof Sides<Lines>): SidePlan => ({
    lines: sides[side],
    convert: target !== null && UNIFORM.has(styles[side]),
  });
  const plans: Sides<SidePlan> = { base: plan('base'), mine: plan('mine'), theirs: plan('theirs') };

  // The output is built as pieces of text; `lineCount` counts its lines (spans and conflict lines are 1-based line
  // numbers). A side's last line without a terminator gets `markerEol` when anything follows it (`pendingEol`), as
  // git adds one before a marker; only the very last output line may lack one.
  const parts: string[] = [];
  let lineCount = 0;
  let pendingEol = false;
  let hasLf = false;
  let hasCrlf = false;
  const noteEol = (e: Eol) => {
    if (e === '\n') hasLf = true;
    else if (e === '\r\n') hasCrlf = true;
  };
  const flushPending = () => {
    if (!pendingEol) return;
    parts.push(markerEol);
    noteEol(markerEol);
    pendingEol = false;
  };
  // Per side, where its text is cut: line `cursorLine` starts at character `cursorAt` (ranges come in order).
  const cursors: Sides<{ line: number; at: number }> = { base: { line: 0, at: 0 }, mine: { line: 0, at: 0 }, theirs: { line: 0, at: 0 } };
  const offsetOf = (side: keyof Sides<Lines>, line: number): number => {
    const c = cursors[side];
    if (line < c.line) {
      c.line = 0;
      c.at = 0;
    }
    const { lines, eols } = sides[side];
    let at = c.at;
    for (let k = c.line; k < line; k++) at += lines[k].length + eols[k].length;
    c.line = line;
    c.at = at;
    return at;
  };
  const emit = (side: keyof Sides<Lines>, r: Range) => {
    if (r.length === 0) return;
    flushPending();
    const p = plans[side];
    const { lines, eols } = p.lines;
    const end = r.start + r.length;
    const source = options.texts?.[side];
    if (source !== undefined && !(p.convert && styles[side] !== out)) {
      // Every line keeps its own terminator: one slice of the side's text.
      const from = offsetOf(side, r.start);
      const to = offsetOf(side, end);
      parts.push(source.slice(from, to));
      const st = styles[side];
      if (st === 'lf' || st === 'crlf') {
        if (end - 1 > r.start || eols[r.start] !== '') noteEol(st === 'lf' ? '\n' : '\r\n');
      } else {
        for (let i = r.start; i < end && !(hasLf && hasCrlf); i++) noteEol(eols[i]);
      }
    } else {
      for (let i = r.start; i < end; i++) {
        const own = eols[i];
        const e = own !== '' && p.convert ? (target as Eol) : own;
        parts.push(lines[i] + e);
        noteEol(e);
      }
    }
    lineCount += r.length;
    if (eols[end - 1] === '') pendingEol = true;
  };
  const emitSame = (h: MergeHunk) => {
    for (let k = 0; k < h.theirs.length; k++) {
      const theirsKept = sides.theirs.lines[h.theirs.start + k] === sides.base.lines[h.base.start + k];
      if (theirsKept) emit('mine', { start: h.mine.start + k, length: 1 });
      else emit('theirs', { start: h.theirs.start + k, length: 1 });
    }
  };
  const marker = (ch: string, label: string) => {
    flushPending();
    const run = ch.repeat(options.markerSize ?? 7);
    parts.push((label ? `${run} ${label}` : run) + markerEol);
    noteEol(markerEol);
    lineCount++;
  };
  const span = (from: number): OutputSpan => ({ start: from + 1, length: lineCount - from });

  const spans: OutputSpan[] = [];
  const conflicts: ConflictBlock[] = [];
  result.hunks.forEach((h: MergeHunk, index) => {
    const from = lineCount;
    switch (h.kind) {
      case 'same':
        if (options.keepWhitespaceChanges) emitSame(h);
        else emit('theirs', h.theirs);
        break;
      case 'theirs':
        emit('theirs', h.theirs);
        break;
      case 'mine':
      case 'both':
        emit('mine', h.mine);
        break;
      case 'union':
        emit('mine', h.mine);
        emit('theirs', h.theirs);
        break;
      case 'conflict': {
        marker('<', options.labels.mine);
        const mineFrom = lineCount;
        emit('mine', h.mine);
        const mine = span(mineFrom);
        let base: OutputSpan | undefined;
        if (options.style !== 'merge') {
          marker('|', options.labels.base);
          const baseFrom = lineCount;
          emit('base', h.base);
          base = span(baseFrom);
        }
        marker('=', '');
        const theirsFrom = lineCount;
        emit('theirs', h.theirs);
        const theirs = span(theirsFrom);
        marker('>', options.labels.theirs);
        const sideLines: SideLines = { mine: h.mine.start + 1, ...(base ? { base: h.base.start + 1 } : {}), theirs: h.theirs.start + 1 };
        conflicts.push({ hunk: index, startLine: from + 1, endLine: lineCount, mine, base, theirs, sideLines });
        break;
      }
      default: {
        const never: never = h.kind;
        throw new Error(`unknown hunk kind ${String(never)}`);
      }
    }
    spans.push(span(from));
  });

  const eol: EolStyle = hasLf && hasCrlf ? 'mixed' : hasCrlf ? 'crlf' : hasLf ? 'lf' : 'none';
  return { text: parts.join(''), eol, spans, conflicts };
}
