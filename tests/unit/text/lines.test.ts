/** splitLines / joinLines / eolStyle / dominantEol: terminators are kept beside the lines so bytes round-trip. */
import fc from 'fast-check';
import { dominantEol, eolStyle, joinLines, splitLines } from '../../../src/text/lines';

/** A split as one string: each line with its terminator made visible, e.g. 'a␊ b␍␊ c'. */
const show = (text: string): string => {
  const { lines, eols } = splitLines(text);
  return lines.map((l, i) => l.replace(/\r/g, '␍') + eols[i].replace('\r', '␍').replace('\n', '␊')).join(' ');
};

describe('splitLines', () => {
  test.each([
    ['', ''],
    ['a', 'a'],
    ['a\n', 'a␊'],
    ['a\nb', 'a␊ b'],
    ['a\r\nb\r\n', 'a␍␊ b␍␊'],
    ['a\r\nb\nc', 'a␍␊ b␊ c'],
    ['\n\n', '␊ ␊'],
    ['\r\n', '␍␊'],
    // A lone '\r' is content, as in git: not a terminator, wherever it is.
    ['a\rb\n', 'a␍b␊'],
    ['a\r', 'a␍'],
    ['a\r\r\n', 'a␍␍␊'],
  ])('%j → %s', (text, expected) => {
    expect(show(text)).toBe(expected);
  });

  test('joinLines is its inverse on any text', () => {
    const text = fc.string({ unit: fc.constantFrom('a', 'б', '\n', '\r', '\r\n', ' '), maxLength: 30 });
    fc.assert(
      fc.property(text, (t) => {
        const { lines, eols } = splitLines(t);
        expect(joinLines(lines, eols)).toBe(t);
        // Only the last line may lack a terminator, and no line holds a '\n'.
        expect(eols.slice(0, -1)).not.toContain('');
        for (const l of lines) expect(l).not.toContain('\n');
      }),
      { seed: 42, numRuns: 200 },
    );
  });
});

describe('eolStyle and dominantEol', () => {
  test.each([
    ['', 'none', '\n'],
    ['a', 'none', '\n'],
    ['a\nb\n', 'lf', '\n'],
    ['a\r\nb\r\n', 'crlf', '\r\n'],
    ['a\r\nb\nc\r\n', 'mixed', '\r\n'],
    ['a\r\nb\n', 'mixed', '\n'], // a tie goes to LF
    ['a\r\nb', 'crlf', '\r\n'], // the unterminated last line does not count
  ])('%j → %s, dominant %j', (text, style, dominant) => {
    const { eols } = splitLines(text);
    expect(eolStyle(eols)).toBe(style);
    expect(dominantEol(eols)).toBe(dominant);
  });
});
