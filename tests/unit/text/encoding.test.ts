import fc from 'fast-check';
import * as iconv from 'iconv-lite';
import {
  BINARY_SNIFF_BYTES,
  canEncode,
  decodeText,
  describeEncoding,
  encodeText,
  findLoneSurrogate,
  isBinary,
  TextEncoding,
} from '../../../src/text';
import { CabinetError } from '../../../src/errors';

const bytes = (...parts: (string | number[] | Uint8Array)[]): Uint8Array =>
  Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p, 'latin1') : Buffer.from(p))));
const utf8 = (s: string): Uint8Array => Buffer.from(s, 'utf8');
const utf16le = (s: string): Uint8Array => Buffer.from(s, 'utf16le');
const utf16be = (s: string): Uint8Array => Buffer.from(s, 'utf16le').swap16();
const cp1251 = (s: string): Uint8Array => iconv.encode(s, 'windows-1251');
const hex = (b: Uint8Array): string => Buffer.from(b).toString('hex');

/** One line per result: "utf-8 bom 'text'" or "binary". */
function show(b: Uint8Array): string {
  const d = decodeText(b);
  return d === undefined ? 'binary' : `${d.encoding}${d.bom ? ' bom' : ''} ${JSON.stringify(d.text)}`;
}

/** decodeText then encodeText must give the input back. */
function expectRoundTrip(b: Uint8Array): void {
  const d = decodeText(b);
  if (d === undefined) return;
  expect(hex(encodeText(d.text, d.encoding, d.bom))).toBe(hex(b));
}

const HTML_RU = '<!DOCTYPE html>\r\n<html lang="ru">\r\n<head><title>Личный кабинет</title></head>\r\n' +
  '<body>\n<h1>Добро пожаловать!</h1>\r\n<p>Счёт № 15 — «оплачен».</p>\n</body>\r\n</html>';

describe('decodeText: every encoding, with and without BOM', () => {
  test.each<[string, Uint8Array, string]>([
    ['empty', bytes(), 'utf-8 ""'],
    ['ASCII', utf8('a = 1;\n'), 'utf-8 "a = 1;\\n"'],
    ['UTF-8 Cyrillic', utf8('Привет'), 'utf-8 "Привет"'],
    ['UTF-8 with BOM', bytes([0xef, 0xbb, 0xbf], utf8('Привет')), 'utf-8 bom "Привет"'],
    ['UTF-8 BOM only', bytes([0xef, 0xbb, 0xbf]), 'utf-8 bom ""'],
    ['UTF-8 BOM twice: the second stays text', bytes([0xef, 0xbb, 0xbf, 0xef, 0xbb, 0xbf], 'x'), 'utf-8 bom "\uFEFFx"'],
    ['UTF-16 LE with BOM', bytes([0xff, 0xfe], utf16le('Привет\r\n')), 'utf-16le bom "Привет\\r\\n"'],
    ['UTF-16 BE with BOM', bytes([0xfe, 0xff], utf16be('Привет\r\n')), 'utf-16be bom "Привет\\r\\n"'],
    ['UTF-16 LE BOM only', bytes([0xff, 0xfe]), 'utf-16le bom ""'],
    ['UTF-16 with an emoji (surrogate pair)', bytes([0xff, 0xfe], utf16le('a😀b')), 'utf-16le bom "a😀b"'],
    ['windows-1251 word', cp1251('Привет'), 'windows-1251 "Привет"'],
    ['UTF-8 mixed scripts and EOLs', utf8('Hello, мир!\r\nline2\nё'), 'utf-8 "Hello, мир!\\r\\nline2\\nё"'],
  ])('%s', (_name, input, expected) => {
    expect(show(input)).toBe(expected);
    expectRoundTrip(input);
  });

  test('windows-1251 HTML page with CRLF and LF mixed, «», —, №, ё', () => {
    const input = cp1251(HTML_RU);
    expect(decodeText(input)).toEqual({ text: HTML_RU, encoding: 'windows-1251', bom: false });
    expectRoundTrip(input);
  });

  test('the same page in UTF-8 is UTF-8', () => {
    expect(decodeText(utf8(HTML_RU))).toEqual({ text: HTML_RU, encoding: 'utf-8', bom: false });
  });

  test('UTF-16 without BOM is not guessed: ASCII in it has NULs, so it is binary', () => {
    expect(show(utf16le('body { color: red }'))).toBe('binary');
  });
});

describe('decodeText: what does not round-trip is binary', () => {
  test.each<[string, Uint8Array]>([
    ['invalid UTF-8 after a UTF-8 BOM', bytes([0xef, 0xbb, 0xbf], cp1251('Привет'))],
    ['overlong UTF-8 (C0 AF) in otherwise ASCII', bytes('a', [0xc0, 0xaf], 'b')],
    ['UTF-8-encoded surrogate (ED A0 80)', bytes('a', [0xed, 0xa0, 0x80])],
    ['truncated UTF-8 sequence at the end', bytes(utf8('При'), [0xd0])],
    ['windows-1251 unassigned byte 0x98', bytes(cp1251('Привет'), [0x98])],
    ['UTF-16 LE odd length (iconv-lite would drop the last byte)', bytes([0xff, 0xfe], utf16le('ab'), [0x63])],
    ['UTF-16 BE odd length', bytes([0xfe, 0xff], utf16be('ab'), [0x63])],
    ['UTF-16 LE lone high surrogate', bytes([0xff, 0xfe], utf16le('a'), [0x00, 0xd8], utf16le('b'))],
    ['UTF-16 LE lone low surrogate at the end', bytes([0xff, 0xfe], utf16le('a'), [0x00, 0xdc])],
    ['UTF-16 BE reversed pair', bytes([0xfe, 0xff], [0xdc, 0x00, 0xd8, 0x00])],
    ['UTF-16 with U+0000 (binary that starts FF FE)', bytes([0xff, 0xfe], [0x41, 0x00, 0x00, 0x00])],
    ['UTF-32 LE BOM', bytes([0xff, 0xfe, 0x00, 0x00], [0x41, 0, 0, 0])],
    ['NUL byte in ASCII', bytes('abc', [0], 'def')],
    ['NUL byte after a UTF-8 BOM', bytes([0xef, 0xbb, 0xbf], 'a', [0])],
    ['control byte in non-UTF-8 text', bytes(cp1251('Привет'), [0x01])],
  ])('%s', (_name, input) => {
    expect(decodeText(input)).toBeUndefined();
    expect(isBinary(input)).toBe(true);
  });

  test('iconv-lite facts this module guards against', () => {
    expect(iconv.decode(Buffer.from([0x98]), 'windows-1251')).toBe('\uFFFD');
    expect(hex(iconv.encode('\uFFFD', 'windows-1251'))).toBe('98');
    expect(iconv.decode(Buffer.from([0x41, 0x00, 0x42]), 'utf-16le')).toBe('A');
    expect(hex(iconv.encode('ł😀', 'windows-1251'))).toBe('3f3f3f');
  });

  test('git rule: a NUL past the first 8000 bytes of valid UTF-8 does not make it binary', () => {
    const input = bytes('a'.repeat(BINARY_SNIFF_BYTES), [0]);
    expect(decodeText(input)?.encoding).toBe('utf-8');
    expectRoundTrip(input);
    expect(isBinary(bytes('a'.repeat(BINARY_SNIFF_BYTES - 1), [0]))).toBe(true);
  });
});

describe('decodeText: UTF-8 as the strict TextDecoder reads it', () => {
  // decodeUtf8 validates with isUtf8 and reads through latin1 or a UTF-16 transcode: the same text, the same refusals.
  const reference = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
  const strict = (b: Uint8Array): string | undefined => {
    try {
      return reference.decode(b);
    } catch {
      return undefined;
    }
  };
  const piece = fc.oneof(
    { weight: 6, arbitrary: fc.string({ unit: 'grapheme-ascii', maxLength: 8 }).map((s) => utf8(s)) },
    { weight: 6, arbitrary: fc.string({ unit: 'grapheme', maxLength: 4 }).map((s) => utf8(s)) },
    { weight: 1, arbitrary: fc.constantFrom(utf8('\uFEFF'), Uint8Array.of(0xc0, 0xaf), Uint8Array.of(0xed, 0xa0, 0x80), Uint8Array.of(0xf4, 0x90, 0x80, 0x80)) },
    { weight: 1, arbitrary: fc.integer({ min: 0x80, max: 0xff }).map((b) => Uint8Array.of(b)) },
  );
  test('any mix of characters, BOMs, overlongs, surrogates and stray bytes', () => {
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 30 }), (parts) => {
        const b = bytes(...parts);
        const d = decodeText(b);
        const expected = strict(b);
        if (expected !== undefined) {
          const body = expected.startsWith('\uFEFF') ? expected.slice(1) : expected;
          expect(d).toEqual({ text: body, encoding: 'utf-8', bom: expected !== body });
        } else {
          expect(d?.encoding).not.toBe('utf-8');
        }
      }),
      { seed: 13, numRuns: 500 },
    );
  });

  test('a non-ASCII file over TRANSCODE_MAX_BYTES (24 MiB, decoded by TextDecoder itself) and one under it', () => {
    for (const size of [24 * 1024 * 1024 + 6, 3 * 1024 * 1024]) {
      const b = Buffer.alloc(size, 'Ёж: ');
      expect(decodeText(b)?.text === strict(b)).toBe(true);
    }
  });
});

describe('isBinary: real file headers', () => {
  const b64 = (s: string): Uint8Array => Buffer.from(s, 'base64');
  test.each<[string, Uint8Array]>([
    ['PNG 1×1', b64('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=')],
    ['GIF 1×1', b64('R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7')],
    ['JPEG (JFIF APP0)', bytes([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10], 'JFIF', [0x00, 0x01, 0x01, 0x00, 0x00, 0x01])],
    ['WOFF', bytes('wOFF', [0x00, 0x01, 0x00, 0x00, 0x00, 0x00, 0x04, 0x2c, 0x00, 0x0b])],
    ['WOFF2', bytes('wOF2', [0x00, 0x01, 0x00, 0x00, 0x00, 0x00, 0x05, 0x10])],
    ['TTF', bytes([0x00, 0x01, 0x00, 0x00, 0x00, 0x0d, 0x00, 0x80])],
    ['ICO', bytes([0x00, 0x00, 0x01, 0x00, 0x01, 0x00, 0x10, 0x10])],
    ['ZIP local header', bytes('PK', [0x03, 0x04, 0x14, 0x00, 0x00, 0x00, 0x08, 0x00], 'a.txt')],
    ['gzip', bytes([0x1f, 0x8b, 0x08, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x03])],
    // A PDF whose first 8000 bytes hold no NUL: the high-byte marker line alone would pass as text, the deflate
    // stream's control bytes do not.
    [
      'PDF header + stream bytes',
      bytes(
        '%PDF-1.7\n%',
        [0xe2, 0xe3, 0xcf, 0xd3],
        '\n1 0 obj\n<< /Length 9 /Filter /FlateDecode >>\nstream\n',
        [0x78, 0x9c, 0xcb, 0x48, 0xcd, 0xc9, 0xc9, 0x07, 0x02, 0x1a, 0x0b],
        '\nendstream\n',
      ),
    ],
  ])('%s is binary', (_name, input) => {
    expect(isBinary(input)).toBe(true);
  });

  test('text files are not binary', () => {
    expect(isBinary(utf8('.a { color: #fff; }\n'))).toBe(false);
    expect(isBinary(cp1251(HTML_RU))).toBe(false);
    expect(isBinary(bytes([0xff, 0xfe], utf16le('{"a": 1}')))).toBe(false);
  });
});

describe('canEncode', () => {
  test.each<[string, TextEncoding, string]>([
    ['Привет, Ёё № «» — € ™ …', 'windows-1251', 'ok'],
    ['Україна: Ґґ Єє Іі Її', 'windows-1251', 'ok'],
    ['Łódź', 'windows-1251', "0 'Ł' U+0141"],
    ['ab ł', 'windows-1251', "3 'ł' U+0142"],
    ['ok 😀', 'windows-1251', "3 '😀' U+1F600"],
    ['caf\u00e9', 'windows-1251', "3 'é' U+00E9"],
    ['x\uFFFD', 'windows-1251', "1 '\uFFFD' U+FFFD"],
    ['₽ 100', 'windows-1251', "0 '₽' U+20BD"],
    ['ok 😀 ł ₽', 'utf-8', 'ok'],
    ['ok 😀 ł ₽', 'utf-16le', 'ok'],
    ['ok 😀 ł ₽', 'utf-16be', 'ok'],
    ['a\uD800b', 'utf-8', "1 '\uD800' U+D800"],
    ['a\uDC00', 'utf-16le', "1 '\uDC00' U+DC00"],
    ['a\uD800', 'windows-1251', "1 '\uD800' U+D800"],
  ])('%j in %s → %s', (text, encoding, expected) => {
    const r = canEncode(text, encoding);
    const got = r.ok ? 'ok' : `${r.index} '${r.char}' U+${r.codePoint.toString(16).toUpperCase().padStart(4, '0')}`;
    expect(got).toBe(expected);
  });

  test('every windows-1251 character except the unassigned 0x98 is encodable, and encodes to its byte', () => {
    for (let b = 0; b <= 0xff; b++) {
      if (b === 0x98) continue;
      const ch = iconv.decode(Buffer.from([b]), 'windows-1251');
      expect(canEncode(ch, 'windows-1251')).toEqual({ ok: true });
      expect(hex(encodeText(ch, 'windows-1251', false))).toBe(b.toString(16).padStart(2, '0'));
    }
  });

  test('findLoneSurrogate', () => {
    expect(findLoneSurrogate('a😀b')).toBe(-1);
    expect(findLoneSurrogate('a\uD83Db')).toBe(1);
    expect(findLoneSurrogate('\uDE00')).toBe(0);
  });
});

describe('encodeText', () => {
  test.each<[TextEncoding, boolean, string]>([
    ['utf-8', false, 'd0af'],
    ['utf-8', true, 'efbbbfd0af'],
    ['utf-16le', false, '2f04'],
    ['utf-16le', true, 'fffe2f04'],
    ['utf-16be', false, '042f'],
    ['utf-16be', true, 'feff042f'],
    ['windows-1251', false, 'df'],
  ])('"Я" in %s, bom %s → %s', (encoding, bom, expected) => {
    const out = encodeText('Я', encoding, bom);
    expect(out).toBeInstanceOf(Uint8Array);
    expect(hex(out)).toBe(expected);
  });

  test('refuses, rather than writing "?", a character windows-1251 lacks', () => {
    expect(() => encodeText('Zażółć', 'windows-1251', false)).toThrow(CabinetError);
    expect(() => encodeText('Zażółć', 'windows-1251', false)).toThrow(/U\+017C at index 2/);
  });

  test('refuses a lone surrogate in any encoding (UTF-8 would write U+FFFD)', () => {
    expect(() => encodeText('a\uD800', 'utf-8', false)).toThrow(CabinetError);
    expect(() => encodeText('a\uD800', 'utf-16le', true)).toThrow(CabinetError);
  });

  test('refuses a BOM for windows-1251', () => {
    expect(() => encodeText('Я', 'windows-1251', true)).toThrow(/no byte order mark/);
  });
});

describe('describeEncoding', () => {
  test.each<[TextEncoding, boolean, string, string]>([
    ['utf-8', false, 'UTF-8', 'UTF-8'],
    ['utf-8', true, 'UTF-8 with BOM', 'UTF-8 с BOM'],
    ['utf-16le', true, 'UTF-16 LE with BOM', 'UTF-16 LE с BOM'],
    ['utf-16be', true, 'UTF-16 BE with BOM', 'UTF-16 BE с BOM'],
    ['windows-1251', false, 'windows-1251', 'windows-1251'],
  ])('%s bom %s', (encoding, bom, en, ru) => {
    expect(describeEncoding({ encoding, bom })).toBe(en);
    expect(describeEncoding({ encoding, bom }, 'ru')).toBe(ru);
  });
});
