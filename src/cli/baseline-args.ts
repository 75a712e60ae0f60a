/**
 * `cabinet-merge baseline save|list|remove`: the yargs definition, registered by args.ts.
 */

import type { CommandModule } from 'yargs';
import { CabinetError } from '../errors';
import type { GlobalOptions } from './args';
import { detectLang } from './lang';
import { t } from './help';

export interface BaselineArgs extends GlobalOptions {
  command: 'baseline';
  action: 'save' | 'list' | 'remove';
  /** save: the vendor export (zip or folder); remove: a baseline's name or id. */
  target?: string;
  name?: string;
  store?: string;
}

const STORE_HELP =
  'The baseline store folder (default: env CABINET_MERGE_STORE, else %LOCALAPPDATA%\\cabinet-merge\\baselines on Windows, ~/.local/share/cabinet-merge/baselines elsewhere)';

export function baselineCommand(done: (args: BaselineArgs) => void): CommandModule {
  return {
    command: 'baseline <action> [target]',
    describe: t("Keep pristine vendor exports (baselines) so that every update is a three-way merge: save, list, remove"),
    builder: (y) =>
      y
        .usage(t('$0 baseline <save|list|remove> [target] [options]'))
        .positional('action', { choices: ['save', 'list', 'remove'] as const, describe: t('save an export, list the stored ones, remove one') })
        .positional('target', { type: 'string', describe: t("save: the vendor's export (zip or folder); remove: a baseline's name or id") })
        .option('name', { type: 'string', describe: t('save: a name for the baseline, e.g. the version ("ЖКХ 3.1.12"); default: the file name') })
        .option('store', { type: 'string', describe: t(STORE_HELP) })
        .example(t('cabinet-merge baseline save NEW_VENDOR.zip --name "ЖКХ 3.1.12"'), t("Store the vendor's export right after the update"))
        .example(t('cabinet-merge baseline list'), t('Show the stored baselines'))
        .example(t('cabinet-merge baseline remove 3f2a9c1b7d0e'), t('Remove a baseline by id (or by name)')),
    handler: (a) => {
      const action = a.action as BaselineArgs['action'];
      const target = a.target as string | undefined;
      if ((action === 'save' || action === 'remove') && !target) {
        const what = action === 'save' ? 'the vendor export to save: baseline save NEW_VENDOR.zip' : 'the baseline to remove (name or id): baseline remove NAME';
        const ru = action === 'save' ? 'какую выгрузку сохранить: baseline save NEW_VENDOR.zip' : 'какую базу удалить (имя или идентификатор): baseline remove ИМЯ';
        throw new CabinetError('usage', { en: `Name ${what}`, ru: `Укажите ${ru}` });
      }
      if (action === 'list' && target) {
        throw new CabinetError('usage', { en: 'baseline list takes no argument', ru: 'baseline list не принимает аргументов' });
      }
      done({
        command: 'baseline',
        action,
        target,
        name: a.name as string | undefined,
        store: typeof a.store === 'string' ? a.store : undefined,
        lang: detectLang(a.lang as string | undefined),
        verbose: a.verbose as boolean,
        quiet: a.quiet as boolean,
        json: a.json as boolean,
      });
    },
  };
}
