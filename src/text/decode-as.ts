/**
 * Decoding bytes whose encoding is already known (recorded at merge time), as opposed to detecting it
 * (encoding.ts). Used where the tool reads back what it wrote: the working folder and its recorded encodings.
 */

import * as iconv from 'iconv-lite';
import type { TextEncoding } from './encoding';

/** The text of `bytes` in `encoding`, a leading BOM removed. Never throws: undecodable bytes become U+FFFD. */
export function decodeAs(bytes: Uint8Array, encoding: TextEncoding): string {
  return iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), encoding, { stripBOM: true });
}
