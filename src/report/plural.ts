/**
 * Numbers with nouns as each language says them, chosen by Intl.PluralRules (CLDR): "1 file, 2 files";
 * "1 файл, 2 файла, 5 файлов, 21 файл" — never "31 файлов".
 */

const RU = new Intl.PluralRules('ru');
const EN = new Intl.PluralRules('en');

/** Russian forms: for 1 (21, 31…), for 2–4 (22…), for 5–20 (25…, and 0). */
export interface RuForms {
  one: string;
  few: string;
  many: string;
}

/** The Russian word for `n`: ruWord(31, {one:'файл', few:'файла', many:'файлов'}) → 'файл'. */
export function ruWord(n: number, forms: RuForms): string {
  const c = RU.select(n);
  return c === 'one' ? forms.one : c === 'few' ? forms.few : forms.many;
}

/** The English word for `n`: enWord(1, 'file', 'files') → 'file'. */
export function enWord(n: number, one: string, other: string): string {
  return EN.select(n) === 'one' ? one : other;
}

/** "31 файл", "5 файлов". */
export function ruCount(n: number, forms: RuForms): string {
  return `${n} ${ruWord(n, forms)}`;
}

/** "1 file", "5 files". */
export function enCount(n: number, one: string, other: string): string {
  return `${n} ${enWord(n, one, other)}`;
}

/** "файл" nominative (1 файл, 2 файла, 5 файлов). */
export const FILES_RU: RuForms = { one: 'файл', few: 'файла', many: 'файлов' };
/** "файла" genitive, after "из", "для", "больше": из 1 файла, из 2 файлов, из 21 файла. */
export const FILES_GEN_RU: RuForms = { one: 'файла', few: 'файлов', many: 'файлов' };
