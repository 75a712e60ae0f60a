/**
 * The format checks of a clean merge. Each check first gets the case that motivated it: today's line merge
 * (git-identical) gives a clean file that is wrong for its format, and the check says so.
 */
import { checkCss, checkHtml, checkJs, checkJson, checkXml, checkYaml, commentLinesApart, JS_CHECK_MAX_CHARS, lineColumn, markupCommentLinesApart } from '../../../src/formats/checks';
import { mergeTexts } from '../merge3/harness';

/** The line merge of three texts; the test needs it to be clean. */
function cleanLineMerge(base: string, mine: string, theirs: string): string {
  const m = mergeTexts(base, mine, theirs);
  expect(m.rendered.conflicts).toHaveLength(0);
  return m.text;
}

describe('checkJson', () => {
  const base = '{\n  "a": 1,\n  "b": 2,\n  "c": 3\n}\n';
  const mine = '{\n  "theme": "dark",\n  "a": 1,\n  "b": 2,\n  "c": 3\n}\n';
  const theirs = '{\n  "a": 1,\n  "b": 2,\n  "c": 3,\n  "theme": "light"\n}\n';

  test('the line merge of one key added on both sides in different places is clean and holds it twice: fails', () => {
    const merged = cleanLineMerge(base, mine, theirs);
    expect(JSON.parse(merged)).toEqual({ theme: 'light', a: 1, b: 2, c: 3 });
    const f = checkJson(merged, [base, mine, theirs], 'settings.json');
    expect(f?.en).toBe('the merged settings.json would hold the key "theme" twice, lines 2 and 6: both sides added it');
    expect(f?.ru).toBe('объединённый settings.json содержал бы ключ "theme" дважды, строки 2 и 6: его добавили обе стороны');
  });

  test('without a name the message says "the merged file"; a nested key gives its object\'s path', () => {
    const b = '{"x": [{"k": 1}, {"k": 2}]}';
    const merged = '{"x": [{"k": 1}, {"k": 2, "y/z": 1, "y/z": 2}]}';
    expect(checkJson(merged, [b])?.en).toBe('the merged file would hold the key "y/z" twice (in /x/1), line 1: both sides added it');
  });

  test('a key an input already held twice at that place is not the merge\'s fault', () => {
    const dup = '{"a": 1, "a": 2}';
    expect(checkJson(dup, [dup, '{"a": 1}'])).toBeNull();
    // ...but a third copy is.
    expect(checkJson('{"a": 1, "a": 2, "a": 3}', [dup])).not.toBeNull();
    // The same key in two different objects is fine.
    expect(checkJson('{"a": {"k": 1}, "b": {"k": 2}}', ['{}'])).toBeNull();
  });

  test('a merge that no longer parses fails; one whose inputs did not parse either is not judged', () => {
    const f = checkJson('{"a": 1\n "b": 2}', ['{"a": 1}', '{"b": 2}']);
    expect(f?.en).toBe('the merged file would no longer parse as JSON: CommaExpected at line 2, column 2');
    expect(f?.ru).toBe('объединённый файл перестал бы читаться как JSON: CommaExpected, строка 2, столбец 2');
    expect(checkJson('{"a": 1\n "b": 2}', ['{"a": 1', '{"b": 2}'])).toBeNull();
  });

  test('comments and trailing commas: allowed when an input had them, a failure when all inputs were strict JSON', () => {
    const jsonc = '{\n  // the colour\n  "a": 1,\n}\n';
    expect(checkJson(jsonc, [jsonc, '{"a": 1}'])).toBeNull();
    expect(checkJson(jsonc, ['{"a": 1}', '{"a": 2}'])?.en).toMatch(/no longer parse as JSON: InvalidCommentToken/);
    const f = checkJson('{\n  // c\n  "a": 1\n  "b": 2\n}', [jsonc]);
    expect(f?.en).toBe('the merged file would no longer parse as JSON (with comments): CommaExpected at line 4, column 3');
  });

  test('valid JSON, an empty merge and scalars pass', () => {
    expect(checkJson('{"a": [1, {"b": null}], "c": "d"}\n', ['{}'])).toBeNull();
    expect(checkJson('', ['{}'])).toBeNull();
    expect(checkJson('42', ['41'])).toBeNull();
  });
});

describe('checkHtml and checkXml', () => {
  const base = '<html>\n<body>\n<div\n  id="main"\n  title="t"\n  lang="ru">\n</div>\n</body>\n</html>\n';
  const mine = '<html>\n<body>\n<div\n  class="mine"\n  id="main"\n  title="t"\n  lang="ru">\n</div>\n</body>\n</html>\n';
  const theirs = '<html>\n<body>\n<div\n  id="main"\n  title="t"\n  lang="ru"\n  class="vendor">\n</div>\n</body>\n</html>\n';

  test('the line merge of one attribute added on both sides of a multi-line tag is clean and repeats it: fails', () => {
    const merged = cleanLineMerge(base, mine, theirs);
    const f = checkHtml(merged, [base, mine, theirs], 'index.html');
    expect(f?.en).toBe('the merged index.html would have the attribute "class" twice in one <div> tag, lines 4 and 8: both sides added it');
    expect(f?.ru).toBe('в объединённом index.html у тега <div> атрибут "class" был бы дважды, строки 4 и 8: его добавили обе стороны');
    expect(checkXml(merged, [base, mine, theirs])?.en).toMatch(/^the merged file would have the attribute "class" twice in one <div> tag/);
  });

  test('HTML compares attribute names case-insensitively, as browsers do; XML does not', () => {
    const t = '<p CLASS="a" class="b">x</p>';
    expect(checkHtml(t, ['<p>x</p>'])?.en).toMatch(/"class" twice in one <p> tag, line 1/);
    expect(checkXml(t, ['<p>x</p>'])).toBeNull();
  });

  test('a duplicate an input already had is excused; the same attribute on different tags is fine', () => {
    const dup = '<a href="1" href="2">x</a>';
    expect(checkHtml(dup + '\n<b>', [dup])).toBeNull();
    expect(checkHtml('<a href="1"></a><a href="2"></a><img src=x src=y>', ['<a></a>'])?.en).toMatch(/"src" twice in one <img> tag/);
    expect(checkHtml('<a href="1"></a><a href="2"></a>', [''])).toBeNull();
  });

  test('script text is not markup: a string that looks like a tag is not judged', () => {
    expect(checkHtml('<script>var s = "<a x=1 x=2>";</script>', ['<script></script>'])).toBeNull();
  });
});

describe('checkCss', () => {
  const base = '.a { color: red; }\n.k { color: red; }\n.b { color: blue; }\n.q { color: red; }\n.c { color: green; }\n';
  // mine comments three rules out (first and last line); the vendor puts "*/" into a string on the middle line.
  const mine = '/* .a { color: red; }\n.k { color: red; }\n.b { color: blue; }\n.q { color: red; }\n.c { color: green; } */\n';
  const theirs = '.a { color: red; }\n.k { color: red; }\n.b { content: "*/"; }\n.q { color: red; }\n.c { color: green; }\n';

  test('the line merge of a comment opened and closed by mine around the vendor\'s "*/" is clean and no longer parses: fails', () => {
    const merged = cleanLineMerge(base, mine, theirs);
    const f = checkCss(merged, [base, mine, theirs], 'a.css');
    expect(f?.en).toBe('the merged a.css would no longer parse as CSS: Unclosed string, line 3, column 18');
    expect(f?.ru).toBe('объединённый a.css перестал бы читаться как CSS: Unclosed string, строка 3, столбец 18');
  });

  test('a merge is not judged when an input did not parse; a text that parses passes', () => {
    expect(checkCss('.a {', ['.a {', '.b {}'])).toBeNull();
    expect(checkCss(theirs, [base, mine, theirs])).toBeNull();
  });
});

describe('checkJs', () => {
  const base = 'var s = 1;\nvar k = 0;\nvar t = 2;\nvar q = 0;\nvar u = 3;\n';
  // mine turns lines 1–5 into one template literal; the vendor puts a backtick into a string on line 3.
  const mine = 'var s = `\nvar k = 0;\nvar t = 2;\nvar q = 0;\n`;\n';
  const theirs = "var s = 1;\nvar k = 0;\nvar t = '`';\nvar q = 0;\nvar u = 3;\n";

  test('the line merge of a template literal around the vendor\'s backtick is clean and no longer parses: fails', () => {
    const merged = cleanLineMerge(base, mine, theirs);
    const f = checkJs(merged, [base, mine, theirs], 'app.js');
    expect(f?.en).toBe('the merged app.js would no longer parse as JavaScript: Unterminated string constant, line 3, column 11');
    expect(f?.ru).toBe('объединённый app.js перестал бы читаться как JavaScript: Unterminated string constant, строка 3, столбец 11');
  });

  test('a statement split at a line break the two sides cut differently: fails, with the position', () => {
    const base = 'const a = f(1,\n  2);\nconst b = 3;\n';
    const mine = 'const a = f(1,\n  2, 4);\nconst b = 3;\n';
    const theirs = 'const a = g(1);\nconst b = 3;\n';
    // What a careless merge keeps of both: theirs' first line and mine's second line.
    const broken = 'const a = g(1);\n  2, 4);\nconst b = 3;\n';
    const f = checkJs(broken, [base, mine, theirs]);
    expect(f?.en).toBe('the merged file would no longer parse as JavaScript: Unexpected token, line 2, column 7');
    expect(f?.ru).toBe('объединённый файл перестал бы читаться как JavaScript: Unexpected token, строка 2, столбец 7');
  });

  test('modules and sloppy scripts both parse; inputs that do not parse are not judged', () => {
    expect(checkJs('import x from "y";\nexport const z = x;\n', [''])).toBeNull();
    expect(checkJs('with (o) { x = 010; }\n', [''])).toBeNull();
    expect(checkJs('#!/usr/bin/env node\nawait 1;\n', [''])).toBeNull();
    expect(checkJs('let = ;', ['let x = <div/>;'])).toBeNull(); // JSX input: acorn cannot judge
    expect(checkJs('let = ;', ['let x = 1;'])).not.toBeNull();
  });

  test('texts above the size limit are not parsed', () => {
    const big = 'x'.repeat(JS_CHECK_MAX_CHARS) + ' +';
    expect(checkJs(big, ['1;'])).toBeNull();
  });
});

/*
 * checkJs skips the parse when the merge is an input but for comment lines put in at one line start in code
 * (commentLinesApart). Promise 5 still holds: where the same comment line lands inside a token, the merge is parsed
 * and a merge that no longer parses fails.
 */
describe('checkJs: an input but for comment lines', () => {
  const comment = '/* customised: our counter */\n';
  const at = (text: string, line: number, insert: string) => {
    const ls = text.split('\n');
    return [...ls.slice(0, line), insert.replace(/\n$/, ''), ...ls.slice(line)].join('\n');
  };

  test('a comment line after the first line of code or of a one-line comment: the same parse, skipped', () => {
    for (const t of ['define([], function () {\nreturn 1;\n});\n', '/*! license */\n(function(){var a=1})();\n', '#!/usr/bin/env node\nx();\n', '\r\nvar a;\r\n']) {
      expect(commentLinesApart(at(t, 1, comment), t)).toBe(true);
      expect(commentLinesApart(t, at(t, 1, comment))).toBe(true);
      expect(checkJs(at(t, 1, comment), [t])).toBeNull();
    }
    expect(commentLinesApart(at('a;\nb;\n', 2, '// x\n\t/* y\n z */\n'), 'a;\nb;\n')).toBe(true);
    expect(commentLinesApart('a;\n', 'a;\n')).toBe(true);
  });

  test('the same line inside a block comment, a continued string or before a hashbang: parsed, and the merge fails', () => {
    const cases = [
      '/*!-----\n * Copyright\n *-----*/\nvar a = 1;\n', // the inner "*/" closes the license comment early
      'var s = "a\\\nb";\n', // inside a string continued by a backslash
    ];
    for (const t of cases) {
      expect(commentLinesApart(at(t, 1, comment), t)).toBe(false);
      expect(checkJs(at(t, 1, comment), [t])?.en).toMatch(/would no longer parse as JavaScript/);
    }
    // A block comment opened after code, the line put inside it: the '/*' is not judged here, so it is parsed.
    const late = 'var s = 1;\n/* open\n */ var t;\n';
    expect(commentLinesApart(at(late, 1, comment), late)).toBe(true); // above the comment: in code
    expect(commentLinesApart(at(late, 2, comment), late)).toBe(false);
    expect(checkJs(at(late, 2, comment), [late])?.en).toMatch(/would no longer parse as JavaScript/);
    const hashbang = '#!/usr/bin/env node\nx();\n';
    expect(commentLinesApart(comment + hashbang, hashbang)).toBe(false);
    expect(checkJs(comment + hashbang, [hashbang])?.en).toMatch(/would no longer parse as JavaScript/);
  });

  test('inside a template literal, or lines that are not only comments: parsed (and judged by the parse)', () => {
    const template = 'var s = `a\nb`;\n';
    expect(commentLinesApart(at(template, 1, comment), template)).toBe(false);
    expect(checkJs(at(template, 1, comment), [template])).toBeNull(); // still parses: the string changed, not the syntax
    const code = 'a();\nb();\n';
    expect(commentLinesApart(at(code, 1, 'c(\n'), code)).toBe(false);
    expect(checkJs(at(code, 1, 'c(\n'), [code])?.en).toMatch(/would no longer parse as JavaScript/);
    expect(commentLinesApart(at(code, 1, '/* unclosed\n'), code)).toBe(false);
    // Two separate insertions are not one run of lines.
    expect(commentLinesApart('a();\n// x\nb();\n// y\n', code)).toBe(false);
  });
});

describe('checkHtml: an input but for comment lines in text', () => {
  const page = '<!DOCTYPE html>\r\n<div class="a" class="b">x</div>\r\n';
  const withLine = (text: string, afterLine: number, line: string) => {
    const ls = text.split('\n');
    return [...ls.slice(0, afterLine), line, ...ls.slice(afterLine)].join('\n');
  };

  test('a comment line under the doctype, comments and declarations before it: skipped, and the answer is the same', () => {
    const merged = withLine(page, 1, '<!-- customised: our counter -->\r');
    expect(markupCommentLinesApart(merged, page)).toBe(true);
    expect(checkHtml(merged, [page])).toBeNull(); // the input already had class twice
    for (const head of ['<!-->\n', '<!--->\n', '<!-- a -- b --->\n', '<?xml version="1.0"?>\n', 'text only\n']) {
      expect(markupCommentLinesApart(head + '<!-- c -->\n<p a>\n', head + '<p a>\n')).toBe(true);
    }
  });

  test('the same lines inside a tag, after a tag or inside an open comment: scanned, and a repeat they add fails', () => {
    // The line merge put the vendor's attribute line into mine's tag: a = twice. Its text has no '<', but it lands in a tag.
    const tag = '<div a="1"\n b="2">\n';
    const merged = withLine(tag, 1, ' a="3"');
    expect(markupCommentLinesApart(merged, tag)).toBe(false);
    expect(checkHtml(merged, [tag])?.en).toMatch(/attribute "a" twice/);
    expect(markupCommentLinesApart(withLine('<p>\nx\n', 1, '<!-- c -->'), '<p>\nx\n')).toBe(false); // after a tag
    expect(markupCommentLinesApart(withLine('<!-- open\n-->\n', 1, 'y'), '<!-- open\n-->\n')).toBe(false); // in a comment
    expect(markupCommentLinesApart(withLine('<!-x>\n<p>\n', 1, 'y'), '<!-x>\n<p>\n')).toBe(false);
    expect(markupCommentLinesApart(withLine('<!DOCTYPE html>\n', 1, '<b c c>'), '<!DOCTYPE html>\n')).toBe(false); // a tag added
  });
});

/*
 * checkJs asks V8 first (`new vm.Script`, compile only) and takes its yes; acorn judges whatever V8 rejects. The
 * verdicts must stay acorn's: these pin them on the inputs where the two parsers could part — early errors inside
 * functions V8 compiles lazily (its pre-parser must still report them), the 'use strict' directive, Annex B's
 * sloppy-mode syntax and HTML comments, module code and top-level await (V8 compiles a script; acorn tries both).
 */
describe('checkJs: V8 and acorn agree', () => {
  /** Rejected by acorn as a script and as a module, at the top level and inside nested functions alike. */
  const faults = [
    'let a; let a;', 'let x; { var x; }', 'for (let x;;) { var x; }', 'switch (1) { case 1: let a; break; case 2: let a; }',
    'try {} catch (e) { let e; }', 'const a;', 'let [a, a] = b;',
    "'use strict'; with (a) {}", "'use strict'; 010;", "'use strict'; '\\08';", "'use strict'; if (1) function g() {}",
    "'use strict'; delete x;", "'use strict'; eval = 1;", "function g(a, a) { 'use strict'; }",
    "function g(a = 1) { 'use strict'; }", '(a, a) => 1;', 'break;', 'a: { continue a; }', 'x: x: ;', '/(/;', '/a/gg;',
    '/(?<a>x)(?<a>y)/;', '/\\u{110000}/u;', '1__0;', '`\\u{`;', '({ __proto__: 1, __proto__: 2 });',
    'class A { constructor() {} constructor() {} }', 'class A { #x; m() { this.#y; } }', 'class A { m() { super(); } }',
    'class A { static { await; } }', 'class A { x = arguments; }', 'a?.b = 1;', 'a ?? b || c;', '-1 ** 2;',
    'async function g() { var await; }', 'function* g() { var yield; }', 'x = { get a(b) {} };', 'super.x;',
  ];
  /** Sloppy scripts that acorn accepts (Annex B, HTML comments, legacy octal), at any depth. */
  const sloppy = [
    'for (var x = 1 in y);', 'if (1) function g() {}', 'label: function g() {}', 'yield = 1;', "'\\08';",
    "delete x; 'use strict';", 'tag`\\u{`;', 'with (o) { x = 010; }', 'try {} catch (e) { var e; }', '/[\\p{L}--\\p{N}]/v;',
    'import("x");', '<!-- comment\nvar a = 1;\n--> also comment', 'x = 1; /* a\n b */ --> comment',
  ];
  const nested = (body: string) => `function f() {\n  function g() {\n${body}\n  }\n}\n`;

  test.each(faults)('%s fails, at the top level and in a lazily compiled function', (body) => {
    expect(checkJs(body, ['1;'])).not.toBeNull();
    expect(checkJs(nested(body), ['1;'])).not.toBeNull();
  });

  test.each(sloppy)('%s parses, at the top level and in a lazily compiled function', (body) => {
    expect(checkJs(body, ['1;'])).toBeNull();
    expect(checkJs(nested(body), ['1;'])).toBeNull();
  });

  test('module code and syntax newer than V8 go to acorn: they parse; a module with script-only syntax does not', () => {
    for (const ok of ['import x from "y";', 'export default 1;', 'await 1;', 'import.meta.url;', '#!/usr/bin/env node\n1;',
      'function f() { using x = y; }', '/(?i:a)/;']) {
      expect(checkJs(ok, ['1;'])).toBeNull();
    }
    for (const bad of ['import x from "y"; <!-- x', 'import x from "y"; with (a) {}', 'await 1; with (a) {}', 'function f() { await 1; }']) {
      expect(checkJs(bad, ['1;'])).not.toBeNull();
    }
  });

  test('a fault still gets acorn\'s message and position, inside a lazily compiled function too', () => {
    const f = checkJs(nested('    let a = 1;\n    let a = 2;'), ['1;']);
    expect(f?.en).toBe("the merged file would no longer parse as JavaScript: Identifier 'a' has already been declared, line 4, column 9");
  });

  test('a script V8 compiles is not parsed by acorn; a module is', () => {
    const acorn = require('acorn') as typeof import('acorn');
    const parse = jest.spyOn(acorn, 'parse');
    try {
      expect(checkJs('var a = function () { return [1, 2].map((x) => x * 2); };\n', ['1;'])).toBeNull();
      expect(parse).not.toHaveBeenCalled();
      expect(checkJs('export const a = 1;\n', ['1;'])).toBeNull();
      expect(parse).toHaveBeenCalledTimes(1);
    } finally {
      parse.mockRestore();
    }
  });
});

describe('checkYaml', () => {
  test('the line merge of one key added at both ends with different values is clean and holds it twice: fails', () => {
    const base = 'a: 1\nb: 2\nc: 3\n';
    const mine = 'z: 7\na: 1\nb: 2\nc: 3\n';
    const theirs = 'a: 1\nb: 2\nc: 3\nz: 9\n';
    const merged = cleanLineMerge(base, mine, theirs);
    const f = checkYaml(merged, [base, mine, theirs], 'config.yml');
    expect(f?.en).toBe('the merged config.yml would hold the key "z" twice, line 5: both sides added it');
    expect(f?.ru).toBe('объединённый config.yml содержал бы ключ "z" дважды, строка 5: его добавили обе стороны');
  });

  test('a merge that no longer parses fails where the inputs parsed; multi-document streams load', () => {
    expect(checkYaml('a: [1, 2\n', ['a: [1]\n'])?.en).toMatch(/^the merged file would no longer parse as YAML: /);
    expect(checkYaml('a: [1, 2\n', ['a: [1\n'])).toBeNull();
    expect(checkYaml('a: 1\n---\na: 2\n', ['a: 1\n'])).toBeNull();
  });
});

test('lineColumn counts 1-based lines and columns', () => {
  expect(lineColumn('ab\ncd\r\nef', 0)).toEqual({ line: 1, column: 1 });
  expect(lineColumn('ab\ncd\r\nef', 4)).toEqual({ line: 2, column: 2 });
  expect(lineColumn('ab\ncd\r\nef', 7)).toEqual({ line: 3, column: 1 });
});
