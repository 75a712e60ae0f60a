/**
 * Two archives only (tree/two-way.ts) on the bundled samples: every difference between mine and theirs is present
 * as a two-way block, and nothing is lost — reading the output's common lines plus the mine sections gives mine
 * back line for line, and with the theirs sections gives theirs back.
 */
import * as path from 'node:path';
import { readTree } from '../../../src/archive';
import type { Tree } from '../../../src/archive/tree';
import { diffIds, intern } from '../../../src/diff';
import { decodeText } from '../../../src/text/encoding';
import { splitLines } from '../../../src/text/lines';
import { chooseBase, lineDistance } from '../../../src/tree/candidates';
import type { Strategy } from '../../../src/tree/strategy';
import { mergeTreesWithoutBase } from '../../../src/tree/two-way';

const SAMPLES = path.resolve(__dirname, '../../../samples');
const labels = { mine: 'mine (MY.zip)', base: 'base (OLD.zip)', theirs: 'theirs (NEW.zip)' };
const options = { style: 'diff3' as const, labels };

function lines(bytes: Uint8Array): string[] {
  return splitLines(decodeText(bytes)!.text).lines;
}

/** Splits merged text into the side each line belongs to: 'common', 'mine' or 'theirs' (markers dropped). */
function sides(merged: string[]): { mine: string[]; theirs: string[]; blocks: { mine: string[]; theirs: string[] }[] } {
  const mine: string[] = [];
  const theirs: string[] = [];
  const blocks: { mine: string[]; theirs: string[] }[] = [];
  let state: 'common' | 'mine' | 'theirs' = 'common';
  for (const l of merged) {
    if (l === '<<<<<<< mine (MY.zip)') {
      state = 'mine';
      blocks.push({ mine: [], theirs: [] });
    } else if (l === '=======' && state === 'mine') state = 'theirs';
    else if (l === '>>>>>>> theirs (NEW.zip)' && state === 'theirs') state = 'common';
    else if (state === 'common') {
      mine.push(l);
      theirs.push(l);
    } else {
      (state === 'mine' ? mine : theirs).push(l);
      blocks[blocks.length - 1][state].push(l);
    }
  }
  expect(state).toBe('common');
  return { mine, theirs, blocks };
}

describe('samples/mine + samples/theirs without a base', () => {
  let mine: Tree;
  let theirs: Tree;
  beforeAll(async () => {
    [mine, theirs] = await Promise.all([readTree(path.join(SAMPLES, 'mine')), readTree(path.join(SAMPLES, 'theirs'))]);
  });

  test('every path is decided by the two-way table', () => {
    const { outcomes } = mergeTreesWithoutBase({ mine, theirs }, options);
    const paths = new Set([...mine.files.keys(), ...theirs.files.keys()]);
    expect(outcomes.map((o) => o.path).sort()).toEqual([...paths].sort());
    for (const o of outcomes) {
      const m = mine.files.get(o.path)?.bytes;
      const t = theirs.files.get(o.path)?.bytes;
      if (m && !t) expect({ path: o.path, status: o.status, kept: o.output === m }).toEqual({ path: o.path, status: 'only-mine', kept: true });
      else if (!m && t) expect({ path: o.path, status: o.status, taken: o.output === t }).toEqual({ path: o.path, status: 'only-theirs', taken: true });
      else if (Buffer.compare(m!, t!) === 0) expect({ path: o.path, status: o.status }).toEqual({ path: o.path, status: 'unchanged' });
      else if (decodeText(m!) === undefined || decodeText(t!) === undefined) {
        expect({ path: o.path, status: o.status, conflict: o.conflict }).toEqual({ path: o.path, status: 'differs-binary', conflict: 'no-base' });
        expect(o.output).toBe(t);
        expect(o.aside).toEqual([{ as: 'mine', bytes: m }]);
      } else expect({ path: o.path, status: o.status }).toEqual({ path: o.path, status: 'differs' });
    }
    // The samples hold each kind at least once.
    expect(new Set(outcomes.map((o) => o.status))).toEqual(new Set(['only-mine', 'only-theirs', 'unchanged', 'differs-binary', 'differs']));
  });

  test('every differing hunk is a two-way block and nothing is lost', () => {
    const { outcomes } = mergeTreesWithoutBase({ mine, theirs }, options);
    const differing = outcomes.filter((o) => o.status === 'differs');
    expect(differing.length).toBeGreaterThan(5);
    for (const o of differing) {
      const m = lines(mine.files.get(o.path)!.bytes);
      const t = lines(theirs.files.get(o.path)!.bytes);
      const out = lines(o.output!);
      const got = sides(out);
      expect({ path: o.path, lines: got.mine }).toEqual({ path: o.path, lines: m });
      expect({ path: o.path, lines: got.theirs }).toEqual({ path: o.path, lines: t });
      expect(out.some((l) => l.startsWith('|||||||'))).toBe(false);

      const {
        ids: [mi, ti],
      } = intern([m, t]);
      const hunks = diffIds(mi, ti);
      expect({ path: o.path, blocks: got.blocks.length }).toEqual({ path: o.path, blocks: hunks.length });
      hunks.forEach((h, k) => {
        expect(got.blocks[k]).toEqual({ mine: m.slice(h.aStart, h.aStart + h.aLen), theirs: t.slice(h.bStart, h.bStart + h.bLen) });
      });
      expect(o.text!.conflicts.length).toBe(hunks.length);
      expect(o.text!.conflicts.every((c) => c.base === undefined)).toBe(true);
    }
  });
});

test('without a base --prefer does not settle a differing binary file: a conflict, with a note (review 2, #4)', () => {
  const png = (n: number) => ({ path: 'logo.png', bytes: new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, n]), date: new Date(0) });
  const side = (n: number, source: string): Tree => ({ source, kind: 'folder', files: new Map([['logo.png', png(n)]]), dirs: new Set(), nameEncoding: 'utf8', root: '' });
  const mine = side(1, 'm');
  const theirs = side(2, 't');
  for (const prefer of ['mine', 'theirs'] as const) {
    const [o] = mergeTreesWithoutBase({ mine, theirs }, { ...options, preferBinary: prefer }).outcomes;
    expect(o).toMatchObject({ status: 'differs-binary', conflict: 'no-base', from: 'theirs' });
    expect(o.output).toBe(theirs.files.get('logo.png')!.bytes);
    expect(o.aside).toEqual([{ as: 'mine', bytes: mine.files.get('logo.png')!.bytes }]);
    expect(o.notes.map((n) => n.code)).toEqual(['prefer-needs-base']);
    expect(o.notes[0].en).toContain(`--prefer ${prefer} needs a base`);
  }
  expect(mergeTreesWithoutBase({ mine, theirs }, options).outcomes[0].notes).toEqual([]); // no --prefer: no note
});

test("without a base rules for one side's lines are not applied; 'binary' rules are (review 2, #5)", () => {
  const enc = (x: string) => new Uint8Array(Buffer.from(x, 'utf8'));
  const side = (files: Record<string, string>, source: string): Tree => ({
    source,
    kind: 'folder',
    files: new Map(Object.entries(files).map(([p, x]) => [p, { path: p, bytes: enc(x), date: new Date(0) }])),
    dirs: new Set(),
    nameEncoding: 'utf8',
    root: '',
  });
  const mine = side({ 'a.css': 'a\nmine\n', 'b.js': 'b\nmine\n', 'c.txt': 'c\nmine\n', 'd.txt': 'same\n' }, 'm');
  const theirs = side({ 'a.css': 'a\ntheirs\n', 'b.js': 'b\ntheirs\n', 'c.txt': 'c\ntheirs\n', 'd.txt': 'same\n' }, 't');
  const rule = (index: number, pattern: string, strategy: Strategy) => ({ strategy, rule: { index, pattern, strategy, source: 'r.json:1:1' } });
  const strategyFor = (p: string) =>
    p.endsWith('.css') ? rule(0, '*.css', 'mine') : p.endsWith('.js') ? rule(1, '*.js', 'binary') : rule(2, '*.txt', 'merge');
  const by = new Map(mergeTreesWithoutBase({ mine, theirs }, { ...options, strategyFor }).outcomes.map((o) => [o.path, o]));
  // mine: not applied — every difference stays a two-way block, with a note naming the rule
  const a = by.get('a.css')!;
  expect(a).toMatchObject({ status: 'differs', conflict: 'no-base', notes: [{ code: 'rule-needs-base' }] });
  expect(a.rule).toBeUndefined();
  expect(a.favored).toBeUndefined();
  expect(Buffer.from(a.output!).toString()).toContain('<<<<<<< mine (MY.zip)\nmine\n=======\ntheirs\n>>>>>>> theirs (NEW.zip)');
  expect(a.notes[0].en).toContain('rule 1 "*.css" → mine (r.json:1:1) needs a base');
  // binary: applied — never merged as text, theirs in, mine aside
  const b = by.get('b.js')!;
  expect(b).toMatchObject({ status: 'differs-binary', conflict: 'no-base', rule: { strategy: 'binary' }, notes: [] });
  expect(b.output).toBe(theirs.files.get('b.js')!.bytes);
  expect(b.aside).toEqual([{ as: 'mine', bytes: mine.files.get('b.js')!.bytes }]);
  // merge: what happens anyway, no note; a file both have alike is untouched by rules
  expect(by.get('c.txt')).toMatchObject({ status: 'differs', notes: [] });
  expect(by.get('d.txt')).toMatchObject({ status: 'unchanged', notes: [] });
});

describe('candidate bases (--base-from heuristic)', () => {
  const enc = (s: string) => new Uint8Array(Buffer.from(s, 'utf8'));
  const png = (n: number) => new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, n]);
  const tree = (files: Record<string, string>, source: string): Tree => ({
    source,
    kind: 'folder',
    files: new Map(Object.entries(files).map(([p, s]) => [p, { path: p, bytes: enc(s), date: new Date(0) }])),
    dirs: new Set(),
    nameEncoding: 'utf8',
    root: '',
  });

  test('distance counts removed plus added lines; line ends do not count', () => {
    expect(lineDistance(['a', 'b', 'c'], ['a', 'X', 'c', 'd'])).toBe(3);
    expect(chooseBase(enc('a\r\nb\r\n'), [enc('a\nb\n')])).toMatchObject({ candidate: 0, distance: 0 });
  });

  test('the candidate closest to mine wins; ties go to the earliest', () => {
    const mineText = enc('a\nb\nc\nd\nmine\n');
    const far = enc('a\nX\nY\nd\n');
    const near = enc('a\nb\nc\nd\n');
    const nearToo = enc('a\nb\nc\nd\nextra\nmore\n');
    expect(chooseBase(mineText, [far, near])).toMatchObject({ candidate: 1, distance: 1 });
    expect(chooseBase(mineText, [far, undefined, near, near])).toMatchObject({ candidate: 2 });
    expect(lineDistance(['a', 'b', 'c', 'd', 'extra', 'more'], ['a', 'b', 'c', 'd', 'mine'])).toBe(3);
    expect(chooseBase(mineText, [nearToo, far])).toMatchObject({ candidate: 0 });
    expect(chooseBase(mineText, [undefined, undefined])).toBeUndefined();
  });

  test('a candidate identical to mine is used only when none differs from mine', () => {
    const mineText = enc('title\ncolor: GREEN;\nfooter\n');
    const old = enc('title\ncolor: red;\nfooter\n');
    expect(chooseBase(mineText, [old, mineText])).toMatchObject({ candidate: 0, distance: 2, equalsMine: false });
    expect(chooseBase(mineText, [mineText, old])).toMatchObject({ candidate: 1, equalsMine: false });
    expect(chooseBase(mineText, [undefined, mineText, enc('title\r\ncolor: GREEN;\r\nfooter\r\n')])).toMatchObject({ candidate: 1, distance: 0, equalsMine: true });
  });

  test('a candidate that may be a copy of mine is never the base where it equals mine (review 2, #2)', () => {
    const mineText = enc('title\ncolor: GREEN;\n');
    expect(chooseBase(mineText, [mineText], [true])).toBeUndefined();
    expect(chooseBase(mineText, [mineText, mineText], [true, false])).toMatchObject({ candidate: 1, equalsMine: true });
    expect(chooseBase(mineText, [enc('title\ncolor: red;\n')], [true])).toMatchObject({ candidate: 0, equalsMine: false });
    const mine = tree({ 'a.css': 'title\ncolor: GREEN;\n', 'b.css': 'b\n' }, 'm');
    const theirs = tree({ 'a.css': 'title v2\ncolor: red;\n', 'b.css': 'b v2\n' }, 't');
    const oldmine = tree({ 'a.css': 'title\ncolor: GREEN;\n', 'b.css': 'b\n' }, 'oldmine');
    const r = mergeTreesWithoutBase({ mine, theirs, candidates: [{ label: 'oldmine', tree: oldmine, notWhereEqual: true }] }, options);
    expect(r.baseFrom.size).toBe(0);
    expect(r.outcomes.map((o) => o.status)).toEqual(['differs', 'differs']); // GREEN kept in a two-way block
    expect(Buffer.from(r.outcomes[0].output!).toString()).toContain('color: GREEN;');
  });

  test('binary: the earliest candidate that differs from mine, else one identical to it', () => {
    expect(chooseBase(png(1), [png(1), png(2), png(3)])).toMatchObject({ candidate: 1, equalsMine: false });
    expect(chooseBase(png(1), [undefined, png(1)])).toMatchObject({ candidate: 1, distance: 0, equalsMine: true });
    expect(chooseBase(enc('text\n'), [png(2)])).toBeUndefined(); // not a version of a text file
  });

  test('per file, the merge uses the chosen candidate; files no candidate has are merged without a base', () => {
    const mine = tree({ 'a.css': 'x\ncolor: red;\nz\n', 'b.js': 'one\ntwo-mine\nthree\n', 'c.txt': 'mine only\n' }, 'MY.zip');
    const theirs = tree({ 'a.css': 'x\ncolor: blue;\nz\nnew\n', 'b.js': 'one\ntwo\nthree\nfour\n', 'c.txt': 'vendor\n' }, 'NEW.zip');
    const old1 = tree({ 'a.css': 'x\ncolor: red;\nz\n' }, 'OLD1.zip');
    // wrapped in a folder: found all the same
    const old2 = tree({ 'lk/a.css': 'unrelated\n', 'lk/b.js': 'one\ntwo\nthree\n' }, 'OLD2');
    const r = mergeTreesWithoutBase(
      { mine, theirs, candidates: [{ label: 'OLD1.zip', tree: old1 }, { label: 'OLD2', tree: old2 }] },
      options,
    );
    expect(Object.fromEntries(r.baseFrom)).toEqual({ 'a.css': 1, 'b.js': 1 });
    const by = new Map(r.outcomes.map((o) => [o.path, o]));
    // OLD2's a.css differs from mine, OLD1's equals it: OLD2's is the base, and every difference is left for the admin
    expect(by.get('a.css')!.status).toBe('conflict');
    expect(Buffer.from(by.get('b.js')!.output!).toString()).toBe('one\ntwo-mine\nthree\nfour\n'); // merged cleanly
    expect(by.get('b.js')!.status).toBe('merged');
    expect(by.get('c.txt')!.status).toBe('differs');
  });

  test("an old copy of mine among the candidates does not drop the admin's edit (review A1)", () => {
    const mine = tree({ 'a.css': 'title\ncolor: GREEN;\nfooter\n' }, 'm');
    const theirs = tree({ 'a.css': 'title v2\ncolor: red;\nfooter\n' }, 't');
    const old = tree({ 'a.css': 'title\ncolor: red;\nfooter\n' }, 'old');
    const oldmine = tree({ 'a.css': 'title\ncolor: GREEN;\nfooter\n' }, 'oldmine');
    for (const order of [[old, oldmine], [oldmine, old]]) {
      // Below the line (default granularity) the two adjacent edits merge: both kept.
      const fine = mergeTreesWithoutBase({ mine, theirs, candidates: order.map((t) => ({ label: t.source, tree: t })) }, options);
      expect(Buffer.from(fine.outcomes[0].output!).toString()).toBe('title v2\ncolor: GREEN;\nfooter\n');
      const r = mergeTreesWithoutBase({ mine, theirs, candidates: order.map((t) => ({ label: t.source, tree: t })) }, { ...options, granularity: 'lines' });
      expect(r.baseFrom.get('a.css')).toBe(order.indexOf(old));
      const [a] = r.outcomes;
      // Both changed adjacent lines: at --granularity lines a conflict (as git), holding GREEN — not theirs taken whole.
      expect(a).toMatchObject({ status: 'conflict', conflict: 'content', notes: [] });
      expect(Buffer.from(a.output!).toString()).toBe(
        '<<<<<<< mine (MY.zip)\ntitle\ncolor: GREEN;\n||||||| base (old)\ntitle\ncolor: red;\n=======\ntitle v2\ncolor: red;\n>>>>>>> theirs (NEW.zip)\nfooter\n',
      );
    }
  });

  test("a file the admin did not change: the base equal to mine is used, theirs taken, with a note", () => {
    const mine = tree({ 'a.css': 'x\n', 'same.css': 'same\n', 'gone.css': 'g\n' }, 'm');
    const theirs = tree({ 'a.css': 'x v2\n', 'same.css': 'same\n' }, 't');
    const old = tree({ 'a.css': 'x\n', 'same.css': 'same\n', 'gone.css': 'g\n' }, 'old');
    const r = mergeTreesWithoutBase({ mine, theirs, candidates: [{ label: 'OLD.zip', tree: old }] }, options);
    const by = new Map(r.outcomes.map((o) => [o.path, o]));
    expect(by.get('a.css')).toMatchObject({ status: 'theirs', notes: [{ code: 'base-equals-mine' }] });
    expect(Buffer.from(by.get('a.css')!.output!).toString()).toBe('x v2\n');
    expect(by.get('a.css')!.notes[0].en).toContain('OLD.zip');
    // theirs lacks it: a base equal to mine cannot tell a vendor deletion from a copy of mine — kept, not deleted
    expect(by.get('gone.css')).toMatchObject({ status: 'only-mine', output: mine.files.get('gone.css')!.bytes, notes: [{ code: 'base-equals-mine' }] });
    expect(by.get('same.css')).toMatchObject({ status: 'unchanged', notes: [] }); // nothing of mine replaced: no note
  });

  test("a file only in mine whose only candidate equals it is kept, not 'deleted by the vendor' (review 2, #1)", () => {
    const mine = tree({ 'index.html': 'menu\nitem1\n', 'pages/custom/contacts.html': '<h1>Наши контакты</h1>\n' }, 'm');
    const theirs = tree({ 'index.html': 'menu\nitem1\nitem2\n' }, 't');
    const old = tree({ 'index.html': 'menu\nitem1\n', 'pages/custom/contacts.html': '<h1>Наши контакты</h1>\n' }, 'old');
    const r = mergeTreesWithoutBase({ mine, theirs, candidates: [{ label: 'old', tree: old }] }, options);
    const contacts = r.outcomes.find((o) => o.path === 'pages/custom/contacts.html')!;
    expect(contacts).toMatchObject({ status: 'only-mine', from: 'mine', output: mine.files.get('pages/custom/contacts.html')!.bytes });
    expect(contacts.notes.map((n) => n.code)).toEqual(['base-equals-mine']);
    expect(contacts.notes[0].en).toContain("the vendor's new export lacks it");
    expect(contacts.notes[0].en).not.toContain("the vendor's version was taken");
    expect(r.baseFrom.has('pages/custom/contacts.html')).toBe(false); // merged without a base
    const index = r.outcomes.find((o) => o.path === 'index.html')!;
    expect(index).toMatchObject({ status: 'theirs', notes: [{ code: 'base-equals-mine' }] });
    expect(index.notes[0].en).toContain("the vendor's changes were taken");
  });
});
