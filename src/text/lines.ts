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
  const lines: string[] = [];
  const eols: Eol[] = [];
  let start = 0;
  const n = text.length;
  while (start < n) {
    const nl = text.indexOf('\n', start);
    if (nl < 0) {
      lines.push(text.slice(start));
      eols.push('');
      break;
    }
    if (nl > start && text.charCodeAt(nl - 1) === 13) {
      lines.push(text.slice(start, nl - 1));
      eols.push('\r\n');
    } else {
      lines.push(text.slice(start, nl));
      eols.push('\n');
    }
    start = nl + 1;
  }
  return { lines, eols };
}

/** The inverse of splitLines. */
export function joinLines(lines: readonly string[], eols: readonly Eol[]): string {
  let out = '';
  for (let i = 0; i < lines.length; i++) out += lines[i] + eols[i];
  return out;
}

/** The style of a file's terminators: uniform LF, uniform CRLF, mixed, or none at all. */
export function eolStyle(eols: readonly Eol[]): EolStyle {
  let lf = 0;
  let crlf = 0;
  for (const e of eols) {
    if (e === '\n') lf++;
    else if (e === '\r\n') crlf++;
  }
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
