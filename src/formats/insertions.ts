/**
 * Both sides inserted at one place: keep both insertions, mine's then theirs', where the place is a container
 * whose items do not depend on their order (mergiraf's "commutative parents": JS/TS imports, object fields, enum,
 * interface and class members; YAML mapping keys; Markdown link reference definitions).
 *
 * The driver is the same for every format: the three texts are merged by lines (merge3 at level 'eager': the same
 * changes as git's merge, but conflicts are neither refined nor joined, so a conflict is exactly the region both
 * sides touched). Every conflict must be a pure double insertion: base's text `B` is kept whole by both sides and
 * each side added one chunk at the same offset (`M = B[0:i] + X + B[i:]`, `T = B[0:i] + Y + B[i:]`). The format's
 * rules (js-items.ts, yaml-items.ts, markdown-items.ts) then decide whether `X` and `Y` are sequences of complete
 * items of the container at that place, with no key either side's container already holds, and give the text to
 * write (`X + Y`). One conflict they cannot settle declines the whole file, so the line conflict stays as it was.
 *
 * Pure: no I/O; the budget's clock is read between conflicts.
 */
import { merge3 } from '../merge3/merge3';
import { commonPrefix, commonSuffix } from '../text/affix';
import { splitLines } from '../text/lines';
import type { MergeBudget, MergeLevelUsed, StructuredMerger, StructuredResult, TextTriple } from './types';

/** One place where both sides inserted: the offsets of the place in each text and the two chunks. */
export interface Insertion {
  at: { base: number; mine: number; theirs: number };
  /** Mine's chunk (it starts at `at.mine` in mine's text). */
  mine: string;
  /** Theirs' chunk (it starts at `at.theirs` in theirs' text). */
  theirs: string;
}

/** A format's judgement of one insertion: the text to write for both chunks, or undefined (a conflict). */
export type JoinInsertions = (ins: Insertion) => string | undefined;

/** The rules of one format for the three texts of one merge (so they can keep parsed sides between insertions). */
export type InsertionRules = (texts: TextTriple) => JoinInsertions;

/** Most candidate offsets tried for one conflict (a side's chunk can slide inside a run of equal characters). */
const MAX_CANDIDATES = 256;

/** The offsets `i` of base's region at which `side` is `B[0:i] + chunk + B[i:]` with a non-empty chunk. */
function insertionRange(b: string, side: string): [number, number] | undefined {
  if (side.length <= b.length) return undefined;
  const lo = b.length - Math.min(commonSuffix(side, b), b.length);
  const hi = Math.min(commonPrefix(side, b), b.length);
  return lo <= hi ? [lo, hi] : undefined;
}

/**
 * The conflict region settled: base's region with both chunks at one offset, or undefined. `off` are the offsets
 * of the region in each text.
 */
function settle(b: string, m: string, t: string, off: { base: number; mine: number; theirs: number }, join: JoinInsertions): string | undefined {
  const rm = insertionRange(b, m);
  const rt = insertionRange(b, t);
  if (rm === undefined || rt === undefined) return undefined;
  const lo = Math.max(rm[0], rt[0]);
  const hi = Math.min(rm[1], rt[1], lo + MAX_CANDIDATES - 1);
  const dm = m.length - b.length;
  const dt = t.length - b.length;
  for (let i = lo; i <= hi; i++) {
    const joined = join({ at: { base: off.base + i, mine: off.mine + i, theirs: off.theirs + i }, mine: m.slice(i, i + dm), theirs: t.slice(i, i + dt) });
    if (joined !== undefined) return b.slice(0, i) + joined + b.slice(i);
  }
  return undefined;
}

/** Lines with their terminators (the merge compares them exactly) and each line's offset in the text. */
function linesOf(text: string): { keys: string[]; offsets: number[] } {
  const l = splitLines(text);
  const keys = l.lines.map((line, i) => line + l.eols[i]);
  const offsets: number[] = [];
  let at = 0;
  for (const k of keys) {
    offsets.push(at);
    at += k.length;
  }
  offsets.push(at);
  return { keys, offsets };
}

/** Merges `t` keeping both sides' insertions where `rules` allow it; declined when any conflict stays. */
export function mergeInsertions(t: TextTriple, budget: MergeBudget, rules: InsertionRules, maxChars = Infinity): StructuredResult {
  const unsupported = (en: string, ru: string): StructuredResult => ({ kind: 'declined', reason: 'conflict', en, ru });
  if (t.base === '') return unsupported('both sides added the file', 'файл добавлен с обеих сторон');
  // Checked before the line merge is redone: on a large file that merge alone doubles the cost of the cascade, and
  // the rules would refuse anyway (the token level still runs on its conflicts).
  if (t.base.length + t.mine.length + t.theirs.length > maxChars) {
    return unsupported(`the sides are larger than ${maxChars} characters together`, `стороны вместе больше ${maxChars} символов`);
  }
  const now = budget.now ?? Date.now;
  const started = now();
  const base = linesOf(t.base);
  const mine = linesOf(t.mine);
  const theirs = linesOf(t.theirs);
  const r = merge3({ base: base.keys, mine: mine.keys, theirs: theirs.keys }, { style: 'merge', level: 'eager' });
  const slice = (s: { keys: string[]; offsets: number[] }, text: string, range: { start: number; length: number }) =>
    text.slice(s.offsets[range.start], s.offsets[range.start + range.length]);
  let join: JoinInsertions | undefined;
  const out: string[] = [];
  for (const h of r.hunks) {
    if (h.kind === 'same') out.push(slice(base, t.base, h.base));
    else if (h.kind === 'mine' || h.kind === 'both') out.push(slice(mine, t.mine, h.mine));
    else if (h.kind === 'theirs') out.push(slice(theirs, t.theirs, h.theirs));
    else {
      if (now() - started > budget.maxMillis) {
        return { kind: 'declined', reason: 'budget', en: `the insertion merge took longer than ${budget.maxMillis} ms`, ru: `объединение вставок заняло больше ${budget.maxMillis} мс` };
      }
      join ??= rules(t);
      const off = { base: base.offsets[h.base.start], mine: mine.offsets[h.mine.start], theirs: theirs.offsets[h.theirs.start] };
      const settled = settle(slice(base, t.base, h.base), slice(mine, t.mine, h.mine), slice(theirs, t.theirs, h.theirs), off, join);
      if (settled === undefined) {
        return unsupported('the sides changed one place in ways that are not both insertions of distinct items', 'стороны изменили одно место не только добавлением разных элементов');
      }
      out.push(settled);
    }
  }
  return { kind: 'clean', text: out.join('') };
}

/** A structured merger that keeps both sides' insertions into the containers `rules` recognise. */
export function insertionMerger(level: Exclude<MergeLevelUsed, 'lines' | 'tokens'>, rules: InsertionRules, maxChars = Infinity): StructuredMerger {
  return { level, merge: (t, budget) => mergeInsertions(t, budget, rules, maxChars) };
}
