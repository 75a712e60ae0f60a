/** jsonMerger: objects by key, arrays by element, the host's formatting kept. */
import fc from 'fast-check';
import { checkJson } from '../../../src/formats/checks';
import { jsonMerger } from '../../../src/formats/json';
import type { StructuredResult } from '../../../src/formats/types';
import { mergeTexts } from '../merge3/harness';

const BUDGET = { maxChars: 10_000_000, maxMillis: 10_000 };
const merge = (base: string, mine: string, theirs: string): StructuredResult => jsonMerger.merge({ base, mine, theirs }, BUDGET);
const clean = (base: string, mine: string, theirs: string): string => {
  const r = merge(base, mine, theirs);
  if (r.kind !== 'clean') throw new Error(`declined: ${r.reason}: ${r.en}`);
  return r.text;
};

describe('objects by key', () => {
  const base = '{\n  "a": 1,\n  "b": 2,\n  "c": 3\n}\n';

  test('different keys added at the same place on both sides both survive (the line merge conflicts there)', () => {
    const mine = '{\n  "a": 1,\n  "mine": true,\n  "b": 2,\n  "c": 3\n}\n';
    const theirs = '{\n  "a": 1,\n  "vendor": true,\n  "b": 2,\n  "c": 3\n}\n';
    expect(mergeTexts(base, mine, theirs).rendered.conflicts).toHaveLength(1);
    expect(clean(base, mine, theirs)).toBe('{\n  "a": 1,\n  "mine": true,\n  "vendor": true,\n  "b": 2,\n  "c": 3\n}\n');
  });

  test('edits of neighbouring keys on the two sides both survive; a key added at the end gets its comma', () => {
    const mine = '{\n  "a": 10,\n  "b": 2,\n  "c": 3\n}\n';
    const theirs = '{\n  "a": 1,\n  "b": 20,\n  "c": 3,\n  "d": 4\n}\n';
    expect(clean(base, mine, theirs)).toBe('{\n  "a": 10,\n  "b": 20,\n  "c": 3,\n  "d": 4\n}\n');
    const mine2 = '{\n  "a": 1,\n  "b": 2,\n  "c": 3,\n  "m": 5\n}\n';
    expect(clean(base, mine2, theirs)).toBe('{\n  "a": 1,\n  "b": 20,\n  "c": 3,\n  "m": 5,\n  "d": 4\n}\n');
  });

  test('the same key added with different values is a conflict; with the same value it is taken once', () => {
    const mine = '{\n  "theme": "dark",\n  "a": 1,\n  "b": 2,\n  "c": 3\n}\n';
    const theirs = '{\n  "a": 1,\n  "b": 2,\n  "c": 3,\n  "theme": "light"\n}\n';
    const r = merge(base, mine, theirs);
    expect(r).toEqual({ kind: 'declined', reason: 'conflict', en: 'both sides added /theme with different values', ru: 'обе стороны добавили /theme с разными значениями' });
    const same = clean(base, mine, theirs.replace('light', 'dark'));
    expect(same).toBe('{\n  "a": 1,\n  "b": 2,\n  "c": 3,\n  "theme": "dark"\n}\n');
  });

  test('deleted on one side, unchanged on the other: deleted; deleted and changed: a conflict', () => {
    const mine = '{\n  "a": 1,\n  "c": 3\n}\n';
    const theirs = '{\n  "a": 1,\n  "b": 2,\n  "c": 30\n}\n';
    expect(clean(base, mine, theirs)).toBe('{\n  "a": 1,\n  "c": 30\n}\n');
    expect(merge(base, mine, '{\n  "a": 1,\n  "b": 22,\n  "c": 3\n}\n')).toMatchObject({ kind: 'declined', reason: 'conflict', en: '/b was deleted on one side and changed on the other' });
    // The last key deleted: the comma before it goes.
    expect(clean(base, '{\n  "a": 1,\n  "b": 2\n}\n', '{\n  "a": 5,\n  "b": 2,\n  "c": 3\n}\n')).toBe('{\n  "a": 5,\n  "b": 2\n}\n');
  });

  test('nested objects merge recursively; text from mine is re-indented to the vendor\'s indentation', () => {
    const b = '{\n  "ui": {\n    "x": 1\n  }\n}';
    const m = '{\n    "ui": {\n        "x": 1,\n        "menu": {\n            "on": true\n        }\n    }\n}';
    const t = '{\n  "ui": {\n    "x": 2\n  }\n}';
    expect(clean(b, m, t)).toBe('{\n  "ui": {\n    "x": 2,\n    "menu": {\n      "on": true\n    }\n  }\n}');
  });

  test('CRLF, tabs, no final newline and comments are kept as the host had them', () => {
    const b = '// settings\r\n{\r\n\t"a": 1, // first\r\n\t"b": 2\r\n}';
    const m = '// settings\r\n{\r\n\t"a": 1, // first\r\n\t// mine\r\n\t"m": 0,\r\n\t"b": 2\r\n}';
    const t = '// settings\r\n{\r\n\t"a": 1, // first\r\n\t"b": 3\r\n}';
    expect(clean(b, m, t)).toBe('// settings\r\n{\r\n\t"a": 1, // first\r\n\t// mine\r\n\t"m": 0,\r\n\t"b": 3\r\n}');
  });

  test('one-line objects stay on one line', () => {
    expect(clean('{"a": 1, "b": 2}', '{"a": 1, "b": 2, "m": 3}', '{"a": 0, "b": 2}')).toBe('{"a": 0, "b": 2, "m": 3}');
  });

  test('a key the base held twice keeps both copies; an edit of the second copy is taken', () => {
    const b = '{"k": 1, "k": 2, "x": 0}';
    expect(clean(b, '{"k": 1, "k": 5, "x": 0}', '{"k": 1, "k": 2, "x": 9}')).toBe('{"k": 1, "k": 5, "x": 9}');
  });
});

describe('arrays by element', () => {
  test('insertions at both ends, and an element edited on one side', () => {
    expect(clean('[1, 2]', '[0, 1, 2]', '[1, 2, 3]')).toBe('[0, 1, 2, 3]');
    expect(clean('[\n  "a",\n  "b",\n  "x"\n]\n', '[\n  "a",\n  "B",\n  "x"\n]\n', '[\n  "a",\n  "b",\n  "x",\n  "c"\n]\n')).toBe('[\n  "a",\n  "B",\n  "x",\n  "c"\n]\n');
    // An edit right next to the other side's insertion is a conflict (conservative, as the line merge).
    expect(merge('["a", "b"]', '["a", "B"]', '["a", "b", "c"]')).toMatchObject({ kind: 'declined', reason: 'conflict' });
  });

  test('objects in an array at the same index edited on both sides merge by key', () => {
    expect(clean('[{"a": 1, "b": 1}]', '[{"a": 2, "b": 1}]', '[{"a": 1, "b": 2}]')).toBe('[{"a": 2, "b": 2}]');
  });

  test('the same element changed differently, or different insertions at one place: a conflict', () => {
    expect(merge('[1, 2]', '[1, 3]', '[1, 4]')).toMatchObject({ kind: 'declined', reason: 'conflict' });
    expect(merge('[1, 2]', '[1, 5, 2]', '[1, 6, 2]')).toMatchObject({ kind: 'declined', reason: 'conflict', en: 'both sides changed the same elements of the array /' });
  });
});

describe('declines', () => {
  test('an input that does not parse', () => {
    expect(merge('{"a": 1}', '{"a": 1', '{"a": 2}')).toMatchObject({ kind: 'declined', reason: 'parse', en: 'the mine side is not valid JSON' });
  });

  test('over the size budget, and over the time budget (an injected clock)', () => {
    expect(jsonMerger.merge({ base: '{}', mine: '{"a":1}', theirs: '{"b":1}' }, { maxChars: 10, maxMillis: 1000 })).toMatchObject({ kind: 'declined', reason: 'budget' });
    let now = 0;
    const clock = () => (now += 1000);
    const big = (n: number, v: number) => '{' + Array.from({ length: n }, (_, i) => `"k${i}": {"v": ${i === 0 ? v : 0}}`).join(', ') + '}';
    const r = jsonMerger.merge({ base: big(2000, 0), mine: big(2000, 1), theirs: big(2000, 0).replace('"k1999": {"v": 0}', '"k1999": {"v": 2}') }, { maxChars: 1e7, maxMillis: 500, now: clock });
    expect(r).toMatchObject({ kind: 'declined', reason: 'budget' });
  });

  test('both sides added a different value around the root (a comment) : conflict', () => {
    expect(merge('{}\n', '// m\n{}\n', '// t\n{}\n')).toMatchObject({ kind: 'declined', reason: 'conflict' });
  });
});

describe('property: random key edits on both sides of an object', () => {
  // Keys k0..k7 in the base; each side changes some, deletes some, adds keys of its own (m* / t*).
  const edit = fc.record({
    change: fc.subarray([0, 1, 2, 3, 4, 5, 6, 7]),
    del: fc.subarray([0, 1, 2, 3, 4, 5, 6, 7]),
    add: fc.subarray([0, 1, 2, 3]),
    at: fc.nat(8),
    value: fc.integer({ min: 100, max: 999 }),
  });
  const baseObj: Record<string, number> = Object.fromEntries(Array.from({ length: 8 }, (_, i) => [`k${i}`, i]));

  function apply(side: 'm' | 't', e: { change: number[]; del: number[]; add: number[]; at: number; value: number }): [string, number][] {
    const entries: [string, number][] = Object.entries(baseObj)
      .filter(([k]) => !e.del.includes(Number(k.slice(1))))
      .map(([k, v]) => [k, e.change.includes(Number(k.slice(1))) ? e.value + (side === 'm' ? 1000 : 2000) : v]);
    const added: [string, number][] = e.add.map((i) => [`${side}${i}`, e.value]);
    entries.splice(Math.min(e.at, entries.length), 0, ...added);
    return entries;
  }
  const text = (entries: [string, number][]) => '{\n' + entries.map(([k, v]) => `  "${k}": ${v}`).join(',\n') + '\n}\n';

  test('the result parses, has no key twice, and every changed key holds its side\'s value', () => {
    fc.assert(
      fc.property(edit, edit, (em, et) => {
        const base = text(Object.entries(baseObj));
        const mine = apply('m', em);
        const theirs = apply('t', et);
        const r = merge(base, text(mine), text(theirs));
        // A conflict exactly when one key was changed on one side and changed or deleted on the other.
        const touched = (e: typeof em) => new Set([...e.change, ...e.del]);
        const clash = [...touched(em)].some((i) => touched(et).has(i) && !(em.del.includes(i) && et.del.includes(i)));
        if (r.kind !== 'clean') {
          expect(r.reason).toBe('conflict');
          expect(clash).toBe(true);
          return;
        }
        expect(clash).toBe(false);
        expect(checkJson(r.text, [base])).toBeNull();
        const got = JSON.parse(r.text) as Record<string, number>;
        const expected: Record<string, number> = { ...baseObj };
        for (const [e, side, entries] of [[em, 'm', mine], [et, 't', theirs]] as const) {
          for (const i of e.del) delete expected[`k${i}`];
          for (const [k, v] of entries) if (!(k in baseObj) || e.change.includes(Number(k.slice(1)))) expected[k] = v;
          void side;
        }
        expect(got).toEqual(expected);
      }),
      { numRuns: 300 },
    );
  });
});

describe('property: nested objects, each side with its own indentation and line ends', () => {
  // base: { g0: { k0..k3 }, g1: {...}, g2: {...} }; each side edits leaves, adds leaves, and is written with its own
  // indentation (2, 4 spaces or a tab) and EOL; theirs' layout must survive and the values merge by key.
  const leafEdit = fc.record({ group: fc.nat(2), key: fc.nat(3), value: fc.integer({ min: 100, max: 999 }) });
  const sideArb = fc.record({
    edits: fc.array(leafEdit, { maxLength: 4 }),
    adds: fc.array(fc.record({ group: fc.nat(2), value: fc.integer({ min: 0, max: 9 }) }), { maxLength: 2 }),
    indent: fc.constantFrom('  ', '    ', '\t'),
    eol: fc.constantFrom('\n', '\r\n'),
  });
  type SideSpec = { edits: { group: number; key: number; value: number }[]; adds: { group: number; value: number }[]; indent: string; eol: string };
  const baseObj = () => Object.fromEntries([0, 1, 2].map((g) => [`g${g}`, Object.fromEntries([0, 1, 2, 3].map((k) => [`k${k}`, g * 10 + k]))])) as Record<string, Record<string, number>>;
  const build = (side: 'm' | 't', s: SideSpec) => {
    const o = baseObj();
    for (const e of s.edits) o[`g${e.group}`][`k${e.key}`] = e.value + (side === 'm' ? 0 : 1000);
    s.adds.forEach((a, i) => (o[`g${a.group}`][`${side}${i}`] = a.value));
    return o;
  };
  const write = (o: unknown, s: { indent: string; eol: string }) => JSON.stringify(o, null, s.indent).replace(/\n/g, s.eol) + s.eol;

  test('clean exactly when no leaf was set differently by the two sides; both sides\' values in theirs\' layout', () => {
    fc.assert(
      fc.property(sideArb, sideArb, (ms, ts) => {
        const b = baseObj();
        const m = build('m', ms);
        const t = build('t', ts);
        const baseText = write(b, { indent: '  ', eol: '\n' });
        const theirsText = write(t, ts);
        const r = merge(baseText, write(m, ms), theirsText);
        let clash = false;
        const expected = baseObj() as Record<string, Record<string, number>>;
        for (const g of Object.keys(expected)) {
          for (const k of new Set([...Object.keys(m[g]), ...Object.keys(t[g])])) {
            const bv = b[g][k];
            const mv = m[g][k];
            const tv = t[g][k];
            if (mv === tv) expected[g][k] = mv;
            else if (mv === bv) expected[g][k] = tv;
            else if (tv === bv) expected[g][k] = mv;
            else clash = true;
          }
        }
        if (r.kind !== 'clean') {
          expect(r.reason).toBe('conflict');
          expect(clash).toBe(true);
          return;
        }
        expect(clash).toBe(false);
        expect(checkJson(r.text, [])).toBeNull();
        expect(JSON.parse(r.text)).toEqual(expected);
        // The vendor left the file byte for byte as base (the line merge settles that case before this merger):
        // the values above are all there is to check.
        if (theirsText === baseText) return;
        // Otherwise theirs' line ends only.
        const lines = r.text.split(ts.eol);
        expect(lines.every((l) => !l.includes('\r') && !l.includes('\n'))).toBe(true);
        // Indentation: theirs' unit, unless mine re-indented too (then a value only mine changed may keep mine's).
        if (ms.indent !== '  ') return;
        for (const l of lines) {
          const lead = l.match(/^\s*/)![0];
          expect(lead.length % ts.indent.length === 0 && lead === ts.indent.repeat(lead.length / ts.indent.length)).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
  });
});
