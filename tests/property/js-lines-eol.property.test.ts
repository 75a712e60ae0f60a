/**
 * Whole-file merges (mergeText, default granularity) of JS files broken into lines the way a vite bundle is: some
 * line breaks fall inside template literals, and the line terminators are a random mix of LF and CRLF that all
 * three sides share (a single-file bundle edited on Windows and elsewhere). Both sides replace words at different
 * places (never the same word, never neighbours):
 * - nothing is lost: every word either side put in is in the output, merged or in a block;
 * - a clean result is exactly base with both sides' replacements, every terminator where it was;
 * - with conflicts, keeping one side of every block holds every word that side put in;
 * - the same when theirs also changed some terminators (LF to CRLF: a vendor's new build, base and mine LF), the
 *   mix the token level now takes (cascade.ts tokenEol); a clean result is then exact but for the terminators.
 */
import fc from 'fast-check';
import { mergeText } from '../../src/tree/merge-text';

const enc = (s: string) => new TextEncoder().encode(s);
const dec = (b: Uint8Array) => new TextDecoder().decode(b);
const labels = { mine: 'mine', base: 'base', theirs: 'theirs' };

/** One item of the file: a statement `w;`, or a template literal whose break (in `eol`) is inside it. */
interface Item {
  template: boolean;
  /** the line break after the item (or inside it, for a template): none, LF or CRLF */
  eol: '' | '\n' | '\r\n';
}

function render(items: Item[], words: string[], crlf?: boolean[]): string {
  let out = '';
  items.forEach((it0, i) => {
    const it = crlf === undefined ? it0 : { ...it0, eol: it0.eol === '' ? '' : crlf[i] ? '\r\n' : '\n' };
    if (it.template) out += `s${i}=\`${words[2 * i]}${it.eol}${words[2 * i + 1]}\`;`;
    else out += `${words[2 * i]}=${words[2 * i + 1]};${it.eol}`;
  });
  return out + '\n';
}

const item = fc.record({ template: fc.boolean(), eol: fc.constantFrom<Item['eol']>('', '', '', '\n', '\r\n') });

test('JS lines starting inside template literals, mixed terminators: nothing lost, a clean result exact', () => {
  fc.assert(
    fc.property(
      fc.array(item, { minLength: 4, maxLength: 30 }).chain((items) =>
        fc.tuple(
          fc.constant(items),
          fc.uniqueArray(fc.integer({ min: 0, max: 2 * items.length - 1 }), { minLength: 1, maxLength: 6 }),
          fc.boolean(),
          fc.option(fc.array(fc.boolean(), { minLength: items.length, maxLength: items.length }), { nil: undefined }),
        ),
      ),
      ([items, picks, split, theirsCrlf]) => {
        // Words alternate between the sides (or go by halves), two apart at least: no two edits touch.
        const em = picks.filter((p, k) => (split ? k % 2 === 0 : p % 4 === 0));
        const et = picks.filter((p) => !em.includes(p) && em.every((q) => Math.abs(p - q) >= 2));
        fc.pre(em.length > 0 && et.length > 0);
        const baseWords = Array.from({ length: 2 * items.length }, (_, i) => `v${i}`);
        const mineWords = baseWords.map((w, i) => (em.includes(i) ? `mine${i}` : w));
        const theirsWords = baseWords.map((w, i) => (et.includes(i) ? `theirs${i}` : w));
        const both = baseWords.map((w, i) => (em.includes(i) ? `mine${i}` : et.includes(i) ? `theirs${i}` : w));
        const lf = theirsCrlf && items.map(() => false);
        const [base, mine] = [baseWords, mineWords].map((w) => render(items, w, lf));
        const theirs = render(items, theirsWords, theirsCrlf);
        const o = mergeText({ path: 'assets/index.js', base: enc(base), mine: enc(mine), theirs: enc(theirs) }, { style: 'merge', labels })!;
        const text = dec(o.bytes);
        for (const i of em) expect(text).toContain(`mine${i}`);
        for (const i of et) expect(text).toContain(`theirs${i}`);
        if (o.conflicts.length === 0) {
          if (theirsCrlf === undefined) expect(text).toBe(render(items, both));
          else expect(text.replace(/\r\n/g, '\n')).toBe(render(items, both, lf));
          return;
        }
        expect(text).toMatch(/^<<<<<<< mine\r?$/m);
        const keep = (side: 'mine' | 'theirs') =>
          text.replace(/<<<<<<< mine\r?\n([\s\S]*?)=======\r?\n([\s\S]*?)>>>>>>> theirs\r?\n/g, (_m, a: string, b: string) => (side === 'mine' ? a : b));
        for (const i of em) expect(keep('mine')).toContain(`mine${i}`);
        for (const i of et) expect(keep('theirs')).toContain(`theirs${i}`);
      },
    ),
    { seed: 2112, numRuns: 400 },
  );
});
