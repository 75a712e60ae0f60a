/**
 * The HTML report in real headless Chromium: a merge of small folder triplets by the built CLI (`--report
 * REPORT.html`), opened from file://. Checks the summary against the JSON report of the same merge, the filter and
 * the search, the three columns of a conflict against the merged file in the zip, that file contents never become
 * markup, and that the page makes no request but its own file. Screenshots go to test-output/ (gitignored). Pages
 * rendered from in-memory merges check what the page's script builds for a rule, reused resolutions and
 * --base-from.
 */
import { mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { BrowserContext, Page } from 'playwright-core';
import { readTree } from '../../src/archive';
import type { Report } from '../../src/report/model';
import { renderHtml } from '../../src/report/html';
import { decodeText, splitLines } from '../../src/text';
import { runCli } from '../helpers/cli';
import { cleanTempDirs, tempDir } from '../helpers/tmp';
import { basedFixture, bigCabinet, mergeFixture, settledMerge } from '../unit/report/fixture';
import { launchChromium } from './chromium';

const ROOT = path.resolve(__dirname, '../..');
const OUT = path.join(ROOT, 'test-output');

type Files = Record<string, string>;

const lines = (n: number, edit: Record<number, string> = {}) =>
  Array.from({ length: n }, (_, i) => edit[i + 1] ?? `line ${i + 1}`).join('\n') + '\n';
const HOSTILE_MINE = '</script><script>document.title = "pwned"</script> <!-- comment';
const HOSTILE_THEIRS = '<img src="http://example.invalid/x.png"><link rel="stylesheet" href="https://example.invalid/a.css">';

const pages: Files = {};
for (let i = 1; i <= 12; i++) pages[`pages/page-${i}.html`] = `<h1>Страница ${i}</h1>\n`;

const SIDES: Record<'base' | 'mine' | 'theirs', Files> = {
  base: {
    ...pages,
    'css/theme.css': ':root {\n  --bg: #1f6fb2;\n  --fg: #222;\n}\n',
    'pages/evil.html': 'a\nb\nc\n',
    'js/app.js': lines(20),
    'js/old.js': 'old\n',
    'js/receipt.js': 'print();\n',
  },
  mine: {
    ...pages,
    'css/theme.css': ':root {\n  --bg: #0a7d5a;\n  --fg: #222;\n}\n',
    'pages/evil.html': `a\n${HOSTILE_MINE}\nc\n`,
    'js/app.js': lines(20, { 2: 'mine 2' }),
    'js/old.js': 'old\n',
    'js/receipt.js': 'print(); // ours\n',
    'pages/our-contacts.html': '<p>Наши контакты</p>\n',
  },
  theirs: {
    ...pages,
    'pages/page-3.html': '<h1>Страница 3 (новая)</h1>\n',
    'css/theme.css': ':root {\n  --bg: #17548a;\n  --fg: #222;\n}\n',
    'pages/evil.html': `a\n${HOSTILE_THEIRS}\nc\n`,
    'js/app.js': lines(20, { 19: 'theirs 19' }),
    'pages/news.html': '<p>Новости</p>\n',
  },
};

function writeSide(dir: string, files: Files): string {
  for (const [p, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, p)), { recursive: true });
    writeFileSync(path.join(dir, p), text);
  }
  return dir;
}

let context: BrowserContext;
let work: string;
let json: Report;
let htmlFile: string;
let mergedZip: string;

beforeAll(async () => {
  mkdirSync(OUT, { recursive: true });
  work = tempDir('cabinet-merge-browser');
  const inputs = (['base', 'mine', 'theirs'] as const).map((s) => writeSide(path.join(work, s), SIDES[s]));
  mergedZip = path.join(work, 'merged.zip');
  htmlFile = path.join(work, 'report.html');
  const a = runCli(['merge', ...inputs, '-o', mergedZip, '--report', htmlFile]);
  expect([a.status, a.stderr]).toEqual([1, '']);
  const b = runCli(['merge', ...inputs, '-o', path.join(work, 'merged2.zip'), '--report', path.join(work, 'report.json')]);
  expect([b.status, b.stderr]).toEqual([1, '']);
  json = JSON.parse(readFileSync(path.join(work, 'report.json'), 'utf8'));
  context = await launchChromium();
});

afterAll(async () => {
  await context?.close();
  cleanTempDirs();
});

interface Watched {
  page: Page;
  requests: string[];
  errors: string[];
}

/** Opens a file in a new tab, recording every request and every console error or page error (CSP violations too). */
async function open(file: string): Promise<Watched> {
  const page = await context.newPage();
  const requests: string[] = [];
  const errors: string[] = [];
  page.on('request', (r) => requests.push(r.url()));
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning') errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(pathToFileURL(file).href);
  await page.waitForSelector('#cm-list details.file');
  return { page, requests, errors };
}

const digits = (s: string | null) => Number((s ?? '').replace(/\D/g, ''));
const visibleRows = (page: Page) => page.$$eval('details.file:not([hidden])', (ds) => ds.map((d) => d.getAttribute('data-path')));

/** The lines of one file of the merged zip, as the report numbers them. */
async function mergedLines(p: string): Promise<string[]> {
  const tree = await readTree(mergedZip);
  return splitLines(decodeText(tree.files.get(p)!.bytes)!.text).lines;
}

test('the report from a real merge: summary, filter, search, a conflict side by side, no network', async () => {
  const { page, requests, errors } = await open(htmlFile);

  // Summary figures equal the JSON report's.
  expect(Object.keys(json.totals.byStatus).length).toBeGreaterThanOrEqual(6);
  for (const [status, n] of Object.entries(json.totals.byStatus)) {
    expect([status, digits(await page.textContent(`[data-count="${status}"]`))]).toEqual([status, n]);
  }
  expect(await page.$$eval('[data-count]', (b) => b.length)).toBe(Object.keys(json.totals.byStatus).length);
  expect(digits(await page.textContent('[data-total="files"]'))).toBe(json.totals.files);
  expect(digits(await page.textContent('[data-total="needsAttention"]'))).toBe(json.totals.needsAttention);
  expect(digits(await page.textContent('[data-total="conflictBlocks"]'))).toBe(json.totals.conflictBlocks);
  for (const role of ['base', 'mine', 'theirs'] as const) {
    const info = json.inputs[role]!;
    expect(await page.getAttribute(`tr[data-role="${role}"] [data-files]`, 'data-files')).toBe(String(info.files));
    expect(await page.getAttribute(`tr[data-role="${role}"] [data-bytes]`, 'data-bytes')).toBe(String(info.bytes));
    expect(await page.textContent(`tr[data-role="${role}"]`)).toContain(info.path);
  }
  expect(await page.$$eval('details.file', (d) => d.length)).toBe(json.files.length);

  // The filter: by status, by "needs your decision", and from a count in the summary.
  await page.selectOption('#cm-filter', 'conflict');
  expect((await visibleRows(page)).sort()).toEqual(json.files.filter((f) => f.status === 'conflict').map((f) => f.path).sort());
  await page.selectOption('#cm-filter', 'attention');
  expect(await visibleRows(page)).toHaveLength(json.totals.needsAttention);
  await page.click('button[data-filter="merged"]');
  expect(await page.inputValue('#cm-filter')).toBe('merged');
  expect(await visibleRows(page)).toEqual(['js/app.js']);
  expect(await page.textContent('#cm-shown')).toBe(`1 of ${json.files.length} shown`);

  // The search box, within the chosen filter.
  await page.selectOption('#cm-filter', 'all');
  await page.fill('#cm-search', 'PAGE-1');
  expect((await visibleRows(page)).sort()).toEqual(['pages/page-1.html', 'pages/page-10.html', 'pages/page-11.html', 'pages/page-12.html']);
  await page.fill('#cm-search', 'no such file');
  expect(await visibleRows(page)).toEqual([]);
  expect(await page.isVisible('#cm-none')).toBe(true);
  await page.fill('#cm-search', '');

  // A conflict: mine / base / theirs, each column numbered as that side's own file numbers its lines (what an
  // editor opening that side shows), with the lines the zip holds in the block.
  const theme = json.files.find((f) => f.path === 'css/theme.css')!;
  const c = theme.conflicts![0];
  const merged = await mergedLines('css/theme.css');
  const row = page.locator('details.file[data-path="css/theme.css"]');
  expect(await row.locator('.body').count()).toBe(0); // built only when opened
  await row.locator('summary').click();
  const section = row.locator('section[data-conflict="0"]');
  await section.waitFor(); // the body is built on the row's 'toggle' event, a task after the click
  for (const side of ['mine', 'base', 'theirs'] as const) {
    const span = c[side]!;
    const col = section.locator(`[data-side="${side}"]`);
    const numbers = await col.locator('.ln .no').allTextContents();
    const texts = await col.locator('.ln .tx').allTextContents();
    const own = c.sideLines![side]!;
    expect([side, numbers.map(Number)]).toEqual([side, Array.from({ length: span.length }, (_, i) => own + i)]);
    expect([side, texts]).toEqual([side, merged.slice(span.start - 1, span.start - 1 + span.length)]);
    expect([side, texts]).toEqual([side, SIDES[side]['css/theme.css'].split('\n').slice(own - 1, own - 1 + span.length)]);
  }
  // Not positions in the marked file: there the block's lines sit below the <<<<<<< (and ||||||| ) lines.
  expect(c.sideLines).toEqual({ mine: 2, base: 2, theirs: 2 });
  expect([c.mine.start, c.base!.start, c.theirs.start]).toEqual([3, 5, 7]);

  // Changed by you, deleted by the vendor: the kept version, numbered, and the commands that keep or remove it.
  const receipt = page.locator('details.file[data-path="js/receipt.js"]');
  await receipt.locator('summary').click();
  const kept = receipt.locator('section[data-kept="mine"]');
  await kept.waitFor();
  expect(await kept.locator('.ln .no').allTextContents()).toEqual(['1']);
  expect(await kept.locator('.ln .tx').allTextContents()).toEqual(['print(); // ours']);
  // After -o merged.zip, the working folder the summary tells to merge into: merged (beside the zip).
  const codes = await receipt.locator('.command code').allTextContents();
  expect(codes).toHaveLength(2);
  expect(codes[0]).toMatch(/^cabinet-merge resolve \S*merged js\/receipt\.js --mine$/);
  expect(codes[1]).toMatch(/^cabinet-merge resolve \S*merged js\/receipt\.js --theirs$/);
  expect(json.files.find((f) => f.path === 'js/receipt.js')!.commands!.keep).toMatch(/merged2 js\/receipt\.js --mine$/);
  expect(await section.locator('[data-side="mine"] mark').allTextContents()).toEqual(['0a7d5a']);
  expect(await section.locator('[data-side="base"] mark').allTextContents()).toEqual(['1f6fb2']);
  expect(await section.locator('[data-side="theirs"] mark').allTextContents()).toEqual(['17548a']);

  // File contents are text, never markup: no element, script or request comes out of them.
  const evil = page.locator('details.file[data-path="pages/evil.html"]');
  await evil.locator('summary').click();
  await evil.locator('.body').waitFor();
  expect(await evil.locator('[data-side="mine"] .tx').allTextContents()).toContain(HOSTILE_MINE);
  expect(await evil.locator('[data-side="theirs"] .tx').allTextContents()).toContain(HOSTILE_THEIRS);
  expect(await page.$$eval('img, link, iframe, script[src]', (e) => e.length)).toBe(0);
  expect(await page.title()).not.toBe('pwned');

  // A clean merge: what came from mine and what from theirs.
  const app = page.locator('details.file[data-path="js/app.js"]');
  await app.locator('summary').click();
  await app.locator('.body').waitFor();
  expect(await app.locator('.ln.o-mine .tx').allTextContents()).toEqual(['mine 2']);
  expect(await app.locator('.ln.o-theirs .tx').allTextContents()).toEqual(['theirs 19']);

  await page.selectOption('#cm-filter', 'attention');
  await page.screenshot({ path: path.join(OUT, 'report.png'), fullPage: true });

  expect(errors).toEqual([]);
  expect(new Set(requests)).toEqual(new Set([pathToFileURL(htmlFile).href]));
  await page.close();
});

test('merge --out-dir: the banner speaks of the working folder; modify/delete commands name it', async () => {
  const inputs = (['base', 'mine', 'theirs'] as const).map((s) => path.join(work, s));
  const report = path.join(work, 'workdir-report.html');
  const r = runCli(['merge', ...inputs, '--out-dir', 'Рабочая папка', '--report', report], { cwd: work });
  expect([r.status, r.stderr]).toEqual([1, '']);
  const { page, errors } = await open(report);
  const banner = (await page.textContent('header .result')) ?? '';
  expect(banner).toContain("Open each such file in the working folder Рабочая папка (not in an archive)");
  expect(banner).toContain("check with cabinet-merge status 'Рабочая папка', then pack the archive to import: cabinet-merge pack 'Рабочая папка' -o 'Рабочая папка.zip'");
  expect(banner).not.toContain('merged archive');
  expect(await page.textContent('#cm-inputs')).not.toContain('Merged archive');
  const receipt = page.locator('details.file[data-path="js/receipt.js"]');
  await receipt.locator('summary').click();
  await receipt.locator('section[data-kept="mine"]').waitFor();
  expect(await receipt.locator('.legend').first().textContent()).toBe('Run in the working folder Рабочая папка (made by merge --out-dir):');
  expect(await receipt.locator('.command code').allTextContents()).toEqual([
    "cabinet-merge resolve 'Рабочая папка' js/receipt.js --mine",
    "cabinet-merge resolve 'Рабочая папка' js/receipt.js --theirs",
  ]);
  expect(errors).toEqual([]);
  await page.close();
});

test('a 2,000-file report with 200 conflicting files loads, filters and opens a conflict', async () => {
  const cab = bigCabinet(2000, 200);
  const m = mergeFixture(cab.base, cab.mine, cab.theirs);
  expect(m.report.totals.byStatus.conflict).toBe(200);
  const file = path.join(tempDir('cabinet-merge-big'), 'report.html');
  writeFileSync(file, renderHtml(m.report, m.texts, 'ru'));

  const start = Date.now();
  const { page, requests, errors } = await open(file);
  await page.waitForFunction("document.querySelectorAll('#cm-list details.file').length === 2000");
  const loadMs = Date.now() - start;

  const t0 = Date.now();
  await page.selectOption('#cm-filter', 'conflict');
  expect(await visibleRows(page)).toHaveLength(200);
  const row = page.locator('details.file:not([hidden])').nth(150);
  await row.locator('summary').click();
  await row.locator('section[data-conflict="1"] [data-side="theirs"] mark').first().waitFor();
  const interactMs = Date.now() - t0;

  // Times are printed for a look at the trend, not asserted (a loaded CI machine must not fail this test); the
  // report's cost is measured in `npm run bench`. Sizes are asserted: the page stays small for 2,000 files.
  process.stdout.write(`2,000-file report: ${(readFileSync(file).length / 1e6).toFixed(1)} MB, loaded in ${loadMs} ms, filter + open a conflict ${interactMs} ms\n`);
  expect(readFileSync(file).length).toBeLessThan(8_000_000);
  expect(errors).toEqual([]);
  expect(new Set(requests)).toEqual(new Set([pathToFileURL(file).href]));
  await page.close();
});

test('the bundled samples render without errors (the README screenshot: test-output/samples-report.png)', async () => {
  const out = tempDir('cabinet-merge-samples');
  const file = path.join(out, 'REPORT.html');
  // Named as in the README's example command, relative to the working folder, as an admin would run it.
  for (const [name, side] of [['OLD_VENDOR', 'base'], ['MY_EXPORT', 'mine'], ['NEW_VENDOR', 'theirs']]) {
    symlinkSync(path.join(ROOT, 'samples', side), path.join(out, name), 'dir');
  }
  const r = runCli(
    ['merge', '--base', 'OLD_VENDOR', '--mine', 'MY_EXPORT', '--theirs', 'NEW_VENDOR', '-o', 'MERGED.zip', '--report', 'REPORT.html'],
    { cwd: out },
  );
  expect([r.status, r.stderr]).toEqual([1, '']);
  const { page, requests, errors } = await open(file);
  await page.selectOption('#cm-filter', 'attention');
  const conflicts = page.locator('details.file.st-conflict');
  expect(await conflicts.count()).toBeGreaterThan(0); // the samples conflict on purpose
  for (let i = 0; i < (await conflicts.count()); i++) {
    await conflicts.nth(i).locator('summary').click();
    await conflicts.nth(i).locator('section[data-conflict="0"]').waitFor();
  }
  await page.screenshot({ path: path.join(OUT, 'samples-report.png'), fullPage: true });
  expect(errors).toEqual([]);
  expect(new Set(requests)).toEqual(new Set([pathToFileURL(file).href]));
  await page.close();
});

test('settled without markers and per-file bases: tags, filters, the rule, reused lines, the candidate as base column', async () => {
  const dir = tempDir('cabinet-merge-settled');
  const m = settledMerge();
  const en = path.join(dir, 'settled-en.html');
  const ru = path.join(dir, 'settled-ru.html');
  writeFileSync(en, renderHtml(m.report, m.texts, 'en'));
  writeFileSync(ru, renderHtml(m.report, m.texts, 'ru'));
  const c = basedFixture('candidates', { 'a.css': 'x\ny\nz\n' }, { 'a.css': 'x\nY mine\nz\n' }, { 'a.css': 'x\nY vendor\nz\n' });
  const cand = path.join(dir, 'candidates-ru.html');
  writeFileSync(cand, renderHtml(c.report, c.texts, 'ru'));

  const { page, requests, errors } = await open(en);
  const row = (p: string) => page.locator(`details.file[data-path="${p}"]`);
  expect(await row('js/lib.js').locator('summary .tag.reused').textContent()).toBe('previous resolution — review: 2–3');
  expect(await row('css/theme.css').locator('summary .tag.rule').textContent()).toBe('rule 2: theirs');
  await page.selectOption('#cm-filter', 'reused');
  expect(await visibleRows(page)).toEqual(['js/app.js', 'js/del.js', 'js/lib.js']);
  await page.click('button[data-filter="ruled"]');
  expect(await visibleRows(page)).toEqual(['css/theme.css']);
  await row('css/theme.css').locator('summary').click();
  expect(await row('css/theme.css').locator('.body p.rule').textContent()).toBe(
    'Rules file: rule 2 "css/**" → three-way merge, conflicting lines settled in favour of the vendor\'s (cabinet-merge.json:4:5) · conflicting hunks it settled: 1',
  );
  await page.selectOption('#cm-filter', 'all');
  await row('js/lib.js').locator('summary').click();
  await row('js/lib.js').locator('section.reused').waitFor(); // built on the row's 'toggle' event
  expect(await row('js/lib.js').locator('section.reused li').allTextContents()).toEqual(['lines 2–3 (recorded 2026-01-05 in js/lib.js)']);
  expect(await row('js/lib.js').locator('.ln.o-reused .tx').allTextContents()).toEqual(['Y mine', 'Y vendor']);
  expect(errors).toEqual([]);
  expect(new Set(requests)).toEqual(new Set([pathToFileURL(en).href]));
  await page.close();

  const r = await open(ru);
  const lib = r.page.locator('details.file[data-path="js/del.js"]');
  await lib.locator('summary').click();
  await lib.locator('section.reused').waitFor();
  expect(await lib.locator('section.reused li').allTextContents()).toEqual(['блок удалён перед строкой 2 (решение от 2026-01-05, файл js/del.js)']);
  expect(r.errors).toEqual([]);
  await r.page.close();

  const k = await open(cand);
  const a = k.page.locator('details.file[data-path="a.css"]');
  await a.locator('summary').click();
  expect(await a.locator('.body p.meta').textContent()).toContain('База взята из: C:\\exports\\OLD-1.zip');
  expect(await a.locator('[data-side="base"] .colhead').textContent()).toBe('Старая версия поставщика (base: OLD-1.zip)');
  expect(k.errors).toEqual([]);
  await k.page.close();
});
