/**
 * `cabinet-merge merge`: read three cabinets, merge every path, write the merged archive, the kept-aside copies
 * and the report. Returns the report; throws CabinetError for anything the user must fix. Everything is built in
 * memory first and written last, each output atomically, so an error leaves no output behind.
 */

import * as path from 'node:path';
import type { ReadOptions } from '../archive/limits';
import { windowsSafePath } from '../archive/names';
import { readTree } from '../archive/read';
import { SameDataCache } from '../archive/read-zip';
import type { FileEntry, NameEncoding, OutputTree, Tree } from '../archive/tree';
import { deflateAhead, writeZip } from '../archive/write';
import { CabinetError } from '../errors';
import { writeDirAtomic, writeFileAtomic } from '../io/atomic';
import type { ConflictStyle, Labels } from '../merge3';
import type { Granularity } from '../formats/cascade';
import { buildReport, inputInfo, type Report } from '../report/model';
import { resolveStoreDir } from '../store/location';
import { lazy } from '../lazy';
import { userShell, workFolderFor } from '../report/command';
import { renderSummary } from '../report/text';
import { nameKey } from '../tree/align';
import { sourceEntry, type AsideKind, type FileOutcome, type Trees } from '../tree/merge-tree';
import { baseReport, mergeWithBasis, resolveBase, splitBaseFrom } from './base-source';
import { prepareWorkflow, type WorkflowOptions } from '../workdir/merge-hook';
import { checkMayReplace, checkOutputs, writeAll } from './outputs';
import { realPathOf } from '../io/links';
import { recoverHalfOutputs } from '../io/publish';
import { STATE_DIR } from '../workdir/state';

/** Only for --save-baseline (start-up time, docs/performance.md). */
const store = lazy(() => require('../store/store') as typeof import('../store/store'));
import { findSameInputs } from './same-inputs';

export interface MergeOptions extends WorkflowOptions {
  /** The vendor's old export; absent: --base-from candidates, else the baseline store, else no base (issue 7). */
  base?: string;
  /** --base-from: candidate old exports, in order of trust (values may be comma-separated lists). */
  baseFrom?: string[];
  /** The baseline store folder; default: store/location.ts (CABINET_MERGE_STORE, the user's data folder). */
  store?: string;
  /** false (--no-store): do not look for a base in the store. */
  useStore?: boolean;
  /** --save-baseline: store theirs as a baseline, named baselineName (default: its file name). */
  saveBaseline?: boolean;
  baselineName?: string;
  mine: string;
  theirs: string;
  /** The merged zip to write; may be absent when outDir is given. */
  output?: string;
  /** Where to write the report, if anywhere. */
  report?: string;
  /** The report's format; default: by the extension of `report` (reportFormat). */
  reportFormat?: ReportFormat;
  /** Language of an HTML or text report. */
  lang?: 'en' | 'ru';
  conflictStyle: ConflictStyle;
  /** Overwrite existing outputs. */
  force: boolean;
  /** Accept a side with no files (refused by default: almost surely the wrong file). */
  allowEmpty?: boolean;
  version: string;
  ignoreWhitespace?: boolean;
  /** Below the line (formats/cascade.ts); default 'auto'. */
  granularity?: Granularity;
  preferBinary?: 'mine' | 'theirs';
  /** Rename detection: least share of content in common (0..1), or false (--no-renames); default 50 %. */
  renames?: number | false;
  /** Name encoding for the merged zip; default: as theirs stored its names. */
  nameEncoding?: NameEncoding;
  /** Read limits (archive/limits.ts defaults when absent). */
  limits?: ReadOptions;
  /** Progress of the per-path merge (the CLI draws a bar on a terminal). */
  onProgress?: (done: number, total: number) => void;
}

export interface MergeRun {
  report: Report;
}

/** The folder beside the output that receives mine's versions of binary conflicts: MERGED.zip → MERGED.conflicts. */
export function keptAsideDir(output: string): string {
  const ext = path.extname(output);
  return (ext ? output.slice(0, -ext.length) : output) + '.conflicts';
}

export async function runMerge(options: MergeOptions): Promise<MergeRun> {
  const outputs = [...(options.output ? [options.output] : []), ...(options.report ? [options.report] : [])];
  const baseFrom = splitBaseFrom(options.baseFrom);
  const inputs = [options.base, options.mine, options.theirs, ...baseFrom].filter((p): p is string => p !== undefined);
  // --out-dir first, so that a WORK inside an input is named as the user typed it, not as WORK.conflicts.
  const maybe = [...(options.outDir !== undefined ? [options.outDir] : []), keptAsideDir(options.output ?? options.outDir!)];
  if (options.outDir !== undefined && options.report !== undefined) await checkReportOutsideWork(options.report, options.outDir);
  // A killed run's half (its zip without its report): its own outputs may be replaced (io/publish.ts).
  await recoverHalfOutputs(options.output ?? options.outDir!, [...outputs, ...maybe]);
  await checkOutputs(outputs, inputs, options.force, maybe);
  const workflow = await prepareWorkflow(options, [options.base, options.mine, options.theirs, ...baseFrom]);

  // The inputs' zips store most files alike: each such entry is inflated once for all of them.
  let same: SameDataCache | undefined = new SameDataCache();
  const read = async (p: string, role: 'base' | 'mine' | 'theirs') => {
    const tree = await readRole(p, role, options.limits, options.allowEmpty === true, same);
    if (options.output !== undefined) checkZipEntryCount(tree, role, p);
    return tree;
  };
  const [mine, theirs] = await allInOrder([read(options.mine, 'mine'), read(options.theirs, 'theirs')]);
  const storeDir = resolveStoreDir(options.store);
  const basis = await resolveBase(
    { base: options.base, baseFrom, store: options.useStore === false ? undefined : storeDir },
    mine,
    theirs,
    read,
  );
  // Every input is read: the cache would keep each inflated entry's bytes alive through the merge (releaseInputs).
  same = undefined;
  const labels: Labels = {
    mine: `mine (${path.basename(options.mine)})`,
    base: `base (${basis.label})`,
    theirs: `theirs (${path.basename(options.theirs)})`,
  };
  // Read from the inputs' bytes before the merge, which may drop them (releaseInputs below).
  const inputInfos = {
    base: basis.kind === 'given' || basis.kind === 'store' ? inputInfo(basis.tree) : null,
    mine: inputInfo(mine),
    theirs: inputInfo(theirs),
  };
  const sameInputs =
    basis.kind === 'given' ? findSameInputs({ base: options.base!, mine: options.mine, theirs: options.theirs }, { base: basis.tree, mine, theirs }) : [];
  // Only the zip writer reads the trees after the merge, and for a text-merged path it writes the merged bytes: the
  // inputs' bytes of such a path can go once decoded (peak memory). A working folder, or theirs stored as a
  // baseline, still needs them.
  const releaseInputs = options.outDir === undefined && !options.saveBaseline;
  const merged = mergeWithBasis(
    basis,
    mine,
    theirs,
    { style: options.conflictStyle, labels, ignoreWhitespace: options.ignoreWhitespace, preferBinary: options.preferBinary, renames: options.renames, granularity: options.granularity, strategyFor: workflow.strategyFor, onProgress: options.onProgress, releaseInputs },
  );
  const { outcomes, dirs, trees, layout } = merged;
  // Large merged files are compressed on libuv's pool while the conflict sites and the report are worked out.
  if (options.output !== undefined) for (const o of outcomes) if (o.text && o.output) deflateAhead(o.output);
  const conflictFiles = await workflow.reuse(outcomes);
  // Saved before the outputs: the vendor's export is worth keeping whatever becomes of this merge.
  const saved = options.saveBaseline
    ? await store().saveBaseline(storeDir, theirs, { name: options.baselineName, source: path.basename(options.theirs) })
    : undefined;

  const asideDir = keptAsideDir(options.output ?? options.outDir!);
  const { files: aside, nameOf: asideRel } = asideFiles(outcomes);
  if (aside.size) await checkMayReplace(asideDir, options.force);

  const report = buildReport(outcomes, {
    version: options.version,
    inputs: inputInfos,
    output: { archive: options.output ?? null, keptAside: aside.size ? asideDir : null, workdir: options.outDir ?? null },
    style: options.conflictStyle,
    keptAsidePath: (p, as) => path.join(path.basename(asideDir), ...asideRel(p, as).split('/')),
    layout,
    base: baseReport(basis, merged, { theirs: options.theirs, store: storeDir, saved, candidatePaths: baseFrom }),
    baseFrom: merged.baseFrom,
    ...(options.outDir || options.output ? { work: options.outDir ?? workFolderFor(options.output!) } : {}),
    shell: userShell(),
  });

  if (sameInputs.length) report.sameInputs = sameInputs;

  const reportText = options.report ? renderReport(report, outcomes, options) : undefined;
  const zipTree = outputTree(trees, outcomes, dirs, options.nameEncoding);
  await writeAll([
    ...(options.output ? [{ target: options.output, write: async (t: string) => void (await writeZip(zipTree, t)) }] : []),
    ...(options.outDir
      ? [{
          target: options.outDir,
          isDir: true,
          write: (t: string) =>
            workflow.writeWorkdir(t, {
              output: zipTree,
              outcomes,
              trees,
              conflictFiles,
              report,
              inputs: { base: options.base ?? null, mine: options.mine, theirs: options.theirs },
              conflictStyle: options.conflictStyle,
              version: options.version,
            }),
        }]
      : []),
    ...(aside.size ? [{ target: asideDir, isDir: true, write: (t: string) => writeDirAtomic(t, aside) }] : []),
    ...(options.report && reportText !== undefined
      ? [{ target: options.report, write: (t: string) => writeFileAtomic(t, reportText) }]
      : []),
  ], options.force);
  return { report };
}

/**
 * The files of MERGED.conflicts/: `<kind>/<path>`, the extension kept so a saved image still opens by double-click.
 * Two names that differ only in letter case (or Unicode form) would overwrite each other on Windows, so a later one
 * gets '~2', '~3'… before its extension.
 */
function asideFiles(outcomes: readonly FileOutcome[]): { files: Map<string, Uint8Array>; nameOf: (p: string, as: AsideKind) => string } {
  const files = new Map<string, Uint8Array>();
  const names = new Map<string, string>();
  const taken = new Set<string>();
  for (const o of outcomes) {
    // A name Windows cannot create is saved under one it can ('aux.html' → 'aux_.html'), so the folder extracts.
    const safe = windowsSafePath(o.path);
    for (const copy of o.aside ?? []) {
      let rel = `${copy.as}/${safe}`;
      const ext = path.posix.extname(rel);
      for (let n = 2; taken.has(nameKey(rel)); n++) rel = `${copy.as}/${safe.slice(0, safe.length - ext.length)}~${n}${ext}`;
      taken.add(nameKey(rel));
      names.set(`${copy.as}\u0000${o.path}`, rel);
      files.set(rel, copy.bytes);
    }
  }
  return { files, nameOf: (p, as) => names.get(`${as}\u0000${p}`)! };
}

export type ReportFormat = 'html' | 'json' | 'text';

/** The report file's format: `forced`, else by extension (.html/.htm: HTML, .txt: the summary text), else JSON. */
export function reportFormat(file: string, forced?: ReportFormat): ReportFormat {
  if (forced) return forced;
  const ext = path.extname(file).toLowerCase();
  return ext === '.html' || ext === '.htm' ? 'html' : ext === '.txt' ? 'text' : 'json';
}

function renderReport(report: Report, outcomes: readonly FileOutcome[], options: MergeOptions): string {
  const lang = options.lang ?? 'en';
  const format = reportFormat(options.report!, options.reportFormat);
  switch (format) {
    case 'html':
      {
        // The HTML renderer is required only for an HTML report (src/lazy.ts).
        const { collectMergedTexts, renderHtml } = require('../report/html') as typeof import('../report/html');
        return renderHtml(report, collectMergedTexts(outcomes), lang);
      }
    case 'text':
      return renderSummary(report, lang);
    case 'json':
      return JSON.stringify(report, null, 2) + '\n';
    default: {
      const never: never = format;
      throw new Error(`unknown report format ${String(never)}`);
    }
  }
}

/** Promise.all, except that the error thrown is the first in argument order, so a message never depends on timing. */
async function allInOrder<T>(promises: Promise<T>[]): Promise<T[]> {
  const settled = await Promise.allSettled(promises);
  for (const s of settled) if (s.status === 'rejected') throw s.reason;
  return settled.map((s) => (s as PromiseFulfilledResult<T>).value);
}

async function readRole(p: string, role: 'base' | 'mine' | 'theirs', limits?: ReadOptions, allowEmpty = false, same?: SameDataCache): Promise<Tree> {
  let tree: Tree;
  try {
    tree = await readTree(p, limits, same);
  } catch (e) {
    if (e instanceof CabinetError) throw e.withContext(role);
    throw e;
  }
  // A working folder given as an input (WORK is a folder of the merged files): its state folder is the tool's, not
  // the cabinet's, and must not be merged into the output.
  if (tree.kind === 'folder') {
    const own = (q: string) => q === STATE_DIR || q.startsWith(STATE_DIR + '/');
    for (const q of [...tree.files.keys()]) if (own(q)) tree.files.delete(q);
    for (const d of [...tree.dirs]) if (own(d)) tree.dirs.delete(d);
  }
  // A side without a single file (an empty zip, only folders) would merge as "every file deleted" without a word:
  // almost surely the wrong file was given. --allow-empty accepts it.
  if (tree.files.size === 0 && !allowEmpty) {
    throw new CabinetError('input-empty', {
      en: `${role}: ${p}: holds no files at all${tree.dirs.size ? ` (only ${tree.dirs.size} empty folders)` : ''}, so the merge would treat every file as deleted. Check that this is the right export; if it really is empty, add --allow-empty`,
      ru: `${role}: ${p}: в нём нет ни одного файла${tree.dirs.size ? ` (только пустые папки: ${tree.dirs.size})` : ''}, и слияние сочло бы все файлы удалёнными. Проверьте, та ли это выгрузка; если она действительно пуста, добавьте --allow-empty`,
    });
  }
  return tree;
}

/**
 * The tree to write: theirs' name encoding and layout; each entry keeps the date of the entry it came from, and,
 * when its bytes are that entry's very bytes (a side taken unchanged), its stored data, so the zip writer copies it
 * instead of compressing it again.
 */
function outputTree(trees: Trees, outcomes: readonly FileOutcome[], dirs: string[], nameEncoding?: NameEncoding): OutputTree {
  const fallback = latestDate(trees.theirs);
  const files = outcomes
    .filter((o) => o.output !== undefined)
    .map((o): FileEntry => {
      const source = sourceEntry(trees, o);
      const file: FileEntry = { path: o.path, bytes: o.output!, date: source?.date ?? fallback };
      // A text merge's output is never an input's bytes (and those may be released: releaseInputs).
      if (!o.text && source?.raw && source.bytes === o.output) file.raw = source.raw;
      return file;
    });
  return { files, dirs, nameEncoding: nameEncoding ?? trees.theirs.nameEncoding, root: trees.theirs.root };
}

function latestDate(tree: Tree): Date {
  let latest = 0;
  for (const f of tree.files.values()) latest = Math.max(latest, f.date.getTime());
  // An empty vendor export has no dates; the DOS epoch keeps the output deterministic.
  return new Date(latest || Date.UTC(1980, 0, 1));
}

/** A report written into WORK would be packed into the cabinet as a file the admin added. */
async function checkReportOutsideWork(report: string, outDir: string): Promise<void> {
  const real = await realPathOf(report);
  const work = await realPathOf(outDir);
  if (real === work || real.startsWith(work + path.sep)) {
    throw new CabinetError('output-invalid', {
      en: `--report ${report}: inside the working folder ${outDir}; pack would put it into the cabinet. Write the report outside it`,
      ru: `--report ${report}: путь внутри рабочей папки ${outDir}; pack положил бы его в кабинет. Запишите отчёт вне её`,
    });
  }
}

/** Entries a classic zip can hold; the writer does not write ZIP64 (docs/errors.md says why). */
const CLASSIC_ZIP_ENTRIES = 0xffff;

/**
 * Refuses, right after reading, a side with more entries than the merged zip can hold, instead of running the whole
 * merge and failing in the writer. (Only reachable with --max-entries raised above its 50,000 default.)
 */
function checkZipEntryCount(tree: Tree, role: string, p: string): void {
  const entries = tree.files.size + tree.dirs.size;
  if (entries <= CLASSIC_ZIP_ENTRIES) return;
  throw new CabinetError('input-limit', {
    en: `${role}: ${p}: ${entries} files and folders, more than the ${CLASSIC_ZIP_ENTRIES} a merged zip can hold (cabinet-merge writes classic zips, no ZIP64). Merge into a folder with --out-dir instead, or split the cabinet`,
    ru: `${role}: ${p}: ${entries} файлов и папок — больше ${CLASSIC_ZIP_ENTRIES}, которые вмещает итоговый zip (cabinet-merge пишет обычный zip, без ZIP64). Объедините в папку через --out-dir или разделите кабинет`,
  });
}
