/**
 * diffIds: the line diff (preparation, Myers, compaction, hunks). Lines are written as characters, one per line
 * (see ids()); a script is shown as 'aStart-aLen+bLen@bStart' per hunk.
 */
import { diffIds, intern } from '../../../src/diff';
import { myersDiff } from '../../../src/diff/myers';
import { Rng } from '../../helpers/gen';
import { ids, minimalCost, scriptCost, scriptError, showScript } from './script';

const diff = (a: string, b: string): string => showScript(diffIds(ids(a), ids(b)));

describe('diffIds', () => {
  test.each([
    // [a, b, script]
    ['', '', ''],
    ['', 'ab', '0-0+2@0'],
    ['ab', '', '0-2+0@0'],
    ['abc', 'abc', ''],
    ['abc', 'xbc', '0-1+1@0'], // first line
    ['abc', 'abx', '2-1+1@2'], // last line
    ['abcde', 'abxde', '2-1+1@2'], // common prefix and suffix trimmed
    ['ac', 'abc', '1-0+1@1'],
    ['abc', 'ac', '1-1+0@1'],
    ['abcdef', 'axcdyf', '1-1+1@1 4-1+1@4'],
    ['abc', 'xyz', '0-3+3@0'], // nothing in common
    ['aaaa', 'aa', '2-2+0@2'], // a repeated run shrinks at its end (compaction slides down)
    ['aa', 'aaaa', '2-0+2@2'],
    ['abab', 'ab', '2-2+0@2'],
  ])('%j → %j: %s', (a, b, expected) => {
    expect(diff(a, b)).toBe(expected);
  });

  test('an added block that repeats its neighbours slides down, as in git without the indent heuristic', () => {
    // '{' x '}' '{' z '}' gains '{' y '}': git diff --no-indent-heuristic shows +y +} +{ after line 4.
    const [a, b] = intern([
      ['{', 'x', '}', '{', 'z', '}'],
      ['{', 'x', '}', '{', 'y', '}', '{', 'z', '}'],
    ]).ids;
    expect(showScript(diffIds(a, b))).toBe('4-0+3@4');
  });

  test('deleted and inserted groups line up when they can (compaction aligns with the other side)', () => {
    // Deleting the 2nd 'a' of 'aab' and changing b: the deletion slides to meet the change.
    expect(diff('aab', 'ac')).toBe('1-2+1@1');
  });

  test.each([
    ['abcabba', 'cbabac'], // Myers' paper example
    ['aaabbbccc', 'cccbbbaaa'],
    ['xaxbxcx', 'xcxbxax'],
  ])('%j → %j is a correct and minimal edit script', (a, b) => {
    const hunks = diffIds(ids(a), ids(b));
    expect(scriptError(ids(a), ids(b), hunks)).toBe('');
    expect(scriptCost(hunks)).toBe(minimalCost(ids(a), ids(b)));
  });
});

describe('the cost budget', () => {
  /** Two unrelated files over a 4-line alphabet: the edit distance is in the thousands, far past the budget. */
  const pathological = (seed: number, n: number): [Int32Array, Int32Array] => {
    const rng = new Rng(seed);
    const a = Int32Array.from({ length: n }, () => rng.int(0, 3));
    const b = Int32Array.from({ length: n }, () => rng.int(0, 3));
    return [a, b];
  };

  test('diffIds on a pathological input takes the budget shortcut and still gives a correct edit script', () => {
    const [a, b] = pathological(7, 4000);
    const hunks = diffIds(a, b);
    expect(scriptError(a, b, hunks)).toBe('');
    // The shortcut gives up minimality: the script is longer than the minimal one (LCS table: 16M cells), which
    // shows the search stopped at the budget, O(N·maxCost) rather than O(N·D) with D ≈ 3000. Its time is in
    // `npm run bench` (scripts/bench-whole.js), not asserted here, so a loaded machine cannot fail this test.
    expect(scriptCost(hunks)).toBeGreaterThan(minimalCost(a, b));
  });

  test.each([1, 2, 5])('myersDiff with maxCost %i (the budget hit at once) still marks a correct edit', (maxCost) => {
    const rng = new Rng(maxCost);
    for (let run = 0; run < 50; run++) {
      const a = Int32Array.from({ length: rng.int(0, 40) }, () => rng.int(0, 3));
      const b = Int32Array.from({ length: rng.int(0, 40) }, () => rng.int(0, 3));
      const changedA = new Uint8Array(a.length);
      const changedB = new Uint8Array(b.length);
      myersDiff({ a, b, changedA, changedB, maxCost });
      // The unchanged lines of a and of b must be the same sequence: that is what makes the flags an edit script.
      const keptA = a.filter((_, i) => !changedA[i]);
      const keptB = b.filter((_, i) => !changedB[i]);
      expect(Array.from(keptA)).toEqual(Array.from(keptB));
    }
  });
});
