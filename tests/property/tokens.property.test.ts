/**
 * Token level properties on one-line files (the shape of a minified bundle): `w0;w1;…;wn;` with edits at random
 * word positions on both sides, merged by the text strategy (default granularity).
 * - Edits at different words: clean, and the result is base with every edit of both sides.
 * - Both sides edit one word differently: a conflict whose block holds both values; keeping one side of every
 *   block (and dropping the line breaks inserted after ';') gives that side's merge exactly.
 * - A clean result never drops a word either side put in.
 */
import fc from 'fast-check';
import { mergeText } from '../../src/tree/merge-text';
import { mergeRegionTokens } from '../../src/formats/tokens';

const enc = (s: string) => new TextEncoder().encode(s);
const dec = (b: Uint8Array) => new TextDecoder().decode(b);
const labels = { mine: 'mine', base: 'base', theirs: 'theirs' };

const line = (words: string[]) => words.map((w) => `${w};`).join('') + '\n';

function merge(base: string[], mine: string[], theirs: string[]) {
  const o = mergeText({ path: 'app.min.js', base: enc(line(base)), mine: enc(line(mine)), theirs: enc(line(theirs)) }, { style: 'merge', labels })!;
  return { o, text: dec(o.bytes) };
}

function keep(text: string, side: 'mine' | 'theirs'): string {
  const kept = text.replace(/<<<<<<< [^\n]*\n([\s\S]*?)=======\n([\s\S]*?)>>>>>>> [^\n]*\n/g, (_m, a: string, b: string) => (side === 'mine' ? a : b));
  return kept.replace(/;\n/g, ';').replace(/;$/, ';\n');
}

const words = fc.array(fc.integer({ min: 0, max: 50 }).map((n) => `v${n}`), { minLength: 3, maxLength: 60 });
// Edits inside a long line, as an admin makes them: at most a third of the words per side. A side that rewrote
// more than half of a region is left at line level on purpose (formats/cascade.ts MIN_KEPT).
const edits = (n: number) => fc.uniqueArray(fc.integer({ min: 0, max: n - 1 }), { minLength: 1, maxLength: Math.max(1, Math.min(5, Math.floor(n / 3))) });

test('edits at different words merge cleanly with every edit of both sides', () => {
  fc.assert(
    fc.property(
      words.chain((base) => fc.tuple(fc.constant(base), edits(base.length), edits(base.length))),
      ([base, em, et]) => {
        const et2 = et.filter((i) => !em.includes(i));
        fc.pre(et2.length > 0);
        const mine = base.map((w, i) => (em.includes(i) ? `m${i}` : w));
        const theirs = base.map((w, i) => (et2.includes(i) ? `t${i}` : w));
        const { o, text } = merge(base, mine, theirs);
        expect(o.conflicts).toHaveLength(0);
        expect(text).toBe(line(base.map((w, i) => (em.includes(i) ? `m${i}` : et2.includes(i) ? `t${i}` : w))));
      },
    ),
    { numRuns: 150 },
  );
});

test('both sides editing one word differently: a block holding both; keeping a side gives that side', () => {
  fc.assert(
    fc.property(
      words.chain((base) => fc.tuple(fc.constant(base), fc.integer({ min: 0, max: base.length - 1 }), edits(base.length))),
      ([base, k, extra]) => {
        const far = extra.filter((i) => Math.abs(i - k) > 0);
        const mine = base.map((w, i) => (i === k ? 'mineValue' : w));
        const theirs = base.map((w, i) => (i === k ? 'theirsValue' : far.includes(i) ? `t${i}` : w));
        const { o, text } = merge(base, mine, theirs);
        expect(o.conflicts.length).toBeGreaterThanOrEqual(1);
        expect(text).toContain('mineValue');
        expect(text).toContain('theirsValue');
        const theirsMerge = line(theirs);
        const mineMerge = line(base.map((w, i) => (i === k ? 'mineValue' : far.includes(i) ? `t${i}` : w)));
        expect(keep(text, 'theirs')).toBe(theirsMerge);
        expect(keep(text, 'mine')).toBe(mineMerge);
        // The block is cut to the word and its ';', never the whole line (when the line is long).
        const block = o.conflicts[0];
        expect(block.chars).toBeLessThanOrEqual(2 * ('theirsValue;'.length + 1));
      },
    ),
    { numRuns: 150 },
  );
});

test('a clean result never drops a word either side put in (random insertions and deletions)', () => {
  const op = fc.record({ at: fc.nat(), del: fc.boolean(), word: fc.integer({ min: 100, max: 999 }).map((n) => `n${n}`) });
  const apply = (base: string[], ops: { at: number; del: boolean; word: string }[], tag: string) => {
    const out = base.slice();
    for (const o of ops) {
      const at = o.at % (out.length + 1);
      if (o.del && out.length > 1) out.splice(at % out.length, 1);
      else out.splice(at, 0, `${tag}${o.word}`);
    }
    return out;
  };
  fc.assert(
    fc.property(words, fc.array(op, { maxLength: 4 }), fc.array(op, { maxLength: 4 }), (base, om, ot) => {
      const mine = apply(base, om, 'm');
      const theirs = apply(base, ot, 't');
      const { o, text } = merge(base, mine, theirs);
      if (o.conflicts.length > 0) return;
      const out = text.trimEnd().split(';');
      for (const w of mine.filter((x) => x.startsWith('m'))) expect(out).toContain(w);
      for (const w of theirs.filter((x) => x.startsWith('t'))) expect(out).toContain(w);
    }),
    { numRuns: 200 },
  );
});

/**
 * The rewrite guard (formats/cascade.ts trustedAlignment) on a long line one side rebuilt (most statements rewritten,
 * as a new minification renames them) while the other side inserted statements (`${owner}.c${i}();`): nothing of the
 * inserting side is ever taken without a block. Either the line block stays exactly as git writes it, or every
 * insertion sits in a block of its own: keeping the rebuilt side of every block gives its line, keeping the
 * inserting side's holds each insertion once, and no insertion is outside a block. Returns how many runs reached
 * the token layout.
 */
function rebuiltAgainstInsertions(rebuiltSide: 'mine' | 'theirs', owner: string): number {
  const inserting = rebuiltSide === 'mine' ? 'theirs' : 'mine';
  const stmt = (i: number) => `var a${i}=f(${i},"s${i}");`;
  const rebuilt = (i: number) => `let q${i * 7}=g(${i * 3}),r${i}=[${i}];`;
  const insertion = (i: number) => `${owner}.c${i}();`;
  let blocks = 0;
  fc.assert(
    fc.property(
      fc.integer({ min: 40, max: 120 }).chain((n) =>
        fc.tuple(
          fc.constant(n),
          fc.uniqueArray(fc.integer({ min: 0, max: n - 1 }), { minLength: Math.ceil(n * 0.7), maxLength: n }),
          fc.uniqueArray(fc.integer({ min: 0, max: n - 1 }), { minLength: 1, maxLength: 4 }),
        ),
      ),
      ([n, rewritten, inserts]) => {
        const base = Array.from({ length: n }, (_, i) => stmt(i)).join('') + '\n';
        const sides = {
          [rebuiltSide]: Array.from({ length: n }, (_, i) => (rewritten.includes(i) ? rebuilt(i) : stmt(i))).join('') + '\n',
          [inserting]: Array.from({ length: n }, (_, i) => stmt(i) + (inserts.includes(i) ? insertion(i) : '')).join('') + '\n',
        } as { mine: string; theirs: string };
        const m = mergeRegionTokens(base, sides.mine, sides.theirs, 'js');
        fc.pre((inserting === 'mine' ? m.keptTheirs : m.keptMine) < 0.5);
        const triple = { path: 'app.js', base: enc(base), mine: enc(sides.mine), theirs: enc(sides.theirs) };
        const o = mergeText(triple, { style: 'merge', labels })!;
        const text = dec(o.bytes);
        if (o.level === 'lines') {
          expect(text).toBe(dec(mergeText(triple, { style: 'merge', labels, granularity: 'lines' })!.bytes));
          return;
        }
        blocks++;
        const joined = (t: string) => t.replace(/([;,{}])\n(?!$)/g, '$1');
        expect(joined(keep(text, rebuiltSide))).toBe(sides[rebuiltSide]);
        const kept = joined(keep(text, inserting));
        for (const i of inserts) expect(kept.split(insertion(i))).toHaveLength(2);
        expect(text.replace(/<<<<<<< [^\n]*\n[\s\S]*?>>>>>>> [^\n]*\n/g, '')).not.toContain(`${owner}.`);
      },
    ),
    { numRuns: 100 },
  );
  return blocks;
}

test('a rebuilt long line against the admin\'s insertions: each insertion in a block, or the line block', () => {
  rebuiltAgainstInsertions('theirs', 'our');
});

test('a line the admin rebuilt (a bundle rebuilt from patched sources) against the vendor\'s insertions: each insertion in a block, or the line block', () => {
  // Not all line blocks: the token layout is reached too.
  expect(rebuiltAgainstInsertions('mine', 'vendor')).toBeGreaterThan(10);
});
