/**
 * Merges three trees path by path: the byte table first (decide.ts), then a content strategy for paths both sides
 * changed. Pure: trees in memory in, outcomes out; the command layer reads and writes.
 *
 * Nothing is lost: every path ends as output bytes, a deliberate deletion (one side deleted an unchanged file),
 * or a conflict whose other version is kept — in markers (text), aside (binary: `keptAside`), or in the archive
 * (modify/delete keeps the modified file).
 */

import type { FileEntry, Tree } from '../archive/tree';
import type { ConflictBlock, ConflictStyle, Labels } from '../merge3';
import type { EolStyle } from '../text/lines';
import type { TextEncoding } from '../text/encoding';
import { alignTrees, caseClashes, type LayoutNote } from './align';
import type { Granularity } from '../formats/cascade';
import type { MergeLevelUsed } from '../formats/types';
import { decide, sameBytes, type Triple } from './decide';
import { collectAfterLarge } from '../gc-hint';
import { mergeText, type ChangeSpan } from './merge-text';
import { windowsPathProblem, windowsSafePath } from '../archive/names';
import { binaryPreferred, caseClash, fileFolderClash, renameAmbiguous, renamed, windowsName, type Note } from './notes';
import { DEFAULT_RENAME_THRESHOLD, pairRenames, type Pairing, type RenamePair } from './renames';
import { outcomeNeedsAttention, type ConflictKind, type FileStatus } from './status';
import { DEFAULT_STRATEGY, type RuleRef, type Strategy, type StrategyFor } from './strategy';

export interface TreeMergeOptions {
  style: ConflictStyle;
  labels: Labels;
  /** Lines that differ only in the amount of whitespace compare equal (git's -X ignore-space-change). */
  ignoreWhitespace?: boolean;
  /** Below the line (formats/cascade.ts): 'lines' keeps git's merge alone; default 'auto'. */
  granularity?: Granularity;
  /** Settles binary files changed on both sides without a conflict. */
  preferBinary?: 'mine' | 'theirs';
  /** The content strategy for a path both sides changed (a rules file); default: 'merge' for every path. */
  strategyFor?: StrategyFor;
  /**
   * Rename detection (tree/renames.ts): the least share of content in common for a pair, 0..1 (git's
   * --find-renames=N%), or false for none (--no-renames). Default DEFAULT_RENAME_THRESHOLD (50 %).
   */
  renames?: number | false;
  /** Called after each path with the count done and the total, for a progress bar. */
  onProgress?: (done: number, total: number) => void;
  /**
   * The caller reads no input bytes of a text-merged path after mergeTrees (a zip written, no working folder, no
   * --save-baseline, the report's input sizes taken before): each such path's input bytes are dropped from the
   * trees as soon as its three sides are decoded, so a 60 MB file's 176 MB of inputs are not held through the
   * line merge and the output's encoding (docs/performance.md, "Memory"). A released entry's `bytes` throws when
   * read. Bytes another path's entry also holds (zip entries stored alike share them) are kept. mergeTrees only.
   */
  releaseInputs?: boolean;
}

/**
 * Why a version was saved beside the archive: 'mine' — your version of a binary file both sides changed (the
 * archive has the vendor's); 'theirs' — the vendor's version when --prefer mine took yours; 'case-clash' — a file
 * whose name differs from another's only in letter case or Unicode form; 'windows-name' — a file whose name
 * Windows cannot create (saved under a name it can, archive/names.ts windowsSafePath); 'file-folder' — a file with the name of a folder the
 * output also has; 'removed' — your copy of a file the vendor removed, when the base was picked from the store
 * (the tool's guess, so the deletion can be undone by hand).
 */
export type AsideKind = 'mine' | 'theirs' | 'case-clash' | 'windows-name' | 'file-folder' | 'removed';

export interface AsideCopy {
  as: AsideKind;
  bytes: Uint8Array;
}

/** Saves a version of `o` aside. */
export function keepAside(o: FileOutcome, as: AsideKind, bytes: Uint8Array): void {
  (o.aside ??= []).push({ as, bytes });
}

export interface FileOutcome {
  path: string;
  status: FileStatus;
  /** Set when the admin has a decision to make. */
  conflict?: ConflictKind;
  /** The merged bytes; undefined when the path is not in the output. */
  output?: Uint8Array;
  /** The side whose archive entry lends the output its date (and, for taken files, its bytes). */
  from?: 'mine' | 'theirs';
  /** Versions saved beside the output, not in the archive (see AsideKind); a path may have more than one. */
  aside?: AsideCopy[];
  /**
   * The text `output` encodes, kept for a file left with conflict blocks until collectConflicts takes it as the
   * preimage (and removes it), so the preimage is not decoded back from the bytes (50 ms for a 16 MB page).
   */
  mergedText?: string;
  /** Present when the path was merged as text. */
  text?: {
    encoding: TextEncoding;
    bom: boolean;
    eol: EolStyle;
    conflicts: ConflictBlock[];
    changes: ChangeSpan[];
    /** The level the file was merged at (absent: lines). */
    level?: MergeLevelUsed;
  };
  notes: Note[];
  /** The rule whose strategy merged this path (set only when both sides changed it, so a strategy applied). */
  rule?: RuleRef;
  /** Conflicting hunks the rule's strategy settled (mine / theirs / union). */
  favored?: number;
  /** Conflict blocks settled by a resolution recorded in an earlier merge (rerere/apply.ts), for review. */
  reused?: ReusedResolution[];
  /**
   * Set when the vendor renamed or moved the file (tree/renames.ts): the old path, whose base and mine were merged
   * with theirs at this path; the old path itself is not in the output. `renameScore`: share of content in common.
   */
  renamedFrom?: string;
  renameScore?: number;
}

/** Where a re-applied resolution sits in the output, and where it came from. */
export interface ReusedResolution {
  /** The conflict's key (rerere/key.ts). */
  key: string;
  /** 1-based first line in the merged file and line count (0: the resolution was to delete the block). */
  startLine: number;
  length: number;
  /** When and in which file it was recorded. */
  recorded: string;
  recordedPath: string;
}

export interface TreeMergeResult {
  outcomes: FileOutcome[];
  /** Explicit directory entries for the output. */
  dirs: string[];
  /** The trees after layout alignment: paths as merged, `root` as stripped (theirs' is the output's layout). */
  trees: Trees;
  /** Layout decisions (wrapper folders, letter case) for the report. */
  layout: LayoutNote[];
}

export interface Trees {
  base?: Tree;
  mine: Tree;
  theirs: Tree;
}

function bytesOf(tree: Tree | undefined, path: string): Uint8Array | undefined {
  return tree?.files.get(path)?.bytes;
}

export function mergeTrees(input: Trees, options: TreeMergeOptions): TreeMergeResult {
  const { notes: layout, ...trees } = alignTrees(input);
  const paths = new Set<string>();
  for (const tree of [trees.base, trees.mine, trees.theirs]) for (const p of tree?.files.keys() ?? []) paths.add(p);
  const renames = vendorRenames(trees, paths, options);
  const release = options.releaseInputs ? inputReleaser([input.base, input.mine, input.theirs], trees) : undefined;
  const outcomes = eachPath(renames.paths, options, (path) => {
    const pair = renames.to.get(path);
    const old = pair ? pair.from : path;
    const t = { path, base: bytesOf(trees.base, old), mine: bytesOf(trees.mine, old), theirs: bytesOf(trees.theirs, path) };
    const outcome = mergePath(t, options, release && (() => release(t, old)));
    return pair ? markRenamed(outcome, pair, false) : outcome;
  });
  noteAmbiguous(outcomes, renames.pairing);
  keepClashesAside(outcomes);
  return { outcomes, dirs: mergeDirs(trees), trees, layout };
}

/** The pairs found, by new path; the paths left to merge (every path but the old ones of the pairs). */
export interface Renames {
  pairing: Pairing;
  to: Map<string, RenamePair>;
  paths: string[];
}

/**
 * Renames between `sources` (old paths) and `targets` (new paths only theirs has): `compare` gives the content
 * that stands for each old path (base's, or mine's without a base), `otherRemoved` the other paths that left.
 */
export function findRenames(
  all: Iterable<string>,
  sources: { path: string; bytes: Uint8Array }[],
  targets: { path: string; bytes: Uint8Array }[],
  otherRemoved: string[],
  options: TreeMergeOptions,
): Renames {
  const pairing =
    options.renames === false ? { pairs: [], ambiguous: [] } : pairRenames(sources, targets, options.renames ?? DEFAULT_RENAME_THRESHOLD, otherRemoved);
  const to = new Map(pairing.pairs.map((p) => [p.to, p]));
  const from = new Set(pairing.pairs.map((p) => p.from));
  return { pairing, to, paths: [...all].filter((p) => !from.has(p)) };
}

/**
 * Three-way: a path base and mine have, that mine changed and theirs lacks (else a modify/delete conflict), paired
 * with a path only theirs has (base and mine lack it), compared on base's content against theirs'. Old paths mine
 * did not change need no pairing: the vendor's deletion and new file are the right result as they are.
 */
function vendorRenames(trees: Trees, paths: Set<string>, options: TreeMergeOptions): Renames {
  const { base, mine, theirs } = trees;
  const sources: { path: string; bytes: Uint8Array }[] = [];
  const targets: { path: string; bytes: Uint8Array }[] = [];
  const otherRemoved: string[] = [];
  if (base && options.renames !== false) {
    for (const p of paths) {
      const b = base.files.get(p)?.bytes;
      const m = mine.files.get(p)?.bytes;
      const t = theirs.files.get(p)?.bytes;
      if (b && !t) {
        if (m && !sameBytes(b, m)) sources.push({ path: p, bytes: b });
        else otherRemoved.push(p);
      } else if (t && !b && !m) targets.push({ path: p, bytes: t });
    }
  }
  return findRenames(paths, sources, targets, otherRemoved, options);
}

/**
 * A merge made at a renamed file's new path: records the old path, and calls it 'renamed' when nothing is left to
 * decide (mine's edit carried over cleanly, or the file was only moved); a conflict keeps its status.
 */
export function markRenamed(o: FileOutcome, pair: RenamePair, withoutBase: boolean): FileOutcome {
  o.renamedFrom = pair.from;
  o.renameScore = Math.round(pair.score * 1000) / 1000;
  const clean = o.status === 'merged' || o.status === 'mine' || o.status === 'same-change' || o.status === 'unchanged' || o.status === 'theirs';
  if (clean) o.status = 'renamed';
  o.notes.push(renamed(pair, { clean, withoutBase }));
  return o;
}

/** A note on each old path that could have gone to two new ones (never guessed: both stay). */
export function noteAmbiguous(outcomes: FileOutcome[], pairing: Pairing): void {
  if (pairing.ambiguous.length === 0) return;
  const byPath = new Map(outcomes.map((o) => [o.path, o]));
  for (const a of pairing.ambiguous) byPath.get(a.from)?.notes.push(renameAmbiguous(a.candidates));
}

/** Merges every path in path order, reporting progress. */
export function eachPath(paths: Iterable<string>, options: TreeMergeOptions, merge: (path: string) => FileOutcome): FileOutcome[] {
  const sorted = [...paths].sort(comparePaths);
  return sorted.map((path, i) => {
    const outcome = merge(path);
    options.onProgress?.(i + 1, sorted.length);
    return outcome;
  });
}

/**
 * Output paths an archive cannot hold together leave the archive and are kept aside, with a note — nothing is
 * lost. A path Windows cannot create (a device name such as 'aux.html', a name ending in a dot or a space) goes
 * (archive/names.ts windowsNameProblem). Two paths that differ only in letter case or Unicode form (NFC/NFD) would
 * overwrite each other on Windows: the later one (in path order) goes. A file named like a folder of another output file ('x' and 'x/y.txt', e.g. the vendor turned a
 * file into a folder while you edited the file): the file goes, the folder's files stay.
 */
export function keepClashesAside(outcomes: FileOutcome[]): void {
  const present = () => outcomes.filter((o) => o.output !== undefined);
  for (const o of present()) {
    const problem = windowsPathProblem(o.path);
    if (!problem) continue;
    keepAside(o, 'windows-name', o.output!);
    o.output = undefined;
    o.conflict ??= 'windows-name';
    o.notes.push(windowsName(o.path, problem.segment, problem.why, windowsSafePath(o.path)));
  }
  const clashes = caseClashes(present().sort(byArchivePriority).map((o) => o.path));
  for (const o of outcomes) {
    const other = clashes.get(o.path);
    if (other === undefined) continue;
    keepAside(o, 'case-clash', o.output!);
    o.output = undefined;
    o.conflict ??= 'case-clash';
    o.notes.push(caseClash(o.path, other));
  }
  const folders = new Set<string>();
  for (const o of present()) {
    for (let i = o.path.indexOf('/'); i >= 0; i = o.path.indexOf('/', i + 1)) folders.add(o.path.slice(0, i).toLowerCase());
  }
  for (const o of present()) {
    if (!folders.has(o.path.toLowerCase())) continue;
    keepAside(o, 'file-folder', o.output!);
    o.output = undefined;
    o.conflict ??= 'file-folder';
    o.notes.push(fileFolderClash(o.path));
  }
}

/**
 * Which of two clashing files keeps its place in the archive: one the vendor has (taken, merged, unchanged) before
 * one only the admin has (a stray twin such as 'A.txt' beside 'a.txt'); then path order.
 */
function byArchivePriority(a: FileOutcome, b: FileOutcome): number {
  const rank = (o: FileOutcome) => (o.status === 'added-mine' || o.status === 'only-mine' ? 1 : 0);
  return rank(a) - rank(b) || comparePaths(a.path, b.path);
}

/** Byte order of UTF-16 code units, so output order does not depend on the locale. */
export function comparePaths(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Decides and merges one path. */
/**
 * Drops a triple's input bytes from the trees (TreeMergeOptions.releaseInputs): every entry, in the aligned trees
 * and in the trees as read, that holds one of them. Bytes also held by an entry of another path are kept.
 */
function inputReleaser(read: (Tree | undefined)[], trees: Trees): (t: Triple, old: string) => void {
  const holders = new Map<Uint8Array, Set<FileEntry>>();
  const aligned = new Map<Uint8Array, Set<FileEntry>>();
  const add = (map: Map<Uint8Array, Set<FileEntry>>, f: FileEntry) => {
    const set = map.get(f.bytes);
    if (set) set.add(f);
    else map.set(f.bytes, new Set([f]));
  };
  for (const tree of read) for (const f of tree?.files.values() ?? []) add(holders, f);
  for (const tree of [trees.base, trees.mine, trees.theirs]) for (const f of tree?.files.values() ?? []) add(aligned, f);
  return (t, old) => {
    const own = new Set([trees.base?.files.get(old), trees.mine.files.get(old), trees.theirs.files.get(t.path)]);
    for (const side of ['base', 'mine', 'theirs'] as const) {
      const bytes = t[side];
      if (bytes === undefined) continue;
      const users = aligned.get(bytes);
      if (users === undefined || [...users].some((f) => !own.has(f))) continue;
      for (const f of [...users, ...(holders.get(bytes) ?? [])]) releaseBytes(f);
      aligned.delete(bytes);
      holders.delete(bytes);
      t[side] = undefined;
    }
  };
}

function releaseBytes(f: FileEntry): void {
  Object.defineProperty(f, 'bytes', {
    configurable: true,
    enumerable: true,
    get(): never {
      throw new Error(`internal: the input bytes of ${f.path} were released after decoding (releaseInputs) and read again`);
    },
  });
}

/** `release`: drops `t`'s input bytes once a text merge has decoded them (TreeMergeOptions.releaseInputs). */
export function mergePath(t: Triple, options: TreeMergeOptions, release?: () => void): FileOutcome {
  const d = decide(t);
  switch (d.action) {
    case 'take': {
      const outcome: FileOutcome = { path: t.path, status: d.status, output: t[d.from], from: d.from, notes: [] };
      if (d.status === 'modify-delete' || d.status === 'delete-modify') outcome.conflict = d.status;
      return outcome;
    }
    case 'drop':
      return { path: t.path, status: d.status, notes: [] };
    case 'merge': {
      const choice = options.strategyFor?.(t.path) ?? DEFAULT_STRATEGY;
      const outcome = mergeContent(t, d.addAdd, choice.strategy, choice.granularity ? { ...options, granularity: choice.granularity } : options, release);
      if (choice.rule) outcome.rule = choice.rule;
      return outcome;
    }
    default: {
      const never: never = d;
      throw new Error(`unknown decision ${JSON.stringify(never)}`);
    }
  }
}

/** A path both sides changed (or added differently), merged by its strategy (tree/strategy.ts). */
function mergeContent(t: Triple, addAdd: boolean, strategy: Strategy, options: TreeMergeOptions, release?: () => void): FileOutcome {
  switch (strategy) {
    case 'binary':
      return mergeBinary(t, options.preferBinary, 'binary-conflict');
    case 'merge':
    case 'mine':
    case 'theirs':
    case 'union': {
      const size = (t.base?.length ?? 0) + (t.mine?.length ?? 0) + (t.theirs?.length ?? 0);
      const merged = mergeText(t, { ...options, favor: strategy === 'merge' ? 'none' : strategy, onDecoded: release });
      // Its decoded texts and lines are garbage now; collected before the next phase allocates (gc-hint.ts).
      collectAfterLarge(size);
      if (merged === undefined) return mergeBinary(t, options.preferBinary, 'binary-conflict');
      const conflicted = merged.conflicts.length > 0;
      const outcome: FileOutcome = {
        path: t.path,
        status: conflicted ? 'conflict' : 'merged',
        conflict: conflicted ? (addAdd ? 'add-add' : 'content') : undefined,
        output: merged.bytes,
        from: 'theirs',
        text: { encoding: merged.encoding, bom: merged.bom, eol: merged.eol, conflicts: merged.conflicts, changes: merged.changes, level: merged.level },
        notes: merged.notes,
      };
      if (conflicted) outcome.mergedText = merged.text;
      if (merged.favored > 0) outcome.favored = merged.favored;
      return outcome;
    }
    default: {
      const never: never = strategy;
      throw new Error(`unknown strategy ${String(never)}`);
    }
  }
}

/**
 * Binary files both sides changed (or, without a base, that differ): theirs goes into the archive and mine is kept
 * aside, as a conflict (`status`), unless --prefer settles it. Either way the version not in the archive is kept
 * aside: the admin's, or with --prefer mine the vendor's, so a preference can be undone by hand.
 */
export function mergeBinary(t: Triple, prefer: 'mine' | 'theirs' | undefined, status: 'binary-conflict' | 'differs-binary'): FileOutcome {
  if (prefer === 'mine') {
    return { path: t.path, status: 'binary-preferred', output: t.mine, from: 'mine', aside: [{ as: 'theirs', bytes: t.theirs! }], notes: [binaryPreferred('mine')] };
  }
  const aside: AsideCopy[] = [{ as: 'mine', bytes: t.mine! }];
  if (prefer === 'theirs') {
    return { path: t.path, status: 'binary-preferred', output: t.theirs, from: 'theirs', aside, notes: [binaryPreferred('theirs')] };
  }
  const conflict = status === 'binary-conflict' ? 'binary' : 'no-base';
  return { path: t.path, status, conflict, output: t.theirs, from: 'theirs', aside, notes: [] };
}

/**
 * Directory entries: theirs' (the vendor's layout), plus those mine added; a directory mine had from base but
 * theirs dropped is dropped, and so is one Windows cannot create. Directories that hold output files are implied and need no entry of their own.
 */
function mergeDirs(trees: Trees): string[] {
  const dirs = new Set(trees.theirs.dirs);
  for (const d of trees.mine.dirs) if (!trees.base?.dirs.has(d)) dirs.add(d);
  // A folder Windows cannot create ('aux/', 'old. /') is left out: its files are kept aside (keepClashesAside).
  return [...dirs].filter((d) => !windowsPathProblem(d)).sort(comparePaths);
}

export function countAttention(outcomes: readonly FileOutcome[]): number {
  return outcomes.filter(outcomeNeedsAttention).length;
}

/** The archive entry that lends an outcome its date. */
export function sourceEntry(trees: Trees, o: FileOutcome): FileEntry | undefined {
  if (o.from === undefined) return undefined;
  // A renamed file's version of mine is at its old path.
  return trees[o.from].files.get(o.from === 'mine' && o.renamedFrom ? o.renamedFrom : o.path);
}
