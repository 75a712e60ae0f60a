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
  const firstIds = internAll(first, table);
  const onlyAt = singleOccurrences(firstIds, table.size);
  return { ids: [firstIds, ...rest.map((seq) => internAlong(seq, first, firstIds, onlyAt, table))], count: table.size };
}

// One loop a function (as in diff.ts): each runs once over a whole file, cold, and compiled around the running
// loop (OSR) a function with loops after it deoptimised at each next loop. 200k-line bench file, fresh process:
// 81 → 68 ms (min of 7).

/** Ids of `seq` by Map lookups alone, adding its new lines to `table`. */
function internAll(seq: readonly string[], table: Map<string, number>): Int32Array {
  const ids = new Int32Array(seq.length);
  for (let i = 0; i < seq.length; i++) {
    const line = seq[i];
    let id = table.get(line);
    if (id === undefined) {
      id = table.size;
      table.set(line, id);
    }
    ids[i] = id;
  }
  return ids;
}

/** For each id of `ids` (0..size-1): the one index it occurs at, or NONE / MANY. */
function singleOccurrences(ids: Int32Array, size: number): Int32Array {
  const onlyAt = new Int32Array(size).fill(NONE);
  for (let i = 0; i < ids.length; i++) {
    const id = ids[i];
    onlyAt[id] = onlyAt[id] === NONE ? i : MANY;
  }
  return onlyAt;
}

/**
 * Ids of `seq`, a sequence that is mostly `first` with a few edits (mine or theirs, when the first is base). A
 * cursor follows the first sequence along it: a line equal to the cursor's line takes its id with one string
 * comparison instead of a Map lookup (which hashes the fresh line string and probes a large table; on a 200k-line
 * merge this halves the time of interning). On a mismatch the Map decides, as before, and a line that occurs once
 * only in the first sequence moves the cursor just past it, which resynchronises after inserted or deleted runs.
 * Ids are the same as with Map lookups alone: the shortcut only finds ids already assigned.
 */
function internAlong(
  seq: readonly string[],
  first: readonly string[],
  firstIds: Int32Array,
  onlyAt: Int32Array,
  table: Map<string, number>,
): Int32Array {
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
  return out;
}

/** onlyAt: the id does not occur in the first sequence (yet), or occurs more than once. */
const NONE = -2;
const MANY = -1;
