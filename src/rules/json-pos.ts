/**
 * A strict JSON parser (RFC 8259) that remembers where each value starts, so an error in a hand-edited rules file
 * can name its line and column. JSON.parse cannot: Node 20's messages give no position for most errors.
 *
 * Errors are JsonSyntaxError with the UTF-16 offset of the offending character. A leading UTF-8 BOM (Notepad++'s
 * "UTF-8-BOM") is accepted; the caller strips it before calling, or passes it in and it is skipped here.
 */

import { lineColumn } from '../text/lines';

export { lineColumn };

export type JsonNode =
  | { type: 'object'; offset: number; entries: JsonEntry[] }
  | { type: 'array'; offset: number; items: JsonNode[] }
  | { type: 'string'; offset: number; value: string }
  | { type: 'number'; offset: number; value: number }
  | { type: 'boolean'; offset: number; value: boolean }
  | { type: 'null'; offset: number; value: null };

export interface JsonEntry {
  key: string;
  keyOffset: number;
  value: JsonNode;
}

export class JsonSyntaxError extends Error {
  constructor(
    message: string,
    readonly offset: number,
    /** The same in Russian (the rules file's errors are shown in the user's language). */
    readonly ru: string = message,
  ) {
    super(message);
    this.name = 'JsonSyntaxError';
  }
}


const ESCAPES: Record<string, string> = { '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' };

/** Deeper than any rules file needs (they nest 3 levels), shallow enough for any stack. */
export const MAX_DEPTH = 100;

export function parseJson(text: string): JsonNode {
  let pos = text.charCodeAt(0) === 0xfeff ? 1 : 0;

  const fail = (what: string, ru: string, at = pos): never => {
    throw new JsonSyntaxError(what, at, ru);
  };
  const describe = (at: number) => (at >= text.length ? 'the end of the file' : `'${text[at]}'`);
  const describeRu = (at: number) => (at >= text.length ? 'конец файла' : `'${text[at]}'`);
  const skipSpace = () => {
    while (pos < text.length && ' \t\r\n'.includes(text[pos])) pos++;
  };
  const expect = (ch: string, what: string) => {
    skipSpace();
    if (text[pos] !== ch) fail(`expected ${what}, found ${describe(pos)}`, `ожидается ${what}, а найдено ${describeRu(pos)}`);
    pos++;
  };

  let depth = 0;
  const nested = (parse: () => JsonNode): JsonNode => {
    // The parser recurses once per level: a hostile file 100,000 levels deep would overflow the stack.
    if (++depth > MAX_DEPTH) fail(`nested more than ${MAX_DEPTH} levels deep`, `вложенность глубже ${MAX_DEPTH} уровней`);
    const node = parse();
    depth--;
    return node;
  };

  const value = (): JsonNode => {
    skipSpace();
    const offset = pos;
    const c = text[pos];
    if (c === '{') return nested(object);
    if (c === '[') return nested(array);
    if (c === '"') return { type: 'string', offset, value: string() };
    if (c === '-' || (c >= '0' && c <= '9')) return number();
    for (const [word, node] of [
      ['true', { type: 'boolean', offset, value: true }],
      ['false', { type: 'boolean', offset, value: false }],
      ['null', { type: 'null', offset, value: null }],
    ] as const) {
      if (text.startsWith(word, pos)) {
        pos += word.length;
        return node;
      }
    }
    if (c === "'") return fail("strings must be in double quotes (\"), not single quotes (')", "строки записываются в двойных кавычках (\"), а не в одинарных (')");
    return fail(`expected a value, found ${describe(pos)}`, `ожидается значение, а найдено ${describeRu(pos)}`);
  };

  const object = (): JsonNode => {
    const offset = pos++;
    const entries: JsonEntry[] = [];
    skipSpace();
    if (text[pos] === '}') {
      pos++;
      return { type: 'object', offset, entries };
    }
    for (;;) {
      skipSpace();
      if (text[pos] !== '"') {
        fail(
          entries.length ? `expected a key in double quotes after ',' (no comma after the last item), found ${describe(pos)}` : `expected a key in double quotes, found ${describe(pos)}`,
          entries.length ? `после ',' ожидается ключ в двойных кавычках (после последнего элемента запятая не ставится), а найдено ${describeRu(pos)}` : `ожидается ключ в двойных кавычках, а найдено ${describeRu(pos)}`,
        );
      }
      const keyOffset = pos;
      const key = string();
      if (entries.some((e) => e.key === key)) fail(`the key "${key}" appears twice`, `ключ "${key}" встречается дважды`, keyOffset);
      expect(':', "':'");
      entries.push({ key, keyOffset, value: value() });
      skipSpace();
      if (text[pos] === ',') {
        pos++;
        continue;
      }
      if (text[pos] === '}') {
        pos++;
        return { type: 'object', offset, entries };
      }
      fail(`expected ',' or '}', found ${describe(pos)}`, `ожидается ',' или '}', а найдено ${describeRu(pos)}`);
    }
  };

  const array = (): JsonNode => {
    const offset = pos++;
    const items: JsonNode[] = [];
    skipSpace();
    if (text[pos] === ']') {
      pos++;
      return { type: 'array', offset, items };
    }
    for (;;) {
      skipSpace();
      if (text[pos] === ']') fail("a ',' before ']' is not allowed in JSON", "в JSON перед ']' запятая не ставится");
      items.push(value());
      skipSpace();
      if (text[pos] === ',') {
        pos++;
        continue;
      }
      if (text[pos] === ']') {
        pos++;
        return { type: 'array', offset, items };
      }
      fail(`expected ',' or ']', found ${describe(pos)}`, `ожидается ',' или ']', а найдено ${describeRu(pos)}`);
    }
  };

  const string = (): string => {
    pos++; // opening quote
    let out = '';
    for (;;) {
      if (pos >= text.length) fail('the string is not closed with "', 'строка не закрыта кавычкой "');
      const c = text[pos];
      if (c === '"') {
        pos++;
        return out;
      }
      if (c === '\\') {
        const e = text[pos + 1];
        if (e === 'u') {
          const hex = text.slice(pos + 2, pos + 6);
          if (!/^[0-9a-fA-F]{4}$/.test(hex)) fail('\\u must be followed by four hex digits', 'после \\u должны идти четыре шестнадцатеричные цифры');
          out += String.fromCharCode(parseInt(hex, 16));
          pos += 6;
        } else if (e !== undefined && e in ESCAPES) {
          out += ESCAPES[e];
          pos += 2;
        } else {
          fail(
            `'\\${e ?? ''}' is not a JSON escape; write a backslash as \\\\ (and path separators as /)`,
            `'\\${e ?? ''}' — недопустимая в JSON последовательность; обратную косую черту пишите как \\\\ (а разделитель папок — как /)`,
          );
        }
        continue;
      }
      if (c < ' ') fail('a control character (a line break or tab) inside a string; write it as \\n or \\t', 'управляющий символ (перевод строки или табуляция) внутри строки; запишите его как \\n или \\t');
      out += c;
      pos++;
    }
  };

  const number = (): JsonNode => {
    const offset = pos;
    const m = /^-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?/.exec(text.slice(pos));
    if (!m) return fail(`expected a number, found ${describe(pos)}`, `ожидается число, а найдено ${describeRu(pos)}`);
    pos += m[0].length;
    return { type: 'number', offset, value: Number(m[0]) };
  };

  const root = value();
  skipSpace();
  if (pos < text.length) fail(`unexpected ${describe(pos)} after the end of the JSON value`, `лишнее ${describeRu(pos)} после конца значения JSON`);
  return root;
}
