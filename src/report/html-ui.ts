/**
 * Every string the HTML report shows, in English and Russian, in one table. Status and conflict wording is not
 * here: it comes from tree/status.ts, like the text summary's. `{name}`-style placeholders are filled by the page.
 */

import type { Wording } from '../tree/status';

export const UI = {
  title: { en: 'cabinet-merge: merge report', ru: 'cabinet-merge: отчёт об объединении' },
  subtitle: {
    en: "Your customisations carried over into the vendor's new export",
    ru: 'Ваши доработки, перенесённые в новую выгрузку поставщика',
  },
  clean: { en: 'No conflicts: the archive is ready to import.', ru: 'Конфликтов нет: архив готов к загрузке.' },
  attentionResult: { en: 'Files that need your decision: {n}', ru: 'Файлов, требующих вашего решения: {n}' },
  reviewResult: {
    en: 'No conflicts left, but conflicts in {n} file(s) were settled from earlier resolutions: review them before importing the archive',
    ru: 'Неразрешённых конфликтов нет, но конфликты в файлах ({n}) решены по сохранённым ранее решениям: проверьте их, прежде чем загружать архив',
  },
  reviewBaseResult: {
    en: 'No conflicts left, but {n} file(s) were merged against a base equal to your version: check them (see the base section) before importing the archive',
    ru: 'Неразрешённых конфликтов нет, но файлы ({n}) объединены с базой, совпадающей с вашей версией: проверьте их (см. раздел о базе), прежде чем загружать архив',
  },
  cleanWorkdir: {
    en: 'No conflicts. Pack the working folder into the archive to import: {pack}',
    ru: 'Конфликтов нет. Соберите из рабочей папки архив для загрузки: {pack}',
  },
  hintWorkdir: {
    en: 'Open each such file in the working folder {work} (not in an archive), find the <<<<<<< markers, keep the right lines and delete the markers; settle the files listed with a command with resolve; check with {status}, then pack the archive to import: {pack}',
    ru: 'Откройте каждый такой файл в рабочей папке {work} (не в архиве), найдите маркеры <<<<<<<, оставьте нужные строки и удалите маркеры; файлы с командой resolve решите ею; проверьте: {status}, затем соберите архив для загрузки: {pack}',
  },
  workdir: { en: 'Working folder', ru: 'Рабочая папка' },
  reviewWorkdir: {
    en: 'Review them in the working folder {work}, check with {status}, then pack the archive to import: {pack}',
    ru: 'Проверьте их в рабочей папке {work} ({status}), затем соберите архив для загрузки: {pack}',
  },
  hint: {
    en: 'Open each such file in the merged archive, find the <<<<<<< markers, keep the right lines and delete the markers; then import the archive.',
    ru: 'Откройте каждый такой файл в объединённом архиве, найдите маркеры <<<<<<<, оставьте нужные строки и удалите маркеры; затем загрузите архив.',
  },
  inputsTitle: { en: 'Exports merged', ru: 'Объединяемые выгрузки' },
  colRole: { en: 'Export', ru: 'Выгрузка' },
  colPath: { en: 'Path', ru: 'Путь' },
  colKind: { en: 'Type', ru: 'Тип' },
  colFiles: { en: 'Files', ru: 'Файлов' },
  colSize: { en: 'Size', ru: 'Размер' },
  roleBase: { en: "base: the vendor's old export", ru: 'base: старая выгрузка поставщика' },
  roleMine: { en: 'mine: your customised export', ru: 'mine: ваша выгрузка с доработками' },
  roleTheirs: { en: "theirs: the vendor's new export", ru: 'theirs: новая выгрузка поставщика' },
  noBase: { en: 'not given', ru: 'не указана' },
  kindZip: { en: 'zip archive', ru: 'zip-архив' },
  kindFolder: { en: 'folder', ru: 'папка' },
  output: { en: 'Merged archive', ru: 'Объединённый архив' },
  keptAside: { en: 'Versions kept beside the archive', ru: 'Версии, сохранённые рядом с архивом' },
  keptAsideWorkdir: { en: 'Versions kept beside the working folder', ru: 'Версии, сохранённые рядом с рабочей папкой' },
  notWritten: { en: 'not written', ru: 'не записан' },
  countsTitle: { en: 'Files by result', ru: 'Файлы по результату' },
  totalFiles: { en: 'Files', ru: 'Всего файлов' },
  totalAttention: { en: 'Need your decision', ru: 'Требуют решения' },
  totalBlocks: { en: 'Conflict blocks', ru: 'Блоков конфликтов' },
  style: { en: 'Conflict markers', ru: 'Стиль маркеров' },
  filesTitle: { en: 'Files', ru: 'Файлы' },
  filter: { en: 'Show', ru: 'Показать' },
  filterAll: { en: 'all files', ru: 'все файлы' },
  filterAttention: { en: 'files that need your decision', ru: 'файлы, требующие решения' },
  search: { en: 'Search by path', ru: 'Поиск по пути' },
  shown: { en: '{n} of {m} shown', ru: 'Показано {n} из {m}' },
  noMatches: { en: 'No files match.', ru: 'Подходящих файлов нет.' },
  noScript: {
    en: 'The file list needs JavaScript; the summary above is complete without it.',
    ru: 'Для списка файлов нужен JavaScript; сводка выше полна и без него.',
  },
  conflictOf: {
    en: 'Conflict {k} of {n}: lines {a}–{b} of the merged file',
    ru: 'Конфликт {k} из {n}: строки {a}–{b} объединённого файла',
  },
  blockSize: {
    en: '{c} characters',
    ru: 'символов: {c}',
  },
  blockCut: {
    en: 'cut out of a long line at column {col}: a line break was inserted at its edges (where it changes nothing)',
    ru: 'вырезан из длинной строки с позиции {col}: на его краях вставлен перенос строки (там, где он ничего не меняет)',
  },
  sideMine: { en: 'Yours (mine: {name})', ru: 'Ваша версия (mine: {name})' },
  sideBase: { en: "Vendor's old (base: {name})", ru: 'Старая версия поставщика (base: {name})' },
  sideTheirs: { en: "Vendor's new (theirs: {name})", ru: 'Новая версия поставщика (theirs: {name})' },
  wordsVsBase: {
    en: "Highlighted: words that differ from the vendor's old version.",
    ru: 'Подсвечены слова, отличающиеся от старой версии поставщика.',
  },
  wordsVsOther: {
    en: 'Highlighted: words in which the two versions differ.',
    ru: 'Подсвечены слова, которыми две версии отличаются.',
  },
  noWords: {
    en: 'Too long to compare word by word; no words highlighted.',
    ru: 'Слишком длинный фрагмент для сравнения по словам; слова не подсвечены.',
  },
  emptySide: { en: '(no lines)', ru: '(строк нет)' },
  moreLines: { en: '… {n} more lines, see the merged file', ru: '… ещё строк: {n}, см. объединённый файл' },
  changesTitle: { en: 'What came from where', ru: 'Что откуда взято' },
  otherChanges: { en: 'Changes merged without conflict', ru: 'Изменения, объединённые без конфликта' },
  originMine: { en: 'your customisation (mine)', ru: 'ваша доработка (mine)' },
  originTheirs: { en: 'vendor update (theirs)', ru: 'обновление поставщика (theirs)' },
  originBoth: { en: 'same change on both sides', ru: 'одинаковое изменение с обеих сторон' },
  originUnion: { en: 'both sides kept', ru: 'сохранены обе стороны' },
  originConflict: { en: 'conflict with markers', ru: 'конфликт с маркерами' },
  gap: { en: '⋯ {n} unchanged lines', ru: '⋯ строк без изменений: {n}' },
  tooLarge: {
    en: 'Too large to show in the report; open the file in the merged archive.',
    ru: 'Файл слишком большой для показа в отчёте; откройте его в объединённом архиве.',
  },
  keptAsideAt: { en: 'Your version is saved as', ru: 'Ваша версия сохранена как' },
  keptAside_mine: { en: 'Your version is saved as', ru: 'Ваша версия сохранена как' },
  keptAside_theirs: { en: "The vendor's version is saved as", ru: 'Версия поставщика сохранена как' },
  'keptAside_case-clash': { en: 'Kept out of the archive (name clashes in letter case), saved as', ru: 'Не включён в архив (имя совпадает с другим без учёта регистра), сохранён как' },
  keptAside_removed: { en: 'Your copy of the removed file is saved as', ru: 'Ваша копия удалённого файла сохранена как' },
  'keptAside_windows-name': { en: 'Kept out of the archive (Windows cannot create this name), saved as', ru: 'Не включён в архив (Windows не может создать такое имя), сохранён как' },
  'keptAside_file-folder': { en: 'Kept out of the archive (a folder has this name), saved as', ru: 'Не включён в архив (так называется папка), сохранён как' },
  baseTitle: { en: "Base: the vendor's old export", ru: 'База: старая выгрузка поставщика' },
  baseSource: { en: 'Used', ru: 'Использована' },
  baseGiven: { en: 'given with --base: {name}', ru: 'указана через --base: {name}' },
  baseStore: {
    en: "the stored baseline '{name}' ({id}), saved {date} from {source}",
    ru: "сохранённая база '{name}' ({id}), сохранена {date} из {source}",
  },
  baseMatch: { en: 'Match', ru: 'Совпадение' },
  baseMatchText: {
    en: '{n} of {m} files of your export identical to it ({p}%)',
    ru: 'с ней совпадают {n} из {m} файлов вашей выгрузки ({p}%)',
  },
  baseCandidates: {
    en: 'chosen for each file among the --base-from candidates',
    ru: 'выбрана для каждого файла из кандидатов --base-from',
  },
  colCandidate: { en: 'Candidate old export', ru: 'Старая выгрузка-кандидат' },
  colBasedFiles: { en: 'Files merged against it', ru: 'Файлов объединено с ней' },
  baseNone: {
    en: "none: only your export and the vendor's new one were compared",
    ru: 'нет: сравнивались только ваша выгрузка и новая выгрузка поставщика',
  },
  baseUndecided: { en: 'Files left to you only for want of a base', ru: 'Файлов оставлено вам только из-за отсутствия базы' },
  theirsStored: {
    en: "The vendor's new export is in the baseline store as '{name}' ({id}): the next update can be a three-way merge.",
    ru: "Новая выгрузка поставщика есть в хранилище баз как '{name}' ({id}): следующее обновление может быть трёхсторонним слиянием.",
  },
  inputBaseCandidates: { en: 'per file, from the --base-from candidates (see Base)', ru: 'для каждого файла из кандидатов --base-from (см. «База»)' },
  inputBaseNone: { en: 'none: two exports compared (see Base)', ru: 'нет: сравнивались две выгрузки (см. «База»)' },
  filterReused: {
    en: 'resolved from a previous resolution — review',
    ru: 'решено по сохранённому ранее решению — проверьте',
  },
  filterRuled: { en: 'conflicting lines settled by a rule', ru: 'спорные строки решены правилом' },
  totalReused: { en: 'Resolved from a previous resolution — review', ru: 'Решено по сохранённому ранее решению — проверьте' },
  totalRuled: { en: 'Settled by a rule', ru: 'Решено правилом' },
  reusedTag: { en: 'previous resolution — review: {where}', ru: 'сохранённое решение — проверьте: {where}' },
  reusedTitle: {
    en: 'Resolved from a previous resolution — review',
    ru: 'Решено по сохранённому ранее решению — проверьте',
  },
  reusedLegend: {
    en: 'These lines were a conflict; the lines you chose when the same conflict came up before were put in without markers. Check that they still fit the vendor\'s new version.',
    ru: 'Здесь был конфликт; без маркеров подставлены строки, выбранные вами, когда такой же конфликт встречался раньше. Проверьте, подходят ли они к новой версии поставщика.',
  },
  reusedLines: { en: 'lines {a}–{b}', ru: 'строки {a}–{b}' },
  reusedLine: { en: 'line {a}', ru: 'строка {a}' },
  reusedDeleted: { en: 'block removed before line {a}', ru: 'блок удалён перед строкой {a}' },
  reusedRecorded: { en: '(recorded {date} in {path})', ru: '(решение от {date}, файл {path})' },
  ruleTag: { en: 'rule {n}: {strategy}', ru: 'правило {n}: {strategy}' },
  renamedTag: { en: 'was {path}', ru: 'было: {path}' },
  groupsTitle: { en: 'Whole folders only in one export', ru: 'Папки целиком только в одной выгрузке' },
  groupsLegend: {
    en: 'Each folder is one decision for all its files (run in the working folder made by merge --out-dir); every file is also in the list below.',
    ru: 'Каждая папка — одно решение для всех её файлов (выполните в рабочей папке из merge --out-dir); каждый файл есть и в списке ниже.',
  },
  groupFiles: { en: '{n} files', ru: 'файлов: {n}' },
  groupTop: { en: '(files at the top, outside folders)', ru: '(файлы верхнего уровня, вне папок)' },
  groupKeep: { en: 'keep them all', ru: 'оставить все' },
  groupDrop: { en: 'drop them all', ru: 'убрать все' },
  dropOne: { en: 'drop it', ru: 'убрать его' },
  keepOne: { en: 'keep it', ru: 'оставить его' },
  removeOne: { en: 'remove it', ru: 'удалить' },
  commandsWhere: {
    en: 'Run in the working folder {work} (made by merge --out-dir):',
    ru: 'Выполните в рабочей папке {work} (её создаёт merge --out-dir):',
  },
  keptMine: { en: 'Your version, kept in the result ({n} lines; numbered as in your file):', ru: 'Ваша версия, оставленная в результате (строк: {n}; номера — как в вашем файле):' },
  keptTheirs: {
    en: "The vendor's new version, kept in the result ({n} lines; numbered as in the vendor's file):",
    ru: 'Новая версия поставщика, оставленная в результате (строк: {n}; номера — как в файле поставщика):',
  },
  keptEmpty: { en: '(an empty file)', ru: '(пустой файл)' },
  keptTooLarge: {
    en: 'The kept version is too large to show here; open it in the result.',
    ru: 'Оставленная версия слишком велика, чтобы показать её здесь; откройте её в результате.',
  },
  ruleTitle: { en: 'Rules file', ru: 'Файл правил' },
  ruleText: { en: 'rule {n} "{pattern}" → {strategy} ({source})', ru: 'правило {n} "{pattern}" → {strategy} ({source})' },
  favored: { en: 'conflicting hunks it settled: {n}', ru: 'спорных фрагментов решено им: {n}' },
  originReused: { en: 'previous resolution (review)', ru: 'сохранённое решение (проверьте)' },
  encoding: { en: 'Encoding', ru: 'Кодировка' },
  baseFrom: { en: 'Base taken from', ru: 'База взята из' },
  eol: { en: 'Line ends', ru: 'Концы строк' },
  notes: { en: 'Decisions made for you', ru: 'Решения, принятые автоматически' },
  nothingMore: { en: 'Nothing to show beyond the result.', ru: 'Кроме результата, показывать нечего.' },
  eolLf: { en: 'LF', ru: 'LF' },
  eolCrlf: { en: 'CRLF (Windows)', ru: 'CRLF (Windows)' },
  eolMixed: { en: 'mixed', ru: 'смешанные' },
  eolNone: { en: 'none', ru: 'нет' },
  bytes: { en: 'bytes', ru: 'байт' },
  kib: { en: 'KB', ru: 'КБ' },
  mib: { en: 'MB', ru: 'МБ' },
} satisfies Record<string, Wording>;

export type UiKey = keyof typeof UI;
export type UiStrings = Record<UiKey, string>;

export function uiStrings(lang: 'en' | 'ru'): UiStrings {
  const out = {} as UiStrings;
  for (const key of Object.keys(UI) as UiKey[]) out[key] = UI[key][lang];
  return out;
}

/** Fills `{name}` placeholders. */
export function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (m, k: string) => (k in values ? String(values[k]) : m));
}
