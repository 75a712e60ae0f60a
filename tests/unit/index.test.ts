/** package.json's main/types point at dist/index: the library API must exist and merge. */
import * as lib from '../../src/index';

test('the library entry point exports the core and merges text', () => {
  const keys = { base: ['a', 'b', 'c'], mine: ['A', 'b', 'c'], theirs: ['a', 'b', 'C'] };
  const r = lib.merge3(keys, { style: 'diff3' });
  expect(r.conflicts).toBe(0);
  const lines = (xs: string[]) => lib.splitLines(xs.join('\n') + '\n');
  const text = lib.renderMerge(r, { base: lines(keys.base), mine: lines(keys.mine), theirs: lines(keys.theirs) }, {
    style: 'diff3',
    labels: { base: 'b', mine: 'm', theirs: 't' },
  }).text;
  expect(text).toBe('A\nb\nC\n');
  expect(typeof lib.readTree).toBe('function');
  expect(typeof lib.runMerge).toBe('function');
});
