/**
 * The transcripts in README.md and docs/workflow.md are real output (issue 15): `scripts/transcripts.js --check`
 * runs the admin's route again with the built CLI and fails when any block differs. To update the docs after a
 * change of wording: `npm run transcripts`.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';

const ROOT = path.resolve(__dirname, '../..');

test('the docs hold every transcript, each equal to a fresh run', () => {
  for (const [doc, names] of [
    ['README.md', ['merge-ru', 'status-ru', 'resolve-ru', 'pack-ru', 'merge-en', 'status-en', 'resolve-en', 'pack-en']],
    ['docs/workflow.md', ['merge-ru', 'pack-ru', 'merge-en', 'pack-en']],
  ] as const) {
    const text = readFileSync(path.join(ROOT, doc), 'utf8');
    for (const name of names) expect(text).toMatch(new RegExp(`<!-- transcript:${name} -->\\n\`\`\`\\n[>$] cabinet-merge `));
  }
  const r = spawnSync(process.execPath, [path.join(ROOT, 'scripts', 'transcripts.js'), '--check'], { encoding: 'utf8', timeout: 120_000 });
  expect(r.stderr).toBe('');
  expect(r.status).toBe(0);
}, 150_000);
