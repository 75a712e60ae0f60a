/**
 * windows-1251: the table of what it can represent, and the guess "these bytes are Russian text in windows-1251".
 *
 * windows-1251 has no signature, and every byte but 0x98 decodes to something, so any file decodes. The guess is
 * therefore a plausibility test, applied only to bytes that are not valid UTF-8 (see encoding.ts). Over the bytes
 * >= 0x80 ("high bytes"), with these classes:
 *   letters  0xC0-0xFF (А-я), 0xA8/0xB8 (Ёё), Ukrainian and Belarusian letters (Ґґ Єє Іі Її Ўў);
 *   signs    typographic marks a Russian text carries: « » „ “ ” ‘ ’ – — … № € ™ § © ® ° ± · nbsp soft hyphen…;
 *   other    Serbian/Macedonian letters (Ђ Љ Њ Ћ Џ Ѓ Ќ Ј Ѕ…), which a Russian text does not use.
 * the bytes are plausible windows-1251 text when all of:
 *   1. no C0 control byte except TAB, LF, VT, FF, CR, and no DEL — text files do not contain them;
 *   2. no 0x98 (unassigned; see CP1251_UNASSIGNED);
 *   3. letters + signs >= MIN_TYPICAL_SHARE of the high bytes;
 *   4. at most MAX_LATIN_TOUCHING_SHARE of the letters touch an ASCII letter. This tells a Latin-1/windows-1252
 *      file ("café", "Müller": é, ü sit inside Latin words) from Russian (Cyrillic letters sit in Cyrillic words).
 *
 * Measured (tests/unit/text/cp1251.test.ts keeps these as expectations):
 *   - accepted: "Привет", "Личный кабинет", "ё", "Ё", "ВНИМАНИЕ", "№ 5", "«Hello»", a cp1251 HTML page;
 *     Russian prose: letters 97%, letters + signs 100%, Latin-touching 0%.
 *   - rejected: windows-1252 "Le café est très bon…" (Latin-touching 92%), "José", Polish windows-1250 (44% of
 *     letters Latin-touching but letters + signs only 67%), CP866 capitals (letters + signs 56%), any control byte.
 *   - NOT distinguishable, read as windows-1251: KOI8-R, ISO-8859-5, MacCyrillic and CP866 Russian prose (99-100%
 *     of their high bytes land on cp1251 letters or signs). Bytes still round-trip exactly, so a merge where all
 *     three sides share that encoding is correct; only a side in a different encoding would show mojibake. Telling
 *     them apart needs letter-frequency statistics, not worth it for Windows exports.
 */

import { lazy } from '../lazy';

/** iconv-lite's tables load on first use (src/lazy.ts): most cabinets have no windows-1251 file. */
const iconv = lazy(() => require('iconv-lite') as typeof import('iconv-lite'));

export const CP1251 = 'windows-1251';

/** The one byte windows-1251 leaves unassigned. iconv-lite decodes it to U+FFFD and encodes U+FFFD back to 0x98, so
 * accepting it would turn a genuine U+FFFD from another side into 0x98 on output. A file holding it is binary. */
export const CP1251_UNASSIGNED = 0x98;

/** Share of the high bytes that must be letters or signs; Russian prose measures 100%, CP866 capitals 56%. */
export const MIN_TYPICAL_SHARE = 0.9;

/** Largest share of letters allowed to touch an ASCII letter; Russian measures 0%, windows-1252 French 92%. */
export const MAX_LATIN_TOUCHING_SHARE = 0.5;

const OTHER = 0;
const LETTER = 1;
const SIGN = 2;

/** Class of each high byte (index = byte - 0x80). */
const HIGH_BYTE_CLASS: Uint8Array = (() => {
  const classes = new Uint8Array(0x80).fill(OTHER);
  for (let b = 0xc0; b <= 0xff; b++) classes[b - 0x80] = LETTER;
  const letters = [0xa8, 0xb8, 0xa5, 0xb4, 0xaa, 0xba, 0xb2, 0xb3, 0xaf, 0xbf, 0xa1, 0xa2];
  for (const b of letters) classes[b - 0x80] = LETTER;
  const signs = [
    0x82, 0x84, 0x85, 0x86, 0x87, 0x88, 0x89, 0x8b, 0x91, 0x92, 0x93, 0x94, 0x95, 0x96, 0x97, 0x99, 0x9b, 0xa0,
    0xa4, 0xa6, 0xa7, 0xa9, 0xab, 0xac, 0xad, 0xae, 0xb0, 0xb1, 0xb5, 0xb6, 0xb7, 0xb9, 0xbb,
  ];
  for (const b of signs) classes[b - 0x80] = SIGN;
  return classes;
})();

function isAsciiLetter(b: number | undefined): boolean {
  return b !== undefined && ((b >= 0x41 && b <= 0x5a) || (b >= 0x61 && b <= 0x7a));
}

/** Control bytes a text file may hold: TAB, LF, VT, FF, CR. */
function isTextControl(b: number): boolean {
  return b >= 0x09 && b <= 0x0d;
}

/**
 * True when `bytes` look like text in windows-1251 (rules 1-4 above). Meant for bytes that failed strict UTF-8;
 * pure ASCII returns true but is never asked.
 */
export function isPlausibleCp1251(bytes: Uint8Array): boolean {
  let high = 0;
  let letters = 0;
  let signs = 0;
  let latinTouching = 0;
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i];
    if (b < 0x20) {
      if (!isTextControl(b)) return false;
      continue;
    }
    if (b < 0x7f) continue;
    if (b === 0x7f || b === CP1251_UNASSIGNED) return false;
    high++;
    const cls = HIGH_BYTE_CLASS[b - 0x80];
    if (cls === LETTER) {
      letters++;
      if (isAsciiLetter(bytes[i - 1]) || isAsciiLetter(bytes[i + 1])) latinTouching++;
    } else if (cls === SIGN) {
      signs++;
    }
  }
  if (high === 0) return true;
  return letters + signs >= MIN_TYPICAL_SHARE * high && latinTouching <= MAX_LATIN_TOUCHING_SHARE * letters;
}

/** Code unit → byte for every non-ASCII character windows-1251 represents, taken from iconv-lite's own table so
 * canEncode and encode can never disagree. All of them are in the BMP. */
const CP1251_ENCODABLE: () => ReadonlyMap<number, number> = lazy(() => {
  const map = new Map<number, number>();
  for (let b = 0x80; b <= 0xff; b++) {
    if (b === CP1251_UNASSIGNED) continue;
    map.set(iconv().decode(Buffer.from([b]), CP1251).charCodeAt(0), b);
  }
  return map;
});

/** True when windows-1251 has a byte for this UTF-16 code unit. */
export function cp1251Represents(codeUnit: number): boolean {
  return codeUnit < 0x80 || CP1251_ENCODABLE().has(codeUnit);
}
