/**
 * Where a long text may be cut into pieces for the token level's coarse pass (tokens.ts), without building a token
 * array: one linear scan over the characters, no substring per token.
 *
 * A cut is a position right after a token after which a line break is safe (`tokens.ts` SAFE: JS `;` and a block's
 * `}`, CSS `;` `}`, JSON `,` `}` `]`, a line terminator) and from which a tokenizer started afresh gives the same
 * tokens as the tokenizer run over the whole text. So a piece between two cuts can be tokenized on its own, and a
 * block may start or end at a cut.
 *
 * - JS follows js-tokens' own state machine (strings, template literals with `${…}` nesting, comments, regular
 *   expressions against division by the last significant token, `if (…)` / `for (…)` heads), but only as far as it
 *   decides token boundaries. Cuts are made only at the top level of the scan (not inside a template interpolation
 *   nor inside a `for (…)` head), and only where a fresh start sees the same state: after `;`, after the `}` of a
 *   block (not of an object literal, after which `/` divides), after a line terminator that follows `;`, `}`, `{`
 *   or nothing. What a fresh start cannot know is the brace and paren nesting before the cut: a `}` closing an
 *   object literal opened before it reads as a block's end, which changes only how a `/` right after that `}` is
 *   read (division vs regular expression) — code no minifier emits; the property test and 175 real bundles show
 *   no case.
 * - The other kinds' tokenizers are stateless regular expressions: a cut after any safe token restarts exactly.
 *
 * `minPiece`: 0 takes every possible cut; otherwise about one in four, chosen by the content just before it
 * (`takes`), so pieces are longer and equal stretches of two texts are still cut alike.
 */
import { commonPrefix } from '../text/affix';
import type { FileKind } from './types';

const RE_REGEX = /\/(?![*/])(?:\[(?:[^\]\\\n\r\u2028\u2029]+|\\.)*\]?|[^/[\\\n\r\u2028\u2029]+|\\.)*(\/[$_\u200C\u200D\p{ID_Continue}]*|\\)?/uy;
const RE_PUNCT = /--|\+\+|=>|\.{3}|\??\.(?!\d)|(?:&&|\|\||\?\?|[+\-%&|^]|\*{1,2}|<{1,2}|>{1,3}|!=?|={1,2}|\/(?![/*]))=?|[?~,:;[\](){}]/y;
const RE_STRING = /(['"])(?:[^'"\\\n\r]+|(?!\1)['"]|\\(?:\r\n|[^]))*(\1)?/y;
const RE_TEMPLATE = /[`}](?:[^`\\$]+|\\[^]|\$(?!\{))*(`|\$\{)?/y;
const RE_BLOCK_COMMENT = /\/\*(?:[^*]+|\*(?!\/))*(\*\/)?/y;
const RE_NEWLINE = /[\n\r\u2028\u2029]/;
const PRECEDES_EXPRESSION = /^(?:[/+-]|\.{3}|\?(?:InterpolationIn(?:JSX|Template)|NoLineTerminatorHere|NonExpressionParenEnd|UnaryIncDec))?$|[{}([,;<>=*%&|^!~?:]$/;

const isSpace = (c: number) =>
  c === 32 || c === 9 || c === 11 || c === 12 || c === 0xa0 || c === 0xfeff || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x202f || c === 0x205f || c === 0x3000;
const isLineEnd = (c: number) => c === 10 || c === 13 || c === 0x2028 || c === 0x2029;
/** ASCII letters, digits, '$' and '_' (1); the rest of ASCII (0). */
const ID_ASCII = new Uint8Array(128);
for (let c = 0; c < 128; c++) ID_ASCII[c] = (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 36 || c === 95 ? 1 : 0;
const isIdPart = (c: number) => (c < 128 ? ID_ASCII[c] === 1 : !isSpace(c) && !isLineEnd(c));

/** The keywords whose name matters to the scan (`EXPRESSION_AFTER` and the paren-head ones), by length. */
const KEYWORDS_BY_LENGTH: ReadonlyArray<readonly string[]> = (() => {
  const out: string[][] = [];
  for (const k of ['await', 'case', 'default', 'delete', 'do', 'else', 'instanceof', 'new', 'return', 'throw', 'typeof', 'void', 'yield', 'for', 'if', 'while', 'with']) {
    (out[k.length] ??= []).push(k);
  }
  return out;
})();

/** The keyword spelled at text[i, j), or 'x' (any other identifier: none of them matters by name). */
function keywordAt(text: string, i: number, j: number): string {
  const candidates = KEYWORDS_BY_LENGTH[j - i];
  if (candidates === undefined) return 'x';
  for (const k of candidates) if (text.startsWith(k, i)) return k;
  return 'x';
}
const isDigit = (c: number) => c >= 48 && c <= 57;
/** Punctuators of one character that may stand alone, and the characters that may extend one (`==`, `=>`, `++`, `?.`, `...`). */
const PUNCT1 = new Set([...'=+-*%&|^!<>?.'].map((ch) => ch.charCodeAt(0)));
const EXTENDS = new Set([...'=>+-.*&|<?'].map((ch) => ch.charCodeAt(0)));

const EXPRESSION_AFTER = new Set(['await', 'case', 'default', 'delete', 'do', 'else', 'instanceof', 'new', 'return', 'throw', 'typeof', 'void', 'yield']);
const NO_LINE_AFTER = new Set(['return', 'throw', 'yield']);
/** js-tokens' TokensPrecedingExpression or KeywordsWithExpressionAfter: a regular expression may follow `last`. */
function expressionAfter(last: string): boolean {
  if (last.length === 1) {
    // '/', '+', '-' and the characters ending a token after which an expression starts.
    return '/+-{}([,;<>=*%&|^!~?:'.includes(last);
  }
  if (last.length === 0) return true;
  const e = last.charCodeAt(last.length - 1);
  if (last.charCodeAt(0) === 63 /* ? */ && last !== '?.') return PRECEDES_EXPRESSION.test(last);
  if (last === '...') return true;
  return '{}([,;<>=*%&|^!~?:'.includes(String.fromCharCode(e)) || EXPRESSION_AFTER.has(last);
}

/** js-tokens' TokensNotPrecedingObjectLiteral: a `{` after `last` opens a block, not an object literal. */
function notBeforeObject(last: string): boolean {
  if (last.length <= 1) return last === '' || ';]){}'.includes(last);
  return last === '=>' || last === 'else' || last === '?NoLineTerminatorHere' || last === '?NonExpressionParenEnd';
}

/**
 * Whether a possible cut at `at` (the previous possible one at `prevAtom`, the last cut taken at `prevCut`) is
 * taken. With `minPiece` 0 every one is. Otherwise by the content of the stretch since the previous possible cut
 * (its length and two of its characters: about one in four), so that equal stretches of two texts are cut alike
 * however far apart their cuts began; and always once `minPiece` × 64 characters passed without a cut (a run of
 * equal stretches, `;;;;`).
 */
function takes(text: string, prevAtom: number, at: number, prevCut: number, minPiece: number): boolean {
  if (minPiece === 0) return true;
  if (at - prevCut >= minPiece * 64) return true;
  const len = at - prevAtom;
  const h = Math.imul(len, 0x9e3779b1) ^ Math.imul(text.charCodeAt(prevAtom), 0x85ebca6b) ^ Math.imul(text.charCodeAt(at - 2), 0xc2b2ae35);
  return ((h >>> 13) & 3) === 0 && at - prevCut >= minPiece >> 2;
}

/**
 * Cut positions of a JS text (see the module comment); ascending, never 0, the text's end not included; only those
 * at `from` or later (the scan still starts at 0: the state there depends on all before), and at most `max`.
 */
export function jsCuts(text: string, minPiece: number, from = 0, max = Infinity): number[] {
  return scanJs(text, minPiece, from, max).cuts;
}

/**
 * The whole state of jsCuts' scan at the top of its loop, at `i`: the lexical state (the last significant token,
 * postfix, the paren count, the modes, the brace kinds), which depends only on the text before `i`, and the cut
 * bookkeeping (`cuts`, `prevCut`, `prevAtom`).
 */
interface JsScan {
  i: number;
  last: string;
  postfix: boolean;
  parens: number;
  modes: { interp: boolean; nesting: number }[];
  braces: boolean[];
  cuts: number[];
  prevCut: number;
  prevAtom: number;
}

interface ScanOptions {
  /** Go on from this state (a copy is taken) instead of the start. */
  start?: JsScan;
  /** Stop at the first loop top at or after this offset and return the state there (`stopped`). */
  stopAt?: number;
  /**
   * The text from `at` on is `cuts`' own text (whose cuts they are, all of them, minPiece the same): once the
   * scan's lexical state at `at` is the start state and it takes a cut that text took too, the rest are that text's.
   */
  align?: { at: number; cuts: readonly number[] };
}

function scanJs(text: string, minPiece: number, from: number, max: number, o: ScanOptions = {}): { cuts: number[]; stopped?: JsScan } {
  const s0 = o.start;
  const cuts: number[] = s0 ? s0.cuts.slice() : [];
  const n = text.length;
  let last = s0 ? s0.last : ''; // js-tokens' lastSignificantToken (identifiers longer than 10 characters as 'x': no keyword is)
  let postfix = s0 ? s0.postfix : false; // js-tokens' postfixIncDec
  let parens = s0 ? s0.parens : 0;
  // Modes above the top level: a template interpolation (its brace depth) or a `for (…)`-like head (its paren depth).
  const modes: { interp: boolean; nesting: number }[] = s0 ? s0.modes.slice() : [];
  const braces: boolean[] = s0 ? s0.braces.slice() : [];
  let prevCut = s0 ? s0.prevCut : 0;
  let prevAtom = s0 ? s0.prevAtom : 0; // the previous place a cut could have been made
  const stopAt = o.stopAt ?? Infinity;
  const alignAt = o.align?.at ?? -1;
  let aligned = false; // the lexical state at alignAt was the start state
  let k = 0; // into o.align.cuts
  let done = false;
  const cut = (at: number) => {
    // Not before '#!': a tokenizer started there would read a hashbang comment.
    if (modes.length === 0 && at < n && at >= from && !(text.charCodeAt(at) === 35 && text.charCodeAt(at + 1) === 33)) {
      if (takes(text, prevAtom, at, prevCut, minPiece)) {
        cuts.push(at);
        prevCut = at;
        if (aligned) {
          // From a cut both took on, the whole state is the same (the lexical state ran alike since alignAt, and
          // prevCut and prevAtom are both this cut): the rest of the cuts are the other text's, shifted.
          const theirs = o.align!.cuts;
          while (k < theirs.length && theirs[k] + alignAt < at) k++;
          if (k < theirs.length && theirs[k] + alignAt === at) {
            for (k++; k < theirs.length; k++) cuts.push(theirs[k] + alignAt);
            done = true;
          }
        }
      }
      prevAtom = at;
    }
  };
  let i = s0 ? s0.i : 0;
  if (s0 === undefined && text.startsWith('#!')) {
    while (i < n && !isLineEnd(text.charCodeAt(i))) i++;
  }
  while (i < n && cuts.length < max && !done) {
    if (i >= stopAt) return { cuts, stopped: { i, last, postfix, parens, modes, braces, cuts: cuts.slice(), prevCut, prevAtom } };
    if (i === alignAt) aligned = last === '' && !postfix && parens === 0 && modes.length === 0 && braces.length === 0;
    const c = text.charCodeAt(i);
    if (isSpace(c)) {
      i++;
      continue;
    }
    if (isLineEnd(c)) {
      i += c === 13 && text.charCodeAt(i + 1) === 10 ? 2 : 1;
      postfix = false;
      if (NO_LINE_AFTER.has(last)) last = '?NoLineTerminatorHere';
      if (last === '' || last === ';' || last === '}' || last === '{') cut(i);
      continue;
    }
    if (c === 47 /* / */) {
      const d = text.charCodeAt(i + 1);
      if (d === 42 /* * */) {
        RE_BLOCK_COMMENT.lastIndex = i;
        const m = RE_BLOCK_COMMENT.exec(text)!;
        i += m[0].length;
        if (RE_NEWLINE.test(m[0])) {
          postfix = false;
          if (NO_LINE_AFTER.has(last)) last = '?NoLineTerminatorHere';
        }
        continue;
      }
      if (d === 47) {
        while (i < n && !isLineEnd(text.charCodeAt(i))) i++;
        postfix = false;
        continue;
      }
      if (expressionAfter(last)) {
        RE_REGEX.lastIndex = i;
        const m = RE_REGEX.exec(text);
        if (m !== null) {
          i += m[0].length;
          last = m[0];
          postfix = true;
          continue;
        }
      }
    }
    const top = modes.length ? modes[modes.length - 1] : undefined;
    // Single-character punctuators that no longer one starts with.
    if (c === 59 /* ; */ || c === 44 /* , */ || c === 58 /* : */ || c === 126 /* ~ */ || c === 91 /* [ */) {
      last = text[i];
      postfix = false;
      i++;
      if (c === 59) cut(i);
      continue;
    }
    if (c === 93 /* ] */) {
      last = ']';
      postfix = true;
      i++;
      continue;
    }
    if (c === 40 /* ( */) {
      if (last === '?NonExpressionParenKeyword') modes.push({ interp: false, nesting: parens });
      parens++;
      postfix = false;
      last = '(';
      i++;
      continue;
    }
    if (c === 41 /* ) */) {
      parens--;
      postfix = true;
      last = ')';
      if (top !== undefined && !top.interp && parens === top.nesting) {
        modes.pop();
        last = '?NonExpressionParenEnd';
        postfix = false;
      }
      i++;
      continue;
    }
    if (c === 123 /* { */) {
      braces.push(!notBeforeObject(last) && expressionAfter(last));
      postfix = false;
      last = '{';
      i++;
      continue;
    }
    if (c === 125 /* } */) {
      if (top !== undefined && top.interp && braces.length === top.nesting) {
        RE_TEMPLATE.lastIndex = i;
        const m = RE_TEMPLATE.exec(text)!;
        i += m[0].length;
        if (m[1] === '${') {
          last = '?InterpolationInTemplate';
          postfix = false;
        } else {
          modes.pop();
          last = m[1] === '`' ? '`' : m[0];
          postfix = true;
        }
        continue;
      }
      const expression = braces.pop() === true;
      postfix = expression;
      last = expression ? '?ExpressionBraceEnd' : '}';
      i++;
      if (!expression) cut(i);
      continue;
    }
    if (c === 96 /* ` */) {
      RE_TEMPLATE.lastIndex = i;
      const m = RE_TEMPLATE.exec(text)!;
      i += m[0].length;
      if (m[1] === '${') {
        last = '?InterpolationInTemplate';
        modes.push({ interp: true, nesting: braces.length });
        postfix = false;
      } else {
        last = m[1] === '`' ? '`' : m[0];
        postfix = true;
      }
      continue;
    }
    if (c === 34 || c === 39 /* " ' */) {
      RE_STRING.lastIndex = i;
      const m = RE_STRING.exec(text)!;
      i += m[0].length;
      last = m[2] !== undefined ? '"' : m[0];
      postfix = true;
      continue;
    }
    if (isDigit(c) || (c === 46 /* . */ && isDigit(text.charCodeAt(i + 1)))) {
      // Numbers: the exact end does not matter for what follows (a number, like a member name, ends in no
      // character that lets a regular expression follow), so letters, digits, '_' and '.' are taken together.
      let j = i + 1;
      while (j < n) {
        const e = text.charCodeAt(j);
        if (isIdPart(e) || e === 46) j++;
        else break;
      }
      i = j;
      last = '0';
      postfix = true;
      continue;
    }
    if (isIdPart(c) || c === 92 /* \ */ || c === 35 /* # */) {
      let j = i + 1;
      while (j < n) {
        const e = text.charCodeAt(j);
        if (isIdPart(e)) j++;
        else if (e === 92 && text.charCodeAt(j + 1) === 117 /* u */) j += 2;
        else break;
      }
      if (j === i + 1 && (c === 92 || c === 35)) {
        // A lone '\' or '#': js-tokens' Invalid token.
        last = text[i];
        postfix = false;
        i++;
        continue;
      }
      const word = c >= 97 && c <= 121 ? keywordAt(text, i, j) : 'x';
      let next = word;
      if ((word === 'for' || word === 'if' || word === 'while' || word === 'with') && last !== '.' && last !== '?.') next = '?NonExpressionParenKeyword';
      postfix = !EXPRESSION_AFTER.has(word);
      last = next;
      i = j;
      continue;
    }
    // A one-character punctuator that nothing extends (`a=b`, `e+a`): no regular expression needed.
    if (PUNCT1.has(c) && !EXTENDS.has(text.charCodeAt(i + 1))) {
      last = text[i];
      postfix = false;
      i++;
      continue;
    }
    RE_PUNCT.lastIndex = i;
    const m = RE_PUNCT.exec(text);
    if (m !== null) {
      const p = m[0];
      i += p.length;
      if (p === '++' || p === '--') last = postfix ? '?PostfixIncDec' : '?UnaryIncDec';
      else {
        last = p;
        postfix = false;
      }
      continue;
    }
    // js-tokens' Invalid: one code point.
    const cp = text.codePointAt(i)!;
    const len = cp > 0xffff ? 2 : 1;
    last = text.slice(i, i + len);
    postfix = false;
    i += len;
  }
  return { cuts };
}

/**
 * How far past a token's end the scan reads to decide it (`...`, `?.`, `>>>=`, a CRLF, `#!` at most three
 * characters; twice that and more for safety): what the scan did before an offset s read only text before
 * s + LOOKAHEAD.
 */
const LOOKAHEAD = 8;
/** How far before the end of a shared beginning the base scan stops to hand its state on (a long token may overrun). */
const RESUME_WINDOW = 4096;

/**
 * jsCuts(text, minPiece) of each of `texts`, the first (base) scanned whole and the others only where they differ
 * from it. The coarse pass cuts the three sides of one region, which on a bundle are the same megabyte but for an
 * edit or two: the 1 MB app.js of ../shared/1c-templates took three cold scans (~150 ms of the process), now one.
 * The answers are jsCuts' own:
 * - a text whose first P characters are base's goes on from base's state at a loop top s with s + LOOKAHEAD <= P:
 *   up to s the scan read only that shared beginning, so it did the same on both;
 * - a text that ends with the whole of base (an edit before it) is scanned from its start until its lexical state
 *   where base begins is the start state and it takes a cut that base took; the rest are base's (`align`). Not when
 *   base begins with '#!' (its scan skips that line, a scan in the middle of a text does not).
 */
export function jsCutsShared(texts: readonly string[], minPiece: number): number[][] {
  const [base, ...others] = texts;
  const prefix = others.map((t) => commonPrefix(base, t));
  const stops = [...new Set(prefix.map((p) => p - LOOKAHEAD - RESUME_WINDOW).filter((s) => s > 0))].sort((a, b) => a - b);
  // Base, stopping at each place another text goes on from.
  const states = new Map<number, JsScan>();
  let state: JsScan | undefined;
  let baseCuts: number[] | undefined;
  for (const stopAt of stops) {
    const r = scanJs(base, minPiece, 0, Infinity, { start: state, stopAt });
    if (r.stopped === undefined) {
      baseCuts = r.cuts;
      break;
    }
    states.set(stopAt, (state = r.stopped));
  }
  const cuts = baseCuts ?? scanJs(base, minPiece, 0, Infinity, { start: state }).cuts;
  return [
    cuts,
    ...others.map((t, k) => {
      const from = states.get(prefix[k] - LOOKAHEAD - RESUME_WINDOW);
      if (from !== undefined && from.i + LOOKAHEAD <= prefix[k]) return scanJs(t, minPiece, 0, Infinity, { start: from }).cuts;
      if (base.length > 0 && t.length > base.length && !base.startsWith('#!') && t.endsWith(base)) {
        return scanJs(t, minPiece, 0, Infinity, { align: { at: t.length - base.length, cuts } }).cuts;
      }
      return jsCuts(t, minPiece);
    }),
  ];
}

/** Cut positions for a stateless tokenizer (`re`, sticky) and its safe tokens. */
export function regexCuts(text: string, re: RegExp, safe: ReadonlySet<string>, minPiece: number): number[] {
  const cuts: number[] = [];
  let prevCut = 0;
  let prevAtom = 0;
  re.lastIndex = 0;
  const n = text.length;
  while (re.lastIndex < n) {
    const from = re.lastIndex;
    const m = re.exec(text);
    if (m === null) break;
    const at = re.lastIndex;
    if (at >= n) continue;
    const c = text.charCodeAt(at - 1);
    if (c === 10 || (at - from === 1 && safe.has(m[0]))) {
      if (takes(text, prevAtom, at, prevCut, minPiece)) {
        cuts.push(at);
        prevCut = at;
      }
      prevAtom = at;
    }
  }
  return cuts;
}

export type CutFinder = (text: string, minPiece: number) => number[];
export type { FileKind };
