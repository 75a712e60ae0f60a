/**
 * The cascade below the line (issue 11): runs after the line merge of one file, pure (no I/O).
 *
 * - Line merge clean: the format check of the file's kind runs on it; on a failure (a key twice, no longer parses)
 *   the structured merger of the kind is asked, and its result taken when clean and it passes the check; otherwise
 *   every one-sided change becomes a conflict block, with a note that says why.
 * - Line merge with conflicts: the structured merger of the kind (JSON, CSS, HTML, XML) is tried on the whole
 *   file; its result is taken when clean and it passes the check. Otherwise each conflicting line region is
 *   re-merged token by token (tokens.ts); when every region comes out clean and the check passes, that is the
 *   result. Regions the tokens cannot settle are written as sub-line blocks when those are smaller than the line
 *   block; otherwise the line block stays exactly as the line merge wrote it.
 * - Budgets: the structured merger gets STRUCT_BUDGET; the token level stops at TOKEN_MAX_CHARS of regions or
 *   TOKEN_MAX_MILLIS, leaving the remaining line blocks, with a note.
 */
import type { Merge3Result, MergeHunk, Sides, ConflictBlock, ConflictStyle, Labels, Rendered } from '../merge3';
import { outputEolStyle, renderMerge } from '../merge3';
import { countNewlines, dominantEol, eolStyle, joinLines, lineStarts, textEolStyle, type EolStyle, type Lines } from '../text/lines';
import { finerBudget, formatCheckFailed, lineCut, type Note } from '../tree/notes';
import { REGISTRY } from './registry';
import { lineContexts } from './embedded';
import { mergeRegionTokens, type RegionMerge, type RegionPiece } from './tokens';
import type { FileKind, MergeBudget, MergeLevelUsed } from './types';

export type Granularity = 'lines' | 'tokens' | 'auto';

export const STRUCT_BUDGET: MergeBudget = { maxChars: 32 * 1024 * 1024, maxMillis: 10_000 };
export const TOKEN_MAX_CHARS = 64 * 1024 * 1024;
export const TOKEN_MAX_MILLIS = 10_000;

export interface CascadeInput {
  path: string;
  kind: FileKind;
  granularity: Exclude<Granularity, 'lines'>;
  texts: Sides<string>;
  /** base absent (add/add): no token level (nothing to diff against). */
  hasBase: boolean;
  /**
   * Two archives, no base at all: every difference is a block. Only the token level runs, and only on regions with
   * a line longer than LONG_LINE, where it cuts a multi-megabyte block down to the tokens that differ.
   */
  twoWay?: boolean;
  lines: Sides<Lines>;
  result: Merge3Result;
  rendered: Rendered;
  style: ConflictStyle;
  labels: Labels;
  now?: () => number;
}

export interface CascadeChange {
  from: Exclude<MergeHunk['kind'], 'same'>;
  start: number;
  length: number;
}

export interface CascadeOutput {
  text: string;
  eol: EolStyle;
  conflicts: ConflictBlock[];
  changes: CascadeChange[];
  level: MergeLevelUsed;
  notes: Note[];
}

const baseName = (path: string) => path.slice(path.lastIndexOf('/') + 1);

function changesOf(result: Merge3Result, spans: { start: number; length: number }[]): CascadeChange[] {
  const out: CascadeChange[] = [];
  result.hunks.forEach((h, i) => {
    const s = spans[i];
    if (h.kind !== 'same' && s.length > 0) out.push({ from: h.kind, start: s.start, length: s.length });
  });
  return out;
}

/** The file's result after the cascade, or undefined when the line merge's result stands as it is. */
export function cascade(input: CascadeInput): CascadeOutput | undefined {
  const entry = input.granularity === 'auto' ? REGISTRY[input.kind] : {};
  const name = baseName(input.path);
  const inputs = (input.hasBase ? [input.texts.base] : []).concat([input.texts.mine, input.texts.theirs]);
  const fails = (text: string) => entry.check?.(text, inputs, name) ?? null;
  const notes0: Note[] = [];

  if (input.twoWay) {
    const tokens = input.rendered.conflicts.length === 0 ? undefined : tokenLevel(input, notes0);
    return tokens === undefined ? (notes0.length ? { ...lineOutput(input), notes: notes0 } : undefined) : { ...tokens, notes: [...notes0, ...tokens.notes] };
  }
  const notes: Note[] = [];
  /** The structured merger of the kind on the whole file: its result when clean and it passes the check. */
  const structured = (): CascadeOutput | undefined => {
    if (entry.merger === undefined) return undefined;
    const size = input.texts.base.length + input.texts.mine.length + input.texts.theirs.length;
    const r = size > STRUCT_BUDGET.maxChars ? undefined : entry.merger.merge(input.texts, { ...STRUCT_BUDGET, now: input.now });
    if (r === undefined || (r.kind === 'declined' && r.reason === 'budget')) {
      notes.push(finerBudget(entry.merger.level.toUpperCase(), r === undefined ? `the file is larger than ${STRUCT_BUDGET.maxChars} characters` : r.en));
    } else if (r.kind === 'clean') {
      const text = withLineMergeEols(r.text, input.lines);
      if (fails(text) === null) return { text, eol: textEolStyle(text), conflicts: [], changes: [], level: entry.merger.level, notes };
    }
    return undefined;
  };

  if (input.rendered.conflicts.length === 0) {
    const failure = fails(input.rendered.text);
    if (failure === null) return undefined;
    // The clean line merge is wrong (a key both sides added, twice): the structured merger may still settle the
    // file (the same key with the same value is kept once); otherwise every one-sided change becomes a block.
    const settled = structured();
    if (settled !== undefined) return settled;
    const out = asConflicts(input, formatCheckFailed(failure, 'line'));
    return { ...out, notes: [...notes, ...out.notes] };
  }

  const settled = structured();
  if (settled !== undefined) return settled;
  const tokens = tokenLevel(input, notes);
  if (tokens === undefined) return notes.length ? { ...lineOutput(input), notes } : undefined;
  if (tokens.conflicts.length === 0) {
    const failure = fails(tokens.text);
    if (failure !== null) return { ...lineOutput(input), notes: [...notes, formatCheckFailed(failure, 'token')] };
  }
  return { ...tokens, notes: [...notes, ...tokens.notes] };
}

/**
 * A structured merger's text with the terminators the line merge writes. When the output's style (theirs', else
 * mine's, else base's) is uniform and no side is mixed, render converts every side's lines to it (an admin's LF
 * copy against the vendor's CRLF export gives all CRLF): so must the structured result, or a merger that copies
 * one side's nodes whole (css.ts adopt) leaves that side's terminators inside them. Where render keeps a mixed
 * side's lines as they are, the result is left as the merger wrote it.
 */
function withLineMergeEols(text: string, lines: Sides<Lines>): string {
  const styles = sideEolStyles(lines);
  const out = outputEolStyle(styles);
  if ((out !== 'lf' && out !== 'crlf') || [styles.base, styles.mine, styles.theirs].includes('mixed')) return text;
  if (out === 'lf') return text.includes('\r\n') ? text.replace(/\r\n/g, '\n') : text;
  return text.replace(/\r?\n/g, '\r\n');
}

/** Each side's line-ending style, as the line merge's render chooses its output from them (merge3 outputEolStyle). */
function sideEolStyles(lines: Sides<Lines>): Sides<EolStyle> {
  return { base: eolStyle(lines.base.eols), mine: eolStyle(lines.mine.eols), theirs: eolStyle(lines.theirs.eols) };
}

function lineOutput(input: CascadeInput): Omit<CascadeOutput, 'notes'> {
  const r = input.rendered;
  return { text: r.text, eol: r.eol, conflicts: r.conflicts, changes: changesOf(input.result, r.spans), level: 'lines' };
}

/** A clean line merge that failed its check: every one-sided change becomes a block (keep it or not). */
function asConflicts(input: CascadeInput, note: Note): CascadeOutput {
  const hunks = input.result.hunks.map((h): MergeHunk => (h.kind === 'mine' || h.kind === 'theirs' ? { ...h, kind: 'conflict' } : h));
  const result: Merge3Result = { ...input.result, hunks, conflicts: hunks.filter((h) => h.kind === 'conflict').length };
  const r = renderMerge(result, input.lines, { style: input.style, labels: input.labels });
  return { text: r.text, eol: r.eol, conflicts: r.conflicts, changes: changesOf(result, r.spans), level: 'lines', notes: [note] };
}

/**
 * Least share of a region's base text that each side must have kept for the token level to be used there (git's
 * rename threshold, 50 %, by analogy): an edit inside a long line keeps nearly all of it; a rewritten line keeps
 * only stray punctuation, and merging that token by token gives blocks that mix both versions of the line
 * (`const step5 = compute();` from `compute(5, "")` and a rewrite) — there the line block stays.
 */
export const MIN_KEPT = 0.5;

/**
 * Whether a region's token merge may replace its line block, and how. Texts that share little align on stray
 * punctuation token by token, so a clean hunk there may put one side's edit at a place that only looks alike: when
 * both sides kept under MIN_KEPT of base, or the region is two-way, the line block (whole sides) stays
 * (`undefined`). When only one side rewrote most of the region (a vendor's new build of a minified bundle, its
 * local names minified anew) and the other made small edits, the small side's edits are not taken on the
 * alignment's word: each one that merged without a conflict is written as a block of its own (`asBlocks`, that
 * side's text against base's, which the rewriting side left there), cut to where it aligned, for the admin to
 * judge — instead of the whole line twice. Everything outside the blocks is then the rewriting side's own text:
 * keeping its side of every block gives exactly its file, keeping the small side's gives each edit where it
 * aligned. Only when each such edit is anchored in shared text (tokens.ts `anchored`: at least half of the 100
 * base characters on each side of it kept by all three): an edit aligned with unrelated text (the other side moved
 * that code away and put other code there) keeps the line block. Not taken cleanly even when anchored: in a
 * rebuild whose local names were minified anew, an edit using a local name would be wrong after the rename. Only
 * for regions with a long line (`longLine`, over LONG_LINE characters): in ordinary code the rewriting side's
 * lines would be cut at stray tokens, and a line block of a few whole lines reads better.
 */
export function trustedAlignment(m: RegionMerge, twoWay: boolean, longLine: boolean): Pick<RegionMerge, 'pieces' | 'conflicts' | 'conflictChars'> | undefined {
  if (m.kept >= MIN_KEPT) return m;
  if (twoWay || !longLine) return undefined;
  const mineRewrote = m.keptMine < MIN_KEPT;
  const theirsRewrote = m.keptTheirs < MIN_KEPT;
  if (mineRewrote && theirsRewrote) return undefined;
  const small = theirsRewrote ? 'mine' : 'theirs';
  if ((small === 'mine' ? m.cleanMine : m.cleanTheirs) === 0) return m.conflicts > 0 ? m : undefined;
  return m.asBlocks(small);
}

/** Without a base, only regions holding a line longer than this are merged again by tokens. */
export const LONG_LINE = 500;

function hasLongLine(lines: Sides<Lines>, h: MergeHunk): boolean {
  for (const side of ['mine', 'theirs'] as const) {
    const r = h[side];
    for (let k = r.start; k < r.start + r.length; k++) if (lines[side].lines[k].length > LONG_LINE) return true;
  }
  return false;
}

/**
 * The terminator of the marker lines and inserted breaks, or undefined when the token level cannot keep the line
 * merge's terminators. The token level keeps every terminator as its side had it (a terminator is a token). That is
 * what the line merge's render does (merge3/render.ts) when no side's lines are converted: the output style
 * (theirs', else mine's, else base's) is mixed — every line keeps its own — or each side of a uniform style (all LF,
 * all CRLF) already has the output's. So: all LF; all CRLF; all mixed (a single-file index.html: CRLF markup around
 * an LF bundle); theirs mixed while base and mine are LF (a vendor's new index.html); theirs LF while base and mine
 * are mixed. Not: an LF side against a CRLF output, whose lines render converts. Markers as render writes them: the
 * output's terminator, or in a mixed output theirs' most common one.
 */
export function tokenEol(lines: Sides<Lines>): '\n' | '\r\n' | undefined {
  const styles = sideEolStyles(lines);
  const out = outputEolStyle(styles);
  if (out === 'lf' || out === 'crlf') {
    for (const s of [styles.base, styles.mine, styles.theirs]) if ((s === 'lf' || s === 'crlf') && s !== out) return undefined;
    return out === 'crlf' ? '\r\n' : '\n';
  }
  return dominantEol(lines.theirs.eols.length ? lines.theirs.eols : lines.mine.eols);
}

/** Whether a JS text may hold a token over several lines: a template literal, a block comment, a `\\` line continuation. */
export function spansLines(text: string): boolean {
  return text.includes('`') || text.includes('/*') || text.includes('\\\n') || text.includes('\\\r');
}

/** Re-merges each conflicting line region by tokens and assembles the file; undefined when nothing changed. */
function tokenLevel(input: CascadeInput, notes: Note[]): Omit<CascadeOutput, 'notes'> & { notes: Note[] } | undefined {
  if (!input.hasBase && !input.twoWay) return undefined;
  const { lines, result, rendered } = input;
  const eol = tokenEol(lines);
  if (eol === undefined) return undefined;
  const now = input.now ?? Date.now;
  const started = now();
  let spent = 0;
  let stopped: string | undefined;
  const replaced = new Map<number, RegionPiece[]>();
  // HTML: where each side's region starts (inside an inline script: JS's tokens and safe breaks there). JS: whether
  // it starts inside a template literal or comment begun on an earlier line (tokens.ts tokenizeSafe).
  // A JS side's line can begin inside a token only where a token spans lines: a template literal, a block comment, a
  // string continued by a backslash. Without any, every region starts as code and the contexts, which scan the
  // whole side, are skipped (a 61 MB file of short lines: +264 MB and 1.3 s for nothing).
  const whole = input.kind === 'html' || (input.kind === 'js' && (['base', 'mine', 'theirs'] as const).some((s) => spansLines(input.texts[s]))) ? input.kind : undefined;
  const ctx = whole && (['base', 'mine', 'theirs'] as const).map((s) => lineContexts(input.texts[s], lines[s], whole));
  for (const c of rendered.conflicts) {
    const h = result.hunks[c.hunk];
    const longLine = hasLongLine(lines, h);
    if (input.twoWay && !longLine) continue; // short lines: the two-way line block is clearer
    const region = (side: keyof Sides<unknown>, r: { start: number; length: number }) =>
      joinLines(lines[side].lines.slice(r.start, r.start + r.length), lines[side].eols.slice(r.start, r.start + r.length));
    const base = region('base', h.base);
    const mine = region('mine', h.mine);
    const theirs = region('theirs', h.theirs);
    spent += base.length + mine.length + theirs.length;
    if (spent > TOKEN_MAX_CHARS) stopped = `the conflicting lines exceed ${TOKEN_MAX_CHARS} characters`;
    else if (now() - started > TOKEN_MAX_MILLIS) stopped = `more than ${TOKEN_MAX_MILLIS / 1000} s`;
    if (stopped) break;
    const contexts = ctx && { base: ctx[0](h.base.start), mine: ctx[1](h.mine.start), theirs: ctx[2](h.theirs.start) };
    const m = mergeRegionTokens(base, mine, theirs, input.kind, { twoWay: input.twoWay === true, contexts });
    const lineChars = mine.length + theirs.length + (input.style === 'merge' ? 0 : base.length);
    const laid = trustedAlignment(m, input.twoWay === true, longLine);
    if (laid === undefined) continue;
    if (laid.conflicts === 0 || laid.conflictChars < lineChars) replaced.set(c.hunk, laid.pieces);
  }
  if (stopped) notes.push(finerBudget('token', stopped));
  if (replaced.size === 0) return undefined;

  // The line merge's output is cut at line boundaries (one offset table, not a string per line; text/lines.ts).
  const starts = lineStarts(rendered.text);
  const outLines = starts.length - 1;
  const lastOpen = outLines > 0 && rendered.text.charCodeAt(rendered.text.length - 1) !== 10;
  const parts: string[] = [];
  const conflicts: ConflictBlock[] = [];
  const changes: CascadeChange[] = [];
  let line = 1; // the next output line
  let col = 0; // characters since the last '\n' in the output
  let cut = 0;
  const put = (s: string) => {
    parts.push(s);
    line += countNewlines(s);
    const nl = s.lastIndexOf('\n');
    col = nl >= 0 ? s.length - nl - 1 : col + s.length;
  };
  /** Output lines [from, to) of the line merge, 0-based, as they are: their newlines are counted from the table. */
  const putLines = (from: number, to: number) => {
    if (to <= from) return;
    const s = rendered.text.slice(starts[from], starts[to]);
    parts.push(s);
    const newlines = to - from - (to === outLines && lastOpen ? 1 : 0);
    line += newlines;
    const nl = s.lastIndexOf('\n');
    col = nl >= 0 ? s.length - nl - 1 : col + s.length;
  };
  const marker = (ch: string, label: string) => put((label ? `${ch.repeat(7)} ${label}` : ch.repeat(7)) + eol);
  const side = (s: string) => {
    const from = line;
    put(s);
    if (!s.endsWith('\n')) put(eol);
    return { start: from, length: line - from };
  };
  let byOld = new Map(rendered.conflicts.map((c) => [c.hunk, c]));
  result.hunks.forEach((h, i) => {
    const span = rendered.spans[i];
    const from = line;
    const pieces = replaced.get(i);
    if (pieces === undefined) {
      const old = byOld.get(i);
      putLines(span.start - 1, span.start - 1 + span.length);
      if (old !== undefined) {
        const d = from - old.startLine;
        const shift = (s: { start: number; length: number }) => ({ start: s.start + d, length: s.length });
        conflicts.push({ ...old, startLine: old.startLine + d, endLine: old.endLine + d, mine: shift(old.mine), theirs: shift(old.theirs), ...(old.base ? { base: shift(old.base) } : {}) });
      }
    } else {
      for (const p of pieces) {
        if (p.kind === 'text') {
          put(p.text);
          continue;
        }
        // Where the block's content starts in each input's own file: the region's first line there, plus the line
        // breaks that input had in the region before the block (tokens.ts).
        const sideLines = {
          mine: h.mine.start + 1 + p.before.mine,
          ...(input.style !== 'merge' ? { base: h.base.start + 1 + p.before.base } : {}),
          theirs: h.theirs.start + 1 + p.before.theirs,
        };
        const column = col + 1;
        if (p.cutBefore) put(eol);
        const startLine = line;
        marker('<', input.labels.mine);
        const mine = side(p.mine);
        let base: { start: number; length: number } | undefined;
        if (input.style !== 'merge') {
          marker('|', input.labels.base);
          base = side(p.base);
        }
        marker('=', '');
        const theirs = side(p.theirs);
        marker('>', input.labels.theirs);
        if (p.cutBefore || p.cutAfter) cut++;
        conflicts.push({
          hunk: i,
          startLine,
          endLine: line - 1,
          mine,
          ...(base ? { base } : {}),
          theirs,
          column,
          cutBefore: p.cutBefore,
          cutAfter: p.cutAfter,
          chars: p.mine.length + p.theirs.length + (base ? p.base.length : 0),
          sideLines,
        });
      }
      // A region's last line lacked a terminator (mine's file end) but the file goes on: end the line, as render does.
      if (col > 0 && i < result.hunks.length - 1) put(eol);
    }
    if (h.kind !== 'same' && line > from) {
      const kind = pieces === undefined ? h.kind : pieces.some((p) => p.kind === 'conflict') ? 'conflict' : 'both';
      changes.push({ from: kind, start: from, length: line - from });
    }
  });
  byOld = new Map();
  const tokenNotes: Note[] = [];
  if (cut > 0) {
    const where = conflicts
      .filter((c) => c.cutBefore || c.cutAfter)
      .slice(0, 5)
      .map((c) => `line ${c.startLine}`)
      .join(', ');
    tokenNotes.push(lineCut(cut, where));
  }
  const text = parts.join('');
  return { text, eol: textEolStyle(text), conflicts, changes, level: 'tokens', notes: tokenNotes };
}
