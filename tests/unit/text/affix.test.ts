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
  it('a difference at either edge of a 4 KB slice', () => {
    const long = 'x'.repeat(10000);
    for (const at of [0, 4095, 4096, 8191, 9999]) {
      const changed = long.slice(0, at) + 'y' + long.slice(at + 1);
      expect([at, commonPrefix(long, changed)]).toEqual([at, at]);
      expect([at, commonSuffix(long, changed)]).toEqual([at, long.length - 1 - at]);
    }
  });
  it('equal the character-by-character definition, across the 4 KB slices too', () => {
    // A long text and a copy with one character changed at any place (or none), one of them perhaps cut short.
    const text = fc.tuple(fc.string({ minLength: 1, maxLength: 40 }), fc.nat(12000), fc.nat(12000), fc.nat(20));
    fc.assert(
      fc.property(text, ([unit, len, at, cut]) => {
        const a = unit.repeat(Math.ceil(len / unit.length)).slice(0, len);
        const b = at < a.length ? a.slice(0, at) + '\u0001' + a.slice(at + 1) : a;
        const c = b.slice(0, Math.max(0, b.length - cut));
        for (const [x, y] of [[a, b], [a, c], [c, a]]) {
          expect(commonPrefix(x, y)).toBe(slowPrefix(x, y));
          expect(commonSuffix(x, y)).toBe(slowPrefix(reverse(x), reverse(y)));
        }
      }),
      { seed: 20261202, numRuns: 300 },
    );
  });
});
