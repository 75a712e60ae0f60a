/**
 * The built CLI for issue 7: merging two archives without a base, `baseline save|list|remove`, a later merge that
 * takes its base from the store, a corrupt store entry, --no-store, --base-from and --save-baseline. Every run gets
 * CABINET_MERGE_STORE pointing at a temp folder, so the user's real store is never touched.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { readTree } from '../../src/archive';
import type { Report } from '../../src/report/model';
import { runCli, type CliResult } from '../helpers/cli';
import { cleanTempDirs, tempDir } from '../helpers/tmp';

const SAMPLES = path.resolve(__dirname, '../../samples');
const S = (side: string) => path.join(SAMPLES, side);

afterAll(cleanTempDirs);

function cli(store: string, args: string[]): CliResult {
  return runCli(args, { env: { CABINET_MERGE_STORE: store } });
}

function report(file: string): Report {
  return JSON.parse(readFileSync(file, 'utf8')) as Report;
}

/** path → SHA-256 of the content, with the base marker label (which names where the base came from) blanked. */
async function files(zip: string): Promise<Map<string, string>> {
  const t = await readTree(zip);
  const label = /^\|{7} base \(.*\)$/gm;
  return new Map(
    [...t.files].map(([p, f]) => [p, createHash('sha256').update(Buffer.from(f.bytes).toString('latin1').replace(label, '|||||||')).digest('hex')]),
  );
}

test('two archives, no store: two-way blocks, exit 1, advice and reminder; positional and flag forms agree', async () => {
  const store = path.join(tempDir('store'), 'none-yet');
  const out = tempDir('out');
  const r = cli(store, ['merge', S('mine'), S('theirs'), '-o', path.join(out, 'a.zip'), '--report', path.join(out, 'a.json')]);
  expect(r.stderr).toBe('');
  expect(r.status).toBe(1);
  expect(r.stdout).toContain('only in your export: your addition or a file the vendor removed — check');
  expect(r.stdout).toContain('A base would have decided most of these');
  // The real path, quoted only where the shell needs it (a plain path here), and no placeholder name.
  expect(r.stdout).toContain(`cabinet-merge baseline save ${S("theirs")} (`);
  const rep = report(path.join(out, 'a.json'));
  expect(rep.base).toMatchObject({ source: 'none', notes: [] });
  expect(rep.base!.undecidedWithoutBase).toBe(rep.totals.needsAttention);
  expect(rep.base!.advice!.ru).toContain('База решила бы');
  expect(rep.inputs.base).toBeNull();
  const css = (await readTree(path.join(out, 'a.zip'))).files.get('css/main.css')!;
  const text = Buffer.from(css.bytes).toString('utf8');
  expect(text).toMatch(/^<<<<<<< mine \(mine\)\r?$/m);
  expect(text).toMatch(/^>>>>>>> theirs \(theirs\)\r?$/m);
  expect(text).not.toContain('|||||||');
  expect(readdirSync(path.join(out, 'a.conflicts', 'mine', 'img')).sort()).toEqual(['banner.jpg', 'logo.png']);

  const f = cli(store, ['merge', '--mine', S('mine'), '--theirs', S('theirs'), '-o', path.join(out, 'b.zip')]);
  expect(f.status).toBe(1);
  expect(await files(path.join(out, 'b.zip'))).toEqual(await files(path.join(out, 'a.zip')));

  const ru = cli(store, ['merge', S('mine'), S('theirs'), '-o', path.join(out, 'c.zip'), '--lang', 'ru']);
  expect(ru.stdout).toContain('есть только в вашей выгрузке');
  expect(ru.stdout).toContain('Без базы');
});

test('baseline save/list/remove, then a merge takes its base from the store; a corrupt entry is skipped', async () => {
  const store = tempDir('store');
  const out = tempDir('out');

  const s1 = cli(store, ['baseline', 'save', S('base'), '--name', 'ЖКХ 3.1.11']);
  expect(s1.stderr).toBe('');
  expect(s1.status).toBe(0);
  expect(s1.stdout).toMatch(/Saved baseline 'ЖКХ 3.1.11' \([0-9a-f]{12}\): 30 files/);
  const again = cli(store, ['baseline', 'save', S('base')]);
  expect(again.stdout).toContain("already stored as baseline 'ЖКХ 3.1.11'");
  expect(cli(store, ['baseline', 'save', S('theirs'), '--name', 'ЖКХ 3.1.12']).status).toBe(0);
  const list = cli(store, ['baseline', 'list', '--json']);
  const listed = JSON.parse(list.stdout) as { baselines: { id: string; name: string }[] };
  expect(listed.baselines.map((b) => b.name)).toEqual(['ЖКХ 3.1.11', 'ЖКХ 3.1.12']);
  expect(cli(store, ['baseline', 'list']).stdout).toContain('ЖКХ 3.1.12');

  // A later merge without --base: the store supplies 3.1.11, and the result is the three-way one.
  const m = cli(store, ['merge', S('mine'), S('theirs'), '-o', path.join(out, 'store.zip'), '--report', path.join(out, 'store.json')]);
  expect(m.stderr).toBe('');
  expect(m.stdout).toMatch(/Base: the stored baseline 'ЖКХ 3\.1\.11' \([0-9a-f]{12}, saved .*\); 16 of 30 files of your export are identical to it\./);
  expect(m.stdout).not.toContain('Next time');
  const rep = report(path.join(out, 'store.json'));
  expect(rep.base).toMatchObject({ source: 'store', baseline: { name: 'ЖКХ 3.1.11', identicalFiles: 16, mineFiles: 30 }, undecidedWithoutBase: 0 });
  expect(rep.base!.theirsBaseline).toMatchObject({ name: 'ЖКХ 3.1.12', savedNow: false });
  const given = cli(store, ['merge', S('base'), S('mine'), S('theirs'), '-o', path.join(out, 'given.zip'), '--no-store']);
  expect(given.status).toBe(m.status);
  // A stored vendor export that does not look like a copy of mine is trusted like --base: the same result, the
  // vendor's removal of js/old-polyfills.js included (a possible copy of mine keeps such files: see review 2, #3).
  expect(await files(path.join(out, 'store.zip'))).toEqual(await files(path.join(out, 'given.zip')));
  expect(rep.files.find((f) => f.path === 'js/old-polyfills.js')).toMatchObject({
    status: 'deleted-theirs',
    keptAside: [{ as: 'removed', path: path.join('store.conflicts', 'removed', 'js', 'old-polyfills.js') }],
  });
  expect(readFileSync(path.join(out, 'store.conflicts', 'removed', 'js', 'old-polyfills.js'))).toEqual(readFileSync(path.join(S('mine'), 'js', 'old-polyfills.js')));
  expect(rep.base!.baseEqualsMine ?? []).toEqual([]);
  const text = Buffer.from((await readTree(path.join(out, 'store.zip'))).files.get('css/theme.css')!.bytes).toString();
  expect(text).toContain("||||||| base (baseline 'ЖКХ 3.1.11')");

  // Corrupt one blob of 3.1.11: detected, reported, not used; 3.1.12 is theirs itself, so no base at all.
  const id = listed.baselines[0].id;
  const manifest = JSON.parse(readFileSync(path.join(store, 'baselines', `${id}.json`), 'utf8')) as { files: Record<string, string> };
  const hash = manifest.files['index.html'];
  writeFileSync(path.join(store, 'blobs', hash.slice(0, 2), hash), 'tampered');
  const c = cli(store, ['merge', S('mine'), S('theirs'), '-o', path.join(out, 'corrupt.zip'), '--report', path.join(out, 'corrupt.json')]);
  expect(c.status).toBe(1);
  expect(c.stdout).toContain(`stored baseline 'ЖКХ 3.1.11' (${id}`);
  expect(c.stdout).toContain('is corrupt (1 files missing or altered: index.html); not used');
  const crep = report(path.join(out, 'corrupt.json'));
  expect(crep.base!.source).toBe('none');
  expect(crep.base!.notes).toHaveLength(1);

  // --no-store: the store is not consulted at all.
  const n = cli(store, ['merge', S('mine'), S('theirs'), '-o', path.join(out, 'nostore.zip'), '--no-store', '--json']);
  expect((JSON.parse(n.stdout) as Report).base).toMatchObject({ source: 'none', notes: [] });

  // remove by name; an unknown name is an error (exit 2) that says what to do.
  const rm = cli(store, ['baseline', 'remove', 'ЖКХ 3.1.11']);
  expect(rm.status).toBe(0);
  expect(rm.stdout).toContain("Removed baseline 'ЖКХ 3.1.11'");
  const missing = cli(store, ['baseline', 'remove', 'ЖКХ 3.1.11']);
  expect(missing.status).toBe(2);
  expect(missing.stderr).toContain('baseline list');
  expect(cli(store, ['baseline', 'list']).stdout).not.toContain('3.1.11');
});

test('--base-from picks per file and reports it; --save-baseline stores theirs in the same run', async () => {
  const store = tempDir('store');
  const out = tempDir('out');
  const r = cli(store, [
    'merge', S('mine'), S('theirs'), '-o', path.join(out, 'm.zip'), '--report', path.join(out, 'm.json'),
    '--base-from', `${S('theirs')},${S('base')}`, '--save-baseline', '--baseline-name', 'ЖКХ 3.1.12',
  ]);
  expect(r.stderr).toBe('');
  const rep = report(path.join(out, 'm.json'));
  expect(rep.base!.source).toBe('candidates');
  const fromBase = rep.files.filter((f) => f.baseFrom === S('base')).map((f) => f.path);
  expect(fromBase).toContain('index.html');
  // theirs given as a candidate is left out (with it as base every vendor change would be undone)
  const counts = Object.fromEntries(rep.base!.candidates!.map((c) => [c.path, c.files]));
  expect(counts).toEqual({ [S('theirs')]: 0, [S('base')]: fromBase.length });
  expect(r.stdout).toContain(`--base-from ${S('theirs')} is the vendor's new export itself; not used as a base`);
  // files the admin never changed: the real base equals mine, the vendor's version is taken and each is listed
  const equal = rep.files.filter((f) => f.notes?.some((n) => n.code === 'base-equals-mine')).map((f) => f.path);
  expect(equal.length).toBeGreaterThan(0);
  expect(rep.base!.baseEqualsMine).toEqual(equal);
  // theirs changed it: its changes taken; theirs lacks it: kept for the admin (it may be their own page), not deleted
  for (const p of equal) expect(rep.files.find((f) => f.path === p)!.status).toMatch(/^(theirs|only-mine)$/);
  expect(rep.files.find((f) => f.path === 'js/old-polyfills.js')).toMatchObject({ status: 'only-mine', notes: [{ code: 'base-equals-mine' }] });
  expect(r.stdout).toMatch(/\d+ files took the vendor's changes because the only base found for them equals your version/);
  expect(r.stdout).toContain('Base: chosen per file among the --base-from candidates');
  expect(rep.base!.theirsBaseline).toMatchObject({ name: 'ЖКХ 3.1.12', savedNow: true });
  expect(r.stdout).toContain("Saved the vendor's new export as baseline 'ЖКХ 3.1.12'");
  expect(cli(store, ['baseline', 'list']).stdout).toContain('ЖКХ 3.1.12');

  const both = cli(store, ['merge', S('base'), S('mine'), S('theirs'), '-o', path.join(out, 'x.zip'), '--base-from', S('base')]);
  expect(both.status).toBe(2);
});

/** Writes `files` (path → text) into a new folder `name` under `dir`. */
function folder(dir: string, name: string, files: Record<string, string>): string {
  const root = path.join(dir, name);
  for (const [p, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, p)), { recursive: true });
    writeFileSync(path.join(root, p), text);
  }
  return root;
}

test("--base-from with an old copy of mine among the candidates: the admin's edit is not dropped (review A1)", () => {
  const store = tempDir('store');
  const dir = tempDir('a1');
  const old = folder(dir, 'old', { 'a.css': 'title\ncolor: red;\nfooter\n', 'b.css': 'b\n' });
  const oldmine = folder(dir, 'oldmine', { 'a.css': 'title\ncolor: GREEN;\nfooter\n', 'b.css': 'b\n' });
  const m = folder(dir, 'm', { 'a.css': 'title\ncolor: GREEN;\nfooter\n', 'b.css': 'b\n' });
  const t = folder(dir, 't', { 'a.css': 'title v2\ncolor: red;\nfooter\n', 'b.css': 'b v2\n' });
  const out = path.join(dir, 'out.zip');
  const json = path.join(dir, 'r.json');
  const r = cli(store, ['merge', '--mine', m, '--theirs', t, '--base-from', `${old},${oldmine}`, '-o', out, '--report', json, '--granularity', 'lines']);
  expect(r.stderr).toBe('');
  expect(r.status).toBe(1); // a.css: both changed adjacent lines — at --granularity lines a conflict, as git; GREEN in it
  const rep = report(json);
  const a = rep.files.find((f) => f.path === 'a.css')!;
  expect(a).toMatchObject({ status: 'conflict', baseFrom: old });
  expect(a.notes ?? []).toEqual([]);
  // oldmine holds mine's version of every differing file: a copy of mine, not used at all (review 2, #2)
  expect(rep.base!.notes.map((n) => n.en).join('\n')).toContain(`--base-from ${oldmine} holds your version of every file`);
  expect(r.stdout).toContain(`it looks like a copy of your own export, not the vendor's old one, and as base it would replace each of your customisations with the vendor's file; not used.`);
  expect(rep.base!.candidates).toEqual([{ path: old, files: 1 }, { path: oldmine, files: 0 }]);
  // old holds mine's b.css and theirs' of nothing: it may be a copy of mine, so it is no base where it equals
  // mine — b.css is merged without a base, every difference left to the admin
  expect(r.stdout).toContain(`--base-from ${old} holds your version of some files`);
  const b = rep.files.find((f) => f.path === 'b.css')!;
  expect(b).toMatchObject({ status: 'differs' });
  expect(b.baseFrom).toBeUndefined();
  expect(rep.base!.baseEqualsMine).toBeUndefined();
});

test("--base-from a copy of mine: not used, so no customisation is replaced by the vendor's file (review 2, #2)", async () => {
  const dir = tempDir('copy');
  const { r, rep, text } = await mergeIn(tempDir('store'), dir, [S('mine'), S('theirs'), '--base-from', S('mine')]);
  expect(r.status).toBe(1);
  expect(r.stdout).toContain(`--base-from ${S('mine')} holds your version of every file`);
  expect(rep.base!.candidates).toEqual([{ path: S('mine'), files: 0 }]);
  expect(rep.files.filter((f) => f.baseFrom !== undefined)).toEqual([]);
  expect(rep.base!.baseEqualsMine).toBeUndefined();
  // as with no base at all: the admin's lines are in two-way blocks, not replaced by the vendor's file
  const mineCss = Buffer.from((await readTree(S('mine'))).files.get('css/main.css')!.bytes).toString('utf8');
  expect(text('css/main.css')).not.toBe(mineCss);
  expect(rep.files.find((f) => f.path === 'css/main.css')!.status).toBe('differs');
});

/** Runs a merge of folders `m` and `t` in `dir` with extra args; returns the CLI result, the report and the zip. */
async function mergeIn(store: string, dir: string, args: string[]) {
  const out = path.join(dir, 'out.zip');
  const json = path.join(dir, 'r.json');
  const r = cli(store, ['merge', ...args, '-o', out, '--report', json]);
  expect(r.stderr).toBe('');
  const rep = report(json);
  const zip = await readTree(out);
  const file = (p: string) => rep.files.find((f) => f.path === p)!;
  const text = (p: string) => {
    const f = zip.files.get(p);
    return f && Buffer.from(f.bytes).toString('utf8');
  };
  return { r, rep, file, text };
}

describe('review 2, #1: a --base-from base equal to mine', () => {
  const contacts = '<h1>Наши контакты</h1>\n';

  test("the admin's own page, held by a copy of mine, is kept, not deleted; exit 1", async () => {
    const dir = tempDir('s8');
    const m = folder(dir, 'mine', { 'index.html': 'menu\nitem1\n', 'pages/custom/contacts.html': contacts });
    const t = folder(dir, 'theirs', { 'index.html': 'menu\nitem1\nitem2\n' });
    const old = folder(dir, 'old', { 'index.html': 'menu\nitem1\n', 'pages/custom/contacts.html': contacts });
    const { r, rep, file, text } = await mergeIn(tempDir('store'), dir, [m, t, '--base-from', old]);
    expect(r.status).toBe(1);
    expect(rep.result).toBe('conflicts');
    expect(r.stdout).not.toContain('ready to import');
    expect(text('pages/custom/contacts.html')).toBe(contacts);
    expect(file('pages/custom/contacts.html').status).toBe('only-mine');
  });

  test('a candidate that is not a copy: the page is kept and flagged, and the summary says why', async () => {
    const dir = tempDir('s8b');
    const m = folder(dir, 'mine', { 'index.html': 'menu\nitem1\n', 'pages/custom/contacts.html': contacts, 'f.txt': 'a mine\n' });
    const t = folder(dir, 'theirs', { 'index.html': 'menu\nitem1\nitem2\n', 'f.txt': 'a\n' });
    const old = folder(dir, 'old', { 'index.html': 'menu\nitem1\n', 'pages/custom/contacts.html': contacts, 'f.txt': 'a\n' });
    const { r, rep, file, text } = await mergeIn(tempDir('store'), dir, [m, t, '--base-from', old]);
    expect(r.status).toBe(1);
    expect(text('pages/custom/contacts.html')).toBe(contacts);
    expect(file('pages/custom/contacts.html')).toMatchObject({ status: 'only-mine', notes: [{ code: 'base-equals-mine' }] });
    expect(file('index.html')).toMatchObject({ status: 'theirs', baseFrom: old, notes: [{ code: 'base-equals-mine' }] });
    expect(file('f.txt')).toMatchObject({ status: 'mine', baseFrom: old });
    expect(rep.base!.baseEqualsMine).toEqual(['index.html', 'pages/custom/contacts.html']);
    expect(r.stdout).toContain('pages/custom/contacts.html: only in your export');
    expect(r.stdout).toContain("1 file took the vendor's changes because the only base found for it equals your version");
  });

  test('files merged against a base equal to mine make the run one to review (exit 1), not clean', async () => {
    const dir = tempDir('s8c');
    const m = folder(dir, 'mine', { 'a.css': 'x\n', 'f.txt': 'a mine\n' });
    const t = folder(dir, 'theirs', { 'a.css': 'x v2\n', 'f.txt': 'a\n' });
    const old = folder(dir, 'old', { 'a.css': 'x\n', 'f.txt': 'a\n' });
    const { r, rep } = await mergeIn(tempDir('store'), dir, [m, t, '--base-from', old]);
    expect(rep).toMatchObject({ result: 'review', exitCode: 1, totals: { needsAttention: 0 } });
    expect(r.status).toBe(1);
    expect(r.stdout).toContain('No conflicts left, but 1 file was merged against a base equal to your version');
    expect(r.stdout).not.toContain('ready to import');
  });
});

test("a stored copy of the admin's export does not delete the admin's own page (review 2, #3)", async () => {
  const store = tempDir('store');
  const dir = tempDir('s12');
  const common: Record<string, string> = {};
  for (let i = 1; i <= 6; i++) common[`f${i}.txt`] = `file ${i}\nline\n`;
  const contacts = '<h1>Контакты</h1>\n';
  const old = folder(dir, 'old', { ...common, 'index.html': 'menu\nitem1\n', 'pages/custom/contacts.html': contacts });
  const m = folder(dir, 'mine', { ...common, 'index.html': 'menu\nitem1\nmy item\n', 'pages/custom/contacts.html': contacts });
  const t = folder(dir, 'theirs', { ...common, 'index.html': 'vendor top\nmenu\nitem1\n' });
  expect(cli(store, ['baseline', 'save', old, '--name', 'old-copy']).status).toBe(0);
  const { r, rep, file, text } = await mergeIn(store, dir, [m, t]);
  expect(rep.base!.source).toBe('store');
  expect(r.status).toBe(1);
  expect(r.stdout).not.toContain('ready to import');
  expect(text('pages/custom/contacts.html')).toBe(contacts);
  // The baseline is only a candidate that is never the base where it equals mine: the page is merged without a
  // base, as a file only the admin has (kept, needs the admin).
  expect(file('pages/custom/contacts.html')).toMatchObject({ status: 'only-mine' });
  expect(file('index.html').status).toBe('merged');
  expect(r.stdout).toContain("stored baseline 'old-copy'");
  expect(r.stdout).toContain('it may be an old copy of your own export');
  expect(r.stdout).toContain('pages/custom/contacts.html: only in your export');
});

test('two archives with --prefer: differing binary files stay conflicts, and the summary says why (review 2, #4)', async () => {
  const dir = tempDir('prefer');
  const { r, rep, file } = await mergeIn(tempDir('store'), dir, [S('mine'), S('theirs'), '--prefer', 'mine']);
  expect(r.status).toBe(1);
  expect(rep.totals.byStatus['binary-preferred']).toBeUndefined();
  for (const p of ['img/logo.png', 'img/banner.jpg']) {
    expect(file(p)).toMatchObject({ status: 'differs-binary', conflict: 'no-base', notes: [{ code: 'prefer-needs-base' }] });
  }
  expect(readdirSync(path.join(dir, 'out.conflicts', 'mine', 'img')).sort()).toEqual(['banner.jpg', 'logo.png']);
  expect(r.stdout).toContain('--prefer needs a base: without one nobody can tell who changed a binary file, so it was not applied to 2 files');
  expect(rep.base!.notes.map((n) => n.en).join('\n')).toContain('--prefer needs a base');
  expect(r.stdout).not.toContain('settled by --prefer');
});

test("two archives with rules: 'mine'/'theirs'/'union' not applied, said so; 'binary' applied (review 2, #5)", async () => {
  const dir = tempDir('rules');
  const rules = path.join(dir, 'rules.json');
  writeFileSync(
    rules,
    JSON.stringify({ rules: [{ pattern: 'css/**', strategy: 'mine' }, { pattern: 'locales/*.json', strategy: 'union' }, { pattern: 'js/**', strategy: 'binary' }] }),
  );
  const { r, rep, file } = await mergeIn(tempDir('store'), dir, [S('mine'), S('theirs'), '--rules', rules]);
  expect(r.status).toBe(1);
  for (const p of ['css/main.css', 'css/theme.css', 'locales/en.json', 'locales/ru.json']) {
    expect(file(p)).toMatchObject({ status: 'differs', notes: [{ code: 'rule-needs-base' }] });
    expect(file(p).rule).toBeUndefined();
  }
  for (const p of ['js/api.js', 'js/app.js', 'js/lib/widgets.js']) {
    expect(file(p)).toMatchObject({ status: 'differs-binary', conflict: 'no-base', rule: { pattern: 'js/**', strategy: 'binary' } });
  }
  expect(readdirSync(path.join(dir, 'out.conflicts', 'mine', 'js')).sort()).toEqual(['api.js', 'app.js', 'lib']);
  expect(r.stdout).toContain("Rules need a base: the rules for one side's lines (mine, theirs, union) were not applied to 4 files");
  expect(rep.base!.notes.map((n) => n.en).join('\n')).toContain('Rules need a base');
});
