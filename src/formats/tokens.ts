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
import { countNewlines } from '../text/lines';
import { jsCuts, jsCutsShared, regexCuts } from './cuts';
import { segments, type Context } from './embedded';
import type { FileKind } from './types';

const GENERIC: Record<'css' | 'json' | 'markup' | 'text', RegExp> = {
  css: /\/\*[\s\S]*?(?:\*\/|$)|"(?:[^"\\\r\n]|\\[\s\S])*"?|'(?:[^'\\\r\n]|\\[\s\S])*'?|url\([^)"'\r\n]*\)|[\p{L}\p{N}_$-]+|\r\n|[\r\n]|[^\S\r\n]+|[\s\S]/uy,
  json: /\/\*[\s\S]*?(?:\*\/|$)|\/\/[^\r\n]*|"(?:[^"\\\r\n]|\\[\s\S])*"?|[\p{L}\p{N}_$.+-]+|\r\n|[\r\n]|[^\S\r\n]+|[\s\S]/uy,
  markup: /<!--[\s\S]*?(?:-->|$)|"[^"\r\n]*"?|[\p{L}\p{N}_$-]+|\r\n|[\r\n]|[^\S\r\n]+|[\s\S]/uy,
  text: /[\p{L}\p{N}_$]+|\r\n|[\r\n]|[^\S\r\n]+|[\s\S]/uy,
};

const genericOf = (kind: FileKind): keyof typeof GENERIC => (kind === 'css' ? 'css' : kind === 'json' ? 'json' : kind === 'html' || kind === 'xml' ? 'markup' : 'text');

/** Splits text into tokens whose concatenation is the text. */
export function tokenize(text: string, kind: FileKind): string[] {
  if (kind === 'js') {
    const out: string[] = [];
    for (const t of jsTokens(text)) out.push(t.value);
    return out;
  }
  const re = GENERIC[genericOf(kind)];
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
  // TypeScript, JSX and Markdown are tokenized as text, with no safe break (as before they had kinds of their own).
  ts: new Set(),
  jsx: new Set(),
  markdown: new Set(),
  text: new Set(),
};

/** Whether a line break may follow this token without changing the file's meaning. */
export function safeBreakAfter(token: string, kind: FileKind): boolean {
  return token.endsWith('\n') || SAFE[kind].has(token);
}

/** Tokens and, for each, whether a line break may follow it. */
export interface Tokens {
  tokens: string[];
  safe: Uint8Array;
}

/** The kind whose tokenizer and safe breaks a stretch of HTML in `lang` gets. */
const KIND_OF: Record<Context['lang'], FileKind> = { html: 'html', raw: 'html', js: 'js', css: 'css' };

/**
 * Tokens with their safe breaks. HTML (`kind` html) is split into its languages first (embedded.ts): an inline
 * script's body gets JS's tokens and safe breaks, a style's CSS's, the markup none; `ctx` is the language the text
 * starts in (a region inside a script: 'js'), markup by default. JS (`kind` js) takes `ctx` too: a region whose
 * first line starts inside a template literal, a comment or a head begun on an earlier line (a vite bundle breaks
 * its lines only inside template literals) has `skip`, and one whose start the scan could not place is 'raw' —
 * text tokens with no safe break. Tokenized from its own start instead, such a region reads string as code and code
 * as string: the alignment is wrong and a "safe" break could land inside a template literal.
 */
export function tokenizeSafe(text: string, kind: FileKind, ctx: Context = { lang: 'html' }): Tokens {
  if (kind === 'js' && ctx.lang === 'raw' && ctx.skip === undefined) return tokenizeSafe(text, 'text');
  if ((kind === 'html' || kind === 'js') && ctx.skip !== undefined && ctx.skip > 0) {
    // The text starts inside a JS token begun before it: that stretch is one opaque token; a break may follow it
    // only where it ends at the script's next fresh start.
    const k = Math.min(ctx.skip, text.length);
    const rest = tokenizeSafe(text.slice(k), kind, { lang: ctx.lang });
    const safe = new Uint8Array(rest.tokens.length + 1);
    safe[0] = k === ctx.skip ? 1 : 0;
    safe.set(rest.safe, 1);
    return { tokens: [text.slice(0, k)].concat(rest.tokens), safe };
  }
  if (kind !== 'html' || (ctx.lang === 'raw' && ctx.closes === undefined)) {
    const tokens = tokenize(text, kind);
    const safe = new Uint8Array(tokens.length);
    for (let i = 0; i < tokens.length; i++) safe[i] = safeBreakAfter(tokens[i], kind) ? 1 : 0;
    return { tokens, safe };
  }
  const tokens: string[] = [];
  const flags: number[] = [];
  for (const seg of segments(text, ctx.lang, ctx.closes)) {
    const k = KIND_OF[seg.lang];
    for (const t of tokenize(text.slice(seg.start, seg.end), k)) {
      tokens.push(t);
      flags.push(safeBreakAfter(t, k) ? 1 : 0);
    }
  }
  return { tokens, safe: Uint8Array.from(flags) };
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
  /** Shares (0–1) of base's characters mine and theirs each kept as they were (1 for an empty base; two-way: `kept`). */
  keptMine: number;
  keptTheirs: number;
  /** Hunks that took one side's change without a conflict: where that side's edit was placed by the alignment alone. */
  cleanMine: number;
  cleanTheirs: number;
  /**
   * The same merge laid out with every hunk that took `side`'s change without a conflict written as a block of its
   * own (that side's text against the other's, which is base's there): outside the blocks, only text the other
   * side has. For a region the other side rewrote (cascade.ts `trustedAlignment`), where the alignment that placed
   * those edits is not to be trusted. Undefined when one of those hunks is not `anchored`: the text around it is
   * not mostly text all three share, so where it aligned says nothing about where the edit belongs.
   */
  asBlocks(side: 'mine' | 'theirs'): Pick<RegionMerge, 'pieces' | 'conflicts' | 'conflictChars'> | undefined;
}

interface Unit {
  text: string;
  base: string;
  safe: boolean;
  conflict?: { mine: string; theirs: string };
  /** A hunk that took one side's change without a conflict (its text is that side's; the other kept `base`). */
  from?: 'mine' | 'theirs';
  /** Line breaks in the inputs' own tokens this unit stands for. */
  own: SideCounts;
}

const joinRange = (tokens: string[], start: number, length: number): string => {
  let s = '';
  for (let i = start; i < start + length; i++) s += tokens[i];
  return s;
};

/** Regions of at least this many characters (three sides together) get the coarse pass first. */
export const COARSE_MIN_CHARS = 64 * 1024;
/** Least length of a piece in the coarse pass (cuts.ts `minPiece`). */
export const MIN_PIECE = 64;

/** Units and the counters of `kept`, filled by the token merge of one stretch (or several, in the coarse pass). */
interface Acc {
  units: Unit[];
  keptBoth: number;
  /** base characters in hunks only theirs changed */
  keptByMine: number;
  keptByTheirs: number;
  cleanMine: number;
  cleanTheirs: number;
}

type Three<T> = { base: T; mine: T; theirs: T };
/** Where each side's text starts, for HTML (embedded.ts `contextAt`). */
export type Contexts = Three<Context>;

export interface RegionOptions {
  /** Without a base (two archives): every difference is a block. */
  twoWay?: boolean;
  /** The coarse pass runs from this many characters (three sides together); tests set 0 or Infinity. */
  coarseMin?: number;
  /** HTML: the language each side's region starts in (default: markup). */
  contexts?: Contexts;
}

/**
 * Re-merges one region (three texts) token by token. `withBase`: the blocks carry base's text (diff3 styles).
 * Returns the pieces in order; text pieces concatenated with either side of every block give that merge.
 *
 * A region of `coarseMin` characters or more (a multi-megabyte minified line) gets a coarse pass first: each side
 * is cut into pieces at safe cuts (cuts.ts, one scan, no token array), the pieces are merged as lines are, and only
 * the stretches where the pieces conflict are tokenized and merged by tokens. Where the pieces merge cleanly the
 * answer is the same text the token merge gives; only the conflicting stretches cost tokens.
 */
export function mergeRegionTokens(base: string, mine: string, theirs: string, kind: FileKind, options: RegionOptions = {}): RegionMerge {
  const acc: Acc = { units: [], keptBoth: 0, keptByMine: 0, keptByTheirs: 0, cleanMine: 0, cleanTheirs: 0 };
  const twoWay = options.twoWay === true;
  const html: Contexts = options.contexts ?? { base: { lang: 'html' }, mine: { lang: 'html' }, theirs: { lang: 'html' } };
  if (base.length + mine.length + theirs.length >= (options.coarseMin ?? COARSE_MIN_CHARS)) coarse({ base, mine, theirs }, html, kind, twoWay, acc);
  else tokenUnits({ base, mine, theirs }, html, kind, twoWay, acc);
  const longer = Math.max(mine.length, theirs.length);
  const kept = twoWay
    ? longer === 0 ? 1 : acc.keptBoth / longer
    : base.length === 0 ? 1 : Math.min(acc.keptBoth + acc.keptByMine, acc.keptBoth + acc.keptByTheirs) / base.length;
  const keptMine = twoWay || base.length === 0 ? kept : (acc.keptBoth + acc.keptByMine) / base.length;
  const keptTheirs = twoWay || base.length === 0 ? kept : (acc.keptBoth + acc.keptByTheirs) / base.length;
  const units = acc.units;
  const asBlocks = (side: 'mine' | 'theirs') => (units.every((u, i) => u.from !== side || anchored(units, i)) ? layOut(units, side) : undefined);
  return { ...layOut(units), kept, keptMine, keptTheirs, cleanMine: acc.cleanMine, cleanTheirs: acc.cleanTheirs, asBlocks };
}

/** How much of base's text on each side of a one-sided hunk `anchored` looks at. */
export const ANCHOR_CHARS = 100;

/**
 * Whether the one-sided hunk `units[i]` sits in text the three inputs share: of the ANCHOR_CHARS characters of
 * base's text before it and of those after it (as far as the region goes: beyond its edges are lines all three
 * share), each time at least half is in units all three kept as base had them. A statement inserted into a rebuilt
 * bundle whose local names were minified anew is (most tokens around it are the same); one aligned with unrelated
 * text the other side put in place of a moved module is not (nothing around it is).
 */
function anchored(units: readonly Unit[], i: number): boolean {
  const shared = (from: number, step: 1 | -1): boolean => {
    let seen = 0;
    let same = 0;
    for (let k = from; k >= 0 && k < units.length && seen < ANCHOR_CHARS; k += step) {
      const u = units[k];
      const n = Math.min(u.base.length, ANCHOR_CHARS - seen);
      seen += n;
      if (u.conflict === undefined && u.from === undefined && u.text === u.base) same += n;
    }
    return same * 2 >= seen;
  };
  return shared(i - 1, -1) && shared(i + 1, 1);
}

/** Markup for cuts: tags and comments are single tokens (a piece never starts inside a tag), line ends apart. */
const MARKUP_CUTS = /<!--[\s\S]*?(?:-->|$)|<[^<>]*>|\r\n|\n|[^<\r\n]+|[\s\S]/y;
const NONE: ReadonlySet<string> = new Set();

/** Whether cutsOf cuts a text of `kind` starting in `ctx` with jsCuts alone: a JS file's region that starts as code. */
function cutAsJs(kind: FileKind, ctx: Context): boolean {
  return kind === 'js' && ctx.lang !== 'raw' && !(ctx.skip !== undefined && ctx.skip > 0);
}

/**
 * The cuts of a text of a kind (cuts.ts) and the context each piece starts in (HTML, and JS after a `skip`; the
 * others: the text's, `ctxs` empty).
 */
function cutsOf(text: string, kind: FileKind, ctx: Context): { cuts: number[]; ctxs: Context[] } {
  if (cutAsJs(kind, ctx)) return { cuts: jsCuts(text, MIN_PIECE), ctxs: [] };
  if ((kind === 'html' || kind === 'js') && ctx.skip !== undefined && ctx.skip > 0) {
    if (ctx.skip >= text.length) return { cuts: [], ctxs: [] };
    const fresh: Context = { lang: ctx.lang };
    const rest = cutsOf(text.slice(ctx.skip), kind, fresh);
    return { cuts: [ctx.skip].concat(rest.cuts.map((c) => c + ctx.skip!)), ctxs: [fresh].concat(rest.cuts.map((_, i) => rest.ctxs[i] ?? fresh)) };
  }
  if (kind === 'js') return { cuts: regexCuts(text, GENERIC.text, NONE, MIN_PIECE), ctxs: [] }; // raw: cutAsJs took the rest
  if (kind !== 'html' || (ctx.lang === 'raw' && ctx.closes === undefined)) return { cuts: regexCuts(text, GENERIC[genericOf(kind)], SAFE[kind], MIN_PIECE), ctxs: [] };
  const cuts: number[] = [];
  const ctxs: Context[] = [];
  for (const seg of segments(text, ctx.lang, ctx.closes)) {
    const body = text.slice(seg.start, seg.end);
    const found =
      seg.lang === 'js' ? jsCuts(body, MIN_PIECE) : seg.lang === 'css' ? regexCuts(body, GENERIC.css, SAFE.css, MIN_PIECE) : regexCuts(body, MARKUP_CUTS, NONE, MIN_PIECE);
    const c: Context = seg.lang === 'raw' ? { lang: 'raw', closes: seg.closes } : { lang: seg.lang };
    for (const x of found) {
      cuts.push(seg.start + x);
      ctxs.push(c);
    }
  }
  return { cuts, ctxs };
}

/**
 * A text cut into pieces: the pieces, their start offsets (one more: the text's length) and start contexts. `cuts`:
 * the text's cuts when already known (jsCutsShared).
 */
function piecesOf(text: string, kind: FileKind, ctx: Context, known?: number[]): { pieces: string[]; at: number[]; ctx: Context[] } {
  if (text.length === 0) return { pieces: [], at: [0], ctx: [ctx] };
  const { cuts, ctxs } = known !== undefined ? { cuts: known, ctxs: [] } : cutsOf(text, kind, ctx);
  const pieces: string[] = [];
  const at = [0];
  const starts = [ctx];
  let from = 0;
  cuts.forEach((c, i) => {
    pieces.push(text.slice(from, c));
    at.push(c);
    starts.push(ctxs[i] ?? ctx);
    from = c;
  });
  pieces.push(text.slice(from));
  at.push(text.length);
  return { pieces, at, ctx: starts };
}

function coarse(texts: Three<string>, ctx: Contexts, kind: FileKind, twoWay: boolean, acc: Acc): void {
  const { base, mine, theirs } = texts;
  // A JS region whose three sides all start as code (cutsOf's jsCuts case): base is scanned once for all three.
  const plainJs = !twoWay && [ctx.base, ctx.mine, ctx.theirs].every((c) => cutAsJs(kind, c));
  const known = plainJs ? jsCutsShared([base, mine, theirs], MIN_PIECE) : [];
  const pb = twoWay ? { pieces: [], at: [0], ctx: [ctx.base] } : piecesOf(base, kind, ctx.base, known[0]);
  const pm = piecesOf(mine, kind, ctx.mine, known[1]);
  const pt = piecesOf(theirs, kind, ctx.theirs, known[2]);
  const result = twoWay ? mergeTwoWay({ mine: pm.pieces, theirs: pt.pieces }) : merge3({ base: pb.pieces, mine: pm.pieces, theirs: pt.pieces }, { style: 'merge', level: 'eager' });
  // The pieces are dropped here: only offsets into the three texts are used from now on.
  const range = (text: string, p: { at: number[] }, r: { start: number; length: number }) => text.slice(p.at[r.start], p.at[r.start + r.length]);
  const startCtx = (p: { ctx: Context[] }, r: { start: number }) => p.ctx[Math.min(r.start, p.ctx.length - 1)];
  let prev: MergeHunk['kind'] = 'same';
  for (const h of result.hunks) {
    const after = prev;
    prev = h.kind;
    switch (h.kind) {
      case 'same': {
        let text = range(theirs, pt, h.theirs);
        acc.keptBoth += text.length;
        if (after !== 'same' && h.theirs.length > 0) {
          // A block may still be open (the stretch before ended in a conflict, or in a deletion): it closes at the
          // first safe token both sides share, so the first piece goes in as tokens — taken whole, the whole
          // stretch of equal pieces after it would land in the block.
          const first = theirs.slice(pt.at[h.theirs.start], pt.at[h.theirs.start + 1]);
          const t = tokenizeSafe(first, kind, pt.ctx[h.theirs.start]);
          t.tokens.forEach((tok, i) => {
            const n = countNewlines(tok);
            acc.units.push({ text: tok, base: tok, safe: t.safe[i] === 1, own: { mine: n, base: n, theirs: n } });
          });
          text = text.slice(first.length);
          if (text.length === 0) break;
        }
        // A stretch of whole pieces ends at a cut (a safe token). Its leading line terminator is a unit of its own,
        // as in the token merge, so a block that closed just before takes it (no empty line after the block).
        const nl = text.startsWith('\r\n') ? 2 : text.startsWith('\n') ? 1 : 0;
        const n = countNewlines(text) - (nl > 0 ? 1 : 0);
        if (nl > 0) acc.units.push({ text: text.slice(0, nl), base: text.slice(0, nl), safe: true, own: { mine: 1, base: 1, theirs: 1 } });
        if (text.length > nl) acc.units.push({ text: text.slice(nl), base: text.slice(nl), safe: true, own: { mine: n, base: n, theirs: n } });
        break;
      }
      case 'mine':
      case 'both':
      case 'theirs': {
        const b = range(base, pb, h.base);
        const text = h.kind === 'theirs' ? range(theirs, pt, h.theirs) : range(mine, pm, h.mine);
        if (h.kind === 'theirs') {
          acc.keptByMine += b.length;
          acc.cleanTheirs++;
        }
        if (h.kind === 'mine') {
          acc.keptByTheirs += b.length;
          acc.cleanMine++;
        }
        const own = { mine: countNewlines(range(mine, pm, h.mine)), base: countNewlines(b), theirs: countNewlines(range(theirs, pt, h.theirs)) };
        acc.units.push({ text, base: b, safe: text.length > 0, own, ...(h.kind === 'both' ? {} : { from: h.kind }) });
        break;
      }
      default:
        // conflict (or union, not asked for): these pieces are merged by tokens.
        tokenUnits(
          { base: range(base, pb, h.base), mine: range(mine, pm, h.mine), theirs: range(theirs, pt, h.theirs) },
          { base: startCtx(pb, h.base), mine: startCtx(pm, h.mine), theirs: startCtx(pt, h.theirs) },
          kind,
          twoWay,
          acc,
        );
    }
  }
}

/** Merges a stretch token by token and appends its units to `acc`. */
function tokenUnits(texts: Three<string>, ctx: Contexts, kind: FileKind, twoWay: boolean, acc: Acc): void {
  const b0 = twoWay ? { tokens: [], safe: new Uint8Array(0) } : tokenizeSafe(texts.base, kind, ctx.base);
  const m0 = tokenizeSafe(texts.mine, kind, ctx.mine);
  const t0 = tokenizeSafe(texts.theirs, kind, ctx.theirs);
  const tb = b0.tokens;
  const tm = m0.tokens;
  const tt = t0.tokens;
  // Without a base (two archives) every token difference is a block of its own, as mergeTwoWay does for lines.
  const result = twoWay ? mergeTwoWay({ mine: tm, theirs: tt }) : merge3({ base: tb, mine: tm, theirs: tt }, { style: 'merge', level: 'eager' });
  const units = acc.units;
  const own = (h: MergeHunk, b: string): SideCounts => ({
    mine: countNewlines(joinRange(tm, h.mine.start, h.mine.length)),
    base: countNewlines(b),
    theirs: countNewlines(joinRange(tt, h.theirs.start, h.theirs.length)),
  });
  const one = (h: MergeHunk, text: string) => {
    const b = joinRange(tb, h.base.start, h.base.length);
    const from = h.kind === 'mine' || h.kind === 'theirs' ? { from: h.kind } : {};
    units.push({ text, base: b, safe: text.length > 0 && lastSafe(h, m0, t0), own: own(h, b), ...from });
  };
  for (const h of result.hunks) {
    const baseChars = () => joinRange(tb, h.base.start, h.base.length).length;
    if (h.kind === 'theirs') {
      acc.keptByMine += baseChars();
      acc.cleanTheirs++;
    }
    if (h.kind === 'mine') {
      acc.keptByTheirs += baseChars();
      acc.cleanMine++;
    }
    switch (h.kind) {
      case 'same':
        for (let i = h.theirs.start; i < h.theirs.start + h.theirs.length; i++) acc.keptBoth += tt[i].length;
        for (let i = h.theirs.start; i < h.theirs.start + h.theirs.length; i++) {
          const n = countNewlines(tt[i]);
          units.push({ text: tt[i], base: tt[i], safe: t0.safe[i] === 1, own: { mine: n, base: n, theirs: n } });
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
}

/** Whether a break may follow the last token a resolved hunk put out (theirs' for 'theirs' and 'union', else mine's). */
function lastSafe(h: MergeHunk, m: Tokens, t: Tokens): boolean {
  if ((h.kind === 'theirs' || h.kind === 'union') && h.theirs.length > 0) return t.safe[h.theirs.start + h.theirs.length - 1] === 1;
  if (h.mine.length > 0) return m.safe[h.mine.start + h.mine.length - 1] === 1;
  return false;
}

/**
 * Groups units into text and blocks: a block starts after the last safe unit before its first conflict (or at
 * the region's start, a line start) and ends after the first safe unit that follows its last conflict (or at the
 * region's end, a line end); the units between go into both sides. `asBlocks`: that side's clean hunks count as
 * conflicts too (its text against base's, which the other side kept there).
 */
function layOut(units0: Unit[], asBlocks?: 'mine' | 'theirs'): Pick<RegionMerge, 'pieces' | 'conflicts' | 'conflictChars'> {
  const units =
    asBlocks === undefined
      ? units0
      : units0.map((u): Unit =>
          u.from !== asBlocks ? u : { ...u, text: '', safe: false, conflict: asBlocks === 'mine' ? { mine: u.text, theirs: u.base } : { mine: u.base, theirs: u.text } },
        );
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
