/**
 * HTML with an inline script or style (formats/embedded.ts): a region inside a `<script>` body gets JS's tokens and
 * safe breaks, inside `<style>` CSS's, so an overlap there is a small block instead of the whole line; the markup
 * itself still has no safe break. Keeping one side of every block gives exactly that side's merge once the breaks
 * the blocks inserted (after a JS/CSS safe token) are taken out again.
 */
import { mergeText, type TextOutcome } from '../../../src/tree/merge-text';
import { contextAt, contexts, segments } from '../../../src/formats/embedded';
import { tokenEol } from '../../../src/formats/cascade';
import { splitLines } from '../../../src/text/lines';

const enc = (s: string) => new TextEncoder().encode(s);
const dec = (b: Uint8Array) => new TextDecoder().decode(b);
const labels = { mine: 'mine', base: 'base', theirs: 'theirs' };

function run(path: string, base: string, mine: string, theirs: string): { o: TextOutcome; text: string } {
  const o = mergeText({ path, base: enc(base), mine: enc(mine), theirs: enc(theirs) }, { style: 'merge', labels })!;
  return { o, text: dec(o.bytes) };
}

/** Keeps one side of every block and joins the lines the blocks cut (the breaks before and after them). */
function keep(text: string, side: 'mine' | 'theirs'): string {
  return text.replace(/\n?<<<<<<< [^\n]*\n([\s\S]*?)\n=======\n([\s\S]*?)\n>>>>>>> [^\n]*\n/g, (_m, a: string, b: string) => (side === 'mine' ? a : b));
}

const script = (b: string, d: string) => `const a=1;const b=${b};function f(){return a+b};const s="</p>;{";var c=3;var d=${d};`;
const page = (body: string, css = 'color:red;background:blue') =>
  `<!doctype html>\n<html><head><title>T</title>\n<script type="module">\n${body}\n</script><style>.x{${css}}.y{margin:0}</style>\n</head><body><p>Hello; world</p></body></html>\n`;

describe('inline script', () => {
  it('an overlap inside an inline script is a small block; keeping a side gives exactly that side\'s merge', () => {
    const base = page(script('2', '4'));
    const mine = page(script('20', '4'));
    const theirs = page(script('3', '5'));
    const { o, text } = run('index.html', base, mine, theirs);
    expect(o.level).toBe('tokens');
    expect(o.conflicts).toHaveLength(1);
    expect(o.conflicts[0].chars).toBeLessThan(30);
    expect(text).toContain('<<<<<<< mine\nconst b=20;\n=======\nconst b=3;\n>>>>>>> theirs\n');
    expect(keep(text, 'mine')).toBe(page(script('20', '5')));
    expect(keep(text, 'theirs')).toBe(page(script('3', '5')));
  });

  it('a line inside a multi-line inline script: the region starts in JS', () => {
    const body = (b: string) => `let x=0;\nconst q=[1,2];\n${script(b, '4')}\nlet y=1;`;
    const base = page(body('2'));
    const { o, text } = run('index.html', base, page(body('20')), page(body('3')));
    expect(o.conflicts).toHaveLength(1);
    expect(o.conflicts[0].chars).toBeLessThan(30);
    expect(keep(text, 'mine')).toBe(page(body('20')));
  });

  it('an overlap inside <style> is cut at CSS safe tokens', () => {
    const base = page(script('2', '4'));
    const { o, text } = run('index.html', base, page(script('2', '4'), 'color:green;background:blue'), page(script('2', '4'), 'color:black;background:blue'));
    expect(o.conflicts).toHaveLength(1);
    expect(text).toContain('<<<<<<< mine\ncolor:green;\n=======\ncolor:black;\n>>>>>>> theirs\n');
    expect(keep(text, 'theirs')).toBe(page(script('2', '4'), 'color:black;background:blue'));
  });

  it('markup and non-JS script bodies have no safe break: the line block stays', () => {
    const tpl = (v: string) => `<html><body>\n<script type="text/template">a;b=${v};c;</script><p>x;${v};y</p>\n</body></html>\n`;
    const { o, text } = run('t.html', tpl('1'), tpl('2'), tpl('3'));
    expect(o.level).toBe('lines');
    expect(text).toBe(`<html><body>\n<<<<<<< mine\n${tpl('2').split('\n')[1]}\n=======\n${tpl('3').split('\n')[1]}\n>>>>>>> theirs\n</body></html>\n`);
  });

  it('a script with src is not JS inside; "</script" in a JS string ends the body, as in a browser', () => {
    expect(segments('<script src="a.js">x;y</script>', 'html').map((s) => s.lang)).toEqual(['html', 'raw', 'html']);
    expect(segments('<script>a="</script>";b;</script>', 'html').map((s) => [s.lang, s.start, s.end])).toEqual([
      ['html', 0, 8], ['js', 8, 11], ['html', 11, 33],
    ]);
    expect(segments('<!-- <script> -->x<STYLE type="text/css">a{b:c}</style>', 'html').map((s) => s.lang)).toEqual(['html', 'css', 'html']);
  });

  it('contextAt: JS at a line start that is a fresh start of the script; inside a template literal, JS after its end', () => {
    const html = '<p>\n<script>\nlet a=1;\nlet t=`x\ny`;\n</script>\n';
    const lineStart = (k: number) => html.split('\n').slice(0, k).join('\n').length + 1;
    expect(contextAt(html, lineStart(2))).toEqual({ lang: 'js' });
    // Line 4 starts inside the template literal: its first 3 characters ("y`;") are opaque, JS starts after them.
    expect(contextAt(html, lineStart(4))).toEqual({ lang: 'js', skip: 3 });
    expect(contextAt(html, lineStart(5))).toEqual({ lang: 'html' });
  });

  it('a line that starts inside a template literal (a vite bundle\'s lines all do): the literal\'s rest is opaque, the code after it is cut at JS safe tokens', () => {
    const body = (b: string, d: string) => `const t=\`first\nsecond;{x}\`;${script(b, d)}`;
    const base = page(body('2', '4'));
    const mine = page(body('20', '4'));
    const theirs = page(body('3', '5'));
    const { o, text } = run('index.html', base, mine, theirs);
    expect(o.level).toBe('tokens');
    expect(o.conflicts).toHaveLength(1);
    expect(text).toContain('<<<<<<< mine\nconst b=20;\n=======\nconst b=3;\n>>>>>>> theirs\n');
    // Nothing was cut inside the template literal.
    expect(text).toContain('second;{x}`;const a=1;');
    expect(keep(text, 'mine')).toBe(page(body('20', '5')));
    expect(keep(text, 'theirs')).toBe(page(body('3', '5')));
  });

  it('a file with mixed terminators on all sides (CRLF markup around an LF bundle) is merged by tokens too', () => {
    const crlf = (b: string, d: string) => page(script(b, d)).replace(/\n(?!<\/script>)/g, '\r\n');
    const base = crlf('2', '4');
    expect(base).toContain('\r\n');
    expect(base).toContain(';\n</script>');
    const { o, text } = run('index.html', base, crlf('20', '4'), crlf('3', '5'));
    expect(o.level).toBe('tokens');
    expect(o.conflicts).toHaveLength(1);
    // Markers take theirs' most common terminator (CRLF), as the line merge writes them in mixed files.
    expect(text).toContain('<<<<<<< mine\r\nconst b=20;\r\n=======\r\nconst b=3;\r\n>>>>>>> theirs\r\n');
    const keepCrlf = (side: 'mine' | 'theirs') =>
      text.replace(/\r\n<<<<<<< [^\n]*\n([\s\S]*?)\r\n=======\r\n([\s\S]*?)\r\n>>>>>>> [^\n]*\n/g, (_m, a: string, b: string) => (side === 'mine' ? a : b));
    expect(keepCrlf('mine')).toBe(crlf('20', '5'));
    expect(keepCrlf('theirs')).toBe(crlf('3', '5'));
  });

  it('a vendor\'s new page with mixed terminators against LF base and mine (and the reverse): merged by tokens, every line keeping its own terminator, as the line merge keeps them', () => {
    const lf = (b: string, d: string) => page(script(b, d));
    const mixed = (b: string, d: string) => lf(b, d).replace(/\n(?!<\/script>)/g, '\r\n');
    // Theirs mixed: the line merge's output is mixed, no line converted.
    const a = run('index.html', lf('2', '4'), lf('20', '4'), mixed('2', '5'));
    expect(a.o.level).toBe('tokens');
    expect(a.o.conflicts).toHaveLength(0);
    expect(a.text).toBe(mixed('20', '5'));
    // Theirs LF, base and mine mixed: mine's CRLF lines stay CRLF where mine's text is taken, as render keeps them.
    const b = run('index.html', mixed('2', '4'), mixed('20', '4'), lf('2', '5'));
    expect(b.o.level).toBe('tokens');
    expect(b.text).toBe(lf('20', '5'));
  });

  it('an LF side against a CRLF vendor file: the line merge converts its lines, so the token level does not run', () => {
    const lf = (b: string, d: string) => page(script(b, d));
    const crlf = (b: string, d: string) => lf(b, d).replace(/\n/g, '\r\n');
    const o = mergeText({ path: 'index.html', base: enc(lf('2', '4')), mine: enc(lf('20', '4')), theirs: enc(crlf('2', '5')) }, { style: 'merge', labels })!;
    const lines = mergeText({ path: 'index.html', base: enc(lf('2', '4')), mine: enc(lf('20', '4')), theirs: enc(crlf('2', '5')) }, { style: 'merge', labels, granularity: 'lines' })!;
    expect(o.level).toBe('lines');
    expect(dec(o.bytes)).toBe(dec(lines.bytes));
    expect(tokenEol({ base: splitLines(lf('2', '4')), mine: splitLines(lf('20', '4')), theirs: splitLines(crlf('2', '5')) })).toBeUndefined();
  });

  it('tokenEol: the marker terminator as render writes it, or undefined where render converts a side', () => {
    const L = (t: string) => splitLines(t);
    const lf = L('a\nb\n');
    const crlf = L('a\r\nb\r\n');
    const mixedLf = L('a\r\nb\nc\n');
    const mixedCrlf = L('a\r\nb\r\nc\n');
    expect(tokenEol({ base: lf, mine: lf, theirs: lf })).toBe('\n');
    expect(tokenEol({ base: crlf, mine: crlf, theirs: crlf })).toBe('\r\n');
    expect(tokenEol({ base: lf, mine: lf, theirs: mixedCrlf })).toBe('\r\n');
    expect(tokenEol({ base: crlf, mine: crlf, theirs: mixedLf })).toBe('\n');
    expect(tokenEol({ base: mixedLf, mine: mixedCrlf, theirs: lf })).toBe('\n');
    expect(tokenEol({ base: mixedLf, mine: mixedLf, theirs: crlf })).toBe('\r\n');
    expect(tokenEol({ base: lf, mine: crlf, theirs: lf })).toBeUndefined();
    expect(tokenEol({ base: crlf, mine: lf, theirs: mixedLf.lines.length ? crlf : lf })).toBeUndefined();
    expect(tokenEol({ base: mixedLf, mine: lf, theirs: crlf })).toBeUndefined();
  });

  it('many regions in one script: the kept scan answers as a fresh one does', () => {
    const html = '<p>\n<script>\nlet a=1;\nlet t=`x\ny`;b();\nf({\nk:1});\nfor(;;\n)x();\n</script>\n<p>\n';
    const starts = html.split('\n').map((_l, k) => html.split('\n').slice(0, k).join('\n').length + (k > 0 ? 1 : 0));
    const at = contexts(html);
    const kept = starts.map((o) => at(o));
    expect(starts.map((o) => at(o))).toEqual(kept);
    expect(kept).toEqual(starts.map((o) => contextAt(html, o)));
    expect(kept.map((c) => c.lang + (c.skip ?? ''))).toEqual(['html', 'html', 'js', 'js', 'js3', 'js', 'js', 'js', 'js5', 'html', 'html', 'html']);
  });
});
