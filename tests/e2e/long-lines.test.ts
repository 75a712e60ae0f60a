/**
 * Long-line merging on a real front-end build (../shared/1c-templates, read in place, never copied): an older
 * version of a template is the base, the next one theirs, and the older one with an admin's small edits inside the
 * 966 KB one-line app.js is mine. Run through the built CLI at --granularity lines (git's merge) and at the
 * default; the conflict characters (the report's `chars` of every block) must fall by at least 99% and no edit of
 * either side may be lost.
 */
import { readFileSync, writeFileSync } from 'node:fs';
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
