/**
 * Properties of the CSS and HTML mergers (the JSON one has its own in tests/unit/formats/json.test.ts): random
 * edits of declarations of one rule, or of attributes of one tag, on both sides. A clean result holds every change
 * of either side, nothing twice, and parses; a decline is a conflict and happens exactly when one name was touched
 * by both sides differently.
 */
import fc from 'fast-check';
import postcss from 'postcss';
import { checkHtml } from '../../src/formats/checks';
import { cssMerger } from '../../src/formats/css';
import { htmlMerger } from '../../src/formats/html';

const BUDGET = { maxChars: 1_000_000, maxMillis: 10_000 };
const N = 6;
const edit = fc.record({
  change: fc.subarray([0, 1, 2, 3, 4, 5]),
  del: fc.subarray([0, 1, 2, 3, 4, 5]),
  add: fc.subarray([0, 1, 2]),
  at: fc.nat(N),
  value: fc.integer({ min: 10, max: 99 }),
});
type Edit = { change: number[]; del: number[]; add: number[]; at: number; value: number };
const baseEntries: [string, string][] = Array.from({ length: N }, (_, i) => [`p${i}`, `v${i}`]);

function apply(side: 'm' | 't', e: Edit): [string, string][] {
  const out: [string, string][] = baseEntries
    .filter((_, i) => !e.del.includes(i) || e.change.includes(i))
    .map(([k, v], _j) => [k, e.change.includes(Number(k.slice(1))) ? `${side}${e.value}` : v]);
  out.splice(Math.min(e.at, out.length), 0, ...e.add.map((i): [string, string] => [`${side}x${i}`, `${side}${e.value}`]));
  return out;
}

function expectedOf(em: Edit, et: Edit, mine: [string, string][], theirs: [string, string][]): Map<string, string> | 'conflict' {
  const touched = (e: Edit) => new Set([...e.change, ...e.del.filter((i) => !e.change.includes(i))]);
  const tm = touched(em);
  const tt = touched(et);
  for (const i of tm) if (tt.has(i) && !(em.del.includes(i) && !em.change.includes(i) && et.del.includes(i) && !et.change.includes(i))) return 'conflict';
  const out = new Map(baseEntries);
  for (const [e, entries] of [[em, mine], [et, theirs]] as const) {
    for (const i of e.del) if (!e.change.includes(i)) out.delete(`p${i}`);
    for (const [k, v] of entries) if (!k.startsWith('p') || e.change.includes(Number(k.slice(1)))) out.set(k, v);
  }
  return out;
}

test('CSS: declarations of one rule edited on both sides', () => {
  const css = (entries: [string, string][]) => '.a {\n' + entries.map(([k, v]) => `  --${k}: ${v};\n`).join('') + '}\n';
  const seen = { clean: 0, conflict: 0 };
  fc.assert(
    fc.property(edit, edit, (em, et) => {
      const mine = apply('m', em);
      const theirs = apply('t', et);
      const r = cssMerger.merge({ base: css(baseEntries), mine: css(mine), theirs: css(theirs) }, BUDGET);
      const expected = expectedOf(em, et, mine, theirs);
      if (expected === 'conflict') {
        expect(r).toMatchObject({ kind: 'declined', reason: 'conflict' });
        seen.conflict++;
        return;
      }
      seen.clean++;
      if (r.kind !== 'clean') throw new Error(`declined: ${r.en}`);
      const got: [string, string][] = [];
      postcss.parse(r.text).walkDecls((d) => void got.push([d.prop.slice(2), d.value]));
      expect(new Set(got.map(([k]) => k)).size).toBe(got.length);
      expect(new Map(got)).toEqual(expected);
    }),
    { numRuns: 300 },
  );
  // Both outcomes were exercised.
  expect(seen.clean).toBeGreaterThan(30);
  expect(seen.conflict).toBeGreaterThan(30);
});

test('HTML: attributes of one tag edited on both sides', () => {
  const html = (entries: [string, string][]) => '<p>\n<div' + entries.map(([k, v]) => ` data-${k}="${v}"`).join('') + '>text</div>\n';
  const seen = { clean: 0, conflict: 0 };
  fc.assert(
    fc.property(edit, edit, (em, et) => {
      const mine = apply('m', em);
      const theirs = apply('t', et);
      const base = html(baseEntries);
      const r = htmlMerger.merge({ base, mine: html(mine), theirs: html(theirs) }, BUDGET);
      const expected = expectedOf(em, et, mine, theirs);
      if (expected === 'conflict') {
        expect(r).toMatchObject({ kind: 'declined', reason: 'conflict' });
        seen.conflict++;
        return;
      }
      seen.clean++;
      if (r.kind !== 'clean') throw new Error(`declined: ${r.en}`);
      expect(checkHtml(r.text, [base])).toBeNull();
      const got = [...r.text.matchAll(/ data-([\w]+)="([^"]*)"/g)].map((m): [string, string] => [m[1], m[2]]);
      expect(new Map(got)).toEqual(expected);
      expect(r.text.endsWith('>text</div>\n')).toBe(true);
    }),
    { numRuns: 300 },
  );
  // Both outcomes were exercised.
  expect(seen.clean).toBeGreaterThan(30);
  expect(seen.conflict).toBeGreaterThan(30);
});
