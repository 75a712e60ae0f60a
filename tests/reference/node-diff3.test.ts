/**
 * The engine against node-diff3 (Khanna–Kunal–Pierce diff3 over its own LCS), on small inputs.
 *
 * Findings (the rules asserted below):
 * 1. Same line diffs ⇒ same merge. When node-diff3's two-way diffs (diffIndices base→mine and base→theirs) are
 *    the engine's (diffIds), the engine at level 'eager' (no refinement) gives exactly node-diff3's diff3Merge:
 *    the same clean text and the same conflict blocks, base section included. Touching changes conflict in both;
 *    identical changes are taken once in both (node-diff3's excludeFalseConflicts, the engine's eager level).
 * 2. Otherwise the line diffs differ, never the merge rules: both diffs are minimal (node-diff3's LCS and Myers
 *    find longest common subsequences), but among equally short scripts node-diff3 keeps its LCS's choice while
 *    the engine, like git, slides changes down through runs of equal lines (xdl_change_compact) and trims the
 *    common head and tail first. In runs of repeated lines ('}', '', 'b b b') the two put a change in different
 *    places, so one may report a conflict where the other is clean, or both be clean with different text (two
 *    sides that each deleted "one of the b's" delete the same b or two different ones). Where they disagree, the
 *    engine's output is git's: asserted on every disagreement of a seeded sample.
 * 3. Levels 'zealous' and 'zealous-alnum' (git's default) have no node-diff3 counterpart: they shrink conflicts to
 *    the lines where mine and theirs differ, then join conflicts at most three lines apart (which can take unchanged
 *    lines into a conflict, so a refined conflict is not always smaller). With the same diffs the verdict is the
 *    same as node-diff3's (clean or not), and a clean merge has the same text.
 */
import { diffIds, intern, type DiffHunk } from '../../src/diff';
import { merge3, type Merge3Result } from '../../src/merge3';
import { Rng } from '../helpers/gen';
import { gitMergeTexts } from './git';

interface NodeDiff3 {
  diff3Merge(a: string[], o: string[], b: string[]): { ok?: string[]; conflict?: { a: string[]; o: string[]; b: string[] } }[];
  diffIndices(a: string[], b: string[]): { buffer1: [number, number]; buffer2: [number, number] }[];
}
// node-diff3 is an ES module with a CommonJS build; require() keeps ts-jest and node16 resolution out of ESM typing.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const nd3: NodeDiff3 = require('node-diff3');

type Triple = { base: string[]; mine: string[]; theirs: string[] };

/** A merge as one string: clean runs as their lines, conflicts as [mine|base|theirs]; e.g. 'ab [X|c|Y] d'. */
function showNode(t: Triple): string {
  return nd3
    .diff3Merge(t.mine, t.base, t.theirs)
    .map((r) => (r.ok ? r.ok.join('') : `[${r.conflict!.a.join('')}|${r.conflict!.o.join('')}|${r.conflict!.b.join('')}]`))
    .join(' ');
}

function showOurs(t: Triple, r: Merge3Result): string {
  const parts: string[] = [];
  let ok = '';
  const take = (side: string[], range: { start: number; length: number }) => side.slice(range.start, range.start + range.length).join('');
  for (const h of r.hunks) {
    if (h.kind === 'conflict') {
      if (ok) parts.push(ok);
      ok = '';
      parts.push(`[${take(t.mine, h.mine)}|${take(t.base, h.base)}|${take(t.theirs, h.theirs)}]`);
    } else {
      ok += h.kind === 'same' || h.kind === 'theirs' ? take(t.theirs, h.theirs) : take(t.mine, h.mine);
    }
  }
  if (ok) parts.push(ok);
  return parts.join(' ');
}

const ours = (t: Triple, level: 'eager' | 'zealous' = 'eager') =>
  showOurs(t, merge3({ base: t.base, mine: t.mine, theirs: t.theirs }, { style: level === 'eager' ? 'diff3' : 'merge', level }));

const script = (hs: readonly DiffHunk[]) => hs.map((h) => `${h.aStart},${h.aLen},${h.bStart},${h.bLen}`).join(' ');

function sameDiffs(t: Triple): boolean {
  const { ids } = intern([t.base, t.mine, t.theirs]);
  const nodeScript = (x: string[]) => nd3.diffIndices(t.base, x).map((h) => `${h.buffer1[0]},${h.buffer1[1]},${h.buffer2[0]},${h.buffer2[1]}`).join(' ');
  return script(diffIds(ids[0], ids[1])) === nodeScript(t.mine) && script(diffIds(ids[0], ids[2])) === nodeScript(t.theirs);
}

/** Seeded small triples: base of up to 8 lines over 2–5 letters, mine and theirs a few random edits of it. */
function triples(seed: number, count: number): Triple[] {
  const rng = new Rng(seed);
  const letters = 'abcdefg';
  const gen = (n: number, k: number) => Array.from({ length: rng.int(0, n) }, () => letters[rng.int(0, k - 1)]);
  const edit = (base: string[], k: number) => {
    const out = base.slice();
    for (let e = rng.int(1, 3); e > 0; e--) out.splice(rng.int(0, out.length), rng.int(0, 2), ...gen(2, k + 2));
    return out;
  };
  return Array.from({ length: count }, () => {
    const k = rng.int(2, 5);
    const base = gen(8, k);
    return { base, mine: edit(base, k), theirs: edit(base, k) };
  });
}

const CASES = triples(2007, 1500);
const SAME = CASES.filter(sameDiffs);
const DIFFERENT = CASES.filter((t) => !sameDiffs(t));

test('the sample has both kinds of case', () => {
  expect(SAME.length).toBeGreaterThan(500);
  expect(DIFFERENT.length).toBeGreaterThan(100);
});

test('rule 1: same line diffs ⇒ the engine at level eager gives node-diff3’s merge exactly', () => {
  const mismatches = SAME.filter((t) => ours(t) !== showNode(t)).map((t) => `${JSON.stringify(t)}: ours ${ours(t)}, node-diff3 ${showNode(t)}`);
  expect(mismatches).toEqual([]);
});

test('rule 2: different line diffs are equally short', () => {
  const cost = (hs: { a: number; b: number }[]) => hs.reduce((s, h) => s + h.a + h.b, 0);
  const longer = DIFFERENT.filter((t) => {
    const { ids } = intern([t.base, t.mine, t.theirs]);
    return [t.mine, t.theirs].some((side, k) => {
      const engine = cost(diffIds(ids[0], ids[k + 1]).map((h) => ({ a: h.aLen, b: h.bLen })));
      const node = cost(nd3.diffIndices(t.base, side).map((h) => ({ a: h.buffer1[1], b: h.buffer2[1] })));
      return engine !== node;
    });
  });
  expect(longer.map((t) => JSON.stringify(t))).toEqual([]);
});

test('rule 2: where the results disagree, the engine’s is git’s', () => {
  const lines = (ls: string[]) => ls.map((l) => l + '\n').join('');
  const disagreements = DIFFERENT.filter((t) => ours(t) !== showNode(t)).slice(0, 60);
  expect(disagreements.length).toBeGreaterThan(30);
  const notGit = disagreements.filter((t) => {
    const git = gitMergeTexts(lines(t.base), lines(t.mine), lines(t.theirs), ['diff3']).diff3;
    const r = merge3(t, { style: 'diff3' });
    return git.status !== r.conflicts || git.text.replace(/\n/g, '') !== gitLike(t, r);
  });
  expect(notGit.map((t) => JSON.stringify(t))).toEqual([]);
});

/** The engine's diff3 output with lines concatenated, markers included, to compare with git's. */
function gitLike(t: Triple, r: Merge3Result): string {
  const take = (side: string[], range: { start: number; length: number }) => side.slice(range.start, range.start + range.length).join('');
  return r.hunks
    .map((h) => {
      if (h.kind === 'conflict') {
        return `<<<<<<< mine${take(t.mine, h.mine)}||||||| base${take(t.base, h.base)}=======${take(t.theirs, h.theirs)}>>>>>>> theirs`;
      }
      return h.kind === 'same' || h.kind === 'theirs' ? take(t.theirs, h.theirs) : take(t.mine, h.mine);
    })
    .join('');
}

test('rule 3: with the same diffs, refinement (level zealous) changes how conflicts look, not whether there are any', () => {
  const clean = (shown: string) => !shown.includes('[');
  const verdicts = SAME.filter((t) => {
    const zealous = ours(t, 'zealous');
    const node = showNode(t);
    return clean(zealous) !== clean(node) || (clean(node) && zealous !== node);
  });
  expect(verdicts.map((t) => JSON.stringify(t))).toEqual([]);
  // …and refinement does change some conflicts: the rule is not vacuous.
  expect(SAME.filter((t) => !clean(showNode(t)) && ours(t, 'zealous') !== showNode(t)).length).toBeGreaterThan(10);
});

describe('examples of rule 2, each checked with git merge-file --diff3', () => {
  test.each([
    // [base, mine, theirs, engine (= git), node-diff3]
    // mine and theirs each delete one of three b's: the engine slides both deletions to the run's end (the same b),
    // node-diff3's LCS deletes different ones, so one b is left by the engine and two by node-diff3; both clean.
    ['bbbc', 'ecbbc', 'bbca', 'ecbca', 'ecbbca'],
    // node-diff3 puts mine's inserted 'd' at the start of 'dba', touching theirs' change of the last line.
    ['aba', 'bdba', 'abc', 'bdbc', 'b [dba|a|c]'],
    // The engine reads mine as "bc became d", against theirs' "bc deleted": a conflict. node-diff3 reads mine as
    // "bc deleted, d added at the end", so both deleted bc alike and mine's d is a separate clean insertion.
    ['ddbcd', 'dddd', 'ddd', 'dd [d|bc|] d', 'dddd'],
    // The engine reads mine as "a became bc" (keeping the last b); node-diff3 as "a deleted, cb added after b".
    ['ab', 'bcb', 'ccb', '[bc|a|cc] b', '[|a|cc] bcb'],
  ])('%j / %j / %j: engine %j, node-diff3 %j', (base, mine, theirs, engine, node) => {
    const t = { base: [...base], mine: [...mine], theirs: [...theirs] };
    expect([ours(t), showNode(t)]).toEqual([engine, node]);
  });
});
