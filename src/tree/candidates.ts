/**
 * Choosing a base per file among candidate bases (`--base-from`), when the admin has no pristine copy of the
 * vendor's old export but can find other old vendor exports (another client's, a copy from the distribution).
 *
 * Heuristic: the base of a file is the candidate version closest to mine, because mine is the old vendor file
 * plus the admin's edits; the old vendor file is the candidate that differs from mine by the fewest lines.
 * - Distance = lines removed + lines added in a line diff (diff/diffIds) of the candidate against mine, lines
 *   compared without their terminators (an EOL-only difference costs nothing). Identical bytes: distance 0.
 * - Ties go to the earliest candidate in the order given, so the admin can rank candidates by trust.
 * - A file that is not text on either side (images, fonts) takes a candidate only if its bytes equal mine's:
 *   a binary diff has no useful distance.
 * - Only files mine has get a base: "closest to mine" means nothing for a file mine lacks, and such a file
 *   merged without a base is simply taken from theirs, which loses nothing.
 * Files no candidate has are merged without a base (tree/two-way.ts). Pure: no I/O.
 */

import { diffIds, intern } from '../diff';
import { decodeText } from '../text/encoding';
import { splitLines } from '../text/lines';
import { sameBytes } from './decide';

export interface ChosenBase {
  /** Index of the candidate in the order given. */
  candidate: number;
  bytes: Uint8Array;
  /** Differing lines between the candidate and mine (0 for identical bytes). */
  distance: number;
}

function textLines(bytes: Uint8Array): string[] | undefined {
  const d = decodeText(bytes);
  return d === undefined ? undefined : splitLines(d.text).lines;
}

/** Lines removed + lines added between two line lists. */
export function lineDistance(a: readonly string[], b: readonly string[]): number {
  const {
    ids: [x, y],
  } = intern([a, b]);
  let n = 0;
  for (const h of diffIds(x, y)) n += h.aLen + h.bLen;
  return n;
}

/**
 * The candidate version closest to mine, or undefined when none qualifies. `versions[i]` is candidate i's bytes
 * for this path (undefined when it lacks the path).
 */
export function chooseBase(mine: Uint8Array, versions: readonly (Uint8Array | undefined)[]): ChosenBase | undefined {
  let best: ChosenBase | undefined;
  let mineLines: string[] | undefined | null = null; // null: not decoded yet
  for (let i = 0; i < versions.length; i++) {
    const v = versions[i];
    if (v === undefined) continue;
    if (sameBytes(v, mine)) return { candidate: i, bytes: v, distance: 0 };
    if (mineLines === null) mineLines = textLines(mine);
    if (mineLines === undefined) continue; // binary mine: identical bytes or nothing
    const lines = textLines(v);
    if (lines === undefined) continue;
    const distance = lineDistance(lines, mineLines);
    if (best === undefined || distance < best.distance) best = { candidate: i, bytes: v, distance };
    if (distance === 0) break; // nothing later can beat it, and ties go to the earliest
  }
  return best;
}
