#!/usr/bin/env node
/*
 * bench-startup.js — start-up of one or more builds against `node -e 0`, runs interleaved (A/B on a shared machine):
 *
 *   node scripts/bench-startup.js [--runs N] [DIST …]     (default: this checkout's dist/, 15 runs)
 *
 * Each round runs `node -e 0`, then for each DIST `node DIST/cli/main.js --help` and a merge of three one-file
 * folders (as scripts/bench-whole.js's start-up case: -o out.zip --force --quiet --no-store --no-reuse-resolutions),
 * so every build sees the same load. Prints the median and the fastest wall time of each and the ratio of the
 * medians to `node -e 0`. A DIST is a built dist/ folder with package.json and node_modules reachable from it, as
 * in a checkout (`git worktree add /tmp/old <commit> && cd /tmp/old && npm ci && npm run build`).
 */
'use strict';
const cp = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { performance } = require('node:perf_hooks');

const args = process.argv.slice(2);
let runs = 15;
const dists = [];
for (let i = 0; i < args.length; i++) {
  if (args[i] === '--runs') runs = Number(args[++i]);
  else dists.push(path.resolve(args[i]));
}
if (dists.length === 0) dists.push(path.join(__dirname, '..', 'dist'));

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'cabinet-bench-startup-'));
for (const side of ['base', 'mine', 'theirs']) {
  fs.mkdirSync(path.join(tmp, side));
  fs.writeFileSync(path.join(tmp, side, 'a.txt'), side === 'base' ? 'a\n' : `${side}\n`);
}

function time(argv, ok) {
  const t0 = performance.now();
  const r = cp.spawnSync(process.execPath, argv, { cwd: tmp, encoding: 'utf8' });
  const ms = performance.now() - t0;
  if (r.status !== ok) throw new Error(`node ${argv.join(' ')}: exit ${r.status}\n${r.stderr}`);
  return ms;
}

const cases = [['node -e 0', ['-e', '0'], 0]];
for (const d of dists) {
  const cli = path.join(d, 'cli', 'main.js');
  cases.push([`${d} --help`, [cli, '--help'], 0]);
  cases.push([`${d} merge`, [cli, 'merge', 'base', 'mine', 'theirs', '-o', 'out.zip', '--force', '--quiet', '--no-store', '--no-reuse-resolutions'], 1]);
}
const times = cases.map(() => []);
try {
  for (let i = 0; i < runs; i++) cases.forEach(([, argv, ok], k) => times[k].push(time(argv, ok)));
} finally {
  fs.rmSync(tmp, { recursive: true, force: true });
}
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const node0 = median(times[0]);
console.log(`${runs} interleaved runs each; load average ${os.loadavg().map((l) => l.toFixed(2)).join(' ')}`);
console.log('| case | median | fastest | ratio to node -e 0 |\n|---|---:|---:|---:|');
cases.forEach(([name], k) => {
  const m = median(times[k]);
  console.log(`| ${name} | ${m.toFixed(1)} ms | ${Math.min(...times[k]).toFixed(1)} ms | ${(m / node0).toFixed(2)}× |`);
});
