/**
 * Command-line parsing (yargs) → plain options for the commands. No I/O besides what yargs prints for --help.
 */

import type { Argv } from 'yargs';
// yargs/yargs: the factory alone; the package's main also builds a yargs instance of its own when loaded (unused here).
import yargs from 'yargs/yargs';
import type { ReadOptions } from '../archive/limits';
import type { NameEncoding } from '../archive/tree';
import { CabinetError } from '../errors';
import type { MergeOptions, ReportFormat } from '../commands/merge';
import type { ConflictStyle } from '../merge3';
import type { Granularity } from '../formats/cascade';
import { baselineCommand, type BaselineArgs } from './baseline-args';
import { detectLang, type Lang } from './lang';
import { limitOptions, limitsFrom } from './limit-args';
import { workdirCommands, workflowFrom, workflowMergeOptions, type WorkdirArgs } from './workdir-args';
import { argvLang, flagDefault, setHelpLanguage, t } from './help';
import { HELP_RU } from './help-ru';
import { stdoutColumns } from './stdio';
import { editDistance } from '../workdir/locate';

export interface GlobalOptions {
  lang: Lang;
  verbose: boolean;
  quiet: boolean;
  json: boolean;
}

/** merge's arguments: the command's own options (commands/merge.ts) less what run.ts adds, plus the globals. */
export interface MergeArgs extends GlobalOptions, Omit<MergeOptions, 'version' | 'onProgress' | 'lang'> {
  command: 'merge';
  /** --color / --no-color; undefined: decided by the terminal and the environment (cli/terminal.ts). */
  color?: boolean;
  /** --report -: the JSON report goes to stdout, the summary to stderr. */
  reportToStdout: boolean;
  useStore: boolean;
  saveBaseline: boolean;
  ignoreWhitespace: boolean;
  /** --max-entries, --max-total-size, --max-ratio (cli/limit-args.ts). */
  limits: ReadOptions;
}

export type ParsedArgs = MergeArgs | BaselineArgs | WorkdirArgs | { command: 'none'; lang: Lang; verbose: boolean };

const MERGE_EXAMPLE =
  'cabinet-merge merge --base OLD_VENDOR.zip --mine MY_EXPORT.zip --theirs NEW_VENDOR.zip -o MERGED.zip --report REPORT.json';

function usageError(en: string, ru: string): CabinetError {
  return new CabinetError('usage', { en, ru });
}

/**
 * --find-renames[=N] and --no-renames → the tree merge's `renames`: a share 0..1, false, or undefined (the default,
 * 50 %). N is a percentage as git takes it ('70', '70%'); a bare --find-renames keeps the default.
 */
export function renameOption(find: string | boolean | undefined, renames: boolean): number | false | undefined {
  if (!renames || find === false) return false;
  if (find === undefined || find === true || find === '') return undefined;
  const m = /^(\d{1,3})%?$/.exec(find.trim());
  const n = m ? Number(m[1]) : NaN;
  if (!(n >= 0 && n <= 100)) {
    throw usageError(
      `--find-renames=${find}: give a percentage from 0 to 100, e.g. --find-renames=70 (or --no-renames to turn detection off)`,
      `--find-renames=${find}: укажите процент от 0 до 100, например --find-renames=70 (или --no-renames, чтобы отключить поиск переименований)`,
    );
  }
  return n / 100;
}

/**
 * The three inputs from --base/--mine/--theirs and positional paths together: the paths fill, in order, the roles
 * no option named (base, mine, theirs); two paths and no option are mine and theirs (no base).
 */
function roles(a: Record<string, unknown>): { base?: string; mine?: string; theirs?: string } {
  const named: Record<string, string | undefined> = { base: a.base as string | undefined, mine: a.mine as string | undefined, theirs: a.theirs as string | undefined };
  // Paths after `--` (so that a name starting with '-' is a path): yargs keeps them apart (populate--).
  const paths = [...((a.paths as string[] | undefined) ?? []), ...((a['--'] as string[] | undefined) ?? [])].map(String);
  const open = (['base', 'mine', 'theirs'] as const).filter((r) => named[r] === undefined);
  // Fewer paths than open roles: mine and theirs come first (a merge can go without a base, not without them).
  const sides = open.filter((r) => r !== 'base');
  const fill = paths.length < open.length && paths.length <= sides.length ? sides : open;
  if (paths.length > fill.length) {
    throw usageError(
      `merge got more paths than it has roles for: ${paths.join(' ')}. Give BASE MINE THEIRS, or MINE THEIRS, or name them with --base/--mine/--theirs.`,
      `Для merge указано больше путей, чем нужно: ${paths.join(' ')}. Укажите БАЗА МОЯ НОВАЯ или МОЯ НОВАЯ либо назовите их через --base/--mine/--theirs.`,
    );
  }
  paths.forEach((p, i) => (named[fill[i]] = p));
  for (const [role, p] of Object.entries(named)) if (p === '-') throw stdinRefused(`--${role}`);
  return named;
}

/** '-' means standard input or output by convention; a cabinet is a zip or a folder, never a stream. */
function stdinRefused(option: string): CabinetError {
  const what = option === '-' ? "'-'" : `${option} -`;
  return usageError(
    `${what}: cabinet-merge does not read a cabinet from standard input; give the path of the zip or the folder (a file named '-' can be given as ./-)`,
    `${what}: cabinet-merge не читает выгрузку из стандартного ввода; укажите путь к zip-архиву или папке (файл с именем '-' указывается как ./-)`,
  );
}

/** Parses argv (without the node and script names). Throws CabinetError('usage') for bad arguments. */
export function parseArgs(argv: string[], version: string): Promise<ParsedArgs> {
  const helpLang = detectLang(argvLang(argv));
  checkCommandName(argv);
  const reportToStdout = checkDashes(argv);
  argv = withoutNeedlessDashDash(argv);
  setHelpLanguage(helpLang);
  let parsed: ParsedArgs = { command: 'none', lang: helpLang, verbose: false };
  const cli: Argv = yargs(argv)
    .locale(helpLang)
    .updateLocale(helpLang === 'ru' ? YARGS_RU : {})
    .scriptName('cabinet-merge')
    .usage(`${t('$0 <command> [options]')}\n\n${t('Three-way merge of 1C:Enterprise personal cabinet exports (zip archives or folders).')}`)
    .option('lang', { choices: ['en', 'ru'] as const, describe: t('Language of messages (default: from LANG / the system)') })
    .option('verbose', { type: 'boolean', ...flagDefault(false), describe: t('Show error details') })
    .option('quiet', { type: 'boolean', ...flagDefault(false), describe: t('Print nothing on success') })
    .option('json', { type: 'boolean', ...flagDefault(false), describe: t('Print the JSON report instead of the summary') })
    .option('color', { type: 'boolean', describe: t('Colour the summary (default: on a terminal; env NO_COLOR, FORCE_COLOR); --no-color: never') })
    .command(
      'merge [paths..]',
      t("Merge your customised export with the vendor's new export, using the vendor's old export as the base"),
      (y) =>
        y
          .usage(t('$0 merge [paths..] [options]'))
          .positional('paths', {
            type: 'string',
            array: true,
            describe: t('BASE MINE THEIRS in this order, or MINE THEIRS without a base; or name them with the options below'),
          })
          .option('base', { type: 'string', describe: t("The vendor's old export (pristine), zip or folder") })
          .option('mine', { type: 'string', describe: t('Your customised export of the old version, zip or folder') })
          .option('theirs', { type: 'string', describe: t("The vendor's new export, zip or folder") })
          .option('base-from', {
            type: 'string',
            array: true,
            // One value per --base-from, so positional paths after it are not swallowed (commas list several).
            nargs: 1,
            describe: t('No --base? Candidate old vendor exports (comma-separated or repeated); each file takes the closest candidate that differs from yours'),
          })
          .option('store', {
            type: 'string',
            describe: t('The baseline store folder (default: env CABINET_MERGE_STORE or the user data folder)'),
          })
          // Its own line in --help, so the way to turn the store off is seen; yargs parses --no-store as store=false
          // (boolean negation comes before option names), so this key itself is never set.
          .option('no-store', { type: 'boolean', describe: t('Do not look for a base in the baseline store') })
          .option('save-baseline', { type: 'boolean', ...flagDefault(false), describe: t("Also save the vendor's new export as a baseline in the store") })
          .option('baseline-name', { type: 'string', describe: t('Name for --save-baseline, e.g. "ЖКХ 3.1.12"') })
          .example(t('cabinet-merge merge --mine MY_EXPORT.zip --theirs NEW_VENDOR.zip -o MERGED.zip'), t('Two archives only: a stored baseline, or every difference left to you'))
          .option('output', { alias: 'o', type: 'string', describe: t('The merged zip to write') })
          .option('report', {
            type: 'string',
            describe: t('Write the report to this file: REPORT.html a page to open in a browser, REPORT.txt the summary, otherwise JSON'),
          })
          .option('report-format', {
            choices: ['html', 'json', 'text'] as const,
            describe: t('Format of the --report file, whatever its extension'),
          })
          .option('conflict-style', {
            choices: ['diff3', 'merge', 'zdiff3'] as const,
            default: 'diff3' as const,
            describe: t('Conflict markers: diff3 shows the base section (what the vendor had), merge does not, zdiff3 moves common lines out'),
          })
          .option('force', { type: 'boolean', ...flagDefault(false), describe: t('Overwrite existing output files') })
          .option('allow-empty', { type: 'boolean', ...flagDefault(false), describe: t('Accept an input with no files at all (normally refused as almost surely the wrong file)') })
          .option('ignore-whitespace', {
            type: 'boolean',
            ...flagDefault(false),
            describe: t('Changes in the amount of whitespace alone do not conflict with a real change (git -X ignore-space-change)'),
          })
          .option('granularity', {
            choices: ['auto', 'lines', 'tokens'] as const,
            default: 'auto' as const,
            describe: t('How finely conflicting lines are re-merged: lines (git-identical), tokens (also inside long lines), auto (tokens, and JSON/CSS/HTML by structure; every clean merge checked against its format)'),
          })
          .option('prefer', {
            choices: ['mine', 'theirs'] as const,
            describe: t('Binary files only (images, fonts) changed on both sides: take this side instead of a conflict; text files are merged as always (for whole text files use resolve or a rules file)'),
          })
          .option('find-renames', {
            type: 'string',
            describe: t("Pair files the vendor renamed or moved (hashed bundle names) when this much of the content is the same: --find-renames=N (percent, default 50)"),
          })
          .option('renames', {
            type: 'boolean',
            ...flagDefault(true),
            describe: t('--no-renames: merge path by path, without rename detection'),
          })
          .option('name-encoding', {
            choices: ['utf8', 'cp866'] as const,
            describe: t('How the merged zip stores file names (default: as the vendor\'s new export does)'),
          })
          .options(limitOptions())
          .options(workflowMergeOptions())
          .example(t(MERGE_EXAMPLE), t('Merge three exports, write the merged zip and a report'))
          .example(t('cabinet-merge merge OLD.zip MINE.zip NEW.zip -o MERGED.zip'), t('The same with positional arguments'))
          .example(t('cabinet-merge merge MY_EXPORT.zip NEW_VENDOR.zip --out-dir WORK'), t('Merge into a working folder, to resolve the conflicts in an editor; then status, resolve, pack')),
      (a) => {
        const lang = detectLang(a.lang as string | undefined);
        const { base, mine, theirs } = roles(a);
        if (!mine || !theirs) {
          throw usageError(
            `merge needs --mine and --theirs (and --base, the vendor's old export, if you have it), or two or three positional paths. Example:\n  ${MERGE_EXAMPLE}`,
            `merge нужны --mine и --theirs (и --base — старая выгрузка поставщика, если она есть) или два-три пути подряд. Пример:\n  ${HELP_RU[MERGE_EXAMPLE]}`,
          );
        }
        if (base && a['base-from']) {
          throw usageError('--base-from is for when you have no --base; give one or the other', '--base-from нужен, когда нет --base; укажите что-то одно');
        }
        if (a['report-format'] && !a.report && !reportToStdout) {
          throw usageError('--report-format needs --report FILE', 'Для --report-format укажите файл: --report ФАЙЛ');
        }
        if (!a.output && !a['out-dir']) {
          throw usageError(
            `merge needs an output: -o MERGED.zip, or --out-dir WORK to resolve conflicts in an editor`,
            `Укажите результат: -o MERGED.zip или --out-dir ПАПКА, чтобы решать конфликты в редакторе`,
          );
        }
        const renames = renameOption(a['find-renames'] as string | boolean | undefined, a.renames as boolean);
        parsed = {
          command: 'merge',
          lang,
          verbose: a.verbose as boolean,
          quiet: a.quiet as boolean,
          json: a.json as boolean,
          base,
          mine,
          theirs,
          baseFrom: a['base-from'] as string[] | undefined,
          store: typeof a.store === 'string' ? a.store : undefined,
          useStore: (a.store as unknown) !== false,
          saveBaseline: a['save-baseline'] as boolean,
          baselineName: a['baseline-name'] as string | undefined,
          output: a.output,
          report: reportToStdout ? undefined : a.report,
          reportToStdout,
          color: a.color as boolean | undefined,
          reportFormat: a['report-format'] as ReportFormat | undefined,
          conflictStyle: a['conflict-style'] as ConflictStyle,
          force: a.force as boolean,
          allowEmpty: a['allow-empty'] as boolean,
          ignoreWhitespace: a['ignore-whitespace'] as boolean,
          granularity: a.granularity as Granularity,
          preferBinary: a.prefer as 'mine' | 'theirs' | undefined,
          ...(renames !== undefined ? { renames } : {}),
          nameEncoding: a['name-encoding'] as NameEncoding | undefined,
          limits: limitsFrom(a),
          ...workflowFrom(a),
        };
      },
    )
    .command(baselineCommand((b) => (parsed = b)))
    .command(workdirCommands((w) => (parsed = w)))
    .parserConfiguration({ 'populate--': true })
    .demandCommand(1, t('Name a command, e.g.: cabinet-merge merge --help'))
    .strict()
    .version(version)
    .help()
    .alias('h', 'help')
    .wrap(Math.min(110, stdoutColumns() || 110))
    .exitProcess(false)
    .fail((msg, err) => {
      if (err) throw err;
      throw usageError(msg, msg);
    });
  skipHelpCache(cli);
  return Promise.resolve(cli.parseAsync()).then(() => parsed);
}

/**
 * After a command's handler has run, yargs renders that command's whole help and keeps it, for a failure that would
 * print it later: ~15 % of a small merge's time (docs/performance.md). Our `.fail()` throws instead of printing
 * help, so nothing ever reads that copy; --help still renders its text when asked (`help()` does, cached or not).
 */
function skipHelpCache(cli: Argv): void {
  type Internal = { getInternalMethods?: () => { getUsageInstance: () => { cacheHelpMessage?: () => void } } };
  const usage = (cli as unknown as Internal).getInternalMethods?.().getUsageInstance();
  if (usage && typeof usage.cacheHelpMessage === 'function') usage.cacheHelpMessage = () => undefined;
}

/**
 * `--` ends the options: what follows is paths. When none of them starts with '-', dropping the `--` changes
 * nothing and lets yargs fill the commands' positionals (`status -- WORK`); otherwise yargs keeps them apart
 * (populate--) and merge takes them as its paths.
 */
function withoutNeedlessDashDash(argv: string[]): string[] {
  const i = argv.indexOf('--');
  if (i < 0 || argv.slice(i + 1).some((a) => a.startsWith('-'))) return argv;
  return [...argv.slice(0, i), ...argv.slice(i + 1)];
}

/**
 * yargs' own Russian words read as a translation ("[булевый тип]", "[строковой тип]", "[необходимо]", "Опции:");
 * these are the words a Russian manual uses.
 */
const YARGS_RU: Record<string, string> = {
  'Commands:': 'Команды:',
  'Options:': 'Параметры:',
  'Positionals:': 'Аргументы:',
  'Examples:': 'Примеры:',
  boolean: 'флаг',
  string: 'текст',
  number: 'число',
  array: 'список',
  count: 'счётчик',
  required: 'обязательный',
  'default:': 'по умолчанию:',
  'choices:': 'варианты:',
  'aliases:': 'другие имена:',
  'Show help': 'Показать справку',
  'Show version number': 'Показать номер версии',
  'Argument: %s, Given: %s, Choices: %s': 'Параметр %s: указано %s, допустимо: %s',
  // A plural entry (y18n's __n) must keep its { one, other } form, or yargs crashes formatting it.
  'Not enough non-option arguments: got %s, need at least %s': {
    one: 'Не хватает аргументов: указано %s, нужно не меньше %s',
    other: 'Не хватает аргументов: указано %s, нужно не меньше %s',
  } as unknown as string,
  command: 'команда',
};

const OUTPUT_OPTIONS = new Set(['-o', '--output', '--out-dir']);

/**
 * '-' (standard input or output, by convention) in the raw arguments — yargs would turn it into '' or drop it:
 * `--report -` is allowed (the JSON report on stdout: returns true); as an output or an input it is refused.
 * Arguments after `--` are paths and are not looked at.
 */
function checkDashes(argv: readonly string[]): boolean {
  let reportToStdout = false;
  const end = argv.includes('--') ? argv.indexOf('--') : argv.length;
  for (let i = 0; i < end; i++) {
    const [name, value] = argv[i].startsWith('--') && argv[i].includes('=') ? [argv[i].slice(0, argv[i].indexOf('=')), argv[i].slice(argv[i].indexOf('=') + 1)] : [argv[i - 1], argv[i]];
    if (value !== '-') continue;
    if (name === '--report') reportToStdout = true;
    else if (OUTPUT_OPTIONS.has(name)) {
      throw usageError(
        `${name} -: the merged cabinet is not written to standard output; give a file name (a zip for -o, a new folder for --out-dir). --report - prints the JSON report`,
        `${name} -: итоговая выгрузка не выводится в стандартный вывод; укажите имя (zip-архива для -o, новой папки для --out-dir). --report - выводит отчёт JSON`,
      );
    } else throw stdinRefused(name?.startsWith('--') ? name : '-');
  }
  return reportToStdout;
}

const COMMANDS = ['merge', 'baseline', 'status', 'pack', 'resolve'];

/**
 * A first word that is no command: "did you mean" the nearest one (a typo away), before yargs turns the whole line
 * into "Unknown arguments: …".
 */
function checkCommandName(argv: readonly string[]): void {
  const first = argv.find((a) => !a.startsWith('-'));
  const i = first === undefined ? -1 : argv.indexOf(first);
  // An option's value (--lang ru) is not a command.
  if (first === undefined || (i > 0 && argv[i - 1] === '--lang') || COMMANDS.includes(first) || argv.slice(0, i).includes('--')) return;
  const near = COMMANDS.map((c) => ({ c, d: editDistance(first, c) })).sort((a, b) => a.d - b.d)[0];
  const list = COMMANDS.join(', ');
  if (near.d <= 2) {
    throw usageError(`unknown command '${first}'. Did you mean: ${near.c}?`, `неизвестная команда '${first}'. Возможно, вы имели в виду: ${near.c}?`);
  }
  throw usageError(`unknown command '${first}'; the commands are: ${list}`, `неизвестная команда '${first}'; команды: ${list}`);
}
