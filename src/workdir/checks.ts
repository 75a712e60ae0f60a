/**
 * Every check `pack` makes before it writes, in one place, so that `status` makes the same ones and "all resolved"
 * means `pack` will pass (issue 15 point 5):
 *  - each file back in its recorded format (format.ts); a character the encoding cannot hold is a problem;
 *  - format checks (formats/checks.ts) on every file the admin touched (edited, added, or a conflict settled by
 *    editing): JSON still parses and holds no key twice, HTML/XML no attribute twice in a tag, CSS and JS still
 *    parse, YAML parses — judged against the sides of the conflict when there are some, so a fault an input already had is not
 *    blamed on the admin;
 *  - files deleted in WORK outside conflicts (left out of the zip: `pack` wants --yes for that) and files edited
 *    outside conflicts (packed as edited: listed, so a slip of the hand shows).
 * Reads the conflicts' sides from the state folder; otherwise works on the inspection.
 */

import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { windowsPathProblem } from '../archive/names';
import { nameKey } from '../tree/align';
import { checkCss, checkHtml, checkJs, checkJson, checkXml, checkYaml } from '../formats/checks';
import type { CheckFailure } from '../formats/types';
import type { Wording } from '../tree/status';
import { readEdited, restoreFormat, type Unencodable } from './format';
import type { Inspection } from './inspect';
import { sidePath, SIDES } from './state';

export interface WorkdirChecks {
  /** The bytes to pack for each file of WORK, in its recorded format (UTF-8 with BOM where it cannot be). */
  bytes: Map<string, Uint8Array>;
  /** The text of each text file as packed (for recording resolutions). */
  texts: Map<string, string>;
  unencodable: ({ path: string } & Unencodable)[];
  /** Files whose format was put back (encoding, BOM, line ends), with what was done. */
  restored: { path: string; changes: Wording[] }[];
  /** Files that no longer parse, or hold a key / an attribute twice. */
  invalid: { path: string; problem: CheckFailure }[];
  /** Files of the merge deleted in WORK, not conflicts: left out of the zip. */
  deleted: string[];
  /** Files of the merge edited in WORK, not conflicts: packed as edited. */
  editedOutside: string[];
}

type Check = (merged: string, inputs: readonly string[], name?: string) => CheckFailure | null;

const CHECKS: Record<string, Check> = {
  '.json': checkJson,
  '.html': checkHtml,
  '.htm': checkHtml,
  '.xml': checkXml,
  '.css': checkCss,
  '.js': checkJs,
  '.yml': checkYaml,
  '.yaml': checkYaml,
};

/**
 * The reference for a file with no sides to compare with (edited outside a conflict, or added): checkJson judges a
 * text only against inputs, and allows comments and trailing commas when an input has them. Vendor settings files
 * often do, and a file the admin edits keeps the dialect it had; so the reference is an empty object with a comment.
 * A missing comma or bracket fails in that dialect too, and any key twice is reported.
 */
const JSONC_REFERENCE = '// reference: JSON with comments\n{}';

function extOf(p: string): string {
  return path.posix.extname(p).toLowerCase();
}

/**
 * The format check of `p`'s kind on `text` (null when it passes or the kind has none), judged against `sides` (the
 * texts of the conflict's sides) when there are some, else against a reference that allows what vendors' files use.
 */
export function formatProblem(p: string, text: string, sides: readonly string[]): CheckFailure | null {
  const check = CHECKS[extOf(p)];
  if (!check) return null;
  const inputs = sides.length ? sides : check === checkJson ? [JSONC_REFERENCE] : [];
  return check(text, inputs, path.posix.basename(p));
}

async function sideTexts(i: Inspection, p: string): Promise<string[]> {
  const c = i.state.conflicts[p];
  const texts: string[] = [];
  for (const side of SIDES) {
    const s = c?.sides[side];
    if (!s) continue;
    const bytes = await fs.readFile(sidePath(i.work, side, p)).catch(() => undefined);
    const text = bytes && readEdited(bytes, s.text);
    if (text) texts.push(text.text);
  }
  return texts;
}

export async function checkWorkdir(i: Inspection): Promise<WorkdirChecks> {
  const { state } = i;
  const out: WorkdirChecks = { bytes: new Map(), texts: new Map(), unencodable: [], restored: [], invalid: [], deleted: [], editedOutside: [] };
  const marked = new Set(i.markers.map((m) => m.path));
  const edited = new Set(i.edited);
  const added = new Set(i.added);
  for (const [p, f] of i.files) {
    const known = state.files[p];
    let bytes = f.bytes;
    let text: string | undefined;
    const untouched = !edited.has(p) && !added.has(p) && state.conflicts[p] === undefined;
    if (known?.text && untouched) {
      // The very bytes the merge wrote in this format (same sha256): nothing to put back, no text needed (nothing
      // checks or records an untouched file). Decoding and re-encoding each was most of pack's time on a large tree.
    } else if (known?.text) {
      const r = restoreFormat(f.bytes, known.text);
      if (r.ok) {
        bytes = r.bytes;
        text = r.text;
        if (r.changes.length) out.restored.push({ path: p, changes: r.changes });
      } else {
        out.unencodable.push({ path: p, ...r.problem });
        bytes = r.utf8;
        text = r.text;
      }
    } else if (added.has(p)) {
      text = readEdited(f.bytes, undefined)?.text;
    }
    out.bytes.set(p, bytes);
    if (text !== undefined) out.texts.set(p, text);

    const conflict = state.conflicts[p];
    const touched = edited.has(p) || added.has(p) || (conflict !== undefined && !conflict.decision);
    if (text !== undefined && touched && CHECKS[extOf(p)] && !marked.has(p)) {
      const problem = formatProblem(p, text, conflict ? await sideTexts(i, p) : []);
      if (problem) out.invalid.push({ path: p, problem });
    }
    if (edited.has(p) && !conflict) out.editedOutside.push(p);
  }
  out.invalid.push(...nameProblems(i));
  out.deleted = i.removed.filter((p) => !state.conflicts[p]);
  return out;
}

/**
 * Files added to WORK whose names Windows could not extract from the archive: a device name or a trailing dot or
 * space in any folder of the path, or a twin of another file's path that differs only in letter case or Unicode
 * form (NFC/NFD). The merge keeps such names out of its own output (tree/merge-tree.ts); a file the admin adds
 * gets the same rule here, as a problem `pack` refuses without --force.
 */
function nameProblems(i: Inspection): WorkdirChecks['invalid'] {
  const out: WorkdirChecks['invalid'] = [];
  const byKey = new Map<string, string[]>();
  for (const p of [...i.files.keys()].sort()) {
    const k = nameKey(p);
    byKey.set(k, [...(byKey.get(k) ?? []), p]);
  }
  for (const p of i.added) {
    const bad = windowsPathProblem(p);
    if (bad) {
      out.push({
        path: p,
        problem: {
          en: `Windows cannot create '${bad.segment}' (${bad.why.en}), so Explorer could not extract it — rename it`,
          ru: `Windows не может создать '${bad.segment}' (${bad.why.ru}), поэтому Проводник не сможет его извлечь — переименуйте`,
        },
      });
      continue;
    }
    const twin = (byKey.get(nameKey(p)) ?? []).find((q) => q !== p);
    if (twin !== undefined) {
      out.push({
        path: p,
        problem: {
          en: `its name differs from '${twin}' only in letter case or Unicode form, which Windows treats as one name — rename or remove one`,
          ru: `имя отличается от '${twin}' только регистром букв или формой Unicode, а для Windows это одно имя — переименуйте или удалите один из файлов`,
        },
      });
    }
  }
  return out;
}

/** What blocks `pack` without --force (problems in files), apart from markers and pending decisions. */
export function fileProblems(c: WorkdirChecks): number {
  return c.unencodable.length + c.invalid.length;
}
