/**
 * Decoding bytes whose encoding is already known (recorded at merge time), as opposed to detecting it
 * (encoding.ts). Used where the tool reads back what it wrote: the working folder and its recorded encodings.
 */

import { lazy } from '../lazy';
import type { TextEncoding } from './encoding';

const iconv = lazy(() => require('iconv-lite') as typeof import('iconv-lite'));

/** The text of `bytes` in `encoding`, a leading BOM removed. Never throws: undecodable bytes become U+FFFD. */
export function decodeAs(bytes: Uint8Array, encoding: TextEncoding): string {
  return iconv().decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), encoding, { stripBOM: true });
}
