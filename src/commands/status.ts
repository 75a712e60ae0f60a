/**
 * `cabinet-merge status WORK`: what is left to resolve in a working folder. Returns data; cli/main.ts prints it
 * (workdir/render.ts) and exits 1 while anything is unresolved (markers, or a conflict waiting for `resolve`),
 * or while a file fails one of pack's checks (workdir/checks.ts: encodings, JSON/HTML/CSS/JS checks), 0 when everything is settled — re-applied resolutions are listed for review but do not hold the exit code.
 */

import type { ReadOptions } from '../archive/limits';
import { inspectWorkdir, unresolvedCount, type Inspection } from '../workdir/inspect';
import { checkWorkdirPath } from '../workdir/locate';
import { checkWorkdir, fileProblems, type WorkdirChecks } from '../workdir/checks';

export interface StatusRun {
  inspection: Inspection;
  /** pack's own checks (encodings, format checks, deletions), so that "all resolved" means pack passes. */
  checks: WorkdirChecks;
  exitCode: 0 | 1;
}

export async function runStatus(work: string, limits?: ReadOptions): Promise<StatusRun> {
  await checkWorkdirPath(work, 'status');
  const inspection = await inspectWorkdir(work, limits);
  const checks = await checkWorkdir(inspection);
  return { inspection, checks, exitCode: unresolvedCount(inspection) + fileProblems(checks) > 0 ? 1 : 0 };
}
