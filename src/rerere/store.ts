/**
 * The resolution store: a folder the admin keeps across vendor updates, one JSON file per recorded conflict,
 * named by its key (key.ts). Human-readable on purpose: an admin can open a file, see both sides and the chosen
 * lines, and delete it to forget a resolution.
 *
 * Location: --resolutions DIR; else the environment variable CABINET_MERGE_RESOLUTIONS; else the user's data
 * folder: %LOCALAPPDATA%\cabinet-merge\resolutions on Windows, $XDG_DATA_HOME/cabinet-merge/resolutions or
 * ~/.local/share/cabinet-merge/resolutions elsewhere.
 */

import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { CabinetError } from '../errors';
import { writeFileAtomic } from '../io/atomic';
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
  const data = env.XDG_DATA_HOME || path.posix.join(home, '.local', 'share');
  return path.posix.join(data, 'cabinet-merge', 'resolutions');
}

/** --resolutions, else the default. */
export function resolutionsDir(given: string | undefined): string {
  return given ?? defaultResolutionsDir();
}

function fileOf(dir: string, key: string): string {
  return path.join(dir, `${key}.json`);
}

function sameLines(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((l, i) => normaliseLine(l) === normaliseLine(b[i]));
}

/**
 * Reads the recorded resolutions for `keys` (missing ones are skipped). A file that is unreadable, not ours, or
 * whose sides do not match its key's conflict is ignored: a damaged store must never break a merge or, worse,
 * put wrong lines into one.
 */
export async function loadResolutions(
  dir: string,
  wanted: ReadonlyMap<string, { mine: readonly string[]; theirs: readonly string[] }>,
): Promise<Map<string, RecordedResolution>> {
  const found = new Map<string, RecordedResolution>();
  for (const [key, sides] of wanted) {
    let text: string;
    try {
      text = await fs.readFile(fileOf(dir, key), 'utf8');
    } catch {
      continue;
    }
    try {
      const r = JSON.parse(text) as RecordedResolution;
      if (
        r.schema === RESOLUTION_SCHEMA &&
        r.key === key &&
        Array.isArray(r.resolution) &&
        r.resolution.every((l) => typeof l === 'string') &&
        sameLines(r.mine, sides.mine) &&
        sameLines(r.theirs, sides.theirs)
      ) {
        found.set(key, r);
      }
    } catch {
      // not JSON: ignored, see above
    }
  }
  return found;
}

/** Writes resolutions into the store (creating it), each file atomically; an existing key is replaced. */
export async function recordResolutions(dir: string, records: readonly RecordedResolution[]): Promise<void> {
  if (records.length === 0) return;
  try {
    await fs.mkdir(dir, { recursive: true });
    for (const r of records) await writeFileAtomic(fileOf(dir, r.key), JSON.stringify(r, null, 2) + '\n');
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
