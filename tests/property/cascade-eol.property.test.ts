/**
 * Whatever level the cascade ends at (structured merger, tokens, blocks after a failed check, lines), a file whose
 * sides are each uniform (all LF or all CRLF) comes out in one style: the output's (theirs', else mine's, else
 * base's), as the line merge's render writes it. Small CSS and JSON files, each side adding or changing rules or
 * keys, each side LF or CRLF on its own.
 */
import fc from 'fast-check';
import { mergeText } from '../../src/tree/merge-text';

const enc = (s: string) => new TextEncoder().encode(s);
const dec = (b: Uint8Array) => new TextDecoder().decode(b);
const labels = { mine: 'mine', base: 'base', theirs: 'theirs' };

const cssRule = (name: string, value: string) => `.${name} {\n  color: ${value};\n  margin: 0;\n}\n`;
const jsonKey = (name: string, value: string) => `  "${name}": {\n    "v": "${value}"\n  }`;
const css = (rules: [string, string][]) => rules.map(([n, v]) => cssRule(n, v)).join('');
const json = (keys: [string, string][]) => `{\n${keys.map(([n, v]) => jsonKey(n, v)).join(',\n')}\n}\n`;

const names = ['a', 'b', 'c', 'd'];
/**
 * A side: base's entries with some values changed and some entries added (names base lacks). Mine changes the
 * even entries and adds x, theirs the odd ones and y: no two edits of one entry, so the structured mergers settle
 * what the line merge sees as neighbouring (conflicting) lines.
 */
const side = (tag: string, parity: number, add: string) =>
  fc.tuple(fc.array(fc.boolean(), { minLength: 4, maxLength: 4 }), fc.boolean(), fc.nat(4)).map(([changed, adds, at]) => {
    const entries: [string, string][] = names.map((n, i) => [n, changed[i] && i % 2 === parity ? `${tag}${i}` : 'red']);
    if (adds) entries.splice(at, 0, [add, tag]);
    return entries;
  });

test('each side uniform: the output has the output style only, at every level', () => {
  const levels = new Set<string>();
  fc.assert(
    fc.property(side('m', 0, 'x'), side('t', 1, 'y'), fc.boolean(), fc.boolean(), fc.boolean(), fc.boolean(), (m, t, baseCrlf, mineCrlf, theirsCrlf, isCss) => {
      const base: [string, string][] = names.map((n) => [n, 'red']);
      const write = isCss ? css : json;
      const as = (s: string, crlf: boolean) => (crlf ? s.replace(/\n/g, '\r\n') : s);
      const o = mergeText(
        { path: isCss ? 'a.css' : 'a.json', base: enc(as(write(base), baseCrlf)), mine: enc(as(write(m), mineCrlf)), theirs: enc(as(write(t), theirsCrlf)) },
        { style: 'merge', labels },
      )!;
      levels.add(o.level);
      const text = dec(o.bytes);
      if (theirsCrlf) expect(text.replace(/\r\n/g, '')).not.toContain('\n');
      else expect(text).not.toContain('\r');
    }),
    { seed: 4242, numRuns: 300 },
  );
  expect([...levels].sort()).toEqual(expect.arrayContaining(['css', 'json', 'lines']));
});
