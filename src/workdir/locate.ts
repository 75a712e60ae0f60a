/**
 * Clear answers when `status` / `resolve` / `pack` get a path that is not a working folder (issue 15 point 6):
 * a path that does not exist ("no such folder", with the nearest working folder beside it, for a typo), a zip
 * ("this is a zip, not a working folder", with the working folder of the same name if there is one), a file.
 * Called by state.ts before it reads the state, so a real working folder costs one stat.
 */

import { existsSync, promises as fs } from 'node:fs';
import * as path from 'node:path';
import { CabinetError } from '../errors';
import { command } from '../report/command';

const STATE_DIR = '.cabinet-merge';
const STATE_FILE = path.join(STATE_DIR, 'state.json');

async function isWorkdir(dir: string): Promise<boolean> {
  return fs.stat(path.join(dir, STATE_FILE)).then((s) => s.isFile(), () => false);
}

/**
 * Edit distance with adjacent transpositions (optimal string alignment: "WROK" is one step from "WORK"),
 * case-insensitive. Names are short (a few dozen characters), so the full table is fine.
 */
export function editDistance(a: string, b: string): number {
  a = a.toLowerCase();
  b = b.toLowerCase();
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array<number>(b.length).fill(0)]);
  for (let j = 0; j <= b.length; j++) d[0][j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
    }
  }
  return d[a.length][b.length];
}

/** Working folders beside `work` whose names are close to its name (a typo away), nearest first. */
async function nearWorkdirs(work: string): Promise<string[]> {
  const parent = path.dirname(work);
  const name = path.basename(work);
  const entries = await fs.readdir(parent, { withFileTypes: true }).catch(() => []);
  const close: { p: string; d: number }[] = [];
  for (const e of entries) {
    if (!e.isDirectory()) continue;
    const d = editDistance(name, e.name);
    if (d > Math.max(2, Math.floor(name.length / 3))) continue;
    const p = path.join(parent, e.name);
    if (await isWorkdir(p)) close.push({ p, d });
  }
  return close.sort((a, b) => a.d - b.d).map((c) => c.p);
}

/** As the user typed it, but with the folder name replaced (keeps a relative path relative). */
function sibling(typed: string, real: string): string {
  return path.join(path.dirname(typed), path.basename(real));
}

/** What `status` / `pack` were given: a working folder, a folder without state, or a zip (checked without one). */
export type Target = 'workdir' | 'folder' | 'zip';

/** Whether `file` starts as a zip does (a local header, or the end record of an empty zip). */
async function looksLikeZip(file: string): Promise<boolean> {
  const h = await fs.open(file, 'r').then(
    async (f) => {
      const b = Buffer.alloc(4);
      await f.read(b, 0, 4, 0).finally(() => f.close());
      return b;
    },
    () => undefined,
  );
  return !!h && h[0] === 0x50 && h[1] === 0x4b && ((h[2] === 3 && h[3] === 4) || (h[2] === 5 && h[3] === 6));
}

/**
 * For `status` (and `pack`, which takes folders only): what `work` is. A folder holding a `.cabinet-merge` entry is a
 * working folder (a damaged state is for state.ts to report, never checked as a plain folder); any other folder, and
 * for status a zip, is checked without state (workdir/plain.ts). A path that does not exist, or a file that is no
 * zip, throws as checkWorkdirPath does, so a typo still reads "no such folder".
 */
export async function targetOf(work: string, verb: 'status' | 'pack'): Promise<Target> {
  const stat = await fs.stat(work).catch(() => undefined);
  if (stat?.isDirectory()) return (await fs.lstat(path.join(work, STATE_DIR)).then(() => true, () => false)) ? 'workdir' : 'folder';
  if (verb === 'status' && stat?.isFile() && (/\.zip$/i.test(work) || (await looksLikeZip(work)))) return 'zip';
  await checkWorkdirPath(work, verb);
  return 'workdir';
}

/** The working folder named like `zip` (without .zip), as the user would type it, if there is one. */
export async function twinWorkdir(zip: string): Promise<string | undefined> {
  const typedStem = zip.replace(/\.zip$/i, '');
  return typedStem !== zip && (await isWorkdir(path.resolve(typedStem))) ? typedStem : undefined;
}

/**
 * Throws 'workdir-invalid' with a message that says what `work` is instead, when it is missing, a zip or a file.
 * Returns when `work` is a folder (whether it holds a state is for state.ts to say).
 */
export async function checkWorkdirPath(work: string, verb: string): Promise<void> {
  const stat = await fs.stat(work).catch(() => undefined);
  if (stat?.isDirectory()) return;
  const abs = path.resolve(work);
  if (!stat && /\.zip$/i.test(work)) {
    throw new CabinetError('workdir-invalid', { en: `${work}: no such file.`, ru: `${work}: такого файла нет.` });
  }
  if (!stat) {
    const near = await nearWorkdirs(abs);
    const hint = near.length ? ` Did you mean: ${command([verb, sibling(work, near[0])])}` : '';
    const hintRu = near.length ? ` Возможно, вы имели в виду: ${command([verb, sibling(work, near[0])])}` : '';
    throw new CabinetError('workdir-invalid', {
      en: `${work}: no such folder.${hint || ' Give the working folder that merge --out-dir created.'}`,
      ru: `${work}: такой папки нет.${hintRu || ' Укажите рабочую папку, созданную merge --out-dir.'}`,
    });
  }
  if (/\.zip$/i.test(work)) {
    const stem = abs.slice(0, -4);
    const twin = (await isWorkdir(stem)) ? [stem] : await nearWorkdirs(stem);
    const typedStem = work.slice(0, -4);
    const hint = twin.length
      ? { en: `did you mean the working folder: ${command([verb, sibling(typedStem, twin[0])])}`, ru: `возможно, нужна рабочая папка: ${command([verb, sibling(typedStem, twin[0])])}` }
      : {
          en: `to check it as it is: ${command(['status', work])}; to resolve its conflicts, merge into a working folder (merge … --out-dir ${command([typedStem]).slice('cabinet-merge '.length)}) and give that folder here`,
          ru: `проверить его как есть: ${command(['status', work])}; чтобы решить его конфликты, выполните слияние в рабочую папку (merge … --out-dir ${command([typedStem]).slice('cabinet-merge '.length)}) и укажите здесь её`,
        };
    throw new CabinetError('workdir-invalid', {
      en: `${work}: this is a zip, not a working folder; ${hint.en}`,
      ru: `${work}: это zip-архив, а не рабочая папка; ${hint.ru}`,
    });
  }
  throw new CabinetError('workdir-invalid', {
    en: `${work}: this is a file, not a working folder; give the folder that merge --out-dir created`,
    ru: `${work}: это файл, а не рабочая папка; укажите папку, созданную merge --out-dir`,
  });
}

/**
 * The archive to suggest to `pack WORK -o …`: WORK.zip beside the folder, or, when that name is taken by a file
 * pack did not write from this folder (the zip of an earlier `merge -o`), WORK (2).zip, WORK (3).zip…
 */
export function freePackTarget(work: string, packed: readonly string[] = []): string {
  const stem = work.replace(/[\\/]+$/, '');
  for (let n = 1; ; n++) {
    const candidate = n === 1 ? `${stem}.zip` : `${stem} (${n}).zip`;
    if (!existsSync(candidate) || packed.includes(path.resolve(candidate))) return candidate;
  }
}
