/**
 * insertions.ts with the JS/TS, YAML and Markdown rules: both sides' insertions at one place of a commutative
 * container are both kept; everything else (the same key twice, partial items, overlapping edits, a block) stays
 * a conflict, exactly as the line merge left it.
 */
import { checkJs } from '../../../src/formats/checks';
import { insertionMerger, mergeInsertions } from '../../../src/formats/insertions';
import { JS_ITEMS_MAX_CHARS, jsInsertionRules, jsxInsertionRules } from '../../../src/formats/js-items';
import { markdownInsertionRules } from '../../../src/formats/markdown-items';
import type { InsertionRules } from '../../../src/formats/insertions';
import type { StructuredResult } from '../../../src/formats/types';
import { yamlInsertionRules } from '../../../src/formats/yaml-items';
import { mergeText } from '../../../src/tree/merge-text';
import { mergeTexts } from '../merge3/harness';

const BUDGET = { maxChars: 10_000_000, maxMillis: 10_000 };
const run = (rules: InsertionRules, base: string, mine: string, theirs: string): StructuredResult => mergeInsertions({ base, mine, theirs }, BUDGET, rules);
const cleanWith = (rules: InsertionRules) => (base: string, mine: string, theirs: string): string => {
  // Every case below is a conflict for the line merge: that is what the merger is for.
  expect(mergeTexts(base, mine, theirs).rendered.conflicts.length).toBeGreaterThan(0);
  const r = run(rules, base, mine, theirs);
  if (r.kind !== 'clean') throw new Error(`declined: ${r.en}`);
  return r.text;
};
const declinedWith = (rules: InsertionRules) => (base: string, mine: string, theirs: string): boolean => run(rules, base, mine, theirs).kind === 'declined';

const js = cleanWith(jsInsertionRules);
const jsNo = declinedWith(jsInsertionRules);

describe('JS / TS', () => {
  test('object literal fields added on both sides after the same field: mine\'s then theirs\'', () => {
    const base = 'const o = {\n  a: 1,\n};\n';
    const out = js(base, base.replace('  a: 1,\n', '  a: 1,\n  b: 2,\n'), base.replace('  a: 1,\n', '  a: 1,\n  c: [3, { d: 4 }],\n'));
    expect(out).toBe('const o = {\n  a: 1,\n  b: 2,\n  c: [3, { d: 4 }],\n};\n');
    expect(checkJs(out, [])).toBeNull();
  });

  test('fields added inside one line before the closing brace (separator first)', () => {
    expect(js('let o = { a: 1 };\n', 'let o = { a: 1, b: 2 };\n', 'let o = { a: 1, c: 3 };\n')).toBe('let o = { a: 1, b: 2, c: 3 };\n');
  });

  test('top-level imports, class members, enum members, interface members', () => {
    expect(js("import a from 'a'\n", "import a from 'a'\nimport b from 'b'\n", "import a from 'a'\nimport { c } from 'c'\n")).toBe("import a from 'a'\nimport b from 'b'\nimport { c } from 'c'\n");
    const cls = 'class A {\n  x = 1;\n}\n';
    expect(js(cls, cls.replace('  x = 1;\n', '  x = 1;\n  f() {\n    return 1;\n  }\n'), cls.replace('  x = 1;\n', '  x = 1;\n  y: string;\n'))).toBe('class A {\n  x = 1;\n  f() {\n    return 1;\n  }\n  y: string;\n}\n');
    const en = 'enum E {\n  A,\n}\n';
    expect(js(en, en.replace('  A,\n', '  A,\n  B,\n'), en.replace('  A,\n', '  A,\n  C = 3,\n'))).toBe('enum E {\n  A,\n  B,\n  C = 3,\n}\n');
    const it = 'export interface I {\n  a: number;\n}\n';
    expect(js(it, it.replace('  a: number;\n', '  a: number;\n  b?(): void;\n'), it.replace('  a: number;\n', '  a: number;\n  readonly c: string;\n'))).toBe(
      'export interface I {\n  a: number;\n  b?(): void;\n  readonly c: string;\n}\n',
    );
  });

  test('import specifiers and destructuring patterns inside one line', () => {
    expect(js("import { a } from 'x'\n", "import { a, b } from 'x'\n", "import { a, c as d } from 'x'\n")).toBe("import { a, b, c as d } from 'x'\n");
    expect(js('const { a } = f();\n', 'const { a, b } = f();\n', 'const { a, c } = f();\n')).toBe('const { a, b, c } = f();\n');
  });

  test('union operands added to a member\'s type on both sides; the same operand, a function type, a value stay conflicts', () => {
    const it = "interface I {\n  level: 'debug' | 'error';\n}\n";
    const add = (op: string) => it.replace("'debug' |", `'debug' | ${op} |`);
    expect(js(it, add("'info'"), add('Warn[]'))).toBe("interface I {\n  level: 'debug' | 'info' | Warn[] | 'error';\n}\n");
    expect(jsNo(it, add("'info'"), add("'info'").replace("'debug' | ", "'debug' | 'x' | "))).toBe(true);
    expect(jsNo(it, add("'info'"), add("'info' "))).toBe(true);
    const fn = 'type T = {\n  f: (a: string) => A | B;\n};\n';
    expect(jsNo(fn, fn.replace('A | B', 'A | C | B'), fn.replace('A | B', 'A | D | B'))).toBe(true);
    // `|` in a class field's value is a bitwise or: order and side effects matter
    const cls = 'class K {\n  x = a | b;\n}\n';
    expect(jsNo(cls, cls.replace('a | b', 'a | c | b'), cls.replace('a | b', 'a | d | b'))).toBe(true);
  });

  test('the same key added on both sides (even with the same name only) stays a conflict', () => {
    const base = 'const o = {\n  a: 1,\n};\n';
    expect(jsNo(base, base.replace('  a: 1,\n', '  a: 1,\n  b: 2,\n'), base.replace('  a: 1,\n', '  a: 1,\n  b: 3,\n'))).toBe(true);
    // theirs' key is already elsewhere in mine's object
    expect(jsNo(base, 'const o = {\n  c: 0,\n  a: 1,\n  b: 2,\n};\n', base.replace('  a: 1,\n', '  a: 1,\n  c: 3,\n'))).toBe(true);
    expect(jsNo("import a from 'a'\n", "import a from 'a'\nimport b from 'b'\n", "import a from 'a'\nimport b from 'bb'\n")).toBe(true);
    const en = 'enum E {\n  A,\n}\n';
    expect(jsNo(en, en.replace('  A,\n', '  A,\n  B,\n'), en.replace('  A,\n', '  A,\n  B = 2,\n'))).toBe(true);
  });

  test('partial items stay conflicts', () => {
    const base = 'const o = {\n  a: f(1,\n    2),\n};\n';
    // a chunk that is not whole items: an argument inside a call
    expect(jsNo(base, base.replace('    2),', '    2, 3),'), base.replace('    2),', '    2, 4),'))).toBe(true);
    // unbalanced brackets, an unclosed string
    const o = 'const o = {\n  a: 1,\n};\n';
    expect(jsNo(o, o.replace('  a: 1,\n', '  a: 1,\n  b: [2,\n'), o.replace('  a: 1,\n', '  a: 1,\n  c: 3,\n'))).toBe(true);
    expect(jsNo(o, o.replace('  a: 1,\n', "  a: 1,\n  b: '2,\n"), o.replace('  a: 1,\n', '  a: 1,\n  c: 3,\n'))).toBe(true);
    // a spread: what it brings depends on its place among the fields
    expect(jsNo(o, o.replace('  a: 1,\n', '  a: 1,\n  ...b,\n'), o.replace('  a: 1,\n', '  a: 1,\n  c: 3,\n'))).toBe(true);
    // a field with a separator on one side and without on the other
    expect(jsNo('let o = { a: 1 };\n', 'let o = { a: 1, b: 2, };\n', 'let o = { a: 1, c: 3 };\n')).toBe(true);
    // a class field whose value ends in `}` without its `;`
    const cls = 'class A {\n  x = 1;\n}\n';
    expect(jsNo(cls, cls.replace('  x = 1;\n', '  x = 1;\n  y = () => {}\n'), cls.replace('  x = 1;\n', '  x = 1;\n  z = 2;\n'))).toBe(true);
  });

  test('overlapping edits and non-commutative places stay conflicts', () => {
    // one side changed base's field, the other added one: not two insertions
    expect(jsNo('let o = { a: 1 };\n', 'let o = { a: 2 };\n', 'let o = { a: 1, b: 2 };\n')).toBe(true);
    // statements in a function body, arguments of a call, elements of an array: order matters
    const fn = 'function f() {\n  a();\n}\n';
    expect(jsNo(fn, fn.replace('  a();\n', '  a();\n  b();\n'), fn.replace('  a();\n', '  a();\n  c();\n'))).toBe(true);
    expect(jsNo('g(a);\n', 'g(a, b);\n', 'g(a, c);\n')).toBe(true);
    expect(jsNo('const l = [\n  1,\n];\n', 'const l = [\n  1,\n  2,\n];\n', 'const l = [\n  1,\n  3,\n];\n')).toBe(true);
    // statements at top level that are not imports
    expect(jsNo("import a from 'a'\n", "import a from 'a'\nrun();\n", "import a from 'a'\nimport c from 'c'\n")).toBe(true);
    // an arrow function's body and a block after `case x:`
    expect(jsNo('const f = () => {\n  a: 1\n};\n', 'const f = () => {\n  a: 1\n  b: 2\n};\n', 'const f = () => {\n  a: 1\n  c: 3\n};\n')).toBe(true);
  });

  test('a chunk must start at an item boundary of base, and mine\'s chunk must not swallow theirs\'', () => {
    // inserted between a field's name and its value
    expect(jsNo('let o = { a: x };\n', 'let o = { a: b: 2, x };\n', 'let o = { a: c: 3, x };\n')).toBe(true);
    // mine's field ends in a line comment: theirs' field would be read as part of it
    const base = 'let o = {\n  a: 1\n};\n';
    expect(jsNo(base, base.replace('a: 1', 'a: 1, b: 2 // two'), base.replace('a: 1', 'a: 1, c: 3'))).toBe(true);
  });

  test('a block after `case x:` is not an object, though `a, b` reads as a sequence there', () => {
    const base = 'switch (k) {\n  case 1: {\n    a\n  }\n}\n';
    expect(jsNo(base, base.replace('    a\n', '    a, b\n'), base.replace('    a\n', '    a, c\n'))).toBe(true);
  });

  test('above JS_ITEMS_MAX_CHARS the sides are not tokenized: the conflict stays for the token level', () => {
    const pad = '/* ' + 'x'.repeat(Math.ceil(JS_ITEMS_MAX_CHARS / 3)) + ' */\n';
    const base = pad + 'let o = { a: 1 };\n';
    expect(jsNo(base, base.replace('a: 1', 'a: 1, b: 2'), base.replace('a: 1', 'a: 1, c: 3'))).toBe(true);
    const small = 'let o = { a: 1 };\n';
    expect(jsNo(small, small.replace('a: 1', 'a: 1, b: 2'), small.replace('a: 1', 'a: 1, c: 3'))).toBe(false);
  });

  test('an insertion inside a comment is not an item', () => {
    const base = 'const o = {\n  /*\n  a: 1,\n  */\n};\n';
    expect(jsNo(base, base.replace('  a: 1,\n', '  a: 1,\n  b: 2,\n'), base.replace('  a: 1,\n', '  a: 1,\n  c: 3,\n'))).toBe(true);
  });

  test('a conflict the rules cannot settle declines the whole file, even when another one could be settled', () => {
    const base = 'const o = {\n  a: 1,\n};\nfunction f() {\n  x();\n}\n';
    const mine = base.replace('  a: 1,\n', '  a: 1,\n  b: 2,\n').replace('  x();\n', '  x();\n  y();\n');
    const theirs = base.replace('  a: 1,\n', '  a: 1,\n  c: 3,\n').replace('  x();\n', '  x();\n  z();\n');
    expect(jsNo(base, mine, theirs)).toBe(true);
  });
});

describe('JSX / TSX', () => {
  const jsx = cleanWith(jsxInsertionRules);
  const jsxNo = declinedWith(jsxInsertionRules);
  const base = 'const v = (\n  <div style={{ a: 1 }}>text</div>\n);\n';
  const attr = (a: string) => base.replace('}}>', `}}${a}>`);

  test('attributes added to one tag on both sides: mine\'s then theirs\'', () => {
    expect(jsx(base, attr(' className="foo"'), attr(' onClick={(e) => { go(e, "}") }} data-x'))).toBe(
      'const v = (\n  <div style={{ a: 1 }} className="foo" onClick={(e) => { go(e, "}") }} data-x>text</div>\n);\n',
    );
  });

  test('fields added to an object inside an attribute\'s expression', () => {
    expect(jsx(base, base.replace('a: 1', 'a: 1, b: 2'), base.replace('a: 1', 'a: 1, c: 3'))).toBe(base.replace('a: 1', 'a: 1, b: 2, c: 3'));
  });

  test('the same attribute twice, children text, an attribute\'s expression, a chunk without its leading space stay conflicts', () => {
    expect(jsxNo(base, attr(' id="a"'), attr(' id="b"'))).toBe(true);
    // a spread sets what it brings only where it stands among the others
    expect(jsxNo(base, attr(' id="a"'), attr(' {...rest}'))).toBe(true);
    expect(jsxNo(base, attr(' id="a"'), attr(' style={{}}'))).toBe(true);
    expect(jsxNo(base, base.replace('text', 'text more'), base.replace('text', 'text less'))).toBe(true);
    expect(jsxNo(base, base.replace('text</div>', 'text</div> x="1"'), base.replace('text</div>', 'text</div> y="2"'))).toBe(true);
  });
});

describe('YAML', () => {
  const yaml = cleanWith(yamlInsertionRules);
  const yamlNo = declinedWith(yamlInsertionRules);

  test('keys added at one place of a mapping, with nested values', () => {
    const base = 'foo:\n  hello: "world"\nbar: 1\n';
    expect(yaml(base, base.replace('bar: 1\n', 'bar: 1\nm: 2\n'), base.replace('bar: 1\n', 'bar: 1\nt:\n  - 3\n'))).toBe(base + 'm: 2\nt:\n  - 3\n');
    expect(yaml(base, base.replace('  hello: "world"\n', '  hello: "world"\n  a: 4\n'), base.replace('  hello: "world"\n', '  hello: "world"\n  b: 5\n'))).toBe(
      'foo:\n  hello: "world"\n  a: 4\n  b: 5\nbar: 1\n',
    );
  });

  test('the same key twice, a list item, a key inside a block scalar, another indentation stay conflicts', () => {
    const base = 'a: 1\nz: -1\n';
    expect(yamlNo(base, 'a: 1\nb: 2\nz: -1\n', 'a: 1\nb: 3\nz: -1\n')).toBe(true);
    expect(yamlNo(base, 'a: 1\nb: 2\nz: -1\n', 'a: 1\n"b": 2\nz: -1\n')).toBe(true);
    // theirs' key already further down in mine
    expect(yamlNo(base, 'a: 1\nb: 2\nz: -1\nc: 0\n', 'a: 1\nc: 3\nz: -1\n')).toBe(true);
    const list = 'l:\n  - a\n';
    expect(yamlNo(list, list + '  - b\n', list + '  - c\n')).toBe(true);
    const block = 'text: |\n  line one\nnext: 1\n';
    expect(yamlNo(block, block.replace('  line one\n', '  line one\n  b: 2\n'), block.replace('  line one\n', '  line one\n  c: 3\n'))).toBe(true);
    expect(yamlNo(base, 'a: 1\n  b: 2\nz: -1\n', 'a: 1\n  c: 3\nz: -1\n')).toBe(true);
  });
});

describe('Markdown', () => {
  const md = cleanWith(markdownInsertionRules);
  const mdNo = declinedWith(markdownInsertionRules);

  test('link definitions added among definitions', () => {
    const base = '[foo]: /url "title"\n\nText [foo]\n';
    expect(md(base, base.replace('"title"\n', '"title"\n[bar]: /b\n'), base.replace('"title"\n', '"title"\n[baz]: <https://x> \'t\'\n'))).toBe(
      '[foo]: /url "title"\n[bar]: /b\n[baz]: <https://x> \'t\'\n\nText [foo]\n',
    );
  });

  test('the same label (any case), text lines, definitions inside a code fence or after a paragraph stay conflicts', () => {
    const base = '[foo]: /url\n\nText\n';
    expect(mdNo(base, base.replace('/url\n', '/url\n[bar]: /1\n'), base.replace('/url\n', '/url\n[BAR]: /2\n'))).toBe(true);
    expect(mdNo(base, base.replace('/url\n', '/url\nsome text\n'), base.replace('/url\n', '/url\n[baz]: /2\n'))).toBe(true);
    const fenced = '```\n[foo]: /url\n```\n';
    expect(mdNo(fenced, fenced.replace('/url\n', '/url\n[a]: /1\n'), fenced.replace('/url\n', '/url\n[b]: /2\n'))).toBe(true);
    const para = 'Some paragraph\n';
    expect(mdNo(para, para + '[a]: /1\n', para + '[b]: /2\n')).toBe(true);
  });
});

describe('in the cascade (mergeText)', () => {
  const enc = (s: string) => new TextEncoder().encode(s);
  const merge = (path: string, base: string, mine: string, theirs: string) => {
    const o = mergeText({ path, base: enc(base), mine: enc(mine), theirs: enc(theirs) }, { style: 'merge', labels: { mine: 'mine', base: 'base', theirs: 'theirs' } })!;
    return { text: new TextDecoder().decode(o.bytes), level: o.level, conflicts: o.conflicts.length };
  };

  test('a .ts file with both sides\' enum members is clean at level js; a .md one at level markdown; a .yml one at level yaml', () => {
    const en = 'enum E {\n  A,\n}\n';
    expect(merge('src/e.ts', en, en.replace('  A,\n', '  A,\n  B,\n'), en.replace('  A,\n', '  A,\n  C,\n'))).toEqual({ text: 'enum E {\n  A,\n  B,\n  C,\n}\n', level: 'js', conflicts: 0 });
    const tag = '<a href="/">x</a>;\n';
    expect(merge('c.tsx', tag, tag.replace('">', '" id="m">'), tag.replace('">', '" title="t">'))).toEqual({ text: '<a href="/" id="m" title="t">x</a>;\n', level: 'js', conflicts: 0 });
    const md = '[a]: /a\n';
    expect(merge('README.md', md, md + '[b]: /b\n', md + '[c]: /c\n')).toEqual({ text: '[a]: /a\n[b]: /b\n[c]: /c\n', level: 'markdown', conflicts: 0 });
    expect(merge('c.yml', 'a: 1\n', 'a: 1\nb: 2\n', 'a: 1\nc: 3\n')).toEqual({ text: 'a: 1\nb: 2\nc: 3\n', level: 'yaml', conflicts: 0 });
  });

  test('the same key twice in a .js object keeps the line conflict exactly as the line merge gives it', () => {
    const base = 'module.exports = {\n  a: 1,\n};\n';
    const mine = base.replace('  a: 1,\n', '  a: 1,\n  b: 2,\n');
    const theirs = base.replace('  a: 1,\n', '  a: 1,\n  b: 3,\n');
    const got = merge('x.js', base, mine, theirs);
    expect(got.conflicts).toBe(1);
    expect(got.level).toBe('lines');
    expect(got.text).toBe(mergeTexts(base, mine, theirs).text);
  });

  test('the merger is a StructuredMerger with its level', () => {
    expect(insertionMerger('yaml', yamlInsertionRules).level).toBe('yaml');
    expect(insertionMerger('js', jsInsertionRules).merge({ base: '', mine: 'a', theirs: 'b' }, BUDGET).kind).toBe('declined');
  });
});
