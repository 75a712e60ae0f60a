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
  const ids = sequences.map((seq) => {
    const out = new Int32Array(seq.length);
    for (let i = 0; i < seq.length; i++) {
      const line = seq[i];
      let id = table.get(line);
      if (id === undefined) {
        id = table.size;
        table.set(line, id);
      }
      out[i] = id;
    }
    return out;
  });
  return { ids, count: table.size };
}
