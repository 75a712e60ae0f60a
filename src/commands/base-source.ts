/**
 * Where `merge` gets its base (issue 7), in this order:
 * 1. `--base FILE`: the vendor's old export, as given.
 * 2. `--base-from A,B,…`: candidate old exports; each file of mine takes the candidate version closest to it among
 *    those that differ from it, else one identical to it, noted per file (tree/candidates.ts); files no candidate
 *    has are merged without a base. A candidate that is the vendor's new export itself is left out (as the store
 *    does: with base = theirs every vendor change would be undone); so is one that looks like a copy of mine
 *    (store/match.ts mineLikeness 'copy', as the store skips a stored one): as base it would replace every
 *    customisation with the vendor's file. One that may be an old copy of mine ('maybe-copy') is used, but never
 *    for a file where it equals mine. Each is noted.
 * 3. The baseline store (unless --no-store): the stored export with most files identical to mine (store/match.ts).
 *    Picked by the tool, it may be a copy of mine: a file only mine has, byte-identical in it, is kept for the
 *    admin rather than deleted as "removed by the vendor" (mergeWithBasis: such a baseline is never the base where it equals mine).
 * 4. None: two archives only; every difference between mine and theirs is left to the admin (tree/two-way.ts).
 * Also builds the report's `base` section and the summary lines about it; their wording lives here and only here.
 */

import { command } from '../report/command';
import * as path from 'node:path';
import type { Tree } from '../archive/tree';
import type { BaseReport } from '../report/model';
import { CabinetError } from '../errors';
import { mineEditsIn, mineLikeness, pickBaseline, storedAs, type BaselineChoice, type BaselineMatch } from '../store/match';
import { baselineId, hashTree, type BaselineManifest, type SaveResult } from '../store/store';
import { keepAside, mergeTrees, type FileOutcome, type TreeMergeOptions, type TreeMergeResult } from '../tree/merge-tree';
import type { Wording } from '../tree/status';
import { mergeTreesWithoutBase, type CandidateBase } from '../tree/two-way';
import { enCount, enWord, FILES_GEN_RU, ruWord } from '../report/plural';

export type Basis =
  | { kind: 'given'; tree: Tree; label: string; notes: Wording[]; theirsStored?: BaselineManifest }
  | { kind: 'store'; tree: Tree; label: string; match: BaselineMatch & { mayBeMine: boolean }; notes: Wording[]; theirsStored?: BaselineManifest }
  | { kind: 'candidates'; candidates: (CandidateBase & { path: string })[]; label: string; notes: Wording[]; theirsStored?: BaselineManifest }
  | { kind: 'none'; label: string; notes: Wording[]; theirsStored?: BaselineManifest };

export interface BaseSourceOptions {
  base?: string;
  baseFrom?: string[];
  /** The store folder to look in; undefined when --no-store. */
  store?: string;
}

export type ReadRole = (p: string, role: 'base' | 'mine' | 'theirs') => Promise<Tree>;

/** `--base-from a,b --base-from c` → ['a', 'b', 'c'] (a path with a comma must be given alone, quoted). */
export function splitBaseFrom(values: readonly string[] | undefined): string[] {
  return (values ?? []).flatMap((v) => v.split(',')).map((v) => v.trim()).filter((v) => v !== '');
}

export async function resolveBase(options: BaseSourceOptions, mine: Tree, theirs: Tree, read: ReadRole): Promise<Basis> {
  if (options.base) {
    const tree = await read(options.base, 'base');
    const looked = await inStore(options.store, async (store) => ({ chosen: undefined, notes: [], theirsStored: await storedAs(store, theirs) }));
    return { kind: 'given', tree, label: path.basename(options.base), notes: looked.notes, theirsStored: looked.theirsStored };
  }
  const found = await inStore(options.store, (store) => pickBaseline(store, mine, theirs));
  const { notes, theirsStored } = found;
  const candidatePaths = options.baseFrom ?? [];
  if (candidatePaths.length) {
    const candidates: (CandidateBase & { path: string })[] = [];
    const mineHashes = hashTree(mine);
    const theirsHashes = hashTree(theirs);
    const theirsId = baselineId(theirsHashes);
    for (const p of candidatePaths) {
      const tree = await read(p, 'base');
      const hashes = hashTree(tree);
      if (baselineId(hashes) === theirsId) {
        notes.push(WORDS.candidateIsTheirs(p));
        continue;
      }
      const likeness = mineLikeness(mineEditsIn(hashes, mineHashes, theirsHashes));
      if (likeness) notes.push(WORDS.candidateLikeMine(p, likeness));
      if (likeness === 'copy') continue;
      candidates.push({ label: path.basename(p), path: p, tree, ...(likeness === 'maybe-copy' ? { notWhereEqual: true } : {}) });
    }
    return { kind: 'candidates', candidates, label: 'candidates', notes, theirsStored };
  }
  if (found.chosen) {
    const { tree, ...match } = found.chosen;
    return { kind: 'store', tree, label: `baseline '${match.manifest.name}'`, match, notes, theirsStored };
  }
  return { kind: 'none', label: 'none', notes, theirsStored };
}

/**
 * Runs a store lookup; a store that cannot be read (no permission, a drive gone) is a note, not a failed merge:
 * the merge goes on as if there were no store.
 */
async function inStore(store: string | undefined, look: (store: string) => Promise<BaselineChoice>): Promise<BaselineChoice> {
  if (!store) return { notes: [] };
  try {
    return await look(store);
  } catch (e) {
    if (!(e instanceof CabinetError)) throw e;
    return { notes: [{ en: e.message, ru: e.ru }] };
  }
}

export interface BasedMerge extends TreeMergeResult {
  /** With candidates: path → the candidate path its base came from. */
  baseFrom?: Map<string, string>;
}

export function mergeWithBasis(basis: Basis, mine: Tree, theirs: Tree, options: TreeMergeOptions): BasedMerge {
  switch (basis.kind) {
    case 'given':
      return mergeTrees({ base: basis.tree, mine, theirs }, options);
    case 'store': {
      // A stored export that looks like the vendor's is trusted like --base. One that may be an old copy of the
      // admin's export is used as a --base-from candidate that is never the base where it equals mine: it cannot
      // tell "the vendor changed or removed this file" from "this is the admin's version", so those files are left
      // to the admin (two-way blocks, or kept as only-mine), never settled for the vendor.
      if (!basis.match.mayBeMine) {
        // The tool picked this base: keep the admin's copy of each file it lets the vendor remove, to undo by hand.
        const merged = mergeTrees({ base: basis.tree, mine, theirs }, options);
        for (const o of merged.outcomes) {
          const copy = o.status === 'deleted-theirs' ? merged.trees.mine.files.get(o.path)?.bytes : undefined;
          if (copy) keepAside(o, 'removed', copy);
        }
        return merged;
      }
      const label = `the stored baseline '${basis.match.manifest.name}'`;
      const result = mergeTreesWithoutBase({ mine, theirs, candidates: [{ label, tree: basis.tree, notWhereEqual: true }] }, options);
      return { ...result, baseFrom: new Map([...result.baseFrom].map(([p]) => [p, label])) };
    }
    case 'candidates': {
      const result = mergeTreesWithoutBase({ mine, theirs, candidates: basis.candidates }, options);
      const baseFrom = new Map([...result.baseFrom].map(([p, i]) => [p, basis.candidates[i].path]));
      return { ...result, baseFrom };
    }
    case 'none': {
      const { baseFrom: _unused, ...result } = mergeTreesWithoutBase({ mine, theirs }, options);
      return result;
    }
    default: {
      const never: never = basis;
      throw new Error(`unknown basis ${JSON.stringify(never)}`);
    }
  }
}

const UNDECIDED = new Set(['only-mine', 'only-theirs', 'differs', 'differs-binary']);

/** The summary names at most this many files whose base equals mine; the report has them all. */
const MAX_LISTED = 10;

function listed(paths: readonly string[]): string {
  return paths.slice(0, MAX_LISTED).join(', ') + (paths.length > MAX_LISTED ? ', …' : '');
}

const WORDS = {
  store: (m: BaselineMatch): Wording => ({
    en: `Base: the stored baseline '${m.manifest.name}' (${m.manifest.id}, saved ${m.manifest.savedAt.slice(0, 10)} from ${m.manifest.source}); ${m.identical} of ${m.mineFiles} ${enWord(m.mineFiles, 'file', 'files')} of your export are identical to it.`,
    ru: `База: сохранённая база '${m.manifest.name}' (${m.manifest.id}, сохранена ${m.manifest.savedAt.slice(0, 10)} из ${m.manifest.source}); с ней совпадают ${m.identical} из ${m.mineFiles} ${ruWord(m.mineFiles, FILES_GEN_RU)} вашей выгрузки.`,
  }),
  candidates: (used: { path: string; files: number }[], without: number): Wording => ({
    en: `Base: chosen per file among the --base-from candidates (${used.map((c) => `${c.path}: ${enCount(c.files, 'file', 'files')}`).join(', ')}); ${without} of your files had no candidate and were merged without a base.`,
    ru: `База: выбрана для каждого файла из кандидатов --base-from (${used.map((c) => `${c.path}: файлов ${c.files}`).join(', ')}); для ${without} ${ruWord(without, { one: 'вашего файла', few: 'ваших файлов', many: 'ваших файлов' })} кандидата не нашлось, они объединены без базы.`,
  }),
  candidateIsTheirs: (p: string): Wording => ({
    en: `--base-from ${p} is the vendor's new export itself; not used as a base (every vendor change would be undone).`,
    ru: `--base-from ${p} — это сама новая выгрузка поставщика; как база не использована (иначе все изменения поставщика были бы отменены).`,
  }),
  candidateLikeMine: (p: string, likeness: 'copy' | 'maybe-copy'): Wording =>
    likeness === 'copy'
      ? {
          en: `--base-from ${p} holds your version of every file where your export differs from the vendor's new one (or that it lacks): it looks like a copy of your own export, not the vendor's old one, and as base it would replace each of your customisations with the vendor's file; not used.`,
          ru: `--base-from ${p} содержит вашу версию всех файлов, которыми ваша выгрузка отличается от новой выгрузки поставщика (или которых в ней нет): похоже, это копия вашей собственной выгрузки, а не старая выгрузка поставщика, и как база она заменила бы каждую вашу доработку файлом поставщика; не использована.`,
        }
      : {
          en: `--base-from ${p} holds your version of some files where your export differs from the vendor's new one (or that it lacks), and the vendor's version of none: it may be an old copy of your own export, not the vendor's old one. It is not used as a base for any file where it equals your version.`,
          ru: `--base-from ${p} содержит вашу версию части файлов, которыми ваша выгрузка отличается от новой выгрузки поставщика (или которых в ней нет), и ни одного файла в версии поставщика: возможно, это старая копия вашей собственной выгрузки, а не старая выгрузка поставщика. Для файлов, в которых она совпадает с вашей версией, она базой не служит.`,
        },
  baseEqualsMine: (paths: readonly string[]): Wording => {
    const shown = listed(paths);
    return {
      en: `${paths.length} ${paths.length === 1 ? 'file' : 'files'} took the vendor's changes because the only base found for ${paths.length === 1 ? 'it equals' : 'them equals'} your version (most likely you never changed ${paths.length === 1 ? 'it' : 'them'}): ${shown}. If you had customised any of them, check the result before importing; the report lists them all (base.baseEqualsMine).`,
      ru: `Для ${paths.length} ${ruWord(paths.length, FILES_GEN_RU)} приняты изменения поставщика, потому что единственная найденная для них база совпадает с вашей версией (скорее всего, вы их не меняли): ${shown}. Если вы дорабатывали какой-то из них, проверьте результат перед загрузкой; в отчёте перечислены все (base.baseEqualsMine).`,
    };
  },
  baseEqualsMineKept: (paths: readonly string[]): Wording => {
    const shown = listed(paths);
    return {
      en: `${paths.length} ${paths.length === 1 ? 'file is' : 'files are'} in your export exactly as in the base but not in the vendor's new export: ${shown}. The vendor may have removed ${paths.length === 1 ? 'it' : 'them'}, or the base is a copy of your own export holding your additions; kept, not deleted — delete any the vendor removed.`,
      ru: `Файлы (${paths.length}) есть в вашей выгрузке точно такими же, как в базе, но отсутствуют в новой выгрузке поставщика: ${shown}. Возможно, их удалил поставщик, а возможно, база — копия вашей собственной выгрузки с вашими новыми файлами; они сохранены, а не удалены — удалите те, что удалил поставщик.`,
    };
  },
  preferNeedsBase: (n: number): Wording => ({
    en: `--prefer needs a base: without one nobody can tell who changed a binary file, so it was not applied to ${n} ${n === 1 ? 'file' : 'files'} (listed above; the vendor's version is in the archive, yours saved aside).`,
    ru: `--prefer требует базы: без неё не понять, кто изменил двоичный файл, поэтому он не применён к файлам (${n}) (они перечислены выше; в архиве версия поставщика, ваша сохранена отдельно).`,
  }),
  rulesNeedBase: (n: number): Wording => ({
    en: `Rules need a base: the rules for one side's lines (mine, theirs, union) were not applied to ${n} ${n === 1 ? 'file' : 'files'}, since without a base they would pick sides blindly; every difference in ${n === 1 ? 'it' : 'them'} is left to you (note rule-needs-base). 'binary' rules were applied.`,
    ru: `Правилам нужна база: правила в пользу одной из сторон (mine, theirs, union) не применены к файлам (${n}), потому что без базы они выбирали бы сторону вслепую; все различия в них оставлены вам (примечание rule-needs-base). Правила 'binary' применены.`,
  }),
  none: {
    en: "No base: the vendor's old export was not given and none is stored, so every difference between your export and the vendor's new one is left for you.",
    ru: 'Без базы: старая выгрузка поставщика не указана и не сохранена, поэтому все различия между вашей выгрузкой и новой выгрузкой поставщика оставлены вам.',
  },
  advice: (n: number): Wording => ({
    en: `A base would have decided most of these ${n} ${enWord(n, 'file', 'files')}: with the vendor's old export, a file you never changed simply takes the vendor's update and only lines both of you changed are left. Find that old export (the vendor's distribution, another client's copy) and pass it with --base, or several with --base-from A.zip,B.zip; from now on save each vendor export as a baseline (see docs/workflow.md).`,
    ru: `База решила бы большинство из этих ${n} ${ruWord(n, FILES_GEN_RU)}: со старой выгрузкой поставщика файл, который вы не меняли, просто получает обновление, а конфликтом остаются лишь строки, изменённые обеими сторонами. Найдите ту старую выгрузку (дистрибутив поставщика, копия у другого клиента) и укажите её через --base или несколько через --base-from A.zip,B.zip; впредь сохраняйте каждую выгрузку поставщика как базу (см. docs/workflow.md).`,
  }),
  saved: (m: BaselineManifest, created: boolean, store: string): Wording =>
    created
      ? {
          en: `Saved the vendor's new export as baseline '${m.name}' (${m.id}) in ${store}: the next update will be a three-way merge.`,
          ru: `Новая выгрузка поставщика сохранена как база '${m.name}' (${m.id}) в ${store}: следующее обновление будет трёхсторонним слиянием.`,
        }
      : {
          en: `The vendor's new export is already stored as baseline '${m.name}' (${m.id}).`,
          ru: `Новая выгрузка поставщика уже сохранена как база '${m.name}' (${m.id}).`,
        },
  remind: (theirs: string): Wording => ({
    en: `So that the next update is a three-way merge, save the vendor's new export as a baseline now: ${command(['baseline', 'save', theirs])} (named after the file; add --name to choose a name, or add --save-baseline to merge).`,
    ru: `Чтобы следующее обновление было трёхсторонним слиянием, сохраните новую выгрузку поставщика как базу сейчас: ${command(['baseline', 'save', theirs])} (имя базы — имя файла; другое имя задаёт --name; или добавьте --save-baseline к merge).`,
  }),
};

/** The report's `base` section. `saved`: the result of --save-baseline, if given. */
export function baseReport(
  basis: Basis,
  merged: BasedMerge,
  ctx: { theirs: string; store?: string; saved?: SaveResult; candidatePaths?: readonly string[] },
): BaseReport {
  const outcomes: readonly FileOutcome[] = merged.outcomes;
  // Files kept because their base equals mine have a message of their own (below): a base did not decide them.
  const undecided = outcomes.filter((o) => UNDECIDED.has(o.status) && !o.notes.some((n) => n.code === 'base-equals-mine')).length;
  // Options that need a base and were not applied without one: events of this merge, like the store's.
  const notes = [...basis.notes];
  const preferIgnored = outcomes.filter((o) => o.notes.some((n) => n.code === 'prefer-needs-base')).length;
  if (preferIgnored > 0) notes.push(WORDS.preferNeedsBase(preferIgnored));
  const rulesIgnored = outcomes.filter((o) => o.notes.some((n) => n.code === 'rule-needs-base')).length;
  if (rulesIgnored > 0) notes.push(WORDS.rulesNeedBase(rulesIgnored));
  const report: BaseReport = { source: basis.kind, undecidedWithoutBase: undecided, notes, messages: [] };
  const messages = report.messages;
  if (basis.kind === 'store') {
    const m = basis.match;
    report.baseline = {
      id: m.manifest.id,
      name: m.manifest.name,
      savedAt: m.manifest.savedAt,
      source: m.manifest.source,
      identicalFiles: m.identical,
      mineFiles: m.mineFiles,
    };
    messages.push(WORDS.store(m));
  } else if (basis.kind === 'candidates') {
    const paths = ctx.candidatePaths ?? basis.candidates.map((c) => c.path);
    const counts = paths.map((p) => ({ path: p, files: 0 }));
    for (const p of merged.baseFrom?.values() ?? []) {
      const c = counts.find((x) => x.path === p);
      if (c) c.files++;
    }
    report.candidates = counts;
    const without = outcomes.filter((o) => o.status !== 'only-theirs' && !merged.baseFrom?.has(o.path)).length;
    messages.push(WORDS.candidates(counts, without));
  } else if (basis.kind === 'none') {
    messages.push(WORDS.none);
  }
  const equal = outcomes.filter((o) => o.notes.some((n) => n.code === 'base-equals-mine'));
  if (equal.length) {
    report.baseEqualsMine = equal.map((o) => o.path);
    const taken = equal.filter((o) => o.status !== 'only-mine').map((o) => o.path);
    const kept = equal.filter((o) => o.status === 'only-mine').map((o) => o.path);
    if (taken.length) messages.push(WORDS.baseEqualsMine(taken));
    if (kept.length) messages.push(WORDS.baseEqualsMineKept(kept));
  }
  messages.push(...notes);
  if (undecided > 0) {
    report.advice = WORDS.advice(undecided);
    messages.push(report.advice);
  }
  const stored = ctx.saved?.manifest ?? basis.theirsStored;
  if (stored && ctx.store) {
    report.theirsBaseline = { id: stored.id, name: stored.name, savedNow: ctx.saved?.created ?? false, store: ctx.store };
    if (ctx.saved) messages.push(WORDS.saved(stored, ctx.saved.created, ctx.store));
  } else {
    messages.push(WORDS.remind(ctx.theirs));
  }
  return report;
}
