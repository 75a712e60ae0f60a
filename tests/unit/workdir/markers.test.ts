import { mergePath } from '../../../src/tree/merge-tree';
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

describe('the markers the merge writes are the ones status finds, in every style (git layout, VS Code reads it)', () => {
  const enc = (s: string) => new TextEncoder().encode(s);
  test.each(['merge', 'diff3', 'zdiff3'] as const)('%s', (style) => {
    const o = mergePath(
      { path: 'a.css', base: enc('x\r\na\r\ny\r\n'), mine: enc('x\r\nb\r\ny\r\n'), theirs: enc('x\r\nc\r\ny\r\n') },
      { style, labels: { mine: 'mine (MY.zip)', base: 'base (OLD.zip)', theirs: 'theirs (NEW.zip)' } },
    );
    const text = new TextDecoder().decode(o.output);
    expect(scanMarkers(text).blocks).toEqual(o.text!.conflicts.map((c) => ({ startLine: c.startLine, endLine: c.endLine })));
    expect(text).toMatch(/^<<<<<<< mine \(MY\.zip\)\r\n/m);
    expect(text).toMatch(/^=======\r\n/m);
    expect(text).toMatch(/^>>>>>>> theirs \(NEW\.zip\)\r\n/m);
    if (style !== 'merge') expect(text).toMatch(/^\|\|\|\|\|\|\| base \(OLD\.zip\)\r\n/m);
  });
});

describe('half-resolved diff3 blocks (issue 14)', () => {
  test('the ||||||| and ======= lines left after deleting <<<<<<< and >>>>>>> are stray markers', () => {
    const text = ['a', 'mine line', '||||||| base (OLD.zip)', 'base line', '=======', 'theirs line', 'z'].join('\n');
    expect(scanMarkers(text).stray).toEqual([3, 5]);
  });

  test('a lone ======= outside a block stays text (a setext heading underline)', () => {
    expect(scanMarkers(['Title', '=======', 'text'].join('\n')).stray).toEqual([]);
  });

  test('a complete block is still one block, with no stray markers', () => {
    const text = ['<<<<<<< mine', 'm', '||||||| base', 'b', '=======', 't', '>>>>>>> theirs'].join('\n');
    expect(scanMarkers(text)).toEqual({ blocks: [{ startLine: 1, endLine: 7 }], stray: [] });
  });
});
