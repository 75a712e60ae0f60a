/**
 * Checks for what cabinet-merge reads back from its own files (a working folder's state, the baseline store's
 * manifests, the resolution store): those files are input too. A store on a team drive is written by other people,
 * and a state file can be edited by hand or planted, so a path taken from one must never reach outside the folder
 * it belongs to, and a name used as a file name must be what the tool itself would have written (a hex digest).
 *
 * The JSON itself is checked field by field with the small `Shape` helpers below: one failure names the file and the
 * field (`files["a.css"].sha256: expected a string`), never a TypeError later.
 */

import { segmentProblem } from '../archive/names';
import type { Message } from '../errors';

/** Why `p` is not a safe relative '/'-separated path (as the merge writes them), or undefined when it is one. */
export function relativePathProblem(p: string): Message | undefined {
  if (p === '') return { en: 'the path is empty', ru: 'путь пустой' };
  if (p.startsWith('/') || /^[A-Za-z]:/.test(p)) return { en: 'it is an absolute path', ru: 'это абсолютный путь' };
  for (const segment of p.split('/')) {
    if (segment === '' || segment === '.') return { en: 'it has an empty or "." part', ru: 'в нём есть пустая часть или "."' };
    const problem = segmentProblem(segment);
    if (problem) return problem;
  }
  return undefined;
}

/** A lower-case hex string of `length` digits (a SHA-256 is 64); what the tool writes as file names. */
export function isHexDigest(s: unknown, length = 64): s is string {
  return typeof s === 'string' && s.length === length && /^[0-9a-f]+$/.test(s);
}

/** A failure of a shape check: the field path, and what was wrong, in both languages. */
export class ShapeError extends Error {
  constructor(
    readonly field: string,
    readonly why: Message,
  ) {
    super(`${field}: ${why.en}`);
    this.name = 'ShapeError';
  }
}

function fail(field: string, en: string, ru: string): never {
  throw new ShapeError(field, { en, ru });
}

export function describeField(parent: string, key: string | number): string {
  if (typeof key === 'number') return `${parent}[${key}]`;
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(key) ? (parent ? `${parent}.${key}` : key) : `${parent}[${JSON.stringify(key)}]`;
}

export function expectObject(v: unknown, field: string): Record<string, unknown> {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) fail(field || 'the file', 'expected an object', 'ожидался объект');
  return v as Record<string, unknown>;
}

export function expectString(v: unknown, field: string): string {
  if (typeof v !== 'string') fail(field, 'expected a string', 'ожидалась строка');
  return v;
}

export function expectOptionalString(v: unknown, field: string): string | undefined {
  return v === undefined ? undefined : expectString(v, field);
}

export function expectNumber(v: unknown, field: string): number {
  if (typeof v !== 'number' || !Number.isFinite(v)) fail(field, 'expected a number', 'ожидалось число');
  return v;
}

export function expectBoolean(v: unknown, field: string): boolean {
  if (typeof v !== 'boolean') fail(field, 'expected true or false', 'ожидалось true или false');
  return v;
}

export function expectOneOf<T extends string>(v: unknown, field: string, allowed: readonly T[]): T {
  if (typeof v !== 'string' || !(allowed as readonly string[]).includes(v)) {
    fail(field, `expected one of ${allowed.join(', ')}`, `ожидалось одно из: ${allowed.join(', ')}`);
  }
  return v as T;
}

export function expectArray(v: unknown, field: string): unknown[] {
  if (!Array.isArray(v)) fail(field, 'expected a list', 'ожидался список');
  return v;
}

export function expectStrings(v: unknown, field: string): string[] {
  return expectArray(v, field).map((s, i) => expectString(s, describeField(field, i)));
}

/** An ISO 8601 date string that parses to a valid date. */
export function expectDate(v: unknown, field: string): string {
  const s = expectString(v, field);
  if (Number.isNaN(new Date(s).getTime())) fail(field, 'expected a date (ISO 8601)', 'ожидалась дата (ISO 8601)');
  return s;
}

export function expectHex(v: unknown, field: string, length = 64): string {
  if (!isHexDigest(v, length)) fail(field, `expected ${length} hex digits`, `ожидались ${length} шестнадцатеричных цифр`);
  return v;
}

/** A relative path as the merge writes them (no '..', absolute, drive or backslash forms). */
export function expectRelativePath(v: unknown, field: string): string {
  const p = expectString(v, field);
  const problem = relativePathProblem(p);
  if (problem) fail(field, `unsafe path '${p}': ${problem.en}`, `небезопасный путь '${p}': ${problem.ru}`);
  return p;
}

/** Checks the keys of an object as relative paths. */
export function expectPathKeys(o: Record<string, unknown>, field: string): void {
  for (const k of Object.keys(o)) expectRelativePath(k, describeField(field, k));
}

/**
 * JSON.parse that also refuses absurd nesting. V8's JSON.parse itself copes with deep input, but a 100,000-level
 * value then overflows the stack of whatever walks it; no file the tool writes nests deeper than a few levels.
 */
export const MAX_JSON_DEPTH = 64;

export function parseOwnJson(text: string): unknown {
  const depth = nestingDepth(text);
  if (depth > MAX_JSON_DEPTH) {
    fail('the file', `nests ${depth} levels deep, more than ${MAX_JSON_DEPTH}`, `вложенность ${depth} уровней, больше ${MAX_JSON_DEPTH}`);
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (e) {
    fail('the file', `is not valid JSON (${(e as Error).message})`, `это не корректный JSON (${(e as Error).message})`);
  }
}

/** The deepest bracket nesting of a JSON text, brackets inside strings not counted. Linear, no recursion. */
export function nestingDepth(text: string): number {
  let depth = 0;
  let max = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++;
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x5b || c === 0x7b) max = Math.max(max, ++depth);
    else if (c === 0x5d || c === 0x7d) depth--;
  }
  return max;
}
