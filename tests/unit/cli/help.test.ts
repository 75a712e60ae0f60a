/** --help in Russian: every description the CLI gives yargs has a translation, and yargs' own words follow. */
import { parseArgs } from '../../../src/cli/args';
import { setHelpLanguage, untranslated } from '../../../src/cli/help';

const COMMANDS: [string, string[]][] = [['(top level)', []], ['merge', ['merge']], ['baseline', ['baseline']], ['status', ['status']], ['pack', ['pack']], ['resolve', ['resolve']]];

async function helpText(args: string[]): Promise<string> {
  const printed: string[] = [];
  const log = jest.spyOn(console, 'log').mockImplementation((...a: unknown[]) => void printed.push(a.join(' ')));
  const err = jest.spyOn(console, 'error').mockImplementation((...a: unknown[]) => void printed.push(a.join(' ')));
  try {
    await parseArgs([...args, '--help'], 'test').catch(() => undefined);
  } finally {
    log.mockRestore();
    err.mockRestore();
  }
  return printed.join('\n');
}

afterAll(() => setHelpLanguage('en'));

test.each(COMMANDS)('%s --help --lang ru is Russian throughout', async (_name, command) => {
  const text = await helpText([...command, '--lang', 'ru']);
  expect(text).toMatch(/Параметры:/);
  // yargs' own words as a Russian manual says them, the usage line translated, no English example names.
  expect(text).not.toMatch(/булевый|строковой|необходимо|Опции|\[options\]|\[command\]|<command>|MY_EXPORT|NEW_VENDOR|MERGED|WORK\b/);
  expect(untranslated()).toEqual([]);
  // yargs prints a boolean default as the value itself: "[по умолчанию: false]" is English in a Russian line.
  expect(text).not.toMatch(/по умолчанию: (false|true)\]/);
});

test('merge --help --lang ru: boolean defaults read да / нет', async () => {
  const text = await helpText(['merge', '--lang', 'ru']);
  expect(text).toMatch(/--force .*\n?.*\[по умолчанию: нет\]/);
  expect(text).toMatch(/--renames[\s\S]*?\[по умолчанию: да\]/);
});

test.each(['en', 'ru'])('merge --help --lang %s: --no-store has its own line, --prefer says binary files only', async (lang) => {
  const text = await helpText(['merge', '--lang', lang]);
  const line = (opt: string) => text.split('\n').find((l) => new RegExp(`^\\s+${opt}\\s`).test(l)) ?? '';
  expect(line('--no-store')).toMatch(lang === 'en' ? /Do not look for a base in the baseline store/ : /Не искать базу в хранилище/);
  expect(line('--store')).not.toMatch(/no-store/);
  const prefer = text.slice(text.indexOf('--prefer'), text.indexOf('--find-renames'));
  expect(prefer).toMatch(lang === 'en' ? /Binary files only/ : /Только для двоичных файлов/);
});

test('merge --help in English describes the options in English', async () => {
  const text = await helpText(['merge', '--lang', 'en']);
  expect(text).toContain("The vendor's old export (pristine), zip or folder");
  expect(text).toContain('Options:');
});
