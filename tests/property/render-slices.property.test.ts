/**
 * renderMerge with the sides' texts (runs of lines copied as slices of them, the product's path) against renderMerge
 * without (every line copied on its own with its terminator): the same Rendered — text, eol style, spans, conflict
 * blocks — on small generated files mixing LF, CRLF, lone CR inside lines and a missing final newline, in all three
 * styles, with and without keepWhitespaceChanges.
 */
import fc from 'fast-check';
import { merge3, renderMerge, type ConflictStyle } from '../../src/merge3';
import { splitLines, type Lines } from '../../src/text/lines';

const RUNS = { seed: 1313, numRuns: 1500 };

const content = fc.constantFrom('a', 'b', ' a', 'a ', '}', '', 'x\r', 'return x;');
const eol = fc.constantFrom('\n', '\n', '\r\n');
/** A file of up to 10 lines; `uniform` picks one terminator for all lines, else each line picks its own. */
const file = fc
  .tuple(fc.array(fc.tuple(content, eol), { maxLength: 10 }), fc.option(eol, { nil: undefined }), fc.boolean())
  .map(([ls, uniform, finalNewline]) =>
    ls.map(([c, e], i) => c + (i === ls.length - 1 && !finalNewline ? '' : (uniform ?? e))).join(''),
  );

function keys(l: Lines, ws: boolean): string[] {
  return l.lines.map((s, i) => {
    const k = ws ? s.trimEnd().replace(/\s+/g, ' ') : s;
    return l.eols[i] === '' ? k + '\u0000' : k;
  });
}

test('slices of the texts render exactly as line by line', () => {
  fc.assert(
    fc.property(file, file, file, fc.constantFrom<ConflictStyle>('merge', 'diff3', 'zdiff3'), fc.boolean(), (base, mine, theirs, style, ws) => {
      const sides = { base: splitLines(base), mine: splitLines(mine), theirs: splitLines(theirs) };
      const result = merge3({ base: keys(sides.base, ws), mine: keys(sides.mine, ws), theirs: keys(sides.theirs, ws) }, { style });
      const options = { style, labels: { mine: 'm', base: 'b', theirs: 't' }, keepWhitespaceChanges: ws };
      const sliced = renderMerge(result, sides, { ...options, texts: { base, mine, theirs } });
      expect(sliced).toEqual(renderMerge(result, sides, options));
    }),
    RUNS,
  );
});
