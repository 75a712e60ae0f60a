/**
 * The engine against `git merge-file` on every case of ../shared/peer-cases (real three-way inputs from mergiraf's
 * and KDiff3's test suites; see its README): byte-identical output in styles merge, diff3 and zdiff3, and the same
 * conflict count. The cases are read in place, never copied into the project (their licences are their own). CI
 * has shared/ beside the clone, so a missing folder is a failure, not a skip.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'fs';
import { join, resolve } from 'path';
import { mergeText } from '../../src/tree/merge-text';
import { LABELS, mergeTexts } from '../unit/merge3/harness';
import { firstDifference, gitMergeFilePaths } from './git';

const ROOT = resolve(__dirname, '../../../shared/peer-cases');
const STYLES = ['merge', 'diff3', 'zdiff3'] as const;

const cases = existsSync(ROOT) ? readdirSync(ROOT).filter((c) => statSync(join(ROOT, c)).isDirectory()).sort() : [];

test('the peer cases are there', () => {
  expect({ root: ROOT, exists: existsSync(ROOT) }).toEqual({ root: ROOT, exists: true });
  expect(cases.length).toBeGreaterThanOrEqual(286);
});

describe.each(cases.length ? cases : ['(none)'])('%s', (name) => {
  test('engine output = git merge-file output, all styles', () => {
    const dir = join(ROOT, name);
    const [file] = readdirSync(join(dir, 'base'));
    const path = (side: string) => join(dir, side, file);
    const bytes = { base: readFileSync(path('base')), mine: readFileSync(path('mine')), theirs: readFileSync(path('theirs')) };
    // The inputs must be UTF-8 for a text comparison to be a byte comparison.
    for (const b of Object.values(bytes)) expect(Buffer.from(b.toString('utf8'), 'utf8').equals(b)).toBe(true);
    const text = (b: Buffer) => b.toString('utf8');
    const report: string[] = [];
    for (const style of STYLES) {
      const git = gitMergeFilePaths(path('mine'), path('base'), path('theirs'), style);
      const ours = mergeTexts(text(bytes.base), text(bytes.mine), text(bytes.theirs), { style });
      const diff = firstDifference(git.text, ours.text);
      if (diff) report.push(`${style}: ${diff}`);
      if (Math.min(ours.result.conflicts, 127) !== git.status) report.push(`${style}: ${ours.result.conflicts} conflicts, git ${git.status}`);
      // The text strategy the CLI runs (decode, merge, encode) under --granularity lines: git's bytes exactly.
      const strategy = mergeText({ path: file, ...bytes }, { style, labels: LABELS, granularity: 'lines' });
      const strategyDiff = strategy === undefined ? 'not merged as text' : firstDifference(git.text, Buffer.from(strategy.bytes).toString('utf8'));
      if (strategyDiff) report.push(`${style} (text strategy, --granularity lines): ${strategyDiff}`);
    }
    expect(report.join('\n\n')).toBe('');
  });
});
