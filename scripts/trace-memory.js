#!/usr/bin/env node
/**
 * Memory by phase of one merge (docs/performance.md, "Memory (issue 13)"): wraps the exported functions of a build's
 * phases and prints, after each call, RSS, V8 heap used, external (Buffers) and the peak RSS so far (MiB), with the
 * peak's growth since the line before. The token level's own nested merge3 calls are not printed.
 *
 *   node scripts/trace-memory.js BASE MINE THEIRS OUT.zip        (BENCH_DIST=/other/dist for another build)
 *
 * Inputs as the bench's memory case: node -e "require('./scripts/bench-whole.js').makeBigFile('/tmp/mem', 1980198, 5)"
 * then /tmp/mem/base, /tmp/mem/mine, /tmp/mem/theirs.
 */
'use strict';
const path = require('path');

const DIST = process.env.BENCH_DIST ? path.resolve(process.env.BENCH_DIST) : path.join(__dirname, '..', 'dist');
const mib = (x) => (x / 1048576).toFixed(0);
const t0 = Date.now();
let last = process.resourceUsage().maxRSS;
let nested = false;

function log(what) {
  const m = process.memoryUsage();
  const peak = process.resourceUsage().maxRSS;
  const grew = peak > last ? ` +${((peak - last) / 1024).toFixed(0)}` : '';
  last = peak;
  console.log(
    `${String(Date.now() - t0).padStart(6)} ms  ${what.padEnd(18)} rss ${mib(m.rss).padStart(5)}  heap ${mib(m.heapUsed).padStart(5)}  ` +
      `external ${mib(m.external).padStart(5)}  peak ${(peak / 1024).toFixed(0).padStart(5)}${grew}`,
  );
}

function wrap(mod, names) {
  const m = require(path.join(DIST, mod));
  for (const n of names) {
    const f = m[n];
    if (typeof f !== 'function') throw new Error(`${mod} exports no function ${n}`);
    m[n] = function (...args) {
      if (n === 'cascade') nested = true;
      const r = f.apply(this, args);
      if (n === 'cascade') nested = false;
      if (r && typeof r.then === 'function') return r.then((v) => (log(n), v));
      if (!(nested && n === 'merge3')) log(n);
      return r;
    };
  }
}

wrap('archive/read', ['readTree']);
wrap('text/encoding', ['decodeText', 'encodeText']);
wrap('text/lines', ['splitLines']);
wrap('merge3/merge3', ['merge3']);
wrap('merge3/render', ['renderMerge']);
wrap('formats/cascade', ['cascade']);
wrap('archive/write', ['writeZip']);

const [base, mine, theirs, output] = process.argv.slice(2);
if (!output) {
  console.error('usage: node scripts/trace-memory.js BASE MINE THEIRS OUT.zip');
  process.exit(2);
}
const { runMerge } = require(path.join(DIST, 'commands/merge'));
log('start');
runMerge({ base, mine, theirs, output, force: true, conflictStyle: 'merge', version: 'trace', useStore: false, reuseResolutions: false })
  .then(() => log('end'))
  .catch((e) => {
    console.error(e);
    process.exit(2);
  });
