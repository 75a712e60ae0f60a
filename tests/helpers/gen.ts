/**
 * A seeded generator of code-like files and of random edits to them, for the reference and property tests.
 *
 * Real files repeat a few lines a lot ('}', '', 'return x;', 'КонецЕсли;') between mostly unique ones; those
 * repeats are what makes a line diff ambiguous (where does an added block start?) and what exercises xdiff's
 * compaction and its handling of frequent lines. The generator draws lines from such a pool. Every case is a pure
 * function of its seed, so a failure message that prints the seed is enough to reproduce it.
 */

/** mulberry32: a small, fast, well-mixed 32-bit PRNG; plenty for test data. */
export class Rng {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** A float in [0, 1). */
  next(): number {
    let t = (this.state = (this.state + 0x6d2b79f5) >>> 0);
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** An integer in [lo, hi]. */
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.next() * (hi - lo + 1));
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)];
  }
}

/**
 * Lines that recur many times in code and in 1C modules. Comparisons with git use asciiOnly (see CaseShape): the
 * engine's zealous-alnum level counts Cyrillic letters as alphanumeric where git's isalnum() does not, a deliberate
 * departure that would otherwise show up as differences.
 */
export const REPEATED_LINES: readonly string[] = [
  '}',
  '',
  '',
  '  }',
  '{',
  'return x;',
  '  return null;',
  'break;',
  '// ---',
  'КонецЕсли;',
  'КонецПроцедуры',
  '    </div>',
];

/** The ASCII stand-ins used for the Cyrillic lines when asciiOnly is set. */
const ASCII_FOR: Record<string, string> = { 'КонецЕсли;': 'EndIf;', 'КонецПроцедуры': 'EndProcedure' };

/** A line unlikely to occur anywhere else (a random 9-digit number; a collision is harmless, just a repeat). */
function uniqueLine(rng: Rng): string {
  const n = rng.int(1e8, 1e9 - 1);
  return rng.pick([
    `  const v${n} = compute(${rng.int(0, 99)});`,
    `function f${n}(a, b) {`,
    `Процедура Обработка${n}()`,
    `  if (x${n} > ${rng.int(0, 9)}) {`,
    `    <div class="c${n}">`,
    `  Сообщить("строка ${n}");`,
  ]);
}

/** A code-like line: a repeated one with probability `repeatShare`, else a unique one. */
export function codeLine(rng: Rng, repeatShare = 0.45): string {
  return rng.chance(repeatShare) ? rng.pick(REPEATED_LINES) : uniqueLine(rng);
}

export function codeFile(rng: Rng, lineCount: number, repeatShare = 0.45): string[] {
  const out: string[] = [];
  for (let i = 0; i < lineCount; i++) out.push(codeLine(rng, repeatShare));
  return out;
}

/** Replaces Cyrillic lines by ASCII ones of the same shape (repeated lines stay repeated, unique ones unique). */
export function toAscii(lines: readonly string[]): string[] {
  return lines.map((l) =>
    ASCII_FOR[l] ?? l.replace(/Процедура Обработка/g, 'Procedure Handler').replace(/Сообщить\("строка/g, 'Message("line'),
  );
}

/**
 * Applies `edits` random edits: insert a block, delete a block, replace a block, change one line, or copy a block
 * of the file elsewhere (which creates long repeated runs). Inserted lines come from the same pool as the file's.
 */
export function editLines(rng: Rng, lines: readonly string[], edits: number, repeatShare = 0.45): string[] {
  const out = lines.slice();
  for (let e = 0; e < edits; e++) {
    const at = rng.int(0, out.length);
    const len = rng.int(1, 5);
    switch (rng.int(0, 4)) {
      case 0:
        out.splice(at, 0, ...codeFile(rng, len, repeatShare));
        break;
      case 1:
        out.splice(at, len);
        break;
      case 2:
        out.splice(at, len, ...codeFile(rng, rng.int(1, 5), repeatShare));
        break;
      case 3:
        if (at < out.length) out[at] = codeLine(rng, repeatShare);
        break;
      default: {
        const from = rng.int(0, Math.max(0, out.length - len));
        out.splice(at, 0, ...out.slice(from, from + len));
      }
    }
  }
  return out;
}

export interface TextCase {
  seed: number;
  base: string;
  mine: string;
  theirs: string;
}

export interface CaseShape {
  minLines: number;
  maxLines: number;
  /** Random edits per side, at most. */
  maxEdits: number;
  /** Chance that a side's file ends without a final newline. */
  noFinalNewline: number;
  /** Share of lines drawn from REPEATED_LINES, in the base and in inserted blocks. */
  repeatShare: number;
  /** Only ASCII lines (for comparisons with git; see REPEATED_LINES). */
  asciiOnly: boolean;
}

const DEFAULT_SHAPE: CaseShape = { minLines: 20, maxLines: 400, maxEdits: 8, noFinalNewline: 0.1, repeatShare: 0.45, asciiOnly: false };

function toText(rng: Rng, lines: readonly string[], noFinalNewline: number, asciiOnly: boolean): string {
  if (lines.length === 0) return '';
  const text = (asciiOnly ? toAscii(lines) : lines).join('\n');
  return rng.chance(noFinalNewline) ? text : text + '\n';
}

/** A base file and two independently edited versions of it, all LF, as texts. */
export function codeCase(seed: number, shape: Partial<CaseShape> = {}): TextCase {
  const s = { ...DEFAULT_SHAPE, ...shape };
  const rng = new Rng(seed);
  const base = codeFile(rng, rng.int(s.minLines, s.maxLines), s.repeatShare);
  const mine = editLines(rng, base, rng.int(1, s.maxEdits), s.repeatShare);
  const theirs = editLines(rng, base, rng.int(1, s.maxEdits), s.repeatShare);
  return {
    seed,
    base: toText(rng, base, s.noFinalNewline, s.asciiOnly),
    mine: toText(rng, mine, s.noFinalNewline, s.asciiOnly),
    theirs: toText(rng, theirs, s.noFinalNewline, s.asciiOnly),
  };
}
