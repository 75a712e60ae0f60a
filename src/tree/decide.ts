/**
 * The per-path table (design.md, "Tree rules"), settled on bytes alone: most paths of a cabinet are decided here
 * without decoding anything. Only 'merge' (both sides changed a file, or added it differently) goes on to a
 * content strategy.
 */

import type { FileStatus } from './status';

/** A path's bytes on each side; undefined = absent on that side. */
export interface Triple {
  path: string;
  base?: Uint8Array;
  mine?: Uint8Array;
  theirs?: Uint8Array;
}

export type Decision =
  | { action: 'take'; from: 'mine' | 'theirs'; status: FileStatus }
  | { action: 'drop'; status: FileStatus }
  | { action: 'merge'; addAdd: boolean };

export function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && Buffer.compare(a, b) === 0;
}

/** Decides a path from presence and byte equality. */
export function decide(t: Triple): Decision {
  const { base, mine, theirs } = t;
  if (base === undefined) {
    if (mine !== undefined && theirs !== undefined) {
      return sameBytes(mine, theirs) ? { action: 'take', from: 'theirs', status: 'added-both' } : { action: 'merge', addAdd: true };
    }
    if (mine !== undefined) return { action: 'take', from: 'mine', status: 'added-mine' };
    if (theirs !== undefined) return { action: 'take', from: 'theirs', status: 'added-theirs' };
    throw new Error(`path ${t.path} is on no side`);
  }
  if (mine === undefined && theirs === undefined) return { action: 'drop', status: 'deleted-both' };
  if (mine === undefined) {
    return sameBytes(base, theirs!) ? { action: 'drop', status: 'deleted-mine' } : { action: 'take', from: 'theirs', status: 'delete-modify' };
  }
  if (theirs === undefined) {
    return sameBytes(base, mine) ? { action: 'drop', status: 'deleted-theirs' } : { action: 'take', from: 'mine', status: 'modify-delete' };
  }
  if (sameBytes(mine, theirs)) {
    return { action: 'take', from: 'theirs', status: sameBytes(base, mine) ? 'unchanged' : 'same-change' };
  }
  if (sameBytes(base, mine)) return { action: 'take', from: 'theirs', status: 'theirs' };
  if (sameBytes(base, theirs)) return { action: 'take', from: 'mine', status: 'mine' };
  return { action: 'merge', addAdd: false };
}
