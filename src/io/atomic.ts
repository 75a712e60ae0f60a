/**
 * Atomic writes for everything the tool outputs: content goes to a temporary name in the target's own folder and
 * is renamed over the target only when complete, so a crash, a full disk or Ctrl+C never leaves half a file under
 * the name the admin will open. Temporary files are removed on failure.
 */

import { randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';

/** A temporary sibling name for `target`: hidden, unique, recognisable. */
export function tempSibling(target: string): string {
  const dir = path.dirname(target);
  return path.join(dir, `.${path.basename(target)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
}

/** Writes `data` to `target` atomically (temp file, fsync, rename). */
export async function writeFileAtomic(target: string, data: Uint8Array | string): Promise<void> {
  const tmp = tempSibling(target);
  try {
    const handle = await fs.open(tmp, 'wx');
    try {
      await handle.writeFile(data);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await fs.rename(tmp, target);
  } catch (e) {
    await fs.rm(tmp, { force: true });
    throw e;
  }
}

/**
 * Writes a set of files under a new folder `target` atomically: they are written into a temporary sibling folder
 * which is then renamed to `target`. An existing `target` is replaced only after the new one is complete.
 */
export async function writeDirAtomic(target: string, files: ReadonlyMap<string, Uint8Array>): Promise<void> {
  const tmp = tempSibling(target);
  try {
    await fs.mkdir(tmp);
    for (const [rel, data] of files) {
      const file = path.join(tmp, ...rel.split('/'));
      await fs.mkdir(path.dirname(file), { recursive: true });
      await fs.writeFile(file, data);
    }
    await fs.rm(target, { recursive: true, force: true });
    await fs.rename(tmp, target);
  } catch (e) {
    await fs.rm(tmp, { recursive: true, force: true });
    throw e;
  }
}
