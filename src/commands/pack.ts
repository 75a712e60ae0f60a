/**
 * `cabinet-merge pack WORK -o MERGED.zip`: the working folder, as the admin left it, back into a zip in theirs'
 * layout (wrapper folder), name encoding and entry dates, each file in the format the merge recorded
 * (workdir/format.ts). The state folder is never packed. Files the admin added are packed (listed), removed ones
 * are left out (listed).
 *
 * Refuses — exit 1, nothing written — while conflict markers remain, a conflict waits for `resolve`, an edited
 * file holds a character its encoding cannot, or no longer parses / holds a key twice (workdir/checks.ts, the same
 * checks `status` makes); a file of the merge deleted in WORK needs --yes; --force packs anyway (markers as they are, undecided conflicts as
 * the merge left them, unencodable files as UTF-8 with BOM). After writing, records each edited conflict's
 * resolution in the resolution store (rerere) for the next merge.
 */

import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import type { ReadOptions } from '../archive/limits';
import type { FileEntry, OutputTree } from '../archive/tree';
import { writeZip } from '../archive/write';
import { CabinetError } from '../errors';
import { forget, removeOnInterrupt } from '../io/atomic';
import { realPathOf } from '../io/links';
import { AlreadyExists, publish } from '../io/publish';
import { outputTemp } from './outputs';
import { extractResolutions } from '../rerere/extract';
import { RESOLUTION_SCHEMA, recordResolutions, resolutionsDir, type RecordedResolution } from '../rerere/store';
import { type Unencodable } from '../workdir/format';
import { checkWorkdir, fileProblems, type WorkdirChecks } from '../workdir/checks';
import { inspectWorkdir, type Inspection } from '../workdir/inspect';
import { readPreimages, writeState } from '../workdir/state';
import type { Wording } from '../tree/status';
import { targetOf } from '../workdir/locate';
import { checkPlain, plainProblems, type PlainCheck } from '../workdir/plain';

export interface PackOptions {
  work: string;
  output: string;
  force: boolean;
  /** Pack although files of the merge were deleted in WORK (they are left out). */
  yes?: boolean;
  /** The resolution store; default: resolutionsDir(undefined). */
  resolutions?: string;
  limits?: ReadOptions;
}

export interface PackRun {
  kind: 'workdir';
  exitCode: 0 | 1;
  output: string;
  written: boolean;
  inspection: Inspection;
  /** What status checks too (workdir/checks.ts). */
  checks: WorkdirChecks;
  /** Not packed only because files were deleted in WORK and --yes was not given. */
  needsYes?: boolean;
  unencodable: ({ path: string } & Unencodable)[];
  /** Files whose format was put back (encoding, BOM, line ends), with what was done. */
  restored: { path: string; changes: Wording[] }[];
  /** Resolutions recorded for the next merge, and where. */
  recorded: number;
  store: string;
}

/** `pack` of a folder with no working-folder state (an export unzipped and edited by hand): checked, then zipped. */
export interface PlainPackRun {
  kind: 'plain';
  exitCode: 0 | 1;
  output: string;
  written: boolean;
  plain: PlainCheck;
}

export async function runPack(options: PackOptions): Promise<PackRun | PlainPackRun> {
  const work = path.resolve(options.work);
  const output = path.resolve(options.output);
  if ((await targetOf(options.work, 'pack')) === 'folder') return packPlain(options, work, output);
  const inspection = await inspectWorkdir(options.work, options.limits);
  const { state } = inspection;
  const replace = await checkPackOutput(work, output, state.packed ?? []);

  const checks = await checkWorkdir(inspection);
  const { restored, unencodable, texts } = checks;
  const files: FileEntry[] = [];
  for (const [p, f] of inspection.files) {
    const known = state.files[p];
    files.push({ path: p, bytes: checks.bytes.get(p)!, date: known ? new Date(known.date) : f.date });
  }
  files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));

  const store = resolutionsDir(options.resolutions);
  const blocked = inspection.markers.length + inspection.pending.length + fileProblems(checks) > 0;
  const run: PackRun = { kind: 'workdir', exitCode: 0, output: options.output, written: false, inspection, checks, unencodable, restored, recorded: 0, store };
  if (blocked && !options.force) return { ...run, exitCode: 1 };
  // A file deleted in WORK is left out of the zip, and the portal then has no such file: only on purpose (--yes).
  if (checks.deleted.length && !options.yes && !options.force) return { ...run, exitCode: 1, needsYes: true };

  const fileSet = new Set(files.map((f) => f.path));
  const emptied = emptiedByRemoval(files, state);
  const dirs = [...new Set([...state.layout.dirs, ...inspection.dirs])].filter((d) => !fileSet.has(d) && !emptied(d)).sort();
  const tree: OutputTree = { files, dirs, nameEncoding: state.layout.nameEncoding, root: state.layout.root };
  await publishZip(tree, output, replace);

  const records = await collectResolutions(inspection, texts);
  await recordResolutions(store, records);
  state.packed = [...new Set([...(state.packed ?? []), output])];
  await writeState(options.work, state);
  return { ...run, written: true, recorded: records.length };
}

/**
 * A folder without state: the checks of workdir/plain.ts, then the folder's content as it is (files, empty folders,
 * file dates; names as UTF-8, as Explorer writes them) — no format to restore, no resolutions to record. Refused
 * (exit 1, nothing written) while a check finds something, unless --force.
 */
async function packPlain(options: PackOptions, work: string, output: string): Promise<PlainPackRun> {
  const plain = await checkPlain(options.work, 'folder', options.limits);
  await checkPackOutput(work, output, []);
  const run: PlainPackRun = { kind: 'plain', exitCode: 0, output: options.output, written: false, plain };
  if (plainProblems(plain) > 0 && !options.force) return { ...run, exitCode: 1 };
  const { tree } = plain;
  const files = [...tree.files.values()].map((f) => ({ path: f.path, bytes: f.bytes, date: f.date })).sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  const fileSet = new Set(files.map((f) => f.path));
  const dirs = [...tree.dirs].filter((d) => !fileSet.has(d)).sort();
  await publishZip({ files, dirs, ...(tree.dirDates ? { dirDates: tree.dirDates } : {}), nameEncoding: 'utf8', root: '' }, output, false);
  return { ...run, written: true };
}

/**
 * A folder with no file left under it, although the merge put files there (all removed since, by `resolve` taking a
 * side that has none, or by hand): left out of the zip, as the merge itself would not write an empty folder for a
 * feature the vendor dropped. A folder that was empty in the merge's output (theirs had it empty) or that the
 * admin made in WORK is packed as it is.
 */
function emptiedByRemoval(files: readonly FileEntry[], state: Inspection['state']): (dir: string) => boolean {
  const ancestors = (paths: Iterable<string>) => {
    const out = new Set<string>();
    for (const p of paths) for (let i = p.indexOf('/'); i >= 0; i = p.indexOf('/', i + 1)) out.add(p.slice(0, i));
    return out;
  };
  const holding = ancestors(files.map((f) => f.path));
  const merged = ancestors([...Object.keys(state.files), ...Object.keys(state.conflicts)]);
  return (dir) => !holding.has(dir) && merged.has(dir);
}

/** Each conflict block the admin settled by editing, with what now stands in its place (rerere/extract.ts). */
async function collectResolutions(inspection: Inspection, texts: ReadonlyMap<string, string>): Promise<RecordedResolution[]> {
  const records: RecordedResolution[] = [];
  const now = new Date().toISOString();
  const marked = new Set(inspection.markers.map((m) => m.path));
  const preimages = await readPreimages(inspection.work);
  for (const [p, c] of Object.entries(inspection.state.conflicts)) {
    const final = texts.get(p);
    if (c.decision || !c.blocks?.length || final === undefined || marked.has(p)) continue;
    const preimage = preimages[p];
    if (preimage === undefined) continue;
    const found = extractResolutions(preimage, final, c.blocks);
    c.blocks.forEach((b, i) => {
      const resolution = found[i];
      if (resolution) records.push({ schema: RESOLUTION_SCHEMA, key: b.key, mine: b.mine, theirs: b.theirs, resolution, path: p, recorded: now });
    });
  }
  return records;
}

/**
 * Writes the zip under a temporary name, then puts it at `output` (io/publish.ts): exclusively — a file that
 * appeared at that name since the check above (another pack, the admin's copy) is never replaced, and the run stops
 * with "already exists" — unless `replace`: the name held a zip this folder packed before, which a re-pack renews.
 */
async function publishZip(tree: OutputTree, output: string, replace: boolean): Promise<void> {
  const tmp = outputTemp(output);
  removeOnInterrupt(tmp);
  try {
    await writeZip(tree, tmp);
    await publish(tmp, output, { replace, isDir: false });
  } catch (e) {
    if (e instanceof AlreadyExists) throw outputExists(output);
    throw e;
  } finally {
    await fs.rm(tmp, { force: true }).catch(() => undefined);
    forget(tmp);
  }
}

function outputExists(output: string): CabinetError {
  return new CabinetError('output-exists', {
    en: `${output} already exists and was not packed from this folder. Choose another name or remove it first.`,
    ru: `${output} уже существует и не был собран из этой папки. Укажите другое имя или сначала удалите его.`,
  });
}

/**
 * The zip must not land inside WORK (it would be packed next time) and must not replace a file pack did not write.
 * Returns whether `output` is a zip this folder packed before (a re-pack may replace it).
 */
async function checkPackOutput(work: string, output: string, packed: readonly string[]): Promise<boolean> {
  // Real paths: an output folder that is a link into WORK is inside WORK.
  const realWork = await realPathOf(work);
  const realOutput = await realPathOf(output);
  if (realOutput === realWork || realOutput.startsWith(realWork + path.sep)) {
    throw new CabinetError('output-invalid', {
      en: `${output}: inside the working folder; write the archive outside it (it would be packed into the next archive)`,
      ru: `${output}: путь внутри рабочей папки; запишите архив вне её (иначе он попадёт в следующий архив)`,
    });
  }
  const dir = await fs.stat(path.dirname(output)).catch(() => undefined);
  if (!dir?.isDirectory()) {
    throw new CabinetError('output-invalid', {
      en: `The folder for ${output} does not exist. Create it or choose another path.`,
      ru: `Папка для ${output} не существует. Создайте её или укажите другой путь.`,
    });
  }
  const existing = await fs.stat(output).catch(() => undefined);
  if (existing && (existing.isDirectory() || !packed.includes(output))) throw outputExists(output);
  return existing !== undefined;
}
