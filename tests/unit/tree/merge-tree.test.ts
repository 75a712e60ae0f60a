/**
 * mergeTrees with a base the tool picked (a stored baseline, `guessedBase`): a file mine has exactly as that base
 * and theirs lacks may be the admin's own page in a copy of the admin's export — kept and flagged, never deleted.
 */
import type { Tree } from '../../../src/archive/tree';
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

describe('a stored (guessed) base equal to mine for a file theirs lacks (review 2, #3)', () => {
  const base = tree({ 'index.html': 'menu\n', 'pages/contacts.html': '<h1>Контакты</h1>\n', 'old.js': 'x\n' }, 'old');
  const mine = tree({ 'index.html': 'menu\nmy item\n', 'pages/contacts.html': '<h1>Контакты</h1>\n', 'old.js': 'x mine\n' }, 'mine');
  const theirs = tree({ 'index.html': 'vendor top\nmenu\n' }, 'theirs');

  test('kept as only-mine with the note, not deleted by the vendor', () => {
    const { outcomes } = mergeTrees({ base, mine, theirs }, { ...options, guessedBase: "the stored baseline 'old-copy'" });
    const by = new Map(outcomes.map((o) => [o.path, o]));
    const contacts = by.get('pages/contacts.html')!;
    expect(contacts).toMatchObject({ status: 'only-mine', from: 'mine', output: mine.files.get('pages/contacts.html')!.bytes });
    expect(contacts.notes.map((n) => n.code)).toEqual(['base-equals-mine']);
    expect(contacts.notes[0].en).toContain("the stored baseline 'old-copy'");
    expect(by.get('old.js')!.status).toBe('modify-delete'); // the admin changed it: as ever
    expect(by.get('index.html')!.status).toBe('merged');
  });

  test('a base given by the admin is trusted: the vendor deleted the untouched file', () => {
    const { outcomes } = mergeTrees({ base, mine, theirs }, options);
    expect(outcomes.find((o) => o.path === 'pages/contacts.html')).toMatchObject({ status: 'deleted-theirs', notes: [] });
  });
});
