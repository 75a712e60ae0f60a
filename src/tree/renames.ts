/**
 * Rename and move detection (issue 12): pairs paths that left the vendor's tree with paths that appeared in it,
 * when their contents are similar enough — git's rename detection (diffcore-rename.c) made fit for cabinets, whose
 * front-end builds rename hashed bundles (`app.1a2b3c4d.js`, `editor.worker-Bf3Xqcw6.js`) on every release.
 *
 * Contract: `pairRenames(sources, targets, options)` → pairs (each source and each target at most once), and the
 * sources left unpaired because two targets fit about equally well (never guessed). Pure; no I/O.
 *
 * How, cheap first (never an all-pairs comparison of every file):
 * 1. Exact: a target with the very bytes of a source (a move, or a rename without a change) — by hash.
 * 2. Candidates per source, from two indexes built once: the targets with the same name stem and extension
 *    (the name with its content hash taken out: `editor.worker-Bf3Xqcw6.js` → `editor.worker` + `.js`, in any folder:
 *    a strong hint, ranked first), and the targets with the same extension whose size allows the threshold at all
 *    (a score is at most min/max of the sizes), nearest in size first, at most MAX_CANDIDATES of them.
 * 3. Similarity of each candidate, as git's: the share of bytes the two files have in common, counted over chunks
 *    (git cuts at newlines or every 64 bytes; here content-defined chunks, cut at newlines and where a rolling hash
 *    of the last bytes says so, so that one insertion in a minified one-line bundle does not shift every chunk after
 *    it), divided by the larger size. CR bytes are skipped, so a CRLF↔LF switch is no difference (git does the same
 *    for text).
 * 4. Sources in order of their best score; each takes its best free candidate, same-stem candidates first. When
 *    the best two (of the same rank) score within AMBIGUITY_MARGIN of each other, the source is left unpaired and
 *    reported with both: a wrong pairing would put an edit into the wrong file.
 */

import { sha256 } from '../hash';

/** git's default rename threshold (diff -M, merge's find-renames): half of the content in common. */
export const DEFAULT_RENAME_THRESHOLD = 0.5;

/** Same-extension candidates compared per source besides the same-stem ones: bounds the work on big trees. */
export const MAX_CANDIDATES = 24;

/** Two candidates whose scores are closer than this are "about equally good": the source is not paired. */
export const AMBIGUITY_MARGIN = 0.05;

export interface RenameFile {
  path: string;
  bytes: Uint8Array;
}

export interface RenamePair {
  from: string;
  to: string;
  /** 0..1: share of content in common (1: identical bytes). */
  score: number;
  /** The names share their stem and extension (a hashed-name rename or a move). */
  sameStem: boolean;
  /** Paired by name alone, below the threshold: the one old and the one new hashed name of a bundle (see step 5). */
  byName?: true;
}

export interface AmbiguousRename {
  from: string;
  /** The targets that fit about equally well, best first. */
  candidates: string[];
}

export interface Pairing {
  pairs: RenamePair[];
  ambiguous: AmbiguousRename[];
}

/** Pairs sources with targets (see the header). `threshold`: 0..1, the least score for a pair. */
export function pairRenames(
  sources: readonly RenameFile[],
  targets: readonly RenameFile[],
  threshold = DEFAULT_RENAME_THRESHOLD,
  /** Other paths that left the tree (not to be paired): a hashed name is unique only if none of these shares it. */
  otherRemoved: readonly string[] = [],
): Pairing {
  const pairs: RenamePair[] = [];
  const ambiguous: AmbiguousRename[] = [];
  // Empty files are never paired (as in git): every empty file is "identical" to every other.
  sources = sources.filter((s) => s.bytes.length > 0);
  targets = targets.filter((t) => t.bytes.length > 0);
  if (sources.length === 0 || targets.length === 0) return { pairs, ambiguous };
  const taken = new Set<number>();
  const paired = new Set<number>();

  // 1. Exact content.
  // Only files whose size some file on the other side has can be identical: the rest are never hashed.
  const sourceSizes = new Set(sources.map((s) => s.bytes.length));
  const targetSizes = new Set(targets.map((t) => t.bytes.length));
  const byHash = new Map<string, number[]>();
  targets.forEach((t, ti) => {
    if (!sourceSizes.has(t.bytes.length)) return;
    const h = sha256(t.bytes);
    (byHash.get(h) ?? byHash.set(h, []).get(h)!).push(ti);
  });
  sources.forEach((s, si) => {
    if (!targetSizes.has(s.bytes.length)) return;
    const same = byHash.get(sha256(s.bytes))?.filter((ti) => !taken.has(ti));
    if (!same?.length) return;
    const stem = nameKey(s.path);
    const hinted = same.filter((ti) => nameKey(targets[ti].path) === stem);
    const pick = same.length === 1 ? same : hinted.length === 1 ? hinted : same.filter((ti) => sameFolderName(s.path, targets[ti].path));
    if (pick.length !== 1) {
      ambiguous.push({ from: s.path, candidates: same.map((ti) => targets[ti].path) });
      paired.add(si);
      return;
    }
    taken.add(pick[0]);
    paired.add(si);
    pairs.push({ from: s.path, to: targets[pick[0]].path, score: 1, sameStem: nameKey(targets[pick[0]].path) === stem });
  });

  // 2. Candidate indexes over the targets still free.
  const byStem = new Map<string, number[]>();
  const byExt = new Map<string, number[]>();
  targets.forEach((t, ti) => {
    if (taken.has(ti)) return;
    (byStem.get(nameKey(t.path)) ?? byStem.set(nameKey(t.path), []).get(nameKey(t.path))!).push(ti);
    const ext = extOf(t.path);
    (byExt.get(ext) ?? byExt.set(ext, []).get(ext)!).push(ti);
  });
  for (const list of byExt.values()) list.sort((a, b) => targets[a].bytes.length - targets[b].bytes.length);

  const signatures = new Map<number, Signature>();
  const targetSig = (ti: number) => signatures.get(ti) ?? signatures.set(ti, signature(targets[ti].bytes)).get(ti)!;

  // 3. Scores of each source's candidates.
  interface Scored { ti: number; score: number; sameStem: boolean }
  const proposals: { si: number; scored: Scored[] }[] = [];
  sources.forEach((s, si) => {
    if (paired.has(si)) return;
    const size = s.bytes.length;
    const fits = (ti: number) => sizeRatio(size, targets[ti].bytes.length) >= threshold;
    const stemmed = (byStem.get(nameKey(s.path)) ?? []).filter(fits);
    let sig: Signature | undefined;
    const score = (ti: number) => similarity((sig ??= signature(s.bytes)), targetSig(ti));
    const scored: Scored[] = [];
    for (const ti of stemmed) scored.push({ ti, score: score(ti), sameStem: true });
    // Same-stem candidates rank first (step 4): when one passes, the others could never be chosen, so they are
    // not compared at all — the common case of a hashed rename costs one comparison.
    if (!scored.some((c) => c.score >= threshold)) {
      const others = nearestBySize(byExt.get(extOf(s.path)) ?? [], size, (ti) => targets[ti].bytes.length)
        .filter((ti) => fits(ti) && !stemmed.includes(ti))
        .slice(0, MAX_CANDIDATES);
      for (const ti of others) scored.push({ ti, score: score(ti), sameStem: false });
    }
    const kept = scored.filter((c) => c.score >= threshold);
    // Same stem first, then by score; ties by path so the result never depends on input order.
    kept.sort((a, b) => Number(b.sameStem) - Number(a.sameStem) || b.score - a.score || cmp(targets[a.ti].path, targets[b.ti].path));
    if (kept.length) proposals.push({ si, scored: kept });
  });

  // 4. Best sources first; each takes its best free candidate unless two are about equally good.
  const best = (p: { scored: Scored[] }) => Math.max(...p.scored.map((c) => c.score));
  proposals.sort((a, b) => best(b) - best(a) || cmp(sources[a.si].path, sources[b.si].path));
  for (const { si, scored } of proposals) {
    const free = scored.filter((c) => !taken.has(c.ti));
    if (free.length === 0) continue;
    const [first, second] = free;
    if (second && second.sameStem === first.sameStem && first.score - second.score < AMBIGUITY_MARGIN) {
      const close = free.filter((c) => c.sameStem === first.sameStem && first.score - c.score < AMBIGUITY_MARGIN);
      ambiguous.push({ from: sources[si].path, candidates: close.map((c) => targets[c.ti].path) });
      continue;
    }
    taken.add(first.ti);
    pairs.push({ from: sources[si].path, to: targets[first.ti].path, score: first.score, sameStem: first.sameStem });
  }
  // 5. A bundle's one old and one new hashed name: bundlers keep `[name]` for the same chunk, and a minifier that
  // renames identifiers leaves few chunks in common (two real releases of a Monaco worker share 14 %), so such a
  // pair is taken below the threshold — only when both names carry a hash and no other old or new path has the
  // same stem and extension.
  const left = new Set(ambiguous.map((a) => a.from));
  const oldCount = new Map<string, number>();
  for (const p of [...sources.map((s) => s.path), ...otherRemoved]) oldCount.set(nameKey(p), (oldCount.get(nameKey(p)) ?? 0) + 1);
  const pairedFrom = new Set(pairs.map((p) => p.from));
  const targetsByKey = new Map<string, number[]>();
  targets.forEach((t, ti) => (targetsByKey.get(nameKey(t.path)) ?? targetsByKey.set(nameKey(t.path), []).get(nameKey(t.path))!).push(ti));
  sources.forEach((s) => {
    if (pairedFrom.has(s.path) || left.has(s.path) || !hasHash(s.path)) return;
    const key = nameKey(s.path);
    const same = targetsByKey.get(key) ?? [];
    if (oldCount.get(key) !== 1 || same.length !== 1 || taken.has(same[0]) || !hasHash(targets[same[0]].path)) return;
    taken.add(same[0]);
    const score = similarity(signature(s.bytes), targetSig(same[0]));
    pairs.push({ from: s.path, to: targets[same[0]].path, score, sameStem: true, byName: true });
  });

  pairs.sort((a, b) => cmp(a.to, b.to));
  ambiguous.sort((a, b) => cmp(a.from, b.from));
  return { pairs, ambiguous };
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function sizeRatio(a: number, b: number): number {
  const max = Math.max(a, b);
  return max === 0 ? 1 : Math.min(a, b) / max;
}

/** The indexes of `sorted` (ascending by size) ordered by closeness to `size`, walking out from where it would sit. */
function nearestBySize(sorted: readonly number[], size: number, sizeOf: (i: number) => number): number[] {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sizeOf(sorted[mid]) < size) lo = mid + 1;
    else hi = mid;
  }
  const out: number[] = [];
  let left = lo - 1;
  let right = lo;
  // MAX_CANDIDATES plus the same-stem ones the caller filters out; never more than the list.
  const want = Math.min(sorted.length, MAX_CANDIDATES * 4);
  while (out.length < want && (left >= 0 || right < sorted.length)) {
    if (right >= sorted.length || (left >= 0 && size - sizeOf(sorted[left]) <= sizeOf(sorted[right]) - size)) out.push(sorted[left--]);
    else out.push(sorted[right++]);
  }
  return out;
}

/** The file's extension, lower case, with its dot ('' when none). */
export function extOf(p: string): string {
  const name = p.slice(p.lastIndexOf('/') + 1);
  const dot = name.lastIndexOf('.');
  return dot > 0 ? name.slice(dot).toLowerCase() : '';
}

/**
 * A content hash in a file name, as bundlers write them: `[name].[contenthash:8]` (webpack, vue-cli: hex),
 * `[name]-[hash]` (vite, rollup: base64url, 8 characters). At least 6 characters, with a digit or both letter cases,
 * so that ordinary words ('vendors', 'theme', 'bundle') are not taken for hashes.
 */
function isHashLike(s: string): boolean {
  return /^[A-Za-z0-9_-]{6,}$/.test(s) && (/\d/.test(s) || (/[a-z]/.test(s) && /[A-Z]/.test(s)));
}

/**
 * The name stem and extension, with a content hash taken out, lower case: `js/app.1a2b3c4d.js` → `app.js`,
 * `editor.worker-Bf3Xqcw6.js` → `editor.worker.js`, `ace/mode-css.js` → `mode-css.js`. The folder is left out, so a
 * moved file keeps its key.
 */
export function nameKey(p: string): string {
  const name = p.slice(p.lastIndexOf('/') + 1);
  const ext = extOf(name);
  let stem = ext ? name.slice(0, name.length - ext.length) : name;
  // The hash is the last '.' or '-' separated part of the stem.
  const cut = Math.max(stem.lastIndexOf('.'), stem.lastIndexOf('-'));
  if (cut > 0 && isHashLike(stem.slice(cut + 1))) stem = stem.slice(0, cut);
  return (stem + ext).toLowerCase();
}

/** Whether the file name carries a content hash (nameKey takes one out). */
function hasHash(p: string): boolean {
  return nameKey(p) !== p.slice(p.lastIndexOf('/') + 1).toLowerCase();
}

function sameFolderName(a: string, b: string): boolean {
  return a.slice(0, a.lastIndexOf('/') + 1) === b.slice(0, b.lastIndexOf('/') + 1);
}

/** Chunk hash → bytes in chunks with that hash; `total`: the bytes counted (CR bytes skipped). */
export interface Signature {
  chunks: Map<number, number>;
  total: number;
}

/** Chunks shorter than this are not cut by the rolling hash (newlines still cut), so chunks carry some content. */
const MIN_CHUNK = 16;
/** A chunk never grows past this, as git's 64-byte cut bounds a line-less file's chunk. */
const MAX_CHUNK = 256;
/** The rolling hash cuts where its low bits are all zero: about every 64 bytes, git's chunk size. */
const CUT_MASK = 63;

/** A fixed pseudo-random table for the rolling (gear) hash, the same on every run (xorshift32 from a constant). */
const GEAR: Uint32Array = (() => {
  const g = new Uint32Array(256);
  let x = 0x9e3779b9;
  for (let i = 0; i < 256; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    g[i] = x >>> 0;
  }
  return g;
})();

/**
 * The content-defined chunks of `bytes` (see the header): cut after '\n', or where the gear hash of the last bytes
 * has its low bits zero (after MIN_CHUNK bytes), or at MAX_CHUNK; each chunk hashed with FNV-1a.
 */
export function signature(bytes: Uint8Array): Signature {
  const chunks = new Map<number, number>();
  let total = 0;
  let gear = 0;
  let fnv = 0x811c9dc5;
  let len = 0;
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i];
    if (b === 13) continue;
    fnv = Math.imul(fnv ^ b, 0x01000193);
    gear = ((gear << 1) + GEAR[b]) | 0;
    len++;
    if (b === 10 || len >= MAX_CHUNK || (len >= MIN_CHUNK && (gear & CUT_MASK) === 0)) {
      chunks.set(fnv, (chunks.get(fnv) ?? 0) + len);
      total += len;
      gear = 0;
      fnv = 0x811c9dc5;
      len = 0;
    }
  }
  if (len > 0) {
    chunks.set(fnv, (chunks.get(fnv) ?? 0) + len);
    total += len;
  }
  return { chunks, total };
}

/** The share of content two signatures have in common: bytes in common chunks over the larger size (git's score). */
export function similarity(a: Signature, b: Signature): number {
  const max = Math.max(a.total, b.total);
  if (max === 0) return 1;
  const [small, large] = a.chunks.size <= b.chunks.size ? [a, b] : [b, a];
  let common = 0;
  for (const [h, n] of small.chunks) {
    const m = large.chunks.get(h);
    if (m !== undefined) common += Math.min(n, m);
  }
  return common / max;
}
