/**
 * The closed lists the report speaks in: what happened to each path, and which kinds of conflict need the admin.
 * Reporters take their wording from these tables and never invent it.
 */

export type FileStatus =
  | 'unchanged'
  | 'mine'
  | 'theirs'
  | 'same-change'
  | 'merged'
  | 'conflict'
  | 'added-mine'
  | 'added-theirs'
  | 'added-both'
  | 'deleted-mine'
  | 'deleted-theirs'
  | 'deleted-both'
  | 'modify-delete'
  | 'delete-modify'
  | 'binary-conflict'
  | 'binary-preferred'
  // The vendor renamed or moved the file; mine's version merged into it at the new path (tree/renames.ts).
  | 'renamed'
  // Without a base (two archives only): see tree/two-way.ts.
  | 'only-mine'
  | 'only-theirs'
  | 'differs'
  | 'differs-binary';

export type ConflictKind = 'content' | 'add-add' | 'binary' | 'modify-delete' | 'delete-modify' | 'no-base' | 'case-clash' | 'windows-name' | 'file-folder';

export interface Wording {
  en: string;
  ru: string;
}

export const STATUS_LABELS: Record<FileStatus, Wording> = {
  unchanged: { en: 'unchanged', ru: 'без изменений' },
  mine: { en: 'your customisation kept', ru: 'сохранена ваша доработка' },
  theirs: { en: 'vendor update taken', ru: 'принято обновление поставщика' },
  'same-change': { en: 'same change on both sides', ru: 'одинаковое изменение с обеих сторон' },
  merged: { en: 'merged cleanly', ru: 'объединено без конфликтов' },
  conflict: { en: 'conflict to resolve', ru: 'конфликт: требуется решение' },
  'added-mine': { en: 'your new file kept', ru: 'сохранён ваш новый файл' },
  'added-theirs': { en: "vendor's new file", ru: 'новый файл поставщика' },
  'added-both': { en: 'same new file on both sides', ru: 'одинаковый новый файл с обеих сторон' },
  'deleted-mine': { en: 'deleted by you', ru: 'удалён вами' },
  'deleted-theirs': { en: 'deleted by the vendor', ru: 'удалён поставщиком' },
  'deleted-both': { en: 'deleted on both sides', ru: 'удалён с обеих сторон' },
  'modify-delete': {
    en: 'you changed it, the vendor deleted it: your version kept',
    ru: 'вы изменили файл, поставщик удалил его: оставлена ваша версия',
  },
  'delete-modify': {
    en: "you deleted it, the vendor changed it: vendor's version kept",
    ru: 'вы удалили файл, поставщик изменил его: оставлена версия поставщика',
  },
  'binary-conflict': {
    en: "binary file changed on both sides: vendor's version in the archive, yours saved aside",
    ru: 'двоичный файл изменён с обеих сторон: в архиве версия поставщика, ваша сохранена отдельно',
  },
  'binary-preferred': {
    en: 'binary file changed on both sides: settled by --prefer',
    ru: 'двоичный файл изменён с обеих сторон: выбран по --prefer',
  },
  renamed: {
    en: 'renamed or moved by the vendor: your version carried over to the new name',
    ru: 'переименован или перемещён поставщиком: ваша версия перенесена под новое имя',
  },
  'only-theirs': {
    en: "only in the vendor's new export: new from the vendor, or one you deleted? — check",
    ru: 'есть только в новой выгрузке поставщика: новый файл поставщика или удалённый вами? — проверьте',
  },
  'only-mine': {
    en: 'only in your export: your addition or a file the vendor removed — check',
    ru: 'есть только в вашей выгрузке: ваш новый файл или файл, удалённый поставщиком, — проверьте',
  },
  differs: {
    en: "differs from the vendor's new export; no base to tell who changed what: every difference left for you",
    ru: 'отличается от новой выгрузки поставщика; без базы не понять, кто что изменил: все различия оставлены вам',
  },
  'differs-binary': {
    en: "binary file differs from the vendor's new export; no base: vendor's version in the archive, yours saved aside",
    ru: 'двоичный файл отличается от новой выгрузки поставщика; без базы: в архиве версия поставщика, ваша сохранена отдельно',
  },
};

export const CONFLICT_LABELS: Record<ConflictKind, Wording> = {
  content: { en: 'both sides changed the same lines', ru: 'обе стороны изменили одни и те же строки' },
  'add-add': { en: 'both sides added this file with different content', ru: 'обе стороны добавили этот файл с разным содержимым' },
  binary: { en: 'binary file changed on both sides', ru: 'двоичный файл изменён с обеих сторон' },
  'modify-delete': { en: 'changed by you, deleted by the vendor', ru: 'изменён вами, удалён поставщиком' },
  'delete-modify': { en: 'deleted by you, changed by the vendor', ru: 'удалён вами, изменён поставщиком' },
  'no-base': {
    en: "your export and the vendor's differ here, and without a base nobody can tell who changed what",
    ru: 'ваша выгрузка и выгрузка поставщика здесь различаются, а без базы не понять, кто что изменил',
  },
  'case-clash': {
    en: 'kept out of the archive: another file has the same name but for letter case or Unicode form (NFC/NFD), and Windows cannot hold both — decide which to keep',
    ru: 'не включён в архив: у другого файла то же имя с точностью до регистра или формы Юникода (NFC/NFD), а Windows не хранит оба — решите, какой оставить',
  },
  'windows-name': {
    en: 'kept out of the archive: Windows cannot create a file with this name — rename it or drop it',
    ru: 'не включён в архив: Windows не может создать файл с таким именем — переименуйте его или удалите',
  },
  'file-folder': {
    en: 'kept out of the archive: the merge also has a folder with this name — decide which to keep',
    ru: 'не включён в архив: в результате есть папка с таким именем — решите, что оставить',
  },
};

/** Whether a path needs the admin: its status does, or it was kept out of the archive by a name clash. */
export function outcomeNeedsAttention(o: { status: FileStatus; conflict?: ConflictKind }): boolean {
  return needsAttention(o.status) || o.conflict === 'case-clash' || o.conflict === 'windows-name' || o.conflict === 'file-folder';
}

/**
 * Statuses that leave something for the admin to decide (exit code 1). Without a base, a file only in mine is one:
 * nothing tells an addition of the admin's from a file the vendor removed; so is a file only in theirs: nothing
 * tells a new vendor file from one the admin had deleted.
 */
export function needsAttention(status: FileStatus): boolean {
  return (
    status === 'conflict' ||
    status === 'modify-delete' ||
    status === 'delete-modify' ||
    status === 'binary-conflict' ||
    status === 'only-mine' ||
    status === 'only-theirs' ||
    status === 'differs' ||
    status === 'differs-binary'
  );
}

/**
 * Where each status stands when reports list them (text summary, HTML). A Record, so that a status added above
 * without a place here is a compile error rather than a count silently missing from a report.
 */
const RANK: Record<FileStatus, number> = {
  unchanged: 0,
  mine: 1,
  theirs: 2,
  'same-change': 3,
  merged: 4,
  renamed: 5,
  'added-mine': 6,
  'added-theirs': 7,
  'added-both': 8,
  'deleted-mine': 9,
  'deleted-theirs': 10,
  'deleted-both': 11,
  conflict: 12,
  'modify-delete': 13,
  'delete-modify': 14,
  'binary-conflict': 15,
  'binary-preferred': 16,
  'only-mine': 17,
  'only-theirs': 18,
  differs: 19,
  'differs-binary': 20,
};

/** Every status, in report order. */
export const STATUS_ORDER: readonly FileStatus[] = (Object.keys(RANK) as FileStatus[]).sort((a, b) => RANK[a] - RANK[b]);
