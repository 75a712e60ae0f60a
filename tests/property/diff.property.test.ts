/**
 * Properties of the line diff: diffIds gives a correct edit script (applying it to a gives b), a minimal one while
 * the cost budget is not reached, and interning gives the same ids as a plain Map would.
 */
import fc from 'fast-check';
import { diffIds, intern } from '../../src/diff';
import { minimalCost, scriptCost, scriptError, showScript } from '../unit/diff/script';

const RUNS = { seed: 20260, numRuns: 200 };

/** Short sequences over few distinct lines, so that lines repeat and alignments are ambiguous. */
const seq = (maxLength: number) => fc.array(fc.integer({ min: 0, max: 4 }), { maxLength }).map((xs) => Int32Array.from(xs));

/** b made from a by a few edits, so that a and b share long runs as real files do. */
const edited = seq(30).chain((a) =>
  fc
    .array(fc.tuple(fc.nat(), fc.nat({ max: 3 }), fc.array(fc.integer({ min: 0, max: 6 }), { maxLength: 3 })), { maxLength: 4 })
    .map((edits) => {
      const b = Array.from(a);
      for (const [at, del, ins] of edits) b.splice(at % (b.length + 1), del, ...ins);
      return [a, Int32Array.from(b)] as const;
    }),
);

describe('diffIds', () => {
  test('applying the hunks to a gives b (random pairs and edited pairs)', () => {
    fc.assert(
      fc.property(fc.oneof(fc.tuple(seq(20), seq(20)), edited), ([a, b]) => {
        expect(scriptError(a, b, diffIds(a, b))).toBe('');
      }),
      RUNS,
    );
  });

  test('the script is minimal on small inputs (far below the cost budget)', () => {
    fc.assert(
      fc.property(fc.oneof(fc.tuple(seq(16), seq(16)), edited), ([a, b]) => {
        const hunks = diffIds(a, b);
        expect({ script: showScript(hunks), cost: scriptCost(hunks) }).toEqual({ script: showScript(hunks), cost: minimalCost(a, b) });
      }),
      RUNS,
    );
  });

  test('identical sequences give no hunks', () => {
    fc.assert(
      fc.property(seq(20), (a) => {
        expect(diffIds(a, a.slice())).toEqual([]);
      }),
      RUNS,
    );
  });
});

describe('intern', () => {
  test('gives the ids a plain Map would (dense, in order of first appearance)', () => {
    const line = fc.constantFrom('a', 'b', 'c', '}', '', 'x\u0000');
    const file = fc.array(line, { maxLength: 15 });
    fc.assert(
      fc.property(fc.array(file, { minLength: 1, maxLength: 3 }), (files) => {
        const table = new Map<string, number>();
        const expected = files.map((f) => f.map((l) => (table.has(l) ? table.get(l)! : (table.set(l, table.size), table.size - 1))));
        const got = intern(files);
        expect(got.ids.map((x) => Array.from(x))).toEqual(expected);
        expect(got.count).toBe(table.size);
      }),
      RUNS,
    );
  });

  test('base-like first sequence, edited others (the cursor shortcut resynchronises)', () => {
    const base = fc.array(fc.constantFrom<string>('a', 'b', 'c', 'd', 'e', '}'), { maxLength: 20 });
    fc.assert(
      fc.property(base, fc.array(fc.tuple(fc.nat(), fc.nat({ max: 3 }), fc.constantFrom('a', 'q', '}')), { maxLength: 4 }), (b, edits) => {
        const other = b.slice();
        for (const [at, del, ins] of edits) other.splice(at % (other.length + 1), del, ins);
        const { ids } = intern([b, other]);
        // Same line ⇔ same id, across both sequences.
        const all = [...b, ...other];
        const allIds = [...ids[0], ...ids[1]];
        const wrong: string[] = [];
        for (let i = 0; i < all.length; i++) {
          for (let j = 0; j < i; j++) if ((all[i] === all[j]) !== (allIds[i] === allIds[j])) wrong.push(`${i}/${j}`);
        }
        expect(wrong).toEqual([]);
      }),
      RUNS,
    );
  });
});
