/**
 * Finding conflict markers left in a file the admin edited: the test behind `status` and `pack`.
 *
 * A marker line is a run of exactly MARKER_SIZE of '<', '|', '=' or '>' at the start of a line, followed by
 * whitespace or the end of the line — git's is_conflict_marker (diff.c), which `git diff --check` uses. So
 * `<<<<<<< mine (x.zip)` and a bare `=======` are markers; `<<<<<<<<` (eight) and `<<<<<<<x` are not.
 *
 * A block opens at `<<<<<<<` and closes at the next `>>>>>>>`. `=======` and `|||||||` count only inside a block:
 * outside one they are ordinary text often enough (a setext heading underline, an ASCII-art rule) that flagging
 * them would block `pack` for nothing. A `<<<<<<<` without its `>>>>>>>` (the admin deleted the closing line) and a
 * `>>>>>>>` without its opener are reported as stray markers: half-resolved blocks are exactly what must not ship;
 * so is a `|||||||` followed by a `=======` outside any block (a diff3 block with only its first and last lines
 * deleted).
 */

/** git's default conflict-marker-size. */
export const MARKER_SIZE = 7;

export interface MarkerBlock {
  /** 1-based line of the `<<<<<<<` and of the `>>>>>>>` marker. */
  startLine: number;
  endLine: number;
}

export interface MarkerScan {
  blocks: MarkerBlock[];
  /** 1-based lines of markers outside any complete block. */
  stray: number[];
}

type MarkerChar = '<' | '|' | '=' | '>';

/** The marker a line is, if any (see the header comment). `line` has no terminator ('\r' may remain). */
export function markerOf(line: string, size = MARKER_SIZE): MarkerChar | undefined {
  const c = line[0];
  if (c !== '<' && c !== '|' && c !== '=' && c !== '>') return undefined;
  if (line.length < size) return undefined;
  for (let i = 1; i < size; i++) if (line[i] !== c) return undefined;
  if (line.length === size) return c;
  return /\s/.test(line[size]) ? c : undefined;
}

/** Scans text for conflict blocks and stray markers. Any line terminator (LF, CRLF) is accepted. */
export function scanMarkers(text: string, size = MARKER_SIZE): MarkerScan {
  const blocks: MarkerBlock[] = [];
  const stray: number[] = [];
  let open: number | undefined;
  /** A `|||||||` outside any block, waiting for a `=======` (see below). */
  let base: number | undefined;
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const m = markerOf(lines[i], size);
    if (open === undefined && m === '|') base = i + 1;
    else if (open === undefined && m === '=' && base !== undefined) {
      // The middle of a diff3 block whose `<<<<<<<` and `>>>>>>>` were deleted, its base and both sides left in: a
      // `|||||||` then a `=======` outside any block is no setext heading or ASCII rule. (A lone `=======` outside a
      // block stays text: that is the trade-off of the header comment.)
      stray.push(base, i + 1);
      base = undefined;
    }
    if (m === '<') {
      base = undefined;
      if (open !== undefined) stray.push(open);
      open = i + 1;
    } else if (m === '>') {
      if (open === undefined) stray.push(i + 1);
      else blocks.push({ startLine: open, endLine: i + 1 });
      open = undefined;
    }
  }
  if (open !== undefined) stray.push(open);
  stray.sort((a, b) => a - b);
  return { blocks, stray };
}

export function hasMarkers(scan: MarkerScan): boolean {
  return scan.blocks.length > 0 || scan.stray.length > 0;
}

/** Every line the admin should look at: each block's first line, then stray markers, in order. */
export function markerLines(scan: MarkerScan): number[] {
  return [...scan.blocks.map((b) => b.startLine), ...scan.stray].sort((a, b) => a - b);
}
