/**
 * Decoding bytes whose encoding is already known (recorded at merge time), as opposed to detecting it
 * (encoding.ts). Used where the tool reads back what it wrote: the working folder and its recorded encodings.
 */

import { lazy } from '../lazy';
import type { TextEncoding } from './encoding';

const iconv = lazy(() => require('iconv-lite') as typeof import('iconv-lite'));

/**
 * What `decodeAs(encodeText(text, encoding, bom), encoding)` gives, without encoding and decoding: `text` itself,
 * except that a U+FEFF at its start, written without a BOM before it, reads back as the BOM and is dropped.
 * (encodeText writes only text it can write exactly, so decoding it back changes nothing else, in any encoding.)
 */
export function readBack(text: string, bom: boolean): string {
  return !bom && text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** The text of `bytes` in `encoding`, a leading BOM removed. Never throws: undecodable bytes become U+FFFD. */
export function decodeAs(bytes: Uint8Array, encoding: TextEncoding): string {
  if (encoding === 'utf-8') {
    // Node's own UTF-8 decoder, as iconv-lite uses for UTF-8 (same U+FFFD replacements), without loading iconv-lite.
    const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8');
    return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  }
  return iconv().decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), encoding, { stripBOM: true });
}
