/** cssMerger: declarations by property, rules by selector, comments kept, the vendor's text kept byte for byte. */
import { cssMerger } from '../../../src/formats/css';
import type { StructuredResult } from '../../../src/formats/types';
import { mergeTexts } from '../merge3/harness';

const BUDGET = { maxChars: 10_000_000, maxMillis: 10_000 };
const merge = (base: string, mine: string, theirs: string): StructuredResult => cssMerger.merge({ base, mine, theirs }, BUDGET);
const clean = (base: string, mine: string, theirs: string): string => {
  const r = merge(base, mine, theirs);
  if (r.kind !== 'clean') throw new Error(`declined: ${r.reason}: ${r.en}`);
  return r.text;
};

const base = ':root {\n  --color-header-bg: #fff;\n  --color-header-fg: #000;\n}\n\n.header {\n  color: red;\n}\n';

test('mine changes one declaration, the vendor the next one: both (the line merge conflicts)', () => {
  const mine = base.replace('#fff', '#003366');
  const theirs = base.replace('#000', '#111');
  expect(mergeTexts(base, mine, theirs).rendered.conflicts).toHaveLength(1);
  expect(clean(base, mine, theirs)).toBe(':root {\n  --color-header-bg: #003366;\n  --color-header-fg: #111;\n}\n\n.header {\n  color: red;\n}\n');
});

test('declarations added to one rule on both sides at the same place both survive, with the vendor\'s indentation', () => {
  const mine = base.replace('  color: red;\n', '  color: red;\n    margin: 0;\n');
  const theirs = base.replace('  color: red;\n', '  color: red;\n  padding: 1px;\n');
  // mine's declaration right after the one it follows in mine, then the vendor's.
  expect(clean(base, mine, theirs)).toBe(base.replace('  color: red;\n', '  color: red;\n  margin: 0;\n  padding: 1px;\n'));
});

test('rules added on both sides, a comment kept, a rule deleted by mine', () => {
  const mine = base + '\n/* my footer */\n.footer { color: blue; }\n';
  const theirs = base.replace('.header {', '.nav { display: flex; }\n\n.header {');
  expect(clean(base, mine, theirs)).toBe(theirs + '\n/* my footer */\n.footer { color: blue; }\n');
  const deleted = ':root {\n  --color-header-bg: #fff;\n  --color-header-fg: #000;\n}\n';
  expect(clean(base, deleted, base.replace('#000', '#222'))).toBe(':root {\n  --color-header-bg: #fff;\n  --color-header-fg: #222;\n}\n');
});

test('@media blocks merge inside; fallback pairs of one property keep their order', () => {
  const b = '@media (max-width: 600px) {\n  .a { display: -webkit-box; display: flex; }\n  .b { color: red; }\n}\n';
  const m = b.replace('display: flex;', 'display: grid;');
  const t = b.replace('color: red;', 'color: green;');
  expect(clean(b, m, t)).toBe('@media (max-width: 600px) {\n  .a { display: -webkit-box; display: grid; }\n  .b { color: green; }\n}\n');
});

test('CRLF text keeps CRLF; a declaration changed on both sides, or added with different values, is a conflict', () => {
  const b = '.a {\r\n  color: red;\r\n}\r\n';
  expect(clean(b, '.a {\n  color: red;\n  margin: 0;\n}\n'.replace(/\n/g, '\r\n'), b.replace('red', 'blue'))).toBe('.a {\r\n  color: blue;\r\n  margin: 0;\r\n}\r\n');
  expect(merge(b, b.replace('red', 'green'), b.replace('red', 'blue'))).toEqual({
    kind: 'declined',
    reason: 'conflict',
    en: 'both sides changed the declaration color in .a differently',
    ru: 'обе стороны по-разному изменили объявление color в .a',
  });
  expect(merge(b, b.replace('}', '  margin: 1px;\r\n}'), b.replace('}', '  margin: 2px;\r\n}'))).toMatchObject({ kind: 'declined', reason: 'conflict', en: 'both sides added the declaration margin in .a with different contents' });
});

test('mine re-ordered rules the vendor changed: a conflict; deleted and changed: a conflict', () => {
  const b = '.a { color: red; }\n.b { color: blue; }\n';
  expect(merge(b, '.b { color: blue; }\n.a { color: red; }\n', b.replace('blue', 'green'))).toMatchObject({ kind: 'declined', reason: 'conflict' });
  expect(merge(b, '.a { color: red; }\n', b.replace('blue', 'green'))).toMatchObject({ kind: 'declined', reason: 'conflict', en: 'the rule .b was deleted on one side and changed on the other' });
  const long = `.${'x'.repeat(70)}`;
  expect(merge(`${long} { a: 1; }\n`, `${long} { a: 2; }\n`, `${long} { a: 3; }\n`)).toMatchObject({ en: `both sides changed the declaration a in .${'x'.repeat(56)}... differently` });
});

test('declines: an input that does not parse, the size budget, the time budget', () => {
  expect(merge('.a {}', '.a {', '.a { b: c }')).toMatchObject({ kind: 'declined', reason: 'parse' });
  expect(cssMerger.merge({ base: '.a{}', mine: '.a{b:c}', theirs: '.b{}' }, { maxChars: 5, maxMillis: 100 })).toMatchObject({ kind: 'declined', reason: 'budget' });
  let now = 0;
  const many = (v: string) => Array.from({ length: 600 }, (_, i) => `.r${i} { color: ${i === 599 ? v : 'red'}; }`).join('\n');
  const r = cssMerger.merge({ base: many('red'), mine: many('blue'), theirs: many('red').replace('.r0 {', '.r0 { margin: 0;') }, { maxChars: 1e7, maxMillis: 500, now: () => (now += 1000) });
  expect(r).toMatchObject({ kind: 'declined', reason: 'budget' });
});

test('a declaration of mine that ends up last in a rule the vendor emptied keeps its semicolon', () => {
  const b = '.a {\n  --p: 1;\n}\n';
  expect(clean(b, '.a {\n  --m: 2;\n  --p: 1;\n}\n', '.a {\n}\n')).toBe('.a {\n  --m: 2;\n}\n');
});
