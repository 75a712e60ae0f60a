import { lineMarks, MAX_WORD_TOKENS, tokenize, unionRanges, wordDiff, type CharRange } from '../../../src/report/html-words';

/** The changed pieces of each side, as strings: readable expectations. */
function pieces(a: string, b: string): { a: string[]; b: string[] } {
  const d = wordDiff(a, b)!;
  const cut = (s: string, rs: CharRange[]) => rs.map(([x, y]) => s.slice(x, y));
  return { a: cut(a, d.a), b: cut(b, d.b) };
}

describe('tokenize', () => {
  test('words (Cyrillic too), blanks, newlines and single other characters', () => {
    expect(tokenize('Добро пожаловать, user_1!\n\tx')).toEqual(['Добро', ' ', 'пожаловать', ',', ' ', 'user_1', '!', '\n', '\t', 'x']);
  });
  test('joining the tokens gives the text back, surrogate pairs included', () => {
    const s = 'a😀b «ё» \r\n  --x: #0a7d5a;';
    expect(tokenize(s).join('')).toBe(s);
  });
});

describe('wordDiff', () => {
  test('a changed CSS value marks the value only', () => {
    expect(pieces('--bg: #1f6fb2;', '--bg: #0a7d5a;')).toEqual({ a: ['1f6fb2'], b: ['0a7d5a'] });
  });
  test('adjacent changed words separated by blanks read as one phrase', () => {
    expect(pieces('"Добро пожаловать в кабинет"', '"Войдите, чтобы оплатить в кабинет"')).toEqual({
      a: ['Добро пожаловать'],
      b: ['Войдите, чтобы оплатить'],
    });
  });
  test('an insertion marks nothing on the other side', () => {
    expect(pieces('кабинет!', 'кабинет УК «Берег»!')).toEqual({ a: [], b: [' УК «Берег»'] });
  });
  test('identical texts: nothing marked', () => {
    expect(pieces('same\ntext', 'same\ntext')).toEqual({ a: [], b: [] });
  });
  test('too many tokens: undefined instead of a long diff', () => {
    const big = 'w '.repeat(MAX_WORD_TOKENS);
    expect(wordDiff(big, 'x')).toBeUndefined();
  });
});

describe('unionRanges', () => {
  test('sorts and joins overlapping and touching ranges', () => {
    expect(unionRanges([[5, 8]], [[0, 2], [2, 3], [7, 10]])).toEqual([[0, 3], [5, 10]]);
  });
});

describe('lineMarks', () => {
  test('splits ranges at newlines and numbers lines from firstLine', () => {
    const lines = ['abc', 'de', '', 'fgh'];
    // "abc\nde\n\nfgh": [1,5) covers "bc\nd"; [8,10) covers "fg".
    expect(lineMarks(lines, [[1, 5], [8, 10]], 20)).toEqual([20, 1, 3, 21, 0, 1, 23, 0, 2]);
  });
  test('a range that only covers newlines marks nothing', () => {
    expect(lineMarks(['a', '', 'b'], [[1, 3]], 1)).toEqual([]);
  });
});
