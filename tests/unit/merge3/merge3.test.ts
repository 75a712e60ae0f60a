/**
 * merge3: which hunks a merge gives. Files are written one character per line ('abc' is "a\nb\nc\n", see
 * mergeChars); results are shown as one string of hunks ('kind bStart+len mStart+len tStart+len / …') or of output
 * lines joined by '|'. Every expected output in the 'like git' tables was checked with `git merge-file -p`.
 */
import { merge3 } from '../../../src/merge3';
import { flat, kinds, mergeChars, mergeTexts, showHunks } from './harness';

describe('hunk kinds (style merge, git default level zealous-alnum)', () => {
  test.each([
    // [base, mine, theirs, hunks]
    ['abc', 'abc', 'abc', 'same b0+3 m0+3 t0+3'],
    ['abc', 'aXc', 'abc', 'same b0+1 m0+1 t0+1 / mine b1+1 m1+1 t1+1 / same b2+1 m2+1 t2+1'],
    ['abc', 'abc', 'aXc', 'same b0+1 m0+1 t0+1 / theirs b1+1 m1+1 t1+1 / same b2+1 m2+1 t2+1'],
    ['abc', 'aXc', 'aXc', 'same b0+1 m0+1 t0+1 / both b1+1 m1+1 t1+1 / same b2+1 m2+1 t2+1'],
    ['abc', 'aXc', 'aYc', 'same b0+1 m0+1 t0+1 / conflict b1+1 m1+1 t1+1 / same b2+1 m2+1 t2+1'],
    // Insertions at the same place: a conflict with an empty base range.
    ['ac', 'abc', 'adc', 'same b0+1 m0+1 t0+1 / conflict b1+0 m1+1 t1+1 / same b1+1 m2+1 t2+1'],
    // Deletion on one side, nothing on the other.
    ['abc', 'ac', 'abc', 'same b0+1 m0+1 t0+1 / mine b1+1 m1+0 t1+1 / same b2+1 m1+1 t2+1'],
    // Changes at both ends of the file.
    ['abcde', 'Xbcde', 'abcdY', 'mine b0+1 m0+1 t0+1 / same b1+3 m1+3 t1+3 / theirs b4+1 m4+1 t4+1'],
    // Empty files.
    ['', '', '', ''],
    ['', 'ab', '', 'mine b0+0 m0+2 t0+0'],
    ['', 'ab', 'ab', 'both b0+0 m0+2 t0+2'],
    ['ab', '', 'ab', 'mine b0+2 m0+0 t0+2'],
  ])('%j / %j / %j → %s', (base, mine, theirs, expected) => {
    expect(showHunks(mergeChars(base, mine, theirs).result)).toBe(expected);
  });
});

describe('clean or conflict, like git', () => {
  test.each([
    // [what, base, mine, theirs, output]
    ['changes one unchanged line apart are clean', 'abcde', 'aXcde', 'abcYe', 'a|X|c|Y|e'],
    ['adjacent changes (touching, not overlapping) conflict', 'abcde', 'aXcde', 'abYde', 'a|<<<<<<< mine|X|c|=======|b|Y|>>>>>>> theirs|d|e'],
    ['an insertion right after a changed line conflicts', 'abc', 'aXc', 'abYc', 'a|<<<<<<< mine|X|=======|b|Y|>>>>>>> theirs|c'],
    ['identical changes are taken once', 'abc', 'aXc', 'aXc', 'a|X|c'],
    ['identical deletions are taken once', 'abc', 'ac', 'ac', 'a|c'],
    ['delete vs modify conflicts', 'abc', 'ac', 'aXc', 'a|<<<<<<< mine|=======|X|>>>>>>> theirs|c'],
    // zealous: lines both sides added alike move out of the conflict.
    ['refined: common lines inside a conflict are taken once', 'abcdef', 'aXYZf', 'aXQZf', 'a|X|<<<<<<< mine|Y|=======|Q|>>>>>>> theirs|Z|f'],
    // Pieces at most 3 lines apart are joined back (xdl_simplify_non_conflicts).
    ['refined pieces 3 lines apart are joined', 'abcdefghij', 'aXbcdYj', 'aZbcdWj', 'a|<<<<<<< mine|X|b|c|d|Y|=======|Z|b|c|d|W|>>>>>>> theirs|j'],
  ])('%s', (_what, base, mine, theirs, expected) => {
    expect(flat(mergeChars(base, mine, theirs).text)).toBe(expected);
  });

  test('conflicts count conflict blocks', () => {
    // Four unchanged lines apart: not joined (three would be, see above).
    const m = mergeChars('abcdefgh', 'XbcdeYgh', 'ZbcdeWgh');
    expect(kinds(m.result)).toBe('conflict same conflict same');
    expect([m.result.conflicts, m.result.favored]).toEqual([2, 0]);
  });
});

describe('levels', () => {
  // mine and theirs both replace b..i; they agree on the four lines in the middle, not on the first and last.
  const alnumGap = ['abcdefghij', 'aX1234Yj', 'aZ1234Wj'] as const;
  const symbolGap = ['abcdefghij', 'aX{}()Yj', 'aZ{}()Wj'] as const;

  test('eager: one conflict over the whole region', () => {
    expect(kinds(mergeChars(...alnumGap, { level: 'eager' }).result)).toBe('same conflict same');
  });

  test('zealous: the common middle is taken once, two conflicts remain (4 lines apart: not joined)', () => {
    const m = mergeChars(...alnumGap, { level: 'zealous' });
    expect(kinds(m.result)).toBe('same conflict both conflict same');
    expect(flat(m.text)).toBe('a|<<<<<<< mine|X|=======|Z|>>>>>>> theirs|1|2|3|4|<<<<<<< mine|Y|=======|W|>>>>>>> theirs|j');
  });

  test('zealous-alnum joins conflicts separated only by lines without letters or digits', () => {
    expect(kinds(mergeChars(...symbolGap, { level: 'zealous' }).result)).toBe('same conflict both conflict same');
    const m = mergeChars(...symbolGap, { level: 'zealous-alnum' });
    expect(flat(m.text)).toBe('a|<<<<<<< mine|X|{|}|(|)|Y|=======|Z|{|}|(|)|W|>>>>>>> theirs|j');
    expect(kinds(mergeChars(...alnumGap, { level: 'zealous-alnum' }).result)).toBe('same conflict both conflict same');
  });

  test('zealous-alnum counts any Unicode letter as alphanumeric (git only ASCII): a departure on purpose', () => {
    // git merge-file joins these two conflicts into one, because for git's isalnum() 'КонецЕсли;' has no letter.
    const base = 'a\nb\nc\nd\n';
    const sides = (middle: string) => [`X\n}\n${middle}\n}\n\nY\n`, `Z\n}\n${middle}\n}\n\nW\n`] as const;
    expect(mergeTexts(base, ...sides('КонецЕсли;')).result.conflicts).toBe(2);
    expect(mergeTexts(base, ...sides('EndIf;')).result.conflicts).toBe(2);
    expect(mergeTexts(base, ...sides(';')).result.conflicts).toBe(1);
  });

  test('style diff3 caps the level at eager (a refined conflict would have no base to show)', () => {
    const diff3 = mergeChars(...alnumGap, { style: 'diff3', level: 'zealous-alnum' });
    expect(showHunks(diff3.result)).toBe(showHunks(mergeChars(...alnumGap, { style: 'diff3', level: 'eager' }).result));
    expect(kinds(diff3.result)).toBe('same conflict same');
  });

  test('style zdiff3 only moves the common head and tail out of a conflict', () => {
    // The common middle '1234' stays inside the conflict; X/Z and Y/W are not common, so nothing moves.
    expect(kinds(mergeChars(...alnumGap, { style: 'zdiff3' }).result)).toBe('same conflict same');
    const m = mergeChars('abcdef', 'aXYZf', 'aXQZf', { style: 'zdiff3' });
    expect(showHunks(m.result)).toBe(
      'same b0+1 m0+1 t0+1 / both b1+0 m1+1 t1+1 / conflict b1+4 m2+1 t2+1 / both b1+0 m3+1 t3+1 / same b5+1 m4+1 t4+1',
    );
  });

  test('style diff3: a conflict whose sides are identical is resolved; git --diff3 keeps it (a departure on purpose)', () => {
    // mine and theirs both turn base's 'a a a' tail into one 'a' but their diffs do not line up, so the walk makes
    // a conflict of it. git --diff3 prints '<<<<<<< mine|a|||||||| base|a|a|a|=======|a|>>>>>>> theirs' there.
    const m = mergeChars('abaaa', 'ba', 'dcbddba', { style: 'diff3' });
    expect(flat(m.text)).toBe('<<<<<<< mine|||||||| base|a|=======|d|c|b|d|d|>>>>>>> theirs|b|a');
    expect(m.result.conflicts).toBe(1);
  });

  test('minimal: identical changes are still taken once (a conflict with identical sides is resolved)', () => {
    expect(kinds(mergeChars('abc', 'aXc', 'aXc', { level: 'minimal' }).result)).toBe('same both same');
  });
});

describe('favor', () => {
  const conflict = ['abc', 'aXc', 'aYc'] as const;

  test.each([
    ['none', 'a|<<<<<<< mine|X|=======|Y|>>>>>>> theirs|c', 'conflict', [1, 0]],
    ['mine', 'a|X|c', 'mine(favored)', [0, 1]],
    ['theirs', 'a|Y|c', 'theirs(favored)', [0, 1]],
    ['union', 'a|X|Y|c', 'union(favored)', [0, 1]],
  ] as const)('favor %s', (favor, output, kind, counts) => {
    const m = mergeChars(...conflict, { favor });
    expect(flat(m.text)).toBe(output);
    expect(showHunks(m.result)).toBe(`same b0+1 m0+1 t0+1 / ${kind} b1+1 m1+1 t1+1 / same b2+1 m2+1 t2+1`);
    expect([m.result.conflicts, m.result.favored]).toEqual(counts);
  });

  test('favor leaves clean hunks alone', () => {
    const m = mergeChars('abcde', 'aXcdV', 'aYcde', { favor: 'theirs' });
    expect(flat(m.text)).toBe('a|Y|c|d|V');
    expect(m.result.favored).toBe(1);
  });
});

describe('keys', () => {
  test('merge3 compares keys as given: callers normalise (here: a missing final newline as a distinct key)', () => {
    const r = merge3({ base: ['a', 'b'], mine: ['a', 'b\u0000'], theirs: ['a', 'b'] }, { style: 'merge' });
    expect(showHunks(r)).toBe('same b0+1 m0+1 t0+1 / mine b1+1 m1+1 t1+1');
  });
});
