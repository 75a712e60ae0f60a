/**
 * Decisions the merge made on its own that the admin should know about (encodings, line ends, layout). Each has a
 * code from a closed list and its wording in English and Russian, made here and nowhere else.
 */

import type { RenamePair } from './renames';
import type { RuleRef } from './strategy';

export type NoteCode =
  | 'encoding-differs'
  | 'encoding-fallback'
  | 'eol-differs'
  | 'case-clash'
  | 'windows-name'
  | 'file-folder'
  | 'binary-preferred'
  | 'prefer-needs-base'
  | 'rule-needs-base'
  | 'base-equals-mine'
  | 'renamed'
  | 'rename-ambiguous'
  | 'format-check'
  | 'finer-budget'
  | 'line-cut';

export interface Note {
  code: NoteCode;
  en: string;
  ru: string;
}

/** `from`: whose encoding was written — theirs (the vendor's new format), or another side when theirs is plain ASCII. */
export function encodingDiffers(sides: string, written: string, from: 'base' | 'mine' | 'theirs'): Note {
  const why =
    from === 'theirs'
      ? { en: "as in the vendor's new export", ru: 'как в новой выгрузке поставщика' }
      : {
          en: `as in ${from === 'mine' ? 'your export' : "the vendor's old export"}: the vendor's new file has only ASCII characters, which fit any encoding`,
          ru: `как в ${from === 'mine' ? 'вашей выгрузке' : 'старой выгрузке поставщика'}: в новом файле поставщика только латиница (ASCII), она подходит для любой кодировки`,
        };
  return {
    code: 'encoding-differs',
    en: `the sides use different encodings (${sides}); merged as Unicode and written in ${written}, ${why.en}`,
    ru: `стороны в разных кодировках (${sides}); объединено в Юникоде и записано в ${written}, ${why.ru}`,
  };
}

export function encodingFallback(wanted: string, char: string, line: number): Note {
  const code = `U+${char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
  return {
    code: 'encoding-fallback',
    en: `character '${char}' (${code}, merged line ${line}) cannot be written in ${wanted}; the file was written as UTF-8 with BOM instead (browsers honour the BOM over a charset declaration) — check the page`,
    ru: `символ '${char}' (${code}, строка ${line} результата) нельзя записать в ${wanted}; файл записан в UTF-8 с BOM (браузер учитывает BOM раньше объявления charset) — проверьте страницу`,
  };
}

export function eolDiffers(sides: string, written: string): Note {
  return {
    code: 'eol-differs',
    en: `the sides use different line ends (${sides}); the merged file uses ${written}, as in the vendor's new export`,
    ru: `стороны используют разные концы строк (${sides}); в результате ${written}, как в новой выгрузке поставщика`,
  };
}

export function caseClash(path: string, other: string): Note {
  const form = path.normalize('NFC') === other.normalize('NFC');
  return form
    ? {
        code: 'case-clash',
        en: `'${path}' is the name of '${other}' in another Unicode form (NFC/NFD: a letter such as ё or й as one character or as a letter plus a mark); they look the same and Windows and macOS hold only one of them, so this one was kept aside, not in the archive`,
        ru: `'${path}' — то же имя, что '${other}', в другой форме Юникода (NFC/NFD: буква вроде ё или й одним символом или буквой со знаком); выглядят они одинаково, а Windows и macOS хранят только одно из них, поэтому этот файл сохранён отдельно, не в архиве`,
      }
    : {
        code: 'case-clash',
        en: `'${path}' differs from '${other}' only in letter case, which Windows cannot hold twice; it was kept aside, not in the archive`,
        ru: `'${path}' отличается от '${other}' только регистром букв, а Windows не различает такие имена; файл сохранён отдельно, не в архиве`,
      };
}

/** A path Windows cannot create (`segment` is the bad part, `why` says why); kept aside as `safe`. */
export function windowsName(path: string, segment: string, why: { en: string; ru: string }, safe: string): Note {
  return {
    code: 'windows-name',
    en: `'${path}': Windows cannot create a file or folder named '${segment}' (${why.en}), so Explorer could not extract it; it was kept aside, not in the archive, as '${safe}' — rename it or drop it`,
    ru: `'${path}': Windows не может создать файл или папку с именем '${segment}' (${why.ru}), и Проводник не смог бы его извлечь; файл сохранён отдельно, не в архиве, как '${safe}' — переименуйте его или удалите`,
  };
}

export function fileFolderClash(path: string): Note {
  return {
    code: 'file-folder',
    en: `'${path}' is a file here but a folder of other files in the merge (one side turned it into a folder); an archive cannot hold both, so the file was kept aside, not in the archive`,
    ru: `'${path}' здесь файл, но в результате это папка с другими файлами (одна из сторон превратила его в папку); архив не может содержать и то и другое, поэтому файл сохранён отдельно, не в архиве`,
  };
}

export function binaryPreferred(side: 'mine' | 'theirs'): Note {
  return side === 'mine'
    ? { code: 'binary-preferred', en: 'changed on both sides; your version taken (--prefer mine)', ru: 'изменён с обеих сторон; взята ваша версия (--prefer mine)' }
    : {
        code: 'binary-preferred',
        en: "changed on both sides; the vendor's version taken (--prefer theirs), yours kept aside",
        ru: 'изменён с обеих сторон; взята версия поставщика (--prefer theirs), ваша сохранена отдельно',
      };
}

/**
 * Without a base, --prefer is not applied to a binary file that differs: nobody knows who changed it, so taking one
 * side would be a blind pick (tree/two-way.ts).
 */
export function preferNeedsBase(side: 'mine' | 'theirs'): Note {
  return {
    code: 'prefer-needs-base',
    en: `--prefer ${side} needs a base (without one nobody can tell who changed this file), so it was not applied: the vendor's version is in the archive, yours saved aside — choose`,
    ru: `--prefer ${side} требует базы (без неё не понять, кто изменил этот файл), поэтому не применён: в архиве версия поставщика, ваша сохранена отдельно — выберите`,
  };
}

/**
 * Without a base, a rule settling conflicting lines for one side (mine / theirs / union) is not applied: nobody
 * knows whose lines are whose, so it would pick sides blindly (tree/two-way.ts). 'binary' rules do apply.
 */
export function ruleNeedsBase(rule: RuleRef): Note {
  const which = `${rule.index + 1} "${rule.pattern}" → ${rule.strategy} (${rule.source})`;
  return {
    code: 'rule-needs-base',
    en: `rule ${which} needs a base (without one nobody can tell whose lines are whose), so it was not applied: every difference is left to you`,
    ru: `правило ${which} требует базы (без неё не понять, чьи это строки), поэтому не применено: все различия оставлены вам`,
  };
}

/**
 * A base the tool found (a --base-from candidate, a stored baseline) equals mine for this file. `where` names it
 * ("in OLD.zip", "the stored baseline 'X'"). `kept`: the vendor's new export lacks the file, so it was kept as if
 * there were no base (such a base cannot tell "the vendor deleted it" from "the base is a copy of your export,
 * holding your own addition"); else the file was merged as if the admin had not changed it, taking the vendor's
 * changes. Right when the admin never touched the file; wrong when the base is a copy of the admin's own export.
 */
export function baseEqualsMine(where: string, kept = false): Note {
  return kept
    ? {
        code: 'base-equals-mine',
        en: `the base found for this file (${where}) equals your version and the vendor's new export lacks it: either the vendor removed it or that base is a copy of your own export holding your addition; your file was kept — delete it if the vendor removed it`,
        ru: `найденная для этого файла база (${where}) совпадает с вашей версией, а в новой выгрузке поставщика его нет: либо поставщик его удалил, либо эта база — копия вашей собственной выгрузки с вашим новым файлом; ваш файл сохранён — удалите его, если его удалил поставщик`,
      }
    : {
        code: 'base-equals-mine',
        en: `the base found for this file (${where}) equals your version, so it was merged as if you had not changed it: the vendor's changes were taken; if you had customised this file, check the result`,
        ru: `найденная для этого файла база (${where}) совпадает с вашей версией, поэтому он объединён так, будто вы его не меняли: приняты изменения поставщика; если вы дорабатывали этот файл, проверьте результат`,
      };
}

/**
 * The vendor renamed or moved a file (tree/renames.ts): mine's version was merged into the new path. `clean`: nothing
 * left to decide there; `withoutBase`: two archives, so mine and theirs were compared without a base.
 */
export function renamed(pair: RenamePair, how: { clean: boolean; withoutBase: boolean }): Note {
  const pct = Math.round(pair.score * 100);
  const what = pair.byName
    ? { en: `paired by its hashed name: ${pct}% of the content in common`, ru: `сопоставлен по имени с хешем: общего содержимого ${pct}%` }
    : { en: `${pct}% of the content in common`, ru: `общего содержимого ${pct}%` };
  const where = { en: `${pair.from} → ${pair.to}`, ru: `${pair.from} → ${pair.to}` };
  const result = how.withoutBase
    ? how.clean
      ? { en: 'your version carried over; the old name is not in the archive', ru: 'ваша версия перенесена; старого имени в архиве нет' }
      : {
          en: "your version and the vendor's were compared at the new name, every difference left to you; the old name is not in the archive",
          ru: 'ваша версия и версия поставщика сравнены под новым именем, все различия оставлены вам; старого имени в архиве нет',
        }
    : how.clean
      ? { en: 'your edit carried over; the old name is not in the archive', ru: 'ваша доработка перенесена; старого имени в архиве нет' }
      : {
          en: 'your edit was merged into the new file — resolve the conflict there; the old name is not in the archive',
          ru: 'ваша доработка объединена с новым файлом — решите конфликт в нём; старого имени в архиве нет',
        };
  return {
    code: 'renamed',
    en: `${where.en}: renamed by the vendor (${what.en}); ${result.en}`,
    ru: `${where.ru}: переименован поставщиком (${what.ru}); ${result.ru}`,
  };
}

/** An old path that could have been renamed to any of `candidates`, about equally similar: not guessed, all kept. */
export function renameAmbiguous(candidates: readonly string[]): Note {
  const list = candidates.join(', ');
  return {
    code: 'rename-ambiguous',
    en: `the vendor may have renamed this file to any of ${list} (each about as similar); not guessed: all are kept — carry your edit into the right one, then delete this file`,
    ru: `возможно, поставщик переименовал этот файл в один из файлов ${list} (все похожи примерно одинаково); угадывать не стали: сохранены все — перенесите доработку в нужный, затем удалите этот файл`,
  };
}

/** A clean merge failed its format check (formats/checks.ts): the file is a conflict instead, and why. */
export function formatCheckFailed(why: { en: string; ru: string }, level: string): Note {
  return {
    code: 'format-check',
    en: `the ${level} merge came out clean but is wrong: ${why.en}; the changes of both sides are shown as conflicts instead`,
    ru: `слияние (${level}) прошло без конфликтов, но результат неверен: ${why.ru}; изменения обеих сторон показаны как конфликты`,
  };
}

/** A finer merger (tokens, JSON, CSS, HTML) was skipped because the file exceeds its size or time budget. */
export function finerBudget(level: string, what: string): Note {
  return {
    code: 'finer-budget',
    en: `the ${level} merge was not tried (${what}): the conflicts are left as the line merge gave them`,
    ru: `слияние (${level}) не выполнялось (${what}): конфликты оставлены такими, как их дало построчное слияние`,
  };
}

/** Sub-line conflict blocks: lines were broken at the blocks' edges so that the markers stand on lines of their own. */
export function lineCut(blocks: number, where: string): Note {
  return {
    code: 'line-cut',
    en: `${blocks} conflict block(s) cut out of long lines (${where}): a line break was inserted at each block's edge, only after a character where a break does not change the file's meaning (such as ';' or ',')`,
    ru: `${blocks} конфликтных блок(ов) вырезаны из длинных строк (${where}): на краях каждого блока вставлен перенос строки, только после символа, где перенос не меняет смысла файла (например, ';' или ',')`,
  };
}
