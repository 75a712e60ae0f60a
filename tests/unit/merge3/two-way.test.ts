/** merge3/two-way.ts: every mine/theirs difference is one conflict hunk; render.ts shows it without a base section. */
import { renderMerge } from '../../../src/merge3';
import { mergeTwoWay } from '../../../src/merge3/two-way';
import { splitLines } from '../../../src/text/lines';

const labels = { mine: 'mine (MY.zip)', base: 'base', theirs: 'theirs (NEW.zip)' };

function render(mine: string, theirs: string): string {
  const m = splitLines(mine);
  const t = splitLines(theirs);
  const result = mergeTwoWay({ mine: m.lines, theirs: t.lines });
  return renderMerge(result, { base: splitLines(''), mine: m, theirs: t }, { style: 'merge', labels }).text;
}

test('identical sequences: one same hunk, no conflict', () => {
  const r = mergeTwoWay({ mine: ['a', 'b'], theirs: ['a', 'b'] });
  expect(r.conflicts).toBe(0);
  expect(r.hunks.map((h) => h.kind)).toEqual(['same']);
});

test('each differing region is its own conflict, common lines in between are kept once', () => {
  const r = mergeTwoWay({ mine: ['a', 'X', 'c', 'd', 'e'], theirs: ['a', 'Y', 'c', 'd', 'e', 'f'] });
  expect(r.hunks.map((h) => `${h.kind} m${h.mine.start}+${h.mine.length} t${h.theirs.start}+${h.theirs.length}`)).toEqual([
    'same m0+1 t0+1',
    'conflict m1+1 t1+1',
    'same m2+3 t2+3',
    'conflict m5+0 t5+1',
  ]);
  expect(r.conflicts).toBe(2);
  for (const h of r.hunks) expect(h.base).toEqual({ start: 0, length: 0 });
});

test('rendered: two-way markers with labels, no base section, nearby differences not joined', () => {
  expect(render('a\nX\nc\nd\n', 'a\nY\nc\nZ\n')).toBe(
    [
      'a',
      '<<<<<<< mine (MY.zip)',
      'X',
      '=======',
      'Y',
      '>>>>>>> theirs (NEW.zip)',
      'c',
      '<<<<<<< mine (MY.zip)',
      'd',
      '=======',
      'Z',
      '>>>>>>> theirs (NEW.zip)',
      '',
    ].join('\n'),
  );
});

test('CRLF files keep CRLF on marker lines', () => {
  expect(render('a\r\nX\r\n', 'a\r\nY\r\n')).toBe('a\r\n<<<<<<< mine (MY.zip)\r\nX\r\n=======\r\nY\r\n>>>>>>> theirs (NEW.zip)\r\n');
});
