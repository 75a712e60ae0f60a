#!/usr/bin/env node
/*
 * bench.js — speed of the per-file merge engine against `git merge-file` (and node-diff3 for scale).
 *
 *   npm run bench                 (builds dist/, then the full run: 10k, 50k, 200k lines)
 *   node scripts/bench.js --quick (smoke run: small sizes, few repeats; no build)
 *   options: --runs N  --seed N  --sizes 10000,50000  --no-diff3  --diff3-limit SECONDS
 *   whole process (scripts/bench-whole.js, after the engine part): --whole-only  --no-whole  --whole-runs N
 *   --no-memory (skip the 60 MB case)
 *   --only NAME[,NAME…] runs only those cases: one-line (the below-the-line case: the one-line bundle, lines vs
 *   auto; add --sizes-mb 3 for one size) and the whole-process cases startup, triplets, big, cab-folders, cab-zips,
 *   pack, cab-git (the git loop and merge-tree on the cabinet), parallel, memory, report, pathdiff
 *
 * Inputs are generated from a seed (same seed → same files): code-like text with many repeated lines ('}', '',
 * 'return result;' …) among unique ones; mine and theirs are the base with scattered edits (changed lines,
 * inserted blocks, deleted runs), a few of them close to the other side's, so that some conflicts arise.
 *
 * Engine time: in-process, the product's path (splitLines ×3 → merge3 → renderMerge, style 'merge'), median of
 * several runs after a warm-up. git time: spawnSync wall time of `git merge-file -p` on the same files, median of
 * several runs; it includes starting the git process, so the time of a trivial merge-file (1-line files) is also
 * measured and subtracted as an estimate of git's pure merge time. Both must report the same conflicts and, in
 * merge style, the same text: a mismatch is printed and makes the exit status 1.
 *
 * node-diff3's diff3Merge is quadratic on repeated lines, so it runs at small sizes only, in a child process with
 * a time limit ("> limit" when exceeded).
 */
'use strict';

const fs = require('fs');
const os = require('os');
const path = require('path');
const cp = require('child_process');
const { performance } = require('perf_hooks');

const DIST = path.join(__dirname, '..', 'dist');

// ---------------------------------------------------------------------------------------------
// options
// ---------------------------------------------------------------------------------------------

function parseArgs(argv) {
  const o = { quick: false, runs: 0, seed: 1, sizes: null, diff3: true, diff3Limit: 120, child: null, whole: true, engine: true, wholeRuns: 0, noMemory: false, only: null, sizesMb: null };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--quick') o.quick = true;
    else if (a === '--runs') o.runs = Number(argv[++i]);
    else if (a === '--seed') o.seed = Number(argv[++i]);
    else if (a === '--sizes') o.sizes = argv[++i].split(',').map(Number);
    else if (a === '--no-diff3') o.diff3 = false;
    else if (a === '--diff3-limit') o.diff3Limit = Number(argv[++i]);
    else if (a === '--child-diff3') o.child = Number(argv[++i]);
    else if (a === '--whole-only') o.engine = false;
    else if (a === '--no-whole') o.whole = false;
    else if (a === '--whole-runs') o.wholeRuns = Number(argv[++i]);
    else if (a === '--no-memory') o.noMemory = true;
    else if (a === '--only') {
      o.only = new Set(argv[++i].split(','));
      o.engine = false;
    } else if (a === '--sizes-mb') o.sizesMb = argv[++i].split(',').map(Number);
    else throw new Error(`unknown option ${a}`);
  }
  if (!o.sizes) o.sizes = o.quick ? [2000, 10000] : [10000, 50000, 200000];
  if (!o.runs) o.runs = o.quick ? 3 : 7;
  o.diff3Sizes = o.quick ? [1000] : [1000, 2000, 5000];
  if (o.quick) o.diff3Limit = Math.min(o.diff3Limit, 30);
  return o;
}

// ---------------------------------------------------------------------------------------------
// seeded generator
// ---------------------------------------------------------------------------------------------

/** mulberry32: small, fast, good enough for test data. */
function rng(seed) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Lines that recur all over real code: the diff's hard case (many equal lines, much sliding). */
const COMMON = ['}', '', '  }', '    }', '{', 'return result;', '  return result;', '    break;', '  else', '} else {', '});', '*/', '//'];

function makeLineGen(r, tag) {
  let n = 0;
  const pick = (arr) => arr[Math.floor(r() * arr.length)];
  const ids = ['value', 'result', 'item', 'count', 'name', 'row', 'key', 'total', 'index', 'node'];
  return () => {
    if (r() < 0.45) return pick(COMMON);
    n++;
    const v = pick(ids);
    switch (Math.floor(r() * 5)) {
      case 0:
        return `  const ${v}${tag}${n} = compute(${pick(ids)}, ${Math.floor(r() * 1000)});`;
      case 1:
        return `  if (${v} > ${Math.floor(r() * 100)}) {`;
      case 2:
        return `function ${v}_${tag}${n}(${pick(ids)}, ${pick(ids)}) {`;
      case 3:
        return `    ${v}.push(${pick(ids)}[${n % 97}]);`;
      default:
        return `  // ${tag}${n}: ${v} handling for ${pick(ids)}`;
    }
  };
}

/** A small inserted function: unique head, repeated body lines, shared closing lines. */
function block(line, r) {
  const out = [line()];
  const len = 2 + Math.floor(r() * 8);
  for (let k = 0; k < len; k++) out.push(line());
  out.push('  return result;', '}', '');
  return out;
}

/**
 * Base of `size` lines; mine/theirs each edit about one line in 60, at random places (so a few land next to the
 * other side's edits), plus a planned conflict about every 5,000 lines (both sides change the same line).
 */
function generate(size, seed) {
  const r = rng(seed * 1000003 + size);
  const baseLine = makeLineGen(r, 'b');
  const base = [];
  for (let i = 0; i < size; i++) base.push(baseLine());

  const clash = new Set();
  for (let i = 2500; i < size; i += 5000) clash.add(i + Math.floor(r() * 100));

  const side = (tag, sr) => {
    const line = makeLineGen(sr, tag);
    const out = [];
    for (let i = 0; i < size; i++) {
      if (clash.has(i)) {
        out.push(`  const conflict${i} = '${tag}';`);
        continue;
      }
      const x = sr();
      if (x < 0.006) {
        out.push(line()); // modified line
      } else if (x < 0.01) {
        out.push(base[i], ...block(line, sr)); // inserted block after this line
      } else if (x < 0.014) {
        i += Math.floor(sr() * 3); // deleted run of 1-3 lines
      } else if (x < 0.017) {
        out.push(line(), line()); // a line replaced by two
      } else {
        out.push(base[i]);
      }
    }
    return out;
  };
  const mine = side('m', rng(seed * 7919 + size + 1));
  const theirs = side('t', rng(seed * 104729 + size + 2));
  const text = (ls) => ls.join('\n') + '\n';
  return { base: text(base), mine: text(mine), theirs: text(theirs) };
}

// ---------------------------------------------------------------------------------------------
// measurement
// ---------------------------------------------------------------------------------------------

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/** The product's path for one file: split, key (a last line with no newline differs from one with), merge, render. */
function engineMerge(engine, texts, style) {
  const { splitLines, merge3, renderMerge } = engine;
  const sides = { base: splitLines(texts.base), mine: splitLines(texts.mine), theirs: splitLines(texts.theirs) };
  const keys = (l) => l.lines.map((s, i) => (l.eols[i] === '' ? s + '\u0000' : s));
  const r = merge3({ base: keys(sides.base), mine: keys(sides.mine), theirs: keys(sides.theirs) }, { style });
  const out = renderMerge(r, sides, { style, labels: { mine: 'mine', base: 'base', theirs: 'theirs' } });
  return { text: out.text, conflicts: r.conflicts };
}

/** At least 3 runs and 300 ms, so the JIT has optimised the hot loops before timing (else small inputs time the
 * interpreter). */
function warmUp(engine, texts) {
  for (let k = 0, t0 = performance.now(); k < 3 || performance.now() - t0 < 300; k++) engineMerge(engine, texts, 'merge');
}

function timeEngine(engine, texts, runs) {
  warmUp(engine, texts);
  const times = [];
  let last;
  for (let k = 0; k < runs; k++) {
    const t0 = performance.now();
    last = engineMerge(engine, texts, 'merge');
    times.push(performance.now() - t0);
  }
  return { ms: median(times), result: last };
}

function gitMerge(dir, style) {
  const args = ['merge-file', '-p', ...(style === 'merge' ? [] : ['--' + style]), '-L', 'mine', '-L', 'base', '-L', 'theirs'];
  args.push(path.join(dir, 'mine'), path.join(dir, 'base'), path.join(dir, 'theirs'));
  const t0 = performance.now();
  const g = cp.spawnSync('git', args, { encoding: 'utf8', maxBuffer: 1 << 30 });
  const ms = performance.now() - t0;
  if (g.error) throw g.error;
  if (g.status < 0 || g.status > 127) throw new Error(`git merge-file failed: ${g.stderr}`);
  return { ms, text: g.stdout };
}

function writeTriplet(dir, texts) {
  fs.mkdirSync(dir, { recursive: true });
  for (const s of ['base', 'mine', 'theirs']) fs.writeFileSync(path.join(dir, s), texts[s]);
}

function timeGit(dir, runs) {
  gitMerge(dir, 'merge'); // warm-up: page cache
  const times = [];
  let last;
  for (let k = 0; k < runs; k++) {
    last = gitMerge(dir, 'merge');
    times.push(last.ms);
  }
  return { ms: median(times), text: last.text };
}

/**
 * Engine and git runs alternate, so that load from other processes (the machine is shared) hits both alike and
 * their ratio stays meaningful even when the absolute figures move.
 */
function timeBoth(engine, texts, dir, runs) {
  warmUp(engine, texts);
  gitMerge(dir, 'merge'); // page cache
  const e = [];
  const g = [];
  let result;
  let gitText;
  for (let k = 0; k < runs; k++) {
    const t0 = performance.now();
    result = engineMerge(engine, texts, 'merge');
    e.push(performance.now() - t0);
    const run = gitMerge(dir, 'merge');
    g.push(run.ms);
    gitText = run.text;
  }
  return { eng: { ms: median(e), result }, git: { ms: median(g), text: gitText } };
}

const countMarkers = (text) => (text.match(/^<<<<<<< /gm) || []).length;

// ---------------------------------------------------------------------------------------------
// node-diff3 (child process, so a quadratic run can be cut off)
// ---------------------------------------------------------------------------------------------

function diff3Child(size, seed) {
  const { diff3Merge } = require('node-diff3');
  const t = generate(size, seed);
  const split = (s) => s.split('\n');
  const [a, o, b] = [split(t.mine), split(t.base), split(t.theirs)];
  const times = [];
  let conflicts = 0;
  // Up to 3 runs, fewer when one run is slow (the parent's limit covers the total).
  for (let k = 0; k < 3; k++) {
    const t0 = performance.now();
    const res = diff3Merge(a, o, b);
    times.push(performance.now() - t0);
    conflicts = res.filter((x) => x.conflict).length;
    if (times.reduce((x, y) => x + y, 0) > 20000) break;
  }
  process.stdout.write(JSON.stringify({ ms: median(times), runs: times.length, conflicts }));
}

function timeDiff3(size, seed, limitS) {
  const c = cp.spawnSync(process.execPath, [__filename, '--child-diff3', String(size), '--seed', String(seed)], {
    encoding: 'utf8',
    timeout: limitS * 1000,
    killSignal: 'SIGKILL',
  });
  if (c.error && c.error.code === 'ETIMEDOUT') return null;
  if (c.status !== 0) throw new Error(`node-diff3 child failed: ${c.stderr}`);
  return JSON.parse(c.stdout);
}

// ---------------------------------------------------------------------------------------------
// main
// ---------------------------------------------------------------------------------------------

const fmt = (ms) => (ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(1)} ms`);
const pad = (s, n) => String(s).padStart(n);

function main() {
  const o = parseArgs(process.argv.slice(2));
  if (o.child !== null) return diff3Child(o.child, o.seed);
  if (o.only !== null && o.only.has('one-line')) {
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'cabinet-bench-'));
    try {
      console.log(`load average at start: ${os.loadavg().map((x) => x.toFixed(2)).join(' ')}`);
      if (benchLongLine(tmp, o)) process.exitCode = 1;
      console.log(`load average at end: ${os.loadavg().map((x) => x.toFixed(2)).join(' ')}`);
    } finally {
      fs.rmSync(tmp, { recursive: true, force: true });
    }
    o.only.delete('one-line');
    if (o.only.size === 0) return;
  }
  if (o.engine) engineBench(o);
  if (o.whole) {
    Promise.resolve()
      .then(() => require('./bench-whole').run(o))
      .catch((e) => {
        console.error(e);
        process.exitCode = 1;
      });
  }
}

/** The per-file engine in-process against git merge-file (the part this script started with). */
function engineBench(o) {

  const engine = {
    ...require(path.join(DIST, 'text', 'lines')),
    ...require(path.join(DIST, 'merge3')),
  };
  const cpus = os.cpus();
  console.log(`cabinet-merge bench — node ${process.version}, ${cpus.length} × ${cpus[0] ? cpus[0].model.trim() : '?'}`);
  console.log(`load average at start: ${os.loadavg().map((x) => x.toFixed(2)).join(' ')}; seed ${o.seed}; ${o.runs} runs per figure (median)`);
  const gitVersion = cp.spawnSync('git', ['--version'], { encoding: 'utf8' }).stdout.trim();

  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'cabinet-bench-'));
  let failed = false;
  try {
    // git's fixed cost: process start + reading three 1-line files.
    const tiny = path.join(tmp, 'tiny');
    writeTriplet(tiny, { base: 'a\n', mine: 'a\n', theirs: 'a\n' });
    const gitStart = timeGit(tiny, 21).ms;
    console.log(`${gitVersion}; trivial merge-file (1-line files): ${fmt(gitStart)} — process start, subtracted below\n`);

    const rows = [];
    for (const size of o.sizes) {
      const texts = generate(size, o.seed);
      const dir = path.join(tmp, String(size));
      writeTriplet(dir, texts);
      const { eng, git } = timeBoth(engine, texts, dir, o.runs);
      const gitConflicts = countMarkers(git.text);
      const sameText = git.text === eng.result.text;
      // The other two styles once each: conflicts and text must also match git there (a correctness guard).
      const other = ['diff3', 'zdiff3'].map((style) => {
        const e = engineMerge(engine, texts, style);
        const g = gitMerge(dir, style);
        return e.text === g.text ? '' : ` ${style}-text-differs`;
      });
      const ok = sameText && gitConflicts === eng.result.conflicts && other.every((x) => x === '');
      if (!ok) failed = true;
      const net = Math.max(git.ms - gitStart, 0.1);
      rows.push({
        size,
        mb: (Buffer.byteLength(texts.base) / 1e6).toFixed(1),
        engine: eng.ms,
        git: git.ms,
        net,
        conflicts: `${eng.result.conflicts}/${gitConflicts}`,
        check: ok ? 'same' : `DIFFERS${sameText ? '' : ' text'}${other.join('')}`,
      });
    }

    console.log('| lines   | base MB | engine     | git merge-file | git − start | engine/git | engine/(git − start) | conflicts engine/git | output |');
    console.log('|--------:|--------:|-----------:|---------------:|------------:|-----------:|---------------------:|---------------------:|--------|');
    for (const r of rows) {
      console.log(
        `| ${pad(r.size, 7)} | ${pad(r.mb, 7)} | ${pad(fmt(r.engine), 10)} | ${pad(fmt(r.git), 14)} | ${pad(fmt(r.net), 11)} | ` +
          `${pad((r.engine / r.git).toFixed(2) + '×', 10)} | ${pad((r.engine / r.net).toFixed(2) + '×', 20)} | ${pad(r.conflicts, 20)} | ${r.check} |`,
      );
    }

    if (o.diff3) {
      console.log(`\nnode-diff3 diff3Merge (child process, limit ${o.diff3Limit} s per size):`);
      console.log('| lines | node-diff3 | engine   | conflicts node-diff3/engine |');
      console.log('|------:|-----------:|---------:|----------------------------:|');
      for (const size of o.diff3Sizes) {
        const texts = generate(size, o.seed);
        const eng = timeEngine(engine, texts, o.runs);
        const d = timeDiff3(size, o.seed, o.diff3Limit);
        const dcol = d ? `${fmt(d.ms)}${d.runs < 3 ? ` (${d.runs} run${d.runs > 1 ? 's' : ''})` : ''}` : `> ${o.diff3Limit} s`;
        console.log(`| ${pad(size, 5)} | ${pad(dcol, 10)} | ${pad(fmt(eng.ms), 8)} | ${pad(`${d ? d.conflicts : '?'}/${eng.result.conflicts}`, 27)} |`);
      }
      console.log('(node-diff3 conflicts are counted by its own rules: not expected to equal git\'s.)');
    }
    failed = benchLongLine(tmp, o) || failed;
    console.log(`\nload average at end: ${os.loadavg().map((x) => x.toFixed(2)).join(' ')}`);
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
  if (failed) {
    console.error('MISMATCH: the engine and git merge-file disagree on at least one size (see the output column).');
    process.exitCode = 1;
  }
}

// ---------------------------------------------------------------------------------------------
// below the line: a one-line minified file both sides changed (issue 11)
// ---------------------------------------------------------------------------------------------

/** A ~`mb` MB one-line JS-like bundle, and mine/theirs with edits at seeded statement positions (one shared). */
function longLine(mb, seed) {
  const r = rng(seed);
  const parts = [];
  let bytes = 0;
  for (let i = 0; bytes < mb * 1e6; i++) {
    const p = `var a${i}=${Math.floor(r() * 1000)};function f${i}(e){return e+a${i}}`;
    parts.push(p);
    bytes += p.length + 1;
  }
  const edit = (tag, picks) => {
    const out = parts.slice();
    for (const k of picks) out[k] = out[k].replace('return e+', `return e*2+${tag}+`);
    return out.join(';') + '\n';
  };
  const n = parts.length;
  const minePicks = Array.from({ length: 10 }, (_, k) => Math.floor(((k + 0.3) / 10) * n));
  const theirsPicks = Array.from({ length: 10 }, (_, k) => Math.floor(((k + 0.7) / 10) * n)).concat([minePicks[5]]);
  return { base: parts.join(';') + '\n', mine: edit('1', minePicks), theirs: edit('2', theirsPicks) };
}

function benchLongLine(tmp, o) {
  const { mergeText } = require(path.join(DIST, 'tree', 'merge-text'));
  const enc = (s) => Buffer.from(s, 'utf8');
  const labels = { mine: 'mine', base: 'base', theirs: 'theirs' };
  const runs = Math.max(3, Math.min(o.runs, 5));
  console.log('\nBelow the line: one-line file, both sides changed (10 edits each, one statement edited by both)');
  console.log('| file | granularity | merge (median) | blocks | conflict chars | git merge-file |');
  console.log('|-----:|------------:|---------------:|-------:|---------------:|---------------:|');
  let failed = false;
  for (const mb of o.sizesMb || (o.quick ? [1] : [1, 3])) {
    const texts = longLine(mb, o.seed);
    const dir = path.join(tmp, `long-${mb}`);
    writeTriplet(dir, texts);
    const git = timeGit(dir, runs);
    const t = { path: 'app.min.js', base: enc(texts.base), mine: enc(texts.mine), theirs: enc(texts.theirs) };
    for (const granularity of ['lines', 'auto']) {
      mergeText(t, { style: 'merge', labels, granularity });
      const times = [];
      let out;
      for (let i = 0; i < runs; i++) {
        const t0 = performance.now();
        out = mergeText(t, { style: 'merge', labels, granularity });
        times.push(performance.now() - t0);
      }
      const chars = out.conflicts.reduce((sum, c) => sum + (c.chars !== undefined ? c.chars : c.mine.length + c.theirs.length === 2 ? texts.mine.length + texts.theirs.length : 0), 0);
      if (granularity === 'auto' && out.conflicts.length !== 1) failed = true;
      console.log(`| ${mb} MB | ${granularity} | ${fmt(median(times))} | ${out.conflicts.length} | ${chars} | ${fmt(git.ms)} |`);
    }
  }
  if (failed) console.error('MISMATCH: the token level left other than one block on the one-line file.');
  return failed;
}

main();
