/**
 * The short human summary printed after a merge: counts by status, then every path that needs the admin, with
 * the conflict lines to look at; then what was settled for the admin without markers (conflicts resolved from a
 * previous resolution, to review, and conflicting lines settled by a rules-file rule); then the lines about the
 * base. Wording comes from tree/status.ts; only the frame sentences live here.
 */

import type { ReusedResolution, RuleRef } from '../tree';
import { CONFLICT_LABELS, STATUS_LABELS, STATUS_ORDER as ORDER, outcomeNeedsAttention } from '../tree/status';
import type { FileReport, GroupReport, Report, ResolveCommands } from './model';
import { quoteArg, userShell, workFolderFor } from './command';
import { enCount, FILES_RU, ruCount } from './plural';
import { workdirWords, type WorkdirWords } from './workdir-words';

export type Lang = 'en' | 'ru';

const FRAME = {
  merged: { en: (n: number) => `Merged ${enCount(n, 'file', 'files')}.`, ru: (n: number) => `Объединено файлов: ${n}.` },
  written: { en: (p: string) => `Merged archive: ${p}`, ru: (p: string) => `Объединённый архив: ${p}` },
  aside: {
    en: (p: string) => `Versions kept beside the archive (each listed with its file): ${p}`,
    ru: (p: string) => `Версии, сохранённые рядом с архивом (каждая указана у своего файла): ${p}`,
  },
  asideList: {
    en: (n: number) => `Kept beside the archive, no decision needed (${n}):`,
    ru: (n: number) => `Сохранены рядом с архивом, решение не требуется (${n}):`,
  },
  clean: { en: 'No conflicts: the archive is ready to import.', ru: 'Конфликтов нет: архив готов к загрузке.' },
  cleanWorkdir: { en: 'No conflicts: pack the working folder (below) to get the archive to import.', ru: 'Конфликтов нет: соберите из рабочей папки (ниже) архив для загрузки.' },
  review: {
    en: (n: number) =>
      `No conflicts left, but ${n === 1 ? "1 file's conflicts were" : `${n} files' conflicts were`} settled from earlier resolutions: review ${n === 1 ? 'it' : 'them'} (below) before importing the archive.`,
    ru: (n: number) => `Неразрешённых конфликтов нет, но конфликты в файлах (${n}) решены по сохранённым ранее решениям: проверьте их (ниже), прежде чем загружать архив.`,
  },
  reviewBase: {
    en: (n: number) => `No conflicts left, but ${n === 1 ? '1 file was' : `${n} files were`} merged against a base equal to your version: check ${n === 1 ? 'it' : 'them'} (listed below) before importing the archive.`,
    ru: (n: number) => `Неразрешённых конфликтов нет, но файлы (${n}) объединены с базой, совпадающей с вашей версией: проверьте их (список ниже), прежде чем загружать архив.`,
  },
  attention: {
    en: (n: number) => `Needs your decision (${n}):`,
    ru: (n: number) => `Требуют вашего решения (${n}):`,
  },
  lines: { en: 'lines', ru: 'строки' },
  decisions: {
    en: (n: number) => `Decided for you — encodings, line ends, layout (${n}):`,
    ru: (n: number) => `Решено автоматически — кодировки, концы строк, структура (${n}):`,
  },
  more: {
    en: (n: number) => `  … and ${n} more: the report (--report) lists them all.`,
    ru: (n: number) => `  … и ещё ${n}: полный список — в отчёте (--report).`,
  },
  savedAs: {
    mine: { en: 'yours saved as', ru: 'ваша версия:' },
    theirs: { en: "the vendor's saved as", ru: 'версия поставщика:' },
    other: { en: 'saved as', ru: 'сохранён как' },
  },
  renamed: {
    en: (n: number) => `Renamed or moved by the vendor (${n}):`,
    ru: (n: number) => `Переименованы или перемещены поставщиком (${n}):`,
  },
  group: {
    en: (g: GroupReport) =>
      g.status === 'only-mine'
        ? `${g.files} files only in your export — kept (your additions, or files the vendor removed)`
        : `${g.files} files only in the vendor's new export — taken (new from the vendor, or files you deleted)`,
    ru: (g: GroupReport) =>
      g.status === 'only-mine'
        ? `файлов только в вашей выгрузке: ${g.files} — сохранены (ваши новые файлы или удалённые поставщиком)`
        : `файлов только в новой выгрузке поставщика: ${g.files} — приняты (новые файлы поставщика или удалённые вами)`,
  },
  top: { en: '(files at the top, outside folders)', ru: '(файлы верхнего уровня, вне папок)' },
  keepDrop: {
    en: (c: ResolveCommands) => `to keep them all: ${c.keep}; to drop them all: ${c.drop}`,
    ru: (c: ResolveCommands) => `оставить все: ${c.keep}; убрать все: ${c.drop}`,
  },
  dropOne: {
    en: (c: ResolveCommands) => `to drop it: ${c.drop}`,
    ru: (c: ResolveCommands) => `убрать его: ${c.drop}`,
  },
  keepOrRemove: {
    en: (c: ResolveCommands) => `to keep it: ${c.keep}; to remove it: ${c.drop}`,
    ru: (c: ResolveCommands) => `оставить его: ${c.keep}; удалить: ${c.drop}`,
  },
  hint: {
    en: 'Open each file, find the <<<<<<< markers, keep the right lines, delete the markers; then import the archive.',
    ru: 'Откройте каждый файл, найдите маркеры <<<<<<<, оставьте нужные строки и удалите маркеры; затем загрузите архив.',
  },
  hintWorkdir: {
    en: (where: string, w: WorkdirWords) =>
      `Open ${where}, keep the right lines and delete the markers; check with: ${w.status}, then: ${w.pack}`,
    ru: (where: string, w: WorkdirWords) =>
      `Откройте ${where}, оставьте нужные строки и удалите маркеры; проверьте: ${w.status}, затем: ${w.pack}`,
  },
  hintArchive: {
    en: (archive: string, work: string, where: string) =>
      `The files are inside ${archive}, where an editor cannot reach them: repeat this merge with --out-dir ${work} instead of -o, then open ${where}.`,
    ru: (archive: string, work: string, where: string) =>
      `Файлы находятся внутри ${archive}, где редактор до них не доберётся: повторите это слияние с --out-dir ${work} вместо -o и откройте ${where}.`,
  },
  atLine: { en: (file: string, line: number) => `${file} at line ${line}`, ru: (file: string, line: number) => `${file} (строка ${line})` },
  and: { en: ' and ', ru: ' и ' },
  andMore: {
    en: (n: number) => ` and ${enCount(n, 'more file', 'more files')} listed above`,
    ru: (n: number) => ` и ещё ${ruCount(n, FILES_RU)} из списка выше`,
  },
  reused: {
    en: (n: number) => `Resolved from a previous resolution — please review (${n}):`,
    ru: (n: number) => `Решено по сохранённому ранее решению — проверьте (${n}):`,
  },
  reusedLines: {
    en: (l: string, when: string) => `line${l.includes('-') ? 's' : ''} ${l} (recorded ${when})`,
    ru: (l: string, when: string) => `${l.includes('-') ? 'строки' : 'строка'} ${l} (решение от ${when})`,
  },
  recordedIn: { en: (p: string) => ` in ${p}`, ru: (p: string) => `, файл ${p}` },
  deletedBlock: {
    en: (l: number, when: string) => `block removed before line ${l} (recorded ${when})`,
    ru: (l: number, when: string) => `блок удалён перед строкой ${l} (решение от ${when})`,
  },
  cut: {
    en: (col: number, chars: number) => `cut from a long line at column ${col}, ${chars} characters`,
    ru: (col: number, chars: number) => `вырезан из длинной строки с позиции ${col}, символов: ${chars}`,
  },
  level: {
    en: (l: string) => `merged by ${l === 'tokens' ? 'tokens' : l.toUpperCase() + ' structure'}`,
    ru: (l: string) => (l === 'tokens' ? 'объединено по словам и знакам' : `объединено по структуре ${l.toUpperCase()}`),
  },
  finer: {
    en: (n: number, by: string) => `Merged below the line (${n}): ${by}`,
    ru: (n: number, by: string) => `Объединено точнее строк (${n}): ${by}`,
  },
  ruled: {
    en: (n: number) => `Conflicting lines settled by the rules file (${n}):`,
    ru: (n: number) => `Спорные строки решены по файлу правил (${n}):`,
  },
  rule: {
    en: (r: RuleRef, n: number) => `rule ${r.index + 1} "${r.pattern}" → ${r.strategy} (${r.source}): ${n} conflicting hunk${n === 1 ? '' : 's'}`,
    ru: (r: RuleRef, n: number) => `правило ${r.index + 1} "${r.pattern}" → ${r.strategy} (${r.source}): спорных фрагментов — ${n}`,
  },
};

/** A terminal summary lists at most this many paths; the report has them all. */
const MAX_LISTED = 40;

/** Colours for a terminal: (colour, text) → text with escape codes, or the text unchanged (the default). */
export type Paint = (colour: 'red' | 'green' | 'yellow' | 'bold', text: string) => string;
const plain: Paint = (_colour, text) => text;

/**
 * `next`: the closing lines the CLI computes from the admin's command line (cli/next-step.ts) — the report's path
 * and the command to run next; given, they replace the generic "open each file" hint.
 */
export function renderSummary(report: Report, lang: Lang, paint: Paint = plain, next?: readonly { en: string; ru: string }[]): string {
  const out: string[] = [FRAME.merged[lang](report.totals.files)];
  for (const note of report.sameInputs ?? []) out.push(note[lang]);
  for (const s of ORDER) {
    const n = report.totals.byStatus[s];
    if (n) out.push(`  ${STATUS_LABELS[s][lang]}: ${n}`);
  }
  if (report.output.archive) out.push(FRAME.written[lang](report.output.archive));
  if (report.output.keptAside) out.push(FRAME.aside[lang](report.output.keptAside));
  const attention = report.files.filter(outcomeNeedsAttention);
  const reused = report.files.filter((f) => f.reused?.length);
  if (attention.length === 0) {
    const baseEqual = report.base?.baseEqualsMine?.length ?? 0;
    if (reused.length) out.push(paint('yellow', FRAME.review[lang](reused.length)));
    else if (baseEqual) out.push(paint('yellow', FRAME.reviewBase[lang](baseEqual)));
    else out.push(paint('green', report.output.workdir && !report.output.archive ? FRAME.cleanWorkdir[lang] : FRAME.clean[lang]));
  } else {
    // A folder group is one item, listed where its first file would be.
    const items: string[] = [];
    const groups = new Map((report.groups ?? []).map((g) => [g.folder, g]));
    for (const f of attention) {
      const g = f.group === undefined ? undefined : groups.get(f.group);
      if (g) {
        if (g.paths[0] === f.path) items.push(`  ${paint('red', g.folder || FRAME.top[lang])}: ${FRAME.group[lang](g)}; ${FRAME.keepDrop[lang](g.commands)}`);
        continue;
      }
      items.push(`  ${paint('red', shownPath(f))}: ${describe(f, lang)}`);
    }
    out.push(paint('yellow', FRAME.attention[lang](items.length)));
    out.push(...items.slice(0, MAX_LISTED));
    if (items.length > MAX_LISTED) out.push(FRAME.more[lang](items.length - MAX_LISTED));
    if (attention.some((f) => f.conflicts?.length) && next === undefined) out.push(conflictHint(report, attention, lang));
  }
  const renamed = report.files.filter((f) => f.renamedFrom !== undefined);
  if (renamed.length) {
    out.push(FRAME.renamed[lang](renamed.length));
    for (const f of renamed.slice(0, MAX_LISTED)) {
      const note = f.notes?.find((n) => n.code === 'renamed');
      out.push(`  ${note ? note[lang] : `${shownPath(f)}: ${STATUS_LABELS[f.status][lang]}`}`);
    }
    if (renamed.length > MAX_LISTED) out.push(FRAME.more[lang](renamed.length - MAX_LISTED));
  }
  if (reused.length) {
    out.push(paint('yellow', FRAME.reused[lang](reused.length)));
    out.push(...listed(reused, lang, (f) => reusedWhere(f.reused!, lang, f.path)));
  }
  const finer = report.files.filter((f) => f.level);
  if (finer.length) {
    const count = new Map<string, number>();
    for (const f of finer) count.set(f.level!, (count.get(f.level!) ?? 0) + 1);
    out.push(FRAME.finer[lang](finer.length, [...count].map(([l, n]) => `${l} ${n}`).join(', ')));
  }
  const ruled = report.files.filter((f) => f.rule && f.favored);
  if (ruled.length) {
    out.push(FRAME.ruled[lang](ruled.length));
    out.push(...listed(ruled, lang, (f) => FRAME.rule[lang](f.rule!, f.favored!)));
  }
  const asideOnly = report.files.filter((f) => f.keptAside?.length && !outcomeNeedsAttention(f));
  if (asideOnly.length) {
    out.push(FRAME.asideList[lang](asideOnly.length));
    out.push(...listed(asideOnly, lang, (f) => f.keptAside!.map((k) => k.path).join(', ')));
  }
  // Rename notes have their own list above.
  const otherNotes = (f: FileReport) => (f.notes ?? []).filter((n) => n.code !== 'renamed');
  const decided = report.files.filter((f) => otherNotes(f).length);
  if (decided.length || report.layout.length) {
    out.push(FRAME.decisions[lang](decided.length + (report.layout.length ? 1 : 0)));
    for (const n of report.layout.slice(0, MAX_LISTED)) out.push(`  ${n[lang]}`);
    out.push(...listed(decided, lang, (f) => otherNotes(f).map((n) => n[lang]).join('; ')));
  }
  for (const line of report.base?.messages ?? []) out.push(line[lang]);
  for (const line of next ?? []) out.push(line[lang]);
  return out.join('\n') + '\n';
}

/** Files named in the closing hint, each with its first block's line; the rest are counted. */
const HINT_FILES = 3;

/**
 * The closing hint of a summary printed without the CLI's next steps (`--report FILE.txt`): where to open the
 * conflicts — each file in the working folder with the line of its first block, or, after -o alone, that the files
 * are inside the zip and which working folder to merge into instead.
 */
function conflictHint(report: Report, attention: readonly FileReport[], lang: Lang): string {
  const files = attention.filter((f) => f.conflicts?.length);
  const work = workdirWords(report);
  const archive = report.output.archive;
  const folder = work?.work ?? (archive ? workFolderFor(archive) : undefined);
  if (folder === undefined) return FRAME.hint[lang];
  const sep = folder.includes('\\') && !folder.includes('/') ? '\\' : '/';
  const prefix = folder.replace(/[\\/]+$/, '') + sep;
  const named = files.slice(0, HINT_FILES).map((f) => FRAME.atLine[lang](prefix + f.path.split('/').join(sep), f.conflicts![0].startLine));
  const where =
    files.length > HINT_FILES
      ? named.join(', ') + FRAME.andMore[lang](files.length - HINT_FILES)
      : named.length > 1
        ? `${named.slice(0, -1).join(', ')}${FRAME.and[lang]}${named[named.length - 1]}`
        : named[0];
  return work ? FRAME.hintWorkdir[lang](where, work) : FRAME.hintArchive[lang](archive!, quoteArg(folder, userShell()), where);
}

/** One indented line per file (at most MAX_LISTED, then how many more). */
function listed(files: readonly FileReport[], lang: Lang, what: (f: FileReport) => string): string[] {
  const out = files.slice(0, MAX_LISTED).map((f) => `  ${f.path}: ${what(f)}`);
  if (files.length > MAX_LISTED) out.push(FRAME.more[lang](files.length - MAX_LISTED));
  return out;
}

/** The title of a list of files with reused resolutions; `status` prints the same. */
export function reusedTitle(n: number, lang: Lang): string {
  return FRAME.reused[lang](n);
}

/**
 * Where the re-applied resolutions of the file at `path` sit in the merged file and when they were recorded:
 * "line 13 (recorded 2026-01-05); lines 40-42 (recorded … in css/other.css)" — the file named when it is another.
 * A resolution that deleted its block has no lines.
 */
export function reusedWhere(reused: readonly ReusedResolution[], lang: Lang, path: string): string {
  return reused
    .map((u) => {
      const when = u.recorded.slice(0, 10) + (u.recordedPath !== path ? FRAME.recordedIn[lang](u.recordedPath) : '');
      if (u.length === 0) return FRAME.deletedBlock[lang](u.startLine, when);
      const lines = u.length === 1 ? `${u.startLine}` : `${u.startLine}-${u.startLine + u.length - 1}`;
      return FRAME.reusedLines[lang](lines, when);
    })
    .join('; ');
}

/** A renamed file as 'old → new', others as their path. */
function shownPath(f: FileReport): string {
  return f.renamedFrom === undefined ? f.path : `${f.renamedFrom} → ${f.path}`;
}

function describe(f: FileReport, lang: Lang): string {
  const what = f.conflict ? CONFLICT_LABELS[f.conflict][lang] : STATUS_LABELS[f.status][lang];
  if (f.commands) return `${what}; ${(f.conflict === 'modify-delete' || f.conflict === 'delete-modify' ? FRAME.keepOrRemove : FRAME.dropOne)[lang](f.commands)}`;
  if (f.conflicts?.length) {
    const where = f.conflicts
      .map((c) => (c.column !== undefined && (c.cutBefore || c.cutAfter) ? `${c.startLine}-${c.endLine} (${FRAME.cut[lang](c.column, c.chars)})` : `${c.startLine}-${c.endLine}`))
      .join(', ');
    return `${what}; ${FRAME.lines[lang]} ${where}${f.level ? `; ${FRAME.level[lang](f.level)}` : ''}`;
  }
  if (f.keptAside?.length) {
    const saved = f.keptAside.map((k) => `${FRAME.savedAs[k.as === 'mine' || k.as === 'theirs' ? k.as : 'other'][lang]} ${k.path}`);
    return `${what}; ${saved.join('; ')}`;
  }
  return what;
}
