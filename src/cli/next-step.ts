/**
 * What the merge summary tells the admin to do next, as a command that works when pasted: built from the admin's
 * own command line (their file names, their options), quoted for their shell (report/command.ts).
 *
 * After `merge … -o MERGED.zip` with conflicts, the conflicts are inside the zip, where no editor reaches them: the
 * next step is the same merge into a working folder (`--out-dir MERGED`), then status / resolve / pack.
 */

import type { Report } from '../report/model';
import { command, workFolderFor } from '../report/command';
import type { Wording } from '../tree/status';

/** Options of merge whose value is the next argument, and that the working-folder run must not repeat. */
const DROPPED_WITH_VALUE = new Set(['-o', '--output', '--report', '--report-format']);
const DROPPED_FLAGS = new Set(['--json', '--quiet', '--save-baseline']);

/**
 * argv of `merge …` without the zip output and the report (the working folder holds the report), so the run can
 * be repeated with --out-dir without hitting "already exists".
 */
export function withoutOutputs(argv: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const name = a.startsWith('--') ? a.split('=')[0] : a;
    if (DROPPED_WITH_VALUE.has(name)) {
      if (!a.includes('=')) i++;
      continue;
    }
    if (/^-o./.test(a) || DROPPED_FLAGS.has(a) || a.startsWith('--baseline-name')) {
      if (a === '--baseline-name') i++;
      continue;
    }
    out.push(a);
  }
  return out;
}

/** WORK for a merged zip: MERGED.zip → MERGED (beside it); the model's resolve commands use the same name. */
export const workFor = workFolderFor;

/**
 * The closing lines of a merge summary: the report's path, and, after `-o` alone with something to resolve, the
 * command that puts the merge into a working folder. `argv` is the command line after the program name.
 */
export function mergeNextStep(argv: readonly string[], report: Report, reportPath: string | undefined, outDir: string | undefined): Wording[] {
  const lines: Wording[] = [];
  if (reportPath) lines.push({ en: `Report: ${reportPath}`, ru: `Отчёт: ${reportPath}` });
  const output = report.output.archive;
  if (outDir || !output || report.result !== 'conflicts') return lines;
  const work = workFor(output);
  const cmd = command([...withoutOutputs(argv), '--out-dir', work]);
  lines.push({
    en: `The conflicts are inside ${output}, where an editor cannot reach them. To resolve them, merge into a working folder: ${cmd}\nthen follow what it prints (status, resolve, pack).`,
    ru: `Конфликты находятся внутри ${output}, где редактор до них не доберётся. Чтобы их решить, выполните слияние в рабочую папку: ${cmd}\nи следуйте выводу (status, resolve, pack).`,
  });
  return lines;
}
