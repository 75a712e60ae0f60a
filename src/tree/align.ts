/**
 * Layout alignment across the three trees, before any path is compared.
 *
 * Wrapper folders. Exports are sometimes zipped with an extra top-level folder ('lk/index.html') and sometimes
 * without. A tree's content root is found by descending through single top-level folders while no file sits at
 * the current level. When the trees' content roots differ and re-rooting every tree at its content root makes
 * more paths match across the trees, they are re-rooted (`root` records what was stripped, so theirs' layout can
 * be written back). Otherwise — the roots agree, a tree is empty, or stripping would match fewer paths — nothing
 * changes: a guess that does not line files up is not made.
 *
 * Letter case. Windows does not distinguish 'Img/Logo.png' from 'img/logo.png', and archives made on different
 * machines disagree on case. A path of mine or base whose lower-cased form matches a differently cased path of
 * theirs is renamed to theirs' spelling (or base's, when theirs has no such path), and the rename is reported.
 * Two paths of one tree that differ only in case cannot both be written on Windows; `caseClashes` finds them
 * in the output so the command can keep the second one aside.
 *
 * Unicode form. 'ёлка' may be stored as NFC ('ё' one character, Windows and most tools) or NFD ('е' + U+0308,
 * macOS); both look the same and Explorer and macOS treat them as one name. Paths are therefore compared by
 * `nameKey` — NFC, then lower case — everywhere letter case is ignored, so NFC/NFD twins are matched (and
 * clash) exactly as letter-case variants are.
 */

import type { FileEntry, Tree } from '../archive/tree';
import { printable } from '../archive/names';
import type { Wording } from './status';

export interface LayoutNote extends Wording {
  code: 'wrapper-folder' | 'case-renamed';
}

export interface Aligned {
  base?: Tree;
  mine: Tree;
  theirs: Tree;
  notes: LayoutNote[];
}

type Role = 'base' | 'mine' | 'theirs';

/** What two paths must share to be one file to Windows and macOS: the NFC form, in lower case. */
export function nameKey(p: string): string {
  return p.normalize('NFC').toLowerCase();
}

/** The wrapper prefix ('' or 'a' or 'a/b') above the tree's content. */
export function contentRoot(tree: Tree): string {
  const parts: string[] = [];
  let paths = [...tree.files.keys()];
  for (;;) {
    if (paths.length === 0 || paths.some((p) => !p.includes('/'))) break;
    const top = new Set(paths.map((p) => p.slice(0, p.indexOf('/'))));
    if (top.size !== 1) break;
    const [folder] = top;
    parts.push(folder);
    paths = paths.map((p) => p.slice(folder.length + 1));
  }
  return parts.join('/');
}

/** The same tree with `prefix/` removed from every path (prefix must be its content root). */
function reroot(tree: Tree, prefix: string): Tree {
  if (prefix === '') return tree;
  const cut = prefix.length + 1;
  const files = new Map<string, FileEntry>();
  for (const [p, f] of tree.files) files.set(p.slice(cut), { ...f, path: p.slice(cut) });
  const dirs = new Set<string>();
  const dirDates = new Map<string, Date>();
  for (const d of tree.dirs) {
    if (!d.startsWith(prefix + '/')) continue; // the wrapper folders themselves
    dirs.add(d.slice(cut));
    const date = tree.dirDates?.get(d);
    if (date) dirDates.set(d.slice(cut), date);
  }
  return { ...tree, files, dirs, dirDates, root: tree.root ? `${tree.root}/${prefix}` : prefix };
}

/** How many paths the trees share, summed over each pair, ignoring letter case. */
function overlap(trees: Tree[]): number {
  const sets = trees.map((t) => new Set([...t.files.keys()].map(nameKey)));
  let shared = 0;
  for (let i = 0; i < sets.length; i++) {
    for (let j = i + 1; j < sets.length; j++) for (const p of sets[i]) if (sets[j].has(p)) shared++;
  }
  return shared;
}

/**
 * The spelling a case-insensitive path should take: theirs' (then base's) spelling of the same file, or, for a
 * path they do not have, its folders spelled as they spell them ('LK/new.html' → 'lk/new.html' when theirs has
 * 'lk/'). Built from theirs first, so the vendor's layout wins.
 */
class Spelling {
  private readonly files = new Map<string, string>();
  /** Spellings of names that theirs or base hold twice (differing in case) within one tree. */
  private readonly ambiguous = new Set<string>();
  private readonly folders = new Map<string, string>();

  add(tree: Tree | undefined): void {
    if (!tree) return;
    const folder = (f: string) => {
      for (let d = f; d && !this.folders.has(nameKey(d)); d = parentOf(d)) this.folders.set(nameKey(d), d);
    };
    const inTree = new Map<string, string>();
    for (const p of tree.files.keys()) {
      const key = nameKey(p);
      const twin = inTree.get(key);
      if (twin !== undefined) this.ambiguous.add(twin).add(p);
      inTree.set(key, p);
      if (!this.files.has(key)) this.files.set(key, p);
      folder(parentOf(p));
    }
    for (const d of tree.dirs) folder(d);
  }

  folder(d: string): string {
    if (d === '') return '';
    const known = this.folders.get(nameKey(d));
    if (known !== undefined) return known;
    const parent = this.folder(parentOf(d));
    return parent ? `${parent}/${baseName(d)}` : baseName(d);
  }

  file(p: string): string {
    // Where theirs or base itself holds two spellings of a name, a path spelled exactly like one of them keeps its
    // spelling: it is that file, not the other.
    if (this.ambiguous.has(p)) return p;
    const known = this.files.get(nameKey(p));
    if (known !== undefined) return known;
    const parent = this.folder(parentOf(p));
    return parent ? `${parent}/${baseName(p)}` : p;
  }
}

function parentOf(p: string): string {
  const i = p.lastIndexOf('/');
  return i < 0 ? '' : p.slice(0, i);
}

function baseName(p: string): string {
  return p.slice(p.lastIndexOf('/') + 1);
}

function caseRenamed(role: Role, from: string, to: string): LayoutNote {
  const why = spellingDifference(from, to);
  return {
    code: 'case-renamed',
    en: `${role}: '${printable(from)}' matched as '${printable(to)}' (${why.en})`,
    ru: `${role}: '${printable(from)}' сопоставлен с '${printable(to)}' (${why.ru})`,
  };
}

/** How two spellings of one name (same nameKey) differ: letter case, Unicode form, or both. */
export function spellingDifference(a: string, b: string): Wording {
  if (a.normalize('NFC') === b.normalize('NFC')) {
    const form = (s: string) => (s === s.normalize('NFC') ? 'NFC' : s === s.normalize('NFD') ? 'NFD' : 'NFC/NFD');
    return {
      en: `the names differ only in Unicode form, ${form(a)} → ${form(b)} — a letter such as ё or й stored as a letter plus a mark or as one character; they look the same and Windows and macOS treat them as one name`,
      ru: `имена отличаются только формой Юникода, ${form(a)} → ${form(b)} — буква вроде ё или й записана буквой со знаком или одним символом; выглядят они одинаково, и Windows и macOS считают их одним именем`,
    };
  }
  return { en: 'the names differ only in letter case, which Windows ignores', ru: 'имена отличаются только регистром букв, Windows их не различает' };
}

/**
 * Respells paths and folders of `tree` as `spelling` does. A path whose respelling another path of the same tree
 * already takes keeps its own spelling (the two differ only in case; the output keeps the second one aside, see
 * caseClashes), so no file is ever overwritten here. One note per renamed file, or per renamed folder when only
 * the folder's spelling changed.
 */
function recase(tree: Tree, spelling: Spelling, role: Role, notes: LayoutNote[]): Tree {
  const files = new Map<string, FileEntry>();
  const pending: [string, FileEntry, string][] = [];
  for (const [p, f] of tree.files) {
    const target = spelling.file(p);
    if (target === p) files.set(p, f);
    else pending.push([p, f, target]);
  }
  const folderNotes = new Map<string, string>();
  for (const [p, f, target] of pending) {
    if (files.has(target) || tree.files.has(target)) {
      files.set(p, f);
      continue;
    }
    files.set(target, { ...f, path: target });
    if (baseName(target) === baseName(p)) folderNotes.set(parentOf(p), parentOf(target));
    else notes.push(caseRenamed(role, p, target));
  }
  const dirs = new Set<string>();
  const dirDates = new Map<string, Date>();
  for (const d of tree.dirs) {
    const target = spelling.folder(d);
    if (target !== d) folderNotes.set(d, target);
    dirs.add(target);
    const date = tree.dirDates?.get(d);
    if (date) dirDates.set(target, date);
  }
  for (const [from, to] of folderNotes) notes.push(caseRenamed(role, `${from}/`, `${to}/`));
  return pending.length || folderNotes.size ? { ...tree, files, dirs, dirDates } : tree;
}

export function alignTrees(trees: { base?: Tree; mine: Tree; theirs: Tree }): Aligned {
  const notes: LayoutNote[] = [];
  const roles: Role[] = trees.base ? ['base', 'mine', 'theirs'] : ['mine', 'theirs'];
  const roots = new Map(roles.map((r) => [r, contentRoot(trees[r]!)]));
  const aligned: Record<Role, Tree | undefined> = { base: trees.base, mine: trees.mine, theirs: trees.theirs };
  const rerooted = new Map(roles.map((r) => [r, reroot(trees[r]!, roots.get(r)!)]));
  // Compared ignoring letter case: 'LK/' and 'lk/' are the same folder to Windows.
  const rootsDiffer = new Set([...roots.values()].map(nameKey)).size > 1;
  if (rootsDiffer && overlap([...rerooted.values()]) > overlap(roles.map((r) => trees[r]!))) {
    for (const r of roles) {
      const prefix = roots.get(r)!;
      if (prefix === '') continue;
      aligned[r] = rerooted.get(r);
      notes.push({
        code: 'wrapper-folder',
        en: `${r}: everything was inside the folder '${prefix}/'; matched without it${r === 'theirs' ? ' (the merged archive keeps it, as in theirs)' : ''}`,
        ru: `${r}: всё содержимое лежало в папке '${prefix}/'; сопоставлено без неё${r === 'theirs' ? ' (в результате папка сохранена, как у поставщика)' : ''}`,
      });
    }
  }

  // Theirs' spelling wins, then base's; mine follows.
  const spelling = new Spelling();
  spelling.add(aligned.theirs);
  spelling.add(aligned.base);
  for (const r of ['base', 'mine'] as const) {
    const t = aligned[r];
    if (t) aligned[r] = recase(t, spelling, r, notes);
  }
  return { base: aligned.base, mine: aligned.mine!, theirs: aligned.theirs!, notes };
}

/**
 * Output paths that clash on a case-insensitive file system with an earlier path (in the order given: letter case
 * or Unicode form, see nameKey), each mapped to that earlier path, so the caller can keep them aside instead of
 * writing two entries Windows would merge into one.
 */
export function caseClashes(paths: readonly string[]): Map<string, string> {
  const seen = new Map<string, string>();
  const clashes = new Map<string, string>();
  for (const p of paths) {
    const key = nameKey(p);
    const earlier = seen.get(key);
    if (earlier !== undefined) clashes.set(p, earlier);
    else seen.set(key, p);
  }
  return clashes;
}
