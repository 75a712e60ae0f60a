import { createHash } from 'node:crypto';
import * as iconv from 'iconv-lite';
import { renderHtml, esc, jsonForScript } from '../../../src/report/html';
import { CLIENT_CSS, CLIENT_JS } from '../../../src/report/html-client';
import { buildViews, CONTEXT_LINES, MAX_VIEW_CHARS } from '../../../src/report/html-data';
import { UI } from '../../../src/report/html-ui';
import { renderSummary } from '../../../src/report/text';
import { STATUS_LABELS, type FileStatus } from '../../../src/tree/status';
import { bigCabinet, embeddedData, mergeFixture, withoutData, type Files } from './fixture';

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

  test('a file too large to show is flagged, not embedded', () => {
    const big = 'x'.repeat(MAX_VIEW_CHARS);
    const m = mergeFixture({ 'a.txt': `${big}\n1\n` }, { 'a.txt': `${big}\n2\n` }, { 'a.txt': `${big}\n3\n` });
    expect(buildViews(m.report, m.texts)['a.txt']).toEqual({ lines: expect.any(Number), tooLarge: true });
  });
});

test('a 2,000-file report with 200 conflicting files renders quickly and stays small', () => {
  const c = bigCabinet();
  const m = mergeFixture(c.base, c.mine, c.theirs);
  expect(m.report.totals.byStatus.conflict).toBe(200);
  const start = performance.now();
  const page = renderHtml(m.report, m.texts, 'ru');
  const ms = performance.now() - start;
  expect(ms).toBeLessThan(2000);
  expect(page.length).toBeLessThan(8_000_000);
});

test('notes about the inputs as a whole are shown as the text summary prints them', () => {
  const report = JSON.parse(JSON.stringify(merged.report));
  report.sameInputs = [{ en: 'base and theirs are the same <archive>', ru: 'база и theirs — одна и та же выгрузка', roles: ['base', 'theirs'], by: 'path' }];
  report.layout = [{ code: 'wrapper-folder', en: 'wrapper folder lk/ stripped', ru: 'папка-обёртка lk/ убрана' }];
  expect(renderHtml(report, merged.texts, 'en')).toContain('<li>base and theirs are the same &#60;archive&#62;</li><li>wrapper folder lk/ stripped</li>');
  expect(renderHtml(report, merged.texts, 'ru')).toContain('<li>папка-обёртка lk/ убрана</li>');
});
