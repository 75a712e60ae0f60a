import fc from 'fast-check';
import { commonPrefix, commonSuffix } from '../../../src/text/affix';

/** Character by character, the definition. */
function slowPrefix(a: string, b: string): number {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return i;
}
const reverse = (s: string) => s.split('').reverse().join('');

describe('commonPrefix / commonSuffix', () => {
  it('small cases', () => {
    expect(commonPrefix('', 'abc')).toBe(0);
    expect(commonPrefix('abcx', 'abcy')).toBe(3);
    expect(commonSuffix('xabc', 'yabc')).toBe(3);
    expect(commonSuffix('abc', 'abc')).toBe(3);
  });
  it('equal the character-by-character definition, across the 4 KB slices too', () => {
    // A long shared part (so the sliced comparison runs) with a difference at any place, or none.
    const text = fc.tuple(fc.string({ maxLength: 40 }), fc.nat(9000), fc.string({ maxLength: 3 }), fc.string({ maxLength: 3 }));
    fc.assert(
      fc.property(text, ([unit, len, x, y]) => {
        const shared = unit.length ? unit.repeat(Math.ceil(len / unit.length)).slice(0, len) : '';
        const a = shared + x;
        const b = shared + y;
        expect(commonPrefix(a, b)).toBe(slowPrefix(a, b));
        expect(commonSuffix(x + shared, y + shared)).toBe(slowPrefix(reverse(x + shared), reverse(y + shared)));
      }),
      { seed: 20261202, numRuns: 300 },
    );
  });
});
