/**
 * Command-line parsing (yargs) → plain options for the commands. No I/O besides what yargs prints for --help.
 */

import yargs, { type Argv } from 'yargs';
import type { ReadOptions } from '../archive/limits';
import type { NameEncoding } from '../archive/tree';
import { CabinetError } from '../errors';
import type { MergeOptions, ReportFormat } from '../commands/merge';
import type { ConflictStyle } from '../merge3';
import { baselineCommand, type BaselineArgs } from './baseline-args';
import { detectLang, type Lang } from './lang';
import { limitOptions, limitsFrom } from './limit-args';
import { workdirCommands, workflowFrom, workflowMergeOptions, type WorkdirArgs } from './workdir-args';
import { argvLang, setHelpLanguage, t } from './help';

export interface GlobalOptions {
  lang: Lang;
  verbose: boolean;
  quiet: boolean;
  json: boolean;
}

/** merge's arguments: the command's own options (commands/merge.ts) less what main.ts adds, plus the globals. */
export interface MergeArgs extends GlobalOptions, Omit<MergeOptions, 'version' | 'onProgress' | 'lang'> {
  command: 'merge';
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
 * The three inputs from --base/--mine/--theirs and positional paths together: the paths fill, in order, the roles
 * no option named (base, mine, theirs); two paths and no option are mine and theirs (no base).
 */
function roles(a: Record<string, unknown>): { base?: string; mine?: string; theirs?: string } {
  const named: Record<string, string | undefined> = { base: a.base as string | undefined, mine: a.mine as string | undefined, theirs: a.theirs as string | undefined };
  const paths = ((a.paths as string[] | undefined) ?? []).map(String);
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
  return named;
}

/** Parses argv (without the node and script names). Throws CabinetError('usage') for bad arguments. */
export function parseArgs(argv: string[], version: string): Promise<ParsedArgs> {
  const helpLang = detectLang(argvLang(argv));
  setHelpLanguage(helpLang);
  let parsed: ParsedArgs = { command: 'none', lang: helpLang, verbose: false };
  const cli: Argv = yargs(argv)
    .locale(helpLang)
    .scriptName('cabinet-merge')
    .usage(`$0 <command> [options]\n\n${t('Three-way merge of 1C:Enterprise personal cabinet exports (zip archives or folders).')}`)
    .option('lang', { choices: ['en', 'ru'] as const, describe: t('Language of messages (default: from LANG / the system)') })
    .option('verbose', { type: 'boolean', default: false, describe: t('Show error details') })
    .option('quiet', { type: 'boolean', default: false, describe: t('Print nothing on success') })
    .option('json', { type: 'boolean', default: false, describe: t('Print the JSON report instead of the summary') })
    .command(
      'merge [paths..]',
      t("Merge your customised export with the vendor's new export, using the vendor's old export as the base"),
      (y) =>
        y
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
            describe: t('The baseline store folder (default: env CABINET_MERGE_STORE or the user data folder); --no-store: do not look for a base there'),
          })
          .option('save-baseline', { type: 'boolean', default: false, describe: t("Also save the vendor's new export as a baseline in the store") })
          .option('baseline-name', { type: 'string', describe: t('Name for --save-baseline, e.g. "ЖКХ 3.1.12"') })
          .example('cabinet-merge merge --mine MY_EXPORT.zip --theirs NEW_VENDOR.zip -o MERGED.zip', t('Two archives only: a stored baseline, or every difference left to you'))
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
          .option('force', { type: 'boolean', default: false, describe: t('Overwrite existing output files') })
          .option('allow-empty', { type: 'boolean', default: false, describe: t('Accept an input with no files at all (normally refused as almost surely the wrong file)') })
          .option('ignore-whitespace', {
            type: 'boolean',
            default: false,
            describe: t('Changes in the amount of whitespace alone do not conflict with a real change (git -X ignore-space-change)'),
          })
          .option('prefer', {
            choices: ['mine', 'theirs'] as const,
            describe: t('For binary files (images, fonts) changed on both sides: take this side instead of reporting a conflict'),
          })
          .option('name-encoding', {
            choices: ['utf8', 'cp866'] as const,
            describe: t('How the merged zip stores file names (default: as the vendor\'s new export does)'),
          })
          .options(limitOptions())
          .options(workflowMergeOptions())
          .example(MERGE_EXAMPLE, t('Merge three exports, write the merged zip and a report'))
          .example('cabinet-merge merge OLD.zip MINE.zip NEW.zip -o MERGED.zip', t('The same with positional arguments')),
      (a) => {
        const lang = detectLang(a.lang as string | undefined);
        const { base, mine, theirs } = roles(a);
        if (!mine || !theirs) {
          throw usageError(
            `merge needs --mine and --theirs (and --base, the vendor's old export, if you have it), or two or three positional paths. Example:\n  ${MERGE_EXAMPLE}`,
            `merge нужны --mine и --theirs (и --base — старая выгрузка поставщика, если она есть) или два-три пути подряд. Пример:\n  ${MERGE_EXAMPLE}`,
          );
        }
        if (base && a['base-from']) {
          throw usageError('--base-from is for when you have no --base; give one or the other', '--base-from нужен, когда нет --base; укажите что-то одно');
        }
        if (a['report-format'] && !a.report) {
          throw usageError('--report-format needs --report FILE', 'Для --report-format укажите файл: --report ФАЙЛ');
        }
        if (!a.output && !a['out-dir']) {
          throw usageError(
            `merge needs an output: -o MERGED.zip, or --out-dir WORK to resolve conflicts in an editor`,
            `Укажите результат: -o MERGED.zip или --out-dir ПАПКА, чтобы решать конфликты в редакторе`,
          );
        }
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
          report: a.report,
          reportFormat: a['report-format'] as ReportFormat | undefined,
          conflictStyle: a['conflict-style'] as ConflictStyle,
          force: a.force as boolean,
          allowEmpty: a['allow-empty'] as boolean,
          ignoreWhitespace: a['ignore-whitespace'] as boolean,
          preferBinary: a.prefer as 'mine' | 'theirs' | undefined,
          nameEncoding: a['name-encoding'] as NameEncoding | undefined,
          limits: limitsFrom(a),
          ...workflowFrom(a),
        };
      },
    )
    .command(baselineCommand((b) => (parsed = b)))
    .command(workdirCommands((w) => (parsed = w)))
    .demandCommand(1, t('Name a command, e.g.: cabinet-merge merge --help'))
    .strict()
    .version(version)
    .help()
    .alias('h', 'help')
    .wrap(Math.min(110, process.stdout.columns || 110))
    .exitProcess(false)
    .fail((msg, err) => {
      if (err) throw err;
      throw usageError(msg, msg);
    });
  return Promise.resolve(cli.parseAsync()).then(() => parsed);
}
