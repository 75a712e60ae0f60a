/**
 * CSS merged by structure: rules by selector, at-rules by name and parameters, declarations inside one rule by
 * property, comments by their text.
 *
 * The three texts are parsed with postcss, which keeps every byte of formatting in its nodes' `raws` (its
 * `toString()` gives back the parsed text exactly). The result is theirs' tree (the vendor's new file) with mine's
 * changes applied to it, container by container:
 *  - a node's identity is its kind and name (selector, at-rule name + parameters, property, comment text) with its
 *    occurrence number among the same names, so a fallback pair (`display: -webkit-box; display: flex`) stays a pair;
 *  - a node mine changed and theirs left as base had takes mine's; changed on both sides, a rule or at-rule merges
 *    recursively, a declaration or comment is a conflict; a node mine added is inserted after the node it follows in
 *    mine (with its neighbour's indentation); a node deleted on one side and unchanged on the other is deleted;
 *    deleted on one side and changed on the other, or the same name added on both sides with different text, is a
 *    conflict;
 *  - order matters in CSS (the cascade): a container whose nodes mine re-ordered, while theirs also changed it, is a
 *    conflict.
 * A conflict declines the whole file ('conflict'); the line conflict then stays.
 *
 * Pure: no I/O; the budget's clock is read between steps.
 */
import type { ChildNode, Container, Root } from 'postcss';
import { lazy } from '../lazy';
import { checkCss } from './checks';
import type { MergeBudget, StructuredMerger, StructuredResult, TextTriple } from './types';

/** Required on first use (start-up time: docs/performance.md). */
const postcss = lazy(() => require('postcss') as typeof import('postcss'));

class Decline extends Error {
  constructor(
    readonly reason: 'conflict' | 'budget',
    readonly en: string,
    readonly ru: string,
  ) {
    super(en);
  }
}

interface Walk {
  /** The host's (theirs') line terminator. */
  eol: string;
  budget: MergeBudget;
  started: number;
  steps: number;
}

function tick(w: Walk): void {
  if (++w.steps % 128 !== 0) return;
  if ((w.budget.now ?? Date.now)() - w.started > w.budget.maxMillis) {
    throw new Decline('budget', `the CSS merge took longer than ${w.budget.maxMillis} ms`, `объединение CSS заняло больше ${w.budget.maxMillis} мс`);
  }
}

const norm = (s: string) => s.replace(/\s+/g, ' ').trim();

/** The name a node is known by among its siblings (before its occurrence number). */
function nameOf(n: ChildNode): string {
  switch (n.type) {
    case 'rule':
      return 'rule ' + norm(n.selector);
    case 'atrule':
      return '@' + n.name.toLowerCase() + ' ' + norm(n.params);
    case 'decl':
      return 'decl ' + n.prop.toLowerCase();
    case 'comment':
      return 'comment ' + norm(n.text);
    default:
      return 'other';
  }
}

/** A selector or parameter list as a message shows it: whitespace collapsed, at most 60 characters. */
function shown(s: string): string {
  const t = norm(s);
  return t.length <= 60 ? t : t.slice(0, 57) + '...';
}

/** How a user reads the node's place ("the rule .header", "the declaration color in .header"). */
function describe(n: ChildNode): { en: string; ru: string } {
  switch (n.type) {
    case 'rule':
      return { en: `the rule ${shown(n.selector)}`, ru: `правило ${shown(n.selector)}` };
    case 'atrule':
      return { en: `@${n.name} ${shown(n.params)}`, ru: `@${n.name} ${shown(n.params)}` };
    case 'decl': {
      const p = n.parent as ChildNode | undefined;
      const inRule = p !== undefined && p.type === 'rule' ? ` in ${shown(p.selector)}` : '';
      const inRuleRu = p !== undefined && p.type === 'rule' ? ` в ${shown(p.selector)}` : '';
      return { en: `the declaration ${n.prop}${inRule}`, ru: `объявление ${n.prop}${inRuleRu}` };
    }
    case 'comment':
      return { en: `the comment "${norm(n.text).slice(0, 40)}"`, ru: `комментарий "${norm(n.text).slice(0, 40)}"` };
    default:
      return { en: 'a node', ru: 'узел' };
  }
}

interface Entry {
  id: string;
  node: ChildNode;
  index: number;
}

function entries(c: Container | undefined): Map<string, Entry> {
  const out = new Map<string, Entry>();
  if (c === undefined) return out;
  const seen = new Map<string, number>();
  (c.nodes ?? []).forEach((node, index) => {
    const name = nameOf(node);
    const k = seen.get(name) ?? 0;
    seen.set(name, k + 1);
    const id = `${name}\u0000${k}`;
    out.set(id, { id, node, index });
  });
  return out;
}

function sameOrder(a: readonly string[], b: readonly string[]): boolean {
  const inA = new Set(a);
  const inB = new Set(b);
  const x = a.filter((id) => inB.has(id));
  const y = b.filter((id) => inA.has(id));
  return x.every((id, i) => id === y[i]);
}

const text = (n: ChildNode) => n.toString();

const hasNodes = (n: ChildNode): n is ChildNode & Container => (n.type === 'rule' || n.type === 'atrule') && Array.isArray((n as Container).nodes);

function conflict(n: ChildNode, what: 'changed' | 'added' | 'deleted' | 'reordered'): Decline {
  const d = describe(n);
  switch (what) {
    case 'changed':
      return new Decline('conflict', `both sides changed ${d.en} differently`, `обе стороны по-разному изменили ${d.ru}`);
    case 'added':
      return new Decline('conflict', `both sides added ${d.en} with different contents`, `обе стороны добавили ${d.ru} с разным содержимым`);
    case 'deleted':
      return new Decline('conflict', `${d.en} was deleted on one side and changed on the other`, `${d.ru}: удалено на одной стороне и изменено на другой`);
    case 'reordered':
      return new Decline('conflict', `mine re-ordered the contents of ${d.en} and the vendor changed them`, `в вашей версии изменён порядок внутри ${d.ru}, а поставщик его содержимое изменил`);
  }
}

/**
 * A copy of `n` (from mine) to stand among the host's children: mine's blank lines before it, the indentation of
 * the host's neighbour `like`, the host's line terminator `eol`.
 */
function adopt(n: ChildNode, like: ChildNode | undefined, eol: string): ChildNode {
  const c = n.clone();
  const own = (n.raws.before ?? '').replace(/\r?\n/g, eol);
  const nl = own.lastIndexOf('\n');
  const theirs = like?.raws.before;
  if (nl !== -1 && theirs !== undefined && theirs.includes('\n')) {
    c.raws.before = own.slice(0, nl + 1) + theirs.slice(theirs.lastIndexOf('\n') + 1);
  } else {
    c.raws.before = own;
  }
  return c;
}

/**
 * Applies mine's changes (relative to base) to `host`, a mutable copy of theirs' container. `b` may be undefined
 * (the container did not exist in base: both sides added it).
 */
function mergeContainer(b: Container | undefined, m: Container, t: Container, host: Container, w: Walk, self: ChildNode | undefined): void {
  const B = entries(b);
  const M = entries(m);
  const T = entries(t);
  // The host's node for each identity, kept up to date as nodes are removed, replaced and inserted.
  const live = new Map([...entries(host)].map(([id, e]) => [id, e.node]));
  if (!sameOrder([...B.keys()], [...M.keys()]) && self !== undefined) throw conflict(self, 'reordered');
  if (!sameOrder([...B.keys()], [...M.keys()])) {
    throw new Decline('conflict', 'mine re-ordered the rules of the file and the vendor changed them', 'в вашей версии изменён порядок правил файла, а поставщик их изменил');
  }
  for (const [id, te] of T) {
    tick(w);
    const me = M.get(id);
    const be = B.get(id);
    const hn = live.get(id)!;
    if (me === undefined) {
      if (be === undefined) continue; // theirs added it
      if (text(be.node) !== text(te.node)) throw conflict(te.node, 'deleted');
      hn.remove(); // mine deleted it, theirs left it
      live.delete(id);
      continue;
    }
    const ms = text(me.node);
    const ts = text(te.node);
    if (ms === ts) continue;
    const bs = be === undefined ? undefined : text(be.node);
    if (ms === bs) continue; // only theirs changed it
    if (ts === bs) {
      const c = adopt(me.node, hn, w.eol);
      hn.replaceWith(c);
      live.set(id, c);
      continue;
    }
    if (hasNodes(me.node) && hasNodes(te.node) && hasNodes(hn) && (be === undefined || hasNodes(be.node))) {
      mergeContainer(be?.node as Container | undefined, me.node, te.node, hn, w, te.node);
      continue;
    }
    throw conflict(te.node, be === undefined ? 'added' : 'changed');
  }
  // What mine has and theirs does not: added by mine (inserted), or deleted by theirs.
  const mineOrder = [...M.values()];
  mineOrder.forEach((me, i) => {
    if (T.has(me.id)) return;
    const be = B.get(me.id);
    if (be !== undefined) {
      if (text(be.node) !== text(me.node)) throw conflict(me.node, 'deleted');
      return;
    }
    // After the nearest node before it in mine that the host still has; else before the nearest after it.
    for (let k = i - 1; k >= 0; k--) {
      const anchor = live.get(mineOrder[k].id);
      if (anchor !== undefined) {
        const c = adopt(me.node, anchor, w.eol);
        anchor.after(c);
        live.set(me.id, c);
        return;
      }
    }
    for (let k = i + 1; k < mineOrder.length; k++) {
      const anchor = live.get(mineOrder[k].id);
      if (anchor !== undefined) {
        const c = adopt(me.node, anchor, w.eol);
        anchor.before(c);
        live.set(me.id, c);
        return;
      }
    }
    const c = adopt(me.node, host.last, w.eol);
    host.append(c);
    live.set(me.id, c);
  });
  // A declaration of mine's now last in the rule: the semicolon after it as mine wrote its last one (a custom
  // property without it would take the rule's closing whitespace into its value).
  const last = host.last;
  if (last !== undefined && last.type === 'decl' && [...live.entries()].some(([id, n]) => n === last && !T.has(id))) {
    host.raws.semicolon = m.raws.semicolon ?? true;
  }
}

function mergeCss(triple: TextTriple, budget: MergeBudget): StructuredResult {
  const size = triple.base.length + triple.mine.length + triple.theirs.length;
  if (size > budget.maxChars) {
    return { kind: 'declined', reason: 'budget', en: `the CSS files are larger than ${budget.maxChars} characters`, ru: `файлы CSS больше ${budget.maxChars} символов` };
  }
  let roots: { base: Root; mine: Root; theirs: Root; host: Root };
  try {
    const { parse } = postcss();
    roots = { base: parse(triple.base), mine: parse(triple.mine), theirs: parse(triple.theirs), host: parse(triple.theirs) };
  } catch {
    return { kind: 'declined', reason: 'parse', en: 'one of the sides does not parse as CSS', ru: 'одна из сторон не читается как CSS' };
  }
  const w: Walk = { eol: triple.theirs.includes('\r\n') ? '\r\n' : '\n', budget, started: (budget.now ?? Date.now)(), steps: 0 };
  try {
    mergeContainer(roots.base, roots.mine, roots.theirs, roots.host, w, undefined);
    // The text after the last node (the final newline) as mine left it when theirs did not change it.
    if (roots.theirs.raws.after === roots.base.raws.after) roots.host.raws.after = roots.mine.raws.after;
    const text = roots.host.toString();
    const failure = checkCss(text, [triple.base, triple.mine, triple.theirs]);
    if (failure !== null) return { kind: 'declined', reason: 'conflict', en: failure.en, ru: failure.ru };
    return { kind: 'clean', text };
  } catch (e) {
    if (e instanceof Decline) return { kind: 'declined', reason: e.reason, en: e.en, ru: e.ru };
    throw e;
  }
}

export const cssMerger: StructuredMerger = { level: 'css', merge: mergeCss };
