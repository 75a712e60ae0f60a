#!/usr/bin/env node
/**
 * `npm run fuzz -- --runs N --seed S [--cli K] [--limit-ms T]`: long fuzz runs of the archive reader and the merge
 * (scripts/fuzz-lib.js says what is mutated and checked). N cases run in process, then K through the built CLI.
 * Defaults: 10,000 runs, 100 through the CLI, a seed from the clock (printed, so the run can be repeated).
 * Exit 0 when every case kept the promise; 1 with the failing case's seed and how to reproduce it.
 */
'use strict';
const { fuzz } = require('./fuzz-lib');

function option(name, fallback) {
  const i = process.argv.indexOf(`--${name}`);
  if (i < 0) return fallback;
  const n = Number(process.argv[i + 1]);
  if (!Number.isInteger(n) || n < 0) {
    process.stderr.write(`fuzz: --${name} needs a whole number\n`);
    process.exit(2);
  }
  return n;
}

const runs = option('runs', 10000);
const seed = option('seed', Date.now() % 1_000_000_000);
const cli = option('cli', process.argv.includes('--runs') ? 0 : 100);
const limitMs = option('limit-ms', 10000);

process.stdout.write(`fuzz: ${runs} runs in process + ${cli} through the CLI, seed ${seed}\n`);
let last = 0;
fuzz({
  runs,
  seed,
  cli,
  limitMs,
  onProgress(done, total) {
    const now = Date.now();
    if (now - last > 2000 || done === total) {
      last = now;
      process.stdout.write(`  ${done}/${total}\r`);
    }
  },
}).then(
  (stats) => {
    process.stdout.write(`\nfuzz: passed: ${JSON.stringify(stats, null, 2)}\n`);
  },
  (e) => {
    process.stderr.write(`\n${e.stack || e}\n`);
    process.exitCode = 1;
  },
);
