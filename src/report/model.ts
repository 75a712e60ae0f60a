/**
 * The report model: the JSON report is this object as is (the contract, documented in docs/report.md); the text
 * summary (and later HTML) render the same object. Built from the merge outcomes, without I/O.
 */

import type { NameEncoding, Tree } from '../archive/tree';
import type { MergeLevelUsed } from '../formats/types';
import type { ConflictBlock, ConflictStyle } from '../merge3';
import { describeEncoding } from '../text/encoding';
import type { EolStyle } from '../text/lines';
import type { AsideKind, ChangeSpan, FileOutcome, LayoutNote, Note, ReusedResolution, RuleRef } from '../tree';
import { groupByFolder, type GroupStatus } from '../tree/groups';
import { STATUS_LABELS, outcomeNeedsAttention, type ConflictKind, type FileStatus, type Wording } from '../tree/status';
import { command, type Shell } from './command';

export const REPORT_SCHEMA = 'cabinet-merge/report@1';

export interface InputInfo {
  path: string;
  kind: 'zip' | 'folder';
  files: number;
  bytes: number;
  nameEncoding: NameEncoding;
}

/** Two or three roles given the same archive (by path, or by identical files): what it means, in both languages. */
export interface SameInputs extends Wording {
  roles: ('base' | 'mine' | 'theirs')[];
  by: 'path' | 'content';
}

export interface LineSpan {
  start: number;
  length: number;
}

export interface ConflictReport {
  /** 1-based lines of the `<<<<<<<` and `>>>>>>>` markers in the merged file. */
  startLine: number;
  endLine: number;
  mine: LineSpan;
  /** Present in diff3 and zdiff3 styles. */
  base?: LineSpan;
  theirs: LineSpan;
  /**
   * A block cut out of a long line by the token level: the 1-based column, in the line the block's content
   * starts in, where the cut begins; whether a line break was inserted before the `<<<<<<<` line (cutBefore) and
   * after the sides' content (cutAfter) — only after a token where a break does not change the file's meaning.
   */
  column?: number;
  cutBefore?: boolean;
  cutAfter?: boolean;
  /** Characters inside the block (all its sides), for every block. */
  chars: number;
  /**
   * Where each side's lines start in that side's own file (1-based): the numbers the HTML report's columns show, as
   * an editor opening that side would. mine/base/theirs above are positions in the merged (marked) file.
   */
  sideLines?: { mine: number; base?: number; theirs: number };
}

export interface FileReport {
  path: string;
  status: FileStatus;
  statusText: Wording;
  conflict?: ConflictKind;
  /** True when the file was handled as bytes (not text). Absent for files never compared as content. */
  binary?: boolean;
  encoding?: string;
  eol?: EolStyle;
  conflicts?: ConflictReport[];
  changes?: ChangeSpan[];
  /** Text merged at a finer level than lines: 'tokens', 'json', 'css', 'html', 'js', 'yaml' or 'markdown' (absent: lines, as git). */
  level?: MergeLevelUsed;
  /** Where a file kept out of the archive was saved (mine's version of a binary conflict, or a name clashing on
   * Windows), relative to the output archive's folder. */
  keptAside?: { as: AsideKind; path: string }[];
  notes?: Note[];
  /** The rules-file rule whose strategy merged this file (only for files both sides changed). */
  rule?: RuleRef;
  /** Conflicting hunks that rule's strategy settled (mine / theirs / union). */
  favored?: number;
  /** Conflict blocks "resolved from a previous resolution" (recorded by an earlier `pack`): where, for review. */
  reused?: ReusedResolution[];
  /** With --base-from: the candidate base this file was merged against. */
  baseFrom?: string;
  /** The vendor renamed or moved the file: its old path (not in the output), and the share of content in common. */
  renamedFrom?: string;
  renameScore?: number;
  /** The folder group (Report.groups) this file belongs to. */
  group?: string;
  /**
   * Files only one export has (only-mine, only-theirs), or changed on one side and deleted on the other
   * (modify-delete, delete-modify): the commands that keep or drop it in the working folder.
   */
  commands?: ResolveCommands;
}

/** `cabinet-merge resolve` command lines for a file or a folder group, for the working folder (merge --out-dir). */
export interface ResolveCommands {
  keep: string;
  drop: string;
}

/** A folder whose files all are only in one export (tree/groups.ts): one decision, one item in the summary. */
export interface GroupReport {
  /** 'ace/'; '' for the files at the top of the cabinet (outside any folder). */
  folder: string;
  /** The glob that names the group's files for `resolve`: 'ace/**', or '*' for the files at the top. */
  pattern: string;
  status: GroupStatus;
  statusText: Wording;
  files: number;
  paths: string[];
  commands: ResolveCommands;
}

/**
 * Where the base came from when the merge command built the report (issue 7: two archives only, the baseline
 * store, --base-from), what that means for the result, and the lines the summary prints about it.
 */
export interface BaseReport {
  source: 'given' | 'store' | 'candidates' | 'none';
  /** source 'store': the stored baseline used, and how many of mine's files were byte-identical to it. */
  baseline?: { id: string; name: string; savedAt: string; source: string; identicalFiles: number; mineFiles: number };
  /** source 'candidates': the --base-from candidates in order, with the number of files each was the base of. */
  candidates?: { path: string; files: number }[];
  /** Files whose base (a --base-from candidate found for them, or a stored baseline) was identical to mine (note
   * 'base-equals-mine'): such a base cannot tell "the admin never changed it" from "the base is a copy of the
   * admin's export". Where theirs has the file its changes were taken (to check if the admin had customised it);
   * where theirs lacks it, the file was kept ('only-mine'). Non-empty: the result is at least 'review' (exit 1). */
  baseEqualsMine?: string[];
  /** Files left to the admin only because no base was known for them (statuses only-mine, differs, differs-binary). */
  undecidedWithoutBase: number;
  /** Set when undecidedWithoutBase > 0: a base would have decided most of them, and how to get one. */
  advice?: Wording;
  /** Store and candidate events: a corrupt baseline skipped, a weak match or a copy of mine not used, an unreadable
   * manifest; a --base-from candidate that is theirs itself (left out) or looks like a copy of mine; without a
   * base, --prefer or rules not applied (they need a base). */
  notes: Wording[];
  /** The vendor's new export in the baseline store: saved by this run (--save-baseline) or found there already. */
  theirsBaseline?: { id: string; name: string; savedNow: boolean; store: string };
  /** The summary's lines about the base, in order. */
  messages: Wording[];
}

export interface Report {
  schema: typeof REPORT_SCHEMA;
  tool: { name: 'cabinet-merge'; version: string };
  inputs: { base: InputInfo | null; mine: InputInfo; theirs: InputInfo };
  /** Present when the same archive was given for two or three roles (commands/same-inputs.ts). */
  sameInputs?: SameInputs[];
  /** `workdir`: the working folder of `merge --out-dir` (absent in reports of earlier versions). */
  output: { archive: string | null; keptAside: string | null; workdir?: string | null };
  options: { conflictStyle: ConflictStyle };
  /** 'review': nothing left to decide, but conflicts were settled from earlier resolutions (`totals.reused`), or
   * files were merged against a base found equal to mine (`base.baseEqualsMine`). */
  result: 'clean' | 'conflicts' | 'review';
  /** 1 for 'conflicts' and for 'review' (like git, whose rerere leaves replayed files for the user to check). */
  exitCode: 0 | 1;
  totals: {
    files: number;
    byStatus: Partial<Record<FileStatus, number>>;
    /** Paths with a decision left to the admin. */
    needsAttention: number;
    /** Paths with conflict blocks settled from a previous resolution (`files[].reused`), for the admin to review. */
    reused: number;
    /** Conflict blocks (marker groups) across all text files. */
    conflictBlocks: number;
    /** Items the summary lists for the admin: paths needing attention, with each folder group counted once. */
    attentionItems: number;
    /** Files renamed or moved by the vendor (`files[].renamedFrom`). */
    renamed: number;
  };
  files: FileReport[];
  /** Folders whose files all are only in one export (two archives): listed once; their files in `files` too. */
  groups: GroupReport[];
  /** Decisions about the trees as a whole (wrapper folders stripped, names matched across letter case). */
  layout: LayoutNote[];
  /** Present when the merge command made the report. */
  base?: BaseReport;
}

export function inputInfo(tree: Tree): InputInfo {
  let bytes = 0;
  for (const f of tree.files.values()) bytes += f.bytes.length;
  return { path: tree.source, kind: tree.kind, files: tree.files.size, bytes, nameEncoding: tree.nameEncoding };
}

export interface ReportContext {
  version: string;
  inputs: Report['inputs'];
  output: Report['output'];
  style: ConflictStyle;
  /** Maps an outcome to the relative path its kept-aside copy was written to. */
  keptAsidePath: (path: string, as: AsideKind) => string;
  layout: LayoutNote[];
  base?: BaseReport;
  /** With --base-from: path → the candidate its base came from. */
  baseFrom?: ReadonlyMap<string, string>;
  /**
   * The working folder for the resolve commands: merge --out-dir's, or, after -o alone, the one the summary tells
   * to merge into (cli/next-step.ts: MERGED.zip → MERGED); default the placeholder 'WORK'.
   */
  work?: string;
  /** The shell the suggested commands are quoted for (report/command.ts); default sh. */
  shell?: Shell;
}

function resolveCommand(work: string, pattern: string, side: 'mine' | 'theirs', shell: Shell): string {
  return command(['resolve', work, pattern, `--${side}`], shell);
}

/**
 * Keep or drop a file (or a folder group) only one export has: keeping takes that export's side, dropping the other's
 * (which has no such file, so `resolve` removes it from the working folder).
 */
export function resolveCommands(work: string, pattern: string, status: GroupStatus, shell: Shell = 'sh'): ResolveCommands {
  const [keep, drop] = status === 'only-mine' ? (['mine', 'theirs'] as const) : (['theirs', 'mine'] as const);
  return { keep: resolveCommand(work, pattern, keep, shell), drop: resolveCommand(work, pattern, drop, shell) };
}

export function buildReport(outcomes: readonly FileOutcome[], ctx: ReportContext): Report {
  const byStatus: Partial<Record<FileStatus, number>> = {};
  let attention = 0;
  let reused = 0;
  let blocks = 0;
  const files = outcomes.map((o) => {
    byStatus[o.status] = (byStatus[o.status] ?? 0) + 1;
    if (outcomeNeedsAttention(o)) attention++;
    if (o.reused?.length) reused++;
    blocks += o.text?.conflicts.length ?? 0;
    return fileReport(o, ctx);
  });
  // Files merged against a base equal to mine may have lost a customisation: never a clean run (see BaseReport).
  const review = reused + (ctx.base?.baseEqualsMine?.length ?? 0);
  const work = ctx.work ?? 'WORK';
  const groups: GroupReport[] = groupByFolder(outcomes).map((g) => ({
    folder: g.folder,
    pattern: g.folder === '' ? '*' : `${g.folder}**`,
    status: g.status,
    statusText: STATUS_LABELS[g.status],
    files: g.paths.length,
    paths: g.paths,
    commands: resolveCommands(work, g.folder === '' ? '*' : `${g.folder}**`, g.status, ctx.shell),
  }));
  const groupOf = new Map<string, string>();
  for (const g of groups) for (const p of g.paths) groupOf.set(p, g.folder);
  for (const f of files) {
    const g = groupOf.get(f.path);
    if (g !== undefined) f.group = g;
    if (f.status === 'only-mine' || f.status === 'only-theirs') f.commands = resolveCommands(work, f.path, f.status, ctx.shell);
    // Changed on one side, deleted on the other: the changed version is kept, as a file only that side has would be.
    if (f.status === 'modify-delete' || f.status === 'delete-modify') f.commands = resolveCommands(work, f.path, f.status === 'modify-delete' ? 'only-mine' : 'only-theirs', ctx.shell);
  }
  const grouped = files.filter((f) => f.group !== undefined && outcomeNeedsAttention(f)).length;
  return {
    schema: REPORT_SCHEMA,
    tool: { name: 'cabinet-merge', version: ctx.version },
    inputs: ctx.inputs,
    output: ctx.output,
    options: { conflictStyle: ctx.style },
    result: attention > 0 ? 'conflicts' : review > 0 ? 'review' : 'clean',
    exitCode: attention + review > 0 ? 1 : 0,
    totals: {
      files: outcomes.length,
      byStatus,
      needsAttention: attention,
      reused,
      conflictBlocks: blocks,
      attentionItems: attention - grouped + groups.length,
      renamed: files.filter((f) => f.renamedFrom !== undefined).length,
    },
    files,
    groups,
    layout: ctx.layout,
    ...(ctx.base ? { base: ctx.base } : {}),
  };
}

function fileReport(o: FileOutcome, ctx: ReportContext): FileReport {
  const r: FileReport = { path: o.path, status: o.status, statusText: STATUS_LABELS[o.status] };
  if (o.conflict) r.conflict = o.conflict;
  if (o.status === 'binary-conflict') r.binary = true;
  if (o.text) {
    r.binary = false;
    r.encoding = describeEncoding(o.text);
    r.eol = o.text.eol;
    const starts = lazyLineStarts(o.output);
    r.conflicts = o.text.conflicts.map((c) => ({
      startLine: c.startLine,
      endLine: c.endLine,
      mine: c.mine,
      ...(c.base ? { base: c.base } : {}),
      theirs: c.theirs,
      ...(c.column !== undefined ? { column: c.column, cutBefore: c.cutBefore === true, cutAfter: c.cutAfter === true } : {}),
      chars: c.chars ?? blockChars(o.output, starts, c),
      ...(c.sideLines ? { sideLines: c.sideLines } : {}),
    }));
    r.changes = o.text.changes;
    if (o.text.level && o.text.level !== 'lines') r.level = o.text.level;
  }
  if (o.aside?.length) r.keptAside = o.aside.map((c) => ({ as: c.as, path: ctx.keptAsidePath(o.path, c.as) }));
  const baseFrom = ctx.baseFrom?.get(o.path);
  if (baseFrom !== undefined) r.baseFrom = baseFrom;
  if (o.notes.length) r.notes = o.notes;
  if (o.rule) r.rule = o.rule;
  if (o.favored) r.favored = o.favored;
  if (o.reused?.length) r.reused = o.reused;
  if (o.renamedFrom !== undefined) {
    r.renamedFrom = o.renamedFrom;
    r.renameScore = o.renameScore;
  }
  return r;
}

/**
 * The offset where each line of `bytes` starts (line 1 at index 0; a line ends after its '\n'), computed on first
 * use and kept for the file's other blocks: one pass over the merged bytes per file, where a scan from the start per
 * block made the report of a 200k-line file with 200 blocks cost more than its merge (docs/performance.md).
 */
export function lazyLineStarts(bytes: Uint8Array | undefined): () => Int32Array {
  let starts: Int32Array | undefined;
  return () => {
    if (starts === undefined) {
      const b = bytes!;
      let n = 1;
      for (let i = 0; i < b.length; i++) if (b[i] === 10) n++;
      starts = new Int32Array(n);
      for (let i = 0, k = 1; i < b.length; i++) if (b[i] === 10) starts[k++] = i + 1;
    }
    return starts;
  };
}

/**
 * Characters of a line block's sides (mine, base, theirs lines with one terminator each), from the merged bytes.
 * Lines are counted by bytes here: cheap, and exact for ASCII; the sides' line lengths are all that matter.
 */
export function blockChars(output: Uint8Array | undefined, lineStarts: () => Int32Array, c: ConflictBlock): number {
  if (output === undefined || output.length === 0) return 0;
  const starts = lineStarts();
  const inBlock = (l: number) =>
    (l >= c.mine.start && l < c.mine.start + c.mine.length) ||
    (c.base !== undefined && l >= c.base.start && l < c.base.start + c.base.length) ||
    (l >= c.theirs.start && l < c.theirs.start + c.theirs.length);
  let chars = 0;
  const last = Math.min(c.endLine, starts.length);
  for (let line = Math.max(1, c.startLine); line <= last; line++) {
    if (!inBlock(line)) continue;
    const end = line < starts.length ? starts[line] : output.length;
    chars += end - starts[line - 1];
  }
  return chars;
}
