/**
 * The baseline store (src/store/): content-addressed save/list/remove, picking the stored base that matches mine
 * among several versions, and corrupt baselines detected and never used. Every test uses its own temp store.
 */
import { existsSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { readTree } from '../../../src/archive';
import type { Tree } from '../../../src/archive/tree';
import { defaultStoreDir, resolveStoreDir } from '../../../src/store/location';
import { mineEditsIn, mineLikeness, pickBaseline, rankBaselines } from '../../../src/store/match';
import { hashTree, listBaselines, loadBaseline, removeBaseline, saveBaseline, sha256, type BaselineManifest } from '../../../src/store/store';
import { cleanTempDirs, tempDir } from '../../helpers/tmp';

const SAMPLES = path.resolve(__dirname, '../../../samples');

afterAll(cleanTempDirs);

let base: Tree;
let mine: Tree;
let theirs: Tree;
beforeAll(async () => {
  [base, mine, theirs] = await Promise.all(['base', 'mine', 'theirs'].map((s) => readTree(path.join(SAMPLES, s))));
});

/** A copy of `tree` with some files changed (an older vendor version) and optionally a wrapper folder. */
function variant(tree: Tree, change: (p: string, i: number) => boolean, wrapper = ''): Tree {
  const files = new Map(
    [...tree.files].map(([p, f], i) => {
      const bytes = change(p, i) ? new Uint8Array(Buffer.concat([Buffer.from(f.bytes), Buffer.from('\n/* older */\n')])) : f.bytes;
      return [wrapper + p, { ...f, path: wrapper + p, bytes }];
    }),
  );
  return { ...tree, files, dirs: new Set() };
}

function blobCount(store: string): number {
  const dir = path.join(store, 'blobs');
  return existsSync(dir) ? readdirSync(dir).reduce((n, d) => n + readdirSync(path.join(dir, d)).length, 0) : 0;
}

function blobFile(store: string, m: BaselineManifest, p: string): string {
  const h = m.files[p];
  return path.join(store, 'blobs', h.slice(0, 2), h);
}

test('store location: --store, then CABINET_MERGE_STORE, then the per-OS data folder', () => {
  expect(defaultStoreDir({ LOCALAPPDATA: 'C:\\Users\\a\\AppData\\Local' }, 'win32', 'C:\\Users\\a')).toBe(
    'C:\\Users\\a\\AppData\\Local\\cabinet-merge\\baselines',
  );
  expect(defaultStoreDir({ XDG_DATA_HOME: '/data' }, 'linux', '/home/a')).toBe('/data/cabinet-merge/baselines');
  expect(defaultStoreDir({ XDG_DATA_HOME: 'relative' }, 'linux', '/home/a')).toBe('/home/a/.local/share/cabinet-merge/baselines');
  expect(defaultStoreDir({}, 'darwin', '/Users/a')).toBe('/Users/a/.local/share/cabinet-merge/baselines');
  expect(resolveStoreDir('/x', { CABINET_MERGE_STORE: '/y' })).toBe('/x');
  expect(resolveStoreDir(undefined, { CABINET_MERGE_STORE: '/y' })).toBe('/y');
});

test('save is content-addressed: blobs shared across baselines, the same export stored once', async () => {
  const store = tempDir('store');
  const a = await saveBaseline(store, base, { name: 'ЖКХ 3.1.11', source: 'OLD.zip', now: new Date('2026-01-01T00:00:00Z') });
  expect(a.created).toBe(true);
  expect(a.manifest).toMatchObject({ name: 'ЖКХ 3.1.11', source: 'OLD.zip', nameEncoding: base.nameEncoding, root: '', savedAt: '2026-01-01T00:00:00.000Z' });
  expect(Object.keys(a.manifest.files).sort()).toEqual([...base.files.keys()].sort());
  const b = await saveBaseline(store, theirs, { source: 'NEW_VENDOR.zip' });
  expect(b.manifest.name).toBe('NEW_VENDOR');
  const unique = new Set([...hashTree(base).values(), ...hashTree(theirs).values()]);
  expect(blobCount(store)).toBe(unique.size);
  expect(b.blobsReused).toBeGreaterThan(0);

  const again = await saveBaseline(store, base, { name: 'again', source: 'copy.zip' });
  expect(again.created).toBe(false);
  expect(again.manifest.id).toBe(a.manifest.id);
  // the same export inside a wrapper folder is the same baseline
  const wrapped = await saveBaseline(store, variant(base, () => false, 'lk/'), { source: 'wrapped.zip' });
  expect(wrapped.manifest.id).toBe(a.manifest.id);
  expect((await listBaselines(store)).manifests.map((m) => m.name)).toEqual(['ЖКХ 3.1.11', 'NEW_VENDOR']);

  const loaded = await loadBaseline(store, a.manifest);
  expect(loaded.ok).toBe(true);
  if (loaded.ok) for (const [p, f] of base.files) expect(sha256(loaded.tree.files.get(p)!.bytes)).toBe(sha256(f.bytes));
});

test('remove deletes the manifest and only the blobs no other baseline uses', async () => {
  const store = tempDir('store');
  const a = await saveBaseline(store, base, { name: 'old', source: 'OLD.zip' });
  const b = await saveBaseline(store, theirs, { name: 'new', source: 'NEW.zip' });
  const onlyA = new Set(Object.values(a.manifest.files).filter((h) => !Object.values(b.manifest.files).includes(h)));
  const before = blobCount(store);
  const r = await removeBaseline(store, 'old');
  expect(r.blobsDeleted).toBe(onlyA.size);
  expect(blobCount(store)).toBe(before - onlyA.size);
  expect((await listBaselines(store)).manifests.map((m) => m.name)).toEqual(['new']);
  expect((await loadBaseline(store, b.manifest)).ok).toBe(true);
  await expect(removeBaseline(store, 'old')).rejects.toMatchObject({ code: 'baseline-missing' });
  // by id prefix
  await removeBaseline(store, b.manifest.id.slice(0, 6));
  expect(blobCount(store)).toBe(0);
});

test('a later merge picks the stored version mine was made from, among several', async () => {
  const store = tempDir('store');
  const older = variant(base, (_p, i) => i % 3 === 0); // 3.1.10: a third of the files differ from 3.1.11
  const unrelated = variant(base, () => true); // shares no file
  await saveBaseline(store, older, { name: '3.1.10', source: 'v10.zip', now: new Date('2025-01-01T00:00:00Z') });
  await saveBaseline(store, base, { name: '3.1.11', source: 'v11.zip', now: new Date('2025-06-01T00:00:00Z') });
  await saveBaseline(store, theirs, { name: '3.1.12', source: 'v12.zip', now: new Date('2026-01-01T00:00:00Z') });
  await saveBaseline(store, unrelated, { name: 'other product', source: 'x.zip', now: new Date('2026-02-01T00:00:00Z') });

  const ranked = rankBaselines((await listBaselines(store)).manifests, hashTree(mine)).map((m) => m.manifest.name);
  expect(ranked[0]).toBe('3.1.11');
  expect(ranked[ranked.length - 1]).toBe('other product');

  const choice = await pickBaseline(store, mine, theirs);
  expect(choice.chosen?.manifest.name).toBe('3.1.11');
  expect(choice.chosen?.identical).toBe([...hashTree(mine)].filter(([p, h]) => hashTree(base).get(p) === h).length);
  expect(choice.theirsStored?.name).toBe('3.1.12');
  expect(choice.notes).toEqual([]);
  for (const [p, f] of base.files) expect(sha256(choice.chosen!.tree.files.get(p)!.bytes)).toBe(sha256(f.bytes));
});

test('the vendor new export itself is never used as base, nor a baseline sharing too little', async () => {
  const store = tempDir('store');
  await saveBaseline(store, theirs, { name: '3.1.12', source: 'v12.zip' });
  await saveBaseline(store, variant(base, () => true), { name: 'other product', source: 'x.zip' });
  const choice = await pickBaseline(store, mine, theirs);
  expect(choice.chosen).toBeUndefined();
  expect(choice.notes.map((n) => n.en).join('\n')).toMatch(/'other product'.*shares only 0 of \d+ files/);
});

test('a stored copy of mine is never the base, though it ranks first: it is noted and the real old export used', async () => {
  const store = tempDir('store');
  await saveBaseline(store, mine, { name: 'my own export', source: 'MY.zip', now: new Date('2026-01-01T00:00:00Z') });
  await saveBaseline(store, base, { name: '3.1.11', source: 'v11.zip', now: new Date('2025-06-01T00:00:00Z') });
  const ranked = rankBaselines((await listBaselines(store)).manifests, hashTree(mine)).map((m) => m.manifest.name);
  expect(ranked[0]).toBe('my own export');
  const choice = await pickBaseline(store, mine, theirs);
  expect(choice.chosen?.manifest.name).toBe('3.1.11');
  expect(choice.notes.map((n) => n.en).join('\n')).toMatch(/'my own export'.*holds your version of all \d+ files .*copy of your own export.*not used/);

  // An old copy of mine (the admin's export of some months ago; the .js files edited since) cannot be told from a
  // real export for certain: used, with a note.
  const alone = tempDir('store');
  await saveBaseline(alone, variant(mine, (p) => p.endsWith('.js')), { name: 'old copy of mine', source: 'MY-old.zip' });
  const old = await pickBaseline(alone, mine, theirs);
  expect(old.chosen?.manifest.name).toBe('old copy of mine');
  expect(old.notes.map((n) => n.en).join('\n')).toMatch(/'old copy of mine'.*the vendor's version of none: it may be an old copy of your own export/);
});

test("mineEditsIn / mineLikeness: how much of mine's customisation an export holds", () => {
  const m = new Map([['a', '1'], ['b', '2'], ['c', '3'], ['only-mine', '4']]);
  const t = new Map([['a', '1'], ['b', 'B'], ['c', 'C']]);
  expect(mineEditsIn({ a: '1', b: '2', c: '3' }, m, t)).toEqual({ differing: 2, asMine: 2, asTheirs: 0, mineOnly: 0 });
  // a file only mine has counts when the export holds it as mine's (review 2, #3)
  expect(mineEditsIn({ a: '1', b: 'b0', c: 'c0', 'only-mine': '4' }, m, t)).toEqual({ differing: 3, asMine: 1, asTheirs: 0, mineOnly: 1 });
  expect(mineLikeness(mineEditsIn({ a: '1', b: 'b0', c: 'c0', 'only-mine': '4' }, m, t))).toBe('maybe-copy');
  expect(mineLikeness(mineEditsIn({ b: '2', c: '3', 'only-mine': '4' }, m, t))).toBe('copy');
  expect(mineLikeness(mineEditsIn({ b: '2', c: '3', 'only-mine': 'other' }, m, t))).toBe('copy'); // held differently: not counted
  expect(mineLikeness(mineEditsIn(new Map([['b', '2'], ['c', '3']]), m, t))).toBe('copy');
  expect(mineLikeness(mineEditsIn({ b: '2', c: 'c0' }, m, t))).toBe('maybe-copy');
  expect(mineLikeness(mineEditsIn({ b: '2', c: 'C' }, m, t))).toBeUndefined(); // c: only the admin changed it
  expect(mineLikeness(mineEditsIn({}, new Map([['a', '1']]), new Map([['a', '1']])))).toBeUndefined(); // nothing differs
  // the bundled samples' real old export is neither
  expect(mineLikeness(mineEditsIn(hashTree(base), hashTree(mine), hashTree(theirs)))).toBeUndefined();
});

test("a stored export holding the admin's own page is flagged as a maybe-copy, and the page is not deleted (review 2, #3)", async () => {
  const enc = (x: string) => new Uint8Array(Buffer.from(x, 'utf8'));
  const tree = (files: Record<string, string>, source: string): Tree => ({
    source,
    kind: 'folder',
    files: new Map(Object.entries(files).map(([p, x]) => [p, { path: p, bytes: enc(x), date: new Date(0) }])),
    dirs: new Set(),
    nameEncoding: 'utf8',
    root: '',
  });
  const common: Record<string, string> = {};
  for (let i = 1; i <= 6; i++) common[`f${i}.txt`] = `file ${i}\nline\n`;
  const contacts = '<h1>Контакты</h1>\n';
  const old = tree({ ...common, 'index.html': 'menu\nitem1\n', 'pages/custom/contacts.html': contacts }, 'old');
  const m = tree({ ...common, 'index.html': 'menu\nitem1\nmy item\n', 'pages/custom/contacts.html': contacts }, 'mine');
  const t = tree({ ...common, 'index.html': 'vendor top\nmenu\nitem1\n' }, 'theirs');
  expect(mineLikeness(mineEditsIn(hashTree(old), hashTree(m), hashTree(t)))).toBe('maybe-copy');
  const store = tempDir('store');
  await saveBaseline(store, old, { name: 'old-copy', source: 'old' });
  const choice = await pickBaseline(store, m, t);
  expect(choice.chosen?.manifest.name).toBe('old-copy');
  const note = choice.notes.map((n) => n.en).join('\n');
  expect(note).toContain('it may be an old copy of your own export');
  expect(note).toContain("1 of them, missing from the vendor's new export, were kept for you to check");
  expect(note).not.toContain("took the vendor's");
});

test('a corrupt baseline (altered or missing blob) is reported and never used; the next best is', async () => {
  const store = tempDir('store');
  const older = variant(base, (_p, i) => i % 3 === 0);
  const v10 = await saveBaseline(store, older, { name: '3.1.10', source: 'v10.zip' });
  const v11 = await saveBaseline(store, base, { name: '3.1.11', source: 'v11.zip' });
  // a file only 3.1.11 has (3.1.10 has its own version): alter its blob on disk
  const victim = Object.keys(v11.manifest.files).find((p) => v11.manifest.files[p] !== v10.manifest.files[p])!;
  writeFileSync(blobFile(store, v11.manifest, victim), 'bit rot');

  const loaded = await loadBaseline(store, v11.manifest);
  expect(loaded).toEqual({ ok: false, corrupt: [victim] });
  const choice = await pickBaseline(store, mine, theirs);
  expect(choice.chosen?.manifest.name).toBe('3.1.10');
  expect(choice.notes).toHaveLength(1);
  expect(choice.notes[0].en).toContain(`'3.1.11' (${v11.manifest.id}`);
  expect(choice.notes[0].en).toContain('corrupt');
  expect(choice.notes[0].ru).toContain('повреждена');

  // saving the same export again repairs it
  const again = await saveBaseline(store, base, { source: 'v11.zip' });
  expect(again).toMatchObject({ created: false, blobsWritten: 1 });
  expect((await pickBaseline(store, mine, theirs)).chosen?.manifest.name).toBe('3.1.11');

  // a missing blob, and nothing else to fall back on: no base, with the note
  const single = tempDir('store');
  const only = await saveBaseline(single, base, { name: 'only', source: 'v11.zip' });
  rmSync(blobFile(single, only.manifest, victim));
  const none = await pickBaseline(single, mine, theirs);
  expect(none.chosen).toBeUndefined();
  expect(none.notes[0].en).toMatch(/'only'.*corrupt \(1 files missing or altered/);
});

test('an unreadable manifest is a note, not a failure', async () => {
  const store = tempDir('store');
  await saveBaseline(store, base, { name: '3.1.11', source: 'v11.zip' });
  writeFileSync(path.join(store, 'baselines', 'garbage.json'), '{ not json');
  const choice = await pickBaseline(store, mine, theirs);
  expect(choice.chosen?.manifest.name).toBe('3.1.11');
  expect(choice.notes[0].en).toContain('garbage.json');
});
