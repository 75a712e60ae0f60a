/**
 * Every error message has a Russian text that is Russian (issue 15 point 8): the usage errors of the command line
 * (ours and yargs' own), and every syntax and content error of a rules file. A message left in English under
 * --lang ru, or a Russian text that repeats the English, fails here.
 */
import { parseArgs } from '../../../src/cli/args';
import { setHelpLanguage } from '../../../src/cli/help';
import { CabinetError } from '../../../src/errors';
import { parseRules } from '../../../src/rules/rules';

afterAll(() => setHelpLanguage('en'));

/** Cyrillic present, and no run of four English words (paths, options and example names are not words). */
function expectRussian(en: string, ru: string): void {
  expect([en, /[а-яё]/i.test(ru)]).toEqual([en, true]);
  // yargs' own messages come localised already (en is then the Russian text too); ours must have both.
  if (!/[а-яё]/i.test(en)) expect([ru, ru === en]).toEqual([ru, false]);
  const words = ru.replace(/\S*[\\/._\-=*"'`]\S*/g, ' ').replace(/\b(?:merge|baseline|status|pack|resolve|save|list|remove)\b/g, ' ');
  const english = /(?:^|[\s,.:;(])(?:[A-Za-z]{2,}[ ,]+){3}[A-Za-z]{2,}(?=$|[\s,.:;)])/.exec(words);
  expect([ru, english?.[0]]).toEqual([ru, undefined]);
}

async function usageError(args: string[]): Promise<CabinetError> {
  const silence = jest.spyOn(console, 'error').mockImplementation(() => undefined);
  try {
    await parseArgs([...args, '--lang', 'ru'], 'test');
  } catch (e) {
    if (e instanceof CabinetError) return e;
    throw e;
  } finally {
    silence.mockRestore();
  }
  throw new Error(`no error for ${args.join(' ')}`);
}

const USAGE: string[][] = [
  ['merge'],
  ['merge', 'a.zip'],
  ['merge', 'a.zip', 'b.zip'],
  ['merge', 'a.zip', 'b.zip', 'c.zip', 'd.zip', '-o', 'x.zip'],
  ['merge', 'a.zip', 'b.zip', '-o', '-'],
  ['merge', 'a.zip', '-', '-o', 'x.zip'],
  ['merge', '--mine', '-', '--theirs', 'b.zip', '-o', 'x.zip'],
  ['merge', 'a.zip', 'b.zip', 'c.zip', '--base-from', 'd.zip', '-o', 'x.zip'],
  ['merge', 'a.zip', 'b.zip', '-o', 'x.zip', '--report-format', 'html'],
  ['merge', 'a.zip', 'b.zip', '-o', 'x.zip', '--max-entries', '0'],
  ['merge', 'a.zip', 'b.zip', '-o', 'x.zip', '--max-total-size', 'lots'],
  ['merge', 'a.zip', 'b.zip', '-o', 'x.zip', '--conflict-style', 'fancy'],
  ['merge', 'a.zip', 'b.zip', '-o', 'x.zip', '--bogus'],
  ['mreg', 'a.zip'],
  ['frobnicate'],
  [],
  ['status'],
  ['pack', 'W'],
  ['resolve', 'W'],
  ['resolve', 'W', 'a.css'],
  ['resolve', 'W', 'a.css', '--mine', '--theirs'],
  ['baseline', 'save'],
  ['baseline', 'remove'],
  ['baseline', 'list', 'x'],
  ['baseline', 'drop'],
];

test.each(USAGE.map((a) => [a.join(' ') || '(nothing)', a]))('usage error of `%s` is Russian under --lang ru', async (_name, args) => {
  const e = await usageError(args as string[]);
  expect(e.code).toBe('usage');
  expectRussian(e.message, e.ru);
});

const RULES: string[] = [
  '',
  '{',
  '{ "rules": [ { "pattern": "a", "strategy": "mine" }, ] }',
  "{ 'rules': [] }",
  '{ "rules": [ { "pattern": "a" "strategy": "mine" } ] }',
  '{ "rules": [], "rules": [] }',
  '{ "rules": [ { "pattern": "a\\q", "strategy": "mine" } ] }',
  '{ "rules": [ { "pattern": "a\n", "strategy": "mine" } ] }',
  '{ "rules": [ { "pattern": "\\u12", "strategy": "mine" } ] }',
  '{ "rules": [ { "pattern": "unterminated ] }',
  '{ "rules": [] } x',
  '{ "rules": [ -x ] }',
  '[]',
  '{ "rulez": [] }',
  '{}',
  '{ "rules": {} }',
  '{ "rules": [ 1 ] }',
  '{ "rules": [ { "pattern": 1, "strategy": "mine" } ] }',
  '{ "rules": [ { "pattern": "", "strategy": "mine" } ] }',
  '{ "rules": [ { "pattern": "js\\\\a.js", "strategy": "mine" } ] }',
  '{ "rules": [ { "pattern": "/abs", "strategy": "mine" } ] }',
  '{ "rules": [ { "pattern": "a/../b", "strategy": "mine" } ] }',
  '{ "rules": [ { "pattern": "a", "strategy": "best" } ] }',
  '{ "rules": [ { "pattern": "a", "strategy": "mine", "extra": 1 } ] }',
  '{ "rules": [ { "strategy": "mine" } ] }',
  '{ "rules": [ { "pattern": "a" } ] }',
];

test.each(RULES)('rules-file error for %j is Russian', (text) => {
  let error: unknown;
  try {
    parseRules(text, 'cabinet-merge.json');
  } catch (e) {
    error = e;
  }
  expect(error).toBeInstanceOf(CabinetError);
  const e = error as CabinetError;
  expect(e.code).toBe('rules-invalid');
  expectRussian(e.message, e.ru);
});
