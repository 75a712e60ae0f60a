/**
 * cascade.ts tokenEol against the line merge's render: the token level keeps every terminator as its side had it,
 * so it may run only where render does too. On three sides of any terminator style (all LF, all CRLF, mixed, one
 * line without any), every line different so the whole file is one diff3 block: tokenEol gives a terminator exactly
 * when each side's text stands in render's block as it is (no side's lines converted), and that terminator is the
 * one render writes its marker lines with.
 */
import fc from 'fast-check';
import { merge3, renderMerge } from '../../src/merge3';
import { tokenEol } from '../../src/formats/cascade';
import { splitLines } from '../../src/text/lines';

const styleOf = fc.constantFrom('lf', 'crlf', 'mixed', 'none');
const file = (tag: string) =>
  fc.tuple(styleOf, fc.integer({ min: 2, max: 5 }), fc.array(fc.boolean(), { minLength: 5, maxLength: 5 }), fc.boolean()).map(([style, n, crlfs, closed]) => {
    if (style === 'none') return `${tag}0`;
    const eols = Array.from({ length: n }, (_, i) => (style === 'lf' ? '\n' : style === 'crlf' ? '\r\n' : i === 0 ? '\n' : i === 1 ? '\r\n' : crlfs[i] ? '\r\n' : '\n'));
    return eols.map((e, i) => `${tag}${i}` + (i === n - 1 && !closed && style !== 'mixed' ? '' : e)).join('');
  });

test('tokenEol gives a terminator exactly when render keeps every side as it is, and the markers', () => {
  fc.assert(
    fc.property(file('b'), file('m'), file('t'), (base, mine, theirs) => {
      const sides = { base: splitLines(base), mine: splitLines(mine), theirs: splitLines(theirs) };
      const result = merge3({ base: sides.base.lines, mine: sides.mine.lines, theirs: sides.theirs.lines }, { style: 'diff3' });
      const r = renderMerge(result, sides, { style: 'diff3', labels: { mine: 'm', base: 'b', theirs: 't' } });
      expect(r.conflicts).toHaveLength(1);
      const kept = [base, mine, theirs].every((s) => r.text.includes(s));
      const eol = tokenEol(sides);
      expect(eol !== undefined).toBe(kept);
      if (eol !== undefined) {
        const markers = r.text.match(/^(?:<<<<<<<|\|\|\|\|\|\|\||=======|>>>>>>>)[^\r\n]*(\r?\n)/gm)!;
        expect(markers).toHaveLength(4);
        for (const m of markers) expect(m.endsWith(eol) && (eol === '\r\n' || !m.endsWith('\r\n'))).toBe(true);
      }
    }),
    { seed: 1111, numRuns: 1000 },
  );
});
