/**
 * Finding what the admin put in place of each conflict block (git rerere's postimage), by diffing the merged file
 * as written (the preimage, with its blocks) against the file as the admin left it.
 *
 * Lines outside the blocks that the admin did not touch map one to one; a block's resolution is everything between
 * the images of the line just before it and the line just after it. When the admin also changed one of those two
 * neighbours, where the resolution starts or ends is a guess, so nothing is extracted for that block (it is not
 * recorded, and the admin resolves it again next time — the safe side). A resolution that still holds a marker is
 * not one.
 */

import { diffIds, intern } from '../diff';
import { markerOf } from '../workdir/markers';
import { splitLines } from '../text/lines';
import { normaliseLine } from './key';
import type { ConflictSite } from './apply';

/** For each site: the resolution's lines, or undefined when it cannot be told (see above). */
export function extractResolutions(preimage: string, final: string, sites: readonly ConflictSite[]): (string[] | undefined)[] {
  const pre = splitLines(preimage).lines.map(normaliseLine);
  const post = splitLines(final).lines.map(normaliseLine);
  const { ids } = intern([pre, post]);
  const hunks = diffIds(ids[0], ids[1]);
  // image[i] = index in post of unchanged preimage line i, or -1.
  const image = new Int32Array(pre.length).fill(-1);
  let a = 0;
  let b = 0;
  for (const h of hunks) {
    for (; a < h.aStart; a++, b++) image[a] = b;
    a = h.aStart + h.aLen;
    b = h.bStart + h.bLen;
  }
  for (; a < pre.length; a++, b++) image[a] = b;

  return sites.map((s) => {
    const before = s.startLine - 2; // 0-based index of the line above `<<<<<<<`
    const after = s.endLine; // 0-based index of the line below `>>>>>>>`
    const from = before < 0 ? 0 : image[before] + 1;
    const to = after >= pre.length ? post.length : image[after];
    if ((before >= 0 && image[before] < 0) || (after < pre.length && image[after] < 0) || to < from) return undefined;
    const resolution = post.slice(from, to);
    if (resolution.some((l) => markerOf(l) !== undefined)) return undefined;
    return resolution;
  });
}
