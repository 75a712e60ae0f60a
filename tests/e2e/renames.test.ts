/**
 * Issue 12 end to end, on real front-end builds that 1C configurations ship (../shared/1c-templates, read from
 * there, never copied into the project):
 * - a single-file Monaco build whose worker chunk the vendor renamed (editor.worker-Bf3Xqcw6.js →
 *   editor.worker-BZw7CGQZ.js) while the admin had patched it: the patch lands in the new chunk, the stale one is
 *   not in the archive, the report says renamed; the working folder holds the admin's version as the conflict's
 *   mine side at the new path; --no-renames gives the old per-path result;
 * - a two-archive merge of an Ace build restructured into hashed chunks: 153 files only in mine are one item.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import JSZip from 'jszip';
import { runCli } from '../helpers/cli';
import { cleanTempDirs, tempDir } from '../helpers/tmp';

const T = path.resolve(__dirname, '..', '..', '..', 'shared', '1c-templates');
const MONACO_OLD = path.join(T, '24e554cb9e0371ada4332f322b37e0349fb5b66c-3466260f5f59.zip');
const MONACO_NEW = path.join(T, 'b3b99c4bbdcc0af96e185ec98b08bbd7fe9be095-3466260f5f59.zip');
const ACE_OLD = path.join(T, 'eb63b43c524114e7c55cdddb2e1c08711181648a-b581f06bb7eb.zip');
const ACE_NEW = path.join(T, '53a2b2f12966a2667f7e9c846b8181c738b75293-b581f06bb7eb.zip');
const OLD_WORKER = 'editor.worker-Bf3Xqcw6.js';
const NEW_WORKER = 'editor.worker-BZw7CGQZ.js';
const PATCH = '/* ADMIN-PATCH-42 */';

afterAll(cleanTempDirs);

async function zipNames(file: string): Promise<string[]> {
  return Object.keys((await JSZip.loadAsync(readFileSync(file))).files).sort();
}

describe('a renamed worker chunk of a real single-file build', () => {
  const dir = tempDir('renames-e2e');
  const mine = path.join(dir, 'mine');

  beforeAll(async () => {
    // mine: the old release with the admin's patch in the worker, as a folder.
    const old = await JSZip.loadAsync(readFileSync(MONACO_OLD));
    mkdirSync(mine, { recursive: true });
    for (const name of Object.keys(old.files)) {
      let bytes = Buffer.from(await old.files[name].async('uint8array'));
      if (name === OLD_WORKER) bytes = Buffer.from(bytes.toString('utf8').replace('"use strict";', `"use strict";${PATCH}`), 'utf8');
      writeFileSync(path.join(mine, name), bytes);
    }
  });

  test('the patch lands in the renamed chunk; the stale chunk is gone; the report says renamed', async () => {
    const out = path.join(dir, 'out.zip');
    const work = path.join(dir, 'WORK');
    const report = path.join(dir, 'report.json');
    const r = runCli(['merge', MONACO_OLD, mine, MONACO_NEW, '-o', out, '--report', report, '--out-dir', work, '--no-store']);
    expect(r.stderr).toBe('');
    expect(await zipNames(out)).toEqual([NEW_WORKER, 'index.html'].sort());
    const worker = (await JSZip.loadAsync(readFileSync(out))).file(NEW_WORKER)!;
    expect(await worker.async('string')).toContain(PATCH);
    expect(r.stdout).toContain(`${OLD_WORKER} → ${NEW_WORKER}: renamed by the vendor`);

    const json = JSON.parse(readFileSync(report, 'utf8'));
    const f = json.files.find((x: { path: string }) => x.path === NEW_WORKER);
    expect(f.renamedFrom).toBe(OLD_WORKER);
    expect(json.files.some((x: { path: string }) => x.path === OLD_WORKER)).toBe(false);
    expect(json.totals.renamed).toBe(1);

    // Minified lines: the patched first line is one the vendor changed too. Token by token (the default) the patch,
    // right after "use strict";, does not overlap the vendor's changes: the renamed chunk merges cleanly.
    expect(r.status).toBe(0);
    expect(f.status).toBe('renamed');
    expect(existsSync(path.join(work, OLD_WORKER))).toBe(false);

    // Line by line the patch sits in a conflict block of the new chunk; the working folder has no stale chunk, and
    // the conflict's mine side is the admin's old chunk.
    const lineWork = path.join(dir, 'WORK-lines');
    const lineReport = path.join(dir, 'report-lines.json');
    const byLines = runCli(['merge', MONACO_OLD, mine, MONACO_NEW, '--report', lineReport, '--out-dir', lineWork, '--no-store', '--granularity', 'lines']);
    expect(byLines.status).toBe(1);
    const g = JSON.parse(readFileSync(lineReport, 'utf8')).files.find((x: { path: string }) => x.path === NEW_WORKER);
    expect(g.status).toBe('conflict');
    expect(existsSync(path.join(lineWork, OLD_WORKER))).toBe(false);
    const side = readFileSync(path.join(lineWork, '.cabinet-merge', 'sides', 'mine', NEW_WORKER), 'utf8');
    expect(side).toBe(readFileSync(path.join(mine, OLD_WORKER), 'utf8'));
  });

  test('--no-renames: the old per-path result (modify/delete, the stale chunk kept)', async () => {
    const out = path.join(dir, 'off.zip');
    const r = runCli(['merge', MONACO_OLD, mine, MONACO_NEW, '-o', out, '--no-renames', '--no-store']);
    expect(r.status).toBe(1);
    expect(r.stdout).toContain(`${OLD_WORKER}: changed by you, deleted by the vendor`);
    expect(await zipNames(out)).toEqual([NEW_WORKER, OLD_WORKER, 'index.html'].sort());
  });

  test('--find-renames takes a percentage and rejects anything else', () => {
    const bad = runCli(['merge', MONACO_OLD, mine, MONACO_NEW, '-o', path.join(dir, 'bad.zip'), '--find-renames=abc', '--no-store']);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('--find-renames=abc: give a percentage from 0 to 100');
  });
});

describe('two archives: an Ace build restructured into hashed chunks', () => {
  test('153 files only in mine are one item, and the top-level chunks another', () => {
    const dir = tempDir('groups-e2e');
    const report = path.join(dir, 'report.json');
    const r = runCli(['merge', ACE_OLD, ACE_NEW, '-o', path.join(dir, 'out.zip'), '--report', report, '--no-store']);
    expect(r.status).toBe(1);
    expect(r.stdout).toContain('Needs your decision (2):');
    expect(r.stdout).toContain("ace/: 153 files only in your export — kept");
    // The working folder named after -o out.zip (the one the summary tells to merge into), not a placeholder.
    expect(r.stdout).toContain(`cabinet-merge resolve ${path.join(dir, 'out')} 'ace/**' --theirs`);
    const json = JSON.parse(readFileSync(report, 'utf8'));
    const ace = json.groups.find((g: { folder: string }) => g.folder === 'ace/');
    expect(ace.paths.length).toBe(153);
    expect(json.totals.attentionItems).toBe(2);
  });
});
