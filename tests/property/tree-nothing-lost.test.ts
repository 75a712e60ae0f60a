/**
 * The product's first promise as a property of mergeTrees: nothing is lost. For random small cabinets (text and
 * binary files, additions, deletions, edits on both sides):
 * - every path of any input has exactly one outcome;
 * - a path leaves the output only when the other side still had base's bytes (a deliberate, one-sided deletion);
 * - every line mine or theirs added to a text file is in the merged file (clean, or inside a conflict block);
 * - a binary file changed on both sides keeps theirs in the output and mine aside;
 * - the output is clean exactly when no outcome needs the admin.
 */
import fc from 'fast-check';
import type { FileEntry, Tree } from '../../src/archive/tree';
import { decodeText } from '../../src/text';
import { mergeTrees } from '../../src/tree';
import { needsAttention } from '../../src/tree/status';

const DATE = new Date(Date.UTC(2026, 0, 1));
const LINES = ['a', 'b', 'c', '}', '', 'x = 1;', 'Итого', 'return;'];

const textFile = fc.array(fc.constantFrom(...LINES), { maxLength: 8 }).map((ls) => ls.map((l) => l + '\n').join(''));
const binaryFile = fc.uint8Array({ minLength: 1, maxLength: 6 }).map((b) => Uint8Array.from([0, ...b]));

/** A side's version of a file: absent, base's, or something else (text edit of base, or a new binary). */
function sideOf(baseBytes: string | Uint8Array | undefined) {
  return fc.oneof(
    fc.constant<'absent'>('absent'),
    fc.constant<'base'>('base'),
    typeof baseBytes === 'string' || baseBytes === undefined ? textFile : binaryFile,
  );
}

const fileTriple = fc.option(fc.oneof(textFile, binaryFile), { nil: undefined }).chain((base) =>
  fc.record({ base: fc.constant(base), mine: sideOf(base), theirs: sideOf(base) }),
);

function toBytes(v: string | Uint8Array): Uint8Array {
  return typeof v === 'string' ? Buffer.from(v, 'utf8') : v;
}

function tree(name: string, files: Map<string, Uint8Array>): Tree {
  const entries = new Map<string, FileEntry>([...files].map(([path, bytes]) => [path, { path, bytes, date: DATE }]));
  return { source: name, kind: 'folder', files: entries, dirs: new Set(), nameEncoding: 'utf8', root: '' };
}

const cabinet = fc.array(fileTriple, { minLength: 1, maxLength: 6 }).map((triples) => {
  const sides = { base: new Map<string, Uint8Array>(), mine: new Map<string, Uint8Array>(), theirs: new Map<string, Uint8Array>() };
  triples.forEach((t, i) => {
    const path = `dir/f${i}.txt`;
    if (t.base !== undefined) sides.base.set(path, toBytes(t.base));
    for (const side of ['mine', 'theirs'] as const) {
      const v = t[side];
      if (v === 'absent') continue;
      if (v === 'base') {
        if (t.base !== undefined) sides[side].set(path, toBytes(t.base));
        continue;
      }
      sides[side].set(path, toBytes(v));
    }
  });
  return sides;
});

const lines = (b: Uint8Array | undefined) => (b === undefined ? [] : decodeText(b)?.text.split('\n').filter((l) => l !== '') ?? []);

test('nothing is lost (random cabinets)', () => {
  fc.assert(
    fc.property(cabinet, fc.constantFrom('diff3' as const, 'merge' as const, 'zdiff3' as const), (sides, style) => {
      const labels = { base: 'base', mine: 'mine', theirs: 'theirs' };
      const { outcomes } = mergeTrees({ base: tree('b', sides.base), mine: tree('m', sides.mine), theirs: tree('t', sides.theirs) }, { style, labels });
      const paths = new Set([...sides.base.keys(), ...sides.mine.keys(), ...sides.theirs.keys()]);
      expect(outcomes.map((o) => o.path).sort()).toEqual([...paths].sort());

      for (const o of outcomes) {
        const base = sides.base.get(o.path);
        const mine = sides.mine.get(o.path);
        const theirs = sides.theirs.get(o.path);
        if (o.output === undefined) {
          // Dropped: each side that still has the file has base's bytes.
          for (const v of [mine, theirs]) if (v !== undefined) expect(Buffer.compare(v, base!)).toBe(0);
          continue;
        }
        if (o.status === 'binary-conflict') {
          expect(o.output).toEqual(theirs);
          expect(o.aside).toEqual([{ as: 'mine', bytes: mine }]);
          continue;
        }
        const out = new Set(lines(o.output));
        const baseLines = new Set(lines(base));
        for (const v of [mine, theirs]) for (const l of lines(v)) if (!baseLines.has(l)) expect(out.has(l)).toBe(true);
      }
      const attention = outcomes.some((o) => needsAttention(o.status));
      const markers = outcomes.some((o) => o.output && Buffer.from(o.output).includes('<<<<<<<'));
      if (markers) expect(attention).toBe(true);
    }),
    { seed: 20261125, numRuns: 300 },
  );
});
