/**
 * Myers' O(ND) difference algorithm in linear space (E. W. Myers, "An O(ND) Difference Algorithm and Its
 * Variations", Algorithmica 1986), in the divide-and-conquer form of xdiff's xdl_recs_cmp/xdl_split (xdiffi.c).
 *
 * Input: two id sequences and two "changed" flag arrays to fill. Output: the flags mark lines of a and b that are
 * not part of the common subsequence found. Like xdiff, the search has two shortcuts: the snake heuristic (see
 * interestingSnake), and a cost budget — once the edit distance explored in one split passes `maxCost`, the split
 * takes the furthest-reaching diagonal instead of the exact middle snake, so a pathological input costs
 * O(N·maxCost) and returns a correct, possibly non-minimal diff.
 */

export interface MyersInput {
  a: Int32Array;
  b: Int32Array;
  /** Length a.length; set to 1 for every line of a that is deleted. */
  changedA: Uint8Array;
  /** Length b.length; set to 1 for every line of b that is inserted. */
  changedB: Uint8Array;
  /** Edit cost after which a split stops looking for the minimal path (xdiff: XDL_MAX_COST_MIN = 256 at least). */
  maxCost: number;
}

interface Split {
  i1: number;
  i2: number;
  minLow: boolean;
  minHigh: boolean;
}

/** Fills changedA/changedB for the whole of a and b. */
export function myersDiff(input: MyersInput): void {
  const n = input.a.length;
  const m = input.b.length;
  // Diagonals run from -(m+1) to n+1; one offset array serves forward and backward searches.
  const size = n + m + 3;
  const state: State = {
    ...input,
    kvdf: new Int32Array(size),
    kvdb: new Int32Array(size),
    offset: m + 1,
  };
  compare(state, 0, n, 0, m, false);
}

interface State extends MyersInput {
  kvdf: Int32Array;
  kvdb: Int32Array;
  offset: number;
}

/** Recursively diffs a[off1, lim1) against b[off2, lim2) (xdl_recs_cmp). */
function compare(s: State, off1: number, lim1: number, off2: number, lim2: number, needMin: boolean): void {
  const { a, b } = s;
  // An explicit stack keeps deep recursions (long files with many changes) off the JS call stack.
  const stack: [number, number, number, number, boolean][] = [[off1, lim1, off2, lim2, needMin]];
  while (stack.length > 0) {
    let [o1, l1, o2, l2, nm] = stack.pop()!;
    const head = snakeForward(a, b, o1, o2, l1, l2);
    o2 += head - o1;
    o1 = head;
    const tail = snakeBackward(a, b, l1, l2, o1, o2);
    l2 -= l1 - tail;
    l1 = tail;
    if (o1 === l1) {
      for (let i = o2; i < l2; i++) s.changedB[i] = 1;
    } else if (o2 === l2) {
      for (let i = o1; i < l1; i++) s.changedA[i] = 1;
    } else {
      const sp = split(s, o1, l1, o2, l2, nm);
      stack.push([sp.i1, l1, sp.i2, l2, sp.minHigh]);
      stack.push([o1, sp.i1, o2, sp.i2, sp.minLow]);
    }
  }
}

/**
 * The snakes: from (i1, i2) while a[i1] === b[i2], below (lim1, lim2); returns the i1 reached (i2 moves with it).
 * Functions of their own for a cold run's sake: a whole merge meets this code once, and a loop inside `split`
 * or `compare` runs interpreted until V8 compiles that caller on the stack (OSR), whose code then deoptimises at
 * the first statement after the loop that had not run yet, and so on. A small function called thousands of times
 * is compiled whole, early. On the 200k-line bench file, base→mine's Myers search: 30–56 → 12 ms in a fresh
 * process.
 */
function snakeForward(a: Int32Array, b: Int32Array, i1: number, i2: number, lim1: number, lim2: number): number {
  while (i1 < lim1 && i2 < lim2 && a[i1] === b[i2]) {
    i1++;
    i2++;
  }
  return i1;
}

/** The snake backwards: from (i1, i2) while a[i1 - 1] === b[i2 - 1], above (off1, off2); returns the i1 reached. */
function snakeBackward(a: Int32Array, b: Int32Array, i1: number, i2: number, off1: number, off2: number): number {
  while (i1 > off1 && i2 > off2 && a[i1 - 1] === b[i2 - 1]) {
    i1--;
    i2--;
  }
  return i1;
}

const LINE_MAX = 0x7fffffff;
/** xdiff's snake heuristic (xdiffi.c): a run of this many equal lines counts as a good snake (XDL_SNAKE_CNT)… */
const SNAKE_CNT = 20;
/** …looked for only once the edit cost of a split passes this (XDL_HEUR_MIN_COST)… */
const HEUR_MIN_COST = 256;
/** …and taken when its progress beats the cost by this factor (XDL_K_HEUR). */
const K_HEUR = 4;

/**
 * xdl_split's snake heuristic: past HEUR_MIN_COST, if a frontier diagonal has made much more progress than the
 * cost spent (measured from the box corner, penalised by the distance from the middle diagonal) and ends in a run
 * of SNAKE_CNT equal lines, split there instead of searching on. git does this; without it, files with many
 * scattered changes run to the full cost budget. The result stays a correct diff, and the same one git finds.
 */
function interestingSnake(
  s: State,
  off1: number,
  lim1: number,
  off2: number,
  lim2: number,
  fmin: number,
  fmax: number,
  bmin: number,
  bmax: number,
  ec: number,
): Split | undefined {
  const { a, b, kvdf, kvdb, offset: o } = s;
  const fmid = off1 - off2;
  const bmid = lim1 - lim2;
  let best = 0;
  let split: Split | undefined;
  for (let d = fmax; d >= fmin; d -= 2) {
    const dd = d > fmid ? d - fmid : fmid - d;
    const i1 = kvdf[d + o];
    const i2 = i1 - d;
    const v = i1 - off1 + (i2 - off2) - dd;
    if (v > K_HEUR * ec && v > best && off1 + SNAKE_CNT <= i1 && i1 < lim1 && off2 + SNAKE_CNT <= i2 && i2 < lim2) {
      for (let k = 1; a[i1 - k] === b[i2 - k]; k++) {
        if (k === SNAKE_CNT) {
          best = v;
          split = { i1, i2, minLow: true, minHigh: false };
          break;
        }
      }
    }
  }
  if (split) return split;
  for (let d = bmax; d >= bmin; d -= 2) {
    const dd = d > bmid ? d - bmid : bmid - d;
    const i1 = kvdb[d + o];
    const i2 = i1 - d;
    const v = lim1 - i1 + (lim2 - i2) - dd;
    if (v > K_HEUR * ec && v > best && off1 < i1 && i1 <= lim1 - SNAKE_CNT && off2 < i2 && i2 <= lim2 - SNAKE_CNT) {
      for (let k = 0; a[i1 + k] === b[i2 + k]; k++) {
        if (k === SNAKE_CNT - 1) {
          best = v;
          split = { i1, i2, minLow: false, minHigh: true };
          break;
        }
      }
    }
  }
  return split;
}

/**
 * Finds where to split the box [off1, lim1) × [off2, lim2): the middle snake of the minimal edit path, or, past
 * the heuristic trigger, a diagonal with a long snake (interestingSnake), or past the cost budget, the
 * furthest-reaching diagonal (xdl_split).
 */
function split(s: State, off1: number, lim1: number, off2: number, lim2: number, needMin: boolean): Split {
  const { a, b, kvdf, kvdb, offset: o } = s;
  const dmin = off1 - lim2;
  const dmax = lim1 - off2;
  const fmid = off1 - off2;
  const bmid = lim1 - lim2;
  const odd = ((fmid - bmid) & 1) !== 0;
  let fmin = fmid;
  let fmax = fmid;
  let bmin = bmid;
  let bmax = bmid;
  kvdf[fmid + o] = off1;
  kvdb[bmid + o] = lim1;

  for (let ec = 1; ; ec++) {
    let gotSnake = false;
    // Forward search: extend each diagonal's furthest point by one edit, then follow the snake.
    if (fmin > dmin) kvdf[--fmin - 1 + o] = -1;
    else ++fmin;
    if (fmax < dmax) kvdf[++fmax + 1 + o] = -1;
    else --fmax;
    // The hot loop of the whole merge: k = d + o indexes the K vectors directly, and each neighbour is read once.
    for (let d = fmax, k = fmax + o; d >= fmin; d -= 2, k -= 2) {
      const left = kvdf[k - 1];
      const right = kvdf[k + 1];
      const prev1 = left >= right ? left + 1 : right;
      const i1 = snakeForward(a, b, prev1, prev1 - d, lim1, lim2);
      const i2 = i1 - d;
      if (i1 - prev1 > SNAKE_CNT) gotSnake = true;
      kvdf[k] = i1;
      if (odd && bmin <= d && d <= bmax && kvdb[k] <= i1) {
        return { i1, i2, minLow: true, minHigh: true };
      }
    }

    // Backward search, symmetric.
    if (bmin > dmin) kvdb[--bmin - 1 + o] = LINE_MAX;
    else ++bmin;
    if (bmax < dmax) kvdb[++bmax + 1 + o] = LINE_MAX;
    else --bmax;
    for (let d = bmax, k = bmax + o; d >= bmin; d -= 2, k -= 2) {
      const left = kvdb[k - 1];
      const right = kvdb[k + 1];
      const prev1 = left < right ? left : right - 1;
      const i1 = snakeBackward(a, b, prev1, prev1 - d, off1, off2);
      const i2 = i1 - d;
      if (prev1 - i1 > SNAKE_CNT) gotSnake = true;
      kvdb[k] = i1;
      if (!odd && fmin <= d && d <= fmax && i1 <= kvdf[k]) {
        return { i1, i2, minLow: true, minHigh: true };
      }
    }

    if (needMin) continue;

    if (gotSnake && ec > HEUR_MIN_COST) {
      const snake = interestingSnake(s, off1, lim1, off2, lim2, fmin, fmax, bmin, bmax, ec);
      if (snake) return snake;
    }

    if (ec < s.maxCost) continue;

    // Over budget: split at whichever of the forward or backward frontiers got further.
    let fbest = -1;
    let fbest1 = -1;
    for (let d = fmax; d >= fmin; d -= 2) {
      let i1 = Math.min(kvdf[d + o], lim1);
      let i2 = i1 - d;
      if (lim2 < i2) {
        i1 = lim2 + d;
        i2 = lim2;
      }
      if (fbest < i1 + i2) {
        fbest = i1 + i2;
        fbest1 = i1;
      }
    }
    let bbest = LINE_MAX;
    let bbest1 = LINE_MAX;
    for (let d = bmax; d >= bmin; d -= 2) {
      let i1 = Math.max(off1, kvdb[d + o]);
      let i2 = i1 - d;
      if (i2 < off2) {
        i1 = off2 + d;
        i2 = off2;
      }
      if (i1 + i2 < bbest) {
        bbest = i1 + i2;
        bbest1 = i1;
      }
    }
    if (lim1 + lim2 - bbest < fbest - (off1 + off2)) {
      return { i1: fbest1, i2: fbest - fbest1, minLow: true, minHigh: false };
    }
    return { i1: bbest1, i2: bbest - bbest1, minLow: false, minHigh: true };
  }
}
