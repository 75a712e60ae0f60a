/**
 * Re-applying recorded resolutions in a new merge (git rerere's "replay"), as a pass over the merge outcomes:
 * each conflict block whose key (key.ts) has a recorded resolution is replaced by the recorded lines, written with
 * the block's own line ends and in the file's encoding. Blocks without one stay as they are.
 *
 * collectConflicts reads the conflict sites (key, place, sides) out of the merged files — the "preimage" that the
 * working folder keeps so `pack` can later find what the admin put in each block's place (extract.ts).
 * applyResolutions then rewrites the outcomes: output bytes, the remaining conflicts' line numbers, the change
 * spans, and `reused` (where each re-applied resolution now is, for the report and `status`). A file whose every
 * block was re-applied becomes 'merged', yet is not done: lines nobody chose for this merge stand in it, so the
 * report counts it for review and the merge exits 1 (report/model.ts), as git's rerere leaves replayed files for
 * the user to check and commit. A resolution the file's encoding cannot hold is not applied.
 *
 * Which resolution, when several were recorded for a key (one per file, rerere/store.ts): the one recorded in the
 * same file, else the most recent — then `recordedPath` names the other file, and the report says so.
 *
 * Pure: no I/O (the command loads the store between the two calls).
 */

import type { ConflictBlock } from '../merge3';
import { canEncode, encodeText } from '../text/encoding';
import { decodeAs, readBack } from '../text/decode-as';
import { splitLines, type Eol } from '../text/lines';
import type { ChangeSpan } from '../tree/merge-text';
import type { FileOutcome, ReusedResolution } from '../tree/merge-tree';
import { conflictKey } from './key';
import type { RecordedResolution } from './store';

/** One conflict block of a merged file (1-based lines of its `<<<<<<<` and `>>>>>>>` markers). */
export interface ConflictSite {
  key: string;
  startLine: number;
  endLine: number;
  mine: string[];
  theirs: string[];
}

export interface ConflictFile {
  path: string;
  /** The merged text with every conflict block in it, before any resolution was re-applied. */
  preimage: string;
  sites: ConflictSite[];
}

function slice(lines: ReadonlyMap<number, string>, span: { start: number; length: number }): string[] {
  const out: string[] = [];
  for (let l = span.start; l < span.start + span.length; l++) {
    const line = lines.get(l);
    if (line !== undefined) out.push(line);
  }
  return out;
}

/**
 * The lines (1-based, as splitLines gives them: terminator and a CRLF's '\r' off) the blocks' mine and theirs
 * sides cover, and no others: the whole preimage split into lines was 2M strings for a 60 MB file with one block.
 */
export function linesOf(text: string, blocks: readonly ConflictBlock[]): Map<number, string> {
  const wanted: [number, number][] = blocks.flatMap((c) => [[c.mine.start, c.mine.start + c.mine.length], [c.theirs.start, c.theirs.start + c.theirs.length]] as [number, number][]).filter(([a, b]) => b > a);
  wanted.sort((x, y) => x[0] - y[0]);
  const out = new Map<number, string>();
  let line = 1;
  let pos = 0;
  for (const [from, to] of wanted) {
    for (; line < from && pos < text.length; line++) {
      const nl = text.indexOf('\n', pos);
      pos = nl === -1 ? text.length : nl + 1;
    }
    if (line < from) break;
    for (let l = Math.max(from, line); l < to && pos < text.length; l = ++line) {
      const nl = text.indexOf('\n', pos);
      const end = nl === -1 ? text.length : nl;
      out.set(l, nl !== -1 && end > pos && text.charCodeAt(end - 1) === 13 ? text.slice(pos, end - 1) : text.slice(pos, end));
      pos = nl === -1 ? text.length : nl + 1;
    }
  }
  return out;
}

/** The conflict sites of every outcome that has conflict blocks. */
export function collectConflicts(outcomes: readonly FileOutcome[]): ConflictFile[] {
  const files: ConflictFile[] = [];
  for (const o of outcomes) {
    const kept = o.mergedText;
    delete o.mergedText;
    if (!o.text || o.text.conflicts.length === 0 || o.output === undefined) continue;
    const preimage = kept !== undefined ? readBack(kept, o.text.bom) : decodeAs(o.output, o.text.encoding);
    const lines = linesOf(preimage, o.text.conflicts);
    const sites = o.text.conflicts.map((c) => {
      const mine = slice(lines, c.mine);
      const theirs = slice(lines, c.theirs);
      return { key: conflictKey(mine, theirs), startLine: c.startLine, endLine: c.endLine, mine, theirs };
    });
    files.push({ path: o.path, preimage, sites });
  }
  return files;
}

/** Every key to look up, with its sides (the store checks them against what it recorded). */
export function wantedKeys(files: readonly ConflictFile[]): Map<string, { mine: string[]; theirs: string[] }> {
  const wanted = new Map<string, { mine: string[]; theirs: string[] }>();
  for (const f of files) for (const s of f.sites) wanted.set(s.key, { mine: s.mine, theirs: s.theirs });
  return wanted;
}

/** Of the resolutions recorded for one key: the latest recorded in `path`, else the latest recorded anywhere. */
export function pickResolution(records: readonly RecordedResolution[] | undefined, path: string): RecordedResolution | undefined {
  const rank = (x: RecordedResolution) => (x.path === path ? 1 : 0);
  let best: RecordedResolution | undefined;
  for (const r of records ?? []) {
    if (best === undefined || rank(r) > rank(best) || (rank(r) === rank(best) && r.recorded > best.recorded)) best = r;
  }
  return best;
}

/** Re-applies the `found` resolutions to `outcomes` (see the header comment). Returns how many blocks it settled. */
export function applyResolutions(
  outcomes: FileOutcome[],
  files: readonly ConflictFile[],
  found: ReadonlyMap<string, readonly RecordedResolution[]>,
): number {
  let settled = 0;
  const byPath = new Map(outcomes.map((o) => [o.path, o]));
  for (const f of files) {
    const o = byPath.get(f.path);
    if (!o?.text || !f.sites.some((s) => found.has(s.key))) continue;
    const pre = splitLines(f.preimage);
    const text: string[] = [];
    const eols: Eol[] = [];
    const kept: ConflictBlock[] = [];
    const reused: ReusedResolution[] = [];
    /** Old (preimage) line → new line, for lines outside re-applied blocks: old + shift of the blocks before it. */
    const shifts: { after: number; delta: number }[] = [];
    let next = 0; // next preimage line index to copy
    let delta = 0;
    f.sites.forEach((site, i) => {
      const block = o.text!.conflicts[i];
      const r = pickResolution(found.get(site.key), f.path);
      const eol: Eol = pre.eols[site.startLine - 1] || '\n';
      const joined = r ? r.resolution.join(eol) : '';
      if (!r || !canEncode(joined, o.text!.encoding).ok) {
        kept.push(shiftBlock(block, delta));
        return;
      }
      for (; next < site.startLine - 1; next++) {
        text.push(pre.lines[next]);
        eols.push(pre.eols[next]);
      }
      const start = text.length + 1;
      for (const line of r.resolution) {
        text.push(line);
        eols.push(eol);
      }
      next = site.endLine;
      delta += r.resolution.length - (site.endLine - site.startLine + 1);
      shifts.push({ after: site.endLine, delta });
      reused.push({ key: site.key, startLine: start, length: r.resolution.length, recorded: r.recorded, recordedPath: r.path });
      settled++;
    });
    if (reused.length === 0) continue;
    for (; next < pre.lines.length; next++) {
      text.push(pre.lines[next]);
      eols.push(pre.eols[next]);
    }
    let joined = '';
    for (let i = 0; i < text.length; i++) joined += text[i] + eols[i];

    const reusedSites = f.sites.filter((s) => found.has(s.key) && reused.some((u) => u.key === s.key));
    const inside = (line: number) => reusedSites.some((s) => line >= s.startLine && line <= s.endLine);
    const shiftOf = (line: number) => shifts.filter((s) => s.after < line).reduce((_, s) => s.delta, 0);
    const changes: ChangeSpan[] = o.text.changes
      .filter((c) => !inside(c.start))
      .map((c) => ({ ...c, start: c.start + shiftOf(c.start) }));

    o.output = encodeText(joined, o.text.encoding, o.text.bom);
    o.text = { ...o.text, conflicts: kept, changes };
    o.reused = reused;
    if (kept.length === 0 && o.status === 'conflict') {
      o.status = 'merged';
      o.conflict = undefined;
    }
  }
  return settled;
}

function shiftBlock(b: ConflictBlock, delta: number): ConflictBlock {
  if (delta === 0) return b;
  const s = <T extends { start: number }>(span: T): T => ({ ...span, start: span.start + delta });
  return {
    ...b,
    startLine: b.startLine + delta,
    endLine: b.endLine + delta,
    mine: s(b.mine),
    theirs: s(b.theirs),
    ...(b.base ? { base: s(b.base) } : {}),
  };
}
