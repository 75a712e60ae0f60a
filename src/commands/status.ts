/**
 * `cabinet-merge status WORK`: what is left to resolve in a working folder. Returns data; cli/run.ts prints it
 * (workdir/render.ts) and exits 1 while anything is unresolved (markers, or a conflict waiting for `resolve`),
 * or while a file fails one of pack's checks (workdir/checks.ts: encodings, JSON/HTML/CSS/JS checks), 0 when
 * everything is settled — re-applied resolutions are listed for review but do not hold the exit code.
 *
 * Given a folder without a working-folder state, or a zip (an export edited by hand), it makes the checks that need
 * no state (workdir/plain.ts): markers, half-resolved blocks, format checks, Explorer's wrapper folder; exit 1 when
 * one finds something, else 0.
 */

import type { ReadOptions } from '../archive/limits';
import { inspectWorkdir, unresolvedCount, type Inspection } from '../workdir/inspect';
import { targetOf, twinWorkdir } from '../workdir/locate';
import { checkWorkdir, fileProblems, type WorkdirChecks } from '../workdir/checks';
import { checkPlain, plainProblems, type PlainCheck } from '../workdir/plain';

export interface WorkdirStatus {
  kind: 'workdir';
  inspection: Inspection;
  /** pack's own checks (encodings, format checks, deletions), so that "all resolved" means pack passes. */
  checks: WorkdirChecks;
  exitCode: 0 | 1;
}

export interface PlainStatus {
  kind: 'plain';
  plain: PlainCheck;
  /** For a zip: the working folder of the same name beside it, if there is one. */
  twin?: string;
  exitCode: 0 | 1;
}

export type StatusRun = WorkdirStatus | PlainStatus;

export async function runStatus(work: string, limits?: ReadOptions): Promise<StatusRun> {
  const target = await targetOf(work, 'status');
  if (target !== 'workdir') {
    const plain = await checkPlain(work, target, limits);
    const twin = target === 'zip' ? await twinWorkdir(work) : undefined;
    return { kind: 'plain', plain, ...(twin ? { twin } : {}), exitCode: plainProblems(plain) > 0 ? 1 : 0 };
  }
  const inspection = await inspectWorkdir(work, limits);
  const checks = await checkWorkdir(inspection);
  return { kind: 'workdir', inspection, checks, exitCode: unresolvedCount(inspection) + fileProblems(checks) > 0 ? 1 : 0 };
}

/** `status --json`: the inspection and the checks of a working folder, or the plain check (file contents left out). */
export function statusJson(run: StatusRun): string {
  const data = run.kind === 'workdir' ? { ...run.inspection, checks: run.checks } : { workdir: false, ...run.plain, tree: undefined };
  return JSON.stringify(data, (_k, v: unknown) => (v instanceof Map ? undefined : v), 2) + '\n';
}
