/**
 * Every folder tests/cases/<what_it_shows>/{base,mine,theirs,expected} is a test: the three trees are merged and
 * the output must equal `expected` file for file, byte for byte. case.json gives the exit code and the status of
 * the paths the case is about. A side folder that git cannot keep (empty) counts as an empty tree.
 */

import fg from 'fast-glob';
import { existsSync, promises as fs } from 'node:fs';
import * as path from 'node:path';
import { readTree } from '../src/archive';
import type { Tree } from '../src/archive/tree';
import { decodeText, describeEncoding } from '../src/text';
import { buildReport, inputInfo } from '../src/report/model';
import { mergeTrees } from '../src/tree';
import { mergeTreesWithoutBase } from '../src/tree/two-way';

interface CaseMeta {
  exitCode: 0 | 1;
  statuses: Record<string, string>;
  keptAside?: Record<string, 'mine' | 'theirs' | 'case-clash' | 'file-folder'>;
  notes?: Record<string, string[]>;
  /** Merge options for the case (default: none). */
  options?: { ignoreWhitespace?: boolean; preferBinary?: 'mine' | 'theirs'; renames?: number | false };
  /** Expected layout note codes. */
  layout?: string[];
  /** Two archives: mine and theirs merged without a base (there is no base folder). */
  twoArchives?: boolean;
  /** New path → the old path it was renamed from (every rename of the merge, no more). */
  renamed?: Record<string, string>;
  /** Folder groups of the report: folder → [status, file count] (every group, no more). */
  groups?: Record<string, [string, number]>;
}

const root = path.join(__dirname, 'cases');
const cases = fg.sync('*/case.json', { cwd: root }).map((p) => path.dirname(p)).sort();

async function side(dir: string): Promise<Tree> {
  if (existsSync(dir)) return readTree(dir);
  return { source: dir, kind: 'folder', files: new Map(), dirs: new Set(), nameEncoding: 'utf8', root: '' };
}

/** Bytes as decoded text with its encoding (CR shown as ␍), so a mismatch shows as a readable diff; hex for binary. */
function show(bytes: Uint8Array | undefined): string {
  if (bytes === undefined) return '<absent>';
  const d = decodeText(bytes);
  if (d === undefined) return `binary:${Buffer.from(bytes).toString('hex')}`;
  return `${describeEncoding(d)}:\n${d.text.replace(/\r/g, '␍')}`;
}

test('there are fixture cases', () => {
  expect(cases.length).toBeGreaterThanOrEqual(10);
});

describe.each(cases)('case %s', (name) => {
  const dir = path.join(root, name);

  test('merges to expected', async () => {
    const meta = JSON.parse(await fs.readFile(path.join(dir, 'case.json'), 'utf8')) as CaseMeta;
    const [base, mine, theirs] = await Promise.all(['base', 'mine', 'theirs'].map((s) => side(path.join(dir, s))));
    const expected = await side(path.join(dir, 'expected'));
    const labels = { base: 'base (base)', mine: 'mine (mine)', theirs: 'theirs (theirs)' };
    const options = { style: 'diff3' as const, labels, ...meta.options };
    const { outcomes, layout } = meta.twoArchives ? mergeTreesWithoutBase({ mine, theirs }, options) : mergeTrees({ base, mine, theirs }, options);

    const produced = new Map(outcomes.filter((o) => o.output).map((o) => [o.path, o.output!]));
    expect([...produced.keys()].sort()).toEqual([...expected.files.keys()].sort());
    for (const [p, entry] of expected.files) {
      expect({ path: p, content: show(produced.get(p)) }).toEqual({ path: p, content: show(entry.bytes) });
    }

    const byPath = new Map(outcomes.map((o) => [o.path, o]));
    for (const [p, status] of Object.entries(meta.statuses)) expect({ path: p, status: byPath.get(p)?.status }).toEqual({ path: p, status });
    for (const [p, as] of Object.entries(meta.keptAside ?? {})) {
      const copy = byPath.get(p)?.aside?.find((c) => c.as === as);
      expect({ path: p, as: copy?.as }).toEqual({ path: p, as });
      if (as === 'mine' || as === 'theirs') expect(show(copy?.bytes)).toEqual(show((as === 'mine' ? mine : theirs).files.get(p)?.bytes));
    }
    for (const [p, codes] of Object.entries(meta.notes ?? {})) {
      expect(byPath.get(p)?.notes.map((n) => n.code)).toEqual(codes);
    }

    const renamed = Object.fromEntries(outcomes.filter((o) => o.renamedFrom).map((o) => [o.path, o.renamedFrom]));
    expect(renamed).toEqual(meta.renamed ?? {});

    const report = buildReport(outcomes, {
      version: 'test',
      inputs: { base: meta.twoArchives ? null : inputInfo(base), mine: inputInfo(mine), theirs: inputInfo(theirs) },
      output: { archive: null, keptAside: null },
      style: 'diff3',
      keptAsidePath: (p) => p,
      layout,
    });
    expect(report.exitCode).toBe(meta.exitCode);
    expect(Object.fromEntries(report.groups.map((g) => [g.folder, [g.status, g.files]]))).toEqual(meta.groups ?? {});
    expect(layout.map((n) => n.code)).toEqual(meta.layout ?? []);
  });
});
