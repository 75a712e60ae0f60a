import { extOf, nameKey, pairRenames, signature, similarity, MAX_CANDIDATES } from '../../../src/tree/renames';
import { groupByFolder, GROUP_MIN } from '../../../src/tree/groups';
import type { Tree } from '../../../src/archive/tree';
import { mergeTrees } from '../../../src/tree';
import { mergeTreesWithoutBase } from '../../../src/tree/two-way';

function tree(files: Record<string, string>): Tree {
  const date = new Date(Date.UTC(2026, 0, 1));
  const map = new Map(Object.entries(files).map(([p, t]) => [p, { path: p, bytes: Buffer.from(t, 'utf8'), date }]));
  return { source: 't', kind: 'folder', files: map, dirs: new Set(), nameEncoding: 'utf8', root: '' };
}
const labels = { base: 'base', mine: 'mine', theirs: 'theirs' };

const file = (path: string, text: string) => ({ path, bytes: Buffer.from(text, 'utf8') });
const lines = (tag: string, n: number) => Array.from({ length: n }, (_, i) => `${tag} line ${i}: ${'abcdefghij'.slice(0, (i % 9) + 1)}`).join('\n') + '\n';

describe('nameKey: the name with its content hash taken out', () => {
  test.each([
    ['js/app.1a2b3c4d.js', 'app.js'],
    ['editor.worker-Bf3Xqcw6.js', 'editor.worker.js'],
    ['assets/index-DiwrgTda.css', 'index.css'],
    ['css/chunk-vendors.9f8e7d6c.css', 'chunk-vendors.css'],
    ['vendors-01d3a920.js', 'vendors.js'],
    // Ordinary words are not hashes.
    ['ace/mode-css.js', 'mode-css.js'],
    ['js/jquery-ui.js', 'jquery-ui.js'],
    ['js/vendors-bundle.js', 'vendors-bundle.js'],
    ['README', 'readme'],
  ])('%s → %s', (p, key) => expect(nameKey(p)).toBe(key));

  test('extOf', () => {
    expect([extOf('a/b.JS'), extOf('a/.hidden'), extOf('a/noext'), extOf('x.tar.gz')]).toEqual(['.js', '', '', '.gz']);
  });
});

describe('similarity', () => {
  test('identical: 1; unrelated: near 0; half shared: about a half', () => {
    const a = lines('alpha', 40);
    expect(similarity(signature(Buffer.from(a)), signature(Buffer.from(a)))).toBe(1);
    expect(similarity(signature(Buffer.from(a)), signature(Buffer.from(lines('omega', 40))))).toBeLessThan(0.1);
    const half = lines('alpha', 20) + lines('omega', 20);
    const s = similarity(signature(Buffer.from(a)), signature(Buffer.from(half)));
    expect(s).toBeGreaterThan(0.4);
    expect(s).toBeLessThan(0.6);
  });

  test('CRLF against LF is no difference', () => {
    const a = lines('alpha', 30);
    expect(similarity(signature(Buffer.from(a)), signature(Buffer.from(a.replace(/\n/g, '\r\n'))))).toBe(1);
  });

  test('one insertion in a minified one-line file shifts no chunk after it (content-defined chunks)', () => {
    const words = Array.from({ length: 3000 }, (_, i) => `f${i}(a,b);`).join('');
    const edited = words.slice(0, 100) + 'INSERTED();' + words.slice(100);
    expect(similarity(signature(Buffer.from(words)), signature(Buffer.from(edited)))).toBeGreaterThan(0.95);
  });
});

describe('pairRenames', () => {
  test('a hashed rename with edits pairs; an unrelated new file does not', () => {
    const base = lines('app', 40);
    const changed = base.replace('app line 7', 'app line seven');
    const r = pairRenames([file('js/app.1a2b3c4d.js', base)], [file('js/app.9f8e7d6c.js', changed), file('js/other.js', lines('zzz', 40))]);
    expect(r.pairs.map((p) => [p.from, p.to, p.sameStem])).toEqual([['js/app.1a2b3c4d.js', 'js/app.9f8e7d6c.js', true]]);
    expect(r.pairs[0].score).toBeGreaterThan(0.9);
    expect(r.ambiguous).toEqual([]);
  });

  test('a move to another folder and name pairs by content alone', () => {
    const base = lines('util', 30);
    const r = pairRenames([file('scripts/util.js', base)], [file('assets/helpers.js', base.replace('line 3', 'line three'))]);
    expect(r.pairs.map((p) => [p.to, p.sameStem])).toEqual([['assets/helpers.js', false]]);
  });

  test('below the threshold: no pair; the threshold is a parameter', () => {
    const base = lines('a', 20) + lines('b', 20);
    const other = lines('a', 14) + lines('c', 26);
    expect(pairRenames([file('x.js', base)], [file('y.js', other)]).pairs).toEqual([]);
    expect(pairRenames([file('x.js', base)], [file('y.js', other)], 0.2).pairs.map((p) => p.to)).toEqual(['y.js']);
  });

  test('two about equally similar candidates: not guessed, both named', () => {
    const base = lines('theme', 30);
    const r = pairRenames(
      [file('css/theme.css', base)],
      [file('css/theme.aaaa1111.css', base.replace('line 3', 'line III')), file('css/theme.bbbb2222.css', base.replace('line 4', 'line IV'))],
    );
    expect(r.pairs).toEqual([]);
    expect(r.ambiguous).toEqual([{ from: 'css/theme.css', candidates: ['css/theme.aaaa1111.css', 'css/theme.bbbb2222.css'] }]);
  });

  test('the same stem wins over a slightly more similar other name', () => {
    const base = lines('app', 30);
    const r = pairRenames([file('js/app.1a2b3c4d.js', base)], [file('js/app.9f8e7d6c.js', base.replace('line 5', 'line V')), file('js/copy.js', base)]);
    // Exact content goes first: the byte-identical copy is the pair.
    expect(r.pairs.map((p) => p.to)).toEqual(['js/copy.js']);
    const r2 = pairRenames([file('js/app.1a2b3c4d.js', base)], [file('js/app.9f8e7d6c.js', base.replace('line 5', 'line V')), file('js/copy.js', base.replace('line 6', 'line VI').replace('line 7', 'x'))]);
    expect(r2.pairs.map((p) => p.to)).toEqual(['js/app.9f8e7d6c.js']);
  });

  test('the one old and one new hashed name of a bundle pair below the threshold (minifier renamed everything)', () => {
    const r = pairRenames([file('editor.worker-Bf3Xqcw6.js', lines('old', 30))], [file('editor.worker-BZw7CGQZ.js', lines('new', 30))]);
    expect(r.pairs.map((p) => [p.to, p.byName])).toEqual([['editor.worker-BZw7CGQZ.js', true]]);
    // Not when another removed path has the same stem (which old one is it?), nor for names without a hash.
    expect(pairRenames([file('editor.worker-Bf3Xqcw6.js', lines('old', 30))], [file('editor.worker-BZw7CGQZ.js', lines('new', 30))], 0.5, ['editor.worker-Aaaaaaa1.js']).pairs).toEqual([]);
    expect(pairRenames([file('a/editor.js', lines('old', 30))], [file('b/editor.js', lines('new', 30))]).pairs).toEqual([]);
  });

  test('each target pairs once: the better source takes it', () => {
    const base = lines('lib', 30);
    const r = pairRenames([file('a/lib.js', base), file('b/lib2.js', base.replace('line 1', 'l1').replace('line 2', 'l2').replace('line 3', 'l3'))], [file('c/lib.js', base.replace('line 9', 'l9'))]);
    expect(r.pairs.map((p) => [p.from, p.to])).toEqual([['a/lib.js', 'c/lib.js']]);
  });

  test('empty files never pair', () => {
    expect(pairRenames([file('a.txt', '')], [file('b.txt', '')]).pairs).toEqual([]);
  });

  test('on thousands of files only a bounded number of candidates is compared per source', () => {
    // 2,000 old and 2,000 new files of one extension: an all-pairs comparison would be 4 million; each source looks
    // at its same-stem targets plus MAX_CANDIDATES by size, and still finds its partner.
    const sources = Array.from({ length: 2000 }, (_, i) => file(`old/f${i}.js`, lines(`file${i}`, 5 + (i % 50))));
    const targets = sources.map((s, i) => file(`new/f${i}.js`, Buffer.from(s.bytes).toString('utf8').replace('line 1:', 'line one:')));
    const r = pairRenames(sources, targets);
    expect(r.pairs.length).toBe(2000);
    expect(r.pairs.every((p) => p.from.slice(4) === p.to.slice(4))).toBe(true);
    expect(MAX_CANDIDATES).toBeLessThan(100);
  });
});

describe('groupByFolder', () => {
  const f = (path: string, status: string, extra: object = {}) => ({ path, status: status as 'only-mine', ...extra });

  test('the largest folders whose files all are only in one export', () => {
    const files = [
      f('ace/ace.js', 'only-mine'),
      f('ace/mode/css.js', 'only-mine'),
      f('ace/mode/html.js', 'only-mine'),
      f('js/vendors-1.js', 'only-theirs'),
      f('js/vendors-2.js', 'only-theirs'),
      f('js/vendors-3.js', 'only-theirs'),
      f('js/app.js', 'unchanged'),
      f('top.js', 'only-mine'),
    ];
    const groups = groupByFolder(files);
    expect(groups).toEqual([{ folder: 'ace/', status: 'only-mine', paths: ['ace/ace.js', 'ace/mode/css.js', 'ace/mode/html.js'] }]);
  });

  test('the files at the top are one group only when every one of them is only in the same export', () => {
    const top = [f('a.js', 'only-theirs'), f('b.js', 'only-theirs'), f('c.js', 'only-theirs')];
    expect(groupByFolder(top)).toEqual([{ folder: '', status: 'only-theirs', paths: ['a.js', 'b.js', 'c.js'] }]);
    expect(groupByFolder([...top, f('index.html', 'unchanged')])).toEqual([]);
  });

  test('a file with a note or a conflict kind is not grouped, and the folder is then mixed', () => {
    const files = [f('x/a.js', 'only-mine'), f('x/b.js', 'only-mine'), f('x/c.js', 'only-mine', { notes: [{}] }), f('y/a.js', 'only-theirs'), f('y/b.js', 'only-theirs'), f('y/c.js', 'only-theirs')];
    expect(groupByFolder(files).map((g) => g.folder)).toEqual(['y/']);
    expect(GROUP_MIN).toBe(3);
  });
});

describe('renames in the tree merges', () => {
  const base = lines('app', 30);
  const mine = base.replace('app line 2:', 'app line 2 (admin):');
  const theirs = base.replace('app line 20:', 'app line 20 (vendor):');

  test('three-way: merged at the new path, date and bytes of the old one not written; --no-renames keeps per-path rules', () => {
    const trees = { base: tree({ 'index.html': 'x', 'js/app.1a2b3c4d.js': base }), mine: tree({ 'index.html': 'x', 'js/app.1a2b3c4d.js': mine }), theirs: tree({ 'index.html': 'x', 'js/app.9f8e7d6c.js': theirs }) };
    const on = mergeTrees(trees, { style: 'diff3', labels });
    expect(on.outcomes.map((o) => [o.path, o.status, o.renamedFrom])).toEqual([
      ['index.html', 'unchanged', undefined],
      ['js/app.9f8e7d6c.js', 'renamed', 'js/app.1a2b3c4d.js'],
    ]);
    const text = Buffer.from(on.outcomes[1].output!).toString('utf8');
    expect(text).toContain('app line 2 (admin):');
    expect(text).toContain('app line 20 (vendor):');
    const off = mergeTrees(trees, { style: 'diff3', labels, renames: false });
    expect(off.outcomes.map((o) => [o.path, o.status])).toEqual([
      ['index.html', 'unchanged'],
      ['js/app.1a2b3c4d.js', 'modify-delete'],
      ['js/app.9f8e7d6c.js', 'added-theirs'],
    ]);
  });

  test('two archives with a --base-from candidate holding the old path: a three-way merge at the new path', () => {
    const r = mergeTreesWithoutBase(
      { mine: tree({ 'index.html': 'x', 'js/app.1a2b3c4d.js': mine }), theirs: tree({ 'index.html': 'x', 'js/app.9f8e7d6c.js': theirs }), candidates: [{ label: 'OLD.zip', tree: tree({ 'index.html': 'x', 'js/app.1a2b3c4d.js': base }) }] },
      { style: 'diff3', labels },
    );
    const o = r.outcomes.find((x) => x.path === 'js/app.9f8e7d6c.js')!;
    expect({ status: o.status, from: o.renamedFrom, base: r.baseFrom.get(o.path) }).toEqual({ status: 'renamed', from: 'js/app.1a2b3c4d.js', base: 0 });
    expect(Buffer.from(o.output!).toString('utf8')).toContain('app line 2 (admin):');
    // Without the candidate: a two-way comparison at the new path, every difference a block.
    const bare = mergeTreesWithoutBase({ mine: tree({ 'index.html': 'x', 'js/app.1a2b3c4d.js': mine }), theirs: tree({ 'index.html': 'x', 'js/app.9f8e7d6c.js': theirs }) }, { style: 'diff3', labels });
    expect(bare.outcomes.map((x) => [x.path, x.status])).toEqual([
      ['index.html', 'unchanged'],
      ['js/app.9f8e7d6c.js', 'differs'],
    ]);
  });
});
