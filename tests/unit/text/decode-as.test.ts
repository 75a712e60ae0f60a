/**
 * readBack(text, bom) stands for decoding back what encodeText wrote (the rerere preimage of a conflicted file):
 * it must be exactly decodeAs(encodeText(text, encoding, bom), encoding) for every text encodeText accepts.
 */
import fc from 'fast-check';
import { decodeAs, readBack } from '../../../src/text/decode-as';
import { canEncode, encodeText, type TextEncoding } from '../../../src/text/encoding';

const ENCODINGS: TextEncoding[] = ['utf-8', 'utf-16le', 'utf-16be', 'windows-1251'];
const char = fc.oneof(
  fc.constantFrom('\ufeff', 'a', '\n', '\r', 'ж', '€', '😀', '\u0098', '\ufffd', '\u0000'),
  fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }),
);

describe('readBack', () => {
  test('equals decoding the written bytes back, in every encoding, with and without BOM', () => {
    fc.assert(
      fc.property(fc.array(char, { maxLength: 12 }), fc.constantFrom(...ENCODINGS), fc.boolean(), (chars, encoding, bom) => {
        const text = chars.join('');
        if (!canEncode(text, encoding).ok || (bom && encoding === 'windows-1251')) return;
        expect(readBack(text, bom)).toBe(decodeAs(encodeText(text, encoding, bom), encoding));
      }),
      { numRuns: 2000 },
    );
  });

  test('a U+FEFF the text starts with reads back as a BOM unless one was written before it', () => {
    expect(readBack('\ufeffa', false)).toBe('a');
    expect(readBack('\ufeffa', true)).toBe('\ufeffa');
    expect(readBack('a\ufeff', false)).toBe('a\ufeff');
  });
});
