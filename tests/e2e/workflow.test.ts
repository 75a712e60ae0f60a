/**
 * The working-folder loop of issue 6 through the built CLI, on the bundled samples: merge --out-dir → status
 * (exit 1) → edit the files as an editor would → resolve the modify/delete → status (exit 0) → pack → the zip holds
 * the edits in the right encodings, names and dates; then a later vendor release re-uses the recorded resolutions.
 */
import { cpSync, existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import iconv from 'iconv-lite';
import { readTree } from '../../src/archive';
import { decodeText } from '../../src/text';
import { runCli } from '../helpers/cli';
import { buildZip, listZip, MADE_BY_DOS, type RawSpec } from '../helpers/rawzip';
import { cleanTempDirs, tempDir, walk } from '../helpers/tmp';

const SAMPLES = path.resolve(__dirname, '../../samples');
const S = (side: string) => path.join(SAMPLES, side);

afterAll(cleanTempDirs);

/** Replaces the single conflict block of `text` by the side's lines, as an admin does in an editor. */
function takeSide(text: string, side: 'mine' | 'theirs'): string {
  const re = /<<<<<<< [^\r\n]*(\r?\n)([^]*?)\|\|\|\|\|\|\| [^\r\n]*\r?\n[^]*?=======\r?\n([^]*?)>>>>>>> [^\r\n]*\r?\n/;
  const m = re.exec(text);
  if (!m) throw new Error('no conflict block');
  return text.replace(re, side === 'mine' ? m[2] : m[3]);
}

describe('merge --out-dir → status → edit → resolve → pack → next release', () => {
  const dir = tempDir('workflow');
  const store = path.join(dir, 'resolutions');
  const env = { CABINET_MERGE_RESOLUTIONS: store };
  const work = path.join(dir, 'WORK');
  const cli = (args: string[]) => runCli(args, { cwd: dir, env });

  test('the whole loop', async () => {
    // merge: the working folder, and (for comparison) the zip the merge itself writes.
    const merged = cli(['merge', S('base'), S('mine'), S('theirs'), '--out-dir', work, '-o', path.join(dir, 'direct.zip')]);
    expect(merged.stderr).toBe('');
    expect(merged.status).toBe(1);
    expect(merged.stdout).toContain(`Working folder: ${work}`);
    expect(existsSync(path.join(work, '.cabinet-merge', 'sides', 'mine', 'js', 'receipt-print.js'))).toBe(true);
    expect(existsSync(path.join(work, '.cabinet-merge', 'sides', 'theirs', 'css', 'theme.css'))).toBe(true);
    // The state folder holds no line-start markers, so "find in files" and VS Code see only the real conflicts.
    for (const f of walk(path.join(work, '.cabinet-merge'))) {
      expect([f, /^<<<<<<< /m.test(readFileSync(path.join(work, '.cabinet-merge', f), 'latin1'))]).toEqual([f, false]);
    }
    // Files in WORK are the zip's bytes: windows-1251 stays windows-1251.
    const help = readFileSync(path.join(work, 'pages/help.html'));
    expect(decodeText(help)?.encoding).toBe('windows-1251');

    // status: two files with markers (with the marker's line) and one decision; exit 1.
    let status = cli(['status', work]);
    expect(status.status).toBe(1);
    expect(status.stdout).toContain('css/theme.css: 1 conflict block, line 13');
    expect(status.stdout).toContain('locales/ru.json: 1 conflict block, line 16'); // one value both sides changed: a whole-line block
    expect(status.stdout).toContain('js/receipt-print.js: changed by you, deleted by the vendor');
    const ru = runCli(['status', work, '--lang', 'ru'], { cwd: dir, env });
    expect(ru.stdout).toContain('Остались маркеры конфликтов (2 файла)');
    expect(ru.stdout).toContain('css/theme.css: 1 блок конфликта, строка 13');

    // Edit as an editor would. theme.css (UTF-8, CRLF): keep mine's colour.
    const theme = path.join(work, 'css/theme.css');
    writeFileSync(theme, takeSide(readFileSync(theme, 'utf8'), 'mine'));
    // ru.json (UTF-8 with BOM, CRLF): take the vendor's line; the BOM stays (Node keeps U+FEFF as text).
    const ruJson = path.join(work, 'locales/ru.json');
    writeFileSync(ruJson, takeSide(readFileSync(ruJson, 'utf8'), 'theirs'));
    // help.html: VS Code opened the windows-1251 page as UTF-8? No — the admin set the encoding, added a line and
    // saved it as UTF-8 (what VS Code does unless told otherwise). pack must write it back in windows-1251.
    const helpText = iconv.decode(help, 'windows-1251').replace('</body>', '<p>Диспетчерская: круглосуточно</p>\r\n</body>');
    writeFileSync(path.join(work, 'pages/help.html'), Buffer.from(helpText, 'utf8'));

    status = cli(['status', work]);
    expect(status.status).toBe(1);
    expect(status.stdout).not.toContain('Conflict markers left');
    expect(status.stdout).toContain('css/theme.css: markers edited out');

    // pack refuses while the modify/delete waits for a decision, and writes nothing.
    const out = path.join(dir, 'MERGED.zip');
    const refused = cli(['pack', work, '-o', out]);
    expect(refused.status).toBe(1);
    expect(refused.stdout).toContain('Not packed');
    expect(existsSync(out)).toBe(false);

    const resolved = cli(['resolve', work, 'js\\receipt-print.js', '--mine']);
    expect(resolved.stderr).toBe('');
    expect(resolved.status).toBe(0);
    status = cli(['status', work]);
    expect(status.stdout).toContain('js/receipt-print.js: took mine (resolve)');
    expect(status.stdout).toContain('Everything is resolved');
    expect(status.status).toBe(0);

    const packed = cli(['pack', work, '-o', out]);
    expect(packed.stderr).toBe('');
    expect(packed.status).toBe(0);
    expect(packed.stdout).toContain('pages/help.html: saved as UTF-8; written back in windows-1251');
    expect(packed.stdout).toContain('Recorded 2 conflict resolutions');

    const zip = await readTree(out);
    const direct = await readTree(path.join(dir, 'direct.zip'));
    expect([...zip.files.keys()].sort()).toEqual([...direct.files.keys()].sort());
    expect([...zip.files.keys()].some((p) => p.startsWith('.cabinet-merge'))).toBe(false);
    const edited = new Set(['css/theme.css', 'locales/ru.json', 'pages/help.html']);
    for (const [p, f] of direct.files) {
      const z = zip.files.get(p)!;
      expect([p, z.date.toISOString()]).toEqual([p, f.date.toISOString()]); // the dates the merge gives
      if (!edited.has(p)) expect([p, Buffer.compare(z.bytes, f.bytes)]).toEqual([p, 0]);
    }
    const themeOut = Buffer.from(zip.files.get('css/theme.css')!.bytes).toString('utf8');
    expect(themeOut).toContain('  --color-header-bg: #0a7d5a;\r\n');
    expect(themeOut).not.toMatch(/^(<<<<<<<|=======|>>>>>>>)/m);
    expect(themeOut.replace(/\r\n/g, '')).not.toContain('\n'); // still CRLF throughout
    const ruOut = zip.files.get('locales/ru.json')!.bytes;
    expect(decodeText(ruOut)).toMatchObject({ encoding: 'utf-8', bom: true });
    const helpOut = decodeText(zip.files.get('pages/help.html')!.bytes)!;
    expect(helpOut.encoding).toBe('windows-1251');
    expect(helpOut.text).toContain('<p>Диспетчерская: круглосуточно</p>\r\n');
    expect(zip.files.has('js/receipt-print.js')).toBe(true);
    expect(readdirSync(store).filter((f) => f.endsWith('.json'))).toHaveLength(2);

    // A later vendor release: the same conflicting lines, plus small changes elsewhere.
    const theirs2 = path.join(dir, 'theirs2');
    cpSync(S('theirs'), theirs2, { recursive: true });
    const t2 = path.join(theirs2, 'css/theme.css');
    const t2text = readFileSync(t2, 'utf8');
    expect(t2text).toContain('.footer__version { opacity: .7; }');
    writeFileSync(t2, t2text.replace('.footer__version { opacity: .7; }', '.footer__version { opacity: .6; }'));
    writeFileSync(path.join(theirs2, 'pages/faq.html'), '<p>FAQ</p>\r\n');

    const work2 = path.join(dir, 'WORK2');
    const second = cli(['merge', S('base'), S('mine'), theirs2, '--out-dir', work2, '--json']);
    expect(second.stderr).toBe('');
    expect(second.status).toBe(1); // only the modify/delete is left
    const report = JSON.parse(second.stdout);
    const file = (p: string) => report.files.find((f: { path: string }) => f.path === p);
    expect(file('css/theme.css')).toMatchObject({ status: 'merged', reused: [expect.objectContaining({ length: 1 })] });
    expect(file('locales/ru.json')).toMatchObject({ status: 'merged', reused: [expect.objectContaining({ recordedPath: 'locales/ru.json' })] });
    const theme2 = readFileSync(path.join(work2, 'css/theme.css'), 'utf8');
    expect(theme2).toContain('  --color-header-bg: #0a7d5a;\r\n');
    expect(theme2).toContain('.footer__version { opacity: .6; }');
    expect(theme2).not.toContain('<<<<<<<');

    status = cli(['status', work2]);
    expect(status.status).toBe(1);
    expect(status.stdout).toContain('Resolved from a previous resolution — please review (2):');
    expect(status.stdout).toMatch(/css\/theme\.css: lines? [\d-]+ \(recorded \d{4}-\d\d-\d\d\)/);
    expect(cli(['resolve', work2, 'js/receipt-print.js', '--mine']).status).toBe(0);
    status = cli(['status', work2]);
    expect(status.status).toBe(0); // reused resolutions are shown for review, not held against the exit code
    expect(status.stdout).toContain('Resolved from a previous resolution');
  });
});

describe('pack keeps theirs\' layout and names; refuses markers and characters the encoding cannot hold', () => {
  test('CP866 names and a wrapper folder come back; markers and a lost character are listed', async () => {
    const dir = tempDir('workflow-zip');
    const env = { CABINET_MERGE_RESOLUTIONS: path.join(dir, 'res') };
    const cli = (args: string[]) => runCli(args, { cwd: dir, env });
    // theirs as Windows Explorer zips it, inside 'lk/', with a Cyrillic file name.
    const date = new Date(Date.UTC(2026, 10, 20, 10, 30, 0));
    const theirsFiles = Object.fromEntries(walk(S('theirs')).map((p) => [p, readFileSync(path.join(S('theirs'), p))]));
    theirsFiles['pages/справка.html'] = Buffer.from('<p>Справка</p>\r\n');
    const specs: RawSpec[] = Object.entries(theirsFiles)
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([name, data]) => ({ name: `lk/${name}`, encoding: 'cp866', flags: 0, data, versionMadeBy: MADE_BY_DOS, date }));
    writeFileSync(path.join(dir, 'theirs.zip'), buildZip(specs));

    const work = path.join(dir, 'WORK');
    expect(cli(['merge', S('base'), S('mine'), path.join(dir, 'theirs.zip'), '--out-dir', work, '-o', path.join(dir, 'direct.zip')]).status).toBe(1);
    expect(existsSync(path.join(work, 'pages', 'справка.html'))).toBe(true); // no wrapper inside WORK

    // Markers left: refused, listing the lines.
    const out = path.join(dir, 'MERGED.zip');
    expect(cli(['resolve', work, 'js/receipt-print.js', '--theirs']).status).toBe(0);
    expect(existsSync(path.join(work, 'js/receipt-print.js'))).toBe(false);
    let packed = cli(['pack', work, '-o', out]);
    expect(packed.status).toBe(1);
    expect(packed.stdout).toContain('css/theme.css: 1 conflict block, line 13');
    expect(existsSync(out)).toBe(false);

    // Settle both text files wholesale; then put a character windows-1251 lacks into help.html.
    expect(cli(['resolve', work, 'css/theme.css', '--theirs']).status).toBe(0);
    expect(cli(['resolve', work, 'locales/ru.json', '--mine']).status).toBe(0);
    const help = path.join(work, 'pages/help.html');
    const text = iconv.decode(readFileSync(help), 'windows-1251').replace('</body>', '<p>Łódź</p>\r\n</body>');
    writeFileSync(help, Buffer.from(text, 'utf8'));
    packed = cli(['pack', work, '-o', out]);
    expect(packed.status).toBe(1);
    expect(packed.stdout).toMatch(/pages\/help\.html: 'Ł' \(U\+0141\) at line \d+ cannot be written in windows-1251/);
    expect(existsSync(out)).toBe(false);

    writeFileSync(help, Buffer.from(text.replace('Łódź', 'Лодзь'), 'utf8'));
    packed = cli(['pack', work, '-o', out]);
    expect(packed.stderr).toBe('');
    expect(packed.status).toBe(0);
    // Same entries, names stored the same way (CP866 bytes, no UTF-8 flag) and in the same wrapper folder.
    const names = (b: Buffer) => listZip(b).map((e) => `${e.flags & 0x800 ? 'utf8' : 'raw'}:${e.nameBytes.toString('hex')}`);
    const directNames = names(readFileSync(path.join(dir, 'direct.zip'))).filter((n) => !n.includes(Buffer.from('receipt-print').toString('hex')));
    expect(names(readFileSync(out))).toEqual(directNames);
    const zip = await readTree(out);
    expect(zip.nameEncoding).toBe('cp866');
    expect([...zip.files.keys()]).toContain('lk/pages/справка.html');
    expect(zip.files.has('lk/js/receipt-print.js')).toBe(false);
    expect(decodeText(zip.files.get('lk/pages/help.html')!.bytes)?.text).toContain('<p>Лодзь</p>');
    // Packing again to the same archive is allowed (pack wrote it); another existing file is not.
    expect(cli(['pack', work, '-o', out]).status).toBe(0);
    writeFileSync(path.join(dir, 'other.zip'), 'x');
    const exists = cli(['pack', work, '-o', path.join(dir, 'other.zip')]);
    expect(exists.status).toBe(2);
    expect(exists.stderr).toContain('already exists');
    // A zip inside WORK would be packed next time: refused.
    mkdirSync(path.join(dir, 'sub'));
    expect(cli(['pack', work, '-o', path.join(work, 'x.zip')]).status).toBe(2);
  });
});

describe('rules file', () => {
  test('strategies decide the conflicting lines and the report names the rule', () => {
    const dir = tempDir('workflow-rules');
    writeFileSync(
      path.join(dir, 'cabinet-merge.json'),
      JSON.stringify({ rules: [{ pattern: 'locales/*.json', strategy: 'union' }, { pattern: 'css/**', strategy: 'theirs' }] }, null, 2),
    );
    const r = runCli(['merge', S('base'), S('mine'), S('theirs'), '-o', path.join(dir, 'out.zip'), '--json'], { cwd: dir });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(1); // the modify/delete remains
    const report = JSON.parse(r.stdout);
    const theme = report.files.find((f: { path: string }) => f.path === 'css/theme.css');
    expect(theme).toMatchObject({ status: 'merged', favored: 1, rule: { pattern: 'css/**', strategy: 'theirs', source: 'cabinet-merge.json:7:5' } });
    const ru = report.files.find((f: { path: string }) => f.path === 'locales/ru.json');
    expect(ru).toMatchObject({ status: 'merged', rule: { strategy: 'union' } });
  });

  test('an invalid rules file: exit 2 with line:column, nothing written', () => {
    const dir = tempDir('workflow-rules-bad');
    writeFileSync(path.join(dir, 'rules.json'), '{\n  "rules": [\n    { "pattern": "css/**", "strategy": "theirs" },\n    { "pattern": "js/**", "strategy": "ours" }\n  ]\n}\n');
    const r = runCli(['merge', S('base'), S('mine'), S('theirs'), '-o', path.join(dir, 'out.zip'), '--rules', path.join(dir, 'rules.json')], { cwd: dir });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('rules.json:4:39: unknown strategy "ours"; use one of merge, mine, theirs, union, binary');
    expect(existsSync(path.join(dir, 'out.zip'))).toBe(false);
  });
});

describe('a recorded resolution reused in another file (review A4)', () => {
  test('merge exits 1 and asks for review, naming the file the resolution was recorded in', () => {
    const dir = tempDir('workflow-reuse');
    const env = { CABINET_MERGE_RESOLUTIONS: path.join(dir, 'resolutions') };
    const cli = (args: string[]) => runCli(args, { cwd: dir, env });
    const side = (name: string, colour: string) => {
      mkdirSync(path.join(dir, name));
      writeFileSync(path.join(dir, name, 'a.css'), `h1\ncolor: ${colour};\nz\n`);
      writeFileSync(path.join(dir, name, 'b.css'), `.footer {\ncolor: ${colour};\n}\n`);
      return path.join(dir, name);
    };
    const [b, m, t] = [side('b', 'red'), side('m', 'green'), side('t', 'blue')];
    const work = path.join(dir, 'WORK');

    const first = cli(['merge', b, m, t, '--out-dir', work, '-o', path.join(dir, 'out.zip')]);
    expect(first.stderr).toBe('');
    expect(first.status).toBe(1);
    writeFileSync(path.join(work, 'a.css'), takeSide(readFileSync(path.join(work, 'a.css'), 'utf8'), 'mine')); // only a.css
    const packed = cli(['pack', work, '-o', path.join(dir, 'packed.zip'), '--force']);
    expect(packed.status).toBe(0);
    expect(packed.stdout).toContain('Recorded 1 conflict resolution');

    const json = path.join(dir, 'r2.json');
    const second = cli(['merge', b, m, t, '-o', path.join(dir, 'out2.zip'), '--report', json]);
    expect(second.stderr).toBe('');
    expect(second.status).toBe(1); // settled from earlier resolutions: for review, not ready to import
    expect(second.stdout).not.toContain('ready to import');
    expect(second.stdout).toContain("No conflicts left, but 2 files' conflicts were settled from earlier resolutions: review them (below) before importing the archive.");
    expect(second.stdout).toContain('Resolved from a previous resolution — please review (2):');
    expect(second.stdout).toMatch(/^ {2}a\.css: line 2 \(recorded \d{4}-\d\d-\d\d\)$/m);
    expect(second.stdout).toMatch(/^ {2}b\.css: line 2 \(recorded \d{4}-\d\d-\d\d in a\.css\)$/m);
    const report = JSON.parse(readFileSync(json, 'utf8'));
    expect(report).toMatchObject({ result: 'review', exitCode: 1, totals: { needsAttention: 0, reused: 2 } });
    const file = (p: string) => report.files.find((f: { path: string }) => f.path === p);
    expect(file('b.css')).toMatchObject({ status: 'merged', reused: [expect.objectContaining({ recordedPath: 'a.css' })] });

    // Reviewed and kept in b.css too: b.css now has its own resolution, preferred over a.css's from then on.
    const work2 = path.join(dir, 'WORK2');
    expect(cli(['merge', b, m, t, '--out-dir', work2]).status).toBe(1);
    const status = cli(['status', work2]);
    expect(status.status).toBe(0); // shown for review, not held against status' exit code
    expect(status.stdout).toMatch(/b\.css: line 2 \(recorded [\d-]+ in a\.css\)/);
    writeFileSync(path.join(work2, 'b.css'), '.footer {\ncolor: teal;\n}\n');
    // b.css's own resolution, and a.css's reviewed one recorded again
    expect(cli(['pack', work2, '-o', path.join(dir, 'packed2.zip')]).stdout).toContain('Recorded 2 conflict resolutions');
    const third = cli(['merge', b, m, t, '-o', path.join(dir, 'out3.zip'), '--json']);
    expect(third.status).toBe(1);
    const r3 = JSON.parse(third.stdout);
    const reusedFrom = Object.fromEntries(r3.files.map((f: { path: string; reused: { recordedPath: string }[] }) => [f.path, f.reused[0].recordedPath]));
    expect(reusedFrom).toEqual({ 'a.css': 'a.css', 'b.css': 'b.css' });
  });
});
