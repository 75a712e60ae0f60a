/**
 * Folder groups (issue 12): without a base, a vendor restructuring leaves a whole folder only in one export (the old
 * `ace/` with 153 files only in mine, or a new folder of hashed chunks only in theirs). Each such file is the same
 * decision, so reports show the folder as one item; the JSON report still lists every file.
 *
 * Contract: `groupByFolder(files)` → the largest folders whose every file has one groupable status ('only-mine' or
 * 'only-theirs') with nothing else to say (no conflict kind, no note), holding at least GROUP_MIN files; and the
 * files at the top (outside any folder) as one group with folder '' when every one of them has one such status (a
 * vendor build that now puts its hashed chunks at the top). Pure.
 */

import type { ConflictKind, FileStatus } from './status';

/** Statuses a folder group can have: files only one export has, the same decision for each. */
export type GroupStatus = 'only-mine' | 'only-theirs';

/** Fewer files than this stay single items: a group of two reads no faster than the two files. */
export const GROUP_MIN = 3;

export interface FolderGroup {
  /** The folder with its trailing slash: 'ace/'; '' for the files at the top (not those in folders below). */
  folder: string;
  status: GroupStatus;
  /** Every file of the group, in path order. */
  paths: string[];
}

interface GroupableFile {
  path: string;
  status: FileStatus;
  conflict?: ConflictKind;
  notes?: readonly unknown[];
}

function groupStatus(f: GroupableFile): GroupStatus | undefined {
  if (f.conflict !== undefined || (f.notes?.length ?? 0) > 0) return undefined;
  return f.status === 'only-mine' || f.status === 'only-theirs' ? f.status : undefined;
}

/** The folders of a path, outermost first: 'a/b/c.js' → ['a/', 'a/b/']. */
function foldersOf(p: string): string[] {
  const out: string[] = [];
  for (let i = p.indexOf('/'); i >= 0; i = p.indexOf('/', i + 1)) out.push(p.slice(0, i + 1));
  return out;
}

export function groupByFolder(files: readonly GroupableFile[]): FolderGroup[] {
  // Per folder: how many files it holds, and the one status they all have ('mixed' once two differ or one is not
  // groupable).
  const count = new Map<string, number>();
  const status = new Map<string, GroupStatus | 'mixed'>();
  for (const f of files) {
    const s = groupStatus(f) ?? 'mixed';
    for (const d of foldersOf(f.path)) {
      count.set(d, (count.get(d) ?? 0) + 1);
      const was = status.get(d);
      status.set(d, was === undefined || was === s ? s : 'mixed');
    }
  }
  const byFolder = new Map<string, FolderGroup>();
  for (const f of files) {
    const s = groupStatus(f);
    if (!s) continue;
    // The outermost folder whose files all share the status: the largest group this file can be in.
    const d = foldersOf(f.path).find((x) => status.get(x) === s);
    if (d === undefined || (count.get(d) ?? 0) < GROUP_MIN) continue;
    (byFolder.get(d) ?? byFolder.set(d, { folder: d, status: s, paths: [] }).get(d)!).paths.push(f.path);
  }
  const top = files.filter((f) => !f.path.includes('/'));
  const topStatus = top.length >= GROUP_MIN ? groupStatus(top[0]) : undefined;
  if (topStatus && top.every((f) => groupStatus(f) === topStatus)) byFolder.set('', { folder: '', status: topStatus, paths: top.map((f) => f.path) });
  const groups = [...byFolder.values()];
  for (const g of groups) g.paths.sort(cmp);
  return groups.sort((a, b) => cmp(a.folder, b.folder));
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
