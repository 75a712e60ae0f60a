/**
 * The token level's coarse pass (formats/cuts.ts + tokens.ts `coarse`):
 * - every cut jsCuts makes is a boundary of js-tokens' tokens, and js-tokens started afresh at the cut gives the
 *   same tokens as over the whole text (so a piece can be tokenized on its own and a block may start there);
 * - with the coarse pass forced on (coarseMin 0), the one-line properties of tokens.property.test.ts hold too:
 *   edits at different statements merge cleanly with all of them; one statement edited by both is a small block
 *   and keeping a side gives that side's merge;
 * - the same inside an HTML page's inline script, with and without the coarse pass (formats/embedded.ts).
 */
import fc from 'fast-check';
import jsTokens from 'js-tokens';
import { jsCuts, jsCutsShared } from '../../src/formats/cuts';
import { mergeRegionTokens, type RegionMerge } from '../../src/formats/tokens';

// Fragments that make a tokenizer's state matter: ';' and '}' inside strings, templates (with interpolations),
// regular expressions and comments; division against regular expressions; object literals against blocks.
const FRAGMENTS = [
  'a;', 'b=c/d;', 'x=/;}/g;', 's="a;b}";', "t='}';", 'u=`x;${a;b}y}`;', '/* ; } */', '// ; }\n', 'return /;/.test(s);',
  'if(a)/;/.exec(b);', 'for(;;){}', 'o={a:1};', 'o={a:1}/2;', 'function f(){return 1}', '(function(){a;b})();', '\n',
  'x++;', 'y=x++/2;', '{', '}', 'z=a?b:c;', '`${`${a}`}`;', 'q=[1,2]/3;', 'r=(a)/b/c;', 'w=a\n/b/g;', ' ', '#!x',
  'v=typeof /x/;', "k='unclosed", '"x\\";";', 'x=1.5/2;', 'y=.5/2;', 'if(x){}/a/.test(b);',
];

function tokensOf(text: string): { starts: number[]; values: string[] } {
  const starts: number[] = [];
  const values: string[] = [];
  let at = 0;
  for (const t of jsTokens(text)) {
    starts.push(at);
    values.push(t.value);
    at += t.value.length;
  }
  return { starts, values };
}

test('jsCuts cuts only where js-tokens restarts with the same tokens', () => {
  fc.assert(
    fc.property(fc.array(fc.constantFrom(...FRAGMENTS), { minLength: 1, maxLength: 40 }), (parts) => {
      const text = parts.join('');
      const whole = tokensOf(text);
      const index = new Map(whole.starts.map((s, i) => [s, i]));
      for (const c of jsCuts(text, 0)) {
        const i = index.get(c);
        expect(i).toBeDefined();
        const fresh = tokensOf(text.slice(c)).values;
        expect(fresh).toEqual(whole.values.slice(i));
      }
    }),
    { numRuns: 400 },
  );
});

test('jsCutsShared gives each text the cuts jsCuts gives it: a shared beginning, an edit before all of base, anything else', () => {
  const parts = fc.array(fc.constantFrom(...FRAGMENTS), { minLength: 0, maxLength: 30 });
  fc.assert(
    fc.property(parts, parts, parts, parts, fc.integer({ min: 0, max: 700 }), fc.constantFrom(0, 4, 64), (head, mid, edit, before, filler, minPiece) => {
      // Long enough for the base scan to stop and hand its state on (over 4 KB of shared beginning).
      const base = FRAGMENTS.slice(0, 16).join('').repeat(Math.floor(filler / 16)) + head.join('') + mid.join('');
      const edited = base.slice(0, base.length - mid.join('').length) + edit.join('') + mid.join('');
      const prefixed = before.join('') + base;
      const texts = [base, edited, prefixed, '#!x\n' + base];
      expect(jsCutsShared(texts, minPiece)).toEqual(texts.map((t) => jsCuts(t, minPiece)));
    }),
    { numRuns: 300 },
  );
});

test("jsCutsShared: a comment line before a bundle (the admin's edit) and a vendor's change near its end", () => {
  const bundle = Array.from({ length: 3000 }, (_, i) => `function f${i}(e,t){return e/t>${i}?/;}/.test(t):{a:${i}}}`).join(';') + '\n';
  const mine = '/* customised: our counter */\n' + bundle;
  const theirs = bundle.slice(0, -100) + 'var late=1;' + bundle.slice(-100);
  for (const minPiece of [0, 64]) {
    const shared = jsCutsShared([bundle, mine, theirs], minPiece);
    expect(shared[0].length).toBeGreaterThan(100);
    expect(shared).toEqual([bundle, mine, theirs].map((t) => jsCuts(t, minPiece)));
  }
});

const line = (words: string[]) => words.map((w, i) => `var a${i}=${w};`).join('') + '\n';
const assemble = (m: RegionMerge, side: 'mine' | 'theirs') => m.pieces.map((p) => (p.kind === 'text' ? p.text : p[side])).join('');
const words = fc.array(fc.integer({ min: 0, max: 50 }).map((n) => `v${n}`), { minLength: 3, maxLength: 60 });
const edits = (n: number) => fc.uniqueArray(fc.integer({ min: 0, max: n - 1 }), { minLength: 1, maxLength: Math.max(1, Math.min(5, Math.floor(n / 3))) });

test('coarse pass: edits at different statements merge cleanly, with every edit of both sides', () => {
  fc.assert(
    fc.property(
      words.chain((base) => fc.tuple(fc.constant(base), edits(base.length), edits(base.length))),
      ([base, em, et]) => {
        const et2 = et.filter((i) => !em.includes(i));
        fc.pre(et2.length > 0);
        const mine = base.map((w, i) => (em.includes(i) ? `m${i}` : w));
        const theirs = base.map((w, i) => (et2.includes(i) ? `t${i}` : w));
        const m = mergeRegionTokens(line(base), line(mine), line(theirs), 'js', { coarseMin: 0 });
        expect(m.conflicts).toBe(0);
        expect(assemble(m, 'mine')).toBe(line(base.map((w, i) => (em.includes(i) ? `m${i}` : et2.includes(i) ? `t${i}` : w))));
      },
    ),
    { numRuns: 150 },
  );
});

test('coarse pass: one statement edited by both is a small block; keeping a side gives that side', () => {
  fc.assert(
    fc.property(
      words.chain((base) => fc.tuple(fc.constant(base), fc.integer({ min: 0, max: base.length - 1 }), edits(base.length))),
      ([base, k, extra]) => {
        const far = extra.filter((i) => i !== k);
        const mine = base.map((w, i) => (i === k ? 'mineValue' : w));
        const theirs = base.map((w, i) => (i === k ? 'theirsValue' : far.includes(i) ? `t${i}` : w));
        const m = mergeRegionTokens(line(base), line(mine), line(theirs), 'js', { coarseMin: 0 });
        expect(m.conflicts).toBe(1);
        expect(assemble(m, 'theirs')).toBe(line(theirs));
        expect(assemble(m, 'mine')).toBe(line(base.map((w, i) => (i === k ? 'mineValue' : far.includes(i) ? `t${i}` : w))));
        const block = m.pieces.find((p) => p.kind === 'conflict')!;
        expect(block.kind === 'conflict' && block.mine.length).toBeLessThan(40);
      },
    ),
    { numRuns: 150 },
  );
});

// HTML with an inline script (formats/embedded.ts): the same properties inside the script, with and without the
// coarse pass; the markup around it (with ';' in text and a script-looking string in the JS) is left alone.
const page = (words: string[]) =>
  `<html><head><title>a;b</title>\n<script type="module">${words.map((w, i) => `var a${i}=${w};`).join('')}s="<script>x;y";</script>\n<p>c;d</p></html>\n`;

test('inline script in HTML: edits at different statements merge cleanly; one edited by both is a small block', () => {
  fc.assert(
    fc.property(
      words.chain((base) => fc.tuple(fc.constant(base), edits(base.length), edits(base.length), fc.integer({ min: 0, max: base.length - 1 }), fc.boolean())),
      ([base, em, et, k, force]) => {
        const coarseMin = force ? 0 : Infinity;
        const et2 = et.filter((i) => !em.includes(i));
        fc.pre(et2.length > 0);
        const mine = base.map((w, i) => (em.includes(i) ? `m${i}` : w));
        const theirs = base.map((w, i) => (et2.includes(i) ? `t${i}` : w));
        const clean = mergeRegionTokens(page(base), page(mine), page(theirs), 'html', { coarseMin });
        expect(clean.conflicts).toBe(0);
        expect(assemble(clean, 'mine')).toBe(page(base.map((w, i) => (em.includes(i) ? `m${i}` : et2.includes(i) ? `t${i}` : w))));

        const far = et.filter((i) => i !== k);
        const m2 = base.map((w, i) => (i === k ? 'mineValue' : w));
        const t2 = base.map((w, i) => (i === k ? 'theirsValue' : far.includes(i) ? `t${i}` : w));
        const both = mergeRegionTokens(page(base), page(m2), page(t2), 'html', { coarseMin });
        expect(both.conflicts).toBe(1);
        expect(assemble(both, 'theirs')).toBe(page(t2));
        expect(assemble(both, 'mine')).toBe(page(base.map((w, i) => (i === k ? 'mineValue' : far.includes(i) ? `t${i}` : w))));
        const block = both.pieces.find((p) => p.kind === 'conflict')!;
        expect(block.kind === 'conflict' && block.mine.length).toBeLessThan(40);
      },
    ),
    { numRuns: 150 },
  );
});
