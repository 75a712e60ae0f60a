/**
 * Markdown rules for insertions.ts: both sides added link reference definitions (`[label]: /url "title"`) at one
 * place. Their order means nothing (a reference finds its definition anywhere in the document), so both are kept.
 *
 * A chunk is accepted when every line of it is a one-line link reference definition (CommonMark: at most three
 * spaces of indentation, a label, a destination, an optional title; footnotes `[^1]:` are not), and the place in
 * base is among definitions: the line before or the line after it is a definition, the other one a definition, a
 * blank line or the file's edge (a definition cannot interrupt a paragraph), outside fenced code blocks. A label of
 * mine's chunk must not be defined anywhere in theirs' text and the other way round: CommonMark keeps the first of
 * two definitions of one label silently, so the same label added twice stays a conflict.
 */
import type { Insertion, InsertionRules, JoinInsertions } from './insertions';
import type { TextTriple } from './types';

const DEFINITION = /^ {0,3}\[((?:[^\]\\\n]|\\.)+)\]:[ \t]*(?:<[^<>\n]*>|[^\s<]\S*)(?:[ \t]+(?:"[^"\n]*"|'[^'\n]*'|\([^()\n]*\)))?[ \t]*$/;
const FENCE = /^ {0,3}(```|~~~)/;

/** The normalized label of a definition line (case and inner whitespace do not matter), or undefined. */
function labelOf(line: string): string | undefined {
  const m = DEFINITION.exec(line);
  if (m === null || m[1].startsWith('^') || m[1].trim() === '') return undefined;
  return m[1].trim().replace(/\s+/g, ' ').toLowerCase();
}

const linesOf = (s: string) => (s === '' ? [] : s.replace(/\r?\n$/, '').split(/\r?\n/));

/** The labels of a chunk of whole lines, each a definition; undefined otherwise. */
function labelsOf(chunk: string): string[] | undefined {
  if (!chunk.endsWith('\n')) return undefined;
  const labels: string[] = [];
  for (const line of linesOf(chunk)) {
    const l = labelOf(line);
    if (l === undefined) return undefined;
    labels.push(l);
  }
  return labels;
}

/** Every label a text defines (outside fenced code blocks). */
function definedIn(text: string): Set<string> {
  const out = new Set<string>();
  let fenced = false;
  for (const line of linesOf(text)) {
    if (FENCE.test(line)) fenced = !fenced;
    const l = fenced ? undefined : labelOf(line);
    if (l !== undefined) out.add(l);
  }
  return out;
}

export const markdownInsertionRules: InsertionRules = (texts: TextTriple): JoinInsertions => {
  let inMine: Set<string> | undefined;
  let inTheirs: Set<string> | undefined;
  return (ins: Insertion) => {
    const p = ins.at.base;
    if (p !== 0 && texts.base[p - 1] !== '\n') return undefined;
    const x = labelsOf(ins.mine);
    const y = labelsOf(ins.theirs);
    if (x === undefined || y === undefined) return undefined;
    const before = linesOf(texts.base.slice(0, p));
    if (before.filter((l) => FENCE.test(l)).length % 2 === 1) return undefined;
    const prev = before[before.length - 1];
    const next = linesOf(texts.base.slice(p))[0];
    const isDef = (l: string | undefined) => l !== undefined && labelOf(l) !== undefined;
    const edge = (l: string | undefined) => l === undefined || l.trim() === '' || isDef(l);
    if (!(isDef(prev) || isDef(next)) || !edge(prev) || !edge(next)) return undefined;
    inMine ??= definedIn(texts.mine);
    inTheirs ??= definedIn(texts.theirs);
    if (x.some((l) => inTheirs!.has(l)) || y.some((l) => inMine!.has(l))) return undefined;
    return ins.mine + ins.theirs;
  };
};
