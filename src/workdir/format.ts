/**
 * Putting an edited file back into the format the merge recorded for it, before it is packed. Editors change
 * formats behind the admin's back: VS Code opens a windows-1251 page as UTF-8 unless told otherwise and saves it
 * so; Notepad++ may drop or add a BOM; a pasted block may bring LF lines into a CRLF file. The zip must hold what
 * the portal expects: the recorded encoding, BOM and (when the file used one style) line ends.
 *
 * A character the recorded encoding cannot hold is never replaced by '?': it is reported (file, line, character)
 * and the caller refuses to pack, or with --force writes that file as UTF-8 with BOM, as the merge itself does.
 */

import { canEncode, decodeText, describeEncoding, encodeText } from '../text/encoding';
import { decodeAs } from '../text/decode-as';
import { eolStyle, splitLines } from '../text/lines';
import { sameBytes } from '../tree/decide';
import type { Wording } from '../tree/status';
import type { TextFormat } from './state';

export interface Unencodable {
  char: string;
  codePoint: number;
  line: number;
  encoding: string;
}

export type Restored =
  | { ok: true; bytes: Uint8Array; text?: string; changes: Wording[] }
  | { ok: false; problem: Unencodable; text: string; utf8: Uint8Array };

/** Reads an edited file as text: detected, else in its recorded encoding; undefined for binary content. */
export function readEdited(bytes: Uint8Array, recorded: TextFormat | undefined): { text: string; encoding: string; bom: boolean } | undefined {
  const d = decodeText(bytes);
  if (d) return d;
  if (recorded) return { text: decodeAs(bytes, recorded.encoding), encoding: recorded.encoding, bom: recorded.bom };
  return undefined;
}

/** The bytes to pack for an edited file whose recorded format is `recorded` (see the header comment). */
export function restoreFormat(bytes: Uint8Array, recorded: TextFormat): Restored {
  const d = readEdited(bytes, recorded);
  if (!d) return { ok: true, bytes, changes: [] };
  let text = d.text;
  const changes: Wording[] = [];
  const want = describeEncoding(recorded);
  if (d.encoding !== recorded.encoding || d.bom !== recorded.bom) {
    const had = describeEncoding({ encoding: d.encoding as TextFormat['encoding'], bom: d.bom });
    changes.push({ en: `saved as ${had}; written back in ${want}`, ru: `сохранён в ${had}; записан обратно в ${want}` });
  }
  const lines = splitLines(text);
  const style = eolStyle(lines.eols);
  if ((recorded.eol === 'lf' || recorded.eol === 'crlf') && style !== recorded.eol && style !== 'none') {
    const eol = recorded.eol === 'lf' ? '\n' : '\r\n';
    text = lines.lines.map((l, i) => l + (lines.eols[i] === '' ? '' : eol)).join('');
    const name = recorded.eol.toUpperCase();
    changes.push({ en: `line ends made ${name} again, as in the merged file`, ru: `концы строк снова ${name}, как в объединённом файле` });
  }
  const check = canEncode(text, recorded.encoding);
  if (!check.ok) {
    const line = text.slice(0, check.index).split('\n').length;
    return { ok: false, problem: { char: check.char, codePoint: check.codePoint, line, encoding: want }, text, utf8: encodeText(text, 'utf-8', true) };
  }
  const out = encodeText(text, recorded.encoding, recorded.bom);
  if (sameBytes(out, bytes)) return { ok: true, bytes, text, changes: [] };
  return { ok: true, bytes: out, text, changes };
}
