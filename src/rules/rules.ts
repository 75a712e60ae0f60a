/**
 * The rules file: path patterns → per-path strategies (tree/strategy.ts).
 *
 *     { "rules": [ { "pattern": "js/vendor/**\/*.min.js", "strategy": "theirs" },
 *                  { "pattern": "custom/**", "strategy": "mine" },
 *                  { "pattern": "locales/*.json", "strategy": "union" } ] }
 *
 * - The first rule whose pattern matches a path decides; a path no rule matches is merged ('merge').
 * - Patterns are matched by micromatch, the matcher fast-glob itself uses, against paths relative to the cabinet
 *   root as the report shows them ('css/theme.css'; a wrapper folder is not part of the path). Two options differ
 *   from fast-glob's defaults, on purpose: `dot` (so 'custom/**' also covers 'custom/.htaccess') and `nocase`
 *   (Windows admins do not think of 'Custom/' and 'custom/' as different folders). As in fast-glob, a pattern
 *   without '/' matches at the top level only: write '**\/*.min.js' for "anywhere".
 * - Strict: unknown keys, unknown strategies, malformed patterns and invalid JSON are errors ('rules-invalid',
 *   exit 2) with the file's line:column, since a rule silently ignored would quietly change a merge. A "comment"
 *   key is allowed at the top level and in each rule, and "$schema" at the top level.
 */

import * as path from 'node:path';
import { lazy } from '../lazy';
import { readRegularFile } from '../io/read-regular';
import { CabinetError } from '../errors';
import type { Granularity } from '../formats/cascade';
import { DEFAULT_STRATEGY, STRATEGIES, type RuleRef, type Strategy, type StrategyFor } from '../tree/strategy';
import { JsonSyntaxError, lineColumn, parseJson, type JsonNode } from './json-pos';

/** micromatch loads on first use (src/lazy.ts): most merges have no rules file. */
const micromatch = lazy(() => require('micromatch') as typeof import('micromatch'));

/** The file looked for in the current directory when --rules is not given. */
export const DEFAULT_RULES_FILE = 'cabinet-merge.json';

const MATCH_OPTIONS = { dot: true, nocase: true, strictBrackets: true } as const;

export interface Rules {
  /** The file the rules came from, as given. */
  source: string;
  rules: RuleRef[];
}

function invalid(source: string, text: string, offset: number, en: string, ru: string): CabinetError {
  const { line, column } = lineColumn(text, offset);
  return new CabinetError('rules-invalid', {
    en: `${source}:${line}:${column}: ${en}. Fix the rules file (see docs/cli.md, "Rules") and run again.`,
    ru: `${source}:${line}:${column}: ${ru}. Исправьте файл правил (см. docs/cli.md, «Правила») и запустите снова.`,
  });
}

/** Why a pattern cannot be used, or undefined when it can. */
export function patternProblem(pattern: string): { en: string; ru: string } | undefined {
  if (pattern.trim() === '') return { en: 'the pattern is empty', ru: 'шаблон пустой' };
  if (pattern.includes('\\')) {
    return {
      en: `the pattern "${pattern}" contains '\\'; separate folders with '/' (e.g. "js/vendor/**")`,
      ru: `в шаблоне "${pattern}" есть '\\'; папки разделяются знаком '/' (например, "js/vendor/**")`,
    };
  }
  if (pattern.startsWith('/') || /^[A-Za-z]:/.test(pattern)) {
    return {
      en: `the pattern "${pattern}" is absolute; patterns are relative to the cabinet's root (e.g. "css/*.css")`,
      ru: `шаблон "${pattern}" абсолютный; шаблоны задаются относительно корня кабинета (например, "css/*.css")`,
    };
  }
  if (pattern.split('/').some((s) => s === '..' || s === '.')) {
    return {
      en: `the pattern "${pattern}" contains '.' or '..' as a folder; paths in a cabinet never do`,
      ru: `в шаблоне "${pattern}" есть папка '.' или '..'; в путях кабинета их не бывает`,
    };
  }
  try {
    micromatch().makeRe(pattern, MATCH_OPTIONS);
  } catch (e) {
    return { en: `the pattern "${pattern}" is malformed (${(e as Error).message})`, ru: `шаблон "${pattern}" записан с ошибкой (${(e as Error).message})` };
  }
  return undefined;
}

/** Parses and checks a rules file's text. Throws 'rules-invalid' with `source:line:column`. */
export function parseRules(text: string, source: string): Rules {
  let root: JsonNode;
  try {
    root = parseJson(text);
  } catch (e) {
    if (!(e instanceof JsonSyntaxError)) throw e;
    throw invalid(source, text, e.offset, `invalid JSON: ${e.message}`, `ошибка в JSON: ${e.ru}`);
  }
  const bad = (offset: number, en: string, ru: string) => invalid(source, text, offset, en, ru);
  if (root.type !== 'object') throw bad(root.offset, 'expected an object: { "rules": [ ... ] }', 'ожидается объект: { "rules": [ ... ] }');
  let list: JsonNode | undefined;
  for (const e of root.entries) {
    if (e.key === 'rules') list = e.value;
    else if (e.key !== 'comment' && e.key !== '$schema') {
      throw bad(e.keyOffset, `unknown key "${e.key}"; the file holds "rules"`, `неизвестный ключ "${e.key}"; в файле должен быть ключ "rules"`);
    }
  }
  if (list === undefined) throw bad(root.offset, 'no "rules" list', 'нет списка "rules"');
  if (list.type !== 'array') throw bad(list.offset, '"rules" must be a list: [ { "pattern": ..., "strategy": ... } ]', '"rules" должен быть списком: [ { "pattern": ..., "strategy": ... } ]');

  const rules: RuleRef[] = list.items.map((item, index) => {
    if (item.type !== 'object') {
      throw bad(item.offset, 'each rule must be an object { "pattern": ..., "strategy": ... }', 'каждое правило — объект { "pattern": ..., "strategy": ... }');
    }
    let pattern: string | undefined;
    let strategy: Strategy | undefined;
    let granularity: Granularity | undefined;
    for (const e of item.entries) {
      if (e.key === 'pattern') {
        if (e.value.type !== 'string') throw bad(e.value.offset, '"pattern" must be a string', '"pattern" должен быть строкой');
        const problem = patternProblem(e.value.value);
        if (problem) throw bad(e.value.offset, problem.en, problem.ru);
        pattern = e.value.value;
      } else if (e.key === 'strategy') {
        const v = e.value;
        if (v.type !== 'string' || !(STRATEGIES as readonly string[]).includes(v.value)) {
          const shown = v.type === 'string' ? `"${v.value}"` : v.type;
          throw bad(v.offset, `unknown strategy ${shown}; use one of ${STRATEGIES.join(', ')}`, `неизвестная стратегия ${shown}; допустимы: ${STRATEGIES.join(', ')}`);
        }
        strategy = v.value as Strategy;
      } else if (e.key === 'granularity') {
        const v = e.value;
        if (v.type !== 'string' || !(GRANULARITIES as readonly string[]).includes(v.value)) {
          const shown = v.type === 'string' ? `"${v.value}"` : v.type;
          throw bad(v.offset, `unknown granularity ${shown}; use one of ${GRANULARITIES.join(', ')}`, `неизвестная степень детализации ${shown}; допустимы: ${GRANULARITIES.join(', ')}`);
        }
        granularity = v.value as Granularity;
      } else if (e.key !== 'comment') {
        throw bad(e.keyOffset, `unknown key "${e.key}" in a rule; a rule has "pattern", "strategy" and optionally "granularity"`, `неизвестный ключ "${e.key}" в правиле; у правила есть "pattern", "strategy" и, по желанию, "granularity"`);
      }
    }
    if (pattern === undefined) throw bad(item.offset, 'the rule has no "pattern"', 'у правила нет "pattern"');
    if (strategy === undefined) throw bad(item.offset, 'the rule has no "strategy"', 'у правила нет "strategy"');
    const { line, column } = lineColumn(text, item.offset);
    return { index, pattern, strategy, source: `${source}:${line}:${column}`, ...(granularity ? { granularity } : {}) };
  });
  return { source, rules };
}

/**
 * Reads the rules: `file` when given (it must exist), else DEFAULT_RULES_FILE in `cwd` if there is one, else none.
 */
export async function loadRules(file: string | undefined, cwd = process.cwd()): Promise<Rules | undefined> {
  const target = file ?? path.join(cwd, DEFAULT_RULES_FILE);
  let bytes: Buffer;
  try {
    bytes = await readRegularFile(target);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (file === undefined && code === 'ENOENT') return undefined;
    throw new CabinetError(
      'rules-invalid',
      {
        en: `${target}: the rules file cannot be read (${code ?? (e as Error).message}); check the path given to --rules`,
        ru: `${target}: не удаётся прочитать файл правил (${code ?? (e as Error).message}); проверьте путь в --rules`,
      },
      { cause: e },
    );
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new CabinetError('rules-invalid', {
      en: `${target}: the rules file is not UTF-8; save it as UTF-8 (in Notepad++: Encoding → UTF-8)`,
      ru: `${target}: файл правил не в кодировке UTF-8; сохраните его в UTF-8 (в Notepad++: Кодировки → UTF-8)`,
    });
  }
  return parseRules(text, file ?? DEFAULT_RULES_FILE);
}

const GRANULARITIES: readonly Granularity[] = ['auto', 'tokens', 'lines'];

/** The first matching rule's strategy for each path (DEFAULT_STRATEGY when none matches). */
export function strategyFor(rules: Rules | undefined): StrategyFor {
  if (!rules || rules.rules.length === 0) return () => DEFAULT_STRATEGY;
  const matchers = rules.rules.map((rule) => ({ rule, test: micromatch().matcher(rule.pattern, MATCH_OPTIONS) }));
  return (p) => {
    const hit = matchers.find((m) => m.test(p));
    return hit ? { strategy: hit.rule.strategy, rule: hit.rule, ...(hit.rule.granularity ? { granularity: hit.rule.granularity } : {}) } : DEFAULT_STRATEGY;
  };
}
