/** Builds a real report and merged texts from in-memory cabinets, for the HTML report's tests. */
import type { Tree } from '../../../src/archive/tree';
import { collectMergedTexts } from '../../../src/report/html';
import { buildReport, inputInfo, type Report } from '../../../src/report/model';
import { mergeTrees, type FileOutcome } from '../../../src/tree/merge-tree';

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

/** Merges three in-memory cabinets (diff3 markers) and builds the report as `merge` does. */
export function mergeFixture(base: Files, mine: Files, theirs: Files): Merged {
  const trees = { base: tree('C:\\exports\\OLD.zip', base), mine: tree('C:\\exports\\MINE.zip', mine), theirs: tree('NEW.zip', theirs) };
  const { outcomes, layout } = mergeTrees(trees, {
    style: 'diff3',
    labels: { mine: 'mine (MINE.zip)', base: 'base (OLD.zip)', theirs: 'theirs (NEW.zip)' },
  });
  const report = buildReport(outcomes, {
    version: '0.0.0-test',
    inputs: { base: inputInfo(trees.base), mine: inputInfo(trees.mine), theirs: inputInfo(trees.theirs) },
    output: { archive: 'MERGED.zip', keptAside: null },
    style: 'diff3',
    keptAsidePath: (p) => `MERGED.conflicts/mine/${p}`,
    layout,
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
