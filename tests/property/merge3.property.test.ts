/**
 * Properties of the three-way merge, on small generated files (few distinct lines, so that alignments are
 * ambiguous), in all three styles. Files are LF with an optional missing final newline, so texts can be compared
 * byte for byte.
 */
import fc from 'fast-check';
import type { ConflictStyle, MergeHunk } from '../../src/merge3';
import { mergeTexts, showHunks } from '../unit/merge3/harness';

const RUNS = { seed: 3003, numRuns: 200 };

const line = fc.constantFrom('a', 'b', 'c', 'd', '}', '', 'return x;');
const lines = fc.array(line, { maxLength: 12 });

/** An edit script to apply to base: splice(at, delete, ...insert) a few times. */
const edits = fc.array(fc.tuple(fc.nat(), fc.nat({ max: 3 }), fc.array(fc.constantFrom('a', 'X', 'Y', '}', ''), { maxLength: 3 })), {
  maxLength: 3,
});

function applyEdits(base: readonly string[], es: readonly [number, number, string[]][]): string[] {
  const out = base.slice();
  for (const [at, del, ins] of es) out.splice(at % (out.length + 1), del, ...ins);
  return out;
}

const toText = (ls: readonly string[], finalNewline: boolean) => (ls.length ? ls.join('\n') + (finalNewline ? '\n' : '') : '');

/** A text made from line arrays; the final newline is dropped now and then. */
const text = (ls: fc.Arbitrary<string[]>) => fc.tuple(ls, fc.boolean(), fc.boolean()).map(([l, a, b]) => toText(l, a || b));

/** base, mine, theirs: mostly edits of base, sometimes unrelated files. */
const triple = lines.chain((base) =>
  fc.record({
    base: fc.tuple(fc.constant(base), fc.boolean(), fc.boolean()).map(([l, a, b]) => toText(l, a || b)),
    mine: fc.oneof({ weight: 4, arbitrary: text(edits.map((e) => applyEdits(base, e))) }, { weight: 1, arbitrary: text(lines) }),
    theirs: fc.oneof({ weight: 4, arbitrary: text(edits.map((e) => applyEdits(base, e))) }, { weight: 1, arbitrary: text(lines) }),
  }),
);

const style = fc.constantFrom<ConflictStyle>('merge', 'diff3', 'zdiff3');

describe('trivial merges', () => {
  test('mine == base → the output is theirs', () => {
    fc.assert(
      fc.property(triple, style, ({ base, theirs }, s) => {
        const m = mergeTexts(base, base, theirs, { style: s });
        expect(m.text).toBe(theirs);
        expect(m.result.conflicts).toBe(0);
      }),
      RUNS,
    );
  });

  test('theirs == base → the output is mine', () => {
    fc.assert(
      fc.property(triple, style, ({ base, mine }, s) => {
        const m = mergeTexts(base, mine, base, { style: s });
        expect(m.text).toBe(mine);
        expect(m.result.conflicts).toBe(0);
      }),
      RUNS,
    );
  });

  test('mine == theirs → the output is mine', () => {
    fc.assert(
      fc.property(triple, style, ({ base, mine }, s) => {
        const m = mergeTexts(base, mine, mine, { style: s });
        expect(m.text).toBe(mine);
        expect(m.result.conflicts).toBe(0);
      }),
      RUNS,
    );
  });
});

/** Why the hunks do not tile the side (contiguous, in order, covering 0..length), or ''. */
function tilingError(hunks: readonly MergeHunk[], side: 'base' | 'mine' | 'theirs', length: number): string {
  let pos = 0;
  for (const [k, h] of hunks.entries()) {
    if (h[side].start !== pos) return `${side}: hunk ${k} starts at ${h[side].start}, expected ${pos}`;
    pos += h[side].length;
  }
  return pos === length ? '' : `${side}: hunks cover ${pos} of ${length} lines`;
}

describe('hunks', () => {
  test('tile mine and theirs in every style, and base in style diff3', () => {
    // In styles merge and zdiff3 the pieces of a refined conflict each name the base range of the whole region,
    // and the 'both' lines between them an empty one, so base is tiled only in style diff3.
    fc.assert(
      fc.property(triple, style, ({ base, mine, theirs }, s) => {
        const m = mergeTexts(base, mine, theirs, { style: s });
        const errors = [
          tilingError(m.result.hunks, 'mine', m.sides.mine.lines.length),
          tilingError(m.result.hunks, 'theirs', m.sides.theirs.lines.length),
          s === 'diff3' ? tilingError(m.result.hunks, 'base', m.sides.base.lines.length) : '',
        ].filter(Boolean);
        expect({ hunks: showHunks(m.result), errors }).toEqual({ hunks: showHunks(m.result), errors: [] });
      }),
      RUNS,
    );
  });

  test('no hunk is empty, and "same" hunks are equal on all three sides', () => {
    fc.assert(
      fc.property(triple, style, ({ base, mine, theirs }, s) => {
        const m = mergeTexts(base, mine, theirs, { style: s });
        const keys = (side: 'base' | 'mine' | 'theirs', h: MergeHunk) =>
          JSON.stringify(m.sides[side].lines.slice(h[side].start, h[side].start + h[side].length).map((l, i) => l + m.sides[side].eols[h[side].start + i]));
        for (const h of m.result.hunks) {
          expect(h.base.length + h.mine.length + h.theirs.length).toBeGreaterThan(0);
          if (h.kind === 'same') expect([keys('mine', h), keys('theirs', h)]).toEqual([keys('base', h), keys('base', h)]);
          if (h.kind === 'both') expect(keys('mine', h)).toBe(keys('theirs', h));
        }
      }),
      RUNS,
    );
  });

  test('without conflicts, every one-sided change is in the output, where its span says', () => {
    fc.assert(
      fc.property(triple, style, ({ base, mine, theirs }, s) => {
        const m = mergeTexts(base, mine, theirs, { style: s });
        fc.pre(m.result.conflicts === 0);
        const out = m.text.split('\n');
        m.result.hunks.forEach((h, k) => {
          if (h.kind !== 'mine' && h.kind !== 'theirs') return;
          const span = m.rendered.spans[k];
          const side = m.sides[h.kind];
          expect(out.slice(span.start - 1, span.start - 1 + span.length)).toEqual(side.lines.slice(h[h.kind].start, h[h.kind].start + h[h.kind].length));
        });
        // and the output is the side's lines in hunk order: its line count is the sum of what each hunk takes.
        const taken = m.result.hunks.reduce((n, h) => n + (h.kind === 'theirs' || h.kind === 'same' ? h.theirs.length : h.mine.length), 0);
        expect(m.text === '' ? 0 : m.text.replace(/\n$/, '').split('\n').length).toBe(taken);
      }),
      RUNS,
    );
  });
});

describe('favor', () => {
  test('stability: re-merging the favor-mine result as mine gives the same text', () => {
    fc.assert(
      fc.property(triple, style, ({ base, mine, theirs }, s) => {
        const first = mergeTexts(base, mine, theirs, { style: s, favor: 'mine' });
        expect(first.result.conflicts).toBe(0);
        const again = mergeTexts(base, first.text, theirs, { style: s, favor: 'mine' });
        expect(again.text).toBe(first.text);
      }),
      RUNS,
    );
  });

  test('favor mine / theirs / union settle exactly the conflicts a plain merge leaves', () => {
    fc.assert(
      fc.property(triple, style, fc.constantFrom('mine', 'theirs', 'union' as const), ({ base, mine, theirs }, s, favor) => {
        const plain = mergeTexts(base, mine, theirs, { style: s });
        const favored = mergeTexts(base, mine, theirs, { style: s, favor });
        expect([favored.result.conflicts, favored.result.favored]).toEqual([0, plain.result.conflicts]);
        // The same hunks, with each conflict turned into the favoured kind.
        const expected = plain.result.hunks.map((h) => (h.kind === 'conflict' ? { ...h, kind: favor, favored: favor } : h));
        expect(favored.result.hunks).toEqual(expected);
      }),
      RUNS,
    );
  });
});
