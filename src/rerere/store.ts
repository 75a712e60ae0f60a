/**
 * The resolution store: a folder the admin keeps across vendor updates, one JSON file per recorded conflict and
 * file it was resolved in, named `<key>.<tag>.json` (key.ts; tag: the start of the SHA-256 of the file's path).
 * The key ignores the path on purpose (git rerere's does too: the same disagreement met elsewhere is the same
 * conflict), but the same lines can be settled one way in one file and another way in the next, so the store keeps
 * a resolution per file and the merge prefers the one recorded in the same file (rerere/apply.ts). Files named
 * `<key>.json` (recorded before the tag) are read as well. Human-readable on purpose: an admin can open a file, see
 * both sides, the chosen lines and where they were recorded, and delete it to forget a resolution.
 *
 * Location: --resolutions DIR; else the environment variable CABINET_MERGE_RESOLUTIONS; else the user's data
 * folder: %LOCALAPPDATA%\cabinet-merge\resolutions on Windows, $XDG_DATA_HOME/cabinet-merge/resolutions or
 * ~/.local/share/cabinet-merge/resolutions elsewhere.
 */

import { sha256 } from '../hash';
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { xdgDataHome } from '../store/location';
import { CabinetError } from '../errors';
import { writeFileAtomic } from '../io/atomic';
import { isHexDigest, parseOwnJson } from '../io/own-files';
import { readRegularText } from '../io/read-regular';
import { normaliseLine } from './key';

export const RESOLUTION_SCHEMA = 'cabinet-merge/resolution@1';

export interface RecordedResolution {
  schema: typeof RESOLUTION_SCHEMA;
  key: string;
  /** The conflict's sides, lines without terminators (normalised as in the key). */
  mine: string[];
  theirs: string[];
  /** The lines the admin put in the conflict's place (possibly none). */
  resolution: string[];
  /** Where it was recorded: the file's path in the cabinet and the time (ISO 8601). */
  path: string;
  recorded: string;
}

export function defaultResolutionsDir(
  env: NodeJS.ProcessEnv = process.env,
  platform: NodeJS.Platform = process.platform,
  home: string = os.homedir(),
): string {
  if (env.CABINET_MERGE_RESOLUTIONS) return env.CABINET_MERGE_RESOLUTIONS;
  if (platform === 'win32') {
    const local = env.LOCALAPPDATA || path.win32.join(home, 'AppData', 'Local');
    return path.win32.join(local, 'cabinet-merge', 'resolutions');
  }
  return path.posix.join(xdgDataHome(env, home), 'cabinet-merge', 'resolutions');
}

/** --resolutions, else the default. */
export function resolutionsDir(given: string | undefined): string {
  return given ?? defaultResolutionsDir();
}

/** Hex digits of the path's SHA-256 in a store file's name: enough to keep a cabinet's paths apart. */
const PATH_TAG_LENGTH = 12;

function fileOf(dir: string, key: string, recordedIn: string): string {
  // The key becomes a file name: only a digest (as key.ts makes them) may, never a path from a planted state.
  if (!isHexDigest(key)) throw new Error(`not a conflict key: ${JSON.stringify(key).slice(0, 80)}`);
  const tag = sha256(recordedIn).slice(0, PATH_TAG_LENGTH);
  return path.join(dir, `${key}.${tag}.json`);
}

/** The store's files for `key`: `<key>.json` (older stores) and `<key>.<tag>.json`. */
function filesOf(names: readonly string[], key: string): string[] {
  return names.filter((n) => n === `${key}.json` || (n.startsWith(`${key}.`) && n.endsWith('.json') && n.length === key.length + PATH_TAG_LENGTH + 6));
}

function sameLines(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((l, i) => normaliseLine(l) === normaliseLine(b[i]));
}

/**
 * Reads the recorded resolutions for the wanted keys — every file recorded for each (missing keys are skipped). A
 * file that is unreadable, not ours, or whose sides do not match its key's conflict is ignored: a damaged store
 * must never break a merge or, worse, put wrong lines into one. A store folder that does not exist holds nothing.
 */
export async function loadResolutions(
  dir: string,
  wanted: ReadonlyMap<string, { mine: readonly string[]; theirs: readonly string[] }>,
): Promise<Map<string, RecordedResolution[]>> {
  const found = new Map<string, RecordedResolution[]>();
  const names = await fs.readdir(dir).catch(() => [] as string[]);
  for (const [key, sides] of wanted) {
    for (const name of filesOf(names, key)) {
      const r = await readRecord(path.join(dir, name), key, sides);
      if (r) found.set(key, [...(found.get(key) ?? []), r]);
    }
  }
  return found;
}

async function readRecord(
  file: string,
  key: string,
  sides: { mine: readonly string[]; theirs: readonly string[] },
): Promise<RecordedResolution | undefined> {
  let text: string;
  try {
    text = await readRegularText(file);
  } catch {
    return undefined;
  }
  try {
    const r = parseOwnJson(text) as RecordedResolution;
    const valid =
      r.schema === RESOLUTION_SCHEMA &&
      r.key === key &&
      typeof r.path === 'string' &&
      typeof r.recorded === 'string' &&
      Array.isArray(r.resolution) &&
      r.resolution.every((l) => typeof l === 'string') &&
      Array.isArray(r.mine) &&
      Array.isArray(r.theirs) &&
      r.mine.every((l) => typeof l === 'string') &&
      r.theirs.every((l) => typeof l === 'string') &&
      sameLines(r.mine, sides.mine) &&
      sameLines(r.theirs, sides.theirs);
    return valid ? r : undefined;
  } catch {
    return undefined; // not JSON: ignored, see above
  }
}

/**
 * Writes resolutions into the store (creating it), each file atomically; one recorded earlier for the same key and
 * file is replaced (an older store's `<key>.json` too, when it was recorded in the same file).
 */
export async function recordResolutions(dir: string, records: readonly RecordedResolution[]): Promise<void> {
  if (records.length === 0) return;
  try {
    await fs.mkdir(dir, { recursive: true });
    for (const r of records) {
      await writeFileAtomic(fileOf(dir, r.key, r.path), JSON.stringify(r, null, 2) + '\n');
      const legacy = path.join(dir, `${r.key}.json`);
      const old = await readRecord(legacy, r.key, r);
      if (old?.path === r.path) await fs.rm(legacy, { force: true });
    }
  } catch (e) {
    throw new CabinetError(
      'output-failed',
      {
        en: `${dir}: the resolutions could not be recorded (${(e as NodeJS.ErrnoException).code ?? (e as Error).message}); the archive was written. Check the folder, or give another with --resolutions`,
        ru: `${dir}: не удалось сохранить решения конфликтов (${(e as NodeJS.ErrnoException).code ?? (e as Error).message}); архив записан. Проверьте папку или укажите другую в --resolutions`,
      },
      { cause: e },
    );
  }
}
