/**
 * The text `status`, `pack` and `resolve` print, in English or Russian, and the hint after `merge --out-dir`.
 * Conflict wording comes from tree/status.ts, and the lines about reused resolutions from the merge summary
 * (report/text.ts), which lists them after a merge; only the frame sentences live here.
 */

import { existsSync } from 'node:fs';
import * as path from 'node:path';
import type { PackRun, PlainPackRun } from '../commands/pack';
import type { ResolveRun } from '../commands/resolve';
import { reusedTitle, reusedWhere } from '../report/text';
import type { PlainStatus, StatusRun } from '../commands/status';
import { plainProblems, type PlainCheck } from './plain';
import { STATE_DIR } from './state';
import { CONFLICT_LABELS, STATUS_LABELS } from '../tree/status';
import type { Inspection, MarkedFile } from './inspect';
import type { ConflictState } from './state';
import { fileProblems, type WorkdirChecks } from './checks';
import { command } from '../report/command';
import { freePackTarget } from './locate';
import { enCount, enWord, FILES_RU, ruCount } from '../report/plural';

/** `cabinet-merge pack WORK -o WORK.zip`, quoted for the user's shell: a name of the user's own, not a placeholder. */
function packCommand(work: string, packed?: readonly string[], yes = false, output?: string): string {
  return command(['pack', work, '-o', output ?? freePackTarget(work, packed), ...(yes ? ['--yes'] : [])]);
}

type Lang = 'en' | 'ru';

const T = {
  markers: {
    en: (n: number) => `Conflict markers left (${n} file${n === 1 ? '' : 's'}) — edit each block into the lines you want:`,
    ru: (n: number) => `Остались маркеры конфликтов (${ruCount(n, FILES_RU)}) — замените каждый блок нужными строками:`,
  },
  blocks: {
    en: (n: number, lines: string) => `${enCount(n, 'conflict block', 'conflict blocks')}, ${enWord(n, 'line', 'lines')} ${lines}`,
    ru: (n: number, lines: string) => `${ruCount(n, { one: 'блок конфликта', few: 'блока конфликта', many: 'блоков конфликта' })}, ${n === 1 ? 'строка' : 'строки'} ${lines}`,
  },
  stray: {
    en: (n: number, l: string) => `${n === 1 ? 'an unpaired marker at line' : 'unpaired markers at lines'} ${l}`,
    ru: (n: number, l: string) => `${n === 1 ? 'непарный маркер в строке' : 'непарные маркеры в строках'} ${l}`,
  },
  pasted: { en: ' (not a conflict of the merge: markers pasted in?)', ru: ' (в слиянии конфликта не было: маркеры вставлены?)' },
  pending: {
    en: (n: number) => `Decisions needed (${n}) — take one side's file with "resolve":`,
    ru: (n: number) => `Нужно решение (${n}) — выберите версию командой "resolve":`,
  },
  resolveHint: {
    en: (work: string, p: string, opts: string) => command(['resolve', work, p, opts]),
    ru: (work: string, p: string, opts: string) => command(['resolve', work, p, opts]),
  },
  resolved: { en: (n: number) => `Resolved (${n}):`, ru: (n: number) => `Решено (${n}):` },
  how: {
    edited: { en: 'markers edited out', ru: 'маркеры убраны' },
    decided: { en: (s: string) => `took ${s} (resolve)`, ru: (s: string) => `взята версия ${s} (resolve)` },
  },
  added: { en: 'Added since the merge (will be packed):', ru: 'Добавлены после слияния (войдут в архив):' },
  removed: { en: 'Removed since the merge (will not be packed):', ru: 'Удалены после слияния (не войдут в архив):' },
  keptOut: {
    en: (n: number) => `Kept out of the archive by the merge (${n}) — not packed; to keep one, copy its saved file into WORK under a name Windows can hold:`,
    ru: (n: number) => `Не включены в архив при слиянии (${n}) — не войдут в архив; чтобы сохранить файл, скопируйте его сохранённую копию в рабочую папку под именем, допустимым в Windows:`,
  },
  keptOutWhy: {
    'case-clash': { en: 'its name differs from another file\'s only in letter case or Unicode form', ru: 'имя отличается от имени другого файла только регистром букв или формой Unicode' },
    'windows-name': { en: 'Windows cannot create a file with this name', ru: 'Windows не может создать файл с таким именем' },
    'file-folder': { en: 'the merge also has a folder with this name', ru: 'в результате есть папка с таким именем' },
  },
  savedAs: { en: 'saved as', ru: 'сохранён как' },
  allDone: {
    en: (pack: string) => `Everything is resolved. Pack the archive: ${pack}`,
    ru: (pack: string) => `Всё решено. Соберите архив: ${pack}`,
  },
  invalid: {
    en: (n: number) => `Files that would break in the portal (${n}) — fix them, or --force packs them as they are:`,
    ru: (n: number) => `Файлы, которые сломаются на портале (${n}) — исправьте их, или с --force они будут упакованы как есть:`,
  },
  editedOutside: {
    en: (n: number) => `Edited in WORK outside conflicts (${n}) — packed as you edited them:`,
    ru: (n: number) => `Изменены в рабочей папке вне конфликтов (${n}) — войдут в архив с вашими правками:`,
  },
  deleted: {
    en: (n: number) => `Deleted by you in WORK (${n}) — left out of the archive; restore them (your editor's undo, the Recycle Bin), or pack with --yes if that is what you meant:`,
    ru: (n: number) => `Удалены вами в рабочей папке (${n}) — не войдут в архив; восстановите их (отмена в редакторе, Корзина) или соберите архив с --yes, если так и задумано:`,
  },
  needsYes: {
    en: (pack: string) => `Not packed: files were deleted in WORK (listed above). To pack without them: ${pack}`,
    ru: (pack: string) => `Архив не собран: в рабочей папке удалены файлы (см. выше). Чтобы собрать без них: ${pack}`,
  },
  left: {
    en: (n: number) => `${n} item${n === 1 ? '' : 's'} left to resolve.`,
    ru: (n: number) => `Осталось решить: ${n}.`,
  },
  packed: { en: (p: string) => `Packed: ${p}`, ru: (p: string) => `Архив собран: ${p}` },
  notPacked: {
    en: 'Not packed: resolve what is listed above, or add --force to pack as is.',
    ru: 'Архив не собран: решите перечисленное выше или добавьте --force, чтобы собрать как есть.',
  },
  unencodable: {
    en: (n: number) => `Characters the file's encoding cannot hold (${n}) — change them, or --force writes these files as UTF-8 with BOM:`,
    ru: (n: number) => `Символы, которых нет в кодировке файла (${n}) — замените их, или с --force файлы будут записаны в UTF-8 с BOM:`,
  },
  char: {
    en: (c: string, cp: string, line: number, enc: string) => `'${c}' (${cp}) at line ${line} cannot be written in ${enc}`,
    ru: (c: string, cp: string, line: number, enc: string) => `'${c}' (${cp}) в строке ${line} нельзя записать в ${enc}`,
  },
  restored: { en: 'Format put back as recorded at the merge:', ru: 'Формат файлов восстановлен, как при слиянии:' },
  recorded: {
    en: (n: number, dir: string) => `Recorded ${n} conflict resolution${n === 1 ? '' : 's'} for the next merge in ${dir}`,
    ru: (n: number, dir: string) => `Сохранено решений конфликтов для следующего слияния: ${n} (${dir})`,
  },
  forcedMarkers: {
    en: 'Packed with --force: the files above still hold conflict markers.',
    ru: 'Собрано с --force: в перечисленных файлах остались маркеры конфликтов.',
  },
  resolvedWritten: {
    en: (p: string, s: string) => `  ${p}: now ${s}'s version`,
    ru: (p: string, s: string) => `  ${p}: теперь версия ${s}`,
  },
  resolvedRemoved: {
    en: (p: string, s: string) => `  ${p}: removed (${s} has no such file)`,
    ru: (p: string, s: string) => `  ${p}: удалён (у ${s} такого файла нет)`,
  },
  resolvedNone: { en: 'Nothing left to resolve.', ru: 'Решать больше нечего.' },
  checkWith: { en: (c: string) => `Check with: ${c}`, ru: (c: string) => `Проверьте: ${c}` },
};

function lineList(nums: number[]): string {
  return nums.join(', ');
}

function markerLine(m: MarkedFile, lang: Lang): string {
  const parts: string[] = [];
  if (m.scan.blocks.length) parts.push(T.blocks[lang](m.scan.blocks.length, lineList(m.scan.blocks.map((b) => b.startLine))));
  if (m.scan.stray.length) parts.push(T.stray[lang](m.scan.stray.length, lineList(m.scan.stray)));
  return `  ${m.path}: ${parts.join('; ')}${m.conflicted ? '' : T.pasted[lang]}`;
}

function what(c: ConflictState, lang: Lang): string {
  return c.kind ? CONFLICT_LABELS[c.kind][lang] : STATUS_LABELS[c.status][lang];
}

/** The `resolve` options that make sense: the sides the conflict has, and deletion where one side deleted. */
function resolveOptions(c: ConflictState): string[] {
  return (['mine', 'theirs', 'base'] as const).filter((s) => c.sides[s] || s !== 'base').map((s) => `--${s}`);
}

function inspectionLines(i: Inspection, work: string, lang: Lang, checks?: WorkdirChecks): string[] {
  const out: string[] = [];
  if (i.markers.length) {
    out.push(T.markers[lang](i.markers.length));
    for (const m of i.markers) out.push(markerLine(m, lang));
  }
  if (i.pending.length) {
    out.push(T.pending[lang](i.pending.length));
    for (const p of i.pending) {
      out.push(`  ${p.path}: ${what(p.conflict, lang)}`);
      for (const opt of resolveOptions(p.conflict)) out.push(`    ${T.resolveHint[lang](work, p.path, opt)}`);
    }
  }
  if (i.reused.length) {
    out.push(reusedTitle(i.reused.length, lang));
    for (const r of i.reused) out.push(`  ${r.path}: ${reusedWhere(r.conflict.reused ?? [], lang, r.path)}`);
  }
  const resolved = i.resolved;
  if (resolved.length) {
    out.push(T.resolved[lang](resolved.length));
    for (const r of resolved) {
      const how = r.how === 'decided' ? T.how.decided[lang](r.conflict.decision!.side) : T.how[r.how][lang];
      out.push(`  ${r.path}: ${how}`);
    }
  }
  if (i.added.length) out.push(T.added[lang], ...i.added.map((p) => `  ${p}`));
  if (i.removed.length && !checks) out.push(T.removed[lang], ...i.removed.map((p) => `  ${p}`));
  if (checks) out.push(...checkLines(checks, lang));
  out.push(...keptOutLines(i, work, lang));
  return out;
}

/** The files the merge kept out of the output, with why and where each was saved (status and pack). */
function keptOutLines(i: Inspection, work: string, lang: Lang): string[] {
  if (!i.keptOut.length) return [];
  const saved = (s: string) => path.join(work, ...s.split('/'));
  return [T.keptOut[lang](i.keptOut.length), ...i.keptOut.map((k) => `  ${k.path}: ${T.keptOutWhy[k.as][lang]}; ${T.savedAs[lang]} ${saved(k.saved)}`)];
}

/** pack's checks, as status and pack both print them (workdir/checks.ts). */
function checkLines(c: WorkdirChecks, lang: Lang): string[] {
  const out: string[] = [];
  if (c.unencodable.length) {
    out.push(T.unencodable[lang](c.unencodable.length));
    for (const u of c.unencodable) {
      const cp = `U+${u.codePoint.toString(16).toUpperCase().padStart(4, '0')}`;
      out.push(`  ${u.path}: ${T.char[lang](u.char, cp, u.line, u.encoding)}`);
    }
  }
  if (c.invalid.length) {
    out.push(T.invalid[lang](c.invalid.length));
    for (const f of c.invalid) out.push(`  ${f.path}: ${f.problem[lang]}`);
  }
  if (c.editedOutside.length) out.push(T.editedOutside[lang](c.editedOutside.length), ...c.editedOutside.map((p) => `  ${p}`));
  if (c.deleted.length) out.push(T.deleted[lang](c.deleted.length), ...c.deleted.map((p) => `  ${p}`));
  return out;
}

const P = {
  intro: {
    folder: {
      en: (w: string) => `${w}: no working-folder state here (${STATE_DIR}), so only what needs none is checked: conflict markers, half-resolved blocks, the format of JSON, HTML, XML, CSS, JS and YAML files.`,
      ru: (w: string) => `${w}: здесь нет состояния рабочей папки (${STATE_DIR}), поэтому проверено только то, что можно проверить без него: маркеры конфликтов (и блоки, решённые не до конца), формат файлов JSON, HTML, XML, CSS, JS и YAML.`,
    },
    zip: {
      en: (w: string) => `${w}: a zip, checked as it is: conflict markers, half-resolved blocks, the format of JSON, HTML, XML, CSS, JS and YAML files, the archive's top folder.`,
      ru: (w: string) => `${w}: zip-архив, проверен как есть: маркеры конфликтов (и блоки, решённые не до конца), формат файлов JSON, HTML, XML, CSS, JS и YAML, верхняя папка архива.`,
    },
  },
  invalid: {
    en: (n: number) => `Files that would break in the portal (${n}) — fix them:`,
    ru: (n: number) => `Файлы, которые сломаются на портале (${n}) — исправьте их:`,
  },
  explorer: {
    en: (f: string, pack: string) =>
      `Every file is inside the folder ${f}/, named like the zip: Explorer's "Send to → Compressed folder" does this when given the folder instead of what is in it, and the portal would get ${f}/ as an extra level. Zip what is inside the folder instead (open it, select all, then Send to → Compressed folder)${pack ? `, or let cabinet-merge zip it: ${pack}` : '.'}`,
    ru: (f: string, pack: string) =>
      `Все файлы лежат в папке ${f}/ с именем архива: так получается, если в Проводнике отправить в «Сжатую ZIP-папку» саму папку, а не её содержимое, и на портал попадёт лишний уровень ${f}/. Запакуйте содержимое папки (откройте её, выделите всё, «Отправить → Сжатая ZIP-папка»)${pack ? ` или соберите архив командой: ${pack}` : '.'}`,
  },
  topFolder: {
    en: (f: string) => `Every file is inside the folder ${f}/: it stays the archive's top level (right when the vendor's export has it too).`,
    ru: (f: string) => `Все файлы лежат в папке ${f}/: она останется верхним уровнем архива (так и нужно, если она есть и в выгрузке поставщика).`,
  },
  twin: {
    en: (c: string) => `A working folder of the same name is beside it: ${c}`,
    ru: (c: string) => `Рядом есть рабочая папка с тем же именем: ${c}`,
  },
  found: {
    en: (n: number) => `${enCount(n, 'problem', 'problems')} found.`,
    ru: (n: number) => `Найдено проблем: ${n}.`,
  },
  clean: {
    en: (n: number) => `Checked ${enCount(n, 'file', 'files')}; nothing found.`,
    ru: (n: number) => `Проверено файлов: ${n}; ничего не найдено.`,
  },
  packIt: { en: (c: string) => ` Pack it: ${c}`, ru: (c: string) => ` Соберите архив: ${c}` },
};

/** The lines of a check without state (workdir/plain.ts), as status and pack print them. */
function plainLines(c: PlainCheck, lang: Lang, forPack: boolean): string[] {
  const out: string[] = [P.intro[c.kind][lang](c.target)];
  if (c.markers.length) {
    out.push(T.markers[lang](c.markers.length));
    for (const m of c.markers) out.push(markerLine(m, lang));
  }
  if (c.invalid.length) {
    out.push((forPack ? T.invalid : P.invalid)[lang](c.invalid.length));
    for (const f of c.invalid) out.push(`  ${f.path}: ${f.problem[lang]}`);
  }
  if (c.wrapper?.explorer) {
    // The folder the zip was made from, when it is still beside the zip.
    const folder = path.join(path.dirname(c.target), c.wrapper.folder.split('/')[0]);
    const pack = existsSync(path.join(folder, c.wrapper.folder.split('/').slice(1).join('/') || '.')) ? command(['pack', folder, '-o', freePackTarget(folder)]) : '';
    out.push(P.explorer[lang](c.wrapper.folder, pack));
  } else if (c.wrapper) out.push(P.topFolder[lang](c.wrapper.folder));
  return out;
}

function renderPlainStatus(run: PlainStatus, lang: Lang): string {
  const c = run.plain;
  const out = plainLines(c, lang, false);
  if (run.twin) out.push(P.twin[lang](command(['status', run.twin])));
  const n = plainProblems(c);
  if (n) out.push(P.found[lang](n));
  else out.push(P.clean[lang](c.files) + (c.kind === 'folder' ? P.packIt[lang](command(['pack', c.target, '-o', freePackTarget(c.target)])) : ''));
  return out.join('\n') + '\n';
}

function renderPlainPack(run: PlainPackRun, lang: Lang): string {
  const c = run.plain;
  const out = plainProblems(c) ? plainLines(c, lang, true) : [];
  if (!run.written) out.push(T.notPacked[lang]);
  else {
    if (c.markers.length) out.push(T.forcedMarkers[lang]);
    out.push(T.packed[lang](run.output));
  }
  return out.join('\n') + '\n';
}

export function renderStatus(run: StatusRun, work: string, lang: Lang): string {
  if (run.kind === 'plain') return renderPlainStatus(run, lang);
  const out = inspectionLines(run.inspection, work, lang, run.checks);
  const left = run.inspection.markers.length + run.inspection.pending.length + (run.checks ? fileProblems(run.checks) : 0);
  const yes = (run.checks?.deleted.length ?? 0) > 0;
  out.push(left ? T.left[lang](left) : T.allDone[lang](packCommand(work, run.inspection.state?.packed, yes)));
  return out.join('\n') + '\n';
}

export function renderPack(run: PackRun | PlainPackRun, work: string, lang: Lang): string {
  if (run.kind === 'plain') return renderPlainPack(run, lang);
  const out: string[] = [];
  const i = run.inspection;
  if (i.markers.length || i.pending.length || !run.written) out.push(...inspectionLines({ ...i, resolved: [], reused: run.written ? [] : i.reused }, work, lang, run.checks));
  else out.push(...checkLines(run.checks, lang), ...keptOutLines(i, work, lang));
  if (run.restored.length) {
    out.push(T.restored[lang]);
    for (const r of run.restored) out.push(`  ${r.path}: ${r.changes.map((c) => c[lang]).join('; ')}`);
  }
  if (!run.written) {
    out.push(run.needsYes ? T.needsYes[lang](packCommand(work, i.state.packed, true, run.output)) : T.notPacked[lang]);
  } else {
    if (i.markers.length) out.push(T.forcedMarkers[lang]);
    out.push(T.packed[lang](run.output));
    if (run.recorded) out.push(T.recorded[lang](run.recorded, run.store));
  }
  return out.join('\n') + '\n';
}

/** One line per file settled, then the command to check the folder. */
export function renderResolve(run: ResolveRun, lang: Lang): string {
  const lines = run.files.map((f) => (f.action === 'written' ? T.resolvedWritten : T.resolvedRemoved)[lang](f.path, run.side));
  if (!run.files.length) lines.push(T.resolvedNone[lang]);
  lines.push(T.checkWith[lang](command(['status', run.work])));
  return lines.join('\n') + '\n';
}

/** After `merge --out-dir`: where the files are and what to do next. */
/** What to do next with a working folder: `result` is the report's (clean, conflicts, or review-only). */
export function renderWorkdirHint(work: string, result: 'clean' | 'conflicts' | 'review', lang: Lang): string {
  const pack = packCommand(work);
  const status = command(['status', work]);
  const hint = {
    clean: {
      en: `Working folder: ${work}. Nothing to resolve; pack it with: ${pack}`,
      ru: `Рабочая папка: ${work}. Решать нечего; соберите архив: ${pack}`,
    },
    conflicts: {
      en: `Working folder: ${work}. Edit the conflicts there (the files keep their encodings), check with: ${status}, then: ${pack}`,
      ru: `Рабочая папка: ${work}. Исправьте там конфликты (кодировки файлов сохранены), проверьте: ${status}, затем: ${pack}`,
    },
    review: {
      en: `Working folder: ${work}. No conflicts left, but review the files listed above (settled from earlier resolutions, or merged against a base equal to yours), then: ${pack}`,
      ru: `Рабочая папка: ${work}. Конфликтов нет, но проверьте перечисленные выше файлы (решённые по прежним решениям или объединённые с базой, равной вашей версии), затем: ${pack}`,
    },
  };
  return hint[result][lang] + '\n';
}
