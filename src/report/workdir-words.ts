/**
 * The working folder's next commands as the reports state them (the HTML banner, the text report's closing hint):
 * `status WORK` and `pack WORK -o WORK.zip` (WORK (2).zip when -o took that name), quoted for the shell the merge ran
 * in. Pure: built from the report alone.
 */

import { command, type Shell } from './command';
import type { Report } from './model';

export type WorkdirWords = {
  work: string;
  status: string;
  pack: string;
};

export function workdirWords(report: Report, shell?: Shell): WorkdirWords | undefined {
  const work = report.output.workdir;
  if (!work) return undefined;
  const stem = work.replace(/[\\/]+$/, '');
  const target = report.output.archive === `${stem}.zip` ? `${stem} (2).zip` : `${stem}.zip`;
  return { work, status: command(['status', work], shell), pack: command(['pack', work, '-o', target], shell) };
}
