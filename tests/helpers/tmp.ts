/** Temporary folders for tests, removed after each test file. */
import { mkdtempSync, readdirSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import * as path from 'path';

const made: string[] = [];

/** A fresh empty folder under the OS temp dir; removed by cleanTempDirs(). */
export function tempDir(label = 'cabinet-merge'): string {
  const dir = mkdtempSync(path.join(tmpdir(), `${label}-`));
  made.push(dir);
  return dir;
}

export function cleanTempDirs(): void {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
}

/** Every file under a folder, as '/'-separated relative paths. */
export function walk(dir: string, prefix = ''): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? walk(path.join(dir, e.name), `${prefix}${e.name}/`) : [`${prefix}${e.name}`],
  );
}
