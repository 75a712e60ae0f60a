/**
 * The short human summary printed after a merge: counts by status, then every path that needs the admin, with
 * the conflict lines to look at. Wording comes from tree/status.ts; only the frame sentences live here.
 */

import { CONFLICT_LABELS, STATUS_LABELS, STATUS_ORDER as ORDER, needsAttention } from '../tree/status';
import type { FileReport, Report } from './model';

export type Lang = 'en' | 'ru';

const FRAME = {
  merged: { en: (n: number) => `Merged ${n} files.`, ru: (n: number) => `Объединено файлов: ${n}.` },
  written: { en: (p: string) => `Merged archive: ${p}`, ru: (p: string) => `Объединённый архив: ${p}` },
  aside: {
    en: (p: string) => `Your versions of binary conflicts: ${p}`,
    ru: (p: string) => `Ваши версии двоичных файлов с конфликтом: ${p}`,
  },
  clean: { en: 'No conflicts: the archive is ready to import.', ru: 'Конфликтов нет: архив готов к загрузке.' },
  attention: {
    en: (n: number) => `Needs your decision (${n}):`,
    ru: (n: number) => `Требуют вашего решения (${n}):`,
  },
  lines: { en: 'lines', ru: 'строки' },
  more: {
    en: (n: number) => `  … and ${n} more: the report (--report) lists them all.`,
    ru: (n: number) => `  … и ещё ${n}: полный список — в отчёте (--report).`,
  },
  savedAs: { en: 'yours saved as', ru: 'ваша версия:' },
  hint: {
    en: 'Open each file, find the <<<<<<< markers, keep the right lines, delete the markers; then import the archive.',
    ru: 'Откройте каждый файл, найдите маркеры <<<<<<<, оставьте нужные строки и удалите маркеры; затем загрузите архив.',
  },
};

/** A terminal summary lists at most this many paths; the report has them all. */
const MAX_LISTED = 40;

/** Colours for a terminal: (colour, text) → text with escape codes, or the text unchanged (the default). */
export type Paint = (colour: 'red' | 'green' | 'yellow' | 'bold', text: string) => string;
const plain: Paint = (_colour, text) => text;

export function renderSummary(report: Report, lang: Lang, paint: Paint = plain): string {
  const out: string[] = [FRAME.merged[lang](report.totals.files)];
  for (const note of report.sameInputs ?? []) out.push(note[lang]);
  for (const s of ORDER) {
    const n = report.totals.byStatus[s];
    if (n) out.push(`  ${STATUS_LABELS[s][lang]}: ${n}`);
  }
  if (report.output.archive) out.push(FRAME.written[lang](report.output.archive));
  if (report.output.keptAside) out.push(FRAME.aside[lang](report.output.keptAside));
  const attention = report.files.filter((f) => needsAttention(f.status));
  if (attention.length === 0) {
    out.push(paint('green', FRAME.clean[lang]));
  } else {
    out.push(paint('yellow', FRAME.attention[lang](attention.length)));
    for (const f of attention.slice(0, MAX_LISTED)) out.push(`  ${paint('red', f.path)}: ${describe(f, lang)}`);
    if (attention.length > MAX_LISTED) out.push(FRAME.more[lang](attention.length - MAX_LISTED));
    if (attention.some((f) => f.conflicts?.length)) out.push(FRAME.hint[lang]);
  }
  for (const line of report.base?.messages ?? []) out.push(line[lang]);
  return out.join('\n') + '\n';
}

function describe(f: FileReport, lang: Lang): string {
  const what = f.conflict ? CONFLICT_LABELS[f.conflict][lang] : STATUS_LABELS[f.status][lang];
  if (f.conflicts?.length) {
    const where = f.conflicts.map((c) => `${c.startLine}-${c.endLine}`).join(', ');
    return `${what}; ${FRAME.lines[lang]} ${where}`;
  }
  if (f.keptAside) return `${what}; ${FRAME.savedAs[lang]} ${f.keptAside}`;
  return what;
}
