import { readdirSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { buildReport } from '../../../src/report/model';
import { renderSummary } from '../../../src/report/text';
import { applyResolutions, collectConflicts, pickResolution, wantedKeys } from '../../../src/rerere/apply';
import { extractResolutions } from '../../../src/rerere/extract';
import { conflictKey } from '../../../src/rerere/key';
import { RESOLUTION_SCHEMA, defaultResolutionsDir, loadResolutions, recordResolutions, type RecordedResolution } from '../../../src/rerere/store';
import { mergePath, type FileOutcome } from '../../../src/tree/merge-tree';
import { cleanTempDirs, tempDir } from '../../helpers/tmp';

afterAll(cleanTempDirs);

const enc = (s: string) => new TextEncoder().encode(s);
const dec = (b: Uint8Array | undefined) => new TextDecoder().decode(b);
const labels = { mine: 'mine', base: 'base', theirs: 'theirs' };

function merge(base: string, mine: string, theirs: string): FileOutcome {
  return mergePath({ path: 'css/theme.css', base: enc(base), mine: enc(mine), theirs: enc(theirs) }, { style: 'diff3', labels });
}

describe('conflictKey', () => {
  test('ignores line ends (CRLF = LF), not content', () => {
    expect(conflictKey(['a\r', 'b\r'], ['c\r'])).toBe(conflictKey(['a', 'b'], ['c']));
    expect(conflictKey(['a'], ['c'])).not.toBe(conflictKey(['a '], ['c']));
  });
  test('mine and theirs are roles: swapping them is another conflict', () => {
    expect(conflictKey(['a'], ['b'])).not.toBe(conflictKey(['b'], ['a']));
  });
  test('line boundaries count: ["ab"] is not ["a", "b"]', () => {
    expect(conflictKey(['ab'], [])).not.toBe(conflictKey(['a', 'b'], []));
  });
});

describe('defaultResolutionsDir', () => {
  test('the environment variable wins', () => {
    expect(defaultResolutionsDir({ CABINET_MERGE_RESOLUTIONS: '/x' }, 'linux', '/home/u')).toBe('/x');
  });
  test('Windows: %LOCALAPPDATA%', () => {
    expect(defaultResolutionsDir({ LOCALAPPDATA: 'C:\\Users\\u\\AppData\\Local' }, 'win32', 'C:\\Users\\u')).toBe(
      'C:\\Users\\u\\AppData\\Local\\cabinet-merge\\resolutions',
    );
  });
  test('elsewhere: $XDG_DATA_HOME, else ~/.local/share', () => {
    expect(defaultResolutionsDir({ XDG_DATA_HOME: '/d' }, 'linux', '/home/u')).toBe('/d/cabinet-merge/resolutions');
    // A relative XDG_DATA_HOME is invalid (XDG Base Directory spec) and ignored, as the baseline store does.
    expect(defaultResolutionsDir({ XDG_DATA_HOME: 'rel/data' }, 'linux', '/home/u')).toBe('/home/u/.local/share/cabinet-merge/resolutions');
    expect(defaultResolutionsDir({}, 'linux', '/home/u')).toBe('/home/u/.local/share/cabinet-merge/resolutions');
  });
});

// Two conflicts: line 2 and line 8, CRLF.
const BASE = ['h', 'color: red;', '1', '2', '3', '4', '5', 'size: 1;', 't'].join('\r\n') + '\r\n';
const MINE = BASE.replace('color: red;', 'color: green;').replace('size: 1;', 'size: 2;');
const THEIRS = BASE.replace('color: red;', 'color: blue;').replace('size: 1;', 'size: 3;');

describe('record and replay', () => {
  test('extracts what replaced each block, then re-applies it in a later merge with different surroundings', () => {
    const first = merge(BASE, MINE, THEIRS);
    expect(first.text!.conflicts).toHaveLength(2);
    const [file] = collectConflicts([first]);
    // The admin keeps mine in the first block and writes a new line in the second (as an editor: CRLF kept).
    const edited = dec(first.output)
      .replace(/<<<<<<< mine\r\ncolor: green;\r\n\|\|\|\|\|\|\| base\r\ncolor: red;\r\n=======\r\ncolor: blue;\r\n>>>>>>> theirs\r\n/, 'color: green;\r\n')
      .replace(/<<<<<<< mine\r\nsize: 2;\r\n[^]*?>>>>>>> theirs\r\n/, 'size: 2; /* agreed */\r\n');
    expect(edited).not.toContain('<<<<<<<');
    const resolutions = extractResolutions(file.preimage, edited, file.sites);
    expect(resolutions).toEqual([['color: green;'], ['size: 2; /* agreed */']]);

    const recorded = new Map<string, RecordedResolution[]>(
      file.sites.map((s, i) => [
        s.key,
        [{ schema: RESOLUTION_SCHEMA, key: s.key, mine: s.mine, theirs: s.theirs, resolution: resolutions[i]!, path: file.path, recorded: '2025-01-01T00:00:00.000Z' }],
      ]),
    );

    // The next vendor release: the same conflicting lines, plus a new first line from the vendor.
    const theirs2 = 'new vendor line\r\n' + THEIRS;
    const second = merge(BASE, MINE, theirs2);
    const files2 = collectConflicts([second]);
    expect(files2[0].sites.map((s) => s.key)).toEqual(file.sites.map((s) => s.key));
    const outcomes = [second];
    expect(applyResolutions(outcomes, files2, recorded)).toBe(2);
    expect(dec(second.output)).toBe(
      ['new vendor line', 'h', 'color: green;', '1', '2', '3', '4', '5', 'size: 2; /* agreed */', 't'].join('\r\n') + '\r\n',
    );
    expect(second.status).toBe('merged');
    expect(second.conflict).toBeUndefined();
    expect(second.reused!.map((r) => [r.startLine, r.length])).toEqual([
      [3, 1],
      [9, 1],
    ]);
  });

  test('only the recorded block is replaced; the other keeps its markers, renumbered', () => {
    const o = merge(BASE, MINE, THEIRS);
    const files = collectConflicts([o]);
    const first = files[0].sites[0];
    const found = new Map([[first.key, [{ schema: RESOLUTION_SCHEMA, key: first.key, mine: first.mine, theirs: first.theirs, resolution: [], path: 'x', recorded: 'r' } as RecordedResolution]]]);
    applyResolutions([o], files, found);
    expect(o.status).toBe('conflict');
    const text = dec(o.output);
    const lines = text.split('\r\n');
    expect(o.text!.conflicts).toHaveLength(1);
    const c = o.text!.conflicts[0];
    expect(lines[c.startLine - 1]).toBe('<<<<<<< mine');
    expect(lines[c.endLine - 1]).toBe('>>>>>>> theirs');
    expect(lines[c.mine.start - 1]).toBe('size: 2;');
    expect(o.reused).toEqual([expect.objectContaining({ startLine: 2, length: 0 })]);
  });

  test('an edit next to a block makes its extent a guess: not extracted', () => {
    const o = merge(BASE, MINE, THEIRS);
    const [file] = collectConflicts([o]);
    const edited = dec(o.output).replace('h\r\n', 'h changed\r\n').replace(/<<<<<<< mine\r\ncolor[^]*?>>>>>>> theirs\r\n/, 'color: x;\r\n');
    expect(extractResolutions(file.preimage, edited, file.sites)[0]).toBeUndefined();
  });

  test('a block still holding markers is not a resolution', () => {
    const o = merge(BASE, MINE, THEIRS);
    const [file] = collectConflicts([o]);
    expect(extractResolutions(file.preimage, dec(o.output), file.sites)).toEqual([undefined, undefined]);
  });
});

describe('several resolutions for one key (review A4)', () => {
  const at = (path: string, recorded: string, line: string): RecordedResolution => ({
    schema: RESOLUTION_SCHEMA,
    key: 'k',
    mine: ['color: green;'],
    theirs: ['color: blue;'],
    resolution: [line],
    path,
    recorded,
  });

  test('pickResolution: the one recorded in the same file, else the latest', () => {
    const a = at('a.css', '2026-01-01T00:00:00.000Z', 'a');
    const b = at('b.css', '2026-02-01T00:00:00.000Z', 'b');
    const a2 = at('a.css', '2026-03-01T00:00:00.000Z', 'a2');
    expect(pickResolution([b, a], 'a.css')).toBe(a);
    expect(pickResolution([a, b, a2], 'a.css')).toBe(a2);
    expect(pickResolution([a, b], 'c.css')).toBe(b);
    expect(pickResolution(undefined, 'a.css')).toBeUndefined();
  });

  test('the store keeps one per key and file; an older store\'s <key>.json is read, and replaced for its own file', async () => {
    const dir = tempDir('resolutions');
    const a = merge(BASE, MINE, THEIRS);
    const [file] = collectConflicts([a]);
    const site = file.sites[0];
    const rec = (path: string, line: string, recorded: string): RecordedResolution => ({
      schema: RESOLUTION_SCHEMA, key: site.key, mine: site.mine, theirs: site.theirs, resolution: [line], path, recorded,
    });
    writeFileSync(path.join(dir, `${site.key}.json`), JSON.stringify(rec('old.css', 'legacy', '2025-01-01T00:00:00.000Z')));
    await recordResolutions(dir, [rec('a.css', 'in a', '2026-01-01T00:00:00.000Z'), rec('b.css', 'in b', '2026-01-02T00:00:00.000Z')]);
    await recordResolutions(dir, [rec('a.css', 'in a, again', '2026-01-03T00:00:00.000Z')]);
    const wanted = wantedKeys([file]);
    const found = await loadResolutions(dir, wanted);
    const lines = (found.get(site.key) ?? []).map((r) => `${r.path}: ${r.resolution.join('')}`).sort();
    expect(lines).toEqual(['a.css: in a, again', 'b.css: in b', 'old.css: legacy']);
    await recordResolutions(dir, [rec('old.css', 'renewed', '2026-01-04T00:00:00.000Z')]);
    expect(readdirSync(dir).sort()).toHaveLength(3); // the legacy file is gone, replaced by old.css's own
    expect(readdirSync(dir)).not.toContain(`${site.key}.json`);
    expect(await loadResolutions(path.join(dir, 'missing'), wanted)).toEqual(new Map());
  });

  test('a file settled with another file\'s resolution names it; the report asks for review and exits 1', () => {
    const o = merge(BASE, MINE, THEIRS);
    const files = collectConflicts([o]);
    const found = new Map(
      files[0].sites.map((s) => [s.key, [{ schema: RESOLUTION_SCHEMA, key: s.key, mine: s.mine, theirs: s.theirs, resolution: s.mine, path: 'css/other.css', recorded: '2026-01-05T09:30:00.000Z' } as RecordedResolution]]),
    );
    expect(applyResolutions([o], files, found)).toBe(2);
    expect(o.status).toBe('merged');
    expect(o.reused!.map((u) => u.recordedPath)).toEqual(['css/other.css', 'css/other.css']);
    const report = buildReport([o], {
      version: '0',
      inputs: { base: null, mine: { path: 'm', kind: 'folder', files: 1, bytes: 1, nameEncoding: 'utf8' }, theirs: { path: 't', kind: 'folder', files: 1, bytes: 1, nameEncoding: 'utf8' } },
      output: { archive: 'out.zip', keptAside: null },
      style: 'diff3',
      keptAsidePath: (p) => p,
      layout: [],
    });
    expect(report).toMatchObject({ result: 'review', exitCode: 1, totals: { needsAttention: 0, reused: 1 } });
    const summary = renderSummary(report, 'en');
    expect(summary).not.toContain('ready to import');
    expect(summary).toContain("No conflicts left, but 1 file's conflicts were settled from earlier resolutions: review it (below) before importing the archive.");
    expect(summary).toContain('css/theme.css: line 2 (recorded 2026-01-05 in css/other.css); line 8 (recorded 2026-01-05 in css/other.css)');
    expect(renderSummary(report, 'ru')).toContain('строка 2 (решение от 2026-01-05, файл css/other.css)');
  });
});
