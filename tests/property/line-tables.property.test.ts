/**
 * The two line tables that replaced whole-file passes (issue 13, memory and speed of large files) give what the
 * whole-file versions gave: rerere's linesOf (only the blocks' lines) against splitLines + slice, and the report's
 * blockChars (one line-start table per file) against a scan of the bytes from the start.
 */
import fc from 'fast-check';
import type { ConflictBlock } from '../../src/merge3';
import { blockChars, lazyLineStarts } from '../../src/report/model';
import { linesOf } from '../../src/rerere/apply';
import { eolStyle, lineStarts, splitLines, textEolStyle } from '../../src/text/lines';

const RUNS = { seed: 13013, numRuns: 500 };

/** Texts made of a few pieces, line ends of every kind among them. */
const text = fc.array(fc.constantFrom('a', 'bc', '\n', '\r', '\r\n', ''), { maxLength: 30 }).map((xs) => xs.join(''));
const span = fc.record({ start: fc.integer({ min: 1, max: 14 }), length: fc.integer({ min: 0, max: 4 }) });

/** Up to three blocks in file order, each with mine before theirs, as the renderer lays them out. */
const blocks = fc.array(fc.tuple(fc.nat({ max: 2 }), fc.nat({ max: 3 }), fc.nat({ max: 2 }), fc.nat({ max: 3 })), { maxLength: 3 }).map((bs) => {
  let at = 1;
  return bs.map(([gap, ml, sep, tl]) => {
    const mine = { start: at + gap, length: ml };
    const theirs = { start: mine.start + ml + 1 + sep, length: tl };
    at = theirs.start + tl + 1;
    return { mine, theirs };
  });
});

/** The old blockChars: every byte from the start, counted when its line is in one of the block's sides. */
function scanChars(output: Uint8Array, c: ConflictBlock): number {
  let line = 1;
  let chars = 0;
  const inSpan = (l: number, s: { start: number; length: number } | undefined) => s !== undefined && l >= s.start && l < s.start + s.length;
  for (let i = 0; i < output.length && line <= c.endLine; i++) {
    if (line >= c.startLine && (inSpan(line, c.mine) || inSpan(line, c.base) || inSpan(line, c.theirs))) chars++;
    if (output[i] === 10) line++;
  }
  return chars;
}

describe('line tables', () => {
  test("linesOf gives each block side's lines as splitLines does", () => {
    fc.assert(
      fc.property(text, blocks, (t, bs) => {
        const all = splitLines(t).lines;
        const some = linesOf(t, bs as unknown as ConflictBlock[]);
        for (const b of bs) {
          for (const s of [b.mine, b.theirs]) {
            const got = [];
            for (let l = s.start; l < s.start + s.length; l++) if (some.has(l)) got.push(some.get(l));
            expect(got).toEqual(all.slice(s.start - 1, s.start - 1 + s.length));
          }
        }
      }),
      RUNS,
    );
  });

  test('blockChars from the line-start table equals a scan from the first byte', () => {
    fc.assert(
      fc.property(text, span, span, fc.option(span, { nil: undefined }), fc.nat({ max: 14 }), fc.nat({ max: 14 }), (t, mine, theirs, base, from, to) => {
        const bytes = new TextEncoder().encode(t);
        const c = { startLine: from, endLine: to, mine, theirs, ...(base ? { base } : {}) } as unknown as ConflictBlock;
        expect(blockChars(bytes, lazyLineStarts(bytes), c)).toBe(scanChars(bytes, c));
      }),
      RUNS,
    );
  });

  test('lineStarts cuts a text exactly where splitLines does', () => {
    fc.assert(
      fc.property(text, (t) => {
        const l = splitLines(t);
        const starts = lineStarts(t);
        expect(starts.length).toBe(l.lines.length + 1);
        l.lines.forEach((line, i) => expect(t.slice(starts[i], starts[i + 1])).toBe(line + l.eols[i]));
        expect(starts[l.lines.length]).toBe(t.length);
      }),
      RUNS,
    );
  });

  test('textEolStyle equals eolStyle of splitLines', () => {
    fc.assert(
      fc.property(text, (t) => expect(textEolStyle(t)).toBe(eolStyle(splitLines(t).eols))),
      RUNS,
    );
  });
});
