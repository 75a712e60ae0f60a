import { painter, progressBar, useColour } from '../../../src/cli/terminal';
import { renderSummary } from '../../../src/report/text';
import type { Report } from '../../../src/report/model';

const tty = { stdoutTty: true, stderrTty: true, env: {} };

test('colours only on a terminal, never with NO_COLOR or TERM=dumb', () => {
  expect(useColour(tty)).toBe(true);
  expect(useColour({ ...tty, stdoutTty: false })).toBe(false);
  expect(useColour({ ...tty, env: { NO_COLOR: '1' } })).toBe(false);
  expect(useColour({ ...tty, env: { TERM: 'dumb' } })).toBe(false);
  // FORCE_COLOR colours a pipe (and wins over NO_COLOR, as in Node); FORCE_COLOR=0 turns colours off.
  expect(useColour({ ...tty, stdoutTty: false, env: { FORCE_COLOR: '1' } })).toBe(true);
  expect(useColour({ ...tty, stdoutTty: false, env: { FORCE_COLOR: '', NO_COLOR: '1' } })).toBe(true);
  expect(useColour({ ...tty, env: { FORCE_COLOR: '0' } })).toBe(false);
  // --color / --no-color decide over everything.
  expect(useColour({ ...tty, env: { FORCE_COLOR: '1' } }, false)).toBe(false);
  expect(useColour({ ...tty, stdoutTty: false, env: { NO_COLOR: '1' } }, true)).toBe(true);
});

test('painter adds SGR codes when on and nothing when off', () => {
  expect(painter(true)('red', 'x')).toBe('\u001b[31mx\u001b[0m');
  expect(painter(false)('red', 'x')).toBe('x');
});

test('no progress bar without a terminal or with --quiet', () => {
  expect(progressBar({ ...tty, stderrTty: false }, 'en', false).onProgress).toBeUndefined();
  expect(progressBar(tty, 'en', true).onProgress).toBeUndefined();
  expect(typeof progressBar(tty, 'en', false).onProgress).toBe('function');
});

function reportWith(conflicted: number): Report {
  const files = Array.from({ length: conflicted }, (_, i) => ({
    path: `p${String(i).padStart(3, '0')}.css`,
    status: 'conflict' as const,
    statusText: { en: 'conflict', ru: 'конфликт' },
    conflict: 'content' as const,
    conflicts: [{ startLine: 1, endLine: 5, mine: { start: 2, length: 1 }, theirs: { start: 4, length: 1 } }],
  }));
  return {
    schema: 'cabinet-merge/report@1',
    tool: { name: 'cabinet-merge', version: 't' },
    inputs: { base: null, mine: { path: 'm', kind: 'folder', files: 0, bytes: 0, nameEncoding: 'utf8' }, theirs: { path: 't', kind: 'folder', files: 0, bytes: 0, nameEncoding: 'utf8' } },
    output: { archive: 'o.zip', keptAside: null },
    options: { conflictStyle: 'diff3' },
    result: 'conflicts',
    exitCode: 1,
    totals: { files: conflicted, byStatus: { conflict: conflicted }, needsAttention: conflicted, conflictBlocks: conflicted },
    files,
    layout: [],
  } as unknown as Report;
}

test('the terminal summary lists at most 40 paths and points to the report for the rest', () => {
  const text = renderSummary(reportWith(45), 'en');
  expect(text).toContain('p039.css');
  expect(text).not.toContain('p040.css');
  expect(text).toContain('… and 5 more');
  expect(renderSummary(reportWith(45), 'ru')).toContain('… и ещё 5');
});

test('the summary lists the decisions made for the admin (encodings, line ends, layout)', () => {
  const report = reportWith(1);
  report.files[0].notes = [{ code: 'eol-differs', en: 'line ends differ', ru: 'концы строк различаются' }];
  report.layout = [{ code: 'wrapper-folder', en: "mine: everything was inside 'lk/'", ru: "mine: всё лежало в 'lk/'" }];
  const en = renderSummary(report, 'en');
  expect(en).toContain('Decided for you — encodings, line ends, layout (2):');
  expect(en).toContain("  mine: everything was inside 'lk/'");
  expect(en).toContain('  p000.css: line ends differ');
  expect(renderSummary(report, 'ru')).toContain('  p000.css: концы строк различаются');
  expect(renderSummary(reportWith(1), 'en')).not.toContain('Decided for you');
});
