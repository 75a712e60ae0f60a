/**
 * Interning: every distinct line gets a small integer id, shared by all the sequences interned together, so the
 * diff compares integers instead of strings (as xdiff hashes records in xprepare.c). Ids start at 0 and are dense.
 */

export interface Interned {
  /** One id array per input sequence, in the same order. */
  ids: Int32Array[];
  /** How many distinct lines there were (ids are 0 .. count-1). */
  count: number;
}

export function intern(sequences: readonly (readonly string[])[]): Interned {
  const table = new Map<string, number>();
  if (sequences.length === 0) return { ids: [], count: 0 };
  const [first, ...rest] = sequences;
  const firstIds = new Int32Array(first.length);
  for (let i = 0; i < first.length; i++) {
    const line = first[i];
    let id = table.get(line);
    if (id === undefined) {
      id = table.size;
      table.set(line, id);
    }
    firstIds[i] = id;
  }

  // The other sequences (mine and theirs, when the first is base) are mostly the first one with a few edits. A
  // cursor follows the first sequence along each of them: a line equal to the cursor's line takes its id with one
  // string comparison instead of a Map lookup (which hashes the fresh line string and probes a large table; on a
  // 200k-line merge this halves the time of interning). On a mismatch the Map decides, as before, and a line that
  // occurs once only in the first sequence moves the cursor just past it, which resynchronises after inserted or
  // deleted runs. Ids are the same as with Map lookups alone: the shortcut only finds ids already assigned.
  const onlyAt = new Int32Array(table.size).fill(NONE);
  for (let i = 0; i < first.length; i++) {
    const id = firstIds[i];
    onlyAt[id] = onlyAt[id] === NONE ? i : MANY;
  }
  const ids = [firstIds];
  for (const seq of rest) {
    const out = new Int32Array(seq.length);
    let j = 0;
    for (let i = 0; i < seq.length; i++) {
      const line = seq[i];
      if (j < first.length && line === first[j]) {
        out[i] = firstIds[j++];
        continue;
      }
      let id = table.get(line);
      if (id === undefined) {
        id = table.size;
        table.set(line, id);
      } else if (id < onlyAt.length && onlyAt[id] >= 0) {
        j = onlyAt[id] + 1;
      }
      out[i] = id;
    }
    ids.push(out);
  }
  return { ids, count: table.size };
}

/** onlyAt: the id does not occur in the first sequence (yet), or occurs more than once. */
const NONE = -2;
const MANY = -1;
