/**
 * Bytes ↔ text. Pure: no I/O, no console.
 *
 * The contract the merge relies on: whenever decodeText(bytes) returns d,
 *     encodeText(d.text, d.encoding, d.bom) is byte-for-byte equal to bytes.
 * Anything that would not come back exactly (invalid UTF-8, odd-length or unpaired UTF-16, the unassigned
 * windows-1251 byte 0x98, ...) is reported as binary (undefined) and handled as bytes in, bytes out.
 *
 * Detection order (decodeText):
 *   1. UTF-16 BOM (FF FE → LE, FE FF → BE): text when the rest has even length, no unpaired surrogate and no
 *      U+0000 among the first BINARY_SNIFF_BYTES / 2 code units. (This also rejects UTF-32 LE, FF FE 00 00.)
 *   2. A NUL byte among the first BINARY_SNIFF_BYTES → binary (git's rule, buffer_is_binary in xdiff-interface.c).
 *   3. UTF-8 BOM (EF BB BF): text when the rest is strict UTF-8.
 *   4. Strict UTF-8 (TextDecoder fatal: true; no overlongs, no surrogates). Pure ASCII and empty files land here.
 *   5. windows-1251 when isPlausibleCp1251 (rules and measurements in cp1251.ts).
 *   6. Otherwise binary.
 * A BOM is stripped from `text` and recorded in `bom`; a second U+FEFF after it stays in the text.
 */

import { isAscii, isUtf8, transcode } from 'buffer';
import { CabinetError } from '../errors';
import { lazy } from '../lazy';
import { CP1251, cp1251Represents, isPlausibleCp1251 } from './cp1251';

const iconv = lazy(() => require('iconv-lite') as typeof import('iconv-lite'));

export type TextEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1251';

export interface DecodedText {
  text: string;
  encoding: TextEncoding;
  /** The file started with a byte order mark (never true for windows-1251, which has none). */
  bom: boolean;
}

export type EncodeCheck =
  | { ok: true }
  /** The first character that cannot be written: its UTF-16 index in the text, the character itself (both halves
   * of a surrogate pair; a lone surrogate alone) and its code point. */
  | { ok: false; index: number; char: string; codePoint: number };

/** How far git looks for a NUL byte before calling content binary (FIRST_FEW_BYTES in git's xdiff-interface.c). */
export const BINARY_SNIFF_BYTES = 8000;

const UTF8_BOM = Uint8Array.of(0xef, 0xbb, 0xbf);
const UTF16LE_BOM = Uint8Array.of(0xff, 0xfe);
const UTF16BE_BOM = Uint8Array.of(0xfe, 0xff);

const utf8Encoder = new TextEncoder();

function startsWith(bytes: Uint8Array, prefix: Uint8Array): boolean {
  if (bytes.length < prefix.length) return false;
  for (let i = 0; i < prefix.length; i++) if (bytes[i] !== prefix[i]) return false;
  return true;
}

function hasNulByte(bytes: Uint8Array, limit: number): boolean {
  const end = Math.min(bytes.length, limit);
  for (let i = 0; i < end; i++) if (bytes[i] === 0) return true;
  return false;
}

/** ES2024's String.prototype.isWellFormed (V8 native, Node ≥ 20); the project's lib is ES2022, hence the cast. */
const isWellFormed = (text: string): boolean => (text as unknown as { isWellFormed(): boolean }).isWellFormed();

/**
 * Index of the first unpaired surrogate code unit in `text`, or -1. Almost every text is well formed: the native
 * check answers that at memory speed, and the scan in JS (3–4 % of a whole merge) runs only to find the index.
 */
export function findLoneSurrogate(text: string): number {
  if (isWellFormed(text)) return -1;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0xd800 || c > 0xdfff) continue;
    if (c <= 0xdbff) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        i++;
        continue;
      }
    }
    return i;
  }
  return -1;
}

/**
 * Strict UTF-8 → text: the string TextDecoder (fatal, ignoreBOM) gives, about twice as fast on large files. simdutf
 * validates (isUtf8: the same strict rules, at memory speed), then pure ASCII is read as latin1 (a one-byte string,
 * as V8 builds for ASCII anyway) and anything else up to TRANSCODE_MAX_BYTES is transcoded to UTF-16 and read as
 * such. TextDecoder spent ~50 ms on the real 14.8 MB page, Buffer#toString('utf8') as much; this takes ~22 ms
 * (docs/performance.md). A U+FEFF stays in the text, as with ignoreBOM.
 */
function decodeUtf8(bytes: Uint8Array): string | undefined {
  if (!isUtf8(bytes)) return undefined;
  const buf = asBuffer(bytes);
  if (isAscii(buf)) return buf.toString('latin1');
  return buf.length <= TRANSCODE_MAX_BYTES ? transcode(buf, 'utf8', 'utf16le').toString('utf16le') : strictUtf8.decode(buf);
}

/**
 * The transcoded copy is garbage as soon as the string is made, but V8 frees it only at its next collection: up to
 * twice the file's size held for a while (the 9.5 MB page's triplet peaked 160 → 204 MB). Above this size the
 * slower TextDecoder, which makes the string directly, keeps a 60 MB non-ASCII side within the memory budget.
 */
const TRANSCODE_MAX_BYTES = 24 * 1024 * 1024;
/** Strict UTF-8 for files over TRANSCODE_MAX_BYTES; ignoreBOM keeps a U+FEFF in the text (the BOM is handled here). */
const strictUtf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** UTF-16 body (after the BOM) → text, or undefined when it would not round-trip or holds a NUL early on. */
function decodeUtf16(body: Uint8Array, encoding: 'utf-16le' | 'utf-16be'): string | undefined {
  if (body.length % 2 !== 0) return undefined;
  const le = Buffer.from(body);
  if (encoding === 'utf-16be') le.swap16();
  const text = le.toString('utf16le');
  if (findLoneSurrogate(text) !== -1) return undefined;
  if (text.slice(0, BINARY_SNIFF_BYTES / 2).includes('\0')) return undefined;
  return text;
}

/**
 * Decode a file's bytes, detecting BOM and encoding (order in the file comment). Returns undefined for binary
 * content, including anything that would not re-encode to the same bytes.
 */
export function decodeText(bytes: Uint8Array): DecodedText | undefined {
  for (const [bom, encoding] of [
    [UTF16LE_BOM, 'utf-16le'],
    [UTF16BE_BOM, 'utf-16be'],
  ] as const) {
    if (startsWith(bytes, bom)) {
      const text = decodeUtf16(bytes.subarray(bom.length), encoding);
      return text === undefined ? undefined : { text, encoding, bom: true };
    }
  }
  if (hasNulByte(bytes, BINARY_SNIFF_BYTES)) return undefined;
  if (startsWith(bytes, UTF8_BOM)) {
    const text = decodeUtf8(bytes.subarray(UTF8_BOM.length));
    return text === undefined ? undefined : { text, encoding: 'utf-8', bom: true };
  }
  const utf8 = decodeUtf8(bytes);
  if (utf8 !== undefined) return { text: utf8, encoding: 'utf-8', bom: false };
  if (isPlausibleCp1251(bytes)) {
    return { text: iconv().decode(Buffer.from(bytes), CP1251), encoding: 'windows-1251', bom: false };
  }
  return undefined;
}

/**
 * Least number of bytes a side must share with its reference (at its start and end together) for
 * `decodeTextLike` to decode only the rest. Below it the full decode costs next to nothing anyway.
 */
export const SPLICE_MIN_SHARED = 64 * 1024;

/**
 * `decodeText(bytes)`, faster when `bytes` shares most of its beginning and end with a file already decoded as
 * UTF-8 (`like`): mine is base plus an admin's edits, theirs base plus a vendor's. Only the bytes between the
 * shared beginning and end are decoded; the shared parts are taken from the reference's text (V8 slices, joined).
 * UTF-8 is decoded character by character with no state across characters, so the result is the very string the
 * full decode gives: the cuts are moved back to character starts in both files, the middle is decoded strictly
 * (and when it is not UTF-8 neither is the file: the full detection runs), and the shared parts are bytes the
 * reference already decoded. Decoding the real 16 MB page takes ~47 ms a side; a side that differs from base in a
 * few lines now costs the comparison (memcmp speed) and a count over the differing bytes. Everything other than
 * plain UTF-8 (UTF-16, NUL bytes, windows-1251, little shared) goes through decodeText.
 */
export function decodeTextLike(bytes: Uint8Array, like: { bytes: Uint8Array; decoded: DecodedText }): DecodedText | undefined {
  const ref = like.decoded;
  if (ref.encoding !== 'utf-8' || bytes.length < SPLICE_MIN_SHARED) return decodeText(bytes);
  if (startsWith(bytes, UTF16LE_BOM) || startsWith(bytes, UTF16BE_BOM) || hasNulByte(bytes, BINARY_SNIFF_BYTES)) return decodeText(bytes);
  const bom = startsWith(bytes, UTF8_BOM);
  const text = spliceUtf8(bom ? bytes.subarray(UTF8_BOM.length) : bytes, ref.bom ? like.bytes.subarray(UTF8_BOM.length) : like.bytes, ref.text);
  return text === undefined ? decodeText(bytes) : { text, encoding: 'utf-8', bom };
}

/** A UTF-8 continuation byte (10xxxxxx) at `i`; the end of the array is a character start. */
const isContinuation = (bytes: Uint8Array, i: number): boolean => i < bytes.length && (bytes[i] & 0xc0) === 0x80;

/** UTF-16 code units of the valid UTF-8 in bytes[start, end): one per character, two for a 4-byte one. */
function utf16Units(bytes: Uint8Array, start: number, end: number): number {
  let n = 0;
  for (let i = start; i < end; i++) {
    const b = bytes[i];
    if ((b & 0xc0) !== 0x80) n += b >= 0xf0 ? 2 : 1;
  }
  return n;
}

/** Equal bytes a[from, from + n) and b[from, from + n) (from the end when `fromEnd`): native memcmp. */
function sameBytes(a: Buffer, b: Buffer, from: number, n: number, fromEnd: boolean): boolean {
  return fromEnd
    ? a.compare(b, b.length - from - n, b.length - from, a.length - from - n, a.length - from) === 0
    : a.compare(b, from, from + n, from, from + n) === 0;
}

/** Bytes a and b share at the start (or the end), at most `max`: blocks of 64 KB, 2 KB, 64 bytes, then bytes. */
function sharedBytes(a: Buffer, b: Buffer, max: number, fromEnd: boolean): number {
  let n = 0;
  for (const step of [65536, 2048, 64, 1]) {
    while (n + step <= max && sameBytes(a, b, n, step, fromEnd)) n += step;
  }
  return n;
}

const asBuffer = (u: Uint8Array): Buffer => (Buffer.isBuffer(u) ? u : Buffer.from(u.buffer, u.byteOffset, u.length));

/**
 * The text of `body` (no BOM) given `refBody`, valid UTF-8 whose text is `refText`; undefined when too little is
 * shared to pay, or when the middle is not UTF-8 (the caller then runs the full detection).
 */
function spliceUtf8(body: Uint8Array, refBody: Uint8Array, refText: string): string | undefined {
  const a = asBuffer(body);
  const r = asBuffer(refBody);
  const max = Math.min(a.length, r.length);
  let p = sharedBytes(a, r, max, false);
  // A cut at a character start in both: then the shared beginning is whole characters of the reference.
  while (p > 0 && (isContinuation(a, p) || isContinuation(r, p))) p--;
  let s = sharedBytes(a, r, max - p, true);
  while (s > 0 && (isContinuation(a, a.length - s) || isContinuation(r, r.length - s))) s--;
  if (p + s < SPLICE_MIN_SHARED || 2 * (p + s) < a.length) return undefined;
  const middle = decodeUtf8(a.subarray(p, a.length - s));
  if (middle === undefined) return undefined;
  // Count the smaller shared part and the reference's own middle; the other part is what is left of refText.
  const refMiddle = utf16Units(r, p, r.length - s);
  let headUnits: number;
  let tailUnits: number;
  if (p <= s) {
    headUnits = utf16Units(r, 0, p);
    tailUnits = refText.length - headUnits - refMiddle;
  } else {
    tailUnits = utf16Units(r, r.length - s, r.length);
    headUnits = refText.length - tailUnits - refMiddle;
  }
  return refText.slice(0, headUnits) + middle + refText.slice(refText.length - tailUnits);
}

/** True when the content is handled as bytes: exactly when decodeText returns undefined. */
export function isBinary(bytes: Uint8Array): boolean {
  return decodeText(bytes) === undefined;
}

function failure(text: string, index: number): EncodeCheck {
  const codePoint = text.codePointAt(index) as number;
  const isPair = codePoint > 0xffff;
  return { ok: false, index, char: text.slice(index, index + (isPair ? 2 : 1)), codePoint };
}

/**
 * Whether `text` can be written in `encoding` without loss, else the first character that cannot. Unpaired
 * surrogates fail in every encoding (they are not characters; decodeText never produces them). windows-1251 fails
 * on anything outside its table (e.g. 'ł', '😀', U+FFFD), where iconv-lite would silently write '?'.
 */
export function canEncode(text: string, encoding: TextEncoding): EncodeCheck {
  const lone = findLoneSurrogate(text);
  if (encoding !== 'windows-1251') return lone === -1 ? { ok: true } : failure(text, lone);
  for (let i = 0; i < text.length; i++) {
    if (!cp1251Represents(text.charCodeAt(i))) return failure(text, i);
  }
  return { ok: true };
}

/**
 * Text → bytes in `encoding`, with a BOM in front when `bom`. Throws an internal CabinetError when the text cannot
 * be written exactly (check canEncode first and choose another encoding) or when a BOM is asked for windows-1251.
 */
export function encodeText(text: string, encoding: TextEncoding, bom: boolean): Uint8Array {
  const check = canEncode(text, encoding);
  if (!check.ok) {
    const where = `U+${check.codePoint.toString(16).toUpperCase().padStart(4, '0')} at index ${check.index}`;
    throw new CabinetError('internal', {
      en: `Cannot write character ${where} in ${encoding}`,
      ru: `Символ ${where} невозможно записать в кодировке ${encoding}`,
    });
  }
  switch (encoding) {
    case 'utf-8':
      // TextEncoder's result is a fresh array of its own: no copy without a BOM (a 60 MB file's second 60 MB).
      return bom ? withBom(UTF8_BOM, utf8Encoder.encode(text)) : utf8Encoder.encode(text);
    case 'utf-16le':
      return withBom(bom ? UTF16LE_BOM : undefined, Buffer.from(text, 'utf16le'));
    case 'utf-16be':
      return withBom(bom ? UTF16BE_BOM : undefined, Buffer.from(text, 'utf16le').swap16());
    case 'windows-1251':
      if (bom) {
        throw new CabinetError('internal', {
          en: 'windows-1251 has no byte order mark',
          ru: 'У кодировки windows-1251 нет метки порядка байтов (BOM)',
        });
      }
      return new Uint8Array(iconv().encode(text, CP1251));
    default:
      return assertNever(encoding);
  }
}

function withBom(bom: Uint8Array | undefined, body: Uint8Array): Uint8Array {
  if (bom === undefined) return new Uint8Array(body);
  const out = new Uint8Array(bom.length + body.length);
  out.set(bom, 0);
  out.set(body, bom.length);
  return out;
}

function assertNever(x: never): never {
  throw new Error(`unexpected encoding ${String(x)}`);
}

const ENCODING_NAMES: Record<TextEncoding, string> = {
  'utf-8': 'UTF-8',
  'utf-16le': 'UTF-16 LE',
  'utf-16be': 'UTF-16 BE',
  'windows-1251': 'windows-1251',
};

/** Human name for reports: 'UTF-8', 'UTF-8 with BOM' ('UTF-8 с BOM' in Russian), 'windows-1251', ... */
export function describeEncoding(d: { encoding: TextEncoding; bom: boolean }, lang: 'en' | 'ru' = 'en'): string {
  const name = ENCODING_NAMES[d.encoding];
  if (!d.bom) return name;
  return lang === 'ru' ? `${name} с BOM` : `${name} with BOM`;
}
