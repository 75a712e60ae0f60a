import { applyResolutions, collectConflicts } from '../../../src/rerere/apply';
import { extractResolutions } from '../../../src/rerere/extract';
import { conflictKey } from '../../../src/rerere/key';
import { RESOLUTION_SCHEMA, defaultResolutionsDir, type RecordedResolution } from '../../../src/rerere/store';
import { mergePath, type FileOutcome } from '../../../src/tree/merge-tree';

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

    const recorded = new Map<string, RecordedResolution>(
      file.sites.map((s, i) => [
        s.key,
        { schema: RESOLUTION_SCHEMA, key: s.key, mine: s.mine, theirs: s.theirs, resolution: resolutions[i]!, path: file.path, recorded: '2025-01-01T00:00:00.000Z' },
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
    const found = new Map([[first.key, { schema: RESOLUTION_SCHEMA, key: first.key, mine: first.mine, theirs: first.theirs, resolution: [], path: 'x', recorded: 'r' } as RecordedResolution]]);
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
