/**
 * `cabinet-merge merge`: read three cabinets, merge every path, write the merged archive, the kept-aside copies
 * and the report. Returns the report; throws CabinetError for anything the user must fix. Everything is built in
 * memory first and written last, each output atomically, so an error leaves no output behind.
 */

import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { readTree } from '../archive/read';
import type { NameEncoding, OutputTree, Tree } from '../archive/tree';
import { writeZip } from '../archive/write';
import { CabinetError } from '../errors';
import { writeDirAtomic, writeFileAtomic } from '../io/atomic';
import type { ConflictStyle, Labels } from '../merge3';
import { collectMergedTexts, renderHtml } from '../report/html';
import { buildReport, inputInfo, type Report } from '../report/model';
import { renderSummary } from '../report/text';
import { resolveStoreDir } from '../store/location';
import { saveBaseline } from '../store/store';
import { sourceEntry, type FileOutcome, type Trees } from '../tree/merge-tree';
import { baseReport, mergeWithBasis, resolveBase, splitBaseFrom } from './base-source';

export interface MergeOptions {
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
  /** The merged zip to write. */
  output: string;
  /** Where to write the report, if anywhere. */
  report?: string;
  /** The report's format; default: by the extension of `report` (reportFormat). */
  reportFormat?: ReportFormat;
  /** Language of an HTML or text report. */
  lang?: 'en' | 'ru';
  conflictStyle: ConflictStyle;
  /** Overwrite existing outputs. */
  force: boolean;
  version: string;
  ignoreWhitespace?: boolean;
  preferBinary?: 'mine' | 'theirs';
  /** Name encoding for the merged zip; default: as theirs stored its names. */
  nameEncoding?: NameEncoding;
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
  const outputs = [options.output, ...(options.report ? [options.report] : [])];
  const baseFrom = splitBaseFrom(options.baseFrom);
  const inputs = [options.base, options.mine, options.theirs, ...baseFrom].filter((p): p is string => p !== undefined);
  await checkOutputs(outputs, inputs, options.force);

  const [mine, theirs] = await Promise.all([readRole(options.mine, 'mine'), readRole(options.theirs, 'theirs')]);
  const storeDir = resolveStoreDir(options.store);
  const basis = await resolveBase(
    { base: options.base, baseFrom, store: options.useStore === false ? undefined : storeDir },
    mine,
    theirs,
    readRole,
  );
  const labels: Labels = {
    mine: `mine (${path.basename(options.mine)})`,
    base: `base (${basis.label})`,
    theirs: `theirs (${path.basename(options.theirs)})`,
  };
  const merged = mergeWithBasis(
    basis,
    mine,
    theirs,
    { style: options.conflictStyle, labels, ignoreWhitespace: options.ignoreWhitespace, preferBinary: options.preferBinary },
    baseFrom,
  );
  const { outcomes, dirs, trees, layout } = merged;
  // Saved before the outputs: the vendor's export is worth keeping whatever becomes of this merge.
  const saved = options.saveBaseline
    ? await saveBaseline(storeDir, theirs, { name: options.baselineName, source: path.basename(options.theirs) })
    : undefined;

  const asideDir = keptAsideDir(options.output);
  const aside = new Map<string, Uint8Array>();
  const asideName = new Map<string, string>();
  for (const o of outcomes) {
    if (!o.keptAside) continue;
    const rel = `${o.keptAsideAs ?? 'mine'}/${o.path}`;
    aside.set(rel, o.keptAside);
    asideName.set(o.path, path.join(path.basename(asideDir), ...rel.split('/')));
  }

  const report = buildReport(outcomes, {
    version: options.version,
    inputs: {
      base: basis.kind === 'given' || basis.kind === 'store' ? inputInfo(basis.tree) : null,
      mine: inputInfo(mine),
      theirs: inputInfo(theirs),
    },
    output: { archive: options.output, keptAside: aside.size ? asideDir : null },
    style: options.conflictStyle,
    keptAsidePath: (p) => asideName.get(p)!,
    layout,
    base: baseReport(basis, merged, { theirs: options.theirs, store: storeDir, saved, candidatePaths: baseFrom }),
    baseFrom: merged.baseFrom,
  });

  const reportText = options.report ? renderReport(report, outcomes, options) : undefined;
  await writeAll([
    { target: options.output, write: (t) => writeZip(outputTree(trees, outcomes, dirs, options.nameEncoding), t) },
    ...(aside.size ? [{ target: asideDir, write: (t: string) => writeDirAtomic(t, aside) }] : []),
    ...(options.report && reportText !== undefined
      ? [{ target: options.report, write: (t: string) => writeFileAtomic(t, reportText) }]
      : []),
  ]);
  return { report };
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
      return renderHtml(report, collectMergedTexts(outcomes), lang);
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

async function readRole(p: string, role: 'base' | 'mine' | 'theirs'): Promise<Tree> {
  try {
    return await readTree(p);
  } catch (e) {
    if (e instanceof CabinetError) throw e.withContext(`${role} (${p})`);
    throw e;
  }
}

/** The tree to write: theirs' name encoding and layout; each entry keeps the date of the entry it came from. */
function outputTree(trees: Trees, outcomes: readonly FileOutcome[], dirs: string[], nameEncoding?: NameEncoding): OutputTree {
  const fallback = latestDate(trees.theirs);
  const files = outcomes
    .filter((o) => o.output !== undefined)
    .map((o) => ({ path: o.path, bytes: o.output!, date: sourceEntry(trees, o)?.date ?? fallback }));
  return { files, dirs, nameEncoding: nameEncoding ?? trees.theirs.nameEncoding, root: trees.theirs.root };
}

function latestDate(tree: Tree): Date {
  let latest = 0;
  for (const f of tree.files.values()) latest = Math.max(latest, f.date.getTime());
  // An empty vendor export has no dates; the DOS epoch keeps the output deterministic.
  return new Date(latest || Date.UTC(1980, 0, 1));
}

interface PendingWrite {
  target: string;
  write: (target: string) => Promise<void>;
}

/** Writes each output; if one fails, removes those already written by this run, then rethrows. */
async function writeAll(writes: PendingWrite[]): Promise<void> {
  const done: string[] = [];
  try {
    for (const w of writes) {
      await w.write(w.target);
      done.push(w.target);
    }
  } catch (e) {
    for (const t of done) await fs.rm(t, { recursive: true, force: true });
    throw new CabinetError(
      'output-failed',
      {
        en: `Could not write the output (${(e as Error).message}). Nothing was written; check the folder and free space.`,
        ru: `Не удалось записать результат (${(e as Error).message}). Ничего не записано; проверьте папку и свободное место.`,
      },
      { cause: e },
    );
  }
}

/**
 * Refuses outputs that would overwrite or sit inside an input, outputs that exist (unless `force`), and outputs
 * whose folder does not exist.
 */
async function checkOutputs(outputs: string[], inputs: string[], force: boolean): Promise<void> {
  const resolvedInputs = inputs.map((p) => path.resolve(p));
  for (const out of outputs) {
    const abs = path.resolve(out);
    for (const input of resolvedInputs) {
      if (abs === input || abs.startsWith(input + path.sep)) {
        throw new CabinetError('output-invalid', {
          en: `Output ${out} would overwrite or land inside the input ${input}. Choose another output path.`,
          ru: `Результат ${out} перезаписал бы входные данные ${input} или попал бы внутрь них. Укажите другой путь.`,
        });
      }
    }
    const dir = path.dirname(abs);
    const dirStat = await fs.stat(dir).catch(() => undefined);
    if (!dirStat?.isDirectory()) {
      throw new CabinetError('output-invalid', {
        en: `The folder for ${out} does not exist (${dir}). Create it or choose another path.`,
        ru: `Папка для ${out} не существует (${dir}). Создайте её или укажите другой путь.`,
      });
    }
    if (!force && (await fs.stat(abs).catch(() => undefined))) {
      throw new CabinetError('output-exists', {
        en: `${out} already exists. Add --force to overwrite it, or choose another name.`,
        ru: `${out} уже существует. Добавьте --force, чтобы перезаписать, или укажите другое имя.`,
      });
    }
  }
}
