import { CabinetError } from '../../../src/errors';
import { parseRules, strategyFor } from '../../../src/rules';

const EXAMPLE = `{
  "rules": [
    { "pattern": "js/vendor/**/*.min.js", "strategy": "theirs" },
    { "pattern": "custom/**", "strategy": "mine" },
    { "pattern": "locales/*.json", "strategy": "union" },
    { "pattern": "**/*.svg", "strategy": "binary" }
  ]
}
`;

/** The error message a rules text gives, as one string. */
function errorOf(text: string): string {
  try {
    parseRules(text, 'cabinet-merge.json');
  } catch (e) {
    expect(e).toBeInstanceOf(CabinetError);
    expect((e as CabinetError).code).toBe('rules-invalid');
    expect((e as CabinetError).exitCode).toBe(2);
    return (e as CabinetError).message;
  }
  throw new Error('no error');
}

describe('parseRules', () => {
  test('reads the example and records where each rule is written', () => {
    const rules = parseRules(EXAMPLE, 'cabinet-merge.json');
    expect(rules.rules.map((r) => `${r.pattern} → ${r.strategy} @ ${r.source}`)).toEqual([
      'js/vendor/**/*.min.js → theirs @ cabinet-merge.json:3:5',
      'custom/** → mine @ cabinet-merge.json:4:5',
      'locales/*.json → union @ cabinet-merge.json:5:5',
      '**/*.svg → binary @ cabinet-merge.json:6:5',
    ]);
  });

  test('a UTF-8 BOM (Notepad++) and "comment" keys are accepted', () => {
    const rules = parseRules('\uFEFF{"comment": "ours", "rules": [{"pattern": "a/**", "strategy": "mine", "comment": "x"}]}', 'r.json');
    expect(rules.rules).toHaveLength(1);
  });

  test.each([
    ['unknown strategy', '{\n  "rules": [\n    { "pattern": "a/**", "strategy": "thiers" }\n  ]\n}', 'cabinet-merge.json:3:38: unknown strategy "thiers"'],
    ['trailing comma', '{\n  "rules": [\n    { "pattern": "a/**", "strategy": "mine" },\n  ]\n}', 'cabinet-merge.json:4:3: invalid JSON'],
    ['missing comma', '{ "rules": [ { "pattern": "a" "strategy": "mine" } ] }', 'cabinet-merge.json:1:31: invalid JSON: expected \',\' or \'}\''],
    ['unclosed bracket in a pattern', '{ "rules": [ { "pattern": "css/[ab.css", "strategy": "mine" } ] }', 'cabinet-merge.json:1:27: the pattern "css/[ab.css" is malformed'],
    ['backslash in a pattern', '{ "rules": [ { "pattern": "js\\\\vendor\\\\**", "strategy": "theirs" } ] }', "cabinet-merge.json:1:27: the pattern \"js\\vendor\\**\" contains '\\'"],
    ['absolute pattern', '{ "rules": [ { "pattern": "/css/*.css", "strategy": "mine" } ] }', 'cabinet-merge.json:1:27: the pattern "/css/*.css" is absolute'],
    ['empty pattern', '{ "rules": [ { "pattern": "", "strategy": "mine" } ] }', 'cabinet-merge.json:1:27: the pattern is empty'],
    ['typo in a key', '{ "rules": [ { "pattern": "a", "stratgy": "mine" } ] }', 'cabinet-merge.json:1:32: unknown key "stratgy" in a rule'],
    ['no strategy', '{ "rules": [ { "pattern": "a" } ] }', 'cabinet-merge.json:1:14: the rule has no "strategy"'],
    ['not a list', '{ "rules": { "pattern": "a" } }', 'cabinet-merge.json:1:12: "rules" must be a list'],
    ['single quotes', "{ 'rules': [] }", 'cabinet-merge.json:1:3: invalid JSON: expected a key in double quotes'],
    ['empty file', '', 'cabinet-merge.json:1:1: invalid JSON: expected a value, found the end of the file'],
    ['duplicate key', '{ "rules": [], "rules": [] }', 'cabinet-merge.json:1:16: invalid JSON: the key "rules" appears twice'],
  ])('%s → exit 2 with line:column', (_what, text, start) => {
    expect(errorOf(text)).toContain(start);
  });
});

describe('strategyFor', () => {
  const pick = strategyFor(parseRules(EXAMPLE, 'cabinet-merge.json'));
  test.each([
    ['js/vendor/jquery/jquery.min.js', 'theirs'],
    ['js/vendor/x.min.js', 'theirs'],
    ['js/vendor/x.js', 'merge'],
    ['custom/pages/a.html', 'mine'],
    ['Custom/.htaccess', 'mine'], // nocase and dot, on purpose
    ['locales/ru.json', 'union'],
    ['locales/extra/ru.json', 'merge'], // '*' does not cross '/'
    ['img/icons/home.svg', 'binary'],
    ['index.html', 'merge'],
  ])('%s → %s', (p, strategy) => {
    expect(pick(p).strategy).toBe(strategy);
  });

  test('the first matching rule wins and is named', () => {
    const first = strategyFor(parseRules('{"rules":[{"pattern":"a/**","strategy":"mine"},{"pattern":"a/b.txt","strategy":"theirs"}]}', 'r.json'));
    expect(first('a/b.txt')).toMatchObject({ strategy: 'mine', rule: { index: 0, pattern: 'a/**', source: 'r.json:1:11' } });
  });

  test('no rules: every path is merged, with no rule named', () => {
    expect(strategyFor(undefined)('x')).toEqual({ strategy: 'merge' });
  });
});

describe('granularity per rule', () => {
  it('is read, passed with the strategy, and checked', () => {
    const rules = parseRules('{ "rules": [ { "pattern": "js/**", "strategy": "merge", "granularity": "lines" } ] }', 'r.json');
    expect(rules.rules[0].granularity).toBe('lines');
    expect(strategyFor(rules)('js/app.js')).toMatchObject({ strategy: 'merge', granularity: 'lines' });
    expect(strategyFor(rules)('css/a.css').granularity).toBeUndefined();
    expect(() => parseRules('{ "rules": [ { "pattern": "a", "strategy": "merge", "granularity": "words" } ] }', 'r.json')).toThrow(/unknown granularity "words"/);
  });
});
