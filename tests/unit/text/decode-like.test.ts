/**
 * decodeTextLike(bytes, reference) decodes only what a side does not share with an already decoded UTF-8 file;
 * its result must be decodeText(bytes) exactly, whatever the bytes (cuts inside multi-byte characters, invalid
 * UTF-8, BOMs, NUL bytes, windows-1251).
 */
import fc from 'fast-check';
import * as iconv from 'iconv-lite';
import { decodeText, decodeTextLike, SPLICE_MIN_SHARED } from '../../../src/text/encoding';

/** Characters of every UTF-8 length: ASCII, Cyrillic and Latin-1 (2 bytes), € and CJK (3), emoji (4). */
const CHARS = ['a', ' ', '\n', '<', 'ж', 'é', 'Ё', '€', '中', '😀', '𝒜'];

/** A text of at least `min` UTF-8 bytes from those characters, repeated from `seed` pieces. */
function bigText(seed: string[], min: number): string {
  const piece = seed.join('');
  const parts: string[] = [];
  for (let n = 0; n < min; n += Buffer.byteLength(piece) + 2) parts.push(piece, String(parts.length % 97).padStart(2, '0'));
  return parts.join('');
}

const like = (ref: Uint8Array) => ({ bytes: ref, decoded: decodeText(ref)! });

/** Bytes biased to what breaks UTF-8 decoding: continuation bytes, leads of every length, invalid bytes, NUL. */
const awkwardByte = fc.oneof(
  fc.integer({ min: 0x80, max: 0xbf }),
  fc.constantFrom(0xc3, 0xd0, 0xe2, 0xe4, 0xf0, 0xf4),
  fc.constantFrom(0xc0, 0xf8, 0xff, 0xfe, 0x98, 0x00),
  fc.integer({ min: 0x20, max: 0x7e }),
);
const insert = fc.oneof(
  fc.array(fc.constantFrom(...CHARS), { maxLength: 8 }).map((cs) => Buffer.from(cs.join(''))),
  fc.array(awkwardByte, { maxLength: 6 }).map((bs) => Buffer.from(bs)),
);

describe('decodeTextLike', () => {
  test('equals decodeText for any edit of a UTF-8 reference, cut anywhere (also inside a character)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(...CHARS), { minLength: 5, maxLength: 30 }),
        fc.array(fc.tuple(fc.nat(), fc.nat({ max: 12 }), insert), { minLength: 0, maxLength: 3 }),
        fc.boolean(),
        fc.boolean(),
        (seed, edits, refBom, sideBom) => {
          const body = Buffer.from(bigText(seed, SPLICE_MIN_SHARED + 1000));
          const ref = refBom ? Buffer.concat([Buffer.of(0xef, 0xbb, 0xbf), body]) : body;
          let side: Buffer = body;
          for (const [at, cut, bytes] of edits) {
            const i = at % (side.length + 1);
            side = Buffer.concat([side.subarray(0, i), bytes, side.subarray(Math.min(side.length, i + cut))]);
          }
          if (sideBom) side = Buffer.concat([Buffer.of(0xef, 0xbb, 0xbf), side]);
          expect(decodeTextLike(side, like(ref))).toEqual(decodeText(side));
        },
      ),
      { numRuns: 300 },
    );
  });

  test('a side with a few changed lines: only the changed bytes are decoded, the text is the same', () => {
    const base = Buffer.from(bigText(['строка ', 'line ', '€ ', '😀\n'], 4 * SPLICE_MIN_SHARED));
    const nl = base.indexOf(10);
    const mine = Buffer.concat([base.subarray(0, nl + 1), Buffer.from('/* наш счётчик 😀 */\n'), base.subarray(nl + 1)]);
    const decode = jest.spyOn(TextDecoder.prototype, 'decode');
    try {
      const ref = like(base);
      decode.mockClear();
      const d = decodeTextLike(mine, ref);
      const decodedBytes = decode.mock.calls.reduce((n, [input]) => n + (input as Uint8Array).length, 0);
      expect(decodedBytes).toBeLessThan(100);
      expect(d).toEqual(decodeText(mine));
    } finally {
      decode.mockRestore();
    }
  });

  test('what is not plain UTF-8, or shares too little, is decoded as decodeText decodes it', () => {
    const base = Buffer.from(bigText(['привет ', 'мир\n'], SPLICE_MIN_SHARED + 10));
    const cases: Buffer[] = [
      Buffer.concat([base.subarray(0, 10), Buffer.of(0), base.subarray(10)]), // NUL early: binary
      Buffer.concat([base, Buffer.of(0xff)]), // invalid UTF-8 at the end: not UTF-8
      Buffer.concat([Buffer.of(0xff, 0xfe), Buffer.from('hi', 'utf16le')]), // UTF-16 LE
      iconv.encode(base.toString('utf8'), 'windows-1251'), // windows-1251 throughout
      Buffer.concat([iconv.encode('привет', 'windows-1251'), base.subarray(12)]), // a windows-1251 start: binary or 1251
      Buffer.from('x'.repeat(SPLICE_MIN_SHARED + 10)), // nothing shared
      base.subarray(0, 100), // small
      base, // the same bytes
    ];
    // Cut inside a character of the reference: 'п' (D0 BF) becomes D0 41 in the side, which is then not UTF-8.
    const inChar = Buffer.from(base);
    inChar[base.indexOf(Buffer.from('п')) + 1] = 0x41;
    cases.push(inChar);
    for (const side of cases) expect(decodeTextLike(side, like(base))).toEqual(decodeText(side));
    // A windows-1251 reference is not spliced on (its text is not UTF-8).
    const ref1251 = iconv.encode(base.toString('utf8'), 'windows-1251');
    expect(decodeTextLike(base, like(ref1251))).toEqual(decodeText(base));
  });
});
