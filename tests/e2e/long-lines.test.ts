/**
 * Long-line merging on a real front-end build (../shared/1c-templates, read in place, never copied): an older
 * version of a template is the base, the next one theirs, and the older one with an admin's small edits inside the
 * 966 KB one-line app.js is mine. Run through the built CLI at --granularity lines (git's merge) and at the
 * default; the conflict characters (the report's `chars` of every block) must fall by at least 99% and no edit of
 * either side may be lost.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import JSZip from 'jszip';
import { runCli } from '../helpers/cli';
import { cleanTempDirs, tempDir } from '../helpers/tmp';

const SHARED = path.resolve(__dirname, '../../../shared/1c-templates');
const BASE = path.join(SHARED, 'b93296e7a5b71217886b3b9272e72d78d82eb0bf-f4cda2f24824.zip');
const THEIRS = path.join(SHARED, '0c17b2faa1a70978a8ccb5881677b64a17a74d0a-f4cda2f24824.zip');

afterAll(cleanTempDirs);

async function read(zip: string | Buffer, name: string): Promise<string> {
  const z = await JSZip.loadAsync(typeof zip === 'string' ? readFileSync(zip) : zip);
  return z.file(name)!.async('string');
}

/** Inserts `what` right after the first occurrence of `anchor` (which must be unique). */
function insertAfter(text: string, anchor: string, what: string): string {
  const at = text.indexOf(anchor);
  expect(at).toBeGreaterThanOrEqual(0);
  expect(text.indexOf(anchor, at + 1)).toBe(-1);
  return text.slice(0, at + anchor.length) + what + text.slice(at + anchor.length);
}

interface Run {
  status: number | null;
  chars: number;
  blocks: number;
  app: string;
  level?: string;
}

async function merge(dir: string, mine: string, granularity: string): Promise<Run> {
  const out = path.join(dir, `out-${granularity}.zip`);
  const report = path.join(dir, `report-${granularity}.json`);
  const r = runCli(['merge', '--base', BASE, '--mine', mine, '--theirs', THEIRS, '-o', out, '--report', report, '--granularity', granularity, '--force']);
  expect(r.stderr).toBe('');
  const rep = JSON.parse(readFileSync(report, 'utf8'));
  const f = rep.files.find((x: { path: string }) => x.path === 'app.js');
  const blocks: { chars: number }[] = f.conflicts ?? [];
  return { status: r.status, chars: blocks.reduce((s, c) => s + c.chars, 0), blocks: blocks.length, app: await read(readFileSync(out), 'app.js'), level: f.level };
}

test('edits inside a 966 KB minified line: clean where they do not overlap, a small block where they do', async () => {
  const base = await read(BASE, 'app.js');
  const theirs = await read(THEIRS, 'app.js');
  expect(base.length).toBeGreaterThan(900_000);
  const far = 'e.prototype.getColorAsRgba=function(e){';
  const near = 'value:function(){this.manager&&this.manager.close((function(){';
  const farEdit = 'if(window.__cabinetAdmin)console.info("admin");';
  const nearEdit = 'window.__cabinetClosing=!0;';
  const dir = tempDir('long-lines');

  // 1. An edit far from the vendor's change: clean, both present, exactly where each side put them.
  const mineFar = insertAfter(base, far, farEdit);
  const z = await JSZip.loadAsync(readFileSync(BASE));
  z.file('app.js', mineFar);
  const mineFarZip = path.join(dir, 'mine-far.zip');
  writeFileSync(mineFarZip, await z.generateAsync({ type: 'nodebuffer' }));
  const linesFar = await merge(dir, mineFarZip, 'lines');
  const autoFar = await merge(dir, mineFarZip, 'auto');
  expect(linesFar.blocks).toBe(1);
  expect(linesFar.chars).toBeGreaterThan(1_900_000);
  expect(autoFar).toMatchObject({ status: 0, blocks: 0, chars: 0, level: 'tokens' });
  expect(autoFar.app).toBe(insertAfter(theirs, far, farEdit));

  // 2. Plus an edit where the vendor changed the same spot: one block of a few tokens, cut at ';' / ',' / '{' / '}'.
  const mineBoth = insertAfter(mineFar, near, nearEdit);
  z.file('app.js', mineBoth);
  const mineBothZip = path.join(dir, 'mine-both.zip');
  writeFileSync(mineBothZip, await z.generateAsync({ type: 'nodebuffer' }));
  const linesBoth = await merge(dir, mineBothZip, 'lines');
  const autoBoth = await merge(dir, mineBothZip, 'auto');
  expect(autoBoth.status).toBe(1);
  expect(autoBoth.blocks).toBe(1);
  expect(autoBoth.chars).toBeLessThan(linesBoth.chars / 100);
  const block = /\n<<<<<<< [^\n]*\n([^\n]*)\n\|\|\|\|\|\|\| [^\n]*\n[^\n]*\n=======\n([^\n]*)\n>>>>>>> [^\n]*\n/.exec(autoBoth.app);
  expect(block).not.toBeNull();
  expect(block![1]).toContain(nearEdit);
  // Keeping mine's side (and taking out the two breaks, which follow ';' / '{' where they mean nothing) gives
  // theirs with both of the admin's edits; keeping theirs' side gives theirs with the far edit.
  const keptTheirs = autoBoth.app.replace(block![0], block![2]).replace(/\n/g, '');
  expect(keptTheirs).toBe(insertAfter(theirs, far, farEdit).replace(/\n/g, ''));
  expect(autoBoth.app).toContain(farEdit);
}, 60_000);

/**
 * The 15 MB single-file index.html of a real vite build (../shared/1c-templates, 2025-03-24 version of template
 * 3466260f5f59), whose inline module script is lines of up to megabytes, each starting inside a template literal,
 * in CRLF markup. Its consecutive real versions rewrite the whole bundle (a new build renames every identifier), so
 * the vendor's change here is ours: both sides insert a statement at the start of one function (an overlap) inside
 * a 245 KB line of the script, and each adds one far from it.
 */
test('an overlap inside the megabyte inline script of a real index.html: one small block, both keeps exact', async () => {
  const zip = path.join(SHARED, 'b3b99c4bbdcc0af96e185ec98b08bbd7fe9be095-3466260f5f59.zip');
  const base = await read(zip, 'index.html');
  expect(base.length).toBeGreaterThan(10_000_000);
  const spot = 'function Lt(r,e){';
  const mineFar = 'function bW(r,e){';
  const theirsFar = 'function CW(r,e){';
  const mine = insertAfter(insertAfter(base, spot, 'window.__mine=1;'), mineFar, 'console.info("admin");');
  const theirs = insertAfter(insertAfter(base, spot, 'window.__vendor=2;'), theirsFar, 'if(!r)return;');
  const dir = tempDir('long-lines-html');
  for (const [side, text] of [['base', base], ['mine', mine], ['theirs', theirs]] as const) {
    mkdirSync(path.join(dir, side));
    writeFileSync(path.join(dir, side, 'index.html'), text);
  }
  const runOne = async (granularity: string) => {
    const out = path.join(dir, `out-${granularity}.zip`);
    const report = path.join(dir, `report-${granularity}.json`);
    const r = runCli(['merge', '--base', path.join(dir, 'base'), '--mine', path.join(dir, 'mine'), '--theirs', path.join(dir, 'theirs'), '-o', out, '--report', report, '--granularity', granularity, '--force']);
    expect(r.stderr).toBe('');
    const f = JSON.parse(readFileSync(report, 'utf8')).files.find((x: { path: string }) => x.path === 'index.html');
    const blocks: { chars: number }[] = f.conflicts ?? [];
    return { status: r.status, level: f.level, blocks: blocks.length, chars: blocks.reduce((s, c) => s + c.chars, 0), text: await read(readFileSync(out), 'index.html') };
  };
  const lines = await runOne('lines');
  const auto = await runOne('auto');
  expect(lines.blocks).toBe(1);
  expect(lines.chars).toBeGreaterThan(400_000);
  expect(auto).toMatchObject({ status: 1, level: 'tokens', blocks: 1 });
  expect(auto.chars).toBeLessThan(200);
  // Keeping a side (and joining the lines the block cut, after JS safe tokens) gives exactly that side's merge
  // (the CLI's default style is diff3: the block carries base's text too).
  const keep = (side: 'mine' | 'theirs') =>
    auto.text.replace(/\r?\n<<<<<<< [^\n]*\n([\s\S]*?)\r?\n(?:\|{7} [^\n]*\n[\s\S]*?\r?\n)?=======\r?\n([\s\S]*?)\r?\n>>>>>>> [^\n]*\n/, (_m, a: string, b: string) => (side === 'mine' ? a : b));
  // (Compared as booleans: a failing toBe would print 15 MB.)
  expect(keep('theirs') === insertAfter(theirs, mineFar, 'console.info("admin");')).toBe(true);
  expect(keep('mine') === insertAfter(mine, theirsFar, 'if(!r)return;')).toBe(true);
}, 120_000);

/** Writes base/mine/theirs folders holding one file `name` and merges them through the CLI at `granularity`. */
async function mergeFolders(dir: string, name: string, texts: { base: string; mine: string; theirs: string }, granularity: string) {
  for (const side of ['base', 'mine', 'theirs'] as const) {
    mkdirSync(path.join(dir, side), { recursive: true });
    writeFileSync(path.join(dir, side, name), texts[side], 'latin1');
  }
  const out = path.join(dir, `out-${granularity}.zip`);
  const report = path.join(dir, `report-${granularity}.json`);
  const r = runCli(['merge', '--base', path.join(dir, 'base'), '--mine', path.join(dir, 'mine'), '--theirs', path.join(dir, 'theirs'), '-o', out, '--report', report, '--granularity', granularity, '--force']);
  expect(r.stderr).toBe('');
  const f = JSON.parse(readFileSync(report, 'utf8')).files.find((x: { path: string }) => x.path === name);
  const blocks: { chars: number }[] = f.conflicts ?? [];
  const z = await JSZip.loadAsync(readFileSync(out));
  const text = Buffer.from(await z.file(name)!.async('uint8array')).toString('latin1');
  return { status: r.status, level: f.level, blocks: blocks.length, chars: blocks.reduce((s, c) => s + c.chars, 0), text };
}

/** A real file of a template version, as latin1 (byte for byte). */
async function realFile(zip: string, name: RegExp): Promise<string> {
  const z = await JSZip.loadAsync(readFileSync(path.join(SHARED, zip)));
  const f = Object.keys(z.files).find((n) => name.test(n));
  expect(f).toBeDefined();
  return Buffer.from(await z.file(f!)!.async('uint8array')).toString('latin1');
}

/** The bench's admin edit (scripts/bench-conflicts.js): `stmt` after the first ';' past the middle of the longest line. */
function editLongestLine(text: string, stmt: string): string {
  const lines = text.split('\n');
  let li = 0;
  lines.forEach((l, i) => {
    if (l.length > lines[li].length) li = i;
  });
  const at = lines[li].indexOf(';', Math.floor(lines[li].length / 2));
  expect(at).toBeGreaterThan(0);
  lines[li] = lines[li].slice(0, at + 1) + stmt + lines[li].slice(at + 1);
  return lines.join('\n');
}

const V0121 = '92d3d92abb53e89cf085a51e69df523eee01c048-3466260f5f59.zip';
const V0228 = '24e554cb9e0371ada4332f322b37e0349fb5b66c-3466260f5f59.zip';
const V0324 = 'b3b99c4bbdcc0af96e185ec98b08bbd7fe9be095-3466260f5f59.zip';
const STMT = 'window.__ourCounter0=1;';

/**
 * A vite worker bundle (editor.worker-*.js of template 3466260f5f59) breaks its lines only inside template
 * literals: each conflicting line starts inside one. Read from the literal's end (tokens.ts, embedded.ts contexts),
 * the vendor's next build of 2025-02-28 kept 82 % of the line, and the admin's statement merges cleanly.
 */
test('a vite worker bundle whose lines start inside template literals: the admin\'s statement merges cleanly into the new build', async () => {
  const base = await realFile(V0121, /^editor\.worker-.*\.js$/);
  const theirs = await realFile(V0228, /^editor\.worker-.*\.js$/);
  const mine = editLongestLine(base, STMT);
  const dir = tempDir('long-lines-worker');
  const lines = await mergeFolders(dir, 'editor.worker.js', { base, mine, theirs }, 'lines');
  const auto = await mergeFolders(dir, 'editor.worker.js', { base, mine, theirs }, 'auto');
  expect(lines.chars).toBeGreaterThan(300_000);
  expect(auto).toMatchObject({ status: 0, level: 'tokens', blocks: 0 });
  expect(auto.text.split(STMT)).toHaveLength(2);
  expect(auto.text.replace(STMT, '') === theirs).toBe(true);
}, 120_000);

/**
 * The next build (2025-03-24) minified the local names anew: 3 % of the line is as base had it. The admin's
 * statement aligns cleanly among the renamed names, but that alignment alone is not trusted: it is one small block
 * of its own, everything else the vendor's text.
 */
test('a rebuilt worker bundle (local names minified anew): the admin\'s statement is one small block, keeping theirs gives the new build', async () => {
  const base = await realFile(V0228, /^editor\.worker-.*\.js$/);
  const theirs = await realFile(V0324, /^editor\.worker-.*\.js$/);
  const mine = editLongestLine(base, STMT);
  const dir = tempDir('long-lines-worker-rebuilt');
  const lines = await mergeFolders(dir, 'editor.worker.js', { base, mine, theirs }, 'lines');
  const auto = await mergeFolders(dir, 'editor.worker.js', { base, mine, theirs }, 'auto');
  expect(lines.chars).toBeGreaterThan(500_000);
  expect(auto).toMatchObject({ status: 1, level: 'tokens', blocks: 1 });
  expect(auto.chars).toBeLessThan(200);
  const block = /\n<<<<<<< [^\n]*\n([^\n]*)\n\|{7} [^\n]*\n[^\n]*\n=======\n([^\n]*)\n>>>>>>> [^\n]*\n/.exec(auto.text);
  expect(block).not.toBeNull();
  expect(block![1]).toContain(STMT);
  expect(block![2]).not.toContain(STMT);
  // The block was cut out of the line after JS safe tokens: keeping a side takes the two breaks out again.
  const keep = (side: 1 | 2) => auto.text.replace(block![0], block![side]);
  expect(keep(2) === theirs).toBe(true);
  expect(keep(1).replace(STMT, '') === theirs).toBe(true);
}, 120_000);

/**
 * The single-file index.html: the vendor's 2025-02-28 page has mixed line ends (CRLF markup around an LF bundle),
 * base's and mine's are LF. The line merge keeps every line's own terminator there, so the token level runs too:
 * the admin's <script> before </body> and title merge cleanly.
 */
test('a single-file index.html whose line ends changed style: the admin\'s <script> and title merge cleanly', async () => {
  const base = await realFile(V0121, /^index\.html$/);
  const theirs = await realFile(V0228, /^index\.html$/);
  expect(base.includes('\r\n')).toBe(false);
  expect(theirs.includes('\r\n')).toBe(true);
  const script = '<script>/*our counter 1*/</script>';
  const b = base.lastIndexOf('</body>');
  const mine = (base.slice(0, b) + script + base.slice(b)).replace(/<title>([^<]*)<\/title>/, '<title>$1 - our cabinet</title>');
  const dir = tempDir('long-lines-eol');
  const lines = await mergeFolders(dir, 'index.html', { base, mine, theirs }, 'lines');
  const auto = await mergeFolders(dir, 'index.html', { base, mine, theirs }, 'auto');
  expect(lines.blocks).toBeGreaterThan(0);
  expect(auto).toMatchObject({ status: 0, level: 'tokens', blocks: 0 });
  const tb = theirs.lastIndexOf('</body>');
  const expected = (theirs.slice(0, tb) + script + theirs.slice(tb)).replace(/<title>([^<]*)<\/title>/, '<title>$1 - our cabinet</title>');
  expect(auto.text === expected).toBe(true);
}, 120_000);

/**
 * jsoneditor.js (template 9ef862aa89c6, 2020-12-11 → 2022-07-05): the admin's statement follows a 97 KB base64
 * module that the vendor's build moved elsewhere; in its place the new file has unrelated code. Token by token the
 * statement would align with a ';' inside an if-body there — nothing around it is shared, so the line block stays.
 */
test('an edit next to code the vendor moved away: the line block stays, holding the edit', async () => {
  const base = await realFile('eb63b43c524114e7c55cdddb2e1c08711181648a-9ef862aa89c6.zip', /^jsoneditor\.js$/);
  const theirs = await realFile('4ab80380d26dc4b07e9378f7b833a74cdf303e18-9ef862aa89c6.zip', /^jsoneditor\.js$/);
  const mine = editLongestLine(base, STMT);
  const dir = tempDir('long-lines-moved');
  const lines = await mergeFolders(dir, 'jsoneditor.js', { base, mine, theirs }, 'lines');
  const auto = await mergeFolders(dir, 'jsoneditor.js', { base, mine, theirs }, 'auto');
  // (The report leaves `level` out for the line level.)
  expect(auto).toMatchObject({ status: 1, level: undefined, blocks: lines.blocks, chars: lines.chars });
  expect(auto.text === lines.text).toBe(true);
  expect(auto.text.includes(STMT)).toBe(true);
}, 120_000);
