/**
 * A stored baseline that may be an old copy of the admin's export (store/match.ts 'maybe-copy') is never the base
 * where it equals mine: a page only mine and it have is kept and flagged, not deleted by the vendor (review 2, #3),
 * and a file where it holds the admin's edit is not settled for the vendor (review 3, H2). A trusted base (given,
 * or a stored export that looks like the vendor's) deletes and updates as the three-way table says.
 */
import type { Tree } from '../../../src/archive/tree';
import { mergeWithBasis, type Basis } from '../../../src/commands/base-source';
import { mergeTrees } from '../../../src/tree/merge-tree';

const enc = (s: string) => new Uint8Array(Buffer.from(s, 'utf8'));
const tree = (files: Record<string, string>, source: string): Tree => ({
  source,
  kind: 'folder',
  files: new Map(Object.entries(files).map(([p, s]) => [p, { path: p, bytes: enc(s), date: new Date(0) }])),
  dirs: new Set(),
  nameEncoding: 'utf8',
  root: '',
});
const options = { style: 'diff3' as const, labels: { mine: 'mine', base: 'base', theirs: 'theirs' } };

function stored(base: Tree, mayBeMine: boolean): Basis {
  return {
    kind: 'store',
    tree: base,
    label: "baseline 'old-copy'",
    match: { manifest: { name: 'old-copy' } as never, identical: 2, mineFiles: 3, mayBeMine },
    notes: [],
  };
}

describe('a stored base that may be a copy of mine', () => {
  const base = tree({ 'index.html': 'menu\n', 'pages/contacts.html': '<h1>Контакты</h1>\n', 'old.js': 'x\n', 'a.txt': 'a ADMIN\n' }, 'old');
  const mine = tree({ 'index.html': 'menu\nmy item\n', 'pages/contacts.html': '<h1>Контакты</h1>\n', 'old.js': 'x mine\n', 'a.txt': 'a ADMIN\n' }, 'mine');
  const theirs = tree({ 'index.html': 'vendor top\nmenu\n', 'a.txt': 'a\n' }, 'theirs');

  test('keeps a page only mine and the base have, and does not settle for the vendor where the base equals mine', () => {
    const { outcomes } = mergeWithBasis(stored(base, true), mine, theirs, options);
    const by = new Map(outcomes.map((o) => [o.path, o]));
    expect(by.get('pages/contacts.html')).toMatchObject({ status: 'only-mine', output: mine.files.get('pages/contacts.html')!.bytes });
    expect(by.get('a.txt')).toMatchObject({ status: 'differs', conflict: 'no-base' });
    expect(Buffer.from(by.get('a.txt')!.output!).toString()).toContain('a ADMIN');
    expect(by.get('old.js')!.status).toBe('modify-delete');
    expect(by.get('index.html')!.status).toBe('merged');
  });

  test('a stored export that looks like the vendor\'s is trusted like --base', () => {
    const trusted = new Map(mergeWithBasis(stored(base, false), mine, theirs, options).outcomes.map((o) => [o.path, o.status]));
    const given = new Map(mergeTrees({ base, mine, theirs }, options).outcomes.map((o) => [o.path, o.status]));
    expect(trusted).toEqual(given);
    expect(given.get('pages/contacts.html')).toBe('deleted-theirs');
    expect(given.get('a.txt')).toBe('theirs');
  });
});
