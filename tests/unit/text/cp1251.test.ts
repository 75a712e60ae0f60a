import * as iconv from 'iconv-lite';
import { decodeText } from '../../../src/text';
import { isPlausibleCp1251 } from '../../../src/text/cp1251';

const enc = (s: string, encoding: string): Uint8Array => iconv.encode(s, encoding);

/** What decodeText makes of `s` written in `encoding`: the detected encoding, or 'binary'. */
function detected(s: string, encoding: string): string {
  return decodeText(enc(s, encoding))?.encoding ?? 'binary';
}

const PROSE =
  'Личный кабинет клиента. Здесь вы можете посмотреть счета, оплатить услуги и скачать документы — ' +
  '«быстро» и удобно. Ёлка, №5. Съешь же ещё этих мягких французских булок, да выпей чаю.';

describe('windows-1251 detection on short strings (the measurements quoted in src/text/cp1251.ts)', () => {
  test.each([
    'Привет',
    'Личный кабинет',
    'ё',
    'Ё',
    'я',
    'ВНИМАНИЕ',
    '№ 5',
    '«Hello»',
    'Hello — world',
    'Україна',
    'title: "Вход"; // 1C',
    'Ёж',
    PROSE,
  ])('%j in windows-1251 is windows-1251 and decodes to itself', (s) => {
    expect(decodeText(enc(s, 'windows-1251'))).toEqual({ text: s, encoding: 'windows-1251', bom: false });
  });

  test.each(['Привет', 'Личный кабинет', 'ё', PROSE])('%j in UTF-8 is UTF-8', (s) => {
    expect(detected(s, 'utf-8')).toBe('utf-8');
  });

  test('a windows-1251 string can be valid UTF-8 only when every capital is followed by a 0x80-0xBF byte', () => {
    // "Рё" = D0 B8, which is UTF-8 for "и". Real text has lower-case letters (E0-FF) followed by ASCII or
    // letters, which are never valid UTF-8, so this only hits two-byte curiosities.
    expect(decodeText(enc('Рё', 'windows-1251'))).toEqual({ text: 'и', encoding: 'utf-8', bom: false });
  });
});

describe('other 8-bit encodings', () => {
  test.each<[string, string, string]>([
    ['Le café est très bon à Noël, déjà vu, où est la clé?', 'windows-1252', 'binary'],
    ['José', 'windows-1252', 'binary'],
    ['Größe, Müller, Straße', 'latin1', 'binary'],
    ['Zażółć gęślą jaźń, łódź, źdźbło.', 'windows-1250', 'binary'],
    ['ВНИМАНИЕ! СЕРВИС ВРЕМЕННО НЕДОСТУПЕН', 'cp866', 'binary'],
    // Known limitation, documented in cp1251.ts: these look like windows-1251 and are read as such (bytes still
    // round-trip exactly).
    [PROSE, 'koi8-r', 'windows-1251'],
    [PROSE, 'iso-8859-5', 'windows-1251'],
    [PROSE, 'maccyrillic', 'windows-1251'],
    [PROSE, 'cp866', 'windows-1251'],
  ])('%j in %s → %s', (s, encoding, expected) => {
    expect(detected(s, encoding)).toBe(expected);
  });
});

describe('isPlausibleCp1251 rules', () => {
  const b = (...xs: number[]): Uint8Array => Uint8Array.from(xs);
  test('rule 1: control bytes other than TAB LF VT FF CR, and DEL, are not text', () => {
    expect(isPlausibleCp1251(b(0xcf, 0x09, 0x0a, 0x0b, 0x0c, 0x0d))).toBe(true);
    for (const c of [0x00, 0x01, 0x08, 0x0e, 0x1a, 0x1b, 0x1f, 0x7f]) expect(isPlausibleCp1251(b(0xcf, c))).toBe(false);
  });
  test('rule 2: 0x98 is never text', () => {
    expect(isPlausibleCp1251(b(0xcf, 0xf0, 0x98))).toBe(false);
  });
  test('rule 3: at least 90% of high bytes are letters or signs', () => {
    // 9 letters + 1 Serbian letter (Ђ, 0x80) = 90%: accepted; 8 + 2: rejected.
    expect(isPlausibleCp1251(b(...Array(9).fill(0xe0), 0x80))).toBe(true);
    expect(isPlausibleCp1251(b(...Array(8).fill(0xe0), 0x80, 0x80))).toBe(false);
  });
  test('rule 4: at most half of the letters touch an ASCII letter', () => {
    expect(isPlausibleCp1251(b(0x61, 0xe0, 0x20, 0xe0))).toBe(true);
    expect(isPlausibleCp1251(b(0x61, 0xe0, 0x20, 0xe0, 0x62))).toBe(false);
    expect(isPlausibleCp1251(b(0x31, 0xe0, 0x32))).toBe(true);
  });
});
