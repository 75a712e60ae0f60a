/**
 * Rename detection never loses a side's edit (issue 12): random bundles the vendor renamed (hashed names, moves),
 * with the admin's edits on the old file, zero, one or two new files of the vendor (similar, or unrelated decoys),
 * three-way and without a base:
 * - every line the admin added to the old file is in the output: at the new path when the file was paired (the old
 *   path then has no output — the stale file is gone), else at the old path, which stays;
 * - every line the vendor added to a new file is in that file's output;
 * - a renamed outcome names its old path, and a pairing only joins an old path with a new one;
 * - markers anywhere mean the admin is told (needsAttention).
 */
import fc from 'fast-check';
import type { FileEntry, Tree } from '../../src/archive/tree';
import { decodeText, splitLines } from '../../src/text';
import { mergeTrees, type FileOutcome } from '../../src/tree';
import { needsAttention } from '../../src/tree/status';
import { mergeTreesWithoutBase } from '../../src/tree/two-way';

const DATE = new Date(Date.UTC(2026, 0, 1));
const OLD = ['js/app.1a2b3c4d.js', 'js/editor.worker-Bf3Xqcw6.js', 'lib/util.js'];
const NEW = ['js/app.9f8e7d6c.js', 'js/app.77aa88bb.js', 'js/editor.worker-BZw7CGQZ.js', 'assets/lib/util.js', 'js/other.js'];

function tree(name: string, files: Map<string, string>): Tree {
  const entries = new Map<string, FileEntry>([...files].map(([path, text]) => [path, { path, bytes: Buffer.from(text, 'utf8'), date: DATE }]));
  // A top-level file on every side, so that no side's single folder is taken for a wrapper folder.
  entries.set('index.html', { path: 'index.html', bytes: Buffer.from('<html></html>\n'), date: DATE });
  return { source: name, kind: 'folder', files: entries, dirs: new Set(), nameEncoding: 'utf8', root: '' };
}

const baseLines = fc.integer({ min: 4, max: 14 }).map((n) => Array.from({ length: n }, (_, i) => `const step${i} = compute(${i}, "${'x'.repeat(i % 5)}");`));

/** Edits of `lines`: some lines replaced, some inserted, tagged with `who` so each added line is unique. */
function edited(lines: string[], who: string) {
  return fc
    .array(fc.record({ at: fc.nat(lines.length), replace: fc.boolean() }), { maxLength: 3 })
    .map((edits) => {
      const out = [...lines];
      edits.forEach((e, k) => {
        const line = `${who}_${k}(); // ${who}'s change ${k}`;
        if (e.replace && e.at < out.length) out[e.at] = line;
        else out.splice(Math.min(e.at, out.length), 0, line);
      });
      return out;
    });
}

const scenario = baseLines.chain((base) =>
  fc.record({
    base: fc.constant(base),
    old: fc.constantFrom(...OLD),
    mine: edited(base, 'mine'),
    targets: fc.uniqueArray(
      fc.record({
        path: fc.constantFrom(...NEW),
        lines: fc.oneof(edited(base, 'theirs'), fc.constant<string[]>(['unrelated();', 'decoy();', 'nothing(in, common);'])),
      }),
      { maxLength: 2, selector: (t) => t.path },
    ),
    withoutBase: fc.boolean(),
    eol: fc.constantFrom('\n', '\r\n'),
  }),
);

const linesOf = (o: FileOutcome | undefined): string[] => (o?.output ? splitLines(decodeText(o.output)?.text ?? '').lines : []);

test('rename detection never loses an edit: at the new path, or both paths stay', () => {
  fc.assert(
    fc.property(scenario, ({ base, old, mine, targets, withoutBase, eol }) => {
      const text = (ls: string[]) => ls.join(eol) + eol;
      const theirs = new Map(targets.map((t) => [t.path, text(t.lines)]));
      const labels = { base: 'base', mine: 'mine', theirs: 'theirs' };
      const mineTree = tree('m', new Map([[old, text(mine)]]));
      const { outcomes } = withoutBase
        ? mergeTreesWithoutBase({ mine: mineTree, theirs: tree('t', theirs) }, { style: 'diff3', labels })
        : mergeTrees({ base: tree('b', new Map([[old, text(base)]])), mine: mineTree, theirs: tree('t', theirs) }, { style: 'diff3', labels });
      const at = (p: string) => outcomes.find((o) => o.path === p);

      const renamed = outcomes.filter((o) => o.renamedFrom !== undefined);
      expect(renamed.length).toBeLessThanOrEqual(1);
      for (const o of renamed) {
        expect({ from: o.renamedFrom, toIsNew: theirs.has(o.path) }).toEqual({ from: old, toIsNew: true });
        expect(at(old)).toBeUndefined();
      }
      const home = renamed[0] ?? at(old);
      const mineChanged = withoutBase || mine.join('\n') !== base.join('\n');
      if (mineChanged) {
        const got = new Set(linesOf(home));
        const added = withoutBase ? mine : mine.filter((l) => !base.includes(l));
        for (const l of added) expect({ line: l, found: got.has(l) }).toEqual({ line: l, found: true });
      }
      for (const t of targets) {
        const got = new Set(linesOf(at(t.path)));
        const added = withoutBase ? t.lines : t.lines.filter((l) => !base.includes(l));
        for (const l of added) expect({ path: t.path, line: l, found: got.has(l) }).toEqual({ path: t.path, line: l, found: true });
      }
      const markers = outcomes.some((o) => o.output && Buffer.from(o.output).includes('<<<<<<<'));
      if (markers) expect(outcomes.some((o) => needsAttention(o.status))).toBe(true);
    }),
    { seed: 20261201, numRuns: 400 },
  );
});

test('the scenarios do pair renames, three-way and without a base (so the property above is about renames)', () => {
  const seen = { threeWay: 0, withoutBase: 0 };
  fc.assert(
    fc.property(scenario, ({ base, old, mine, targets, withoutBase }) => {
      const theirs = new Map(targets.map((t) => [t.path, t.lines.join('\n') + '\n']));
      const labels = { base: 'base', mine: 'mine', theirs: 'theirs' };
      const mineTree = tree('m', new Map([[old, mine.join('\n') + '\n']]));
      const { outcomes } = withoutBase
        ? mergeTreesWithoutBase({ mine: mineTree, theirs: tree('t', theirs) }, { style: 'diff3', labels })
        : mergeTrees({ base: tree('b', new Map([[old, base.join('\n') + '\n']])), mine: mineTree, theirs: tree('t', theirs) }, { style: 'diff3', labels });
      if (outcomes.some((o) => o.renamedFrom)) seen[withoutBase ? 'withoutBase' : 'threeWay']++;
    }),
    { seed: 20261201, numRuns: 400 },
  );
  expect(seen.threeWay).toBeGreaterThan(20);
  expect(seen.withoutBase).toBeGreaterThan(20);
});
