/**
 * JavaScript / TypeScript rules for insertions.ts: which containers are commutative, what a complete item of each
 * is, and each item's key.
 *
 * There is no TypeScript parser at run time (the `typescript` package is 9 MB and a build tool here), so the rules
 * work on js-tokens' tokens, which are exact for TypeScript as for JavaScript (strings, template literals, regular
 * expressions and comments are single tokens; a chunk with an unclosed one is refused). The container at the
 * insertion point is the innermost open bracket there, classified by the tokens before it:
 *  - top level ('program'): only complete import declarations (`import … from '…'`, `import '…'`) are items, and
 *    only next to an import of base's;
 *  - `class … {`: class members, each ending in `;` or in the `}` of a method body;
 *  - `enum … {`: enum members; `interface … {` and `type X = {`: type members (`,` or `;` between them);
 *  - `import {` / `export {`: specifiers; `const {` / `let {` / `var {`: a destructuring pattern;
 *  - `{` where an expression starts (after `=`, `(`, `,`, `[`, `?`, `return`, …): object literal fields; after `:`
 *    inside one of the containers above, the same kind as that container;
 *  - inside an interface or type-literal member's type (after its `:`, before its `;`): union operands, chunks
 *    `| A` after an operand (no function, conditional or generic type at that depth).
 * Anything else (a block, a function body, an argument list, an array) is not commutative: the conflict stays.
 *
 * A chunk is accepted only when it is a sequence of complete items at the container's depth, with the separator
 * on the same side of every item (`a: 1,` after base's `{` or `,`; `, a: 1` before base's `}` or `,`), and the two
 * chunks joined are such a sequence too. Keys (a member's name, an import's local bindings) of mine's chunk must not
 * be in theirs' container and the other way round: the same key added twice (with any value) stays a conflict.
 */
import jsTokens from 'js-tokens';
import type { Insertion, InsertionRules, JoinInsertions } from './insertions';
import type { TextTriple } from './types';

interface Tok {
  type: string;
  value: string;
  start: number;
  end: number;
  /** A line terminator is between this token and the previous significant one. */
  nl: boolean;
}

type Kind = 'program' | 'class' | 'enum' | 'members' | 'specifiers' | 'pattern' | 'object';

const TRIVIA = new Set(['WhiteSpace', 'LineTerminatorSequence', 'MultiLineComment', 'SingleLineComment', 'HashbangComment']);

/** Significant tokens of `text` with offsets (offset `base` added), or undefined when a token is invalid or unclosed. */
function lex(text: string, comments?: number[], jsx = false): Tok[] | undefined {
  const out: Tok[] = [];
  let pos = 0;
  let nl = false;
  for (const t of jsTokens(text, { jsx: jsx as true }) as Iterable<{ type: string; value: string; closed?: boolean }>) {
    if (t.type === 'Invalid' || t.type === 'JSXInvalid' || ('closed' in t && !t.closed)) return undefined;
    const end = pos + t.value.length;
    if (TRIVIA.has(t.type)) {
      if (comments !== undefined && t.type.endsWith('Comment')) comments.push(pos, end);
      if (t.type === 'LineTerminatorSequence' || (t.type === 'MultiLineComment' && /[\n\r\u2028\u2029]/.test(t.value))) nl = true;
    } else {
      out.push({ type: t.type, value: t.value, start: pos, end, nl });
      nl = false;
    }
    pos = end;
  }
  return out;
}

const opens = (t: Tok) => (t.type === 'Punctuator' && (t.value === '{' || t.value === '(' || t.value === '[')) || t.type === 'TemplateHead' || t.type === 'TemplateMiddle';
const closes = (t: Tok) => (t.type === 'Punctuator' && (t.value === '}' || t.value === ')' || t.value === ']')) || t.type === 'TemplateMiddle' || t.type === 'TemplateTail';
const is = (t: Tok | undefined, v: string) => t !== undefined && t.value === v && (t.type === 'Punctuator' || t.type === 'IdentifierName');

/** A side's tokens, with each token's matching bracket and enclosing open bracket (-1: top level). */
interface Side {
  text: string;
  toks: Tok[];
  parent: Int32Array;
  match: Int32Array;
  /** Start and end offsets of every comment, in order. */
  comments: number[];
  /** Lexed with JSX (.jsx, .tsx). */
  jsx: boolean;
}

function sideOf(text: string, jsx: boolean): Side | undefined {
  const comments: number[] = [];
  const toks = lex(text, comments, jsx);
  if (toks === undefined) return undefined;
  const parent = new Int32Array(toks.length);
  const match = new Int32Array(toks.length).fill(-1);
  const stack: number[] = [];
  for (let i = 0; i < toks.length; i++) {
    const t = toks[i];
    if (closes(t)) {
      const o = stack.pop();
      if (o === undefined) return undefined;
      match[o] = i;
      match[i] = o;
    }
    parent[i] = stack.length ? stack[stack.length - 1] : -1;
    if (opens(t)) stack.push(i);
  }
  return stack.length === 0 ? { text, toks, parent, match, comments, jsx } : undefined;
}

/** Index of the first token starting at or after `p`; undefined when `p` falls inside a token or a comment. */
function tokenAt(s: Side, p: number): number | undefined {
  for (let c = 0; c < s.comments.length; c += 2) {
    if (s.comments[c] >= p) break;
    if (s.comments[c + 1] > p) return undefined;
  }
  let lo = 0;
  let hi = s.toks.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (s.toks[mid].start < p) lo = mid + 1;
    else hi = mid;
  }
  if (lo > 0 && s.toks[lo - 1].end > p) return undefined;
  return lo;
}

/** The open bracket enclosing the gap before token `i` (-1: top level). */
function enclosing(s: Side, i: number): number {
  if (i > 0) {
    const prev = i - 1;
    // After an open bracket the gap is inside it; after anything else it is where that token was.
    return opens(s.toks[prev]) ? prev : s.parent[prev];
  }
  return -1;
}

const EXPRESSION_START = new Set(['=', '(', ',', '[', '?', '||', '&&', '??', '...', 'return', 'yield', 'await', ':', '+=', '-=', '||=', '&&=', '??=']);

/** The kind of container opened by token `o` (-1: the program), or undefined when it is not commutative. */
function classify(s: Side, o: number, depth = 0): Kind | undefined {
  if (o === -1) return 'program';
  const t = s.toks[o];
  if (!is(t, '{') || depth > 64) return undefined;
  // The header: the significant tokens before `{` at its depth, back to a statement, item or bracket boundary
  // (a bracketed group inside it, like `extends mixin(a)`, is taken whole).
  const header: Tok[] = [];
  let i = o - 1;
  for (; i >= 0; i--) {
    const h = s.toks[i];
    if (is(h, ')') || is(h, ']')) {
      header.unshift(h);
      i = s.match[i];
      header.unshift(s.toks[i]);
      continue;
    }
    if (opens(h) || closes(h) || is(h, ';') || is(h, ',') || h.type.startsWith('JSX')) break;
    header.unshift(h);
  }
  const boundary = i >= 0 ? s.toks[i] : undefined;
  // `import x, {`: the comma is part of the declaration.
  if (header.length === 0 && is(boundary, ',') && i >= 2 && s.toks[i - 1].type === 'IdentifierName' && is(s.toks[i - 2], 'import')) return 'specifiers';
  // After `(`, `[`, `,` or a JSX expression container's `{` (`style={{ a: 1 }}`) an expression starts.
  const jsxOpen = boundary !== undefined && boundary.type === 'JSXPunctuator' && boundary.value === '{';
  if (header.length === 0) return is(boundary, '(') || is(boundary, '[') || is(boundary, ',') || jsxOpen ? 'object' : undefined;
  const words = header.map((h) => (h.type === 'IdentifierName' || h.type === 'Punctuator' ? h.value : h.type));
  const last = words[words.length - 1];
  if (words[0] === 'import' || (words[0] === 'export' && (header.length === 1 || (header.length === 2 && words[1] === 'type')))) return 'specifiers';
  let k = 0;
  while (k < words.length && ['export', 'default', 'declare', 'abstract', 'const'].includes(words[k])) k++;
  if (words[k] === 'class' || (words.lastIndexOf('class') > 0 && words[words.lastIndexOf('class') - 1] === '=')) return 'class';
  if (words[k] === 'enum') return 'enum';
  if (words[k] === 'interface') return 'members';
  if (words[k] === 'type' && last === '=') return 'members';
  if (header.length === 1 && (last === 'const' || last === 'let' || last === 'var')) return 'pattern';
  if (last === ':') {
    // A value of a field or member: an object literal or a type literal like its container; `case x: {` and
    // `label: {` are blocks.
    const outer = classify(s, s.parent[o], depth + 1);
    if (outer === 'object' || outer === 'members' || outer === 'pattern') return outer;
    if (outer === 'class') return 'members';
    return undefined;
  }
  if (last === 'return' && t.nl) return undefined; // `return` + newline + `{` is a block (ASI)
  if (header[header.length - 1].type === 'Punctuator' || last === 'return' || last === 'yield' || last === 'await') {
    return EXPRESSION_START.has(last) ? 'object' : undefined;
  }
  return undefined;
}

const NAME_TYPES = new Set(['IdentifierName', 'StringLiteral', 'NumericLiteral', 'PrivateIdentifier']);
const MODIFIERS = new Set(['static', 'public', 'private', 'protected', 'readonly', 'abstract', 'override', 'declare', 'async', 'get', 'set', 'accessor']);
const SEPARATORS: Record<Exclude<Kind, 'program' | 'class'>, ReadonlySet<string>> = {
  object: new Set([',']),
  enum: new Set([',']),
  specifiers: new Set([',']),
  pattern: new Set([',']),
  members: new Set([',', ';']),
};

const nameOf = (t: Tok) => (t.type === 'StringLiteral' ? t.value.slice(1, -1) : t.value);
const textOf = (item: Tok[]) => item.map((t) => t.value).join(' ');

/** The keys of one item of a container of `kind` (a name; bindings for imports, specifiers and patterns). */
function keysOf(item: Tok[], kind: Kind): string[] {
  if (kind === 'program') return importBindings(item);
  if (kind === 'specifiers' || kind === 'pattern') {
    // The local names: `a` → a, `a as b` → b, `a: b` → a (the property), `...rest` → rest; before any default.
    const eq = item.findIndex((t) => is(t, '='));
    const names = (eq === -1 ? item : item.slice(0, eq)).filter((t) => NAME_TYPES.has(t.type) && t.value !== 'type');
    const as = names.findIndex((t) => t.value === 'as');
    if (as >= 0) return names[as + 1] ? [nameOf(names[as + 1])] : [textOf(item)];
    return names.length ? [nameOf(names[0])] : [textOf(item)];
  }
  let i = 0;
  while (i + 1 < item.length && item[i].type === 'IdentifierName' && MODIFIERS.has(item[i].value) && (NAME_TYPES.has(item[i + 1].type) || is(item[i + 1], '[') || is(item[i + 1], '*'))) i++;
  if (is(item[i], '*')) i++;
  const t = item[i];
  if (t === undefined || !NAME_TYPES.has(t.type)) return [textOf(item)];
  return [nameOf(t)];
}

/** The local names an import declaration binds (`import '…'`: the module, so the same import is not added twice). */
function importBindings(item: Tok[]): string[] {
  const from = item.findIndex((t) => t.value === 'from' && t.type === 'IdentifierName');
  if (from === -1) return ['module ' + item.map((t) => t.value).join('')];
  const names: string[] = [];
  const head = item.slice(1, from);
  for (let i = 0; i < head.length; i++) {
    const t = head[i];
    if (t.type !== 'IdentifierName' || t.value === 'type' || t.value === 'typeof') continue;
    if (t.value === 'as') {
      names.pop();
      continue;
    }
    names.push(t.value);
  }
  return names;
}

/** Items of a chunk, split at the container's depth; undefined when the chunk is not a sequence of complete items. */
interface Items {
  items: Tok[][];
  /** 'after': every item followed by its separator; 'before': every item preceded by one. */
  form: 'after' | 'before' | 'ended';
}

function splitItems(chunk: string, kind: Kind): Items | undefined {
  const toks = lex(chunk);
  if (toks === undefined || toks.length === 0) return undefined;
  let depth = 0;
  for (const t of toks) {
    if (closes(t)) depth--;
    if (depth < 0) return undefined;
    if (opens(t)) depth++;
  }
  if (depth !== 0) return undefined;
  if (kind === 'program') return splitImports(toks);
  if (kind === 'class') return splitMembers(toks);
  const seps = SEPARATORS[kind];
  const segments: Tok[][] = [[]];
  const sepAt: boolean[] = [];
  depth = 0;
  for (const t of toks) {
    if (closes(t)) depth--;
    if (depth === 0 && t.type === 'Punctuator' && seps.has(t.value)) {
      segments.push([]);
      sepAt.push(true);
    } else {
      if (depth === 0 && is(t, ';')) return undefined;
      segments[segments.length - 1].push(t);
    }
    if (opens(t)) depth++;
  }
  if (segments.length < 2) return undefined;
  const first = segments[0].length === 0;
  const lastEmpty = segments[segments.length - 1].length === 0;
  if (first === lastEmpty) return undefined;
  const items = first ? segments.slice(1) : segments.slice(0, -1);
  if (items.some((it) => it.length === 0 || !itemStart(it[0], kind))) return undefined;
  return { items, form: first ? 'before' : 'after' };
}

/** Whether an item of `kind` may begin with `t`. */
function itemStart(t: Tok, kind: Kind): boolean {
  if (NAME_TYPES.has(t.type)) return kind !== 'enum' || t.type === 'IdentifierName' || t.type === 'StringLiteral';
  // No spread (`...a`): what it brings depends on the fields around it, so its place matters; no rest element in a
  // pattern (it must stay last).
  if (kind === 'object') return is(t, '[') || is(t, '*');
  if (kind === 'pattern') return is(t, '[');
  if (kind === 'members') return is(t, '[') || is(t, '(');
  return false;
}

/** Class members: each ends in `;`, or in the `}` of a method body (a member with no `=` at its depth). */
function splitMembers(toks: Tok[]): Items | undefined {
  const items: Tok[][] = [];
  let cur: Tok[] = [];
  let depth = 0;
  let assigns = false; // the member has `=` at its depth: a field with a value
  for (let i = 0; i < toks.length; i++) {
    const t = toks[i];
    if (closes(t)) depth--;
    if (depth === 0 && is(t, ';')) {
      if (cur.length) items.push(cur);
      cur = [];
      assigns = false;
      continue;
    }
    if (depth === 0 && is(t, '=')) assigns = true;
    cur.push(t);
    if (opens(t)) depth++;
    if (depth === 0 && is(t, '}') && !is(toks[i + 1], ';')) {
      if (assigns) return undefined; // a field's value ending in `}` needs its `;` (else ASI may join the next member)
      items.push(cur);
      cur = [];
    }
  }
  if (cur.length || items.length === 0) return undefined;
  if (items.some((it) => !NAME_TYPES.has(it[0].type) && !is(it[0], '[') && !is(it[0], '*'))) return undefined;
  return { items, form: 'ended' };
}

/**
 * Import declarations: `import` (not `import(` or `import.meta`), no `=` at their depth (`import x = require()`),
 * ending with the module string, then `;` or a line break before the next one.
 */
function splitImports(toks: Tok[]): Items | undefined {
  const items: Tok[][] = [];
  let i = 0;
  while (i < toks.length) {
    if (!is(toks[i], 'import') || is(toks[i + 1], '(') || is(toks[i + 1], '.')) return undefined;
    const start = i;
    let depth = 0;
    let end = -1;
    for (i = start + 1; i < toks.length; i++) {
      const t = toks[i];
      if (closes(t)) depth--;
      if (depth === 0 && (is(t, '=') || is(t, ';') || is(t, 'import'))) return undefined;
      if (opens(t)) depth++;
      if (depth === 0 && t.type === 'StringLiteral') {
        end = i;
        break;
      }
    }
    if (end === -1) return undefined;
    const fromOk = end === start + 1 || (is(toks[end - 1], 'from') && toks[end - 1].type === 'IdentifierName');
    if (!fromOk) return undefined;
    i = end + 1;
    if (is(toks[i], ';')) i++;
    else if (i < toks.length && !toks[i].nl) return undefined;
    items.push(toks.slice(start, end + 1));
  }
  return items.length ? { items, form: 'ended' } : undefined;
}

/** Every item key of the container opened by `o` in side `s`. */
function containerKeys(s: Side, o: number, kind: Kind): Map<string, number> {
  const keys = new Map<string, number>();
  const add = (item: Tok[]) => {
    for (const k of keysOf(item, kind)) keys.set(k, (keys.get(k) ?? 0) + 1);
  };
  if (kind === 'program') {
    for (let i = 0; i < s.toks.length; i++) {
      if (s.parent[i] !== -1 || !is(s.toks[i], 'import') || s.toks[i].type !== 'IdentifierName') continue;
      let j = i + 1;
      while (j < s.toks.length && !(s.parent[j] === -1 && s.toks[j].type === 'StringLiteral')) j++;
      add(s.toks.slice(i, j + 1));
    }
    return keys;
  }
  const close = s.match[o];
  const seps = kind === 'class' ? new Set([';']) : SEPARATORS[kind];
  let cur: Tok[] = [];
  for (let i = o + 1; i < close; i++) {
    const t = s.toks[i];
    if (s.parent[i] === o && t.type === 'Punctuator' && seps.has(t.value)) {
      if (cur.length) add(cur);
      cur = [];
      continue;
    }
    cur.push(t);
    if (kind === 'class' && s.parent[i] === o && is(t, '}')) {
      add(cur);
      cur = [];
    }
  }
  if (cur.length) add(cur);
  return keys;
}

/** The JS/TS rules for one merge: sides are tokenized once, on the first insertion. */
/**
 * Largest sum of the three texts whose sides are tokenized (about 1 s per million characters on a loaded machine):
 * a minified bundle where both sides inserted at one place keeps its conflict for the token level.
 */
export const JS_ITEMS_MAX_CHARS = 3_000_000;

const rulesWith = (jsx: boolean): InsertionRules => (texts: TextTriple): JoinInsertions => {
  let sides: { base?: Side; mine?: Side; theirs?: Side } | undefined;
  const size = texts.base.length + texts.mine.length + texts.theirs.length;
  return (ins: Insertion) => {
    if (size > JS_ITEMS_MAX_CHARS) return undefined;
    sides ??= { base: sideOf(texts.base, jsx), mine: sideOf(texts.mine, jsx), theirs: sideOf(texts.theirs, jsx) };
    const { base, mine, theirs } = sides;
    if (base === undefined || mine === undefined || theirs === undefined) return undefined;
    return joinAt(base, mine, theirs, ins);
  };
};

/** JavaScript and TypeScript. */
export const jsInsertionRules = rulesWith(false);
/** JSX and TSX: lexed with JSX, and attributes of one tag are commutative too. */
export const jsxInsertionRules = rulesWith(true);

function joinAt(base: Side, mine: Side, theirs: Side, ins: Insertion): string | undefined {
  const at = tokenAt(base, ins.at.base);
  if (at === undefined) return undefined;
  if (base.jsx && inTag(base, at) !== undefined) return joinAttributes(base, mine, theirs, ins, at);
  const o = enclosing(base, at);
  const kind = classify(base, o);
  if (kind === undefined) return undefined;
  if (kind === 'members' && ins.mine.trimStart().startsWith('|')) {
    return joinUnion(base, mine, theirs, ins, o, at);
  }
  const x = splitItems(ins.mine, kind);
  const y = splitItems(ins.theirs, kind);
  if (x === undefined || y === undefined || x.form !== y.form) return undefined;
  const joined = ins.mine + ins.theirs;
  const both = splitItems(joined, kind);
  if (both === undefined || both.form !== x.form) return undefined;
  // Mine's chunk must not change how theirs' is read (a line comment at its end, `/` after it).
  const sig = (c: string) => (lex(c) ?? []).map((t) => t.value).join('\u0000');
  if (sig(joined) !== sig(ins.mine) + '\u0000' + sig(ins.theirs)) return undefined;
  const close = o === -1 ? base.toks.length : base.match[o];
  const prev = at - 1 > o ? base.toks[at - 1] : undefined; // undefined: right after the container's opening
  const next = at < close ? base.toks[at] : undefined; // undefined: right before its closing
  const p = ins.at.base;
  const lineStart = p === 0 || base.text[p - 1] === '\n';
  if (kind === 'program') {
    if (!lineStart) return undefined;
    const nextImport = next !== undefined && is(next, 'import') && !is(base.toks[at + 1], '(') && !is(base.toks[at + 1], '.');
    if (!nextImport && !(prev !== undefined && endsImport(base, at - 1))) return undefined;
  } else if (kind === 'class') {
    if (!lineStart) return undefined;
    if (prev !== undefined && !is(prev, ';') && !is(prev, '}')) return undefined;
    // After a `}` that may end a field's value without `;`, a chunk must not start with what continues an expression.
    if (prev !== undefined && is(prev, '}') && !NAME_TYPES.has(x.items[0][0].type)) return undefined;
  } else {
    const seps = SEPARATORS[kind];
    const isSep = (t: Tok | undefined) => t !== undefined && t.type === 'Punctuator' && seps.has(t.value);
    if (x.form === 'after' && !(prev === undefined || isSep(prev))) return undefined;
    if (x.form === 'before' && !(next === undefined || isSep(next))) return undefined;
  }
  // Keys: mine's chunk against theirs' container (which holds theirs' chunk) and the other way round.
  const mo = enclosingAt(mine, ins.at.mine);
  const to = enclosingAt(theirs, ins.at.theirs);
  if (mo === undefined || to === undefined) return undefined;
  if (classify(mine, mo) !== kind || classify(theirs, to) !== kind) return undefined;
  const inTheirs = containerKeys(theirs, to, kind);
  const inMine = containerKeys(mine, mo, kind);
  for (const it of x.items) for (const k of keysOf(it, kind)) if (inTheirs.has(k)) return undefined;
  for (const it of y.items) for (const k of keysOf(it, kind)) if (inMine.has(k)) return undefined;
  return joined;
}

function enclosingAt(s: Side, p: number): number | undefined {
  const i = tokenAt(s, p);
  return i === undefined ? undefined : enclosing(s, i);
}

/** Whether token `i` of base ends a top-level import declaration. */
function endsImport(s: Side, i: number): boolean {
  let j = i;
  if (is(s.toks[j], ';')) j--;
  if (j < 0 || s.toks[j].type !== 'StringLiteral' || s.parent[j] !== -1) return false;
  for (let k = j - 1; k >= 0 && j - k < 4096; k--) {
    const t = s.toks[k];
    if (s.parent[k] !== -1) continue;
    if (is(t, ';') || t.type === 'StringLiteral') return false;
    if (is(t, 'import')) {
      const item = splitImports(s.toks.slice(k, j + 1));
      return item !== undefined && item.items.length === 1;
    }
  }
  return false;
}

// ---------------------------------------------------------------------------------------------------------------
// Union types inside interface and type-literal members: `level: 'debug' | 'info' | 'error';`

/** Tokens that make a member's type more than a union of operands at its depth (functions, conditionals, …). */
const NOT_UNION = new Set(['=>', '?', ':', '=', ',', ';', 'extends', 'infer']);

/** The operands of a chunk `| A | B` (each without its `|`), or undefined when it is not such a chunk. */
function unionOperands(chunk: string): string[] | undefined {
  const toks = lex(chunk);
  if (toks === undefined || toks.length < 2 || !is(toks[0], '|')) return undefined;
  const out: string[] = [];
  let cur: Tok[] = [];
  let depth = 0;
  for (const t of toks.slice(1)) {
    if (closes(t)) depth--;
    if (depth < 0) return undefined;
    if (depth === 0 && is(t, '|')) {
      if (cur.length === 0) return undefined;
      out.push(textOf(cur));
      cur = [];
    } else {
      if (depth === 0 && (NOT_UNION.has(t.value) || is(t, '<') || is(t, '>'))) return undefined;
      cur.push(t);
    }
    if (opens(t)) depth++;
  }
  if (depth !== 0 || cur.length === 0) return undefined;
  out.push(textOf(cur));
  return out;
}

/**
 * The union a gap before token `at` of side `s` is in: the operands of the member's type at the container's depth
 * (from the member's `:` to its end), or undefined when the gap is not right after an operand of such a type.
 */
function unionAround(s: Side, o: number, at: number): string[] | undefined {
  const close = o === -1 ? s.toks.length : s.match[o];
  let colon = -1;
  for (let i = at - 1; i > o; i--) {
    if (s.parent[i] !== o) continue;
    const t = s.toks[i];
    if (is(t, ':')) {
      colon = i;
      break;
    }
    if (NOT_UNION.has(t.value) || is(t, '<') || is(t, '>') || is(t, '{') || is(t, '}')) return undefined;
  }
  if (colon === -1 || colon === at - 1) return undefined;
  let end = at;
  for (; end < close; end++) {
    if (s.parent[end] !== o) continue;
    const t = s.toks[end];
    if (is(t, ';') || is(t, ',')) break;
    if (NOT_UNION.has(t.value) || is(t, '<') || is(t, '>')) return undefined;
  }
  const operands: string[] = [];
  let cur: Tok[] = [];
  for (let i = colon + 1; i < end; i++) {
    const t = s.toks[i];
    if (s.parent[i] === o && is(t, '|')) {
      if (cur.length) operands.push(textOf(cur));
      cur = [];
    } else cur.push(t);
  }
  if (cur.length) operands.push(textOf(cur));
  return operands;
}

function joinUnion(base: Side, mine: Side, theirs: Side, ins: Insertion, o: number, at: number): string | undefined {
  const x = unionOperands(ins.mine);
  const y = unionOperands(ins.theirs);
  if (x === undefined || y === undefined) return undefined;
  const close = base.match[o];
  const next = base.toks[at];
  // After an operand of base's member type, before the next `|` or the member's end.
  if (at >= close || !(is(next, '|') || is(next, ';') || is(next, ','))) return undefined;
  if (base.parent[at] !== o || unionAround(base, o, at) === undefined) return undefined;
  const mi = tokenAt(mine, ins.at.mine);
  const ti = tokenAt(theirs, ins.at.theirs);
  if (mi === undefined || ti === undefined) return undefined;
  const mo = enclosing(mine, mi);
  const to = enclosing(theirs, ti);
  if (classify(mine, mo) !== 'members' || classify(theirs, to) !== 'members') return undefined;
  const inMine = unionAround(mine, mo, mi);
  const inTheirs = unionAround(theirs, to, ti);
  if (inMine === undefined || inTheirs === undefined) return undefined;
  if (x.some((k) => inTheirs.includes(k)) || y.some((k) => inMine.includes(k))) return undefined;
  const joined = ins.mine + ins.theirs;
  const sig = (c: string) => (lex(c) ?? []).map((t) => t.value).join('\u0000');
  if (sig(joined) !== sig(ins.mine) + '\u0000' + sig(ins.theirs)) return undefined;
  return joined;
}

// ---------------------------------------------------------------------------------------------------------------
// JSX attributes of one opening tag: `<div style={s} className="foo" onClick={f}>`

const jsxIs = (t: Tok | undefined, v: string) => t !== undefined && t.type === 'JSXPunctuator' && t.value === v;

/** Index of the `<` of the opening tag the gap before token `at` is in (between its attributes), or undefined. */
function inTag(s: Side, at: number): number | undefined {
  let braces = 0;
  for (let i = at - 1; i >= 0 && at - i < 4096; i--) {
    const t = s.toks[i];
    if (jsxIs(t, '}')) braces++;
    else if (jsxIs(t, '{')) braces--;
    if (braces < 0) return undefined; // inside an expression container
    if (braces > 0) continue;
    if (jsxIs(t, '<')) return s.toks[i + 1]?.type === 'JSXIdentifier' ? i : undefined;
    if (t.type === 'JSXIdentifier' || t.type === 'JSXString' || jsxIs(t, '=') || jsxIs(t, ':') || jsxIs(t, '.') || jsxIs(t, '}') || jsxIs(t, '{')) continue;
    return undefined;
  }
  return undefined;
}

/**
 * The attributes (names; a spread's text) of tokens [from, to) of side `s`, or undefined when those tokens are
 * not a sequence of whole attributes.
 */
function attributes(s: Side, from: number, to: number, spreads: boolean): string[] | undefined {
  const names: string[] = [];
  let i = from;
  while (i < to) {
    const t = s.toks[i];
    if (jsxIs(t, '{')) {
      // a spread attribute `{...props}`: in base's tag only (what it sets depends on its place among the others)
      if (!spreads || !is(s.toks[i + 1], '...')) return undefined;
      const end = closingBrace(s, i, to);
      if (end === undefined) return undefined;
      names.push(textOf(s.toks.slice(i, end + 1)));
      i = end + 1;
      continue;
    }
    if (t.type !== 'JSXIdentifier') return undefined;
    let name = t.value;
    i++;
    if (jsxIs(s.toks[i], ':') && s.toks[i + 1]?.type === 'JSXIdentifier') {
      name += ':' + s.toks[i + 1].value;
      i += 2;
    }
    names.push(name);
    if (i < to && jsxIs(s.toks[i], '=')) {
      const v = s.toks[i + 1];
      if (v === undefined || i + 1 >= to) return undefined;
      if (v.type === 'JSXString') i += 2;
      else if (jsxIs(v, '{')) {
        const end = closingBrace(s, i + 1, to);
        if (end === undefined) return undefined;
        i = end + 1;
      } else return undefined;
    }
  }
  return names;
}

/** The JSX `}` closing the JSX `{` at `open`, before `to`. */
function closingBrace(s: Side, open: number, to: number): number | undefined {
  let depth = 0;
  for (let i = open; i < to; i++) {
    if (jsxIs(s.toks[i], '{')) depth++;
    else if (jsxIs(s.toks[i], '}') && --depth === 0) return i;
  }
  return undefined;
}

/** The attribute names of the opening tag the gap before token `at` of side `s` is in. */
function tagAttributes(s: Side, at: number): string[] | undefined {
  const lt = inTag(s, at);
  if (lt === undefined) return undefined;
  let end = lt + 2;
  while (end < s.toks.length && !jsxIs(s.toks[end], '>') && !(jsxIs(s.toks[end], '/') && jsxIs(s.toks[end + 1], '>'))) {
    if (jsxIs(s.toks[end], '{')) {
      const c = closingBrace(s, end, s.toks.length);
      if (c === undefined) return undefined;
      end = c;
    }
    end++;
  }
  return attributes(s, lt + 2, end, true);
}

/** Tokens [from, to) of side `s` that tile the chunk at offset `p` of length `n` (whitespace around allowed). */
function chunkTokens(s: Side, p: number, n: number): [number, number] | undefined {
  const from = tokenAt(s, p);
  const to = tokenAt(s, p + n);
  if (from === undefined || to === undefined || from >= to) return undefined;
  return [from, to];
}

function joinAttributes(base: Side, mine: Side, theirs: Side, ins: Insertion, at: number): string | undefined {
  // Each chunk starts with whitespace and ends where base's next attribute or the tag's end follows.
  if (!/^\s/.test(ins.mine) || !/^\s/.test(ins.theirs)) return undefined;
  const next = base.toks[at];
  if (next === undefined || !(next.type === 'JSXIdentifier' || jsxIs(next, '>') || jsxIs(next, '/') || jsxIs(next, '{'))) return undefined;
  const after = base.text[ins.at.base];
  if (!/[\s/>]/.test(after ?? '')) return undefined;
  const m = chunkTokens(mine, ins.at.mine, ins.mine.length);
  const t = chunkTokens(theirs, ins.at.theirs, ins.theirs.length);
  if (m === undefined || t === undefined) return undefined;
  const x = attributes(mine, m[0], m[1], false);
  const y = attributes(theirs, t[0], t[1], false);
  if (x === undefined || y === undefined || x.length === 0 || y.length === 0) return undefined;
  const inMine = tagAttributes(mine, m[0]);
  const inTheirs = tagAttributes(theirs, t[0]);
  if (inMine === undefined || inTheirs === undefined) return undefined;
  if (x.some((k) => inTheirs.includes(k)) || y.some((k) => inMine.includes(k))) return undefined;
  return ins.mine + ins.theirs;
}
