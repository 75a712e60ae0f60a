#!/usr/bin/env node
/**
 * `npm run demo`: merges the bundled sample cabinet (samples/base, samples/mine, samples/theirs) with the built
 * CLI, exactly as an admin would run it, and writes out/demo/merged.zip, out/demo/report.json and
 * out/demo/report.html. The samples contain conflicts on purpose, so exit code 1 is the expected outcome here.
 */
'use strict';
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const root = path.resolve(__dirname, '..');
const out = path.join(root, 'out', 'demo');
fs.rmSync(out, { recursive: true, force: true });
fs.mkdirSync(out, { recursive: true });

const cli = path.join(root, 'dist', 'cli', 'main.js');
const samples = path.join(root, 'samples');
const reports = ['report.json', ...(fs.existsSync(path.join(root, 'dist', 'report', 'html.js')) ? ['report.html'] : [])];
let status = 0;
for (const [i, report] of reports.entries()) {
  const args = [
    cli,
    'merge',
    '--base', path.join(samples, 'base'),
    '--mine', path.join(samples, 'mine'),
    '--theirs', path.join(samples, 'theirs'),
    '-o', path.join(out, 'merged.zip'),
    '--report', path.join(out, report),
    '--force',
    ...(i > 0 ? ['--quiet'] : []),
  ];
  const run = spawnSync(process.execPath, args, { stdio: 'inherit' });
  status = run.status ?? 2;
  if (status === 2) process.exit(2);
}
console.log(`\nDemo output in ${path.relative(process.cwd(), out) || '.'}: merged.zip, ${reports.join(', ')}`);
console.log(status === 1 ? 'Exit code 1: conflicts left for the admin, as the samples intend.' : `Exit code ${status}.`);
// The demo succeeded if the merge ran; conflicts are part of what it shows.
process.exit(0);
