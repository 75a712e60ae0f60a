/**
 * The report for renames, files only in the vendor's export, and folder groups (issue 12), built from real merges of
 * the fixture cases: JSON fields, the text summary, the HTML panel.
 */
import * as path from 'node:path';
import { readTree } from '../../../src/archive';
import { collectMergedTexts, renderHtml } from '../../../src/report/html';
import { buildReport, inputInfo, type Report } from '../../../src/report/model';
import { renderSummary } from '../../../src/report/text';
import { mergeTrees, type FileOutcome } from '../../../src/tree';
import { mergeTreesWithoutBase } from '../../../src/tree/two-way';

const CASES = path.join(__dirname, '..', '..', 'cases');
const labels = { base: 'base (OLD.zip)', mine: 'mine (MINE.zip)', theirs: 'theirs (NEW.zip)' };

async function run(name: string, twoArchives: boolean, work?: string): Promise<{ report: Report; outcomes: FileOutcome[] }> {
  const dir = path.join(CASES, name);
  const [mine, theirs] = await Promise.all([readTree(path.join(dir, 'mine')), readTree(path.join(dir, 'theirs'))]);
  const base = twoArchives ? undefined : await readTree(path.join(dir, 'base'));
  const { outcomes, layout } = base ? mergeTrees({ base, mine, theirs }, { style: 'diff3', labels }) : mergeTreesWithoutBase({ mine, theirs }, { style: 'diff3', labels });
  const report = buildReport(outcomes, {
    version: 'test',
    inputs: { base: base ? inputInfo(base) : null, mine: inputInfo(mine), theirs: inputInfo(theirs) },
    output: { archive: 'MERGED.zip', keptAside: null },
    style: 'diff3',
    keptAsidePath: (p) => p,
    layout,
    ...(work ? { work } : {}),
  });
  return { report, outcomes };
}

describe('a hashed bundle the vendor renamed, edited by the admin', () => {
  test('JSON: status renamed, the old path, the score; the old path is not a file of the report', async () => {
    const { report } = await run('hashed-rename-edit-carried', false);
    const f = report.files.find((x) => x.path === 'js/app.9f8e7d6c.js')!;
    expect({ status: f.status, renamedFrom: f.renamedFrom }).toEqual({ status: 'renamed', renamedFrom: 'js/app.1a2b3c4d.js' });
    expect(f.renameScore).toBeGreaterThan(0.5);
    expect(report.files.some((x) => x.path === 'js/app.1a2b3c4d.js')).toBe(false);
    expect(report.totals.renamed).toBe(1);
    expect(report.exitCode).toBe(0);
  });

  test('summary: "old → new: renamed by the vendor …; your edit carried over", in English and Russian', async () => {
    const { report } = await run('hashed-rename-edit-carried', false);
    const en = renderSummary(report, 'en');
    expect(en).toContain('Renamed or moved by the vendor (1):');
    expect(en).toMatch(/js\/app\.1a2b3c4d\.js → js\/app\.9f8e7d6c\.js: renamed by the vendor \(\d+% of the content in common\); your edit carried over/);
    // Listed once, not again among the other decisions.
    expect(en.split('js/app.1a2b3c4d.js →').length - 1).toBe(1);
    expect(renderSummary(report, 'ru')).toContain('переименован поставщиком');
  });

  test('HTML: the renamed status is counted and the row carries the old path', async () => {
    const { report, outcomes } = await run('hashed-rename-edit-carried', false);
    const html = renderHtml(report, collectMergedTexts(outcomes), 'en');
    expect(html).toContain('data-count="renamed"');
    expect(html).toContain('"renamedFrom":"js/app.1a2b3c4d.js"');
  });
});

describe('two archives: a file only in the vendor export', () => {
  test('flagged for review with the command that drops it in the working folder', async () => {
    const { report } = await run('two-archive-admin-deleted', true, 'WORK DIR');
    const f = report.files.find((x) => x.path === 'pages/news.html')!;
    expect(f.status).toBe('only-theirs');
    expect(f.commands).toEqual({ keep: `cabinet-merge resolve 'WORK DIR' pages/news.html --theirs`, drop: `cabinet-merge resolve 'WORK DIR' pages/news.html --mine` });
    expect(report.totals.needsAttention).toBe(1);
    const en = renderSummary(report, 'en');
    expect(en).toContain(`pages/news.html: only in the vendor's new export: new from the vendor, or one you deleted? — check; to drop it: cabinet-merge resolve 'WORK DIR' pages/news.html --mine`);
  });
});

describe('two archives: a restructured folder', () => {
  test('JSON lists each group with all its files; each file names its group', async () => {
    const { report } = await run('two-archive-restructured-folder', true);
    expect(report.groups.map((g) => [g.folder, g.status, g.files, g.commands.drop])).toEqual([
      ['ace/', 'only-mine', 6, "cabinet-merge resolve WORK 'ace/**' --theirs"],
      ['js/', 'only-theirs', 3, "cabinet-merge resolve WORK 'js/**' --mine"],
    ]);
    expect(report.groups[0].paths).toEqual(report.files.filter((f) => f.path.startsWith('ace/')).map((f) => f.path));
    expect(report.files.filter((f) => f.group === 'ace/').length).toBe(6);
    expect({ needsAttention: report.totals.needsAttention, items: report.totals.attentionItems }).toEqual({ needsAttention: 9, items: 2 });
  });

  test('summary: one item per folder, not one per file', async () => {
    const { report } = await run('two-archive-restructured-folder', true);
    const en = renderSummary(report, 'en');
    expect(en).toContain('Needs your decision (2):');
    expect(en).toContain("ace/: 6 files only in your export — kept (your additions, or files the vendor removed); to keep them all: cabinet-merge resolve WORK 'ace/**' --mine; to drop them all: cabinet-merge resolve WORK 'ace/**' --theirs");
    expect(en).not.toContain('ace/mode-css.js');
    expect(renderSummary(report, 'ru')).toContain('файлов только в вашей выгрузке: 6');
  });

  test('HTML: a groups panel with both commands', async () => {
    const { report, outcomes } = await run('two-archive-restructured-folder', true);
    const html = renderHtml(report, collectMergedTexts(outcomes), 'ru');
    expect(html).toContain('id="cm-groups"');
    expect(html).toContain('data-group="ace/"');
    expect(html).toContain('cabinet-merge resolve WORK &#39;js/**&#39; --mine');
  });
});
