/**
 * What issue 6 adds to `merge`, kept out of commands/merge.ts so that file only wires it in:
 * - the rules file (src/rules/) → `strategyFor` for the tree merge;
 * - re-applying recorded resolutions (rerere/apply.ts) to the outcomes, before the report is built;
 * - `--out-dir WORK`: the working folder (create.ts), checked before any input is read.
 */

import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { CabinetError } from '../errors';
import { realPathOf } from '../io/links';
import { isHalfOutput } from '../io/publish';
import { nameTooLong } from '../commands/outputs';
import { applyResolutions, collectConflicts, wantedKeys, type ConflictFile } from '../rerere/apply';
import { loadRules, strategyFor, type Rules } from '../rules/rules';
import type { FileOutcome } from '../tree/merge-tree';
import type { StrategyFor } from '../tree/strategy';
import type { WorkdirInput } from './create';
import { lazy } from '../lazy';

/** Needed only with conflicts to look up, or with --out-dir: required then (start-up time, docs/performance.md). */
const rerereStore = lazy(() => require('../rerere/store') as typeof import('../rerere/store'));
const create = lazy(() => require('./create') as typeof import('./create'));

export interface WorkflowOptions {
  /** Write the merged tree and its state into this folder (it must not exist or be empty). */
  outDir?: string;
  /** The rules file; default: cabinet-merge.json in the current directory, if there is one. */
  rules?: string;
  /** The resolution store; default: rerere/store.ts defaultResolutionsDir. */
  resolutions?: string;
  /** Re-apply recorded resolutions (default true). */
  reuseResolutions?: boolean;
}

export interface Workflow {
  rules?: Rules;
  strategyFor: StrategyFor;
  /** Collects the conflicted files (preimages) and re-applies recorded resolutions to `outcomes`. */
  reuse(outcomes: FileOutcome[]): Promise<ConflictFile[]>;
  writeWorkdir(target: string, input: WorkdirInput): Promise<void>;
}

export async function prepareWorkflow(options: WorkflowOptions, inputs: readonly (string | undefined)[]): Promise<Workflow> {
  if (options.outDir !== undefined) await checkOutDir(options.outDir, inputs.filter((p): p is string => p !== undefined));
  const rules = await loadRules(options.rules);
  return {
    rules,
    strategyFor: strategyFor(rules),
    async reuse(outcomes) {
      // No store to look in and no working folder to write: nothing reads the sites or their keys (SHA-256, whose
      // node:crypto is then never loaded). The merged texts kept for them go, as collectConflicts lets them go.
      if (options.reuseResolutions === false && options.outDir === undefined) {
        for (const o of outcomes) delete o.mergedText;
        return [];
      }
      const files = collectConflicts(outcomes);
      if (options.reuseResolutions !== false && files.length > 0) {
        const { loadResolutions, resolutionsDir } = rerereStore();
        const found = await loadResolutions(resolutionsDir(options.resolutions), wantedKeys(files));
        if (found.size > 0) applyResolutions(outcomes, files, found);
      }
      return files;
    },
    async writeWorkdir(target, input) {
      await create().writeWorkdir(target, input);
    },
  };
}

/** WORK must not be or hold an input, and must not exist unless it is an empty folder (nothing of the admin's is replaced). */
async function checkOutDir(outDir: string, inputs: string[]): Promise<void> {
  // Real paths (links resolved, also above a WORK that does not exist yet): a parent that is a link into an input
  // would otherwise put WORK inside that input.
  const work = await realPathOf(outDir);
  for (const input of inputs) {
    const abs = await realPathOf(input);
    if (work === abs || abs.startsWith(work + path.sep) || work.startsWith(abs + path.sep)) {
      throw new CabinetError('output-invalid', {
        en: `--out-dir ${outDir}: overlaps the input ${input}; choose a new folder outside the inputs`,
        ru: `--out-dir ${outDir}: пересекается с входными данными ${input}; укажите новую папку вне входных данных`,
      });
    }
  }
  const existing = await fs.stat(work).catch((e: NodeJS.ErrnoException) => {
    if (e.code === 'ENAMETOOLONG') throw nameTooLong(`--out-dir ${outDir}`);
    return undefined;
  });
  if (existing && !existing.isDirectory()) {
    throw new CabinetError('output-invalid', {
      en: `--out-dir ${outDir}: this is a file, not a folder; give the name of a new folder`,
      ru: `--out-dir ${outDir}: это файл, а не папка; укажите имя новой папки`,
    });
  }
  const entries = await fs.readdir(work).catch((e: NodeJS.ErrnoException) => (e.code === 'ENOENT' ? [] : ['?']));
  if (entries.length > 0 && !isHalfOutput(outDir)) {
    throw new CabinetError('output-exists', {
      en: `--out-dir ${outDir}: already exists and is not empty (an earlier working folder?). Choose a new folder, or remove it once you no longer need its edits`,
      ru: `--out-dir ${outDir}: папка уже существует и не пуста (прежняя рабочая папка?). Укажите новую папку или удалите эту, когда её правки больше не нужны`,
    });
  }
  const parent = await fs.stat(path.dirname(work)).catch(() => undefined);
  if (!parent?.isDirectory()) {
    throw new CabinetError('output-invalid', {
      en: `--out-dir ${outDir}: the folder above it does not exist; create it first`,
      ru: `--out-dir ${outDir}: родительская папка не существует; сначала создайте её`,
    });
  }
}
