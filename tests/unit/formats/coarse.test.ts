/**
 * The token level's coarse pass on long regions (tokens.ts `coarse`, cuts.ts): the pieces are cut only where a
 * tokenizer may restart, so a string, template or regular expression holding ';' or '}' is never cut, and two
 * edits inside one of them stay a conflict as the token merge says (it would merge cleanly if the pieces split it).
 */
import { jsCuts } from '../../../src/formats/cuts';
import { COARSE_MIN_CHARS, mergeRegionTokens } from '../../../src/formats/tokens';

const filler = (from: number, n: number) => Array.from({ length: n }, (_, i) => `var a${from + i}=${i};`).join('');

describe('coarse pass', () => {
  for (const [name, open, close] of [
    ['string', 's="', '";'],
    ['template literal', 's=`', '`;'],
    ['regular expression', 's=/', '/g;'],
    ['comment', '/*', '*/'],
  ] as const) {
    it(`two edits inside one ${name} holding ';' and '}' stay one conflict, as token by token`, () => {
      const inner = (k: number, v: string) => Array.from({ length: 300 }, (_, i) => (i === k ? v : `p${i}`)).join(';}');
      const text = (a: string, b: string) => filler(0, 2500) + open + inner(10, a) + close + filler(2500, 2500) + '\n';
      // b replaces p250 as well: an edit of the same literal far from mine's.
      const base = text('p10', 'p250');
      const mine = text('MINE', 'p250');
      const theirs = filler(0, 2500) + open + inner(250, 'THEIRS') + close + filler(2500, 2500) + '\n';
      expect(base.length * 3).toBeGreaterThan(COARSE_MIN_CHARS);
      const coarse = mergeRegionTokens(base, mine, theirs, 'js');
      const fine = mergeRegionTokens(base, mine, theirs, 'js', { coarseMin: Infinity });
      expect(coarse.conflicts).toBe(1);
      expect(coarse.pieces).toEqual(fine.pieces);
      const block = coarse.pieces.find((p) => p.kind === 'conflict');
      expect(block && block.kind === 'conflict' && block.mine).toContain(open + inner(10, 'MINE') + close);
    });
  }

  it('edits in different statements of a long line merge cleanly, as token by token', () => {
    const base = filler(0, 6000) + '\n';
    const mine = base.replace('var a100=100;', 'var a100=1;').replace('var a5000=5000;', 'var a5000=5;');
    const theirs = base.replace('var a101=101;', 'var a101=2;').replace('var a3000=3000;', 'var a3000=3;');
    const coarse = mergeRegionTokens(base, mine, theirs, 'js');
    expect(coarse.conflicts).toBe(0);
    const text = coarse.pieces.map((p) => (p.kind === 'text' ? p.text : '')).join('');
    const fine = mergeRegionTokens(base, mine, theirs, 'js', { coarseMin: Infinity });
    expect(fine.pieces.map((p) => (p.kind === 'text' ? p.text : '')).join('')).toBe(text);
    expect(text).toBe(base.replace('var a100=100;', 'var a100=1;').replace('var a5000=5000;', 'var a5000=5;').replace('var a101=101;', 'var a101=2;').replace('var a3000=3000;', 'var a3000=3;'));
    expect(coarse.kept).toBeGreaterThan(0.99);
  });

  it('no cut inside a for head, a template interpolation or after an object literal', () => {
    const text = 'for(a;b;c){x;}y=`${f();g()}`;o={a:1}\n/re/;z;';
    const cuts = jsCuts(text, 0).map((c) => text.slice(0, c));
    expect(cuts).toEqual(['for(a;b;c){x;', 'for(a;b;c){x;}', 'for(a;b;c){x;}y=`${f();g()}`;', 'for(a;b;c){x;}y=`${f();g()}`;o={a:1}\n/re/;']);
  });
});
