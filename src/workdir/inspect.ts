/**
 * Reads a working folder and compares it with its state: which conflicts are settled, which files still hold
 * markers, which need a decision, what the admin added or removed. Shared by `status` and `pack`.
 */

import type { FileEntry } from '../archive/tree';
import { readTree } from '../archive/read';
import type { ReadOptions } from '../archive/limits';
import { CabinetError } from '../errors';
import { hasMarkers, scanMarkers, type MarkerScan } from './markers';
import { sha256 } from '../hash';
import { readEdited } from './format';
import { readState, STATE_DIR, type ConflictState, type KeptOutKind, type WorkState } from './state';

export interface MarkedFile {
  path: string;
  scan: MarkerScan;
  /** Whether the merge left conflicts in this file (else the markers were pasted in later). */
  conflicted: boolean;
}

export interface Inspection {
  work: string;
  state: WorkState;
  /** WORK's files, the state folder left out. */
  files: Map<string, FileEntry>;
  /** Empty folders in WORK. */
  dirs: Set<string>;
  markers: MarkedFile[];
  /** Conflicts that need `resolve` and have not had it. */
  pending: { path: string; conflict: ConflictState }[];
  /** Conflicts settled: markers edited out, or decided by `resolve`. */
  resolved: { path: string; conflict: ConflictState; how: 'edited' | 'decided' }[];
  /** Conflicts settled by recorded resolutions (for review), with their current state. */
  reused: { path: string; conflict: ConflictState; edited: boolean }[];
  added: string[];
  removed: string[];
  edited: string[];
  /** Files the merge kept out of the output (names Windows cannot hold beside the others): never packed. */
  keptOut: { path: string; as: KeptOutKind; saved: string }[];
}

export async function inspectWorkdir(work: string, limits?: ReadOptions): Promise<Inspection> {
  const state = await readState(work);
  let tree;
  try {
    tree = await readTree(work, limits);
  } catch (e) {
    throw e instanceof CabinetError ? e.withContext('WORK') : e;
  }
  const inState = (p: string) => p === STATE_DIR || p.startsWith(STATE_DIR + '/');
  const files = new Map([...tree.files].filter(([p]) => !inState(p)));
  const dirs = new Set([...tree.dirs].filter((d) => !inState(d)));

  const added: string[] = [];
  const edited: string[] = [];
  for (const [p, f] of files) {
    const known = state.files[p];
    if (!known) added.push(p);
    else if (known.sha256 !== sha256(f.bytes)) edited.push(p);
  }
  const removed = Object.keys(state.files).filter((p) => !files.has(p));

  const markers: MarkedFile[] = [];
  const toScan = new Set<string>([...added, ...edited]);
  for (const [p, c] of Object.entries(state.conflicts)) if (c.settle === 'markers' && !c.decision && files.has(p)) toScan.add(p);
  for (const p of [...toScan].sort()) {
    const text = readEdited(files.get(p)!.bytes, state.files[p]?.text ?? state.conflicts[p]?.sides.theirs?.text);
    if (!text) continue;
    const scan = scanMarkers(text.text);
    const c = state.conflicts[p];
    if (hasMarkers(scan)) markers.push({ path: p, scan, conflicted: c?.settle === 'markers' && (c.blocks?.length ?? 0) > (c.reused?.length ?? 0) });
  }

  const marked = new Set(markers.map((m) => m.path));
  const pending: Inspection['pending'] = [];
  const resolved: Inspection['resolved'] = [];
  const reused: Inspection['reused'] = [];
  for (const [p, c] of Object.entries(state.conflicts).sort(([a], [b]) => (a < b ? -1 : 1))) {
    if (c.reused?.length) reused.push({ path: p, conflict: c, edited: edited.includes(p) });
    const unreused = (c.blocks?.length ?? 0) - (c.reused?.length ?? 0);
    if (c.decision) resolved.push({ path: p, conflict: c, how: 'decided' });
    // A conflicted file that vanished from the folder is not a decision (an editor or a slip of the hand can delete
    // it): it waits for `resolve` like a binary conflict.
    else if (c.settle === 'decision' || !files.has(p)) pending.push({ path: p, conflict: c });
    else if (!marked.has(p) && unreused > 0) resolved.push({ path: p, conflict: c, how: 'edited' });
  }
  const keptOut = Object.entries(state.keptOut ?? {})
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([p, k]) => ({ path: p, as: k.as, saved: k.saved }));
  return { work, state, files, dirs, markers, pending, resolved, reused, added: added.sort(), removed: removed.sort(), edited: edited.sort(), keptOut };
}

/** Anything left for the admin: markers anywhere, or a conflict waiting for `resolve`. */
export function unresolvedCount(i: Inspection): number {
  return i.markers.length + i.pending.length;
}
