/**
 * The baseline store: pristine vendor exports kept so that every future update is a three-way merge.
 *
 * Layout (content-addressed, so ten versions of a cabinet cost little more than one):
 *   DIR/blobs/ab/abcdef…     file contents, named by their SHA-256 (hex), fanned out by the first two digits
 *   DIR/baselines/<id>.json  one manifest per stored export (BaselineManifest)
 * A baseline's id is the start of the SHA-256 of its sorted path → hash list, so saving the same export twice
 * stores it once. Paths are kept relative to the export's content root (a wrapper folder such as 'lk/' is
 * recorded in `root`), so an export zipped with or without the wrapper matches the same baseline.
 *
 * Every write is atomic (io/atomic.ts): blobs first, the manifest last, so a manifest never names a blob that was
 * not completely written. Reading a baseline re-hashes every blob; a missing or altered blob makes the baseline
 * corrupt (`loadBaseline` says which paths), and the merge never uses a corrupt baseline.
 */

import { sha256 } from '../hash';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import type { FileEntry, NameEncoding, Tree } from '../archive/tree';
import { CabinetError } from '../errors';
import { writeFileAtomic } from '../io/atomic';
import {
  ShapeError,
  describeField,
  expectDate,
  expectHex,
  expectNumber,
  expectObject,
  expectOneOf,
  expectPathKeys,
  expectRelativePath,
  expectString,
  expectStrings,
  isHexDigest,
  parseOwnJson,
} from '../io/own-files';
import { readRegularFile, readRegularText } from '../io/read-regular';
import { contentRoot } from '../tree/align';

export const BASELINE_SCHEMA = 'cabinet-merge/baseline@1';

/** Hex digits of the manifest hash used as a baseline's id: short enough to type, 48 bits against collisions. */
const ID_LENGTH = 12;

export interface BaselineManifest {
  schema: typeof BASELINE_SCHEMA;
  id: string;
  name: string;
  /** ISO 8601 time of saving. */
  savedAt: string;
  /** The file or folder name the export was saved from. */
  source: string;
  /** How the export's zip stored entry names. */
  nameEncoding: NameEncoding;
  /** The wrapper folder stripped from every path ('' for none). */
  root: string;
  /** Relative path → SHA-256 (hex) of the file's bytes. */
  files: Record<string, string>;
  /** Explicit (e.g. empty) directories, relative like the paths. */
  dirs: string[];
  /** Total bytes of the files. */
  bytes: number;
}

export interface ManifestProblem {
  file: string;
  reason: string;
}

export { sha256 };

function blobPath(store: string, hash: string): string {
  // Manifests are checked on reading (checkManifest); this guard keeps any other caller from building a path from
  // something that is not a digest.
  if (!isHexDigest(hash)) throw new Error(`not a SHA-256 digest: ${JSON.stringify(hash).slice(0, 80)}`);
  return path.join(store, 'blobs', hash.slice(0, 2), hash);
}

function manifestDir(store: string): string {
  return path.join(store, 'baselines');
}

/** The tree's files keyed by path relative to its content root, with the root. */
export function relativeFiles(tree: Tree): { root: string; files: Map<string, FileEntry> } {
  const root = contentRoot(tree);
  if (root === '') return { root, files: tree.files };
  const cut = root.length + 1;
  return { root, files: new Map([...tree.files].map(([p, f]) => [p.slice(cut), f])) };
}

/** Relative path → SHA-256 of a tree's files. */
export function hashTree(tree: Tree): Map<string, string> {
  const out = new Map<string, string>();
  for (const [p, f] of relativeFiles(tree).files) out.set(p, sha256(f.bytes));
  return out;
}

/** The content id of a path → hash list. */
export function baselineId(files: ReadonlyMap<string, string> | Record<string, string>): string {
  const entries = files instanceof Map ? [...files] : Object.entries(files);
  const lines = entries.map(([p, h]) => `${p}\u0000${h}\n`).sort();
  return sha256(Buffer.from(lines.join(''), 'utf8')).slice(0, ID_LENGTH);
}

function storeError(store: string, what: string, e: unknown): CabinetError {
  const why = (e as NodeJS.ErrnoException).code ?? (e as Error).message;
  return new CabinetError(
    'store-failed',
    {
      en: `baseline store ${store}: cannot ${what} (${why}); check that the folder exists and that you may write to it, or choose another with --store`,
      ru: `хранилище баз ${store}: не удалось ${what === 'write' ? 'записать' : 'прочитать'} (${why}); проверьте папку и права на запись или укажите другую через --store`,
    },
    { cause: e },
  );
}

export interface SaveResult {
  manifest: BaselineManifest;
  /** False when the same export was already stored (its manifest is returned unchanged). */
  created: boolean;
  blobsWritten: number;
  blobsReused: number;
}

/**
 * Stores a tree as a baseline. A blob already present is re-hashed and rewritten if it was altered, so saving
 * repairs a damaged store.
 */
export async function saveBaseline(
  store: string,
  tree: Tree,
  meta: { name?: string; source: string; now?: Date },
): Promise<SaveResult> {
  const { root, files } = relativeFiles(tree);
  const hashes = new Map<string, string>();
  let bytes = 0;
  for (const [p, f] of files) {
    hashes.set(p, sha256(f.bytes));
    bytes += f.bytes.length;
  }
  const id = baselineId(hashes);
  const existing = (await listBaselines(store)).manifests.find((m) => m.id === id);

  let blobsWritten = 0;
  let blobsReused = 0;
  try {
    for (const [p, f] of files) {
      const hash = hashes.get(p)!;
      const target = blobPath(store, hash);
      const present = await readRegularFile(target).catch(() => undefined);
      if (present && sha256(present) === hash) {
        blobsReused++;
        continue;
      }
      await fs.mkdir(path.dirname(target), { recursive: true });
      await writeFileAtomic(target, f.bytes);
      blobsWritten++;
    }
  } catch (e) {
    throw storeError(store, 'write', e);
  }
  if (existing) return { manifest: existing, created: false, blobsWritten, blobsReused };

  const cut = root ? root.length + 1 : 0;
  const manifest: BaselineManifest = {
    schema: BASELINE_SCHEMA,
    id,
    name: meta.name || defaultName(meta.source),
    savedAt: (meta.now ?? new Date()).toISOString(),
    source: meta.source,
    nameEncoding: tree.nameEncoding,
    root,
    files: Object.fromEntries([...hashes].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))),
    dirs: [...tree.dirs].filter((d) => !root || d.startsWith(root + '/')).map((d) => d.slice(cut)).sort(),
    bytes,
  };
  try {
    await fs.mkdir(manifestDir(store), { recursive: true });
    await writeFileAtomic(path.join(manifestDir(store), `${id}.json`), JSON.stringify(manifest, null, 2) + '\n');
  } catch (e) {
    throw storeError(store, 'write', e);
  }
  return { manifest, created: true, blobsWritten, blobsReused };
}

/** 'NEW_VENDOR.zip' → 'NEW_VENDOR'. */
function defaultName(source: string): string {
  const base = path.basename(source);
  return base.replace(/\.zip$/i, '') || base;
}

/**
 * A parsed manifest → BaselineManifest, or a ShapeError naming the first bad field. A store may sit on a team drive
 * (docs/workflow.md), so a manifest is input from other people: its blob names become file names (they must be
 * SHA-256 digests, or `baseline remove` could delete any file), its paths become a Tree's paths.
 */
export function checkManifest(raw: unknown): BaselineManifest {
  const m = expectObject(raw, '');
  if (m.schema !== BASELINE_SCHEMA) throw new Error('not a cabinet-merge baseline manifest');
  expectHex(m.id, 'id', ID_LENGTH);
  expectString(m.name, 'name');
  expectDate(m.savedAt, 'savedAt');
  expectString(m.source, 'source');
  expectOneOf(m.nameEncoding, 'nameEncoding', ['utf8', 'cp866']);
  if (expectString(m.root, 'root') !== '') expectRelativePath(m.root, 'root');
  const files = expectObject(m.files, 'files');
  expectPathKeys(files, 'files');
  for (const [p, h] of Object.entries(files)) expectHex(h, describeField('files', p));
  expectStrings(m.dirs, 'dirs').forEach((d, i) => expectRelativePath(d, describeField('dirs', i)));
  expectNumber(m.bytes, 'bytes');
  return raw as BaselineManifest;
}

/** All readable manifests, oldest first; unreadable ones are listed as problems, never thrown. */
export async function listBaselines(store: string): Promise<{ manifests: BaselineManifest[]; problems: ManifestProblem[] }> {
  let names: string[];
  try {
    names = await fs.readdir(manifestDir(store));
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return { manifests: [], problems: [] };
    throw storeError(store, 'read', e);
  }
  const manifests: BaselineManifest[] = [];
  const problems: ManifestProblem[] = [];
  for (const name of names.filter((n) => n.endsWith('.json')).sort()) {
    const file = path.join(manifestDir(store), name);
    try {
      const m = checkManifest(parseOwnJson(await readRegularText(file)));
      if (m.id !== name.slice(0, -'.json'.length)) throw new Error(`its id ${m.id} is not its file name`);
      manifests.push(m);
    } catch (e) {
      problems.push({ file, reason: e instanceof ShapeError ? `${e.field}: ${e.why.en}` : (e as Error).message });
    }
  }
  manifests.sort((a, b) => (a.savedAt < b.savedAt ? -1 : a.savedAt > b.savedAt ? 1 : 0));
  return { manifests, problems };
}

/** A baseline by id, unique id prefix, or exact name; throws 'baseline-missing' when none or several match. */
export async function findBaseline(store: string, nameOrId: string): Promise<BaselineManifest> {
  const { manifests, problems } = await listBaselines(store);
  const byId = manifests.filter((m) => m.id === nameOrId);
  const matches = byId.length
    ? byId
    : manifests.filter((m) => m.name === nameOrId || (nameOrId.length >= 4 && m.id.startsWith(nameOrId.toLowerCase())));
  if (matches.length === 1) return matches[0];
  if (matches.length === 0) {
    // A damaged manifest is never used, but say so: it may be the one the user means.
    const damaged = problems.map((p) => `${p.file}: ${p.reason}`).join('; ');
    const en = damaged ? ` (unreadable or damaged manifests, not used: ${damaged})` : '';
    const ru = damaged ? ` (повреждённые или нечитаемые описания, не используются: ${damaged})` : '';
    throw new CabinetError('baseline-missing', {
      en: `no stored baseline is named or has the id '${nameOrId}' in ${store}${en}; see: cabinet-merge baseline list`,
      ru: `в хранилище ${store} нет базы с именем или идентификатором '${nameOrId}'${ru}; см. cabinet-merge baseline list`,
    });
  }
  const ids = matches.map((m) => `${m.id} (${m.name}, ${m.savedAt})`).join('; ');
  throw new CabinetError('baseline-missing', {
    en: `'${nameOrId}' matches several baselines: ${ids}. Name one by its id.`,
    ru: `'${nameOrId}' подходит к нескольким базам: ${ids}. Укажите идентификатор.`,
  });
}

export interface RemoveResult {
  removed: BaselineManifest;
  /** Blobs no other baseline used, deleted with it. */
  blobsDeleted: number;
  /** Set when unreadable manifests made it unsafe to delete blobs (they might use them). */
  blobsKept: boolean;
}

/** Removes a baseline and the blobs only it used. */
export async function removeBaseline(store: string, nameOrId: string): Promise<RemoveResult> {
  const removed = await findBaseline(store, nameOrId);
  try {
    await fs.rm(path.join(manifestDir(store), `${removed.id}.json`));
  } catch (e) {
    throw storeError(store, 'write', e);
  }
  const { manifests, problems } = await listBaselines(store);
  if (problems.length) return { removed, blobsDeleted: 0, blobsKept: true };
  const used = new Set<string>();
  for (const m of manifests) for (const h of Object.values(m.files)) used.add(h);
  let blobsDeleted = 0;
  for (const hash of new Set(Object.values(removed.files))) {
    if (used.has(hash)) continue;
    await fs.rm(blobPath(store, hash), { force: true });
    blobsDeleted++;
  }
  return { removed, blobsDeleted, blobsKept: false };
}

export type LoadResult = { ok: true; tree: Tree } | { ok: false; corrupt: string[] };

/**
 * Reads a baseline back as a Tree (source `baseline '<name>' (<id>)`), verifying every blob's hash. Any missing or
 * altered blob → { ok: false, corrupt: the paths affected }.
 */
export async function loadBaseline(store: string, m: BaselineManifest): Promise<LoadResult> {
  const date = new Date(m.savedAt);
  const files = new Map<string, FileEntry>();
  const corrupt: string[] = [];
  const cache = new Map<string, Uint8Array | null>();
  for (const [p, hash] of Object.entries(m.files)) {
    let bytes = cache.get(hash);
    if (bytes === undefined) {
      const read = await readRegularFile(blobPath(store, hash)).catch(() => undefined);
      bytes = read && sha256(read) === hash ? new Uint8Array(read) : null;
      cache.set(hash, bytes);
    }
    if (bytes === null) corrupt.push(p);
    else files.set(p, { path: p, bytes, date });
  }
  if (corrupt.length) return { ok: false, corrupt };
  return {
    ok: true,
    tree: {
      source: `baseline '${m.name}' (${m.id})`,
      kind: 'folder',
      files,
      dirs: new Set(m.dirs),
      nameEncoding: m.nameEncoding,
      root: '',
    },
  };
}
