import { markerLines, markerOf, scanMarkers } from '../../../src/workdir/markers';

describe('markerOf (git is_conflict_marker, size 7)', () => {
  test.each([
    ['<<<<<<< mine (a.zip)', '<'],
    ['<<<<<<<', '<'],
    ['<<<<<<<\r', '<'],
    ['=======', '='],
    ['======= ', '='],
    ['||||||| base', '|'],
    ['>>>>>>> theirs (b.zip)', '>'],
    ['<<<<<<<< eight', undefined],
    ['<<<<<<<x', undefined],
    ['<<<<<<', undefined],
    [' <<<<<<< indented', undefined],
    ['========', undefined],
    ['a = b', undefined],
  ])('%j → %s', (line, marker) => {
    expect(markerOf(line)).toBe(marker);
  });
});

describe('scanMarkers', () => {
  test('blocks with 1-based lines, LF and CRLF', () => {
    const text = 'a\r\n<<<<<<< mine\r\nx\r\n||||||| base\r\ny\r\n=======\r\nz\r\n>>>>>>> theirs\r\nb\r\n<<<<<<< mine\nq\n=======\nw\n>>>>>>> theirs\n';
    expect(scanMarkers(text)).toEqual({
      blocks: [
        { startLine: 2, endLine: 8 },
        { startLine: 10, endLine: 14 },
      ],
      stray: [],
    });
  });

  test('a separator outside a block is text (a setext heading), not a marker', () => {
    expect(scanMarkers('Title\n=======\ntext\n')).toEqual({ blocks: [], stray: [] });
  });

  test('half-deleted blocks are stray markers', () => {
    const opener = scanMarkers('a\n<<<<<<< mine\nx\n=======\ny\nb\n');
    expect(opener).toEqual({ blocks: [], stray: [2] });
    const closer = scanMarkers('a\nx\n>>>>>>> theirs\n');
    expect(closer.stray).toEqual([3]);
    const twoOpeners = scanMarkers('<<<<<<< mine\n<<<<<<< mine\nx\n>>>>>>> theirs\n');
    expect(twoOpeners).toEqual({ blocks: [{ startLine: 2, endLine: 4 }], stray: [1] });
    expect(markerLines(twoOpeners)).toEqual([1, 2]);
  });
});
