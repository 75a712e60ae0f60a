/**
 * HTML and XML: the attributes of one start tag merged by name; the elements themselves are not restructured.
 *
 * Each side is cut (htmlparser2, tolerant, with source offsets) into a sequence of tokens: start tags, and the text
 * between them (text, end tags, comments, script and style bodies), exactly as written. The three sequences are
 * aligned with the line engine's diff3 (merge3), a start tag keyed by its name only and a text by its exact bytes:
 *  - a start tag at the same place on all sides merges its attributes by name (mine changes `class`, the vendor adds
 *    `data-id`: both); an attribute changed on both sides differently, added on both with different values, or
 *    deleted on one side and changed on the other, is a conflict;
 *  - a stretch that one side changed and the other left byte for byte as base had it takes the changed side (text
 *    between tags merges only so: when exactly one side changed that stretch);
 *  - anything else (both sides changed the same stretch, a tag changed by one side inside a stretch the other side
 *    rewrote) is a conflict.
 * A conflict declines the whole file ('conflict'): the line (or token) conflict stays. Output: theirs' tag text is
 * the host; mine's inserted attributes keep the whitespace they had before them in mine (with theirs' line
 * terminator), after the attribute they followed in mine. An attribute never appears twice: the result is checked.
 *
 * Pure: no I/O; the budget's clock is read between steps.
 */
import type { Parser } from 'htmlparser2';
import { merge3 } from '../merge3/merge3';
import { checkHtml, checkXml } from './checks';
import { markupParser } from './markup-parser';
import type { MergeBudget, StructuredMerger, StructuredResult, TextTriple } from './types';


class Decline extends Error {
  constructor(
    readonly reason: 'conflict' | 'budget' | 'unsupported',
    readonly en: string,
    readonly ru: string,
  ) {
    super(en);
  }
}

interface Attr {
  /** Name as compared (lower-cased in HTML). */
  name: string;
  start: number;
  end: number;
}

interface Tag {
  kind: 'tag';
  name: string;
  start: number;
  /** Exclusive: after the '>'. */
  end: number;
  /** After the tag's name. */
  nameEnd: number;
  attrs: Attr[];
}

interface Text {
  kind: 'text';
  start: number;
  end: number;
}

type Token = Tag | Text;

interface Side {
  text: string;
  tokens: Token[];
  eol: string;
}

/** The side's start tags with their attributes' offsets, and the texts between them. */
function tokenize(text: string, xmlMode: boolean): Side {
  const tags: Tag[] = [];
  let current: Tag | undefined;
  const parser: Parser = markupParser(
    {
      onopentagname: (name) => {
        current = { kind: 'tag', name, start: parser.startIndex, end: -1, nameEnd: parser.startIndex + 1 + name.length, attrs: [] };
      },
      onattribute: (name) => {
        current?.attrs.push({ name, start: parser.startIndex, end: parser.endIndex });
      },
      onopentag: () => {
        if (current === undefined) return;
        current.end = parser.endIndex + 1;
        tags.push(current);
        current = undefined;
      },
    },
    xmlMode,
  );
  parser.end(text);
  const tokens: Token[] = [];
  let at = 0;
  for (const tag of tags) {
    if (tag.start > at) tokens.push({ kind: 'text', start: at, end: tag.start });
    tokens.push(tag);
    at = tag.end;
  }
  if (at < text.length) tokens.push({ kind: 'text', start: at, end: text.length });
  return { text, tokens, eol: text.includes('\r\n') ? '\r\n' : '\n' };
}

const slice = (s: Side, t: { start: number; end: number }) => s.text.slice(t.start, t.end);
/**
 * The key merge3 aligns a token by: a start tag by its name ('\u0001<' + name), a text by its bytes. A text is its own
 * key, not a concatenation: on a single-file page one text is a 15 MB inline bundle, and '\u0002' + it made a cons
 * string that interning had to flatten, a copy of the whole bundle per side; the slice shares the side's text. Only
 * a text starting with '\u0001' or '\u0002' is prefixed with '\u0002', so no text's key is a tag's and two texts'
 * keys are equal exactly when the texts are.
 */
function keyOf(s: Side, t: Token): string {
  if (t.kind === 'tag') return '\u0001<' + t.name;
  const text = slice(s, t);
  const c = text.charCodeAt(0);
  return c === 1 || c === 2 ? '\u0002' + text : text;
}

/** A three-way choice between strings: the changed side, the common change, or undefined. */
function pick3(b: string, m: string, t: string): string | undefined {
  if (m === t || m === b) return t;
  if (t === b) return m;
  return undefined;
}

/** The pieces of a start tag: `<name`, then (whitespace, attribute) pairs, then the rest up to and with '>'. */
interface TagParts {
  open: string;
  attrs: { name: string; ws: string; text: string }[];
  tail: string;
}

function partsOf(s: Side, tag: Tag): TagParts {
  const attrs: TagParts['attrs'] = [];
  let at = tag.nameEnd;
  const seen = new Set<string>();
  for (const a of tag.attrs) {
    if (seen.has(a.name)) {
      throw new Decline('unsupported', `the tag <${tag.name}> has the attribute "${a.name}" twice`, `у тега <${tag.name}> атрибут "${a.name}" указан дважды`);
    }
    seen.add(a.name);
    attrs.push({ name: a.name, ws: s.text.slice(at, a.start), text: s.text.slice(a.start, a.end) });
    at = a.end;
  }
  return { open: s.text.slice(tag.start, tag.nameEnd), attrs, tail: s.text.slice(at, tag.end) };
}

/** One tag present at the same place on all three sides: its attributes merged by name; theirs' text is the host. */
function mergeTag(b: [Side, Tag], m: [Side, Tag], t: [Side, Tag]): string {
  const bs = slice(...b);
  const ms = slice(...m);
  const ts = slice(...t);
  const whole = pick3(bs, ms, ts);
  if (whole !== undefined) return whole;
  const tagName = t[1].name;
  const B = partsOf(...b);
  const M = partsOf(...m);
  const T = partsOf(...t);
  const open = pick3(B.open, M.open, T.open);
  const tail = pick3(B.tail.trim(), M.tail.trim(), T.tail.trim());
  if (open === undefined || tail === undefined) {
    throw new Decline('conflict', `both sides changed the tag <${tagName}> differently`, `обе стороны по-разному изменили тег <${tagName}>`);
  }
  const byName = (p: TagParts) => new Map(p.attrs.map((a) => [a.name, a]));
  const bm = byName(B);
  const mm = byName(M);
  const out: { name: string; ws: string; text: string }[] = [];
  const clash = (what: string, whatRu: string) => new Decline('conflict', `${what} in the tag <${tagName}>`, `${whatRu} у тега <${tagName}>`);
  for (const ta of T.attrs) {
    const ba = bm.get(ta.name);
    const ma = mm.get(ta.name);
    if (ma === undefined) {
      if (ba === undefined) out.push(ta); // theirs added it
      else if (ba.text !== ta.text) throw clash(`the attribute "${ta.name}" was deleted on one side and changed on the other`, `атрибут "${ta.name}" удалён на одной стороне и изменён на другой`);
      continue; // mine deleted it
    }
    if (ma.text === ta.text || (ba !== undefined && ma.text === ba.text)) out.push(ta);
    else if (ba !== undefined && ta.text === ba.text) out.push({ ...ta, text: ma.text });
    else throw clash(`both sides set the attribute "${ta.name}" differently`, `обе стороны по-разному задали атрибут "${ta.name}"`);
  }
  const tm = byName(T);
  M.attrs.forEach((ma, i) => {
    if (tm.has(ma.name)) return;
    const ba = bm.get(ma.name);
    if (ba !== undefined) {
      if (ba.text !== ma.text) throw clash(`the attribute "${ma.name}" was deleted on one side and changed on the other`, `атрибут "${ma.name}" удалён на одной стороне и изменён на другой`);
      return; // theirs deleted it
    }
    // Mine added it: after the attribute it follows in mine, or first when it was first in mine.
    let at = 0;
    for (let k = i - 1; k >= 0; k--) {
      const idx = out.findIndex((a) => a.name === M.attrs[k].name);
      if (idx !== -1) {
        at = idx + 1;
        break;
      }
    }
    out.splice(at, 0, { ...ma, ws: ma.ws === '' ? ' ' : ma.ws.replace(/\r?\n/g, t[0].eol) });
  });
  // The tail as theirs wrote it, unless only mine changed it (its non-blank part: `/>`, `>`).
  const hostTail = T.tail.trim() === tail ? T.tail : M.tail;
  return open + out.map((a) => a.ws + a.text).join('') + hostTail;
}

interface Budgeted {
  budget: MergeBudget;
  started: number;
}

function overBudget(w: Budgeted): boolean {
  return (w.budget.now ?? Date.now)() - w.started > w.budget.maxMillis;
}

function mergeMarkup(triple: TextTriple, budget: MergeBudget, xmlMode: boolean): StructuredResult {
  const kind = xmlMode ? 'XML' : 'HTML';
  const size = triple.base.length + triple.mine.length + triple.theirs.length;
  const tooLong: StructuredResult = { kind: 'declined', reason: 'budget', en: `the ${kind} merge took longer than ${budget.maxMillis} ms`, ru: `объединение ${kind} заняло больше ${budget.maxMillis} мс` };
  if (size > budget.maxChars) {
    return { kind: 'declined', reason: 'budget', en: `the ${kind} files are larger than ${budget.maxChars} characters`, ru: `файлы ${kind} больше ${budget.maxChars} символов` };
  }
  const w: Budgeted = { budget, started: (budget.now ?? Date.now)() };
  const b = tokenize(triple.base, xmlMode);
  const m = tokenize(triple.mine, xmlMode);
  const t = tokenize(triple.theirs, xmlMode);
  if (overBudget(w)) return tooLong;
  const keys = (s: Side) => s.tokens.map((tok) => keyOf(s, tok));
  const result = merge3({ base: keys(b), mine: keys(m), theirs: keys(t) }, { style: 'merge', level: 'minimal' });
  if (overBudget(w)) return tooLong;
  const parts: string[] = [];
  const same = (x: Side, xs: number, y: Side, ys: number, n: number) => {
    for (let k = 0; k < n; k++) if (slice(x, x.tokens[xs + k]) !== slice(y, y.tokens[ys + k])) return false;
    return true;
  };
  const take = (s: Side, start: number, n: number) => {
    for (let k = 0; k < n; k++) parts.push(slice(s, s.tokens[start + k]));
  };
  try {
    for (const [i, h] of result.hunks.entries()) {
      if (i % 64 === 63 && overBudget(w)) return tooLong;
      switch (h.kind) {
        case 'same':
          for (let k = 0; k < h.base.length; k++) {
            const bt = b.tokens[h.base.start + k];
            const mt = m.tokens[h.mine.start + k];
            const tt = t.tokens[h.theirs.start + k];
            if (bt.kind === 'tag' && mt.kind === 'tag' && tt.kind === 'tag') parts.push(mergeTag([b, bt], [m, mt], [t, tt]));
            else parts.push(slice(t, tt));
          }
          break;
        case 'mine':
          if (!same(t, h.theirs.start, b, h.base.start, h.base.length)) throw stretchConflict(kind);
          take(m, h.mine.start, h.mine.length);
          break;
        case 'theirs':
          if (!same(m, h.mine.start, b, h.base.start, h.base.length)) throw stretchConflict(kind);
          take(t, h.theirs.start, h.theirs.length);
          break;
        case 'both':
          if (!same(m, h.mine.start, t, h.theirs.start, h.theirs.length)) throw stretchConflict(kind);
          take(t, h.theirs.start, h.theirs.length);
          break;
        case 'conflict':
        case 'union':
          throw stretchConflict(kind);
      }
    }
  } catch (e) {
    if (e instanceof Decline) return { kind: 'declined', reason: e.reason, en: e.en, ru: e.ru };
    throw e;
  }
  const text = parts.join('');
  const failure = (xmlMode ? checkXml : checkHtml)(text, [triple.base, triple.mine, triple.theirs]);
  if (failure !== null) return { kind: 'declined', reason: 'conflict', en: failure.en, ru: failure.ru };
  return { kind: 'clean', text };
}

function stretchConflict(kind: string): Decline {
  return new Decline('conflict', `both sides changed the same stretch of the ${kind} outside a tag's attributes`, `обе стороны изменили один и тот же участок ${kind} вне атрибутов тега`);
}

export const htmlMerger: StructuredMerger = { level: 'html', merge: (t, budget) => mergeMarkup(t, budget, false) };

/** The same merger for XML (case-sensitive names, no HTML raw-text elements); reported as level 'html'. */
export const xmlMerger: StructuredMerger = { level: 'html', merge: (t, budget) => mergeMarkup(t, budget, true) };
