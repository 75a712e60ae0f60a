/**
 * Merging two trees when the base is unknown (the admin kept only their customised export and has the vendor's
 * new one), optionally with candidate bases chosen per file (tree/candidates.ts).
 *
 * Per path, without a base:
 * | mine | theirs | result |
 * |---|---|---|
 * | A | A | A ('unchanged') |
 * | – | N | N ('only-theirs': the vendor's new file, or one the admin deleted — taken, so nothing is lost, and flagged |
 * |   |   | for the admin to check) |
 * | N | – | N kept ('only-mine': the admin's addition or a file the vendor removed — the admin checks) |
 * | M | T | text: every differing line region a two-way conflict block ('differs'); binary: theirs in the archive,
 * |   |   | mine kept aside ('differs-binary'), as the three-way binary conflict does |
 *
 * --prefer does not settle 'differs-binary': without a base nobody knows who changed the file, so taking a side
 * would be a blind pick; the file stays a conflict, with a 'prefer-needs-base' note. For the same reason a rule
 * (tree/strategy.ts) for one side's lines — mine, theirs, union — is not applied to a file that differs (note
 * 'rule-needs-base'); a 'binary' rule is, since it only makes the merge more careful: a differing file is then
 * 'differs-binary' whatever its content.
 *
 * A path of mine for which a candidate base was chosen goes through the ordinary three-way rules (merge-tree.ts)
 * with that base, labelled with the candidate's name. When that base is identical to mine (no candidate differed
 * from it), it cannot tell "the admin never changed the file" from "the candidate is a copy of mine", so:
 * - theirs differs: the three-way rules take the vendor's version, with a 'base-equals-mine' note (the report lists
 *   these files and the run is for review, exit 1);
 * - theirs lacks the file: it is not called deleted by the vendor — it may be the admin's own addition held by a
 *   copy of mine — but kept as without a base ('only-mine', needs attention), with the note.
 * Renames (tree/renames.ts) pair a path only mine has with one only theirs has, by mine's content: the file is
 * merged at the new path (two-way, or three-way with a candidate base of the old path) and the old path goes.
 * Pure: trees in memory in, outcomes out.
 */

import { windowsPathProblem } from '../archive/names';
import type { Tree } from '../archive/tree';
import { alignTrees, contentRoot } from './align';
import { chooseBase } from './candidates';
import { sameBytes, type Triple } from './decide';
import {
  comparePaths,
  eachPath,
  findRenames,
  keepClashesAside,
  markRenamed,
  mergeBinary,
  mergePath,
  noteAmbiguous,
  type FileOutcome,
  type Renames,
  type TreeMergeOptions,
  type TreeMergeResult,
} from './merge-tree';
import { mergeText } from './merge-text';
import { baseEqualsMine, preferNeedsBase, ruleNeedsBase } from './notes';
import { DEFAULT_STRATEGY } from './strategy';

export interface CandidateBase {
  /** The name shown in the base marker label and the report (the file or folder name the admin gave). */
  label: string;
  tree: Tree;
  /** It may be a copy of mine (store/match.ts 'maybe-copy'): never a base for a file where it equals mine. */
  notWhereEqual?: boolean;
}

export interface TwoWayResult extends TreeMergeResult {
  /** For each path merged with a candidate base: the index of that candidate. */
  baseFrom: Map<string, number>;
}

/** Merges mine and theirs without a known base; paths of mine that a candidate has use the closest candidate. */
export function mergeTreesWithoutBase(
  input: { mine: Tree; theirs: Tree; candidates?: readonly CandidateBase[] },
  options: TreeMergeOptions,
): TwoWayResult {
  const { notes: layout, mine, theirs } = alignTrees({ mine: input.mine, theirs: input.theirs });
  const candidates = input.candidates ?? [];
  const lookup = candidateLookup(mine, candidates);
  const notWhereEqual = candidates.map((c) => c.notWhereEqual === true);

  const paths = new Set<string>([...mine.files.keys(), ...theirs.files.keys()]);
  const renames = twoWayRenames(mine, theirs, paths, options);
  const baseFrom = new Map<string, number>();
  const outcomes = eachPath(renames.paths, options, (path) => {
    const pair = renames.to.get(path);
    // A renamed file: mine's version (and a candidate base) from the old path, theirs' from the new one.
    const old = pair?.from ?? path;
    const t: Triple = { path, mine: mine.files.get(old)?.bytes, theirs: theirs.files.get(path)?.bytes };
    if (pair) {
      const chosen = candidates.length ? chooseBase(t.mine!, lookup(old), notWhereEqual) : undefined;
      if (chosen === undefined) return markRenamed(mergePathWithoutBase(t, options), pair, true);
      baseFrom.set(path, chosen.candidate);
      const labels = { ...options.labels, base: `base (${candidates[chosen.candidate].label})` };
      const outcome = markRenamed(mergePath({ ...t, base: chosen.bytes }, { ...options, labels }), pair, false);
      if (chosen.equalsMine && !sameBytes(t.theirs!, t.mine!)) outcome.notes.push(baseEqualsMine(`in ${candidates[chosen.candidate].label}`));
      return outcome;
    }
    const chosen = t.mine && candidates.length ? chooseBase(t.mine, lookup(path), notWhereEqual) : undefined;
    if (chosen === undefined) return mergePathWithoutBase(t, options);
    const label = candidates[chosen.candidate].label;
    if (chosen.equalsMine && t.theirs === undefined) {
      const kept = mergePathWithoutBase(t, options);
      kept.notes.push(baseEqualsMine(`in ${label}`, true));
      return kept;
    }
    baseFrom.set(path, chosen.candidate);
    const labels = { ...options.labels, base: `base (${label})` };
    const outcome = mergePath({ ...t, base: chosen.bytes }, { ...options, labels });
    if (chosen.equalsMine && !sameBytes(t.theirs!, t.mine!)) outcome.notes.push(baseEqualsMine(`in ${label}`));
    return outcome;
  });
  noteAmbiguous(outcomes, renames.pairing);
  keepClashesAside(outcomes);
  // A folder Windows cannot create is left out, as in three-way merges (merge-tree.ts mergeDirs).
  const dirs = [...new Set([...theirs.dirs, ...mine.dirs])].filter((d) => !windowsPathProblem(d)).sort(comparePaths);
  return { outcomes, dirs, trees: { mine, theirs }, layout, baseFrom };
}

/**
 * Two archives: a path only mine has paired with a path only theirs has, compared on mine's content (no base to
 * compare). Mine is the older export, so the new name is the vendor's.
 */
function twoWayRenames(mine: Tree, theirs: Tree, paths: Set<string>, options: TreeMergeOptions): Renames {
  const sources: { path: string; bytes: Uint8Array }[] = [];
  const targets: { path: string; bytes: Uint8Array }[] = [];
  if (options.renames !== false) {
    for (const p of paths) {
      const m = mine.files.get(p)?.bytes;
      const t = theirs.files.get(p)?.bytes;
      if (m && !t) sources.push({ path: p, bytes: m });
      else if (t && !m) targets.push({ path: p, bytes: t });
    }
  }
  return findRenames(paths, sources, targets, [], options);
}

/**
 * Each candidate's bytes for a path of (aligned) mine. Candidates may be zipped with or without a wrapper folder
 * regardless of mine: the path is taken relative to mine's content root and looked up under the candidate's.
 */
function candidateLookup(mine: Tree, candidates: readonly CandidateBase[]): (path: string) => (Uint8Array | undefined)[] {
  const mineRoot = contentRoot(mine);
  const roots = candidates.map((c) => contentRoot(c.tree));
  return (path) => {
    const rel = mineRoot && path.startsWith(mineRoot + '/') ? path.slice(mineRoot.length + 1) : path;
    return candidates.map((c, i) => c.tree.files.get(roots[i] ? `${roots[i]}/${rel}` : rel)?.bytes);
  };
}

/** One path with no base at all (see the table in the header). `t.base` is ignored. */
export function mergePathWithoutBase(t: Triple, options: TreeMergeOptions): FileOutcome {
  const { path, mine, theirs } = t;
  if (mine === undefined && theirs === undefined) throw new Error(`path ${path} is on no side`);
  if (mine === undefined) return { path, status: 'only-theirs', output: theirs, from: 'theirs', notes: [] };
  if (theirs === undefined) return { path, status: 'only-mine', output: mine, from: 'mine', notes: [] };
  if (sameBytes(mine, theirs)) return { path, status: 'unchanged', output: theirs, from: 'theirs', notes: [] };

  const choice = options.strategyFor?.(path) ?? DEFAULT_STRATEGY;
  if (choice.strategy === 'binary') {
    const outcome = differsBinary(t, options);
    if (choice.rule) outcome.rule = choice.rule;
    return outcome;
  }
  const outcome = mergeTwoWay(t, options);
  if (choice.rule && choice.strategy !== 'merge') outcome.notes.push(ruleNeedsBase(choice.rule));
  return outcome;
}

/** Two differing versions of a file, without a base: text as two-way blocks, else a binary conflict. */
function mergeTwoWay(t: Triple, options: TreeMergeOptions): FileOutcome {
  const { path, mine, theirs } = t;
  const merged = mergeText({ path, mine, theirs }, { ...options, withoutBase: true });
  if (merged === undefined) return differsBinary(t, options);
  // No block left: the files differ only in line ends, encoding or BOM, which the text merge settles.
  const conflicted = merged.conflicts.length > 0;
  return {
    path,
    status: conflicted ? 'differs' : 'merged',
    conflict: conflicted ? 'no-base' : undefined,
    output: merged.bytes,
    from: 'theirs',
    text: { encoding: merged.encoding, bom: merged.bom, eol: merged.eol, conflicts: merged.conflicts, changes: merged.changes },
    notes: merged.notes,
    ...(conflicted ? { mergedText: merged.text } : {}),
  };
}

/** A binary file that differs, without a base: a conflict whatever --prefer says (see the header). */
function differsBinary(t: Triple, options: TreeMergeOptions): FileOutcome {
  const outcome = mergeBinary(t, undefined, 'differs-binary');
  if (options.preferBinary) outcome.notes.push(preferNeedsBase(options.preferBinary));
  return outcome;
}
