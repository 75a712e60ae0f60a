/**
 * The key invariant of src/text: decodeText(bytes) = d  ⇒  encodeText(d.text, d.encoding, d.bom) = bytes.
 * Inputs are generated so that every branch of the detection is hit (the coverage check at the end says so).
 */
import fc from 'fast-check';
import * as iconv from 'iconv-lite';
import { canEncode, decodeText, encodeText, TextEncoding } from '../../../src/text';

const RUNS = { seed: 1251, numRuns: 300 };

const hex = (b: Uint8Array): string => Buffer.from(b).toString('hex');
const concat = (parts: Uint8Array[]): Uint8Array => new Uint8Array(Buffer.concat(parts));

const asciiByte = fc.oneof(fc.integer({ min: 0x20, max: 0x7e }), fc.constantFrom(0x0a, 0x0d, 0x09));
const cp1251LetterByte = fc.integer({ min: 0xc0, max: 0xff });
const anyByte = fc.integer({ min: 0, max: 0xff });
const oneByte = (arb: fc.Arbitrary<number>): fc.Arbitrary<Uint8Array> => arb.map((b) => Uint8Array.of(b));

/** Characters as a Russian admin's files hold them, plus any code point. */
const char = fc.oneof(
  { weight: 4, arbitrary: fc.string({ unit: 'grapheme-ascii', minLength: 1, maxLength: 1 }) },
  { weight: 4, arbitrary: fc.integer({ min: 0x410, max: 0x44f }).map((c) => String.fromCharCode(c)) },
  { weight: 1, arbitrary: fc.constantFrom('\r\n', '\n', 'ё', 'Ё', '«', '»', '—', '№', '\u00a0', '€', '\uFEFF') },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }) },
);
const wellFormedText = fc.string({ unit: char, maxLength: 60 });

/** Texts that also hold lone surrogates and characters windows-1251 lacks. */
const anyText = fc.string({
  unit: fc.oneof(char, fc.integer({ min: 0xd800, max: 0xdfff }).map((c) => String.fromCharCode(c))),
  maxLength: 40,
});

/** 8-bit bodies: ASCII, cp1251 letters, UTF-8 sequences of any code point, and the odd stray byte. */
const eightBitBody = fc
  .array(
    fc.oneof(
      { weight: 5, arbitrary: oneByte(asciiByte) },
      { weight: 4, arbitrary: oneByte(cp1251LetterByte) },
      { weight: 3, arbitrary: char.map((c) => new Uint8Array(Buffer.from(c, 'utf8'))) },
      { weight: 1, arbitrary: oneByte(anyByte) },
    ),
    { maxLength: 50 },
  )
  .map(concat);

/** UTF-16 bodies: code units biased to ASCII, Cyrillic and surrogate pairs; any unit (so lone surrogates and
 * U+0000) now and then; sometimes a stray odd byte at the end. */
const utf16Units = fc
  .array(
    fc.oneof(
      { weight: 10, arbitrary: fc.integer({ min: 0x20, max: 0x7e }).map((u) => [u]) },
      { weight: 10, arbitrary: fc.integer({ min: 0x400, max: 0x45f }).map((u) => [u]) },
      {
        weight: 2,
        arbitrary: fc.tuple(fc.integer({ min: 0xd800, max: 0xdbff }), fc.integer({ min: 0xdc00, max: 0xdfff })),
      },
      { weight: 1, arbitrary: fc.integer({ min: 0, max: 0xffff }).map((u) => [u]) },
    ),
    { maxLength: 30 },
  )
  .map((groups) => groups.flat())
  .chain((units) => fc.tuple(fc.constant(units), fc.boolean(), fc.boolean(), fc.boolean()));

const generatedBytes: fc.Arbitrary<Uint8Array> = fc.oneof(
  fc.uint8Array({ maxLength: 64 }),
  eightBitBody.map((body) => concat([Uint8Array.of(0xef, 0xbb, 0xbf), body])),
  eightBitBody,
  utf16Units.map(([units, bigEndian, withBom, stray]) => {
    const body = Buffer.from(Uint16Array.from(units).buffer);
    if (bigEndian) body.swap16();
    const bom = withBom ? (bigEndian ? [0xfe, 0xff] : [0xff, 0xfe]) : [];
    return concat([Uint8Array.from(bom), body, Uint8Array.from(stray ? [0x41] : [])]);
  }),
);

const ENCODINGS: [TextEncoding, boolean][] = [
  ['utf-8', false],
  ['utf-8', true],
  ['utf-16le', true],
  ['utf-16be', true],
  ['utf-16le', false],
  ['windows-1251', false],
];

describe('round trip', () => {
  test('bytes → decodeText → encodeText gives the same bytes (and every detection branch is exercised)', () => {
    const seen = new Map<string, number>();
    fc.assert(
      fc.property(generatedBytes, (bytes) => {
        const d = decodeText(bytes);
        const outcome = d === undefined ? 'binary' : `${d.encoding}${d.bom ? '+bom' : ''}`;
        seen.set(outcome, (seen.get(outcome) ?? 0) + 1);
        if (d !== undefined) expect(hex(encodeText(d.text, d.encoding, d.bom))).toBe(hex(bytes));
      }),
      { ...RUNS, numRuns: 1000 },
    );
    for (const outcome of ['binary', 'utf-8', 'utf-8+bom', 'utf-16le+bom', 'utf-16be+bom', 'windows-1251']) {
      expect([outcome, (seen.get(outcome) ?? 0) >= 10]).toEqual([outcome, true]);
    }
  });

  test('text → encodeText → decodeText: bytes round-trip, and BOM-marked text comes back unchanged', () => {
    fc.assert(
      fc.property(wellFormedText, fc.constantFrom(...ENCODINGS), (text, [encoding, bom]) => {
        if (!canEncode(text, encoding).ok) return;
        const bytes = encodeText(text, encoding, bom);
        const d = decodeText(bytes);
        if (d !== undefined) expect(hex(encodeText(d.text, d.encoding, d.bom))).toBe(hex(bytes));
        const hasNul = text.includes('\0');
        if (bom && !hasNul) expect(d).toEqual({ text, encoding, bom });
        const plainUtf8 = encoding === 'utf-8' && !bom && !text.startsWith('\uFEFF');
        if (plainUtf8 && !hasNul) expect(d).toEqual({ text, encoding, bom });
        if (encoding === 'windows-1251' && d?.encoding === 'windows-1251') expect(d.text).toBe(text);
      }),
      RUNS,
    );
  });

  test('canEncode(text, windows-1251) is ok exactly when iconv-lite round-trips it without U+FFFD', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        const back = iconv.decode(iconv.encode(text, 'windows-1251'), 'windows-1251');
        const viaIconv = back === text && !text.includes('\uFFFD');
        const check = canEncode(text, 'windows-1251');
        expect(check.ok).toBe(viaIconv);
        if (!check.ok) expect(text.slice(check.index).startsWith(check.char)).toBe(true);
      }),
      RUNS,
    );
  });

  test('canEncode in UTF-8/UTF-16 fails exactly on lone surrogates', () => {
    fc.assert(
      fc.property(anyText, fc.constantFrom<TextEncoding>('utf-8', 'utf-16le', 'utf-16be'), (text, encoding) => {
        const wellFormed = Buffer.from(text, 'utf8').toString('utf8') === text;
        expect(canEncode(text, encoding).ok).toBe(wellFormed);
      }),
      RUNS,
    );
  });
});
