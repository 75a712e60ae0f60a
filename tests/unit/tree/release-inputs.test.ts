/**
 * mergeTrees' releaseInputs (peak memory, docs/performance.md "Memory"): a text-merged path's input bytes are dropped
 * from the trees once decoded. The merge's results must be the same as without it, a released entry must fail
 * loudly when read (never be read as empty data), and bytes that another path, or a path not merged as text, still
 * needs must stay.
 */
import type { Tree } from '../../../src/archive/tree';
import { mergeTrees, type TreeMergeResult } from '../../../src/tree/merge-tree';

const enc = (s: string) => new Uint8Array(Buffer.from(s, 'utf8'));
const tree = (files: Record<string, Uint8Array | string>, source: string, root = ''): Tree => ({
  source,
  kind: 'folder',
  files: new Map(
    Object.entries(files).map(([p, s]) => [root + p, { path: root + p, bytes: typeof s === 'string' ? enc(s) : s, date: new Date(0) }]),
  ),
  dirs: new Set(),
  nameEncoding: 'utf8',
  root: '',
});
const options = { style: 'merge' as const, labels: { mine: 'mine', base: 'base', theirs: 'theirs' } };
const binary = (tag: number) => Uint8Array.from([0, 1, 2, 0, tag, 0, 255, 0]);

function sides(root = '') {
  // 'shared.txt' in mine holds the very bytes object of mine's 'copy.txt' (as zip entries stored alike do).
  const shared = enc('one\ntwo mine\nthree\n');
  return {
    base: tree({ 'a.txt': 'one\ntwo\nthree\n', 'shared.txt': 'one\ntwo\nthree\n', 'same.txt': 'kept\n', 'img.bin': binary(1) }, 'base'),
    mine: tree({ 'a.txt': 'one\ntwo mine\nthree\n', 'shared.txt': shared, 'copy.txt': shared, 'same.txt': 'kept\n', 'img.bin': binary(2) }, 'mine', root),
    theirs: tree({ 'a.txt': 'one\ntwo\nthree theirs\n', 'shared.txt': 'one\ntwo\nthree theirs\n', 'same.txt': 'kept\n', 'img.bin': binary(3) }, 'theirs'),
  };
}

const summary = (r: TreeMergeResult) =>
  r.outcomes.map((o) => ({ path: o.path, status: o.status, output: o.output && Buffer.from(o.output).toString('latin1'), conflict: o.conflict }));

describe('releaseInputs', () => {
  test('gives the same outcomes as a merge that keeps the inputs', () => {
    expect(summary(mergeTrees(sides(), { ...options, releaseInputs: true }))).toEqual(summary(mergeTrees(sides(), options)));
  });

  test('a text-merged path: its entries throw when read afterwards, on every side', () => {
    const input = sides();
    const result = mergeTrees(input, { ...options, releaseInputs: true });
    expect(result.outcomes.find((o) => o.path === 'a.txt')).toMatchObject({ status: 'merged' });
    for (const t of [input.base, input.mine, input.theirs]) expect(() => t.files.get('a.txt')!.bytes).toThrow(/released/);
    for (const t of [result.trees.base!, result.trees.mine, result.trees.theirs]) expect(() => t.files.get('a.txt')!.bytes).toThrow(/released/);
  });

  test('keeps bytes another path holds, a path taken as it is, and a binary path', () => {
    const input = sides();
    const result = mergeTrees(input, { ...options, releaseInputs: true });
    // shared.txt was merged as text, but mine's bytes are also copy.txt's: they stay, and copy.txt is written whole.
    expect(Buffer.from(input.mine.files.get('shared.txt')!.bytes).toString()).toBe('one\ntwo mine\nthree\n');
    expect(Buffer.from(result.outcomes.find((o) => o.path === 'copy.txt')!.output!).toString()).toBe('one\ntwo mine\nthree\n');
    // its other sides were its own: released.
    expect(() => input.theirs.files.get('shared.txt')!.bytes).toThrow(/released/);
    expect(Buffer.from(input.theirs.files.get('same.txt')!.bytes).toString()).toBe('kept\n');
    expect(Array.from(input.mine.files.get('img.bin')!.bytes)).toEqual(Array.from(binary(2)));
  });

  test('releases the entries of the trees as read, when alignment made new ones (a wrapper folder)', () => {
    const input = sides('lk/');
    const result = mergeTrees(input, { ...options, releaseInputs: true });
    expect(result.outcomes.find((o) => o.path === 'a.txt')).toMatchObject({ status: 'merged' });
    expect(() => input.mine.files.get('lk/a.txt')!.bytes).toThrow(/released/);
    expect(summary(result)).toEqual(summary(mergeTrees(sides('lk/'), options)));
  });

  test('a renamed path: base and mine at the old path, theirs at the new one, all released, same outcome', () => {
    const lines = Array.from({ length: 20 }, (_, i) => `line ${i}`);
    const text = (edit: (l: string[]) => void) => {
      const l = [...lines];
      edit(l);
      return l.join('\n') + '\n';
    };
    const make = () => ({
      base: tree({ 'old.txt': text(() => {}) }, 'base'),
      mine: tree({ 'old.txt': text((l) => (l[2] = 'mine edit')) }, 'mine'),
      theirs: tree({ 'new.txt': text((l) => (l[15] = 'vendor edit')) }, 'theirs'),
    });
    const input = make();
    const result = mergeTrees(input, { ...options, releaseInputs: true });
    expect(result.outcomes.find((o) => o.path === 'new.txt')).toMatchObject({ status: 'renamed', renamedFrom: 'old.txt' });
    expect(() => input.base.files.get('old.txt')!.bytes).toThrow(/released/);
    expect(() => input.mine.files.get('old.txt')!.bytes).toThrow(/released/);
    expect(() => input.theirs.files.get('new.txt')!.bytes).toThrow(/released/);
    expect(summary(result)).toEqual(summary(mergeTrees(make(), options)));
  });

  test('without the option nothing is released', () => {
    const input = sides();
    mergeTrees(input, options);
    expect(Buffer.from(input.mine.files.get('a.txt')!.bytes).toString()).toBe('one\ntwo mine\nthree\n');
  });
});
