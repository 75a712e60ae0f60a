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

  const text: string[] = [];
  const eols: Eol[] = [];
  const emit = (p: SidePlan, r: Range) => {
    for (let i = r.start; i < r.start + r.length; i++) {
      const own = p.lines.eols[i];
      text.push(p.lines.lines[i]);
      eols.push(own !== '' && p.convert ? (target as Eol) : own);
    }
  };
  const emitSame = (h: MergeHunk) => {
    for (let k = 0; k < h.theirs.length; k++) {
      const theirsKept = sides.theirs.lines[h.theirs.start + k] === sides.base.lines[h.base.start + k];
      if (theirsKept) emit(plans.mine, { start: h.mine.start + k, length: 1 });
      else emit(plans.theirs, { start: h.theirs.start + k, length: 1 });
    }
  };
  const marker = (ch: string, label: string) => {
    const run = ch.repeat(options.markerSize ?? 7);
    text.push(label ? `${run} ${label}` : run);
    eols.push(markerEol);
  };
  const span = (from: number): OutputSpan => ({ start: from + 1, length: text.length - from });

  const spans: OutputSpan[] = [];
  const conflicts: ConflictBlock[] = [];
  result.hunks.forEach((h: MergeHunk, index) => {
    const from = text.length;
    switch (h.kind) {
      case 'same':
        if (options.keepWhitespaceChanges) emitSame(h);
        else emit(plans.theirs, h.theirs);
        break;
      case 'theirs':
        emit(plans.theirs, h.theirs);
        break;
      case 'mine':
      case 'both':
        emit(plans.mine, h.mine);
        break;
      case 'union':
        emit(plans.mine, h.mine);
        emit(plans.theirs, h.theirs);
        break;
      case 'conflict': {
        marker('<', options.labels.mine);
        const mineFrom = text.length;
        emit(plans.mine, h.mine);
        const mine = span(mineFrom);
        let base: OutputSpan | undefined;
        if (options.style !== 'merge') {
          marker('|', options.labels.base);
          const baseFrom = text.length;
          emit(plans.base, h.base);
          base = span(baseFrom);
        }
        marker('=', '');
        const theirsFrom = text.length;
        emit(plans.theirs, h.theirs);
        const theirs = span(theirsFrom);
        marker('>', options.labels.theirs);
        const sideLines: SideLines = { mine: h.mine.start + 1, ...(base ? { base: h.base.start + 1 } : {}), theirs: h.theirs.start + 1 };
        conflicts.push({ hunk: index, startLine: from + 1, endLine: text.length, mine, base, theirs, sideLines });
        break;
      }
      default: {
        const never: never = h.kind;
        throw new Error(`unknown hunk kind ${String(never)}`);
      }
    }
    spans.push(span(from));
  });

  // Only the very last line may lack a terminator.
  for (let i = 0; i < eols.length - 1; i++) if (eols[i] === '') eols[i] = markerEol;
  let joined = '';
  for (let i = 0; i < text.length; i++) joined += text[i] + eols[i];
  return { text: joined, eol: eolStyle(eols), spans, conflicts };
}
