/**
 * The checks `status` and `pack` can make on a folder or zip that has no working-folder state (issue 15 point 2):
 * an export unzipped, edited and perhaps re-zipped by hand. Without the state nobody knows what the merge wrote, what
 * the admin edited or what the vendor's files were, so only what needs none of that is checked:
 *  - conflict markers and half-resolved blocks in every text file (markers.ts);
 *  - the format checks (workdir/checks.ts's formatProblem) on every text file without markers: JSON parses (comments
 *    and trailing commas allowed, as vendors' settings files use them) and holds no key twice in an object; HTML and
 *    XML hold no attribute twice in a tag; CSS, JS and YAML parse;
 *  - a wrapper folder made by Windows Explorer: a zip whose files all sit in one folder named like the zip
 *    ("Send to → Compressed folder" on the unzipped folder instead of its contents) or in a folder inside a folder of
 *    the same name. Any other single top folder (a vendor's 'lk/') is only noted, and so is one in a folder: pack
 *    zips a folder's content, so its top folder is what the unzipped zip had.
 */

import * as path from 'node:path';
import { readTree } from '../archive/read';
import type { ReadOptions } from '../archive/limits';
import type { Tree } from '../archive/tree';
import type { CheckFailure } from '../formats/types';
import { contentRoot } from '../tree/align';
import { formatProblem } from './checks';
import { readEdited } from './format';
import type { MarkedFile } from './inspect';
import { hasMarkers, scanMarkers } from './markers';

export interface PlainCheck {
  /** What was checked, as the user named it. */
  target: string;
  kind: 'folder' | 'zip';
  tree: Tree;
  files: number;
  markers: MarkedFile[];
  invalid: { path: string; problem: CheckFailure }[];
  /** The folder every file sits in ('' for none), and whether it looks like Explorer's doing (a problem). */
  wrapper: { folder: string; explorer: boolean } | null;
}

/** A zip's name without the extension and without Explorer's " (2)" for a second copy. */
function zipStem(target: string): string {
  return path.basename(target).replace(/\.zip$/i, '').replace(/ \(\d+\)$/, '');
}

function wrapperOf(tree: Tree, target: string, kind: 'folder' | 'zip'): PlainCheck['wrapper'] {
  const root = contentRoot(tree);
  if (!root) return null;
  const parts = root.split('/');
  const same = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();
  // In a folder the top folder is what pack writes as the zip's top level, as it was in the zip unpacked: noted only.
  const explorer = kind === 'zip' && (same(parts[0], zipStem(target)) || (parts.length > 1 && same(parts[0], parts[1])));
  return { folder: root, explorer };
}

export async function checkPlain(target: string, kind: 'folder' | 'zip', limits?: ReadOptions): Promise<PlainCheck> {
  const tree = await readTree(target, limits);
  const markers: MarkedFile[] = [];
  const invalid: PlainCheck['invalid'] = [];
  for (const p of [...tree.files.keys()].sort()) {
    const text = readEdited(tree.files.get(p)!.bytes, undefined);
    if (!text) continue;
    const scan = scanMarkers(text.text);
    if (hasMarkers(scan)) {
      markers.push({ path: p, scan, conflicted: true });
      continue;
    }
    const problem = formatProblem(p, text.text, []);
    if (problem) invalid.push({ path: p, problem });
  }
  return { target, kind, tree, files: tree.files.size, markers, invalid, wrapper: wrapperOf(tree, target, kind) };
}

/** What makes `status` exit 1 and `pack` refuse without --force. */
export function plainProblems(c: PlainCheck): number {
  return c.markers.length + c.invalid.length + (c.wrapper?.explorer ? 1 : 0);
}
