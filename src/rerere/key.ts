/**
 * The identity of a conflict, as git rerere's conflict ID (rerere.c, handle_path): a hash of the conflict's two
 * sides. The same disagreement between the admin's lines and the vendor's, met again in the next vendor release,
 * has the same key, wherever it sits in the file and whatever surrounds it.
 *
 * Normalised so that what does not change the meaning does not change the key: lines are compared without
 * terminators (a trailing '\r' is dropped too, so CRLF and LF files share keys); the base section is left out
 * (as git does — it is not part of the disagreement). Departure from git: the sides are not sorted, because
 * mine and theirs are fixed roles here (the admin's export and the vendor's), never swapped by a rebase.
 */

import { sha256Hash } from '../hash';

export function normaliseLine(line: string): string {
  return line.endsWith('\r') ? line.slice(0, -1) : line;
}

/** The key of a conflict whose sides are `mine` and `theirs` (lines without terminators). */
export function conflictKey(mine: readonly string[], theirs: readonly string[]): string {
  const h = sha256Hash();
  h.update('cabinet-merge rerere 1\0');
  for (const l of mine) h.update(normaliseLine(l) + '\n');
  h.update('\0');
  for (const l of theirs) h.update(normaliseLine(l) + '\n');
  return h.digest('hex');
}
