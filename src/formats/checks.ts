/**
 * Format checks of a clean merge result (issue 11, part 4: "no clean merge that is wrong").
 *
 * Each check is a `FormatCheck`: `(merged, inputs) => CheckFailure | null`. It fails only for a fault the merge
 * introduced, never for one an input already had:
 *  - `checkJson`: the merge parses as JSON (or as JSON with comments, when an input already used comments or
 *    trailing commas) wherever every input did, and holds no key twice in one object unless an input already held
 *    that key twice at that place.
 *  - `checkHtml`, `checkXml`: no attribute twice in one tag unless an input already had that tag with that
 *    attribute twice. HTML and XML are parsed tolerantly (htmlparser2: browsers do not reject markup), so only the
 *    attributes are judged.
 *  - `checkCss`: where every input parses with postcss, the merge still parses.
 *  - `checkJs`: where every input parses with acorn (as a module or as a script), the merge still parses. V8's own
 *    parser (`node:vm`, compile only) answers first; acorn runs only for what V8 rejects.
 *  - `checkYaml`: where every input loads with js-yaml, the merge still loads; js-yaml rejects a key twice in one
 *    mapping, so this is also the duplicate-key check for YAML.
 *
 * Speed: every check is one linear pass over the merged text on the common path (no fault); the inputs are parsed
 * only when the merged text has a fault, to tell whether an input already had it. JS was the one heavy parse
 * (acorn builds a full tree); V8's compile now says yes first (`compilesAsScript`), and texts above
 * `JS_CHECK_MAX_CHARS` are still skipped (see there).
 *
 * The messages say "the merged file"; pass the file's name as the optional third argument to have it named
 * ("the merged settings.json would hold the key "theme" twice").
 *
 * Pure: no I/O.
 */
import type { Options as AcornOptions } from 'acorn';
import type { Parser as HtmlParser } from 'htmlparser2';
import type { ParseError } from 'jsonc-parser';
import { lazy } from '../lazy';
import { commonPrefix } from '../text/affix';
import { lineColumn } from '../text/lines';
import { markupParser } from './markup-parser';
import type { CheckFailure } from './types';

/*
 * The parsers are required on first use: together they took longer to load than a small merge takes in all
 * (htmlparser2 and postcss most), and most merges check one format or none (docs/performance.md).
 */
const acorn = lazy(() => require('acorn') as typeof import('acorn'));
const jsYaml = lazy(() => require('js-yaml') as typeof import('js-yaml'));
const jsoncParser = lazy(() => require('jsonc-parser') as typeof import('jsonc-parser'));
const postcss = lazy(() => require('postcss') as typeof import('postcss'));
const vm = lazy(() => require('node:vm') as typeof import('node:vm'));

export { lineColumn };

/**
 * Largest merged JS text (UTF-16 code units) `checkJs` parses. acorn parses about 10–20 MB/s here (measured on
 * the 2.8–3.7 MB one-line bundles of ../shared/1c-templates: see docs/architecture.md); the merge, the inputs'
 * parses (only on a fault) and the budget of a whole run keep this to bundles of a few megabytes. Larger texts are
 * not checked (the check returns null) — they are rarely hand-edited, and the token merge below the line keeps
 * every token of both sides anyway.
 */
export const JS_CHECK_MAX_CHARS = 8 * 1024 * 1024;

/** The name used in messages: "the merged file" or "the merged settings.json". */
interface Subject {
  en: string;
  ru: string;
  /** Russian, prepositional case ("в объединённом файле"). */
  ruIn: string;
}

function subject(name: string | undefined): Subject {
  return name === undefined
    ? { en: 'the merged file', ru: 'объединённый файл', ruIn: 'объединённом файле' }
    : { en: `the merged ${name}`, ru: `объединённый ${name}`, ruIn: `объединённом ${name}` };
}

/** "line 2" or "lines 2 and 6": where the two occurrences of a duplicate are. */
function lines(text: string, offsets: [number, number]): { en: string; ru: string } {
  const a = lineColumn(text, offsets[0]).line;
  const b = lineColumn(text, offsets[1]).line;
  return a === b ? { en: `line ${a}`, ru: `строка ${a}` } : { en: `lines ${a} and ${b}`, ru: `строки ${a} и ${b}` };
}

// ---------------------------------------------------------------------------------------------------------------
// JSON

/** One key found twice in one object: where (a JSON pointer of the object) and which key. */
interface JsonDuplicate {
  pointer: string;
  key: string;
  /** Offsets of the first occurrence and of the repeat. */
  offsets: [number, number];
}

interface JsonScan {
  errors: ParseError[];
  /** Count of repeated occurrences per signature (the object's path with array indexes as '*', and the key). */
  repeats: Map<string, number>;
  first: Map<string, JsonDuplicate>;
}

type Frame = { kind: 'object'; keys: Map<string, number>; key: string | undefined } | { kind: 'array'; index: number };

function pointerOf(stack: readonly Frame[], wildcard: boolean): string {
  let p = '';
  // The last frame is the object holding the key; the frames before it name the way there.
  for (let i = 0; i < stack.length - 1; i++) {
    const f = stack[i];
    const part = f.kind === 'object' ? (f.key ?? '') : wildcard ? '*' : String(f.index - 1);
    p += '/' + part.replace(/~/g, '~0').replace(/\//g, '~1');
  }
  return p;
}

/**
 * One pass of jsonc-parser's visitor: the parse errors (strict JSON, or JSON with comments and trailing commas)
 * and every key repeated in one object. jsonc-parser recovers after an error, so duplicates are still found in a
 * text that does not parse.
 */
function scanJson(text: string, jsonc: boolean): JsonScan {
  const errors: ParseError[] = [];
  const repeats = new Map<string, number>();
  const first = new Map<string, JsonDuplicate>();
  const stack: Frame[] = [];
  // A value inside an array advances that array's index (before the value, so the pointer names the value).
  const valueStarts = () => {
    const top = stack[stack.length - 1];
    if (top !== undefined && top.kind === 'array') top.index++;
  };
  jsoncParser().visit(
    text,
    {
      onObjectBegin: () => {
        valueStarts();
        stack.push({ kind: 'object', keys: new Map(), key: undefined });
      },
      onObjectEnd: () => void stack.pop(),
      onArrayBegin: () => {
        valueStarts();
        stack.push({ kind: 'array', index: 0 });
      },
      onArrayEnd: () => void stack.pop(),
      onLiteralValue: valueStarts,
      onObjectProperty: (key, offset) => {
        const top = stack[stack.length - 1];
        if (top === undefined || top.kind !== 'object') return;
        top.key = key;
        const before = top.keys.get(key);
        if (before === undefined) {
          top.keys.set(key, offset);
          return;
        }
        const sig = pointerOf(stack, true) + '\u0000' + key;
        repeats.set(sig, (repeats.get(sig) ?? 0) + 1);
        if (!first.has(sig)) first.set(sig, { pointer: pointerOf(stack, false), key, offsets: [before, offset] });
      },
      onError: (error, offset, length) => void errors.push({ error, offset, length }),
    },
    { disallowComments: !jsonc, allowTrailingComma: jsonc, allowEmptyContent: false },
  );
  return { errors, repeats, first };
}

const blank = (s: string) => s.trim() === '';

/**
 * The merged JSON parses wherever all inputs parse (strict JSON when they are strict; with comments and trailing
 * commas when an input already has them), and holds no key twice in one object that no input held twice there.
 */
export function checkJson(merged: string, inputs: readonly string[], name?: string): CheckFailure | null {
  const who = subject(name);
  // A blank result is a file emptied on purpose (or an empty input); not ours to judge.
  if (blank(merged)) return null;
  const strict = scanJson(merged, false);
  if (strict.errors.length > 0) {
    const failure = parseFailure(merged, inputs, who);
    if (failure !== null) return failure;
  }
  if (strict.repeats.size === 0) return null;
  const had = inputs.map((t) => scanJson(t, true).repeats);
  for (const [sig, count] of strict.repeats) {
    if (had.some((r) => (r.get(sig) ?? 0) >= count)) continue;
    const d = strict.first.get(sig)!;
    const where = d.pointer === '' ? '' : ` (in ${d.pointer})`;
    const whereRu = d.pointer === '' ? '' : ` (в ${d.pointer})`;
    const at = lines(merged, d.offsets);
    return {
      en: `${who.en} would hold the key "${d.key}" twice${where}, ${at.en}: both sides added it`,
      ru: `${who.ru} содержал бы ключ "${d.key}" дважды${whereRu}, ${at.ru}: его добавили обе стороны`,
    };
  }
  return null;
}

/** The merged text does not parse as strict JSON: a failure unless an input already needed JSONC or did not parse. */
function parseFailure(merged: string, inputs: readonly string[], who: Subject): CheckFailure | null {
  const present = inputs.filter((t) => !blank(t));
  if (present.length === 0) return null;
  const allStrict = present.every((t) => scanJson(t, false).errors.length === 0);
  let errors: ParseError[];
  if (allStrict) {
    errors = scanJson(merged, false).errors;
  } else {
    if (!present.every((t) => scanJson(t, true).errors.length === 0)) return null;
    errors = scanJson(merged, true).errors;
    if (errors.length === 0) return null;
  }
  const e = errors[0];
  const { line, column } = lineColumn(merged, e.offset);
  const what = jsoncParser().printParseErrorCode(e.error);
  return {
    en: `${who.en} would no longer parse as JSON${allStrict ? '' : ' (with comments)'}: ${what} at line ${line}, column ${column}`,
    ru: `${who.ru} перестал бы читаться как JSON${allStrict ? '' : ' (с комментариями)'}: ${what}, строка ${line}, столбец ${column}`,
  };
}

// ---------------------------------------------------------------------------------------------------------------
// HTML and XML

interface AttrScan {
  repeats: Map<string, number>;
  first: Map<string, { tag: string; attr: string; offsets: [number, number] }>;
}

/**
 * One pass of htmlparser2's tokenizer-driven parser: every attribute repeated in one start tag. htmlparser2 calls
 * `onattribute` for every attribute (the duplicates too; only its `attribs` object keeps the first). In HTML mode
 * names are lower-cased, as browsers compare them; XML is case-sensitive. The signature is the tag name and the
 * attribute name, counted per text, so an input that already had `<div class class>` excuses the same in the merge.
 */
function scanAttributes(text: string, xmlMode: boolean): AttrScan {
  const repeats = new Map<string, number>();
  const first = new Map<string, { tag: string; attr: string; offsets: [number, number] }>();
  let tag = '';
  let seen = new Map<string, number>();
  const parser: HtmlParser = markupParser(
    {
      onopentagname: (name) => {
        tag = name;
        seen = new Map();
      },
      onattribute: (attr) => {
        const before = seen.get(attr);
        if (before === undefined) {
          seen.set(attr, parser.startIndex);
          return;
        }
        const sig = tag + '\u0000' + attr;
        repeats.set(sig, (repeats.get(sig) ?? 0) + 1);
        if (!first.has(sig)) first.set(sig, { tag, attr, offsets: [before, parser.startIndex] });
      },
    },
    xmlMode,
  );
  parser.end(text);
  return { repeats, first };
}

function checkAttributes(merged: string, inputs: readonly string[], xmlMode: boolean, name?: string): CheckFailure | null {
  // An input but for comment lines in text: the same tags, so whatever it repeats the input repeats too.
  if (inputs.some((t) => markupCommentLinesApart(merged, t))) return null;
  const scan = scanAttributes(merged, xmlMode);
  if (scan.repeats.size === 0) return null;
  const who = subject(name);
  const had = inputs.map((t) => scanAttributes(t, xmlMode).repeats);
  for (const [sig, count] of scan.repeats) {
    if (had.some((r) => (r.get(sig) ?? 0) >= count)) continue;
    const d = scan.first.get(sig)!;
    const at = lines(merged, d.offsets);
    return {
      en: `${who.en} would have the attribute "${d.attr}" twice in one <${d.tag}> tag, ${at.en}: both sides added it`,
      ru: `в ${who.ruIn} у тега <${d.tag}> атрибут "${d.attr}" был бы дважды, ${at.ru}: его добавили обе стороны`,
    };
  }
  return null;
}

/** No attribute twice in one HTML tag that no input had twice (browsers keep the first and drop the other). */
export function checkHtml(merged: string, inputs: readonly string[], name?: string): CheckFailure | null {
  return checkAttributes(merged, inputs, false, name);
}

/** No attribute twice in one XML tag that no input had twice (an XML parser rejects the file). */
export function checkXml(merged: string, inputs: readonly string[], name?: string): CheckFailure | null {
  return checkAttributes(merged, inputs, true, name);
}

/**
 * Whether every input parses, once the merged text did not. The answer does not depend on the order; the cost does:
 * an input that shares the merged text's longest beginning is parsed first, as it most likely holds the same fault
 * near the start and fails at once (the admin's side that already had the broken line), where a side that parses
 * costs a whole parse — on a 2.3 MB bundle 3.9 s of acorn spent only to learn the next input did not parse.
 */
function allParse(merged: string, inputs: readonly string[], parses: (text: string) => boolean): boolean {
  const order = inputs.map((t) => ({ t, shared: commonPrefix(merged, t) })).sort((a, b) => b.shared - a.shared);
  return order.every(({ t }) => parses(t));
}

// ---------------------------------------------------------------------------------------------------------------
// CSS

function cssError(text: string): { reason: string; line?: number; column?: number } | null {
  try {
    postcss().parse(text);
    return null;
  } catch (e) {
    const err = e as { reason?: string; message?: string; line?: number; column?: number };
    return { reason: err.reason ?? String(err.message ?? e), line: err.line, column: err.column };
  }
}

/** Where every input parses with postcss, the merge still parses (an unclosed block or string breaks the rest). */
export function checkCss(merged: string, inputs: readonly string[], name?: string): CheckFailure | null {
  const err = cssError(merged);
  if (err === null) return null;
  if (!allParse(merged, inputs, (t) => cssError(t) === null)) return null;
  const who = subject(name);
  const at = err.line === undefined ? '' : `, line ${err.line}, column ${err.column}`;
  const atRu = err.line === undefined ? '' : `, строка ${err.line}, столбец ${err.column}`;
  return {
    en: `${who.en} would no longer parse as CSS: ${err.reason}${at}`,
    ru: `${who.ru} перестал бы читаться как CSS: ${err.reason}${atRu}`,
  };
}

// ---------------------------------------------------------------------------------------------------------------
// JavaScript

const ACORN_BASE: Omit<AcornOptions, 'sourceType'> = { ecmaVersion: 'latest', allowHashBang: true };

type JsError = { message: string; line?: number; column?: number };

/**
 * Whether V8 compiles `text` as a classic script (sloppy mode unless it says 'use strict'). `new vm.Script` only
 * compiles: nothing runs, no context is created. V8's parser is C++ and compiles inner functions lazily (a
 * pre-parse that still reports their early errors: a `let` declared twice, a bad regular expression, `break`
 * outside a loop…), so it is 10–50× faster than acorn building its tree: on the 1c-templates bundles 1–42 ms
 * against 32–745 ms (docs/performance.md, "Third pass").
 *
 * Used only as a fast yes: V8 is not the judge of a failure. Whatever it rejects goes to acorn as before — module
 * syntax (`import`, `export`, top-level `await`), syntax acorn knows and this V8 does not yet (`using`, regular
 * expression modifiers), and every real fault, whose message and position come from acorn. So a verdict can change
 * only where V8 accepts a text that acorn rejects both as a script and as a module; the tests pin the cases tried
 * (tests/unit/formats/checks.test.ts, "V8 and acorn agree"), and none of them disagrees that way.
 */
function compilesAsScript(text: string): boolean {
  try {
    new (vm().Script)(text);
    return true;
  } catch {
    return false;
  }
}

/** acorn's error for `text` as a module, then as a script; null when one of them parses (or V8 compiles it). */
function jsError(text: string): JsError | null {
  if (compilesAsScript(text)) return null;
  let moduleError: JsError | null = null;
  for (const sourceType of ['module', 'script'] as const) {
    try {
      acorn().parse(text, { ...ACORN_BASE, sourceType });
      return null;
    } catch (e) {
      const err = e as { message?: string; loc?: { line: number; column: number } };
      // A script's error is the telling one for a sloppy-mode file; a module's for one with import/export.
      const found = { message: String(err.message ?? e), line: err.loc?.line, column: err.loc === undefined ? undefined : err.loc.column + 1 };
      if (moduleError === null) moduleError = found;
      else if (!/'import' and 'export'|outside of a module|'await'/.test(found.message)) moduleError = found;
    }
  }
  return moduleError;
}

/** JS comments and whitespace from `from`: the offset after them (`to` at most), or -1 for a block comment open at `to`. */
function skipJsComments(text: string, from: number, to: number): number {
  let i = from;
  while (i < to) {
    const c = text.charCodeAt(i);
    if (c === 47 /* / */ && text.charCodeAt(i + 1) === 42 /* * */) {
      const end = text.indexOf('*/', i + 2);
      if (end === -1 || end + 2 > to) return -1;
      i = end + 2;
    } else if (c === 47 && text.charCodeAt(i + 1) === 47) {
      while (i < to && !/[\n\r\u2028\u2029]/.test(text[i])) i++;
    } else if (/\s/.test(text[i])) i++;
    else break;
  }
  return i;
}

/**
 * Whether one of `a`, `b` is the other with lines of nothing but JS comments and whitespace put in at one line
 * start (say, an admin's comment line above the vendor's code, and no other change): then checkJs's answer for the
 * one is its answer for the other, with no parse. Both are the same tokens with line breaks between the same ones
 * (a comment is whitespace, and a '\n' was there before the new lines and is at their end, so no semicolon is
 * inserted or lost, and an HTML-like `-->` still starts a line), so one parses exactly when the other does — only
 * if that line start is in code, not inside a token: the text before it is comments and whitespace (a hashbang
 * first), then code with no '`', no '/*' and no backslash before a line end, so no template literal, block comment
 * or continued string can be open there (a string or regular expression cannot hold a '\n'). Not at offset 0 (before
 * a hashbang). Anything else answers false, and the text is parsed.
 */
export function commentLinesApart(a: string, b: string): boolean {
  return linesApart(a, b, (lines) => skipJsComments(lines, 0, lines.length) === lines.length, (short, at) => {
    let code = short.startsWith('#!') ? short.indexOf('\n') : 0;
    code = skipJsComments(short, code, at);
    return code !== -1 && !/`|\/\*|\\(?:\r\n|[\n\r\u2028\u2029])/.test(short.slice(code, at));
  });
}

/**
 * Whether one of `a`, `b` is the other with lines put in at one line start (not offset 0), the lines ending in
 * '\n', such that `inserted(lines)` and `before(shorter text, offset)` hold. Equal texts: true.
 */
function linesApart(a: string, b: string, inserted: (lines: string) => boolean, before: (short: string, at: number) => boolean): boolean {
  if (a.length === b.length) return a === b;
  const [short, long] = a.length < b.length ? [a, b] : [b, a];
  const added = long.length - short.length;
  // The line start at or before the shared beginning's end; the rest of `short` must be how `long` ends (one
  // comparison of two slices, a memcmp: 1 ms on a 16 MB page, against 3–4 for a common-suffix search or endsWith).
  const at = short.lastIndexOf('\n', commonPrefix(short, long) - 1) + 1;
  if (at === 0 || long.slice(at + added) !== short.slice(at)) return false;
  const lines = long.slice(at, at + added);
  return lines.endsWith('\n') && inserted(lines) && before(short, at);
}

/**
 * From `from` to `to`, markup that htmlparser2's tokenizer reads from its text state and leaves in it: text without
 * '<', whole comments, declarations (`<!DOCTYPE …>`) and processing instructions (`<?…>`), each ended where the
 * tokenizer ends it (Tokenizer.js): a comment at the first '>' after `<!--` with two '-' before it (`<!-->` and
 * `<!--->` too: the opening dashes count), a declaration at the first '>' after the character following `<!`, an
 * instruction at the first '>' after `<?`. Anything else with a '<' (a tag, `</`, `<![CDATA[`, `<!-x`) answers false.
 */
function markupTextOnly(text: string, from: number, to: number): boolean {
  let i = text.indexOf('<', from);
  while (i !== -1 && i < to) {
    let end: number;
    const c = text.charCodeAt(i + 1);
    const d = text.charCodeAt(i + 2);
    if (c === 33 /* ! */ && d === 45 /* - */) {
      if (text.charCodeAt(i + 3) !== 45) return false;
      end = text.indexOf('>', i + 4);
      while (end !== -1 && !(text.charCodeAt(end - 1) === 45 && text.charCodeAt(end - 2) === 45)) end = text.indexOf('>', end + 1);
    } else if (c === 33 && d !== 91 /* [ */) end = text.indexOf('>', i + 3);
    else if (c === 63 /* ? */) end = text.indexOf('>', i + 2);
    else return false;
    if (end === -1 || end >= to) return false;
    i = text.indexOf('<', end + 1);
  }
  return true;
}

/**
 * Whether one of `a`, `b` is the other with lines of text and comments put in at one line start where the markup
 * before is only text, comments and declarations (say, an admin's `<!-- … -->` line under `<!DOCTYPE html>`). There
 * the tokenizer is in its text state (no tag begun, no script or style body), reads the new lines as text and
 * comments, and is back in that state where the rest begins: every tag and attribute of the two is the same, so
 * their attribute checks agree, and the merge holds a repeated attribute only where that input does.
 */
export function markupCommentLinesApart(a: string, b: string): boolean {
  return linesApart(a, b, (lines) => markupTextOnly(lines, 0, lines.length), (short, at) => markupTextOnly(short, 0, at));
}

/**
 * Where every input parses with acorn (each as a module or as a script), the merge still parses as one of the two.
 * The cheap path parses only the merged text: once as a module (vite and most webpack bundles parse so), once
 * more as a script when that fails. Texts above `JS_CHECK_MAX_CHARS` are not checked.
 */
export function checkJs(merged: string, inputs: readonly string[], name?: string): CheckFailure | null {
  if (merged.length > JS_CHECK_MAX_CHARS) return null;
  // The merge is an input but for comment lines: it parses where that input does (or not every input parses).
  if (inputs.some((t) => commentLinesApart(merged, t))) return null;
  const err = jsError(merged);
  if (err === null) return null;
  if (!allParse(merged, inputs, (t) => t.length <= JS_CHECK_MAX_CHARS && jsError(t) === null)) return null;
  const who = subject(name);
  // acorn's message ends in "(line:column)" already.
  const message = err.message.replace(/\s*\(\d+:\d+\)$/, '');
  const at = err.line === undefined ? '' : `, line ${err.line}, column ${err.column}`;
  const atRu = err.line === undefined ? '' : `, строка ${err.line}, столбец ${err.column}`;
  return {
    en: `${who.en} would no longer parse as JavaScript: ${message}${at}`,
    ru: `${who.ru} перестал бы читаться как JavaScript: ${message}${atRu}`,
  };
}

// ---------------------------------------------------------------------------------------------------------------
// YAML

function yamlError(text: string): { reason: string; line?: number; duplicate?: string } | null {
  try {
    jsYaml().loadAll(text);
    return null;
  } catch (e) {
    const err = e as { reason?: string; message?: string; mark?: { line: number; position: number; buffer?: string } };
    const reason = err.reason ?? String(err.message ?? e);
    const line = err.mark === undefined ? undefined : err.mark.line + 1;
    let duplicate: string | undefined;
    if (reason === 'duplicated mapping key' && err.mark !== undefined) {
      // The mark points at the repeated key's line: its key is the text before the first ':' there.
      const ls = text.lastIndexOf('\n', err.mark.position - 1) + 1;
      const le = text.indexOf('\n', ls);
      duplicate = text.slice(ls, le === -1 ? text.length : le).replace(/^\s*(-\s+)?/, '').split(':')[0].trim().replace(/^["']|["']$/g, '');
    }
    return { reason, line, duplicate };
  }
}

/**
 * Where every input loads with js-yaml (all documents of the stream), the merge still loads. js-yaml rejects a
 * key twice in one mapping, so a key both sides added in different places is caught here with its name.
 */
export function checkYaml(merged: string, inputs: readonly string[], name?: string): CheckFailure | null {
  const err = yamlError(merged);
  if (err === null) return null;
  if (!allParse(merged, inputs, (t) => yamlError(t) === null)) return null;
  const who = subject(name);
  const at = err.line === undefined ? '' : `, line ${err.line}`;
  const atRu = err.line === undefined ? '' : `, строка ${err.line}`;
  if (err.duplicate !== undefined) {
    return {
      en: `${who.en} would hold the key "${err.duplicate}" twice${at}: both sides added it`,
      ru: `${who.ru} содержал бы ключ "${err.duplicate}" дважды${atRu}: его добавили обе стороны`,
    };
  }
  return {
    en: `${who.en} would no longer parse as YAML: ${err.reason}${at}`,
    ru: `${who.ru} перестал бы читаться как YAML: ${err.reason}${atRu}`,
  };
}
