#!/usr/bin/env node
/*
 * bench-renames.js — cost of rename detection (src/tree/renames.ts) on a big cabinet.
 *
 *   npm run build && node scripts/bench-renames.js [--files 4000] [--renamed 0.25] [--seed 1] [--runs 5]
 *
 * Generates, from a seed, a cabinet of N text files (code-like lines, 2–40 KB) in a few dozen folders, as base; mine
 * edits every tenth file; theirs renames a share of the files (hashed names changed: `name.<hex8>.js`, some moved
 * to another folder, one in five to another name altogether, each with a small edit) and adds as many unrelated new files, which pairing must compare and
 * reject. Times, in process, median of several runs: the pairing alone (pairRenames over the removed and added
 * paths), and mergeTrees with rename detection on and off (the whole tree merge, so the cost is seen in context).
 */
'use strict';

const path = require('path');
const { performance } = require('perf_hooks');
const DIST = path.join(__dirname, '..', 'dist');
const { mergeTrees } = require(path.join(DIST, 'tree', 'merge-tree.js'));
const { pairRenames } = require(path.join(DIST, 'tree', 'renames.js'));

function args(argv) {
  const o = { files: 4000, renamed: 0.25, seed: 1, runs: 5 };
  for (let i = 0; i < argv.length; i += 2) o[argv[i].replace(/^--/, '')] = Number(argv[i + 1]);
  return o;
}

function rng(seed) {
  let x = seed >>> 0 || 1;
  return () => {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    return (x >>> 0) / 4294967296;
  };
}

function main() {
  const o = args(process.argv.slice(2));
  const r = rng(o.seed);
  const hex = () => Math.floor(r() * 0xffffffff).toString(16).padStart(8, '0');
  const text = (tag, n) => Array.from({ length: n }, (_, i) => `  const ${tag}_${i} = compute(${Math.floor(r() * 1e6)}, '${tag}');`).join('\n') + '\n';
  const date = new Date(Date.UTC(2026, 0, 1));
  const tree = (files) => ({
    source: 'bench', kind: 'folder', dirs: new Set(), nameEncoding: 'utf8', root: '',
    files: new Map([...files].map(([p, s]) => [p, { path: p, bytes: Buffer.from(s), date }])),
  });
  const base = new Map(), mine = new Map(), theirs = new Map();
  let renamed = 0;
  for (let i = 0; i < o.files; i++) {
    const folder = `f${i % 40}`;
    const stem = `mod${i}`;
    const content = text(stem, 40 + Math.floor(r() * 600));
    const p = `${folder}/${stem}.${hex()}.js`;
    base.set(p, content);
    mine.set(p, i % 10 === 0 ? content.replace(`${stem}_3 `, `${stem}_3_admin `) : content);
    if (r() < o.renamed) {
      renamed++;
      // Most keep their stem (a new hash, sometimes another folder); one in five gets another name altogether,
      // which only the content can pair.
      const to = `${r() < 0.3 ? `moved${i % 7}` : folder}/${r() < 0.2 ? `renamed${i}` : stem}.${hex()}.js`;
      theirs.set(to, content.replace(`${stem}_7 `, `${stem}_7_vendor `));
      theirs.set(`${folder}/new${i}.${hex()}.js`, text(`new${i}`, 40 + Math.floor(r() * 600)));
    } else theirs.set(p, content);
  }
  const trees = { base: tree(base), mine: tree(mine), theirs: tree(theirs) };
  const options = { style: 'diff3', labels: { base: 'base', mine: 'mine', theirs: 'theirs' } };
  const removed = [...base.keys()].filter((p) => !theirs.has(p)).map((p) => ({ path: p, bytes: Buffer.from(base.get(p)) }));
  const added = [...theirs.keys()].filter((p) => !base.has(p)).map((p) => ({ path: p, bytes: Buffer.from(theirs.get(p)) }));
  const median = (f) => {
    const times = [];
    let last;
    for (let k = 0; k < o.runs; k++) {
      const t = performance.now();
      last = f();
      times.push(performance.now() - t);
    }
    times.sort((a, b) => a - b);
    return { ms: times[Math.floor(times.length / 2)], last };
  };
  const pairing = median(() => pairRenames(removed, added));
  const on = median(() => mergeTrees(trees, options));
  const off = median(() => mergeTrees(trees, { ...options, renames: false }));
  const mb = [...base.values()].reduce((n, s) => n + s.length, 0) / 1e6;
  console.log(`${o.files} files (${mb.toFixed(1)} MB), ${renamed} renamed by the vendor, ${added.length - renamed} unrelated new files`);
  console.log(`pairRenames over ${removed.length} removed × ${added.length} added paths: ${pairing.ms.toFixed(0)} ms, ${pairing.last.pairs.length} pairs, ${pairing.last.ambiguous.length} ambiguous`);
  console.log(`mergeTrees with renames (only mine-changed old paths are paired): ${on.ms.toFixed(0)} ms, ${on.last.outcomes.filter((x) => x.renamedFrom).length} renamed outcomes`);
  console.log(`mergeTrees --no-renames: ${off.ms.toFixed(0)} ms`);
}

main();
