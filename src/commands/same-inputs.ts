/**
 * The same archive given twice (base == theirs, mine == base, ...): a legal merge whose result is simply one of the
 * inputs, but most often a slip of the admin's hand, so the summary and the report say so and what it means.
 */

import * as path from 'node:path';
import { realpathSync } from 'node:fs';
import type { Tree } from '../archive/tree';
import type { SameInputs } from '../report/model';

type Role = SameInputs['roles'][number];

/** What it means for the result when the two roles hold the same files. */
const MEANING: Record<string, { en: string; ru: string }> = {
  'base+mine': {
    en: 'you have no customisations, so the result is the vendor\'s new export (theirs)',
    ru: 'ваших доработок нет, поэтому результат — новая выгрузка поставщика (theirs)',
  },
  'base+theirs': {
    en: 'the vendor changed nothing, so the result is your export (mine); check that you passed the vendor\'s new export as theirs',
    ru: 'поставщик ничего не изменил, поэтому результат — ваша выгрузка (mine); проверьте, что как theirs указана новая выгрузка поставщика',
  },
  'mine+theirs': {
    en: 'your export already equals the vendor\'s new one, so the result is that export',
    ru: 'ваша выгрузка уже совпадает с новой выгрузкой поставщика, поэтому результат — она же',
  },
  'base+mine+theirs': {
    en: 'all three inputs are the same, so the result is a copy of them',
    ru: 'все три входа одинаковы, поэтому результат — их копия',
  },
};

function realPath(p: string): string {
  try {
    return realpathSync(path.resolve(p));
  } catch {
    return path.resolve(p);
  }
}

/** True when both trees hold the same paths with the same bytes (folders and dates are not compared). */
export function sameFiles(a: Tree, b: Tree): boolean {
  if (a.files.size !== b.files.size) return false;
  for (const [p, f] of a.files) {
    const g = b.files.get(p);
    if (!g || !Buffer.from(f.bytes.buffer, f.bytes.byteOffset, f.bytes.length).equals(g.bytes)) return false;
  }
  return true;
}

/**
 * Groups of roles that are one archive, by path (the same file or folder named twice) or by content (the same
 * files); at most one group, since equality is transitive and three roles form at most one group of two or more.
 * `paths` are what the user named, `trees` what was read from them.
 */
export function findSameInputs(
  paths: Record<Role, string>,
  trees: Record<Role, Tree>,
): SameInputs[] {
  const roles: Role[] = ['base', 'mine', 'theirs'];
  const groups: Role[][] = [];
  for (const role of roles) {
    const group = groups.find((g) => sameFiles(trees[g[0]], trees[role]));
    if (group) group.push(role);
    else groups.push([role]);
  }
  const result: SameInputs[] = [];
  for (const group of groups) {
    if (group.length < 2) continue;
    const byPath = new Set(group.map((r) => realPath(paths[r]))).size === 1;
    const key = group.join('+');
    const names = group.map((r) => `${r} (${paths[r]})`).join(byPath ? ' = ' : ', ');
    const meaning = MEANING[key];
    result.push({
      roles: group,
      by: byPath ? 'path' : 'content',
      en: byPath
        ? `The same input was given as ${group.join(' and ')}: ${names}; ${meaning.en}.`
        : `${names} have identical content; ${meaning.en}.`,
      ru: byPath
        ? `Один и тот же вход указан как ${group.join(' и ')}: ${names}; ${meaning.ru}.`
        : `${names} совпадают по содержимому; ${meaning.ru}.`,
    });
  }
  return result;
}
