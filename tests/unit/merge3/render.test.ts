/**
 * renderMerge: markers, labels, base sections and line terminators. Outputs are compared as whole strings, or as
 * lines with visible terminators ('a␍␊'); every expected text with git-compatible input (uniform terminators) is
 * what `git merge-file -p` prints for the same files.
 */
import { codeCase } from '../../helpers/gen';
import { mergeTexts, visible, type TextMerge } from './harness';

const CONFLICT = ['a\nb\nc\n', 'a\nX\nc\n', 'a\nY\nc\n'] as const;

describe('markers', () => {
  test('style merge: markers exactly like git', () => {
    expect(mergeTexts(...CONFLICT).text).toBe('a\n<<<<<<< mine\nX\n=======\nY\n>>>>>>> theirs\nc\n');
  });

  test('labels go after the marker runs, the base label too', () => {
    const labels = { mine: 'mine.zip: css/a.css', base: 'base.zip', theirs: 'theirs.zip' };
    expect(mergeTexts(...CONFLICT, { style: 'diff3', labels }).text).toBe(
      'a\n<<<<<<< mine.zip: css/a.css\nX\n||||||| base.zip\nb\n=======\nY\n>>>>>>> theirs.zip\nc\n',
    );
  });

  test('an empty label gives a bare marker run', () => {
    // git prints '<<<<<<< ' with a trailing space for `-L ''`; the CLI always passes labels.
    const labels = { mine: '', base: '', theirs: '' };
    expect(mergeTexts(...CONFLICT, { labels }).text).toBe('a\n<<<<<<<\nX\n=======\nY\n>>>>>>>\nc\n');
  });

  test('marker size (git --marker-size=10)', () => {
    expect(mergeTexts(...CONFLICT, { markerSize: 10 }).text).toBe(
      'a\n<<<<<<<<<< mine\nX\n==========\nY\n>>>>>>>>>> theirs\nc\n',
    );
  });

  test('style diff3 shows the base section', () => {
    expect(mergeTexts(...CONFLICT, { style: 'diff3' }).text).toBe(
      'a\n<<<<<<< mine\nX\n||||||| base\nb\n=======\nY\n>>>>>>> theirs\nc\n',
    );
  });

  test('style zdiff3 shows the whole base region, with the common edges moved out', () => {
    // mine and theirs agree on P and Q around their difference; base had b c d there.
    const m = mergeTexts('a\nb\nc\nd\ne\n', 'a\nP\nX\nQ\ne\n', 'a\nP\nY\nQ\ne\n', { style: 'zdiff3' });
    expect(m.text).toBe('a\nP\n<<<<<<< mine\nX\n||||||| base\nb\nc\nd\n=======\nY\n>>>>>>> theirs\nQ\ne\n');
    // style diff3 keeps the whole region in the conflict.
    expect(mergeTexts('a\nb\nc\nd\ne\n', 'a\nP\nX\nQ\ne\n', 'a\nP\nY\nQ\ne\n', { style: 'diff3' }).text).toBe(
      'a\n<<<<<<< mine\nP\nX\nQ\n||||||| base\nb\nc\nd\n=======\nP\nY\nQ\n>>>>>>> theirs\ne\n',
    );
  });

  test('an insert/insert conflict has an empty base section', () => {
    expect(mergeTexts('a\nc\n', 'a\nX\nc\n', 'a\nY\nc\n', { style: 'diff3' }).text).toBe(
      'a\n<<<<<<< mine\nX\n||||||| base\n=======\nY\n>>>>>>> theirs\nc\n',
    );
  });
});

describe('line terminators', () => {
  test('a CRLF file keeps CRLF, and its markers are CRLF', () => {
    const crlf = (s: string) => s.replace(/\n/g, '\r\n');
    const m = mergeTexts(crlf(CONFLICT[0]), crlf(CONFLICT[1]), crlf(CONFLICT[2]), { style: 'diff3' });
    expect(visible(m.text)).toEqual([
      'a␍␊', '<<<<<<< mine␍␊', 'X␍␊', '||||||| base␍␊', 'b␍␊', '=======␍␊', 'Y␍␊', '>>>>>>> theirs␍␊', 'c␍␊',
    ]);
    expect(m.rendered.eol).toBe('crlf');
  });

  test('theirs switched CRLF → LF while mine edited a line: clean, and every line LF', () => {
    const m = mergeTexts('a\r\nb\r\nc\r\nd\r\n', 'a\r\nB\r\nc\r\nd\r\n', 'a\nb\nc\nd\n');
    expect(m.result.conflicts).toBe(0);
    expect(visible(m.text)).toEqual(['a␊', 'B␊', 'c␊', 'd␊']);
    expect(m.rendered.eol).toBe('lf');
  });

  test('mine switched LF → CRLF, theirs unchanged: line ends alone are not a conflict; theirs (the vendor) sets the style', () => {
    const m = mergeTexts('a\nb\n', 'a\r\nb\r\n', 'a\nb\n');
    expect(m.result.conflicts).toBe(0);
    expect(visible(m.text)).toEqual(['a␊', 'b␊']);
  });

  test('a missing final newline survives a clean merge', () => {
    expect(mergeTexts('a\nb\nc\n', 'a\nb\nc', 'X\nb\nc\n').text).toBe('X\nb\nc');
    expect(mergeTexts('a\nb\nc', 'a\nb\nc', 'X\nb\nc').text).toBe('X\nb\nc');
  });

  test('a last line without newline gets one before a marker, as in git', () => {
    expect(mergeTexts('a\nb\n', 'a\nX', 'a\nY\n').text).toBe('a\n<<<<<<< mine\nX\n=======\nY\n>>>>>>> theirs\n');
    expect(mergeTexts('a\nb\n', 'a\nX', 'a\nY', { style: 'diff3' }).text).toBe(
      'a\n<<<<<<< mine\nX\n||||||| base\nb\n=======\nY\n>>>>>>> theirs\n',
    );
  });

  test('adding or removing only the final newline is a change of the last line', () => {
    const m = mergeTexts('a\nb\n', 'a\nb', 'a\nb\n');
    expect(m.text).toBe('a\nb');
    expect(m.result.hunks.map((h) => h.kind)).toEqual(['same', 'mine']);
  });

  test('a mixed-EOL file keeps each untouched line’s terminator', () => {
    const base = 'a\nb\r\nc\nd\r\ne\n';
    const m = mergeTexts(base, 'a\nb\r\nc\nd\r\ne\nF\n', 'a\nb\r\nC\r\nd\r\ne\n');
    expect(visible(m.text)).toEqual(['a␊', 'b␍␊', 'C␍␊', 'd␍␊', 'e␊', 'F␊']);
    expect(m.rendered.eol).toBe('mixed');
  });
});

describe('conflict blocks and spans', () => {
  /** Checks every ConflictBlock and span against the text; returns the problems found, one per line. */
  function blockErrors(m: TextMerge, style: 'merge' | 'diff3' | 'zdiff3'): string[] {
    const lines = m.text.split('\n'); // LF inputs: line k (1-based) is lines[k - 1]
    const at = (k: number) => lines[k - 1];
    const slice = (s: { start: number; length: number }) => lines.slice(s.start - 1, s.start - 1 + s.length);
    const sideLines = (side: 'base' | 'mine' | 'theirs', r: { start: number; length: number }) =>
      m.sides[side].lines.slice(r.start, r.start + r.length);
    const errors: string[] = [];
    for (const b of m.rendered.conflicts) {
      const h = m.result.hunks[b.hunk];
      if (h.kind !== 'conflict') errors.push(`block ${b.hunk}: hunk is ${h.kind}`);
      if (at(b.startLine) !== '<<<<<<< mine') errors.push(`line ${b.startLine}: ${at(b.startLine)}`);
      if (at(b.endLine) !== '>>>>>>> theirs') errors.push(`line ${b.endLine}: ${at(b.endLine)}`);
      if (b.mine.start !== b.startLine + 1) errors.push(`block ${b.hunk}: mine starts at ${b.mine.start}`);
      if (at(b.theirs.start - 1) !== '=======') errors.push(`block ${b.hunk}: no ======= before theirs`);
      if (b.theirs.start + b.theirs.length !== b.endLine) errors.push(`block ${b.hunk}: theirs does not end at >>>`);
      if (JSON.stringify(slice(b.mine)) !== JSON.stringify(sideLines('mine', h.mine))) errors.push(`block ${b.hunk}: mine text`);
      if (JSON.stringify(slice(b.theirs)) !== JSON.stringify(sideLines('theirs', h.theirs))) errors.push(`block ${b.hunk}: theirs text`);
      if (style === 'merge') {
        if (b.base !== undefined) errors.push(`block ${b.hunk}: base span in style merge`);
      } else if (!b.base || at(b.base.start - 1) !== '||||||| base' || JSON.stringify(slice(b.base)) !== JSON.stringify(sideLines('base', h.base))) {
        errors.push(`block ${b.hunk}: base section`);
      }
      // Each side's own line numbers (the HTML report's columns): where the section's lines are in that side's file.
      const own = b.sideLines;
      if (!own || own.mine !== h.mine.start + 1 || own.theirs !== h.theirs.start + 1 || (b.base ? own.base !== h.base.start + 1 : own.base !== undefined)) {
        errors.push(`block ${b.hunk}: sideLines ${JSON.stringify(own)}`);
      }
      const span = m.rendered.spans[b.hunk];
      if (span.start !== b.startLine || span.start + span.length - 1 !== b.endLine) errors.push(`block ${b.hunk}: span`);
    }
    // Spans tile the output.
    let next = 1;
    for (const [k, s] of m.rendered.spans.entries()) {
      if (s.start !== next) errors.push(`span ${k} starts at ${s.start}, expected ${next}`);
      next = s.start + s.length;
    }
    const total = m.text === '' ? 0 : m.text.replace(/\n$/, '').split('\n').length;
    if (next - 1 !== total) errors.push(`spans cover ${next - 1} lines of ${total}`);
    if (m.rendered.conflicts.length !== m.result.conflicts) errors.push('one block per conflict');
    return errors;
  }

  test('a small example, line by line', () => {
    const m = mergeTexts('a\nb\nc\nd\ne\nf\ng\n', 'a\nX\nc\nd\ne\nf\nV\n', 'a\nY\nc\nd\ne\nf\nW\n', { style: 'diff3' });
    expect(m.rendered.conflicts).toEqual([
      { hunk: 1, startLine: 2, endLine: 8, mine: { start: 3, length: 1 }, base: { start: 5, length: 1 }, theirs: { start: 7, length: 1 }, sideLines: { mine: 2, base: 2, theirs: 2 } },
      { hunk: 3, startLine: 13, endLine: 19, mine: { start: 14, length: 1 }, base: { start: 16, length: 1 }, theirs: { start: 18, length: 1 }, sideLines: { mine: 7, base: 7, theirs: 7 } },
    ]);
    expect(blockErrors(m, 'diff3')).toEqual([]);
  });

  test.each(['merge', 'diff3', 'zdiff3'] as const)('line numbers match the text on generated files (%s)', (style) => {
    let blocks = 0;
    for (let seed = 1; seed <= 40; seed++) {
      const c = codeCase(seed, { maxLines: 60, maxEdits: 6, repeatShare: 0.6, noFinalNewline: 0 });
      const m = mergeTexts(c.base, c.mine, c.theirs, { style });
      blocks += m.rendered.conflicts.length;
      expect({ seed, errors: blockErrors(m, style) }).toEqual({ seed, errors: [] });
    }
    expect(blocks).toBeGreaterThan(20); // the check did see conflicts
  });
});
