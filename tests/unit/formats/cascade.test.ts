import { mergeText, type TextOutcome } from '../../../src/tree/merge-text';
import { tokenize, mergeRegionTokens } from '../../../src/formats/tokens';
import { fileKind } from '../../../src/formats/kind';
import { spansLines } from '../../../src/formats/cascade';

const enc = (s: string) => new TextEncoder().encode(s);
const dec = (b: Uint8Array) => new TextDecoder().decode(b);
const labels = { mine: 'mine', base: 'base', theirs: 'theirs' };

function run(path: string, base: string, mine: string, theirs: string, extra: object = {}): { o: TextOutcome; text: string } {
  const o = mergeText({ path, base: enc(base), mine: enc(mine), theirs: enc(theirs) }, { style: 'merge', labels, ...extra })!;
  return { o, text: dec(o.bytes) };
}

/** Keeps one side of every block (as an editor's "accept current/incoming"). */
function keep(text: string, side: 'mine' | 'theirs'): string {
  return text.replace(/<<<<<<< [^\n]*\n([\s\S]*?)=======\n([\s\S]*?)>>>>>>> [^\n]*\n/g, (_m, a: string, b: string) => (side === 'mine' ? a : b));
}

describe('file kinds', () => {
  it('by extension', () => {
    expect(['a.json', 'm.webmanifest', 'x.jsonc', 's.CSS', 'i.htm', 'p.svg', 'a.mjs', 'b.cjs', 'c.yml', 'd.YAML', 'r.txt', 'Makefile'].map(fileKind)).toEqual([
      'json', 'json', 'json', 'css', 'html', 'xml', 'js', 'js', 'yaml', 'yaml', 'text', 'text',
    ]);
  });
});

describe('tokenize', () => {
  it('rejoins exactly and keeps strings, comments and template literals whole', () => {
    const js = 'const s="a;b, c";/* x; y */let t=`q ${a;} r`;x=/;+/g;\r\n';
    const t = tokenize(js, 'js');
    expect(t.join('')).toBe(js);
    expect(t).toContain('"a;b, c"');
    expect(t).toContain('/* x; y */');
    expect(t).toContain('/;+/g');
    const css = 'a{color:red;background:url(x;y.png)} /* c;d */ .b{content:"e;f"}\n';
    expect(tokenize(css, 'css').join('')).toBe(css);
    expect(tokenize(css, 'css')).toEqual(expect.arrayContaining(['url(x;y.png)', '/* c;d */', '"e;f"', 'background']));
    const html = '<a href="x y" class=b>Привет, мир</a>\n';
    expect(tokenize(html, 'html').join('')).toBe(html);
    expect(tokenize(html, 'html')).toContain('"x y"');
  });
});

describe('token level', () => {
  const base = 'var a=1;function f(){return 1};var b=2;var c=3;\n';
  it('non-overlapping edits inside one line merge cleanly; under lines granularity it stays a line conflict', () => {
    const mine = 'var a=10;function f(){return 1};var b=2;var c=3;\n';
    const theirs = 'var a=1;function f(){return 1};var b=2;var c=30;\n';
    const { o, text } = run('x.js', base, mine, theirs);
    expect(o.level).toBe('tokens');
    expect(o.conflicts).toHaveLength(0);
    expect(text).toBe('var a=10;function f(){return 1};var b=2;var c=30;\n');
    const lines = run('x.js', base, mine, theirs, { granularity: 'lines' });
    expect(lines.o.level).toBe('lines');
    expect(lines.o.conflicts).toHaveLength(1);
    expect(lines.text).toBe(`<<<<<<< mine\n${mine}=======\n${theirs}>>>>>>> theirs\n`);
  });
  it('overlapping edits: a block cut at safe tokens, with its column; keeping a side gives that merge', () => {
    const mine = 'var a=10;function f(){return 1};var b=2;var c=3;\n';
    const theirs = 'var a=20;function f(){return 1};var b=2;var c=30;\n';
    const { o, text } = run('x.js', base, mine, theirs);
    expect(o.level).toBe('tokens');
    expect(o.conflicts).toHaveLength(1);
    const c = o.conflicts[0];
    expect(c.column).toBe(1);
    expect(c.cutAfter).toBe(true);
    expect(c.chars).toBeLessThan(mine.length);
    expect(text).toBe('<<<<<<< mine\nvar a=10;\n=======\nvar a=20;\n>>>>>>> theirs\nfunction f(){return 1};var b=2;var c=30;\n');
    // The inserted break is after ';' — in JS it changes nothing; removing it gives the exact merge.
    expect(keep(text, 'mine').replace('10;\n', '10;')).toBe('var a=10;function f(){return 1};var b=2;var c=30;\n');
    expect(keep(text, 'theirs').replace('20;\n', '20;')).toBe('var a=20;function f(){return 1};var b=2;var c=30;\n');
    expect(o.notes.map((n) => n.code)).toContain('line-cut');
  });
  it('a block in the middle of a line records its column and both cuts', () => {
    const b = 'x=1;y=2;z=3;w=4;\n';
    const { o, text } = run('a.js', b, 'x=1;y=5;z=3;w=4;\n', 'x=1;y=6;z=3;w=4;\n');
    expect(text).toBe('x=1;\n<<<<<<< mine\ny=5;\n=======\ny=6;\n>>>>>>> theirs\nz=3;w=4;\n');
    expect(o.conflicts[0]).toMatchObject({ startLine: 2, endLine: 6, column: 5, cutBefore: true, cutAfter: true, mine: { start: 3, length: 1 } });
  });
  /** Each block's first line of each side is where `sideLines` says in that side's own file; the two blocks' numbers. */
  function expectOwnLines(o: TextOutcome, text: string, sides: { mine: string; theirs: string }): void {
    const lines = text.split('\n');
    for (const c of o.conflicts) {
      for (const side of ['mine', 'theirs'] as const) {
        const first = lines[c[side].start - 1];
        expect([side, sides[side].split('\n')[c.sideLines![side] - 1]]).toEqual([side, expect.stringContaining(first)]);
      }
    }
    expect(o.conflicts.map((c) => c.sideLines)).toEqual([
      { mine: 2, theirs: 4 },
      { mine: 3, theirs: 5 },
    ]);
  }
  it("blocks cut out of lines record where each side's content starts in its own file", () => {
    // Theirs inserted two lines above; the conflicting line is line 2 of base and mine, line 4 of theirs; a second
    // cut block in a later line of the same region counts the lines before it on each side.
    const b = 'head\nx=1;y=2;z=3;\na=1;b=2;\n';
    const { o, text } = run('a.js', b, 'head\nx=1;y=5;z=3;\na=1;b=7;\n', 'head\nnew1\nnew2\nx=1;y=6;z=3;\na=1;b=8;\n');
    expect(o.conflicts.length).toBe(2);
    for (const c of o.conflicts) expect(c.column).toBeDefined();
    expectOwnLines(o, text, { mine: 'head\nx=1;y=5;z=3;\na=1;b=7;\n', theirs: 'head\nnew1\nnew2\nx=1;y=6;z=3;\na=1;b=8;\n' });
  });
  it("the same per-side line numbers when the region is long enough for the coarse pass (pieces first)", () => {
    // 70K characters of statements on the conflicting line put the region over the coarse pass's threshold; the
    // vendor's two inserted lines are a piece of theirs alone, far from the overlap in the middle of the line, so
    // they are counted from the pieces, not from tokens.
    const fill = (v: string) => Array.from({ length: 7000 }, (_, i) => `q${i}=${i === 3500 ? v : i};`).join('');
    const b = `head\nx=1;${fill('0')}z=3;\na=1;b=2;\n`;
    const mine = `head\nx=1;${fill('M')}z=3;\na=1;b=7;\n`;
    const theirs = `head\nnew1;\nnew2;\nx=1;${fill('T')}z=3;\na=1;b=8;\n`;
    expect(b.length + mine.length + theirs.length).toBeGreaterThan(64 * 1024);
    const { o, text } = run('a.js', b, mine, theirs);
    expect(o.conflicts.length).toBe(2);
    expectOwnLines(o, text, { mine, theirs });
  });
  it('never breaks after "return" or inside a string: no safe token → the line block stays', () => {
    const b = 'return "a b c"\n';
    const { o, text } = run('r.js', b, 'return "a X c"\n', 'return "a Y c"\n');
    expect(o.level).toBe('lines');
    expect(text).toBe('<<<<<<< mine\nreturn "a X c"\n=======\nreturn "a Y c"\n>>>>>>> theirs\n');
  });
  it('diff3 style carries base in the block', () => {
    const b = 'x=1;y=2;z=3;\n';
    const o = mergeText({ path: 'a.js', base: enc(b), mine: enc('x=1;y=5;z=3;\n'), theirs: enc('x=1;y=6;z=3;\n') }, { style: 'diff3', labels })!;
    expect(dec(o.bytes)).toBe('x=1;\n<<<<<<< mine\ny=5;\n||||||| base\ny=2;\n=======\ny=6;\n>>>>>>> theirs\nz=3;\n');
  });
  it('CRLF files keep CRLF in blocks and breaks', () => {
    const b = 'x=1;y=2;z=3;\r\n';
    const { text } = run('a.js', b, 'x=1;y=5;z=3;\r\n', 'x=1;y=6;z=3;\r\n');
    expect(text).toBe('x=1;\r\n<<<<<<< mine\r\ny=5;\r\n=======\r\ny=6;\r\n>>>>>>> theirs\r\nz=3;\r\n');
  });
  it('mergeRegionTokens: text pieces plus one side of every block give that side', () => {
    const m = mergeRegionTokens('a,b,c,d\n', 'a,B,c,d\n', 'a,X,c,D\n', 'json');
    expect(m.conflicts).toBe(1);
    const side = (s: 'mine' | 'theirs') => m.pieces.map((p) => (p.kind === 'text' ? p.text : p[s])).join('');
    expect(side('mine')).toBe('a,B,c,D\n');
    expect(side('theirs')).toBe('a,X,c,D\n');
  });
});

describe('a JS file whose line starts inside a template literal (a vite bundle breaks lines only there)', () => {
  const stmts = (edit: Record<number, string>) => Array.from({ length: 30 }, (_, i) => `var a${i}=f(${edit[i] ?? i});`).join('');
  // Line 2 starts inside the template literal opened on line 1: "mid; not code {`;" is the literal's rest.
  const file = (head: string, edit: Record<number, string>) => `var s=\`head\n${head}\`;${stmts(edit)}\nvar z=1;\n`;
  const base = file('mid; not code {', {});

  it('tokens are read from the literal\'s end: edits of two statements merge cleanly', () => {
    const mine = file('mid; not code {', { 3: '33' });
    const theirs = file('mid; not code {', { 20: '99' });
    const { o, text } = run('app.js', base, mine, theirs);
    expect(o.level).toBe('tokens');
    expect(o.conflicts).toHaveLength(0);
    expect(text).toBe(file('mid; not code {', { 3: '33', 20: '99' }));
  });

  it('an overlap inside the literal\'s rest is one opaque block: no break inside the template literal', () => {
    const mine = file('mid; nOt code {', {});
    const theirs = file('mid; NOT code {', { 20: '99' });
    const { o, text } = run('app.js', base, mine, theirs);
    expect(o.conflicts).toHaveLength(1);
    // The block starts at the line's start (the literal's rest has no safe break) and ends at the first safe token
    // after it both sides share: the literal's text is never split.
    expect(text).toContain('var s=`head\n<<<<<<< mine\nmid; nOt code {`;var a0=f(0);\n=======\nmid; NOT code {`;var a0=f(0);\n>>>>>>> theirs\nvar a1=f(1);');
    // Keeping mine (the block starts at a line start, so only the break after it was inserted) gives mine's merge.
    const keepMine = (t: string) => t.replace(/<<<<<<< [^\n]*\n([\s\S]*?)\n=======\n([\s\S]*?)\n>>>>>>> [^\n]*\n/g, (_m, a: string) => a);
    expect(keepMine(text)).toBe(file('mid; nOt code {', { 20: '99' }));
  });

  it('the same through the coarse pass (a region of 64 K characters or more)', () => {
    const edit = (i: number, v: string) => ({ [i]: v });
    const big = (head: string, e: Record<number, string>) => `var s=\`head\n${head}\`;${Array.from({ length: 4000 }, (_, i) => `var a${i}=f(${e[i] ?? i});`).join('')}\nvar z=1;\n`;
    const b = big('mid; not code {', {});
    expect(b.length).toBeGreaterThan(64 * 1024 / 2);
    const { o, text } = run('app.js', b, big('mid; not code {', edit(100, '1')), big('mid; not code {', edit(3900, '2')));
    expect(o.level).toBe('tokens');
    expect(o.conflicts).toHaveLength(0);
    expect(text).toBe(big('mid; not code {', { 100: '1', 3900: '2' }));
    const c = run('app.js', b, big('mid; nOt code {', {}), big('mid; NOT code {', edit(3900, '2')));
    // The block closes at the first shared safe token after it, not after the stretch of equal pieces that follows.
    expect(c.o.conflicts).toHaveLength(1);
    expect(c.text).toContain('var s=`head\n<<<<<<< mine\nmid; nOt code {`;var a0=f(0);\n=======\nmid; NOT code {`;var a0=f(0);\n>>>>>>> theirs\nvar a1=f(1);');
    expect(c.o.conflicts[0].chars).toBeLessThan(100);
  });
});

test('spansLines: only a template literal, a block comment or a backslash line continuation lets a JS line begin inside a token', () => {
  expect(spansLines('var a = 1;\nvar b = "x" / 2; // c\n')).toBe(false);
  expect(spansLines('var s = `a\nb`;')).toBe(true);
  expect(spansLines('/* a\n b */ var a;')).toBe(true);
  expect(spansLines("var s = 'a\\\nb';")).toBe(true);
  expect(spansLines("var s = 'a\\\r\nb';")).toBe(true);
});

describe('line terminators of a structured merge are those the line merge writes', () => {
  // The line merge (merge3/render.ts) writes every line in the output's style when the sides are each uniform: an
  // admin's LF copy against the vendor's CRLF export gives all CRLF. A structured merger that copies mine's nodes
  // in whole (css.ts adopt converts only the break before a rule) left mine's LF lines inside a CRLF file.
  const crlf = (s: string) => s.replace(/\n/g, '\r\n');
  const base = '.a {\n  color: red;\n}\n';
  const mine = '.a {\n  color: red;\n}\n.m {\n  color: blue;\n  margin: 0;\n}\n';
  const theirs = '.a {\n  color: red;\n}\n.t {\n  color: green;\n}\n';
  it.each([
    ['LF base and mine against a CRLF theirs: all CRLF', base, mine, crlf(theirs), '\r\n'],
    ['CRLF base and mine against an LF theirs: all LF', crlf(base), crlf(mine), theirs, '\n'],
    ['LF base, CRLF mine, LF theirs: all LF', base, crlf(mine), theirs, '\n'],
  ])('%s', (_name, b, m, t, eol) => {
    const lines = run('a.css', b, m, t, { granularity: 'lines' });
    expect(lines.text.replace(/\r?\n/g, eol)).toBe(lines.text);
    const { o, text } = run('a.css', b, m, t);
    expect(o.level).toBe('css');
    expect(o.conflicts).toHaveLength(0);
    expect(text).toBe(crlf('.a {\n  color: red;\n}\n.m {\n  color: blue;\n  margin: 0;\n}\n.t {\n  color: green;\n}\n').replace(/\r\n/g, eol));
  });
});

describe('format checks in the cascade', () => {
  it('a clean line merge with a key twice becomes a conflict with a note; under lines it stays clean', () => {
    const base = '{\n  "a": 1,\n  "b": 2\n}\n';
    const mine = '{\n  "t": "dark",\n  "a": 1,\n  "b": 2\n}\n';
    const theirs = '{\n  "a": 1,\n  "b": 2,\n  "t": "light"\n}\n';
    const lines = run('settings.json', base, mine, theirs, { granularity: 'lines' });
    expect(lines.o.conflicts).toHaveLength(0);
    const { o } = run('settings.json', base, mine, theirs);
    expect(o.conflicts.length).toBeGreaterThan(0);
    const note = o.notes.find((n) => n.code === 'format-check');
    expect(note?.en).toContain('settings.json');
    expect(note?.ru.length).toBeGreaterThan(10);
  });
  it('a clean line merge with a key twice that the JSON merger settles (the same key and value added on both sides): level json, the key once', () => {
    const base = '{\n  "a": 1,\n  "c": 3\n}\n';
    const mine = '{\n  "b": 2,\n  "a": 1,\n  "c": 3\n}\n';
    const theirs = '{\n  "a": 1,\n  "c": 3,\n  "b": 2\n}\n';
    const lines = run('s.json', base, mine, theirs, { granularity: 'lines' });
    expect(lines.o.conflicts).toHaveLength(0);
    expect(lines.text.match(/"b"/g)).toHaveLength(2);
    const { o, text } = run('s.json', base, mine, theirs);
    expect(o.level).toBe('json');
    expect(o.conflicts).toHaveLength(0);
    expect(text.match(/"b"/g)).toHaveLength(1);
    expect(JSON.parse(text)).toEqual({ a: 1, b: 2, c: 3 });
    expect(o.notes.find((n) => n.code === 'format-check')).toBeUndefined();
  });
  it('a JSON conflict the structured merger settles: level json', () => {
    const base = '{\n  "a": 1\n}\n';
    const { o, text } = run('s.json', base, '{\n  "a": 1,\n  "m": 1\n}\n', '{\n  "a": 1,\n  "t": 2\n}\n');
    expect(o.level).toBe('json');
    expect(o.conflicts).toHaveLength(0);
    expect(JSON.parse(text)).toEqual({ a: 1, m: 1, t: 2 });
  });
});

describe('a rule\'s granularity in the tree merge', () => {
  it('lines for the rule\'s paths, the default elsewhere', () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { mergeTrees } = require('../../../src/tree/merge-tree');
    const { parseRules, strategyFor } = require('../../../src/rules');
    const files = (s: string) => new Map([['a.js', { path: 'a.js', bytes: enc(s) }], ['b.js', { path: 'b.js', bytes: enc(s) }]]);
    const tree = (s: string) => ({ source: 'x', files: files(s), dirs: new Set<string>() });
    const rules = parseRules('{ "rules": [ { "pattern": "a.js", "strategy": "merge", "granularity": "lines" } ] }', 'r.json');
    const r = mergeTrees({ base: tree('x=1;y=2;\n'), mine: tree('x=5;y=2;\n'), theirs: tree('x=1;y=6;\n') }, { style: 'merge', labels, strategyFor: strategyFor(rules) });
    const by = new Map(r.outcomes.map((o: { path: string }) => [o.path, o]));
    expect((by.get('a.js') as { status: string }).status).toBe('conflict');
    expect((by.get('b.js') as { status: string }).status).toBe('merged');
  });
});

describe('a region one side rewrote', () => {
  // Found by tests/property/renames-nothing-lost: token by token, unrelated texts align on stray punctuation and
  // the blocks mixed base's and theirs' tokens ("const step6 = compute(in,"). Such a region keeps its line block.
  it('keeps the line block, with whole sides, when a side kept little of the base', () => {
    const base = ['const step0 = compute(0, "");', 'const step1 = compute(1, "x");', 'const step2 = compute(2, "xx");', 'const step3 = compute(3, "xxx");'];
    const mine = [base[0], 'mine_0();', ...base.slice(1)];
    const theirs = ['unrelated();', 'decoy();', 'nothing(in, common);'];
    const j = (l: string[]) => l.join('\n') + '\n';
    const lines = run('a.js', j(base), j(mine), j(theirs), { granularity: 'lines' });
    const auto = run('a.js', j(base), j(mine), j(theirs));
    expect(auto.o.level).toBe('lines');
    expect(auto.text).toBe(lines.text);
    expect(keep(auto.text, 'mine')).toBe(j(mine));
    expect(keep(auto.text, 'theirs')).toBe(j(theirs));
    expect(mergeRegionTokens(j(base), j(mine), j(theirs), 'js').kept).toBeLessThan(0.5);
  });

  // A vendor's new build rewrites most of a minified bundle's one line; the admin inserted one statement.
  const stmt = (i: number) => `var a${i}=f(${i},"s${i}");`;
  const rewritten = (i: number) => `let q${i * 7}=g(${i * 3}),r${i}=[${i}];`;
  const line = (n: number, at: (i: number) => string, insert?: { after: number; text: string }) =>
    Array.from({ length: n }, (_, i) => at(i) + (insert?.after === i ? insert.text : '')).join('') + '\n';
  const baseLine = line(100, stmt);
  // theirs keeps statements 0-29 and rewrites 30-99.
  const theirsLine = line(100, (i) => (i < 30 ? stmt(i) : rewritten(i)));

  it('a long line the vendor rewrote: an insertion of mine inside the rewritten part is one small block, not the line twice', () => {
    const mine = line(100, stmt, { after: 70, text: 'our.counter();' });
    expect(mergeRegionTokens(baseLine, mine, theirsLine, 'js').keptTheirs).toBeLessThan(0.5);
    const lines = run('app.js', baseLine, mine, theirsLine, { granularity: 'lines' });
    const { o, text } = run('app.js', baseLine, mine, theirsLine);
    expect(o.level).toBe('tokens');
    expect(o.conflicts).toHaveLength(1);
    expect(lines.o.conflicts).toHaveLength(1);
    expect(o.conflicts[0].chars).toBeLessThan(baseLine.length / 10);
    // Everything outside the block is the vendor's text: keeping theirs gives the vendor's file exactly (the inserted
    // breaks are after ';' or ',' only), and mine's block holds the admin's statement.
    const noBreaks = (t: string) => t.replace(/([;,{}])\n(?!$)/g, '$1');
    expect(noBreaks(keep(text, 'theirs'))).toBe(theirsLine);
    expect(keep(text, 'mine')).toContain('our.counter();');
  });

  it('a long line the vendor rewrote: an edit of mine the alignment alone would place is a small block of its own, not a clean merge', () => {
    // Inserted among the statements theirs kept: a clean token merge would apply it at a place only the alignment
    // of a mostly rewritten line vouches for. It is written as a block of its own where it aligned, for the admin.
    const mine = line(100, stmt, { after: 10, text: 'our.counter();' });
    const m = mergeRegionTokens(baseLine, mine, theirsLine, 'js');
    expect(m.keptTheirs).toBeLessThan(0.5);
    expect(m.cleanMine).toBe(1);
    expect(m.conflicts).toBe(0);
    const { o, text } = run('app.js', baseLine, mine, theirsLine);
    expect(o.level).toBe('tokens');
    expect(o.conflicts).toHaveLength(1);
    expect(o.conflicts[0].chars).toBeLessThan(100);
    const noBreaks = (t: string) => t.replace(/([;,{}])\n(?!$)/g, '$1');
    expect(noBreaks(keep(text, 'theirs'))).toBe(theirsLine);
    // Keeping mine gives the vendor's line with the statement where it aligned (after statement 10).
    expect(noBreaks(keep(text, 'mine'))).toBe(theirsLine.replace(stmt(10), stmt(10) + 'our.counter();'));
    // Nothing of mine's outside the block: the text around it is the vendor's.
    expect(text.replace(/<<<<<<< [^\n]*\n[\s\S]*?>>>>>>> [^\n]*\n/g, '')).not.toContain('our.counter');
  });

  it('a long line the vendor rewrote: every clean edit of mine is a block, and edits in conflict stay blocks', () => {
    const mine = line(100, stmt, { after: 10, text: 'our.a();' }).replace(stmt(20), stmt(20) + 'our.b();').replace(stmt(70), stmt(70) + 'our.c();');
    const { o, text } = run('app.js', baseLine, mine, theirsLine);
    expect(o.level).toBe('tokens');
    expect(o.conflicts).toHaveLength(3);
    const noBreaks = (t: string) => t.replace(/([;,{}])\n(?!$)/g, '$1');
    expect(noBreaks(keep(text, 'theirs'))).toBe(theirsLine);
    for (const x of ['our.a();', 'our.b();', 'our.c();']) expect(keep(text, 'mine')).toContain(x);
  });

  it('a line the vendor replaced with unrelated code (a module moved away): an edit of mine aligned there alone keeps the line block', () => {
    // mine appended a statement after a long string's line; theirs put other code in its place. Token by token the
    // statement lands after theirs' `;` inside an if-body: nothing around it is text the three share.
    const base = `module.exports='${'QUJD'.repeat(200)}';\n`;
    const mine = base.replace(`';\n`, `';our.counter();\n`);
    const theirs = 'if (isNaN(d[t])) {\n  d[t] = 0;\n}\n';
    const m = mergeRegionTokens(base, mine, theirs, 'js');
    expect(m.keptTheirs).toBeLessThan(0.5);
    expect(m.cleanMine).toBe(1);
    expect(m.asBlocks('mine')).toBeUndefined();
    const lines = run('app.js', base, mine, theirs, { granularity: 'lines' });
    const { o, text } = run('app.js', base, mine, theirs);
    expect(o.level).toBe('lines');
    expect(text).toBe(lines.text);
  });

  it('both sides rewrote a long line: the line block stays', () => {
    const mine = line(100, (i) => (i < 70 ? `const z${i}=h(${i});` : stmt(i)));
    const lines = run('app.js', baseLine, mine, theirsLine, { granularity: 'lines' });
    const { o, text } = run('app.js', baseLine, mine, theirsLine);
    expect(o.level).toBe('lines');
    expect(text).toBe(lines.text);
  });
});

describe('two archives (no base)', () => {
  const twoWay = (path: string, mine: string, theirs: string, extra: object = {}) => {
    const o = mergeText({ path, mine: enc(mine), theirs: enc(theirs) }, { style: 'merge', labels, withoutBase: true, ...extra })!;
    return { o, text: dec(o.bytes) };
  };
  const stmt = (i: number, v = `s${i}`) => `var a${i}="${v}";`;
  const bundle = (edit: Record<number, string>) => Array.from({ length: 80 }, (_, i) => stmt(i, edit[i])).join('') + '\n';

  it('a long line that differs in two places: two small blocks, not the whole line twice', () => {
    const mine = bundle({ 10: 'MINE' });
    const theirs = bundle({ 60: 'THEIRS' });
    const lines = twoWay('app.js', mine, theirs, { granularity: 'lines' });
    const { o, text } = twoWay('app.js', mine, theirs);
    expect(lines.o.conflicts).toHaveLength(1);
    expect(o.level).toBe('tokens');
    expect(o.conflicts).toHaveLength(2);
    // The file is written once, not twice; the blocks hold only the two differing statements.
    expect(text.length).toBeLessThan(lines.text.length * 0.6);
    const blockChars = o.conflicts.reduce((n, c) => n + (c.chars ?? 0), 0);
    expect(blockChars).toBeGreaterThan(0);
    expect(blockChars).toBeLessThan(100);
    // Keeping one side of every block gives that side's file, less the line breaks put at the blocks' edges.
    expect(keep(text, 'mine').replace(/;\n/g, ';').replace(/;$/, ';\n')).toBe(mine);
    expect(keep(text, 'theirs').replace(/;\n/g, ';').replace(/;$/, ';\n')).toBe(theirs);
  });

  it('short lines stay two-way line blocks', () => {
    const r = twoWay('a.js', 'a();\nb();\n', 'a();\nc();\n');
    const l = twoWay('a.js', 'a();\nb();\n', 'a();\nc();\n', { granularity: 'lines' });
    expect(r.text).toBe(l.text);
    expect(r.o.level).toBe('lines');
  });
});
