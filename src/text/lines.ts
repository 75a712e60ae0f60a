/**
 * Text ↔ lines. A line is its content without the terminator; the terminator ('\n', '\r\n' or '' for a last line
 * with no newline) is kept beside it, so that joining the two arrays gives back the text exactly. A lone '\r' is
 * part of the content, as in git. The merge compares contents, so a file whose line ends alone changed is not a
 * conflict; the renderer decides which terminator each output line gets (see merge3/render.ts).
 */

export type Eol = '\n' | '\r\n' | '';

/** 'none' when no line has a terminator (empty file, or a single line without a newline). */
export type EolStyle = 'lf' | 'crlf' | 'mixed' | 'none';

export interface Lines {
  lines: string[];
  eols: Eol[];
}

/** Splits text into lines and terminators. Empty text → no lines; 'a\n' → one line; 'a\nb' → two lines. */
export function splitLines(text: string): Lines {
  if (text.length === 0) return { lines: [], eols: [] };
  // The native split is ~2× faster than an indexOf/slice loop on large files (and allocates its result once);
  // '\r' is stripped afterwards, and only when the text has one at all.
  const lines = text.split('\n');
  const closed = lines[lines.length - 1] === ''; // the text ends with '\n': the last piece is not a line
  if (closed) lines.pop();
  const n = lines.length;
  const eols: Eol[] = new Array<Eol>(n).fill('\n');
  if (text.indexOf('\r') >= 0) {
    // A line ending in '\r' before its '\n' is CRLF-terminated; a last line without '\n' keeps its '\r'.
    const terminated = closed ? n : n - 1;
    for (let i = 0; i < terminated; i++) {
      const line = lines[i];
      if (line.length > 0 && line.charCodeAt(line.length - 1) === 13) {
        lines[i] = line.slice(0, -1);
        eols[i] = '\r\n';
      }
    }
  }
  if (!closed) eols[n - 1] = '';
  return { lines, eols };
}

/** The inverse of splitLines. */
export function joinLines(lines: readonly string[], eols: readonly Eol[]): string {
  let out = '';
  for (let i = 0; i < lines.length; i++) out += lines[i] + eols[i];
  return out;
}

/**
 * The style of a file's terminators: uniform LF, uniform CRLF, mixed, or none at all. Two native `indexOf` scans
 * instead of a counting loop: in a whole run each file's arrays are scanned a few times, cold, before the JIT has
 * compiled a JS loop (on a 200k-line file the loop took ~7 ms a call there, the scans ~0.3 ms).
 */
export function eolStyle(eols: readonly Eol[]): EolStyle {
  const lf = eols.indexOf('\n') >= 0;
  const crlf = eols.indexOf('\r\n') >= 0;
  if (lf && crlf) return 'mixed';
  if (crlf) return 'crlf';
  if (lf) return 'lf';
  return 'none';
}

/** The terminator most lines use ('\n' when there is a tie or none), for marker lines in mixed files. */
export function dominantEol(eols: readonly Eol[]): '\n' | '\r\n' {
  let lf = 0;
  let crlf = 0;
  for (const e of eols) {
    if (e === '\n') lf++;
    else if (e === '\r\n') crlf++;
  }
  return crlf > lf ? '\r\n' : '\n';
}

/** How many '\n' `text` holds (so how many lines a CRLF or LF text spans, less one). */
export function countNewlines(text: string): number {
  let n = 0;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) n++;
  return n;
}

/**
 * Where each line of `text` starts, as splitLines counts lines: starts[i] is the offset of line i (0-based) and
 * starts[n] is text.length, so line i with its terminator is text.slice(starts[i], starts[i + 1]). One Int32Array
 * instead of a string per line, for code that only needs to cut a text at line boundaries.
 */
export function lineStarts(text: string): Int32Array {
  const n = text.length === 0 ? 0 : countNewlines(text) + (text.charCodeAt(text.length - 1) === 10 ? 0 : 1);
  const starts = new Int32Array(n + 1);
  let k = 1;
  for (let i = text.indexOf('\n'); i !== -1 && k < n; i = text.indexOf('\n', i + 1)) starts[k++] = i + 1;
  starts[n] = text.length;
  return starts;
}

/** eolStyle(splitLines(text).eols), without splitting: a '\n' after a '\r' ends a CRLF line, any other an LF line. */
export function textEolStyle(text: string): EolStyle {
  const crlf = text.indexOf('\r\n') >= 0;
  const lf = crlf ? LF_ALONE.test(text) : text.indexOf('\n') >= 0;
  if (lf && crlf) return 'mixed';
  if (crlf) return 'crlf';
  if (lf) return 'lf';
  return 'none';
}

const LF_ALONE = /(?:^|[^\r])\n/;

/**
 * 1-based line and column of `offset` in `text` (an offset past the end counts as the end). Linear: for messages
 * about one place (a rules-file error, a merged file that fails its check), not for hot paths.
 */
export function lineColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  const end = Math.min(offset, text.length);
  for (let i = text.indexOf('\n'); i !== -1 && i < end; i = text.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, column: end - lineStart + 1 };
}
