/**
 * Picking the stored baseline to use as the base of a merge when none was given.
 *
 * The base of a merge is the vendor export that mine was made from; mine is that export plus the admin's edits,
 * so every file the admin did not touch is byte-identical to it. The best baseline is therefore the one with the
 * most files byte-identical to mine (ties: the most recently saved). It is used only when:
 * - it is not the vendor's new export itself (same content id as theirs): with base = theirs every vendor change
 *   would look like "the admin changed it back" and the update would be silently undone;
 * - at least MIN_MATCH_SHARE (a quarter) of mine's files are identical to it: even a heavily customised cabinet
 *   keeps many vendor files untouched (the demo samples: 16 of 30), while an unrelated product shares few; a wrong
 *   base is worse than none (it can decide silently and wrongly, where no base only asks);
 * - it is not a copy of mine: holding mine's version of every file where mine and theirs differ (mineLikeness
 *   'copy'). The ranking favours such a copy (all its files are identical to mine), yet as a base it makes every
 *   such file take theirs whole, dropping the admin's edits without a word. A real old export holds mine's version
 *   of every such file only if the admin changed none of the files the vendor still ships — unlikely for anyone
 *   merging — so it is skipped with a note and the next best is tried (at worst: no base, where every difference is
 *   asked). One that may be an old copy of mine ('maybe-copy') cannot be told from a real export with certainty: it
 *   is used, with a note naming how many files it decided for theirs. Files only mine has count in both checks
 *   when the export holds them as mine's (mineEditsIn); and whatever the likeness, a file mine has exactly as the
 *   stored base and theirs lacks is kept for the admin, not deleted (commands/base-source.ts uses such a baseline as a candidate that is never the base where it equals mine);
 * - every blob it names reads back with the right hash (store.ts). A corrupt baseline is reported and skipped, and
 *   the next best is tried.
 */

import type { Tree } from '../archive/tree';
import type { Wording } from '../tree/status';
import { baselineId, hashTree, listBaselines, loadBaseline, type BaselineManifest } from './store';
import { FILES_GEN_RU, ruWord } from '../report/plural';

export const MIN_MATCH_SHARE = 0.25;

export interface BaselineMatch {
  manifest: BaselineManifest;
  /** Files of mine byte-identical to the baseline's file at the same path. */
  identical: number;
  mineFiles: number;
}

/** Ranks baselines by files identical to mine (most first), ties by save time (newest first). Pure. */
export function rankBaselines(manifests: readonly BaselineManifest[], mine: ReadonlyMap<string, string>): BaselineMatch[] {
  return manifests
    .map((manifest) => {
      let identical = 0;
      for (const [p, h] of mine) if (manifest.files[p] === h) identical++;
      return { manifest, identical, mineFiles: mine.size };
    })
    .sort((a, b) => b.identical - a.identical || (a.manifest.savedAt < b.manifest.savedAt ? 1 : a.manifest.savedAt > b.manifest.savedAt ? -1 : 0));
}

/**
 * How much of mine's customisation an export already holds. Of the files both mine and theirs have and that
 * differ (`differing`): how many the export has byte-identical to mine (`asMine`) and to theirs (`asTheirs`). A
 * real old vendor export has mine's version of the files only the vendor changed and theirs' of the files only the
 * admin changed; a copy of mine has mine's version of all, and an old copy of mine theirs' of none.
 * A file only mine has counts too when the export holds it byte-identical to mine (in `differing`, `asMine` and
 * `mineOnly`): a copy of mine holds the admin's own pages, while a real old export holds such a file only if the
 * vendor since deleted a file the admin never touched. Used as base, such a copy would make each of those pages
 * look "deleted by the vendor". One the export lacks or holds differently tells nothing and is not counted.
 * Pure; hashes as hashTree's.
 */
export function mineEditsIn(
  exported: ReadonlyMap<string, string> | Record<string, string>,
  mine: ReadonlyMap<string, string>,
  theirs: ReadonlyMap<string, string>,
): { differing: number; asMine: number; asTheirs: number; mineOnly: number } {
  const get = exported instanceof Map ? (p: string) => exported.get(p) : (p: string) => (exported as Record<string, string>)[p];
  let differing = 0;
  let asMine = 0;
  let asTheirs = 0;
  let mineOnly = 0;
  for (const [p, h] of mine) {
    const t = theirs.get(p);
    if (t === h) continue;
    const e = get(p);
    if (t === undefined) {
      if (e === h) {
        differing++;
        asMine++;
        mineOnly++;
      }
      continue;
    }
    differing++;
    if (e === h) asMine++;
    else if (e === t) asTheirs++;
  }
  return { differing, asMine, asTheirs, mineOnly };
}

/**
 * 'copy': the export holds mine's version of every file where mine and theirs differ (counting files only mine has
 * that it holds as mine's, see mineEditsIn) — a copy of mine, or an admin who changed nothing the vendor still
 * ships. 'maybe-copy': it holds mine's version of some and theirs' of
 * none — an old copy of mine, or an admin whose every edit is in a file the vendor changed too. Else undefined.
 */
export function mineLikeness(e: { differing: number; asMine: number; asTheirs: number }): 'copy' | 'maybe-copy' | undefined {
  if (e.differing === 0 || e.asMine === 0) return undefined;
  if (e.asMine === e.differing) return 'copy';
  return e.asTheirs === 0 ? 'maybe-copy' : undefined;
}

export interface BaselineChoice {
  /** `mayBeMine`: the baseline may be an old copy of the admin's own export ('maybe-copy', see mineLikeness). */
  chosen?: BaselineMatch & { tree: Tree; mayBeMine: boolean };
  /** What was skipped and why (corrupt, too weak, the new export itself), for the summary and the report. */
  notes: Wording[];
  /** The stored baseline holding exactly theirs, if any (then there is no need to remind the admin to save it). */
  theirsStored?: BaselineManifest;
}

/** The stored baseline whose content is exactly this tree's, if any. */
export async function storedAs(store: string, tree: Tree): Promise<BaselineManifest | undefined> {
  const id = baselineId(hashTree(tree));
  return (await listBaselines(store)).manifests.find((m) => m.id === id);
}

function describe(m: BaselineManifest): string {
  return `'${m.name}' (${m.id}, ${m.savedAt.slice(0, 10)})`;
}

/** Looks through the store for the baseline to use as base for merging mine with theirs (see the header). */
export async function pickBaseline(store: string, mine: Tree, theirs: Tree): Promise<BaselineChoice> {
  const { manifests, problems } = await listBaselines(store);
  const notes: Wording[] = problems.map((p) => ({
    en: `baseline store: ${p.file} is unreadable (${p.reason}) and was ignored`,
    ru: `хранилище баз: ${p.file} не читается (${p.reason}) и пропущен`,
  }));
  const theirsHashes = hashTree(theirs);
  const theirsId = baselineId(theirsHashes);
  const theirsStored = manifests.find((m) => m.id === theirsId);
  const mineHashes = hashTree(mine);
  for (const match of rankBaselines(manifests, mineHashes)) {
    const m = match.manifest;
    if (m.id === theirsId) continue; // the new export itself: never a base (see the header)
    if (match.identical < MIN_MATCH_SHARE * match.mineFiles || match.identical === 0) {
      notes.push({
        en: `the best stored baseline, ${describe(m)}, shares only ${match.identical} of ${match.mineFiles} files with your export; not used as base`,
        ru: `лучшая из сохранённых баз, ${describe(m)}, совпадает с вашей выгрузкой лишь в ${match.identical} файлах из ${match.mineFiles}; как база не использована`,
      });
      break; // the rest match even less
    }
    const edits = mineEditsIn(m.files, mineHashes, theirsHashes);
    const likeness = mineLikeness(edits);
    if (likeness === 'copy') {
      notes.push({
        en: `stored baseline ${describe(m)} holds your version of all ${edits.differing} files where your export differs from the vendor's new one (or that it lacks): it looks like a copy of your own export, not the vendor's old one, and as base it would replace your customisations with the vendor's files; not used. If it is one, remove it: cabinet-merge baseline remove ${m.id}`,
        ru: `сохранённая база ${describe(m)} содержит вашу версию всех ${edits.differing} ${ruWord(edits.differing, FILES_GEN_RU)}, которыми ваша выгрузка отличается от новой выгрузки поставщика (или которых в ней нет): похоже, это копия вашей собственной выгрузки, а не старая выгрузка поставщика, и как база она заменила бы ваши доработки файлами поставщика; не использована. Если это так, удалите её: cabinet-merge baseline remove ${m.id}`,
      });
      continue;
    }
    const loaded = await loadBaseline(store, m);
    if (!loaded.ok) {
      const shown = loaded.corrupt.slice(0, 3).join(', ') + (loaded.corrupt.length > 3 ? ', …' : '');
      notes.push({
        en: `stored baseline ${describe(m)} is corrupt (${loaded.corrupt.length} files missing or altered: ${shown}); not used. Save that vendor export again to repair it, or remove it: cabinet-merge baseline remove ${m.id}`,
        ru: `сохранённая база ${describe(m)} повреждена (файлов отсутствует или изменено: ${loaded.corrupt.length}: ${shown}); не использована. Сохраните эту выгрузку поставщика заново, чтобы восстановить базу, или удалите её: cabinet-merge baseline remove ${m.id}`,
      });
      continue;
    }
    if (likeness === 'maybe-copy') notes.push(maybeCopyNote(m, edits));
    return { chosen: { ...match, tree: loaded.tree, mayBeMine: likeness === 'maybe-copy' }, notes, theirsStored };
  }
  return { notes, theirsStored };
}

/**
 * A stored baseline used though it may be an old copy of mine: which of its files are in question. It is never the
 * base where it equals mine (commands/base-source.ts mergeWithBasis), so those files are left to the admin.
 */
function maybeCopyNote(m: BaselineManifest, e: { differing: number; asMine: number; mineOnly: number }): Wording {
  const shown = e.asMine - e.mineOnly;
  const head = {
    en: `stored baseline ${describe(m)} holds your version of ${e.asMine} of the ${e.differing} files where your export differs from the vendor's new one (or that it lacks), and the vendor's version of none: it may be an old copy of your own export rather than the vendor's old one.`,
    ru: `сохранённая база ${describe(m)} содержит вашу версию ${e.asMine} из ${e.differing} ${ruWord(e.differing, FILES_GEN_RU)}, которыми ваша выгрузка отличается от новой выгрузки поставщика (или которых в ней нет), и ни одного файла в версии поставщика: возможно, это старая копия вашей собственной выгрузки, а не старая выгрузка поставщика.`,
  };
  const what = [
    ...(shown > 0 ? [{ en: `It was not used as base for those ${shown}: their differences from the vendor's are left for you.`, ru: `Для этих ${shown} ${ruWord(shown, FILES_GEN_RU)} она не использована как база: их отличия от версии поставщика оставлены вам.` }] : []),
    ...(e.mineOnly > 0 ? [{ en: `${e.mineOnly} of them, missing from the vendor's new export, were kept for you to check.`, ru: `${e.mineOnly} из них, которых нет в новой выгрузке поставщика, сохранены, чтобы вы их проверили.` }] : []),
  ];
  const tail = {
    en: `If it is a copy, remove it: cabinet-merge baseline remove ${m.id}`,
    ru: `Если это копия, удалите её: cabinet-merge baseline remove ${m.id}`,
  };
  return {
    en: [head, ...what, tail].map((w) => w.en).join(' '),
    ru: [head, ...what, tail].map((w) => w.ru).join(' '),
  };
}
