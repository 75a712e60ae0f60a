/**
 * The product's first promise as a property of mergeTrees: nothing is lost. Random small cabinets with text and
 * binary files, additions, deletions and edits on both sides, CRLF and LF, missing final newlines, names that
 * differ only in letter case, and a file on one side named like a folder on the other:
 * - every path of any input has an outcome (up to letter case), or is the old path of a renamed file's outcome;
 * - every line mine or theirs added to a text file is in the output or a kept-aside copy of that path;
 * - every binary version mine or theirs changed is, byte for byte, in the output or kept aside;
 *   (so a path leaves the output only when each side that still has it left base's bytes alone: a deletion);
 * - markers in the output mean the admin is told (needsAttention).
 */
import fc from 'fast-check';
import type { FileEntry, Tree } from '../../src/archive/tree';
import { decodeText, splitLines } from '../../src/text';
import { mergeTrees, type FileOutcome } from '../../src/tree';
import { needsAttention } from '../../src/tree/status';

const DATE = new Date(Date.UTC(2026, 0, 1));
const LINES = ['a', 'b', 'c', '}', '', 'x = 1;', 'Итого', 'return;'];
const PATHS = ['a.txt', 'A.txt', 'd/b.txt', 'D/b.txt', 'd', 'img/x.bin'];

const textFile = fc
  .record({
    lines: fc.array(fc.constantFrom(...LINES), { maxLength: 8 }),
    eol: fc.constantFrom('\n', '\r\n'),
    finalNewline: fc.boolean(),
  })
  .map(({ lines, eol, finalNewline }) => {
    const body = lines.join(eol);
    return lines.length && finalNewline ? body + eol : body;
  });
const binaryFile = fc.uint8Array({ minLength: 1, maxLength: 6 }).map((b) => Uint8Array.from([0, ...b]));

/** A side's version of a file: absent, base's, or something else of the same kind (text or binary). */
function sideOf(base: string | Uint8Array | undefined) {
  return fc.oneof(fc.constant<'absent'>('absent'), fc.constant<'base'>('base'), typeof base === 'string' || base === undefined ? textFile : binaryFile);
}

const fileTriple = fc
  .option(fc.oneof(textFile, binaryFile), { nil: undefined })
  .chain((base) => fc.record({ base: fc.constant(base), mine: sideOf(base), theirs: sideOf(base) }));

const toBytes = (v: string | Uint8Array): Uint8Array => (typeof v === 'string' ? Buffer.from(v, 'utf8') : v);

function tree(name: string, files: Map<string, Uint8Array>): Tree {
  const entries = new Map<string, FileEntry>([...files].map(([path, bytes]) => [path, { path, bytes, date: DATE }]));
  return { source: name, kind: 'folder', files: entries, dirs: new Set(), nameEncoding: 'utf8', root: '' };
}

type Sides = Record<'base' | 'mine' | 'theirs', Map<string, Uint8Array>>;

/** Each side spells every path its own way (case variants), and a path may be a file on one side, a folder on another. */
const cabinet = fc
  .array(fc.record({ triple: fileTriple, spell: fc.array(fc.constantFrom(...PATHS), { minLength: 3, maxLength: 3 }) }), { minLength: 1, maxLength: 5 })
  .map((files) => {
    const sides: Sides = { base: new Map(), mine: new Map(), theirs: new Map() };
    for (const { triple, spell } of files) {
      (['base', 'mine', 'theirs'] as const).forEach((side, i) => {
        const path = spell[i];
        const v = side === 'base' ? triple.base : triple[side];
        const bytes = v === undefined || v === 'absent' ? undefined : v === 'base' ? (triple.base === undefined ? undefined : toBytes(triple.base)) : toBytes(v);
        if (bytes !== undefined && !sides[side].has(path)) sides[side].set(path, bytes);
      });
    }
    return sides;
  });

/** The lines of a text file, without terminators (an empty file has none). */
const linesOf = (b: Uint8Array | undefined): string[] => (b === undefined ? [] : splitLines(decodeText(b)?.text ?? '').lines);

/**
 * Everything of a path (by letter-case-insensitive name) that reached the admin: output and kept-aside copies, at
 * the path itself or, when the vendor renamed it (tree/renames.ts), at its new path.
 */
function delivered(outcomes: FileOutcome[], key: string): Uint8Array[] {
  return outcomes.filter((o) => o.path.toLowerCase() === key || o.renamedFrom?.toLowerCase() === key).flatMap((o) => [...(o.output ? [o.output] : []), ...(o.aside ?? []).map((c) => c.bytes)]);
}

test('nothing is lost (random cabinets, case variants, file/folder clashes, CRLF, final newlines)', () => {
  fc.assert(
    fc.property(cabinet, fc.constantFrom('diff3' as const, 'merge' as const, 'zdiff3' as const), (sides, style) => {
      const labels = { base: 'base', mine: 'mine', theirs: 'theirs' };
      const { outcomes } = mergeTrees({ base: tree('b', sides.base), mine: tree('m', sides.mine), theirs: tree('t', sides.theirs) }, { style, labels });
      const keys = new Set([...sides.base.keys(), ...sides.mine.keys(), ...sides.theirs.keys()].map((p) => p.toLowerCase()));
      // A renamed file's outcome stands for its old path too.
      expect(new Set(outcomes.flatMap((o) => [o.path, ...(o.renamedFrom ? [o.renamedFrom] : [])]).map((p) => p.toLowerCase()))).toEqual(keys);

      // Base's version of a path: the same spelling first, else one differing in letter case.
      // A renamed file's base is the old path's (its lines are not the vendor's additions).
      const renamedFrom = new Map(outcomes.filter((o) => o.renamedFrom).map((o) => [o.path, o.renamedFrom!]));
      const baseOf = (path: string) =>
        sides.base.get(renamedFrom.get(path) ?? path) ?? [...sides.base].find(([p]) => p.toLowerCase() === path.toLowerCase())?.[1];
      for (const side of ['mine', 'theirs'] as const) {
        for (const [p, bytes] of sides[side]) {
          const base = baseOf(p);
          if (base !== undefined && Buffer.compare(base, bytes) === 0) continue;
          const got = delivered(outcomes, p.toLowerCase());
          if (decodeText(bytes) === undefined) {
            expect({ path: p, side, found: got.some((g) => Buffer.compare(g, bytes) === 0) }).toEqual({ path: p, side, found: true });
            continue;
          }
          const baseLines = new Set(linesOf(base));
          const out = new Set(got.flatMap(linesOf));
          for (const l of linesOf(bytes)) if (!baseLines.has(l)) expect({ path: p, side, line: l, found: out.has(l) }).toEqual({ path: p, side, line: l, found: true });
        }
      }

      const markers = outcomes.some((o) => o.output && Buffer.from(o.output).includes('<<<<<<<'));
      if (markers) expect(outcomes.some((o) => needsAttention(o.status))).toBe(true);
    }),
    { seed: 20261125, numRuns: 1000 },
  );
});
