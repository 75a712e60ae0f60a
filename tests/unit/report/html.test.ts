import { createHash } from 'node:crypto';
import * as iconv from 'iconv-lite';
import { renderHtml, esc, jsonForScript } from '../../../src/report/html';
import { CLIENT_CSS, CLIENT_JS } from '../../../src/report/html-client';
import { buildViews, CONTEXT_LINES, MAX_VIEW_CHARS } from '../../../src/report/html-data';
import { UI } from '../../../src/report/html-ui';
import { renderSummary } from '../../../src/report/text';
import { CONFLICT_LABELS, STATUS_LABELS, type FileStatus } from '../../../src/tree/status';
import { STRATEGY_LABELS } from '../../../src/tree/strategy';
import { basedFixture, bigCabinet, embeddedData, mergeFixture, settledMerge, withoutData, type Files } from './fixture';

const lines = (n: number, edit: Record<number, string> = {}) =>
  Array.from({ length: n }, (_, i) => edit[i + 1] ?? `line ${i + 1}`).join('\n') + '\n';

const HOSTILE_MINE = '</script><script>alert(1)</script> <!-- x --> </SCRIPT >';
const HOSTILE_THEIRS = '<img src="http://example.invalid/x.png"><link rel="stylesheet" href="https://example.invalid/a.css">';

const base: Files = {
  'css/theme.css': ':root {\n  --bg: #1f6fb2;\n  --fg: #222;\n}\n',
  'pages/evil.html': 'a\nb\nc\n',
  'js/app.js': lines(20),
  'keep.txt': 'same\n',
  'ru.html': iconv.encode('<p>Личный кабинет</p>\r\n<p>Строка 2</p>\r\n<p>Строка 3</p>\r\n<p>Строка 4</p>\r\n', 'windows-1251'),
  'gone.txt': 'x\n',
};
const mine: Files = {
  'css/theme.css': ':root {\n  --bg: #0a7d5a;\n  --fg: #222;\n}\n',
  'pages/evil.html': `a\n${HOSTILE_MINE}\nc\n`,
  'js/app.js': lines(20, { 2: 'mine 2' }),
  'keep.txt': 'same\n',
  'ru.html': iconv.encode('<p>Личный кабинет УК</p>\r\n<p>Строка 2</p>\r\n<p>Строка 3</p>\r\n<p>Строка 4</p>\r\n', 'windows-1251'),
  'gone.txt': 'x\n',
  'mine-only.txt': 'new\n',
};
const theirs: Files = {
  'css/theme.css': ':root {\n  --bg: #17548a;\n  --fg: #222;\n}\n',
  'pages/evil.html': `a\n${HOSTILE_THEIRS}\nc\n`,
  'js/app.js': lines(20, { 19: 'theirs 19' }),
  'keep.txt': 'same\n',
  'ru.html': iconv.encode('<p>Личный кабинет</p>\r\n<p>Строка 2</p>\r\n<p>Строка 3</p>\r\n<p>Строка четыре</p>\r\n', 'windows-1251'),
};

const merged = mergeFixture(base, mine, theirs);
const html = renderHtml(merged.report, merged.texts, 'en');

describe('renderHtml: a self-contained page', () => {
  test('the data block holds the JSON report unchanged, and the merged lines', () => {
    const data = embeddedData(html);
    expect(data.report).toEqual(JSON.parse(JSON.stringify(merged.report)));
    const evil = data.views['pages/evil.html'];
    expect(evil.chunks.flatMap((c: [number, string[]]) => c[1])).toEqual(expect.arrayContaining([HOSTILE_MINE, HOSTILE_THEIRS]));
  });

  test('file contents cannot close the data block or open a comment: exactly two script elements', () => {
    expect(html.match(/<script/gi)).toHaveLength(2);
    expect(html.match(/<\/script/gi)).toHaveLength(2);
    expect(html).not.toContain('<!--');
    const block = /id="cm-data">([^]*?)<\/script>/.exec(html)![1];
    expect(block).not.toMatch(/[<>]/);
  });

  test('jsonForScript round-trips every character, including U+2028 and lone surrogates', () => {
    const value = { s: '</script><!--\u2028\u2029&<>\ud800 "\\' };
    const out = jsonForScript(value);
    expect(out).not.toMatch(/[<>&\u2028\u2029]/);
    expect(JSON.parse(out)).toEqual(value);
  });

  test('no URL, src or href anywhere in the markup the renderer writes', () => {
    const own = withoutData(html);
    expect(own).not.toMatch(/https?:/i);
    expect(own).not.toMatch(/\b(src|href|action|srcset|poster)\s*=/i);
    expect(own).not.toMatch(/@import|url\(/i);
    expect(html).not.toMatch(/<(img|link|iframe|object|embed|base)\b/i);
  });

  test('a Content-Security-Policy allows nothing but the inline script and style, by hash', () => {
    const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(html)![1];
    const hash = (s: string) => `'sha256-${createHash('sha256').update(s).digest('base64')}'`;
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain(`script-src ${hash(CLIENT_JS)}`);
    expect(csp).toContain(`style-src ${hash(CLIENT_CSS)}`);
    expect(html).toContain(`<script>${CLIENT_JS}</script>`);
    expect(html).toContain(`<style>${CLIENT_CSS}</style>`);
  });

  test('the inline script is valid JavaScript', () => {
    expect(() => new Function(CLIENT_JS)).not.toThrow();
  });

  test('input paths and other report strings are escaped', () => {
    const report = JSON.parse(JSON.stringify(merged.report));
    report.inputs.mine.path = 'C:\\<img src=x onerror=alert(1)>&"\'.zip';
    const page = renderHtml(report, merged.texts, 'en');
    expect(page).toContain('C:\\&#60;img src=x onerror=alert(1)&#62;&#38;&#34;&#39;.zip');
    expect(withoutData(page)).not.toContain('<img');
    expect(esc('<a href="x">&\'')).toBe('&#60;a href=&#34;x&#34;&#62;&#38;&#39;');
  });
});

describe('renderHtml: summary', () => {
  test('counts by status, with the status wording and the totals of the JSON report', () => {
    const t = merged.report.totals;
    for (const [status, n] of Object.entries(t.byStatus)) {
      expect(html).toContain(`${esc(STATUS_LABELS[status as FileStatus].en)}: <b data-count="${status}">${n}</b>`);
    }
    expect(html).toContain(`<b data-total="files">${t.files}</b>`);
    expect(html).toContain(`<b data-total="needsAttention">${t.needsAttention}</b>`);
    expect(html).toContain(`<b data-total="conflictBlocks">${t.conflictBlocks}</b>`);
  });

  test('a merge --out-dir report speaks of the working folder, with its commands', () => {
    const report = { ...merged.report, output: { archive: null, keptAside: null, workdir: 'Рабочая' } };
    const page = withoutData(renderHtml(report, merged.texts, 'en'));
    expect(page).toContain('Open each such file in the working folder Рабочая (not in an archive)');
    expect(page).toContain('check with cabinet-merge status Рабочая, then pack the archive to import: cabinet-merge pack Рабочая -o Рабочая.zip');
    expect(page).not.toContain('in the merged archive');
    expect(page).toContain('Working folder: <code>Рабочая</code>');
    const ru = withoutData(renderHtml(report, merged.texts, 'ru'));
    expect(ru).toContain('Откройте каждый такой файл в рабочей папке Рабочая (не в архиве)');
    // Without --out-dir the banner still speaks of the archive.
    expect(withoutData(html)).toContain('in the merged archive');
    // -o took WORK.zip: pack is pointed at another name.
    const both = withoutData(renderHtml({ ...report, output: { archive: 'Рабочая.zip', keptAside: null, workdir: 'Рабочая' } }, merged.texts, 'en'));
    expect(both).toContain(esc("cabinet-merge pack Рабочая -o 'Рабочая (2).zip'"));
  });

  test('a merge --out-dir report without -o lists the working folder as its output, not an archive "not written"', () => {
    const report = { ...merged.report, output: { archive: null, keptAside: 'Рабочая.conflicts', workdir: 'Рабочая' } };
    const page = withoutData(renderHtml(report, merged.texts, 'en'));
    expect(page).not.toContain(UI.notWritten.en);
    expect(page).not.toContain(UI.keptAside.en);
    expect(page).toContain(`${UI.keptAsideWorkdir.en}: <code>Рабочая.conflicts</code>`);
    expect(withoutData(renderHtml(report, merged.texts, 'ru'))).toContain(`${UI.keptAsideWorkdir.ru}: <code>Рабочая.conflicts</code>`);
    // Nothing left but files to review: the banner still points to the working folder's commands.
    const reviewOnly = { ...report, result: 'review' as const, totals: { ...report.totals, reused: 2 } };
    const review = withoutData(renderHtml(reviewOnly, merged.texts, 'en'));
    expect(review).toContain(esc(UI.reviewResult.en.replace('{n}', '2')));
    expect(review).toContain(`Review them in the working folder Рабочая, check with cabinet-merge status Рабочая, then pack the archive to import: cabinet-merge pack Рабочая -o Рабочая.zip`);
    // With -o too, the archive is named.
    expect(withoutData(renderHtml({ ...report, output: { ...report.output, archive: 'Рабочая (2).zip' } }, merged.texts, 'en'))).toContain(`${UI.output.en}: <code>Рабочая (2).zip</code>`);
  });

  test('inputs: names, file counts and sizes', () => {
    const info = merged.report.inputs.mine;
    expect(html).toMatch(new RegExp(`<tr data-role="mine">.*${esc(info.path).replace(/\\/g, '\\\\')}.*data-files="${info.files}".*data-bytes="${info.bytes}"`));
  });

  test('statuses in the order of the text summary', () => {
    const all = Object.keys(STATUS_LABELS) as FileStatus[];
    const report = { ...merged.report, totals: { ...merged.report.totals, byStatus: Object.fromEntries(all.map((s) => [s, 1])) } };
    const labelToStatus = new Map(all.map((s) => [STATUS_LABELS[s].en, s]));
    const textOrder = renderSummary({ ...report, files: [] }, 'en')
      .split('\n')
      .map((l) => /^ {2}(.*): 1$/.exec(l)?.[1])
      .filter((l): l is string => l !== undefined)
      .map((l) => labelToStatus.get(l));
    const page = renderHtml(report, new Map(), 'en');
    const htmlOrder = [...page.matchAll(/data-count="([^"]+)"/g)].map((m) => m[1]);
    // The same order; a status the text summary does not list yet is still shown, after the others.
    expect(htmlOrder.filter((s) => textOrder.includes(s as FileStatus))).toEqual(textOrder);
    expect(new Set(htmlOrder)).toEqual(new Set(all));
  });

  test('Russian: lang attribute and 1C wording; every UI string exists in both languages with the same placeholders', () => {
    const ru = renderHtml(merged.report, merged.texts, 'ru');
    expect(ru).toContain('<html lang="ru">');
    expect(ru).toContain('старая выгрузка поставщика');
    expect(ru).toContain(esc(STATUS_LABELS.conflict.ru));
    const holes = (s: string) => [...s.matchAll(/\{\w+\}/g)].map((m) => m[0]).sort();
    for (const [key, w] of Object.entries(UI)) {
      expect([key, w.en.length > 0, w.ru.length > 0]).toEqual([key, true, true]);
      expect([key, holes(w.ru)]).toEqual([key, holes(w.en)]);
    }
  });
});

describe('views: the merged text the page embeds', () => {
  test('windows-1251 output is decoded with the encoding it was written in', () => {
    expect(merged.texts.get('ru.html')![0]).toBe('<p>Личный кабинет УК</p>');
  });

  test('only the lines around changes, with context', () => {
    const view = embeddedData(html).views['js/app.js'];
    expect(view.lines).toBe(20);
    expect(view.chunks.map((c: [number, string[]]) => [c[0], c[1].length])).toEqual([
      [1, 2 + CONTEXT_LINES],
      [19 - CONTEXT_LINES, 2 + CONTEXT_LINES],
    ]);
  });

  test('conflict words: each side against the base', () => {
    const theme = merged.report.files.find((f) => f.path === 'css/theme.css')!;
    const view = buildViews(merged.report, merged.texts)['css/theme.css'];
    const c = theme.conflicts![0];
    const text = merged.texts.get('css/theme.css')!;
    const marked = (marks: number[]) => {
      const out: string[] = [];
      for (let i = 0; i < marks.length; i += 3) out.push(text[marks[i] - 1].slice(marks[i + 1], marks[i + 2]));
      return out;
    };
    expect(marked(view.words![0]!.mine)).toEqual(['0a7d5a']);
    expect(marked(view.words![0]!.base!)).toEqual(['1f6fb2']);
    expect(marked(view.words![0]!.theirs)).toEqual(['17548a']);
    expect(text[c.mine.start - 1]).toBe('  --bg: #0a7d5a;');
  });

  test('a file whose conflict blocks are too large to show is flagged, not embedded', () => {
    const big = 'x'.repeat(MAX_VIEW_CHARS);
    const m = mergeFixture({ 'a.txt': `${big}\n1\n` }, { 'a.txt': `${big}1\n2\n` }, { 'a.txt': `${big}2\n3\n` });
    expect(buildViews(m.report, m.texts)['a.txt']).toEqual({ lines: expect.any(Number), tooLarge: true });
  });

  test('a long context line around a block is shown as its head and tail, so the block is still shown', () => {
    const big = 'x'.repeat(MAX_VIEW_CHARS);
    const m = mergeFixture({ 'a.txt': `${big}\n1\n` }, { 'a.txt': `${big}\n2\n` }, { 'a.txt': `${big}\n3\n` });
    const view = buildViews(m.report, m.texts)['a.txt'];
    expect(view.tooLarge).toBeUndefined();
    const shown = view.chunks!.flatMap(([, ls]) => ls);
    expect(shown[0]).toBe(`${'x'.repeat(200)} … ${'x'.repeat(200)}`);
    expect(shown).toContain('2');
    expect(shown).toContain('3');
  });
});

test('a 2,000-file report with 200 conflicting files stays small', () => {
  // Its render time is measured in `npm run bench` (scripts/bench-whole.js), not asserted here.
  const c = bigCabinet();
  const m = mergeFixture(c.base, c.mine, c.theirs);
  expect(m.report.totals.byStatus.conflict).toBe(200);
  const page = renderHtml(m.report, m.texts, 'ru');
  expect(page.length).toBeLessThan(8_000_000);
});

test('notes about the inputs as a whole are shown as the text summary prints them', () => {
  const report = JSON.parse(JSON.stringify(merged.report));
  report.sameInputs = [{ en: 'base and theirs are the same <archive>', ru: 'база и theirs — одна и та же выгрузка', roles: ['base', 'theirs'], by: 'path' }];
  report.layout = [{ code: 'wrapper-folder', en: 'wrapper folder lk/ stripped', ru: 'папка-обёртка lk/ убрана' }];
  expect(renderHtml(report, merged.texts, 'en')).toContain('<li>base and theirs are the same &#60;archive&#62;</li><li>wrapper folder lk/ stripped</li>');
  expect(renderHtml(report, merged.texts, 'ru')).toContain('<li>папка-обёртка lk/ убрана</li>');
});

describe('the base: which one was used, how well it matched, what it meant', () => {
  const B: Files = { 'a.css': 'x\ny\nz\n', 'b.js': 'one\ntwo\nthree\n', 'img.png': new Uint8Array([0, 1, 2, 0]) };
  const M: Files = { 'a.css': 'x\nY mine\nz\n', 'b.js': 'one\ntwo\nthree\n', 'img.png': new Uint8Array([0, 1, 3, 0]), 'ours.html': '<p>наше</p>\n' };
  const T: Files = { 'a.css': 'x\nY vendor\nz\n', 'b.js': 'one\nTWO\nthree\n', 'img.png': new Uint8Array([0, 1, 4, 0]) };
  const panel = (page: string) => /<section class="panel" id="cm-base"[^]*?<\/section>/.exec(page)?.[0] ?? '';
  const baseRow = (page: string) => /<tr data-role="base">.*?<\/tr>/.exec(page)![0];

  test.each(['given', 'store', 'candidates', 'none'] as const)('%s: every line the summary prints about the base, in both languages', (kind) => {
    const m = basedFixture(kind, B, M, T);
    const base = m.report.base!;
    expect(base.messages.length).toBeGreaterThan(0);
    for (const lang of ['en', 'ru'] as const) {
      const page = renderHtml(m.report, m.texts, lang);
      expect(panel(page)).toContain(`data-source="${kind}"`);
      for (const line of base.messages) expect(panel(page)).toContain(`<li>${esc(line[lang])}</li>`);
      // Said once, in the base panel (not again among the notes about the inputs).
      expect(withoutData(page).split(esc(base.messages[0][lang])).length - 1).toBe(1);
    }
  });

  test('given: the old export named', () => {
    const m = basedFixture('given', B, M, T);
    expect(panel(renderHtml(m.report, m.texts, 'en'))).toContain('given with --base: C:\\exports\\OLD-1.zip');
    expect(panel(renderHtml(m.report, m.texts, 'ru'))).toContain('указана через --base: C:\\exports\\OLD-1.zip');
  });

  test('a stored baseline: which one, and how many of your files are identical to it', () => {
    const m = basedFixture('store', B, M, T);
    const en = panel(renderHtml(m.report, m.texts, 'en'));
    expect(en).toContain(esc("the stored baseline 'Кабинет 3.1' (b-20251201), saved 2025-12-01 from OLD-1.zip"));
    expect(en).toContain('<meter min="0" max="3" value="2"></meter>');
    expect(en).toContain('<span data-base-match="2/3">2 of 3 files of your export identical to it (67%)</span>');
    const ru = panel(renderHtml(m.report, m.texts, 'ru'));
    expect(ru).toContain(esc("сохранённая база 'Кабинет 3.1' (b-20251201), сохранена 2025-12-01 из OLD-1.zip"));
    expect(ru).toContain('с ней совпадают 2 из 3 файлов вашей выгрузки (67%)');
  });

  test('--base-from: each candidate with the files merged against it; per file, the candidate used', () => {
    const m = basedFixture('candidates', B, M, T);
    const page = renderHtml(m.report, m.texts, 'en');
    expect(panel(page)).toContain('chosen for each file among the --base-from candidates');
    const counts = m.report.base!.candidates!;
    expect(counts.map((c) => c.path)).toEqual(['C:\\exports\\OLD-1.zip', 'C:\\exports\\OLD-2.zip']);
    for (const { path, files } of counts) {
      expect(panel(page)).toContain(`<tr data-candidate><td class="mono">${path}</td><td class="num" data-files="${files}">${files}</td></tr>`);
    }
    expect(baseRow(page)).toContain('per file, from the --base-from candidates (see Base)');
    expect(embeddedData(page).report.files.find((f: { path: string }) => f.path === 'a.css').baseFrom).toBe('C:\\exports\\OLD-1.zip');
    const ru = renderHtml(m.report, m.texts, 'ru');
    expect(panel(ru)).toContain('<th>Старая выгрузка-кандидат</th><th class="num">Файлов объединено с ней</th>');
    expect(baseRow(ru)).toContain('для каждого файла из кандидатов --base-from (см. «База»)');
  });

  test('none: what that means, and how many files were left to you for want of a base', () => {
    const m = basedFixture('none', B, M, T);
    const n = m.report.base!.undecidedWithoutBase;
    expect(n).toBeGreaterThan(0);
    const en = renderHtml(m.report, m.texts, 'en');
    expect(panel(en)).toContain("none: only your export and the vendor's new one were compared".replace("'", '&#39;'));
    expect(panel(en)).toContain(`<th>Files left to you only for want of a base</th><td><b data-base-undecided>${n}</b></td>`);
    expect(baseRow(en)).toContain('none: two exports compared (see Base)');
    const ru = renderHtml(m.report, m.texts, 'ru');
    expect(panel(ru)).toContain('нет: сравнивались только ваша выгрузка и новая выгрузка поставщика');
    expect(panel(ru)).toContain(`<th>Файлов оставлено вам только из-за отсутствия базы</th><td><b data-base-undecided>${n}</b></td>`);
    expect(panel(ru)).toContain(esc(m.report.base!.advice!.ru));
  });

  test("the vendor's new export already in the store: said, since the summary then has no reminder", () => {
    const m = basedFixture('store', B, M, T);
    const report = { ...m.report, base: { ...m.report.base!, theirsBaseline: { id: 'b-2', name: '3.2', savedNow: false, store: 'S' } } };
    expect(panel(renderHtml(report, m.texts, 'en'))).toContain(esc("The vendor's new export is in the baseline store as '3.2' (b-2)"));
    expect(panel(renderHtml(report, m.texts, 'ru'))).toContain(esc("Новая выгрузка поставщика есть в хранилище баз как '3.2' (b-2)"));
  });

  test('a report not made by merge (no base section) has no base panel', () => {
    expect(html).not.toContain('id="cm-base"');
  });

  test('two exports only: the statuses without a base are counted, filtered and flagged for attention, in both languages', () => {
    const m = basedFixture('none', B, M, T);
    const statuses = ['only-mine', 'differs', 'differs-binary'] as const;
    for (const lang of ['en', 'ru'] as const) {
      const page = renderHtml(m.report, m.texts, lang);
      for (const s of statuses) {
        const n = m.report.totals.byStatus[s]!;
        expect([s, page]).toEqual([s, expect.stringContaining(`<li class="attention"><button type="button" data-filter="${s}">${esc(STATUS_LABELS[s][lang])}: <b data-count="${s}">${n}</b></button></li>`)]);
        expect(page).toContain(`<option value="${s}">${esc(STATUS_LABELS[s][lang])} (${n})</option>`);
      }
      const data = embeddedData(page);
      expect(data.attention).toEqual(expect.arrayContaining([...statuses]));
      expect(data.conflictLabels['no-base']).toBe(CONFLICT_LABELS['no-base'][lang]);
    }
  });
});

describe('settled without markers: a rule, and resolutions from a previous merge', () => {
  const m = settledMerge();

  test('filter entries and totals for them, in both languages; none when nothing was settled', () => {
    const en = renderHtml(m.report, m.texts, 'en');
    expect(en).toContain('<option value="reused">resolved from a previous resolution — review (3)</option>');
    expect(en).toContain('<option value="ruled">conflicting lines settled by a rule (1)</option>');
    expect(en).toContain('<button type="button" data-filter="reused">Resolved from a previous resolution — review: <b data-total="reused">3</b></button>');
    expect(en).toContain('<button type="button" data-filter="ruled">Settled by a rule: <b data-total="ruled">1</b></button>');
    const ru = renderHtml(m.report, m.texts, 'ru');
    expect(ru).toContain('<option value="reused">решено по сохранённому ранее решению — проверьте (3)</option>');
    expect(ru).toContain('<option value="ruled">спорные строки решены правилом (1)</option>');
    expect(ru).toContain('Решено по сохранённому ранее решению — проверьте: <b data-total="reused">3</b>');
    expect(ru).toContain('Решено правилом: <b data-total="ruled">1</b>');
    expect(html).not.toMatch(/value="(reused|ruled)"|data-total="(reused|ruled)"/);
  });

  test('the page gets each file\'s rule, hunks settled and reused resolutions, with the wording of the strategies', () => {
    for (const lang of ['en', 'ru'] as const) {
      const data = embeddedData(renderHtml(m.report, m.texts, lang));
      const file = (p: string) => data.report.files.find((f: { path: string }) => f.path === p);
      expect(file('css/theme.css')).toMatchObject({ rule: { index: 1, pattern: 'css/**', strategy: 'theirs', source: 'cabinet-merge.json:4:5' }, favored: 1 });
      expect(file('js/lib.js').reused).toEqual([expect.objectContaining({ startLine: 2, length: 2, recordedPath: 'js/lib.js' })]);
      expect(data.strategyLabels).toEqual(Object.fromEntries(Object.entries(STRATEGY_LABELS).map(([k, w]) => [k, w[lang]])));
      for (const key of ['reusedTitle', 'reusedLegend', 'reusedTag', 'ruleText', 'favored', 'originReused'] as const) {
        expect(data.ui[key]).toBe(UI[key][lang]);
      }
    }
  });

  test('the lines a previous resolution put in are embedded, so the page can show them', () => {
    const views = buildViews(m.report, m.texts);
    const lib = views['js/lib.js'].chunks!.flatMap(([start, ls]) => ls.map((l, i) => `${start + i}:${l}`));
    expect(lib).toEqual(['1:x', '2:Y mine', '3:Y vendor', '4:z']);
    // A resolution that deleted its block: the lines around where it was.
    expect(views['js/del.js'].chunks).toEqual([[1, ['p', 'r']]]);
  });
});

test('a block cut out of a 2 MB minified line: the page embeds it with its column and size, never "too large"', () => {
  const stmts = Array.from({ length: 100_000 }, (_, i) => `v${i}=${i}`);
  const edit = (k: number, v: string) => stmts.map((s, i) => (i === k ? `v${i}=${v}` : s)).join(';') + ';\n';
  const m = mergeFixture({ 'app.js': edit(-1, '') }, { 'app.js': edit(50_000, 'mine') }, { 'app.js': edit(50_000, 'theirs') });
  const f = m.report.files.find((x) => x.path === 'app.js')!;
  expect(f.level).toBe('tokens');
  expect(f.conflicts).toHaveLength(1);
  const c = f.conflicts![0];
  expect(c).toMatchObject({ cutBefore: true, cutAfter: true });
  expect(c.column).toBeGreaterThan(500_000);
  expect(c.chars).toBeLessThan(100);
  const view = buildViews(m.report, m.texts)['app.js'];
  expect(view.tooLarge).toBeUndefined();
  const page = renderHtml(m.report, m.texts, 'en');
  expect(page.length).toBeLessThan(200_000);
  const data = embeddedData(page);
  expect(data.ui.blockCut).toContain('column {col}');
  expect(JSON.stringify(data.views['app.js'].chunks)).toContain('v50000=mine;');
});

describe('changed on one side, deleted on the other', () => {
  const md = mergeFixture(
    { 'js/receipt.js': 'print();\n', 'pages/old.html': '<p>a</p>\n' },
    { 'js/receipt.js': 'print(); // ours\nfooter();\n' },
    { 'pages/old.html': '<p>a</p>\n<p>b</p>\n' },
  );

  test('the kept version is embedded whole, numbered from 1, with which side it is', () => {
    const data = embeddedData(renderHtml(md.report, md.texts, 'en'));
    expect(data.views['js/receipt.js']).toEqual({ lines: 2, kept: 'mine', chunks: [[1, ['print(); // ours', 'footer();']]] });
    expect(data.views['pages/old.html']).toEqual({ lines: 2, kept: 'theirs', chunks: [[1, ['<p>a</p>', '<p>b</p>']]] });
  });

  test('keep and remove commands, as the text summary gives them', () => {
    const f = md.report.files.find((x) => x.path === 'js/receipt.js')!;
    expect(f.conflict).toBe('modify-delete');
    expect(f.commands).toEqual({ keep: 'cabinet-merge resolve WORK js/receipt.js --mine', drop: 'cabinet-merge resolve WORK js/receipt.js --theirs' });
    const g = md.report.files.find((x) => x.path === 'pages/old.html')!;
    expect(g.conflict).toBe('delete-modify');
    expect(g.commands).toEqual({ keep: 'cabinet-merge resolve WORK pages/old.html --theirs', drop: 'cabinet-merge resolve WORK pages/old.html --mine' });
    const summary = renderSummary(md.report, 'en');
    expect(summary).toContain(`js/receipt.js: ${CONFLICT_LABELS['modify-delete'].en}; to keep it: ${f.commands!.keep}; to remove it: ${f.commands!.drop}`);
    expect(renderSummary(md.report, 'ru')).toContain(`pages/old.html: ${CONFLICT_LABELS['delete-modify'].ru}; оставить его: ${g.commands!.keep}; удалить: ${g.commands!.drop}`);
  });

  test('a binary kept version is not embedded', () => {
    const bin = mergeFixture({ 'img/a.png': new Uint8Array([0x89, 0x50, 0, 1]) }, { 'img/a.png': new Uint8Array([0x89, 0x50, 0, 2]) }, {});
    expect(bin.report.files[0].conflict).toBe('modify-delete');
    expect(embeddedData(renderHtml(bin.report, bin.texts, 'en')).views['img/a.png']).toBeUndefined();
  });
});

test('each conflict records where its sides start in their own files (the columns are numbered so)', () => {
  const m = mergeFixture(
    { 'a.txt': lines(10) },
    { 'a.txt': lines(10, { 6: 'mine 6' }) },
    { 'a.txt': ['inserted 1', 'inserted 2', ''].join('\n') + lines(10, { 6: 'theirs 6' }) },
  );
  const c = m.report.files[0].conflicts![0];
  // The marked file: 5 unchanged lines (the vendor's two inserted ones first), then the block.
  expect(c.mine.start).toBe(9);
  expect(c.sideLines).toEqual({ mine: 6, base: 6, theirs: 8 });
});
