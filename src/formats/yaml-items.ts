/**
 * YAML rules for insertions.ts: both sides added keys at one place of a block mapping.
 *
 * A chunk is accepted when it is whole lines holding complete entries of one block mapping: each entry a
 * `key: …` line at the mapping's indentation followed by lines indented deeper (its value), blank lines or
 * comments. The place must be between entries of that mapping in base (after a sibling entry and its value, or
 * right after the parent key line), never inside a value (a block scalar, a nested mapping or list). Tabs in the
 * indentation, document markers, merge keys (`<<`) and keys that are not plain or quoted scalars are refused.
 * A key of mine's chunk must not be among the sibling keys of theirs' mapping there and the other way round (the
 * same key added twice, with any value, stays a conflict). The cascade's check (js-yaml loads the result, and
 * rejects a key twice in one mapping) runs on the result as on every clean YAML merge.
 */
import type { Insertion, InsertionRules, JoinInsertions } from './insertions';
import type { TextTriple } from './types';

const KEY = /^( *)("(?:[^"\\\n]|\\.)*"|'(?:[^'\n]|'')*'|[^\s#:'"?\-[\]{},&*!|>%@`<][^#:\n]*?|-[^\s#:'"][^#:\n]*?):(?:[ \t]|$)/;
const blankOrComment = (line: string) => /^[ ]*(#.*)?$/.test(line);
const indentOf = (line: string) => line.length - line.trimStart().length;

function keyName(raw: string): string {
  if (raw.startsWith('"')) return raw.slice(1, -1).replace(/\\(.)/g, '$1');
  if (raw.startsWith("'")) return raw.slice(1, -1).replace(/''/g, "'");
  return raw.trim();
}

/** The entries of a chunk at one indentation: their keys and that indentation; undefined when it is not such. */
function entriesOf(chunk: string): { keys: string[]; indent: number } | undefined {
  if (!chunk.endsWith('\n')) return undefined;
  const lines = chunk.slice(0, -1).split('\n').map((l) => (l.endsWith('\r') ? l.slice(0, -1) : l));
  let indent = -1;
  const keys: string[] = [];
  for (const line of lines) {
    if (/^[ ]*\t/.test(line) || /^(---|\.\.\.)(\s|$)/.test(line)) return undefined;
    if (blankOrComment(line)) continue;
    const n = indentOf(line);
    if (indent === -1) indent = n;
    if (n > indent) continue;
    const m = KEY.exec(line);
    if (n < indent || m === null) return undefined;
    const key = keyName(m[2]);
    if (key === '<<' || key === '') return undefined;
    keys.push(key);
  }
  return keys.length ? { keys, indent } : undefined;
}

/** Lines of `text` before and after offset `p` (a line start), without terminators. */
function around(text: string, p: number): { before: string[]; after: string[] } {
  const split = (s: string) => (s === '' ? [] : s.replace(/\r?\n$/, '').split(/\r?\n/));
  return { before: split(text.slice(0, p)), after: split(text.slice(p)) };
}

/** Keys of the mapping at `indent` that has an entry around line boundary `p` of `text`. */
function siblingKeys(text: string, p: number, indent: number): Set<string> {
  const { before, after } = around(text, p);
  const keys = new Set<string>();
  const scan = (lines: string[]) => {
    for (const line of lines) {
      if (blankOrComment(line)) continue;
      const n = indentOf(line);
      if (n < indent) return;
      if (n > indent) continue;
      const m = KEY.exec(line);
      if (m === null) return;
      keys.add(keyName(m[2]));
    }
  };
  scan(before.slice().reverse());
  scan(after);
  return keys;
}

/** Whether offset `p` of base is between entries of a block mapping at `indent`. */
function placeFits(base: string, p: number, indent: number): boolean {
  const { before, after } = around(base, p);
  const next = after.find((l) => !blankOrComment(l));
  if (next !== undefined) {
    const n = indentOf(next);
    if (n > indent) return false;
    if (n === indent && KEY.exec(next) === null) return false;
  }
  for (let i = before.length - 1; i >= 0; i--) {
    const line = before[i];
    if (blankOrComment(line)) continue;
    if (/^[ ]*\t/.test(line)) return false;
    const n = indentOf(line);
    if (n > indent) continue; // the previous sibling's value
    const m = KEY.exec(line);
    if (m === null) return false;
    if (n === indent) return true;
    // The parent key: its value must be what follows (nothing after the colon but a comment).
    return /^\s*(#.*)?$/.test(line.slice(m[0].length)) && (next === undefined || indentOf(next) <= indent);
  }
  // The top of the document: the next line must be a sibling.
  return next !== undefined && indentOf(next) === indent;
}

export const yamlInsertionRules: InsertionRules = (texts: TextTriple): JoinInsertions => (ins: Insertion) => {
  const p = ins.at.base;
  if (p !== 0 && texts.base[p - 1] !== '\n') return undefined;
  const x = entriesOf(ins.mine);
  const y = entriesOf(ins.theirs);
  if (x === undefined || y === undefined || x.indent !== y.indent) return undefined;
  if (!placeFits(texts.base, p, x.indent)) return undefined;
  const inTheirs = siblingKeys(texts.theirs, ins.at.theirs, x.indent);
  const inMine = siblingKeys(texts.mine, ins.at.mine, x.indent);
  if (x.keys.some((k) => inTheirs.has(k)) || y.keys.some((k) => inMine.has(k))) return undefined;
  return ins.mine + ins.theirs;
};
