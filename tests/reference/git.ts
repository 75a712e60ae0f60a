/**
 * `git merge-file -p [--diff3|--zdiff3] -L mine -L base -L theirs mine base theirs`, the reference the engine
 * follows. Files are written to one temporary folder per call; git's exit status is the conflict count (capped at
 * 127), or negative on error.
 */
import { spawnSync } from 'child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import type { ConflictStyle } from '../../src/merge3';

export interface GitMerge {
  text: string;
  status: number;
}

export function gitMergeFilePaths(mine: string, base: string, theirs: string, style: ConflictStyle): GitMerge {
  const args = ['merge-file', '-p', ...(style === 'merge' ? [] : [`--${style}`]), '-L', 'mine', '-L', 'base', '-L', 'theirs', mine, base, theirs];
  const g = spawnSync('git', args, { encoding: 'utf8' });
  if (g.error) throw g.error;
  if (g.status === null || g.status < 0 || g.status > 127) throw new Error(`git merge-file failed: ${g.stderr}`);
  return { text: g.stdout, status: g.status };
}

/** Runs git on texts; `styles` lets one set of temporary files serve several styles. */
export function gitMergeTexts(base: string, mine: string, theirs: string, styles: readonly ConflictStyle[]): Record<string, GitMerge> {
  const dir = mkdtempSync(join(tmpdir(), 'cabinet-merge-ref-'));
  try {
    const p = (n: string) => join(dir, n);
    writeFileSync(p('base'), base);
    writeFileSync(p('mine'), mine);
    writeFileSync(p('theirs'), theirs);
    const out: Record<string, GitMerge> = {};
    for (const s of styles) out[s] = gitMergeFilePaths(p('mine'), p('base'), p('theirs'), s);
    return out;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The first differing line and a few lines of context, both sides, or '' when equal. */
export function firstDifference(expected: string, actual: string, context = 3): string {
  if (expected === actual) return '';
  const e = expected.split('\n');
  const a = actual.split('\n');
  let k = 0;
  while (k < e.length && k < a.length && e[k] === a[k]) k++;
  const from = Math.max(0, k - context);
  const show = (ls: string[]) => ls.slice(from, k + context + 1).map((l, i) => `${String(from + i + 1).padStart(5)}${from + i === k ? '>' : ' '} ${JSON.stringify(l)}`);
  return [`first difference at line ${k + 1}`, '--- git', ...show(e), '+++ engine', ...show(a)].join('\n');
}
