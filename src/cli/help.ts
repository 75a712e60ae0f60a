/**
 * The language of --help. Every description the CLI gives yargs goes through t(), which returns the Russian text
 * from help-ru.ts when help is shown in Russian; yargs' own words ("Options:", "[default: …]") follow .locale().
 * A description without a translation stays English and is recorded, so a test can insist on full coverage.
 */

import type { Lang } from './lang';
import { HELP_RU } from './help-ru';

let language: Lang = 'en';
const missing = new Set<string>();

export function setHelpLanguage(lang: Lang): void {
  language = lang;
}

/** A help text in the current help language. */
export function t(en: string): string {
  if (language === 'en') return en;
  const ru = HELP_RU[en];
  if (ru === undefined) missing.add(en);
  return ru ?? en;
}

/**
 * A boolean option's default, as --help shows it: yargs prints the value itself ("[default: false]"), which under
 * --lang ru would be the one English word left in the line; in Russian it reads "да" / "нет".
 */
export function flagDefault(value: boolean): { default: boolean; defaultDescription?: string } {
  return language === 'ru' ? { default: value, defaultDescription: value ? 'да' : 'нет' } : { default: value };
}

/** Descriptions asked for in Russian that have no translation yet. */
export function untranslated(): string[] {
  return [...missing];
}

/** The help language from the raw arguments (--lang ru, --lang=ru) or the environment, before yargs parses. */
export function argvLang(argv: readonly string[]): string | undefined {
  const i = argv.indexOf('--lang');
  if (i >= 0) return argv[i + 1];
  return argv.find((a) => a.startsWith('--lang='))?.slice('--lang='.length);
}
