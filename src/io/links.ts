/**
 * Symbolic links (and Windows junctions) inside a folder the tool writes into: writing or deleting through one
 * would change a file outside the folder. `pack` refuses links (the folder walk in archive/read-folder.ts); `resolve`
 * and the other writers into WORK check the path they touch with firstLink first.
 */

import { promises as fs, realpathSync } from 'node:fs';
import * as path from 'node:path';

/**
 * The first part of `root`/`rel` (rel '/'-separated, already checked to be a safe relative path) below `root` that is
 * a symbolic link, as an absolute path; undefined when there is none. Parts that do not exist end the walk (nothing
 * below them can be a link).
 */
export async function firstLink(root: string, rel: string): Promise<string | undefined> {
  let at = root;
  for (const part of rel.split('/')) {
    at = path.join(at, part);
    const stat = await fs.lstat(at).catch(() => undefined);
    if (!stat) return undefined;
    if (stat.isSymbolicLink()) return at;
  }
  return undefined;
}

/**
 * The real path of `p` (links resolved) even when `p` does not exist yet: the real path of its nearest existing
 * ancestor, with the missing parts appended. Used to compare an output with the inputs. realpath(3) with a
 * synchronous call: a merge asks it for each input and output, and each awaited call was a trip to libuv's threads
 * (docs/performance.md, start-up); it opens nothing, so a FIFO on the way cannot block it.
 */
export async function realPathOf(p: string): Promise<string> {
  const abs = path.resolve(p);
  const missing: string[] = [];
  let at = abs;
  for (;;) {
    try {
      return path.join(realpathSync.native(at), ...missing.reverse());
    } catch {
      const parent = path.dirname(at);
      if (parent === at) return abs;
      missing.push(path.basename(at));
      at = parent;
    }
  }
}
