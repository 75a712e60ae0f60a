/**
 * The working-folder workflow on the command line (issue 6): merge's --out-dir, --rules, --resolutions and
 * --no-reuse-resolutions, and the commands `status`, `pack`, `resolve`. Registered by args.ts.
 */

import type { CommandModule, Options } from 'yargs';
import type { ReadOptions } from '../archive/limits';
import { CabinetError } from '../errors';
import type { WorkflowOptions } from '../workdir/merge-hook';
import type { Side } from '../workdir/state';
import type { GlobalOptions } from './args';
import { detectLang } from './lang';
import { limitOptions, limitsFrom } from './limit-args';
import { flagDefault, t } from './help';

const RESOLUTIONS_HELP =
  'Where resolutions of conflicts are recorded by pack and re-used by merge (default: env CABINET_MERGE_RESOLUTIONS, else %LOCALAPPDATA%\\cabinet-merge\\resolutions on Windows, ~/.local/share/cabinet-merge/resolutions elsewhere)';

/** merge's working-folder options, with descriptions in the help language (built when yargs asks). */
export const workflowMergeOptions = () => ({
  'out-dir': {
    type: 'string' as const,
    describe: t('Also (or instead of -o) write the merged files into this new folder to resolve conflicts in an editor; then: status, resolve, pack'),
  },
  rules: {
    type: 'string' as const,
    describe: t('Rules file mapping path patterns to strategies (merge, mine, theirs, union, binary); default: cabinet-merge.json in the current folder, if any'),
  },
  resolutions: { type: 'string' as const, describe: t(RESOLUTIONS_HELP) },
  'reuse-resolutions': {
    type: 'boolean' as const,
    ...flagDefault(true),
    describe: t('Re-apply resolutions recorded by earlier packs to the same conflicts (--no-reuse-resolutions: do not)'),
  },
}) as const satisfies Record<string, Options>;

/** merge's workflow options from yargs' parsed arguments. */
export function workflowFrom(a: Record<string, unknown>): WorkflowOptions {
  return {
    outDir: a['out-dir'] as string | undefined,
    rules: a.rules as string | undefined,
    resolutions: a.resolutions as string | undefined,
    reuseResolutions: a['reuse-resolutions'] !== false,
  };
}

export interface StatusArgs extends GlobalOptions {
  command: 'status';
  work: string;
  limits: ReadOptions;
}

export interface PackArgs extends GlobalOptions {
  command: 'pack';
  work: string;
  output: string;
  force: boolean;
  yes: boolean;
  resolutions?: string;
  limits: ReadOptions;
}

export interface ResolveArgs extends GlobalOptions {
  command: 'resolve';
  work: string;
  /** Files or glob patterns ('ace/**'); may be empty with `all`. */
  paths: string[];
  all: boolean;
  side: Side;
}

export type WorkdirArgs = StatusArgs | PackArgs | ResolveArgs;

function globals(a: Record<string, unknown>): GlobalOptions {
  return { lang: detectLang(a.lang as string | undefined), verbose: a.verbose as boolean, quiet: a.quiet as boolean, json: a.json as boolean };
}

export function workdirCommands(done: (args: WorkdirArgs) => void): CommandModule[] {
  return [
    {
      command: 'status <work>',
      describe: t('Show what is left to resolve in a working folder made by merge --out-dir (exit 1 while anything is); or check a folder or zip edited by hand'),
      builder: (y) =>
        y
          .usage(t('$0 status <work> [options]'))
          .positional('work', { type: 'string', describe: t('The working folder, or a folder or zip edited by hand (checked for markers, format faults, a wrapper folder)') })
          .options(limitOptions())
          .example(t('cabinet-merge status WORK'), t('Files with conflict markers (and their lines), decisions needed, what is resolved'))
          .example(t('cabinet-merge status MERGED.zip'), t('Check a zip made by hand before importing it')),
      handler: (a) => done({ command: 'status', work: a.work as string, limits: limitsFrom(a), ...globals(a) }),
    },
    {
      command: 'pack <work>',
      describe: t('Pack a working folder into the merged zip, in the vendor\'s layout and encodings; records your resolutions'),
      builder: (y) =>
        y
          .usage(t('$0 pack <work> -o <zip> [options]'))
          .positional('work', { type: 'string', describe: t('The working folder, or a folder edited by hand (checked first, zipped as it is)') })
          .option('output', { alias: 'o', type: 'string', describe: t('The zip to write') })
          .option('force', { type: 'boolean', ...flagDefault(false), describe: t('Pack even with conflict markers, undecided conflicts or characters the file encoding cannot hold') })
          .option('yes', { type: 'boolean', ...flagDefault(false), describe: t('Pack although files of the merge were deleted in the working folder (they are left out of the zip)') })
          .option('resolutions', { type: 'string', describe: t(RESOLUTIONS_HELP) })
          .options(limitOptions())
          .example(t('cabinet-merge pack WORK -o MERGED.zip'), t('Write the zip once status reports nothing left')),
      handler: (a) => {
        if (!a.output) throw new CabinetError('usage', { en: 'pack needs the zip to write: -o MERGED.zip', ru: 'Укажите архив результата: -o MERGED.zip' });
        done({
          command: 'pack',
          work: a.work as string,
          output: a.output as string,
          force: a.force as boolean,
          yes: a.yes === true,
          resolutions: a.resolutions as string | undefined,
          limits: limitsFrom(a),
          ...globals(a),
        });
      },
    },
    {
      command: 'resolve <work> [paths..]',
      describe: t('Settle a conflicted file wholesale with one side\'s version (binary files, changed/deleted files)'),
      builder: (y) =>
        y
          .usage(t('$0 resolve <work> [paths..] --mine|--theirs|--base [options]'))
          .positional('work', { type: 'string', describe: t('The working folder') })
          .positional('paths', {
            type: 'string',
            array: true,
            describe: t("The files, as status shows them (e.g. js/receipt-print.js), or patterns in quotes ('ace/**')"),
          })
          .option('all', { type: 'boolean', ...flagDefault(false), describe: t('Every conflict still unresolved (markers left, or waiting for a decision)') })
          .option('mine', { type: 'boolean', describe: t('Take your version (keep your file)') })
          .option('theirs', { type: 'boolean', describe: t("Take the vendor's new version (a file the vendor deleted is removed)") })
          .option('base', { type: 'boolean', describe: t("Take the vendor's old version") })
          .example(t('cabinet-merge resolve WORK js/receipt-print.js --mine'), t('Keep your changed file although the vendor deleted it'))
          .example(t("cabinet-merge resolve WORK 'img/**' pages/agreement.html --theirs"), t("Take the vendor's version of every conflicted image and of one page"))
          .example(t('cabinet-merge resolve WORK --all --mine'), t('Keep your version of every file still in conflict')),
      handler: (a) => {
        const sides = (['mine', 'theirs', 'base'] as const).filter((s) => a[s] === true);
        if (sides.length !== 1) {
          throw new CabinetError('usage', {
            en: 'resolve needs exactly one of --mine, --theirs, --base',
            ru: 'Для resolve укажите ровно один из ключей --mine, --theirs, --base',
          });
        }
        const paths = ((a.paths as string[] | undefined) ?? []).map(String);
        if (!paths.length && a.all !== true) {
          throw new CabinetError('usage', {
            en: 'resolve needs the files to settle (as status lists them, or patterns such as \'img/**\'), or --all',
            ru: 'Для resolve укажите файлы (как их показывает status, или шаблоны вроде \'img/**\') либо --all',
          });
        }
        done({ command: 'resolve', work: a.work as string, paths, all: a.all === true, side: sides[0], ...globals(a) });
      },
    },
  ];
}
