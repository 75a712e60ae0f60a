import { mergePath, type TreeMergeOptions } from '../../../src/tree/merge-tree';
import type { Strategy } from '../../../src/tree/strategy';

const enc = (s: string) => new TextEncoder().encode(s);
const dec = (b: Uint8Array | undefined) => new TextDecoder().decode(b);

// mine and theirs both change line 2 (a conflict) and each changes one other line (no conflict).
const base = 'a\n1\n2\nb\n3\n4\ne\n';
const mine = 'A\n1\n2\nb-mine\n3\n4\ne\n';
const theirs = 'a\n1\n2\nb-theirs\n3\n4\nE\n';

function run(strategy: Strategy) {
  const options: TreeMergeOptions = {
    style: 'merge',
    labels: { mine: 'mine', base: 'base', theirs: 'theirs' },
    strategyFor: () => ({ strategy, rule: { index: 0, pattern: '**', strategy, source: 'r.json:1:1' } }),
  };
  return mergePath({ path: 'f.txt', base: enc(base), mine: enc(mine), theirs: enc(theirs) }, options);
}

describe('per-path strategies settle conflicting hunks only (git -X ours/theirs, union driver)', () => {
  test("mine: the conflict takes mine's line, theirs' other change still arrives", () => {
    const o = run('mine');
    expect(dec(o.output)).toBe('A\n1\n2\nb-mine\n3\n4\nE\n');
    expect(o).toMatchObject({ status: 'merged', favored: 1, rule: { pattern: '**', strategy: 'mine' } });
    expect(o.conflict).toBeUndefined();
  });

  test("theirs: the conflict takes theirs' line, mine's other change is kept", () => {
    expect(dec(run('theirs').output)).toBe('A\n1\n2\nb-theirs\n3\n4\nE\n');
  });

  test('union: both lines, mine first', () => {
    expect(dec(run('union').output)).toBe('A\n1\n2\nb-mine\nb-theirs\n3\n4\nE\n');
  });

  test('merge: a conflict block, as without rules', () => {
    const o = run('merge');
    expect(o.status).toBe('conflict');
    expect(o.favored).toBeUndefined();
    expect(dec(o.output)).toContain('<<<<<<< mine\nb-mine\n=======\nb-theirs\n>>>>>>> theirs\n');
  });

  test("binary: never merged as text — theirs in, mine kept aside", () => {
    const o = run('binary');
    expect(o).toMatchObject({ status: 'binary-conflict', conflict: 'binary', aside: [{ as: 'mine' }], rule: { strategy: 'binary' } });
    expect(dec(o.output)).toBe(theirs);
  });

  test('a rule does not touch paths the byte table settles (only one side changed)', () => {
    const o = mergePath({ path: 'f.txt', base: enc(base), mine: enc(base), theirs: enc(theirs) }, {
      style: 'merge',
      labels: { mine: 'mine', base: 'base', theirs: 'theirs' },
      strategyFor: () => ({ strategy: 'mine' }),
    });
    expect(o.status).toBe('theirs');
    expect(o.rule).toBeUndefined();
  });
});
