/** htmlMerger and xmlMerger: attributes of one tag by name; text between tags only when one side changed it. */
import { htmlMerger, xmlMerger } from '../../../src/formats/html';
import type { StructuredResult } from '../../../src/formats/types';
import { mergeTexts } from '../merge3/harness';

const BUDGET = { maxChars: 10_000_000, maxMillis: 10_000 };
const merge = (base: string, mine: string, theirs: string, xml = false): StructuredResult => (xml ? xmlMerger : htmlMerger).merge({ base, mine, theirs }, BUDGET);
const clean = (base: string, mine: string, theirs: string, xml = false): string => {
  const r = merge(base, mine, theirs, xml);
  if (r.kind !== 'clean') throw new Error(`declined: ${r.reason}: ${r.en}`);
  return r.text;
};

const base = '<!DOCTYPE html>\n<html>\n<body>\n<div class="panel" id="main">Привет</div>\n</body>\n</html>\n';

test('mine changes class, the vendor adds data-id to the same tag: both (the line merge conflicts)', () => {
  const mine = base.replace('class="panel"', 'class="panel my-panel"');
  const theirs = base.replace('id="main"', 'id="main" data-id="7"');
  expect(mergeTexts(base, mine, theirs).rendered.conflicts).toHaveLength(1);
  expect(clean(base, mine, theirs)).toBe(base.replace('class="panel" id="main"', 'class="panel my-panel" id="main" data-id="7"'));
});

test('an attribute added by mine goes after the one it followed in mine; deleted on one side and unchanged: deleted', () => {
  const mine = base.replace('class="panel"', 'class="panel" title="t"');
  const theirs = base.replace(' id="main"', '').replace('Привет', 'Здравствуйте');
  expect(clean(base, mine, theirs)).toBe(base.replace('class="panel" id="main">Привет', 'class="panel" title="t">Здравствуйте'));
});

test('the text between tags merges when exactly one side changed each stretch', () => {
  const b = '<ul>\n<li a="1">one</li>\n<li a="2">two</li>\n</ul>\n';
  const m = b.replace('one', 'ONE');
  const t = b.replace('two', 'TWO').replace('a="1"', 'a="1" b="x"');
  expect(clean(b, m, t)).toBe('<ul>\n<li a="1" b="x">ONE</li>\n<li a="2">TWO</li>\n</ul>\n');
  // The same stretch changed on both sides: a conflict.
  expect(merge(b, b.replace('one', 'uno'), b.replace('one', 'eins'))).toMatchObject({ kind: 'declined', reason: 'conflict', en: "both sides changed the same stretch of the HTML outside a tag's attributes" });
});

test('the same attribute set differently on both sides, added with different values, or deleted and changed: a conflict', () => {
  const r = merge(base, base.replace('id="main"', 'id="a"'), base.replace('id="main"', 'id="b"'));
  expect(r).toEqual({ kind: 'declined', reason: 'conflict', en: 'both sides set the attribute "id" differently in the tag <div>', ru: 'обе стороны по-разному задали атрибут "id" у тега <div>' });
  expect(merge(base, base.replace('<div ', '<div x="1" '), base.replace('id="main"', 'id="main" x="2"'))).toMatchObject({ kind: 'declined', reason: 'conflict' });
  expect(merge(base, base.replace(' id="main"', ''), base.replace('id="main"', 'id="other"'))).toMatchObject({ kind: 'declined', reason: 'conflict', en: 'the attribute "id" was deleted on one side and changed on the other in the tag <div>' });
});

test('the same attribute added with the same value on both sides appears once', () => {
  const out = clean(base, base.replace('<div ', '<div hidden '), base.replace('id="main"', 'id="main" hidden'));
  expect(out).toBe(base.replace('id="main"', 'id="main" hidden'));
});

test('a multi-line tag keeps each side\'s layout; CRLF stays CRLF', () => {
  const b = '<foo\r\n   alpha="a"\r\n   beta="b"\r\n/>\r\n';
  const m = '<foo\r\n   iota="i"\r\n   alpha="a"\r\n   beta="b"\r\n/>\r\n';
  const t = '<foo\r\n   alpha="a"\r\n   beta="B"\r\n/>\r\n';
  expect(clean(b, m, t, true)).toBe('<foo\r\n   iota="i"\r\n   alpha="a"\r\n   beta="B"\r\n/>\r\n');
});

test('XML names are case-sensitive; HTML names are not', () => {
  const b = '<a X="1">t</a>';
  // In XML, x and X are different attributes: both survive.
  expect(clean(b, '<a x="2" X="1">t</a>', '<a X="1" y="3">t</a>', true)).toBe('<a x="2" X="1" y="3">t</a>');
  // In HTML they are one attribute, set differently by the two sides: a conflict, never a duplicate.
  expect(merge(b, '<a X="2">t</a>', '<a x="3">t</a>')).toMatchObject({ kind: 'declined', reason: 'conflict' });
});

test('script bodies are text, not markup', () => {
  const b = '<script src="a.js"></script>\n<script>var s = "<i x=1>";</script>\n';
  const m = b.replace('src="a.js"', 'src="a.js" defer');
  const t = b.replace('"<i x=1>"', '"<i x=2>"');
  expect(clean(b, m, t)).toBe('<script src="a.js" defer></script>\n<script>var s = "<i x=2>";</script>\n');
});

test('declines: an input tag holding an attribute twice, the size budget, the time budget', () => {
  expect(merge('<a x="1">', '<a x="1" x="2">', '<a x="1" y="1">')).toMatchObject({ kind: 'declined', reason: 'unsupported' });
  expect(htmlMerger.merge({ base: '<a>', mine: '<a b>', theirs: '<a c>' }, { maxChars: 5, maxMillis: 100 })).toMatchObject({ kind: 'declined', reason: 'budget' });
  let now = 0;
  expect(htmlMerger.merge({ base: '<a>', mine: '<a b>', theirs: '<a c>' }, { maxChars: 1e6, maxMillis: 100, now: () => (now += 1000) })).toMatchObject({ kind: 'declined', reason: 'budget' });
});

test('texts that begin with \\u0001 or \\u0002 (prefixed in their keys) still align by their bytes', () => {
  const b = '<div a="1">\u0001x</div>\n<p>\u0002y</p>\n<b>\u0001<i\n</b>\n';
  const mine = b.replace('a="1"', 'a="2"');
  const theirs = b.replace('\u0001x', '\u0001z');
  expect(clean(b, mine, theirs)).toBe(b.replace('a="1"', 'a="2"').replace('\u0001x', '\u0001z'));
  // Both sides changed the same text: a conflict, as for any text.
  expect(merge(b, b.replace('\u0002y', '\u0002m'), b.replace('\u0002y', '\u0002t')).kind).toBe('declined');
});
