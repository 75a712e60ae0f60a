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
 * - every blob it names reads back with the right hash (store.ts). A corrupt baseline is reported and skipped, and
 *   the next best is tried.
 */

import type { Tree } from '../archive/tree';
import type { Wording } from '../tree/status';
import { baselineId, hashTree, listBaselines, loadBaseline, type BaselineManifest } from './store';

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

export interface BaselineChoice {
  chosen?: BaselineMatch & { tree: Tree };
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
  const theirsId = baselineId(hashTree(theirs));
  const theirsStored = manifests.find((m) => m.id === theirsId);
  for (const match of rankBaselines(manifests, hashTree(mine))) {
    const m = match.manifest;
    if (m.id === theirsId) continue; // the new export itself: never a base (see the header)
    if (match.identical < MIN_MATCH_SHARE * match.mineFiles || match.identical === 0) {
      notes.push({
        en: `the best stored baseline, ${describe(m)}, shares only ${match.identical} of ${match.mineFiles} files with your export; not used as base`,
        ru: `лучшая из сохранённых баз, ${describe(m)}, совпадает с вашей выгрузкой лишь в ${match.identical} файлах из ${match.mineFiles}; как база не использована`,
      });
      break; // the rest match even less
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
    return { chosen: { ...match, tree: loaded.tree }, notes, theirsStored };
  }
  return { notes, theirsStored };
}
