import { renderSummary } from '../../../src/report/text';
import { renderStatus } from '../../../src/workdir/render';
import { mergeFixture, settledMerge } from './fixture';

/** The summary's lines from `title` up to the next line that is not indented. */
function section(text: string, title: string): string[] {
  const lines = text.split('\n');
  const at = lines.indexOf(title);
  if (at < 0) throw new Error(`no line ${JSON.stringify(title)} in:\n${text}`);
  const out = [title];
  for (const l of lines.slice(at + 1)) {
    if (!l.startsWith('  ')) break;
    out.push(l);
  }
  return out;
}

const settled = settledMerge();

describe('renderSummary: what was settled without markers', () => {
  test('resolutions re-applied from a previous merge, with their lines, for review', () => {
    expect(section(renderSummary(settled.report, 'en'), 'Resolved from a previous resolution — please review (3):')).toEqual([
      'Resolved from a previous resolution — please review (3):',
      '  js/app.js: line 5 (recorded 2026-01-05)',
      '  js/del.js: block removed before line 2 (recorded 2026-01-05)',
      '  js/lib.js: lines 2-3 (recorded 2026-01-05)',
    ]);
    expect(section(renderSummary(settled.report, 'ru'), 'Решено по сохранённому ранее решению — проверьте (3):')).toEqual([
      'Решено по сохранённому ранее решению — проверьте (3):',
      '  js/app.js: строка 5 (решение от 2026-01-05)',
      '  js/del.js: блок удалён перед строкой 2 (решение от 2026-01-05)',
      '  js/lib.js: строки 2-3 (решение от 2026-01-05)',
    ]);
  });

  test('a rule that settled conflicting hunks: which rule, where it is written, how many hunks', () => {
    expect(section(renderSummary(settled.report, 'en'), 'Conflicting lines settled by the rules file (1):')).toEqual([
      'Conflicting lines settled by the rules file (1):',
      '  css/theme.css: rule 2 "css/**" → theirs (cabinet-merge.json:4:5): 1 conflicting hunk',
    ]);
    expect(section(renderSummary(settled.report, 'ru'), 'Спорные строки решены по файлу правил (1):')).toEqual([
      'Спорные строки решены по файлу правил (1):',
      '  css/theme.css: правило 2 "css/**" → theirs (cabinet-merge.json:4:5): спорных фрагментов — 1',
    ]);
  });

  test('the order: decisions left, then what was settled, then the base', () => {
    const report = { ...settled.report, base: { source: 'none' as const, undecidedWithoutBase: 0, notes: [], messages: [{ en: 'BASE LINE', ru: 'СТРОКА О БАЗЕ' }] } };
    const text = renderSummary(report, 'en');
    const at = (s: string) => text.indexOf(s);
    expect(at('Needs your decision (2):')).toBeLessThan(at('Resolved from a previous resolution'));
    expect(at('Resolved from a previous resolution')).toBeLessThan(at('Conflicting lines settled by the rules file'));
    expect(at('Conflicting lines settled by the rules file')).toBeLessThan(at('BASE LINE'));
    // A file with a block still in conflict is listed among the decisions too, with the lines left.
    expect(text).toContain('  js/app.js: both sides changed the same lines; lines 9-15\n');
  });

  test('nothing settled, nothing said; a rule that settled nothing is not listed', () => {
    const m = mergeFixture({ 'a.txt': 'a\nb\nc\n' }, { 'a.txt': 'A\nb\nc\n' }, { 'a.txt': 'a\nb\nC\n' }, {
      strategyFor: () => ({ strategy: 'theirs', rule: { index: 0, pattern: '**', strategy: 'theirs', source: 'r.json:1:1' } }),
    });
    expect(m.report.files[0]).toMatchObject({ status: 'merged', rule: { pattern: '**' } });
    const text = renderSummary(m.report, 'en');
    expect(text).not.toContain('previous resolution');
    expect(text).not.toContain('rules file');
  });

  test('long lists stop at 40 paths, as the decisions list does', () => {
    const report = JSON.parse(JSON.stringify(settled.report));
    const lib = report.files.find((f: { path: string }) => f.path === 'js/lib.js');
    report.files = Array.from({ length: 45 }, (_, i) => ({ ...lib, path: `js/lib-${i}.js` }));
    const lines = section(renderSummary(report, 'en'), 'Resolved from a previous resolution — please review (45):');
    expect(lines).toHaveLength(42);
    expect(lines[41]).toBe('  … and 5 more: the report (--report) lists them all.');
  });
});

test('status in the working folder words reused resolutions as the merge summary does', () => {
  const app = settled.report.files.find((f) => f.path === 'js/lib.js')!;
  const inspection = {
    markers: [],
    pending: [],
    resolved: [],
    added: [],
    removed: [],
    keptOut: [],
    reused: [{ path: 'js/lib.js', conflict: { reused: app.reused }, edited: false }],
  };
  const text = renderStatus({ inspection, exitCode: 0 } as never, 'WORK', 'en');
  expect(text).toContain('Resolved from a previous resolution — please review (1):\n  js/lib.js: lines 2-3 (recorded 2026-01-05)\n');
});

describe('renderSummary as a report file (--report FILE.txt): the closing hint names each file and line', () => {
  const conflicting = (n: number) => {
    const base: Record<string, string> = {};
    const mine: Record<string, string> = {};
    const theirs: Record<string, string> = {};
    for (let i = 1; i <= n; i++) {
      base[`css/f${i}.css`] = 'a\nb\nc\n';
      mine[`css/f${i}.css`] = 'a\nB mine\nc\n';
      theirs[`css/f${i}.css`] = 'a\nB theirs\nc\n';
    }
    return mergeFixture(base, mine, theirs).report;
  };
  const last = (text: string) => text.trimEnd().split('\n').pop();

  test('a working folder: the files in it at their first block, then status and pack', () => {
    const report = { ...conflicting(2), output: { archive: null, keptAside: null, workdir: 'Рабочая папка' } };
    expect(last(renderSummary(report, 'en'))).toBe(
      "Open Рабочая папка/css/f1.css at line 2 and Рабочая папка/css/f2.css at line 2, keep the right lines and delete the markers; check with: cabinet-merge status 'Рабочая папка', then: cabinet-merge pack 'Рабочая папка' -o 'Рабочая папка.zip'",
    );
    expect(last(renderSummary(report, 'ru'))).toBe(
      "Откройте Рабочая папка/css/f1.css (строка 2) и Рабочая папка/css/f2.css (строка 2), оставьте нужные строки и удалите маркеры; проверьте: cabinet-merge status 'Рабочая папка', затем: cabinet-merge pack 'Рабочая папка' -o 'Рабочая папка.zip'",
    );
  });

  test('a zip only: the files are inside it; the working folder to merge into instead; more than three counted', () => {
    const report = { ...conflicting(5), output: { archive: 'ИТОГ.zip', keptAside: null, workdir: null } };
    const en = renderSummary(report, 'en');
    expect(last(en)).toBe(
      'The files are inside ИТОГ.zip, where an editor cannot reach them: repeat this merge with --out-dir ИТОГ instead of -o, then open ИТОГ/css/f1.css at line 2, ИТОГ/css/f2.css at line 2, ИТОГ/css/f3.css at line 2 and 2 more files listed above.',
    );
    expect(en).not.toContain('Open each file');
    expect(last(renderSummary(report, 'ru'))).toBe(
      'Файлы находятся внутри ИТОГ.zip, где редактор до них не доберётся: повторите это слияние с --out-dir ИТОГ вместо -o и откройте ИТОГ/css/f1.css (строка 2), ИТОГ/css/f2.css (строка 2), ИТОГ/css/f3.css (строка 2) и ещё 2 файла из списка выше.',
    );
  });
});
