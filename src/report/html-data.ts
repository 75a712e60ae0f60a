/**
 * The data the HTML report needs beyond the JSON report. The report holds line numbers, not text; the page needs
 * the merged text around every change and conflict, and the word-level marks of each conflict.
 *
 * - collectMergedTexts: from the merge outcomes, the merged text (as lines) of each file merged as text that has
 *   changes, conflicts or reused resolutions to show. Conflict sections are slices of it (ConflictReport spans),
 *   the report's `changes` spans say which lines came from mine, theirs or both, and `reused` spans which lines a
 *   previous resolution put in.
 * - buildViews: from the report and those texts, what the page embeds per file: only the lines around changes (so
 *   the page grows with the changes, not with the cabinet) and the word marks of each conflict.
 * Both are pure.
 */

import * as iconv from 'iconv-lite';
import { decodeText } from '../text/encoding';
import { splitLines } from '../text/lines';
import type { FileOutcome } from '../tree/merge-tree';
import { lineMarks, unionRanges, wordDiff } from './html-words';
import type { ConflictReport, FileReport, LineSpan, Report } from './model';

/** Path → the merged file's lines, without terminators (line n is index n-1, as the report's line numbers). */
export type MergedTexts = ReadonlyMap<string, readonly string[]>;

/**
 * The merged text of each outcome merged as text with changes or conflicts. The output bytes are decoded with
 * the encoding the merge wrote them in (no detection needed, so no guess can go wrong).
 */
export function collectMergedTexts(outcomes: readonly FileOutcome[]): Map<string, string[]> {
  const texts = new Map<string, string[]>();
  for (const o of outcomes) {
    // Changed on one side, deleted on the other: the version kept, shown whole (text only).
    if ((o.conflict === 'modify-delete' || o.conflict === 'delete-modify') && o.output && !o.text) {
      const kept = decodeText(o.output);
      if (kept) texts.set(o.path, splitLines(kept.text).lines);
      continue;
    }
    if (!o.text || !o.output) continue;
    if (o.text.conflicts.length === 0 && o.text.changes.length === 0 && !o.reused?.length) continue;
    // iconv strips a leading BOM, as decodeText does.
    const text = iconv.decode(Buffer.from(o.output.buffer, o.output.byteOffset, o.output.byteLength), o.text.encoding);
    texts.set(o.path, splitLines(text).lines);
  }
  return texts;
}

/** Unchanged lines shown around each change, as `diff -U3`. */
export const CONTEXT_LINES = 3;

/**
 * A file whose lines to show exceed this many characters is not embedded (the page says to open the merged
 * file): a whole-file conflict of a large minified script would make the report heavy and unreadable alike.
 */
export const MAX_VIEW_CHARS = 1_000_000;

/** A run of consecutive merged lines: [first line (1-based), lines]. */
export type Chunk = [start: number, lines: string[]];

/** Word marks of one conflict, flat [line, from, to, …] per side (see lineMarks); null when not computed. */
export interface ConflictWords {
  mine: number[];
  base?: number[];
  theirs: number[];
}

export interface FileView {
  /** The merged file's line count (for the last gap). */
  lines: number;
  chunks?: Chunk[];
  /** A file changed on one side and deleted on the other: `chunks` is the kept version, whole; which side it is. */
  kept?: 'mine' | 'theirs';
  /** Parallel to the file's `conflicts`. */
  words?: (ConflictWords | null)[];
  tooLarge?: true;
}

/** Path → view, for the files of the report that have merged text to show. */
export function buildViews(report: Report, texts: MergedTexts): Record<string, FileView> {
  const views: Record<string, FileView> = {};
  for (const f of report.files) {
    const lines = texts.get(f.path);
    if (lines && (f.conflict === 'modify-delete' || f.conflict === 'delete-modify')) {
      views[f.path] = keptView(lines, f.conflict === 'modify-delete' ? 'mine' : 'theirs');
      continue;
    }
    if (!lines || !(f.conflicts?.length || f.changes?.length || f.reused?.length)) continue;
    views[f.path] = fileView(f, lines);
  }
  return views;
}

/**
 * A context line (outside every conflict block) longer than this is shown as its head and tail around "…": the
 * rest of a multi-megabyte minified line around a block cut out of it by the token level.
 */
export const MAX_CONTEXT_LINE = 400;

function clipContext(f: FileReport, chunks: Chunk[]): Chunk[] {
  const blocks = (f.conflicts ?? []).map((c) => [c.startLine, c.endLine]);
  const half = MAX_CONTEXT_LINE / 2;
  return chunks.map(([start, ls]) => [
    start,
    ls.map((l, i) => {
      const no = start + i;
      if (l.length <= MAX_CONTEXT_LINE || blocks.some(([a, b]) => no >= a && no <= b)) return l;
      return `${l.slice(0, half)} … ${l.slice(l.length - half)}`;
    }),
  ]);
}

/** The whole kept version of a modify/delete file (within MAX_VIEW_CHARS, long lines clipped as context lines are). */
function keptView(lines: readonly string[], side: 'mine' | 'theirs'): FileView {
  const half = MAX_CONTEXT_LINE / 2;
  const shown = lines.map((l) => (l.length <= MAX_CONTEXT_LINE ? l : `${l.slice(0, half)} … ${l.slice(l.length - half)}`));
  let chars = 0;
  for (const l of shown) chars += l.length + 1;
  if (chars > MAX_VIEW_CHARS) return { lines: lines.length, kept: side, tooLarge: true };
  return { lines: lines.length, kept: side, chunks: lines.length ? [[1, shown]] : [] };
}

function fileView(f: FileReport, lines: readonly string[]): FileView {
  const chunks = clipContext(f, chunksAround(f, lines));
  let chars = 0;
  for (const [, ls] of chunks) for (const l of ls) chars += l.length + 1;
  if (chars > MAX_VIEW_CHARS) return { lines: lines.length, tooLarge: true };
  const view: FileView = { lines: lines.length, chunks };
  if (f.conflicts?.length) view.words = f.conflicts.map((c) => conflictWords(c, lines));
  return view;
}

/**
 * The lines of every change, conflict and reused resolution with CONTEXT_LINES around each, overlapping runs
 * joined. A resolution that deleted its block (length 0) shows the lines around where it was.
 */
function chunksAround(f: FileReport, lines: readonly string[]): Chunk[] {
  const spans: [number, number][] = [];
  for (const s of f.changes ?? []) spans.push([s.start, s.start + s.length - 1]);
  for (const c of f.conflicts ?? []) spans.push([c.startLine, c.endLine]);
  for (const u of f.reused ?? []) spans.push([u.startLine, u.startLine + u.length - 1]);
  spans.sort((a, b) => a[0] - b[0]);
  const runs: [number, number][] = [];
  for (const [from, to] of spans) {
    const a = Math.max(1, from - CONTEXT_LINES);
    const b = Math.min(lines.length, to + CONTEXT_LINES);
    const last = runs[runs.length - 1];
    if (last && a <= last[1] + 1) last[1] = Math.max(last[1], b);
    else if (a <= b) runs.push([a, b]);
  }
  return runs.map(([a, b]) => [a, lines.slice(a - 1, b)]);
}

function slice(lines: readonly string[], span: LineSpan): string[] {
  return lines.slice(span.start - 1, span.start - 1 + span.length);
}

/**
 * Word marks of a conflict. With a base section each side is compared with the base (what you changed, what the
 * vendor changed), and the base shows both sets of changed words; without one, mine and theirs are compared.
 */
export function conflictWords(c: ConflictReport, lines: readonly string[]): ConflictWords | null {
  const mine = slice(lines, c.mine);
  const theirs = slice(lines, c.theirs);
  if (c.base) {
    const base = slice(lines, c.base);
    const bm = wordDiff(base.join('\n'), mine.join('\n'));
    const bt = wordDiff(base.join('\n'), theirs.join('\n'));
    if (!bm || !bt) return null;
    return {
      mine: lineMarks(mine, bm.b, c.mine.start),
      base: lineMarks(base, unionRanges(bm.a, bt.a), c.base.start),
      theirs: lineMarks(theirs, bt.b, c.theirs.start),
    };
  }
  const mt = wordDiff(mine.join('\n'), theirs.join('\n'));
  if (!mt) return null;
  return { mine: lineMarks(mine, mt.a, c.mine.start), theirs: lineMarks(theirs, mt.b, c.theirs.start) };
}
