/**
 * Choosing a base per file among candidate bases (`--base-from`), when the admin has no pristine copy of the
 * vendor's old export but can find other old vendor exports (another client's, a copy from the distribution).
 *
 * Heuristic: the base of a file is the candidate version closest to mine **among those that differ from mine**,
 * because mine is the old vendor file plus the admin's edits; the old vendor file is the candidate that differs
 * from mine by the fewest lines — but not by none. A candidate identical to mine may be the real base (the admin
 * never touched the file) or an old copy of the admin's own export that already holds the edits; taken as base it
 * makes the merge take theirs whole, so the edits would be dropped without a word. So:
 * - Distance = lines removed + lines added in a line diff (diff/diffIds) of the candidate against mine, lines
 *   compared without their terminators (an EOL-only difference costs nothing, and counts as identical).
 * - The closest candidate with distance > 0 wins; ties go to the earliest candidate in the order given, so the
 *   admin can rank candidates by trust.
 * - Only when no candidate differs from mine is one identical to mine used (`equalsMine`): the admin most likely
 *   did not change that file. The caller (two-way.ts) notes it on the outcome when theirs differs, so the admin
 *   can check the files whose customisation, if any, the vendor's version replaced. A candidate that may be a
 *   copy of mine as a whole (`notWhereEqual`, store/match.ts 'maybe-copy') is never used where it equals mine:
 *   there its "base" is most likely the admin's own version.
 * - A file that is not text on mine's side (images, fonts) has no useful distance: the earliest candidate whose
 *   bytes differ from mine's, else one identical to mine.
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
  /** Differing lines between the candidate and mine (0: identical lines; binary: 0 identical, else Infinity). */
  distance: number;
  /** No candidate differed from mine, and this one is identical to it (see the header). */
  equalsMine: boolean;
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
 * The candidate version closest to mine that differs from it, else the earliest identical to it, else undefined
 * (see the header). `versions[i]` is candidate i's bytes for this path (undefined when it lacks the path);
 * `notWhereEqual[i]`: candidate i is never taken where it is identical to mine.
 */
export function chooseBase(
  mine: Uint8Array,
  versions: readonly (Uint8Array | undefined)[],
  notWhereEqual: readonly boolean[] = [],
): ChosenBase | undefined {
  let best: ChosenBase | undefined;
  let same: ChosenBase | undefined;
  let mineLines: string[] | undefined | null = null; // null: not decoded yet
  for (let i = 0; i < versions.length; i++) {
    const v = versions[i];
    if (v === undefined) continue;
    let distance: number;
    if (sameBytes(v, mine)) {
      distance = 0;
    } else {
      if (mineLines === null) mineLines = textLines(mine);
      const lines = mineLines === undefined ? undefined : textLines(v);
      // Binary mine: any difference is as far as any other. Text mine, binary candidate: not a version of it.
      if (mineLines === undefined) distance = Infinity;
      else if (lines === undefined) continue;
      else distance = lineDistance(lines, mineLines);
    }
    if (distance === 0) {
      if (!notWhereEqual[i]) same ??= { candidate: i, bytes: v, distance, equalsMine: true };
    } else if (best === undefined || distance < best.distance) {
      best = { candidate: i, bytes: v, distance, equalsMine: false };
    }
  }
  return best ?? same;
}
