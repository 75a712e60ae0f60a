/**
 * Tokens below the line: a tokenizer per file kind and the token-level re-merge of one conflicting line region.
 *
 * Tokens concatenate back to the text exactly. JS uses js-tokens (strings, template literals, regular expressions
 * and comments are single tokens, so they are never split); CSS, JSON, HTML, XML and plain text use the small
 * tokenizer below (quoted strings, comments, words, single punctuation characters, whitespace runs; every line
 * terminator is a token of its own).
 *
 * A region is re-merged with merge3 over the tokens (the same diff engine as lines, tokens interned as ids). Where
 * tokens really overlap, the conflict is written with git's markers on lines of their own, so the line is broken
 * at the block's edges. A break is inserted only where a line break is known not to change meaning: after a line
 * terminator (no break needed), or after a "safe" token of the kind — JS `;` `,` `{` `}` (never after `return`,
 * inside a string, a template literal, a regular expression or a comment: those are single tokens or not in the
 * list); CSS `;` `{` `}`; JSON `,` `{` `}` `[` `]` `:`. HTML, XML and text have no safe token: their blocks
 * stretch to the line's edges. A block therefore starts right after such a token and ends right after one that
 * both sides share, so once the admin keeps one side, the file is exactly that side's merge plus line breaks
 * where they mean nothing. The blocks record where breaks were inserted (`cutBefore` / `cutAfter`).
 */
import jsTokens from 'js-tokens';
import { merge3, type MergeHunk } from '../merge3';
import { mergeTwoWay } from '../merge3/two-way';
import type { FileKind } from './types';

const GENERIC: Record<'css' | 'json' | 'markup' | 'text', RegExp> = {
  css: /\/\*[\s\S]*?(?:\*\/|$)|"(?:[^"\\\r\n]|\\[\s\S])*"?|'(?:[^'\\\r\n]|\\[\s\S])*'?|url\([^)"'\r\n]*\)|[\p{L}\p{N}_$-]+|\r\n|[\r\n]|[^\S\r\n]+|[\s\S]/uy,
  json: /\/\*[\s\S]*?(?:\*\/|$)|\/\/[^\r\n]*|"(?:[^"\\\r\n]|\\[\s\S])*"?|[\p{L}\p{N}_$.+-]+|\r\n|[\r\n]|[^\S\r\n]+|[\s\S]/uy,
  markup: /<!--[\s\S]*?(?:-->|$)|"[^"\r\n]*"?|[\p{L}\p{N}_$-]+|\r\n|[\r\n]|[^\S\r\n]+|[\s\S]/uy,
  text: /[\p{L}\p{N}_$]+|\r\n|[\r\n]|[^\S\r\n]+|[\s\S]/uy,
};

/** Splits text into tokens whose concatenation is the text. */
export function tokenize(text: string, kind: FileKind): string[] {
  if (kind === 'js') {
    const out: string[] = [];
    for (const t of jsTokens(text)) out.push(t.value);
    return out;
  }
  const re = GENERIC[kind === 'css' ? 'css' : kind === 'json' ? 'json' : kind === 'html' || kind === 'xml' ? 'markup' : 'text'];
  const out: string[] = [];
  re.lastIndex = 0;
  while (re.lastIndex < text.length) {
    const m = re.exec(text);
    if (m === null) break; // cannot happen: the last alternative matches any character
    out.push(m[0]);
  }
  return out;
}

const SAFE: Record<FileKind, ReadonlySet<string>> = {
  js: new Set([';', ',', '{', '}']),
  css: new Set([';', '{', '}']),
  json: new Set([',', '{', '}', '[', ']', ':']),
  html: new Set(),
  xml: new Set(),
  // A line break in YAML is structure: never inserted.
  yaml: new Set(),
  text: new Set(),
};

/** Whether a line break may follow this token without changing the file's meaning. */
export function safeBreakAfter(token: string, kind: FileKind): boolean {
  return token.endsWith('\n') || SAFE[kind].has(token);
}

/** One piece of a re-merged region: text both sides agree on, or a conflict block. */
export type RegionPiece =
  | { kind: 'text'; text: string }
  | {
      kind: 'conflict';
      mine: string;
      base: string;
      theirs: string;
      /** A line break was inserted before the block (the text before it did not end a line). */
      cutBefore: boolean;
      /** The sides do not end a line: a break was inserted after the block's content. */
      cutAfter: boolean;
      /**
       * Line breaks each input had in this region before the block's content: with the region's first line in
       * that input, where the block starts in the input's own file (the report's per-side line numbers).
       */
      before: SideCounts;
    };

/** A number per input (mine, base, theirs). */
export interface SideCounts {
  mine: number;
  base: number;
  theirs: number;
}

const newlines = (s: string): number => {
  let n = 0;
  for (let i = s.indexOf('\n'); i >= 0; i = s.indexOf('\n', i + 1)) n++;
  return n;
};

export interface RegionMerge {
  pieces: RegionPiece[];
  conflicts: number;
  /** Characters inside conflict blocks (mine + theirs + base). */
  conflictChars: number;
  /**
   * Share (0–1) of base's characters the side that changed more kept as they were (the lesser of mine's and
   * theirs'): how alike the three texts are. 1 for an empty base.
   */
  kept: number;
}

interface Unit {
  text: string;
  base: string;
  safe: boolean;
  conflict?: { mine: string; theirs: string };
  /** Line breaks in the inputs' own tokens this unit stands for. */
  own: SideCounts;
}

const joinRange = (tokens: string[], start: number, length: number): string => {
  let s = '';
  for (let i = start; i < start + length; i++) s += tokens[i];
  return s;
};

/**
 * Re-merges one region (three texts) token by token. `withBase`: the blocks carry base's text (diff3 styles).
 * Returns the pieces in order; text pieces concatenated with either side of every block give that merge.
 */
export function mergeRegionTokens(base: string, mine: string, theirs: string, kind: FileKind, twoWay = false): RegionMerge {
  const tb = twoWay ? [] : tokenize(base, kind);
  const tm = tokenize(mine, kind);
  const tt = tokenize(theirs, kind);
  // Without a base (two archives) every token difference is a block of its own, as mergeTwoWay does for lines.
  const result = twoWay ? mergeTwoWay({ mine: tm, theirs: tt }) : merge3({ base: tb, mine: tm, theirs: tt }, { style: 'merge', level: 'eager' });
  const units: Unit[] = [];
  const own = (h: MergeHunk, b: string): SideCounts => ({
    mine: newlines(joinRange(tm, h.mine.start, h.mine.length)),
    base: newlines(b),
    theirs: newlines(joinRange(tt, h.theirs.start, h.theirs.length)),
  });
  const one = (h: MergeHunk, text: string) => {
    const b = joinRange(tb, h.base.start, h.base.length);
    units.push({ text, base: b, safe: text.length > 0 && safeBreakAfter(lastToken(h, tm, tt), kind), own: own(h, b) });
  };
  let keptBoth = 0;
  let keptByMine = 0; // base characters in hunks only theirs changed
  let keptByTheirs = 0;
  for (const h of result.hunks) {
    const baseChars = () => joinRange(tb, h.base.start, h.base.length).length;
    if (h.kind === 'theirs') keptByMine += baseChars();
    if (h.kind === 'mine') keptByTheirs += baseChars();
    switch (h.kind) {
      case 'same':
        for (let i = h.theirs.start; i < h.theirs.start + h.theirs.length; i++) keptBoth += tt[i].length;
        for (let i = h.theirs.start; i < h.theirs.start + h.theirs.length; i++) {
          const n = newlines(tt[i]);
          units.push({ text: tt[i], base: tt[i], safe: safeBreakAfter(tt[i], kind), own: { mine: n, base: n, theirs: n } });
        }
        break;
      case 'theirs':
        one(h, joinRange(tt, h.theirs.start, h.theirs.length));
        break;
      case 'mine':
      case 'both':
        one(h, joinRange(tm, h.mine.start, h.mine.length));
        break;
      case 'union':
        one(h, joinRange(tm, h.mine.start, h.mine.length) + joinRange(tt, h.theirs.start, h.theirs.length));
        break;
      case 'conflict':
        units.push({
          text: '',
          base: joinRange(tb, h.base.start, h.base.length),
          safe: false,
          conflict: { mine: joinRange(tm, h.mine.start, h.mine.length), theirs: joinRange(tt, h.theirs.start, h.theirs.length) },
          own: own(h, joinRange(tb, h.base.start, h.base.length)),
        });
        break;
    }
  }
  const longer = Math.max(mine.length, theirs.length);
  const kept = twoWay
    ? longer === 0 ? 1 : keptBoth / longer
    : base.length === 0 ? 1 : Math.min(keptBoth + keptByMine, keptBoth + keptByTheirs) / base.length;
  return { ...layOut(units), kept };
}

/** The last token a resolved hunk put out (theirs' for 'theirs' and 'union', mine's otherwise). */
function lastToken(h: MergeHunk, tm: string[], tt: string[]): string {
  if ((h.kind === 'theirs' || h.kind === 'union') && h.theirs.length > 0) return tt[h.theirs.start + h.theirs.length - 1];
  if (h.mine.length > 0) return tm[h.mine.start + h.mine.length - 1];
  return '';
}

/**
 * Groups units into text and blocks: a block starts after the last safe unit before its first conflict (or at
 * the region's start, a line start) and ends after the first safe unit that follows its last conflict (or at the
 * region's end, a line end); the units between go into both sides.
 */
function layOut(units: Unit[]): Omit<RegionMerge, 'kept'> {
  const pieces: RegionPiece[] = [];
  let plain: string[] = [];
  let pending: Unit[] = [];
  let block: { mine: string[]; theirs: string[]; base: string[]; cutBefore: boolean; before: SideCounts } | undefined;
  /** Line breaks of each input in the units seen so far, and at the first pending unit. */
  const seen: SideCounts = { mine: 0, base: 0, theirs: 0 };
  let pendingAt: SideCounts = { ...seen };
  let conflicts = 0;
  let conflictChars = 0;
  const endsLine = (s: string) => s.endsWith('\n');
  const flushPlain = () => {
    if (plain.length) pieces.push({ kind: 'text', text: plain.join('') });
    plain = [];
  };
  const close = () => {
    const mine = block!.mine.join('');
    const theirs = block!.theirs.join('');
    const base = block!.base.join('');
    pieces.push({ kind: 'conflict', mine, theirs, base, cutBefore: block!.cutBefore, cutAfter: !endsLine(mine) || !endsLine(theirs), before: block!.before });
    conflicts++;
    conflictChars += mine.length + theirs.length + base.length;
    block = undefined;
  };
  /** The block reached a safe token that is not a line end: it closes before the next unit, unless that unit is
   * the rest of the line (blanks and the terminator), which it takes, so no empty line is left after it. */
  let closing = false;
  const restOfLine = /^[^\S\n]*\n$/;
  for (const u of units) {
    const at: SideCounts = { ...seen };
    seen.mine += u.own.mine;
    seen.base += u.own.base;
    seen.theirs += u.own.theirs;
    if (closing) {
      closing = false;
      if (u.conflict === undefined && restOfLine.test(u.text) && u.text === u.base) {
        block!.mine.push(u.text);
        block!.theirs.push(u.text);
        block!.base.push(u.base);
        close();
        continue;
      }
      close();
    }
    if (block === undefined) {
      if (u.conflict === undefined) {
        if (pending.length === 0) pendingAt = at;
        pending.push(u);
        if (u.safe) {
          for (const p of pending) plain.push(p.text);
          pending = [];
        }
        continue;
      }
      flushPlain();
      const before = pieces.length ? pieces[pieces.length - 1] : undefined;
      block = {
        mine: [],
        theirs: [],
        base: [],
        cutBefore: before !== undefined && before.kind === 'text' && !endsLine(before.text),
        before: pending.length ? pendingAt : at,
      };
      for (const p of pending) {
        block.mine.push(p.text);
        block.theirs.push(p.text);
        block.base.push(p.base);
      }
      pending = [];
    }
    if (u.conflict) {
      block.mine.push(u.conflict.mine);
      block.theirs.push(u.conflict.theirs);
    } else {
      block.mine.push(u.text);
      block.theirs.push(u.text);
    }
    block.base.push(u.base);
    if (u.safe && u.conflict === undefined) {
      if (endsLine(u.text)) close();
      else closing = true;
    }
  }
  if (block !== undefined) close();
  for (const p of pending) plain.push(p.text);
  flushPlain();
  return { pieces, conflicts, conflictChars };
}
