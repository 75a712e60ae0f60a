/**
 * JSON (and JSON with comments) merged by structure: objects by key, arrays by element.
 *
 * The three texts are parsed with jsonc-parser's `parseTree` (offsets of every node, comments and trailing commas
 * tolerated). The merge walks the three trees together:
 *  - a value one side left as base had (same source text) takes the other side's value; the same text on both
 *    sides is taken once;
 *  - objects on all three sides merge by key (a key's identity is its name and its occurrence number, so a base
 *    that already held a key twice keeps both): a key changed on one side takes that change, changed on both sides
 *    merges recursively; a key one side added is inserted after the key it followed on that side; a key deleted on
 *    one side and unchanged on the other is deleted; the same key added on both sides with different values, or
 *    deleted on one side and changed on the other, is a conflict;
 *  - arrays on all three sides merge by element with the line engine's diff3 (merge3) over the elements' source
 *    texts; a conflicting stretch that is one element on every side merges recursively, any other is a conflict;
 *  - anything else (a scalar changed on both sides, a type change) is a conflict.
 * A conflict anywhere declines the whole file ('conflict'): the line conflict then stays as it was.
 *
 * Output text: theirs is the host (the vendor's new format, as the line merge writes it), unless mine reordered
 * the keys or elements of a container and theirs did not; untouched parts of the host are copied byte for byte,
 * and text taken from the other side is re-indented to the host's indentation at that place and written with the
 * host's line terminator. Commas are put where they belong (a trailing comma only where the host had one).
 *
 * Pure: no I/O; the budget's clock is read between steps.
 */
import type { Node, ParseError } from 'jsonc-parser';
import { lazy } from '../lazy';
import { merge3 } from '../merge3/merge3';
import { checkJson } from './checks';
import type { MergeBudget, StructuredMerger, StructuredResult, TextTriple } from './types';

/** Required on first use (start-up time: docs/performance.md). */
const jsoncParser = lazy(() => require('jsonc-parser') as typeof import('jsonc-parser'));

/** Thrown inside the walk and turned into a `declined` result at the top. */
class Decline extends Error {
  constructor(
    readonly reason: 'conflict' | 'budget' | 'unsupported',
    readonly en: string,
    readonly ru: string,
  ) {
    super(en);
  }
}

type Side = 'base' | 'mine' | 'theirs';

/** A parsed side: its text, its tree, its line terminator. */
interface Doc {
  side: Side;
  text: string;
  root: Node | undefined;
  eol: string;
  /** Indentation step in spaces (0: tabs or none). */
  unit: number;
}

/** A node of one side (the side's text is needed to read it). */
interface At {
  doc: Doc;
  node: Node;
}

interface Walk {
  host: 'mine' | 'theirs';
  budget: MergeBudget;
  started: number;
  steps: number;
}

const src = (a: At) => a.doc.text.slice(a.node.offset, a.node.offset + a.node.length);

/** Text equality up to line terminators: a side that only converted CRLF ↔ LF did not change a value. */
const lf = (s: string) => (s.includes('\r') ? s.replace(/\r\n/g, '\n') : s);
const same = (a: string, b: string) => a === b || lf(a) === lf(b);
/** The text without whitespace outside strings: a side that only re-indented a value did not change it. */
const squeeze = (s: string) => s.replace(/("(?:[^"\\]|\\.)*")|\s+/g, (_m, str: string | undefined) => str ?? '');
const sameValue = (a: string, b: string) => same(a, b) || squeeze(a) === squeeze(b);

function tick(w: Walk): void {
  if (++w.steps % 256 !== 0) return;
  const now = (w.budget.now ?? Date.now)();
  if (now - w.started > w.budget.maxMillis) {
    throw new Decline('budget', `the JSON merge took longer than ${w.budget.maxMillis} ms`, `объединение JSON заняло больше ${w.budget.maxMillis} мс`);
  }
}

function conflict(what: string, whatRu: string): Decline {
  return new Decline('conflict', what, whatRu);
}

function pathText(path: readonly string[]): string {
  return path.length === 0 ? '/' : '/' + path.join('/');
}

// ---------------------------------------------------------------------------------------------------------------
// Layout of one container (object or array) on one side: its items as chunks that can be re-ordered.

/**
 * One item of a container with the text around it that belongs to it: `lead` (its indentation and comment lines
 * above it), `core` (the property or element), `gap` + comma, and `rest` (to the end of its line, newline included,
 * or the spaces before the next item on one line).
 */
interface Chunk {
  lead: string;
  /** Offset of the core in the side's text. */
  coreStart: number;
  coreEnd: number;
  gap: string;
  comma: boolean;
  rest: string;
}

interface Layout {
  /** From after the opening bracket to the first chunk. */
  head: string;
  chunks: Chunk[];
  /** From after the last chunk to the closing bracket. */
  tail: string;
  /** Every item on a line of its own ('lines'), all items on one line ('inline'), or neither. */
  style: 'lines' | 'inline' | 'mixed';
  /** The host writes a comma after its last item. */
  trailingComma: boolean;
  /** The indentation of the items' lines (for 'lines'). */
  indent: string;
}

function layoutOf(a: At): Layout {
  const text = a.doc.text;
  const open = a.node.offset + 1;
  const close = a.node.offset + a.node.length - 1;
  const items = a.node.children ?? [];
  if (items.length === 0) return { head: text.slice(open, close), chunks: [], tail: '', style: 'inline', trailingComma: false, indent: '' };
  // Where each item's text ends (after the comma, if any) and where the next item's lead begins.
  const chunks: Chunk[] = [];
  let cursor = open;
  let head = '';
  let anyNewline = false;
  let allNewline = true;
  for (let i = 0; i < items.length; i++) {
    const it = items[i];
    const start = it.offset;
    const end = it.offset + it.length;
    const before = text.slice(cursor, start);
    let lead: string;
    if (i === 0) {
      const nl = before.indexOf('\n');
      head = nl === -1 ? before : before.slice(0, nl + 1);
      lead = nl === -1 ? '' : before.slice(nl + 1);
    } else {
      lead = before;
    }
    const limit = i + 1 < items.length ? items[i + 1].offset : close;
    const after = text.slice(end, limit);
    const commaAt = commaIndex(after);
    const comma = commaAt !== -1;
    const gap = comma ? after.slice(0, commaAt) : '';
    const afterComma = comma ? after.slice(commaAt + 1) : after;
    const nl = afterComma.indexOf('\n');
    let rest: string;
    if (i + 1 < items.length) {
      if (nl === -1) {
        rest = afterComma;
        allNewline = false;
      } else {
        rest = afterComma.slice(0, nl + 1);
        anyNewline = true;
      }
    } else {
      rest = nl === -1 ? '' : afterComma.slice(0, nl + 1);
    }
    chunks.push({ lead, coreStart: start, coreEnd: end, gap, comma, rest });
    cursor = end + (comma ? commaAt + 1 : 0) + rest.length + (comma ? 0 : gap.length);
  }
  const tail = text.slice(cursor, close);
  const style = items.length === 1 ? (chunks[0].rest.endsWith('\n') ? 'lines' : 'inline') : allNewline ? 'lines' : anyNewline ? 'mixed' : 'inline';
  const lead0 = chunks[0].lead;
  const indent = lead0.slice(lead0.lastIndexOf('\n') + 1).match(/^[ \t]*/)![0];
  return { head, chunks, tail, style, trailingComma: chunks[chunks.length - 1].comma, indent };
}

/** Index of the first comma in `s` outside comments, or -1. */
function commaIndex(s: string): number {
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (c === ',') return i;
    if (c === '/' && s[i + 1] === '/') {
      const nl = s.indexOf('\n', i);
      if (nl === -1) return -1;
      i = nl;
    } else if (c === '/' && s[i + 1] === '*') {
      const endc = s.indexOf('*/', i + 2);
      if (endc === -1) return -1;
      i = endc + 1;
    }
  }
  return -1;
}

/** The indentation of the line `offset` is on. */
function lineIndent(text: string, offset: number): string {
  const ls = text.lastIndexOf('\n', offset - 1) + 1;
  return text.slice(ls, offset).match(/^[ \t]*/)![0];
}

/**
 * `s` written at indentation `to` instead of `from` (every line after the first), with line terminator `eol`. When
 * both sides indent by a number of spaces (`fromUnit`, `toUnit`: 4 and 2, say), the deeper levels are rescaled too.
 */
function reindent(s: string, from: string, to: string, eol: string, fromUnit = 0, toUnit = 0): string {
  const lines = s.split(/\r?\n/);
  if (lines.length === 1) return s;
  return lines
    .map((l, i) => {
      if (i === 0 || !l.startsWith(from)) return l;
      const rest = l.slice(from.length);
      const extra = rest.match(/^ */)![0].length;
      if (fromUnit > 0 && toUnit > 0 && fromUnit !== toUnit && extra % fromUnit === 0) {
        return to + ' '.repeat((extra / fromUnit) * toUnit) + rest.slice(extra);
      }
      return to + rest;
    })
    .join(eol);
}

/** The side's indentation step in spaces (the smallest indentation of a line), 0 when it indents otherwise. */
function indentUnit(text: string): number {
  let unit = 0;
  for (const m of text.matchAll(/\n( +)\S/g)) {
    const n = m[1].length;
    if (unit === 0 || n < unit) unit = n;
  }
  return unit;
}

/** A piece of output for one item: the host's chunk (possibly with a new core), or an item from the other side. */
interface OutItem {
  /** The chunk it came from and the side that chunk is on. */
  chunk: Chunk;
  doc: Doc;
  /** The core's text as it is to be written (already in the host's indentation when it came from elsewhere). */
  core: string;
}

/** The container's text from the host's layout and the items in order. */
function render(host: At, layout: Layout, items: OutItem[], hostEol: string): string {
  const text = host.doc.text;
  const openChar = text[host.node.offset];
  const closeChar = text[host.node.offset + host.node.length - 1];
  if (layout.style === 'mixed' && items.some((it) => it.doc !== host.doc)) {
    throw new Decline('unsupported', 'a JSON array or object with some items on shared lines', 'массив или объект JSON, где часть элементов на общих строках');
  }
  let out = openChar + layout.head;
  const hostIndent = layout.indent;
  items.forEach((it, j) => {
    const last = j === items.length - 1;
    const fromHost = it.doc === host.doc;
    let lead: string;
    let rest: string;
    let gap: string;
    if (fromHost) {
      lead = it.chunk.lead;
      rest = it.chunk.rest;
      gap = it.chunk.gap;
    } else if (layout.style === 'lines') {
      const otherIndent = lineIndent(it.doc.text, it.chunk.coreStart);
      // The other side's comment lines above the item come with it (re-indented); a bare indentation is replaced.
      const theirLead = it.chunk.lead.includes('/') ? reindent('\n' + it.chunk.lead, otherIndent, hostIndent, hostEol).slice(hostEol.length) : '';
      lead = theirLead.trim() === '' ? hostIndent : theirLead.replace(/^[ \t]*/, hostIndent);
      rest = hostEol;
      gap = '';
    } else {
      lead = '';
      rest = ' ';
      gap = '';
    }
    if (layout.style === 'inline' && last) rest = '';
    if (layout.style === 'inline' && !last && rest === '') rest = ' ';
    if (layout.style === 'lines' && !last && !rest.endsWith('\n')) rest += hostEol;
    const comma = !last || layout.trailingComma;
    out += lead + it.core + gap + (comma ? ',' : '') + rest;
  });
  return out + layout.tail + closeChar;
}

// ---------------------------------------------------------------------------------------------------------------
// The walk

/** A value's merged text, written for the host's place `hostAt` (whose indentation it takes). */
function mergeValue(b: At | undefined, m: At | undefined, t: At | undefined, w: Walk, path: string[]): string {
  tick(w);
  if (m === undefined || t === undefined) throw new Error('internal: mergeValue without both sides');
  const host = w.host === 'theirs' ? t : m;
  const ms = src(m);
  const ts = src(t);
  // Equal up to whitespace counts as equal: where both sides changed something, the host's layout wins over the
  // other side's re-indentation, and a side's real change comes with its own text.
  if (sameValue(ms, ts)) return src(host);
  const container = (x: At) => x.node.type === 'object' || x.node.type === 'array';
  if (b !== undefined) {
    const bs = src(b);
    // One side left the value as base had it: the other side's value. Except when that side is the host and only
    // re-formatted a container: then the walk goes on below, so the host's layout stays and the change is applied.
    if (sameValue(ms, bs) && (host === t || same(ms, bs) || !container(m))) return moveTo(t, host);
    if (sameValue(ts, bs) && (host === m || same(ts, bs) || !container(t))) return moveTo(m, host);
  }
  const type = m.node.type;
  if (type === t.node.type && (b === undefined || b.node.type === type)) {
    if (type === 'object') return mergeObject(b, m, t, w, path);
    if (type === 'array' && b !== undefined) return mergeArray(b, m, t, w, path);
  }
  throw conflict(
    b === undefined ? `both sides added ${pathText(path)} with different values` : `both sides changed ${pathText(path)} differently`,
    b === undefined ? `обе стороны добавили ${pathText(path)} с разными значениями` : `обе стороны по-разному изменили ${pathText(path)}`,
  );
}

/** The text of `from` (or `s`, written at `from`'s place) moved to `to`'s place: its indentation and line terminator. */
function moveTo(from: At, to: At, s: string = src(from)): string {
  if (from.doc === to.doc) return s;
  return reindent(s, lineIndent(from.doc.text, from.node.offset), lineIndent(to.doc.text, to.node.offset), to.doc.eol, from.doc.unit, to.doc.unit);
}

interface Prop {
  id: string;
  key: string;
  prop: At;
  value: At;
  index: number;
}

function propsOf(a: At | undefined): Map<string, Prop> {
  const out = new Map<string, Prop>();
  if (a === undefined) return out;
  const seen = new Map<string, number>();
  (a.node.children ?? []).forEach((p, index) => {
    const keyNode = p.children?.[0];
    const valueNode = p.children?.[1];
    if (keyNode === undefined || valueNode === undefined) throw new Decline('unsupported', 'a JSON property without a value', 'свойство JSON без значения');
    const key = String(keyNode.value);
    const n = seen.get(key) ?? 0;
    seen.set(key, n + 1);
    const id = `${key}\u0000${n}`;
    out.set(id, { id, key, prop: { doc: a.doc, node: p }, value: { doc: a.doc, node: valueNode }, index });
  });
  return out;
}

/** Whether the ids common to `a` and `b` come in the same order in both. */
function sameOrder(a: readonly string[], b: readonly string[]): boolean {
  const inB = new Set(b);
  const inA = new Set(a);
  const x = a.filter((id) => inB.has(id));
  const y = b.filter((id) => inA.has(id));
  return x.every((id, i) => id === y[i]);
}

function mergeObject(b: At | undefined, m: At, t: At, w: Walk, path: string[]): string {
  const B = propsOf(b);
  const M = propsOf(m);
  const T = propsOf(t);
  // The host of this object: theirs, unless only mine reordered the keys it shares with base.
  const mineReordered = !sameOrder([...B.keys()], [...M.keys()]);
  const theirsReordered = !sameOrder([...B.keys()], [...T.keys()]);
  if (mineReordered && theirsReordered && !sameOrder([...M.keys()], [...T.keys()])) {
    throw conflict(`both sides reordered the keys of ${pathText(path)}`, `обе стороны изменили порядок ключей в ${pathText(path)}`);
  }
  const hostSide: 'mine' | 'theirs' = mineReordered && !theirsReordered ? 'mine' : w.host;
  const saved = w.host;
  w.host = hostSide;
  try {
    const H = hostSide === 'theirs' ? T : M;
    const O = hostSide === 'theirs' ? M : T;
    const host = hostSide === 'theirs' ? t : m;
    const other = hostSide === 'theirs' ? m : t;
    const layout = layoutOf(host);
    const hostChunks = layout.chunks;
    const otherChunks = layoutOf(other).chunks;
    // Values for the keys the host has.
    const items: (OutItem & { id: string })[] = [];
    for (const h of H.values()) {
      const o = O.get(h.id);
      const bp = B.get(h.id);
      const sub = [...path, h.key];
      const chunk = hostChunks[h.index];
      const coreText = host.doc.text.slice(chunk.coreStart, chunk.coreEnd);
      if (o === undefined) {
        if (bp === undefined) {
          items.push({ id: h.id, chunk, doc: host.doc, core: coreText }); // the host added it
        } else if (!same(src(bp.value), src(h.value))) {
          throw conflict(`${pathText(sub)} was deleted on one side and changed on the other`, `${pathText(sub)} удалён на одной стороне и изменён на другой`);
        }
        continue; // the other side deleted it, the host left it as it was
      }
      const [mv, tv] = hostSide === 'theirs' ? [o.value, h.value] : [h.value, o.value];
      const merged = mergeValue(bp?.value, mv, tv, w, sub);
      const valueStart = h.value.node.offset - chunk.coreStart;
      const core = merged === src(h.value) ? coreText : coreText.slice(0, valueStart) + merged + coreText.slice(valueStart + h.value.node.length);
      items.push({ id: h.id, chunk, doc: host.doc, core });
    }
    // Keys only the other side has: added there (inserted after the key they follow there), or deleted by the host.
    const order = [...O.values()];
    order.forEach((o, i) => {
      if (H.has(o.id)) return;
      const bp = B.get(o.id);
      if (bp !== undefined) {
        if (!same(src(bp.value), src(o.value))) {
          throw conflict(`${pathText([...path, o.key])} was deleted on one side and changed on the other`, `${pathText([...path, o.key])} удалён на одной стороне и изменён на другой`);
        }
        return;
      }
      const chunk = otherChunks[o.index];
      const core = reindent(other.doc.text.slice(chunk.coreStart, chunk.coreEnd), lineIndent(other.doc.text, chunk.coreStart), layout.indent, host.doc.eol, other.doc.unit, host.doc.unit);
      const item = { id: o.id, chunk, doc: other.doc, core };
      // After the nearest key before it (on the other side) that the output has; else before the nearest after it.
      let at = -1;
      for (let k = i - 1; k >= 0 && at === -1; k--) {
        const idx = items.findIndex((x) => x.id === order[k].id);
        if (idx !== -1) at = idx + 1;
      }
      if (at === -1) {
        for (let k = i + 1; k < order.length && at === -1; k++) {
          const idx = items.findIndex((x) => x.id === order[k].id);
          if (idx !== -1) at = idx;
        }
      }
      if (at === -1) at = items.length;
      items.splice(at, 0, item);
    });
    const unchanged = items.length === hostChunks.length && items.every((it, i) => it.doc === host.doc && it.chunk === hostChunks[i] && it.core === host.doc.text.slice(it.chunk.coreStart, it.chunk.coreEnd));
    // An object the host emptied and the other side added to: written in the other side's layout, moved here.
    const out = unchanged ? src(host) : hostChunks.length === 0 ? moveTo(other, host, render(other, layoutOf(other), items, other.doc.eol)) : render(host, layout, items, host.doc.eol);
    // Written in this object's host; the caller's host may be the other side: move it to the caller's place.
    const outer = saved === 'theirs' ? t : m;
    return outer === host ? out : moveTo(host, outer, out);
  } finally {
    w.host = saved;
  }
}

function mergeArray(b: At, m: At, t: At, w: Walk, path: string[]): string {
  const els = (a: At) => a.node.children ?? [];
  const keyOf = (a: At) => els(a).map((n) => squeeze(lf(a.doc.text.slice(n.offset, n.offset + n.length))));
  const keys = { base: keyOf(b), mine: keyOf(m), theirs: keyOf(t) };
  const result = merge3(keys, { style: 'merge', level: 'minimal' });
  const host = w.host === 'theirs' ? t : m;
  const other = w.host === 'theirs' ? m : t;
  const layout = layoutOf(host);
  const hostChunks = layout.chunks;
  const chunksOf = new Map<Doc, Chunk[]>([[host.doc, hostChunks], [other.doc, layoutOf(other).chunks]]);
  const items: OutItem[] = [];
  const take = (a: At, start: number, length: number) => {
    for (let i = start; i < start + length; i++) {
      const chunk = chunksOf.get(a.doc)![i];
      const node = els(a)[i];
      items.push({ chunk, doc: a.doc, core: a.doc === host.doc ? src({ doc: a.doc, node }) : reindent(src({ doc: a.doc, node }), lineIndent(a.doc.text, node.offset), layout.indent, host.doc.eol, a.doc.unit, host.doc.unit) });
    }
  };
  for (const h of result.hunks) {
    tick(w);
    switch (h.kind) {
      case 'same':
      case 'both':
        // Both sides have these elements (the same text up to whitespace): the host's copy.
        take(host, w.host === 'theirs' ? h.theirs.start : h.mine.start, w.host === 'theirs' ? h.theirs.length : h.mine.length);
        break;
      case 'mine':
        take(m, h.mine.start, h.mine.length);
        break;
      case 'theirs':
        take(t, h.theirs.start, h.theirs.length);
        break;
      case 'conflict':
      case 'union': {
        const n = h.base.length;
        if (n === 0 || h.mine.length !== n || h.theirs.length !== n) {
          throw conflict(`both sides changed the same elements of the array ${pathText(path)}`, `обе стороны изменили одни и те же элементы массива ${pathText(path)}`);
        }
        for (let k = 0; k < n; k++) {
          const at = (a: At, start: number): At => ({ doc: a.doc, node: els(a)[start + k] });
          const hi = w.host === 'theirs' ? h.theirs.start + k : h.mine.start + k;
          const merged = mergeValue(at(b, h.base.start), at(m, h.mine.start), at(t, h.theirs.start), w, [...path, String(hi)]);
          items.push({ chunk: hostChunks[hi], doc: host.doc, core: merged });
        }
        break;
      }
    }
  }
  if (hostChunks.length === 0 && items.length > 0) return moveTo(other, host, render(other, layoutOf(other), items, other.doc.eol));
  return render(host, layout, items, host.doc.eol);
}

// ---------------------------------------------------------------------------------------------------------------

function parseDoc(side: Side, text: string): { doc: Doc; errors: ParseError[] } {
  const errors: ParseError[] = [];
  const root = text.trim() === '' ? undefined : jsoncParser().parseTree(text, errors, { allowTrailingComma: true, disallowComments: false });
  return { doc: { side, text, root, eol: text.includes('\r\n') ? '\r\n' : '\n', unit: indentUnit(text) }, errors };
}

/**
 * A three-way choice between strings, line terminators aside: the changed side, the common change, or undefined for
 * a conflict; written with the line terminator `eol`.
 */
function pick3(b: string, m: string, t: string, eol: string): string | undefined {
  const [nb, nm, nt] = [lf(b), lf(m), lf(t)];
  const chosen = nm === nt || nm === nb ? nt : nt === nb ? nm : undefined;
  return chosen === undefined ? undefined : chosen.replace(/\n/g, eol);
}

function mergeJson(triple: TextTriple, budget: MergeBudget): StructuredResult {
  const size = triple.base.length + triple.mine.length + triple.theirs.length;
  if (size > budget.maxChars) {
    return { kind: 'declined', reason: 'budget', en: `the JSON files are larger than ${budget.maxChars} characters`, ru: `файлы JSON больше ${budget.maxChars} символов` };
  }
  const w: Walk = { host: 'theirs', budget, started: (budget.now ?? Date.now)(), steps: 0 };
  const b = parseDoc('base', triple.base);
  const m = parseDoc('mine', triple.mine);
  const t = parseDoc('theirs', triple.theirs);
  for (const p of [b, m, t]) {
    if (p.errors.length > 0 && !(p.doc.side === 'base' && triple.base === '')) {
      return { kind: 'declined', reason: 'parse', en: `the ${p.doc.side} side is not valid JSON`, ru: `${p.doc.side === 'mine' ? 'ваша версия' : p.doc.side === 'theirs' ? 'версия поставщика' : 'базовая версия'} — не корректный JSON` };
    }
  }
  if (m.doc.root === undefined || t.doc.root === undefined) {
    return { kind: 'declined', reason: 'unsupported', en: 'one side is empty', ru: 'одна из сторон пуста' };
  }
  try {
    const at = (d: Doc): At | undefined => (d.root === undefined ? undefined : { doc: d, node: d.root });
    const root = mergeValue(at(b.doc), at(m.doc)!, at(t.doc)!, w, []);
    // The text around the root value (comments, the final newline): three-way as strings.
    const around = (d: Doc) => (d.root === undefined ? ['', ''] : [d.text.slice(0, d.root.offset), d.text.slice(d.root.offset + d.root.length)]);
    const [bp, bs] = b.doc.root === undefined ? around(t.doc) : around(b.doc);
    const [mp, msuf] = around(m.doc);
    const [tp, tsuf] = around(t.doc);
    const prefix = pick3(bp, mp, tp, t.doc.eol);
    const suffix = pick3(bs, msuf, tsuf, t.doc.eol);
    if (prefix === undefined || suffix === undefined) {
      throw conflict('both sides changed the text around the JSON value differently', 'обе стороны по-разному изменили текст вокруг значения JSON');
    }
    const text = prefix + root + suffix;
    // The result must be what it claims: JSON that parses and holds no key twice that no input held twice.
    const failure = checkJson(text, [triple.base, triple.mine, triple.theirs]);
    if (failure !== null) return { kind: 'declined', reason: 'conflict', en: failure.en, ru: failure.ru };
    return { kind: 'clean', text };
  } catch (e) {
    if (e instanceof Decline) return { kind: 'declined', reason: e.reason, en: e.en, ru: e.ru };
    throw e;
  }
}

export const jsonMerger: StructuredMerger = { level: 'json', merge: mergeJson };
