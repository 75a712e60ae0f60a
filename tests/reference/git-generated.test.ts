/**
 * The engine against `git merge-file` on generated code-like files: 100 seeded cases of 20–400 lines (see
 * tests/helpers/gen.ts), each merged in styles merge, diff3 and zdiff3; the output must be byte-identical and the
 * conflict count equal to git's exit status. On a mismatch the message gives the seed (codeCase(seed, SHAPE)
 * rebuilds the inputs) and the first differing lines.
 *
 * The files are ASCII: on Cyrillic lines the engine's zealous-alnum level departs from git on purpose (see
 * merge3.ts). A second set has far more repeated lines than real files (85%): it is what found the two
 * differences in xdiff's line classification kept below as regressions.
 */
import { codeCase, type CaseShape } from '../helpers/gen';
import { mergeTexts } from '../unit/merge3/harness';
import { firstDifference, gitMergeTexts } from './git';

const SHAPE: Partial<CaseShape> = { minLines: 20, maxLines: 400, maxEdits: 8, repeatShare: 0.45, noFinalNewline: 0.1, asciiOnly: true };
const STYLES = ['merge', 'diff3', 'zdiff3'] as const;
const SEEDS = Array.from({ length: 100 }, (_, i) => 1000 + i);
const REPEATS: Partial<CaseShape> = { minLines: 20, maxLines: 120, maxEdits: 15, repeatShare: 0.85, noFinalNewline: 0.1, asciiOnly: true };
const REPEAT_SEEDS = Array.from({ length: 60 }, (_, i) => 5000 + i);

/** Every difference from git for one case, in all styles, as readable text ('' when none). */
function differences(label: string, base: string, mine: string, theirs: string): { report: string; conflicted: number } {
  const git = gitMergeTexts(base, mine, theirs, STYLES);
  const report: string[] = [];
  let conflicted = 0;
  for (const style of STYLES) {
    const ours = mergeTexts(base, mine, theirs, { style });
    if (ours.result.conflicts > 0) conflicted++;
    const diff = firstDifference(git[style].text, ours.text);
    if (diff) report.push(`${label} style ${style}: ${diff}`);
    if (Math.min(ours.result.conflicts, 127) !== git[style].status) {
      report.push(`${label} style ${style}: ${ours.result.conflicts} conflicts, git ${git[style].status}`);
    }
  }
  return { report: report.join('\n\n'), conflicted };
}

describe('engine output = git merge-file output on generated files', () => {
  let conflicted = 0;

  test.each(SEEDS)('seed %i', (seed) => {
    const c = codeCase(seed, SHAPE);
    const d = differences(`codeCase(${seed}, SHAPE)`, c.base, c.mine, c.theirs);
    conflicted += d.conflicted;
    expect(d.report).toBe('');
  });

  test.each(REPEAT_SEEDS)('mostly repeated lines, seed %i', (seed) => {
    const c = codeCase(seed, REPEATS);
    expect(differences(`codeCase(${seed}, REPEATS)`, c.base, c.mine, c.theirs).report).toBe('');
  });

  afterAll(() => {
    // The generated set is only worth something if it holds conflicts and clean merges alike.
    expect(conflicted).toBeGreaterThan(30);
    expect(conflicted).toBeLessThan(SEEDS.length * STYLES.length - 30);
  });
});

describe('regressions: minimal inputs where the engine once differed from git', () => {
  const file = (s: string) => [...s].map((c) => c + '\n').join('');

  test('a line counts as present when it occurs anywhere in the other file, not only in the trimmed middle', () => {
    // xdl_cleanup_records counts over whole files. Counting over the middle dropped mine's 'a' (it is in the common
    // head) from the search, and Myers then matched a different, equally good b: diff3 output differed.
    expect(differences('aaabbaa/ab/b', file('aaabbaa'), file('ab'), file('b')).report).toBe('');
  });

  test("a frequent line amid unmatched lines is left out of the search (xdl_clean_mmatch)", () => {
    // base's '}' occurs 4 times in mine (≥ √9 rounded up to a power of 2); between 8 unmatched lines git discards
    // it, so mine is one big change that conflicts with theirs' first line. Kept, it split mine's change in two.
    const d = differences('mmatch', 'u1\nu2\nu3\nu4\n}\nu5\nu6\nu7\nu8\n', '}\n}\n}\n}\n', 'X\nu2\nu3\nu4\n}\nu5\nu6\nu7\nu8\n');
    expect(d.report).toBe('');
    expect(d.conflicted).toBe(3);
  });
});
