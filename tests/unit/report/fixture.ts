/** Builds a real report and merged texts from in-memory cabinets, for the HTML report's tests. */
import type { Tree } from '../../../src/archive/tree';
import { baseReport, mergeWithBasis, type Basis } from '../../../src/commands/base-source';
import { collectMergedTexts } from '../../../src/report/html';
import { buildReport, inputInfo, type BaseReport, type Report } from '../../../src/report/model';
import { applyResolutions, collectConflicts, type ConflictSite } from '../../../src/rerere/apply';
import { RESOLUTION_SCHEMA, type RecordedResolution } from '../../../src/rerere/store';
import { mergeTrees, type FileOutcome, type TreeMergeOptions } from '../../../src/tree/merge-tree';

export type Files = Record<string, string | Uint8Array>;

const DATE = new Date(Date.UTC(2026, 0, 1));

export function tree(source: string, files: Files): Tree {
  const map = new Map<string, { path: string; bytes: Uint8Array; date: Date }>();
  for (const [path, data] of Object.entries(files)) {
    map.set(path, { path, bytes: typeof data === 'string' ? new TextEncoder().encode(data) : data, date: DATE });
  }
  return { source, kind: 'folder', files: map, dirs: new Set(), nameEncoding: 'utf8', root: '' };
}

export interface Merged {
  report: Report;
  outcomes: FileOutcome[];
  texts: Map<string, string[]>;
}

export interface FixtureOptions extends Partial<TreeMergeOptions> {
  /** A recorded resolution for a conflict block (as an earlier `pack` would have stored), or undefined for none. */
  resolve?: (path: string, site: ConflictSite) => string[] | undefined;
  /** The report's `base` section, as `merge` would write it. */
  base?: BaseReport;
  baseFrom?: ReadonlyMap<string, string>;
}

/**
 * Merges three in-memory cabinets (diff3 markers) and builds the report as `merge` does: `options` adds merge
 * knobs (a rules strategy), resolutions to re-apply, and the `base` section.
 */
export function mergeFixture(base: Files, mine: Files, theirs: Files, fixtureOptions: FixtureOptions = {}): Merged {
  const { resolve, base: baseSection, baseFrom, ...options } = fixtureOptions;
  const trees = { base: tree('C:\\exports\\OLD.zip', base), mine: tree('C:\\exports\\MINE.zip', mine), theirs: tree('NEW.zip', theirs) };
  const { outcomes, layout } = mergeTrees(trees, {
    style: 'diff3',
    labels: { mine: 'mine (MINE.zip)', base: 'base (OLD.zip)', theirs: 'theirs (NEW.zip)' },
    ...options,
  });
  if (resolve) {
    const files = collectConflicts(outcomes);
    const found = new Map<string, RecordedResolution[]>();
    for (const f of files) {
      for (const site of f.sites) {
        const resolution = resolve(f.path, site);
        if (resolution === undefined) continue;
        const { key, mine: m, theirs: t } = site;
        found.set(key, [{ schema: RESOLUTION_SCHEMA, key, mine: m, theirs: t, resolution, path: f.path, recorded: '2026-01-05T09:30:00.000Z' }]);
      }
    }
    applyResolutions(outcomes, files, found);
  }
  const report = buildReport(outcomes, {
    version: '0.0.0-test',
    inputs: { base: inputInfo(trees.base), mine: inputInfo(trees.mine), theirs: inputInfo(trees.theirs) },
    output: { archive: 'MERGED.zip', keptAside: null },
    style: 'diff3',
    keptAsidePath: (p) => `MERGED.conflicts/mine/${p}`,
    layout,
    base: baseSection,
    baseFrom,
  });
  return { report, outcomes, texts: collectMergedTexts(outcomes) };
}

/** The JSON embedded in a rendered page. */
export function embeddedData(html: string): any {
  const m = /<script type="application\/json" id="cm-data">([^]*?)<\/script>/.exec(html);
  if (!m) throw new Error('no data block');
  return JSON.parse(m[1]);
}

/** The page without its data block: the markup, style and script the renderer wrote itself. */
export function withoutData(html: string): string {
  return html.replace(/<script type="application\/json" id="cm-data">[^]*?<\/script>/, '<DATA>');
}

/**
 * A cabinet of `files` paths of which `conflicts` conflict (two conflict blocks each) and as many again merge
 * cleanly; the rest are unchanged or taken from one side. For the "large reports stay usable" checks.
 */
export function bigCabinet(files = 2000, conflicts = 200): { base: Files; mine: Files; theirs: Files } {
  const base: Files = {};
  const mine: Files = {};
  const theirs: Files = {};
  const page = (i: number, edit: (n: number) => string | undefined) =>
    Array.from({ length: 60 }, (_, n) => edit(n) ?? `  <p class="row-${n}">Строка ${n} страницы ${i}: показания счётчиков</p>`).join('\n') + '\n';
  for (let i = 0; i < files; i++) {
    const path = `pages/section-${Math.floor(i / 100)}/page-${i}.html`;
    base[path] = page(i, () => undefined);
    if (i < conflicts) {
      mine[path] = page(i, (n) => (n === 10 || n === 40 ? `  <p class="mine">Наша редакция ${n}</p>` : undefined));
      theirs[path] = page(i, (n) => (n === 10 || n === 40 ? `  <p class="vendor">Редакция поставщика ${n}</p>` : undefined));
    } else if (i < 2 * conflicts) {
      mine[path] = page(i, (n) => (n === 5 ? '  <p>Доработка</p>' : undefined));
      theirs[path] = page(i, (n) => (n === 50 ? '  <p>Обновление</p>' : undefined));
    } else {
      mine[path] = i % 7 === 0 ? page(i, (n) => (n === 1 ? '<!-- наше -->' : undefined)) : base[path];
      theirs[path] = i % 5 === 0 ? page(i, (n) => (n === 30 ? '<!-- поставщик -->' : undefined)) : base[path];
    }
  }
  return { base, mine, theirs };
}

const numbered = (n: number, edit: Record<number, string> = {}) =>
  Array.from({ length: n }, (_, i) => edit[i + 1] ?? `line ${i + 1}`).join('\n') + '\n';

/** The rule `settledMerge` merges css/ by. */
export const CSS_RULE = { index: 1, pattern: 'css/**', strategy: 'theirs', source: 'cabinet-merge.json:4:5' } as const;

/**
 * A merge in which things were settled without markers: css/theme.css by a rule (one conflicting hunk, theirs),
 * js/lib.js and js/del.js wholly by previous resolutions (the second one deleted its block), js/app.js partly
 * (block at line 5 re-applied, the one at line 9 still a conflict); pages/a.html is an ordinary conflict.
 */
export function settledMerge(extra: FixtureOptions = {}): Merged {
  const base: Files = {
    'css/theme.css': ':root {\n  --bg: #1f6fb2;\n  --fg: #222;\n}\n',
    'js/app.js': numbered(12),
    'js/lib.js': 'x\ny\nz\n',
    'js/del.js': 'p\nq\nr\n',
    'pages/a.html': 'a\nb\nc\n',
  };
  const mine: Files = {
    'css/theme.css': ':root {\n  --bg: #0a7d5a;\n  --fg: #222;\n}\n',
    'js/app.js': numbered(12, { 5: 'mine 5', 9: 'mine 9' }),
    'js/lib.js': 'x\nY mine\nz\n',
    'js/del.js': 'p\nQ mine\nr\n',
    'pages/a.html': 'a\nB mine\nc\n',
  };
  const theirs: Files = {
    'css/theme.css': ':root {\n  --bg: #17548a;\n  --fg: #222;\n}\n',
    'js/app.js': numbered(12, { 5: 'theirs 5', 9: 'theirs 9' }),
    'js/lib.js': 'x\nY vendor\nz\n',
    'js/del.js': 'p\nQ vendor\nr\n',
    'pages/a.html': 'a\nB vendor\nc\n',
  };
  const resolutions: Record<string, string[]> = { 'mine 5': ['resolved 5'], 'Y mine': ['Y mine', 'Y vendor'], 'Q mine': [] };
  return mergeFixture(base, mine, theirs, {
    strategyFor: (p) => (p.startsWith('css/') ? { strategy: 'theirs', rule: { ...CSS_RULE } } : { strategy: 'merge' }),
    resolve: (_path, site) => resolutions[site.mine[0]],
    ...extra,
  });
}

export type BasisKind = 'given' | 'store' | 'candidates' | 'none';

/**
 * A merge through the `merge` command's own base handling (commands/base-source.ts), so the report's `base`
 * section and its messages are the real ones: `base` is the old export (given, stored as a baseline, or the one
 * --base-from candidate C:\exports\OLD-1.zip); 'none' merges the two exports alone.
 */
export function basedFixture(kind: BasisKind, base: Files, mine: Files, theirs: Files): Merged {
  const trees = { base: tree('C:\\exports\\OLD-1.zip', base), mine: tree('C:\\exports\\MINE.zip', mine), theirs: tree('NEW.zip', theirs) };
  const manifest = {
    schema: 'cabinet-merge/baseline@1',
    id: 'b-20251201',
    name: 'Кабинет 3.1',
    savedAt: '2025-12-01T08:00:00.000Z',
    source: 'OLD-1.zip',
    nameEncoding: 'utf8',
    root: '',
    files: {},
    dirs: [],
  } as never;
  const candidatePaths = kind === 'candidates' ? [trees.base.source, 'C:\\exports\\OLD-2.zip'] : [];
  const basis: Basis =
    kind === 'given'
      ? { kind, tree: trees.base, label: 'OLD-1.zip', notes: [] }
      : kind === 'store'
        ? { kind, tree: trees.base, label: "baseline 'Кабинет 3.1'", match: { manifest, identical: 2, mineFiles: 3, mayBeMine: false }, notes: [] }
        : kind === 'candidates'
          ? {
              kind,
              candidates: [
                { label: 'OLD-1.zip', path: candidatePaths[0], tree: trees.base },
                { label: 'OLD-2.zip', path: candidatePaths[1], tree: tree('C:\\exports\\OLD-2.zip', {}) },
              ],
              label: 'candidates',
              notes: [],
            }
          : { kind, label: 'none', notes: [] };
  const merged = mergeWithBasis(
    basis,
    trees.mine,
    trees.theirs,
    { style: 'diff3', labels: { mine: 'mine (MINE.zip)', base: 'base', theirs: 'theirs (NEW.zip)' } },
  );
  const report = buildReport(merged.outcomes, {
    version: '0.0.0-test',
    inputs: { base: kind === 'given' || kind === 'store' ? inputInfo(trees.base) : null, mine: inputInfo(trees.mine), theirs: inputInfo(trees.theirs) },
    output: { archive: 'MERGED.zip', keptAside: null },
    style: 'diff3',
    keptAsidePath: (p) => `MERGED.conflicts/mine/${p}`,
    layout: merged.layout,
    base: baseReport(basis, merged, { theirs: 'NEW.zip', candidatePaths }),
    baseFrom: merged.baseFrom,
  });
  return { report, outcomes: merged.outcomes, texts: collectMergedTexts(merged.outcomes) };
}
