/*
 * bench-whole.js — the program as a user runs it (`node dist/cli/main.js merge …`, one process per merge), against
 * git in the same run. Called by bench.js (`npm run bench`); `node scripts/bench.js --whole-only` runs only this part.
 *
 * Cases, each timed as wall time of the whole process (median of --whole-runs runs), peak RSS from /usr/bin/time:
 * - start-up: `--help` and a merge of three 1-line files against `node -e 0` (target ≤ 1.5×);
 * - real front-end triplets from ../shared/1c-templates (read from there, never copied): consecutive versions of one
 *   template, older = base, newer = theirs, mine = the older with small edits of our own (a comment line inserted
 *   near the top of each multi-line HTML/JS/CSS file); zips in, merged zip out; against a `git merge-file` loop over
 *   the text files the three have in common, one process per file as a script would run it (target ≤ 2×);
 * - one 200k-line file, folders in (target ≤ 2.5× git merge-file);
 * - a generated 4,000-file cabinet, zip and folder inputs (target ≤ 0.8 s) and `pack` of its 4,000-file working
 *   folder (≤ 0.8 s); against a git merge-file loop over the same files and `git merge-tree --write-tree` on the same
 *   trees in a scratch repo (adding the objects, `git add` + `commit` ×3, is timed apart);
 * - 60 MB of text on each side, for peak memory (target ≤ 4× the sum of the inputs + 150 MB);
 * - N merges of the 4,000-file zips at once (N = 1, 2, 4) on this machine's cores: wall time and merges per second;
 * - the HTML report of a 2,000-file merge with 200 conflicts: its cost in a whole merge (was a timed unit test).
 * Inputs are made in a temp folder before any timing and removed at the end.
 */
'use strict';

const fs = require('fs');
const os = require('os');
const path = require('path');
const cp = require('child_process');
const { performance } = require('perf_hooks');

const ROOT = path.join(__dirname, '..');
// BENCH_DIST=/other/dist compares another build in the same way (before/after runs of one change).
const DIST = process.env.BENCH_DIST ? path.resolve(process.env.BENCH_DIST) : path.join(ROOT, 'dist');
const CLI = path.join(DIST, 'cli', 'main.js');
const TEMPLATES = path.join(ROOT, '..', 'shared', '1c-templates');
const TIME = fs.existsSync('/usr/bin/time') ? '/usr/bin/time' : null;
const TEXT_EXT = /\.(html?|js|mjs|css|json|txt|xml|svg|map|md)$/i;

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
// NaN: a case left out by --only.
const fmtMs = (ms) => (Number.isNaN(ms) ? '—' : ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(0)} ms`);
const fmtMB = (kb) => (kb ? `${(kb / 1024).toFixed(0)} MB` : '?');
const ratio = (a, b) => (Number.isNaN(a / b) ? '—' : `${(a / b).toFixed(2)}×`);

/** `--only a,b`: a function telling whether a case is to run (all of them without --only). */
const wanted = (o) => (name) => !o.only || o.only.has(name);

/** One process, wall time and peak RSS (KB, via /usr/bin/time when present). Throws on an unexpected exit code. */
function run1(cmd, args, { cwd, ok = [0, 1] } = {}) {
  const rssFile = path.join(os.tmpdir(), `bench-rss-${process.pid}`);
  const [c, a] = TIME ? [TIME, ['-f', '%M', '-o', rssFile, cmd, ...args]] : [cmd, args];
  const t0 = performance.now();
  const r = cp.spawnSync(c, a, { cwd, encoding: 'buffer', maxBuffer: 1 << 30 });
  const ms = performance.now() - t0;
  if (!ok.includes(r.status)) throw new Error(`${cmd} ${args.join(' ')}: exit ${r.status}\n${r.stderr}`);
  let rss = 0;
  if (TIME) rss = Number(fs.readFileSync(rssFile, 'utf8').trim().split('\n').pop());
  return { ms, rss, status: r.status, stdout: r.stdout };
}

/** Median wall time and the largest peak RSS of `runs` runs of `f` (which returns { ms, rss }). */
function timeRuns(runs, f) {
  const rs = Array.from({ length: runs }, f);
  return { ms: median(rs.map((r) => r.ms)), rss: Math.max(...rs.map((r) => r.rss)), last: rs[rs.length - 1] };
}

const merge = (dir, base, mine, theirs, extra = []) =>
  run1('node', [CLI, 'merge', base, mine, theirs, '-o', path.join(dir, 'out.zip'), '--force', '--quiet', '--no-store', '--no-reuse-resolutions', ...extra]);

/** `git merge-file -p` for every path, one process each, as a shell loop would; total wall time. */
function gitLoop(dirs, paths) {
  const t0 = performance.now();
  let conflicts = 0;
  for (const p of paths) {
    const r = cp.spawnSync('git', ['merge-file', '-p', '-L', 'mine', '-L', 'base', '-L', 'theirs',
      path.join(dirs.mine, p), path.join(dirs.base, p), path.join(dirs.theirs, p)], { maxBuffer: 1 << 30 });
    if (r.status < 0 || r.status > 127) throw new Error(`git merge-file ${p}: exit ${r.status}`);
    conflicts += r.status;
  }
  return { ms: performance.now() - t0, conflicts };
}

function walk(dir, rel = '') {
  const out = [];
  for (const e of fs.readdirSync(path.join(dir, rel), { withFileTypes: true })) {
    const r = rel ? `${rel}/${e.name}` : e.name;
    if (e.isDirectory()) out.push(...walk(dir, r));
    else out.push(r);
  }
  return out;
}

/** The folder a zip unpacked into, or its only subfolder when that is all it holds (the wrapper folder of some versions). */
function unwrapped(dir) {
  const entries = fs.readdirSync(dir, { withFileTypes: true });
  return entries.length === 1 && entries[0].isDirectory() ? path.join(dir, entries[0].name) : dir;
}

/** Text paths present in all three folders (what a git merge-file loop would merge). */
function commonText(dirs) {
  const inMine = new Set(walk(dirs.mine));
  const inTheirs = new Set(walk(dirs.theirs));
  return walk(dirs.base).filter((p) => TEXT_EXT.test(p) && inMine.has(p) && inTheirs.has(p));
}

function unzip(zip, dir) {
  fs.mkdirSync(dir, { recursive: true });
  cp.execFileSync('unzip', ['-q', '-o', zip, '-d', dir]);
}

function zipFolder(dir, zip) {
  cp.execFileSync('zip', ['-q', '-r', '-X', zip, '.'], { cwd: dir });
}

/** Our own small edits: a comment line after the first line of every multi-line HTML/JS/CSS file. */
function customise(dir) {
  let edited = 0;
  for (const p of walk(dir)) {
    const m = /\.(html?|js|css)$/i.exec(p);
    if (!m) continue;
    const file = path.join(dir, p);
    const text = fs.readFileSync(file, 'latin1');
    const nl = text.indexOf('\n');
    if (nl < 0 || nl === text.length - 1) continue;
    const eol = text[nl - 1] === '\r' ? '\r\n' : '\n';
    const comment = /html?$/i.test(m[1]) ? '<!-- customised: our counter -->' : '/* customised: our counter */';
    fs.writeFileSync(file, text.slice(0, nl + 1) + comment + eol + text.slice(nl + 1), 'latin1');
    edited++;
  }
  return edited;
}

/** Consecutive versions of each template in ../shared/1c-templates, by commit date: [{ name, older, newer }]. */
function templatePairs() {
  if (!fs.existsSync(TEMPLATES)) return [];
  const byTemplate = new Map();
  for (const f of fs.readdirSync(TEMPLATES)) {
    const m = /^([0-9a-f]{40})-([0-9a-f]{12})\.zip$/.exec(f);
    if (!m) continue;
    const date = fs.readFileSync(path.join(TEMPLATES, `${m[1]}-${m[2]}.date`), 'utf8').trim();
    if (!byTemplate.has(m[2])) byTemplate.set(m[2], []);
    byTemplate.get(m[2]).push({ file: path.join(TEMPLATES, f), date, commit: m[1] });
  }
  const pairs = [];
  for (const [hash, versions] of byTemplate) {
    versions.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
    for (let i = 1; i < versions.length; i++) {
      pairs.push({ name: `${hash} ${versions[i - 1].date}→${versions[i].date}`, older: versions[i - 1].file, newer: versions[i].file });
    }
  }
  return pairs;
}

/** Seeded code-like lines (as bench.js's generator, smaller): mine and theirs edit ~1% of lines each. */
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
function codeLines(r, n, tag) {
  const common = ['}', '', '  }', '{', '  return result;', '});'];
  return Array.from({ length: n }, (_, i) =>
    r() < 0.4 ? common[Math.floor(r() * common.length)] : `  const ${tag}${i} = compute(${Math.floor(r() * 1e6)}, "${tag}-${i}");`);
}
function editLines(r, lines, rate, who) {
  const out = [];
  for (let i = 0; i < lines.length; i++) {
    const x = r();
    if (x < rate / 2) out.push(`  // ${who} changed ${i}`);
    else if (x < rate) out.push(lines[i], `  ${who}Extra(${i});`);
    else out.push(lines[i]);
  }
  return out;
}

/** The 4,000-file cabinet: 40 folders × 100 files of 40–80 lines; mine edits 5 % of files, theirs 10 %. */
function makeCabinet(dir, files, seed) {
  const r = rng(seed);
  for (const side of ['base', 'mine', 'theirs']) fs.mkdirSync(path.join(dir, side), { recursive: true });
  for (let i = 0; i < files; i++) {
    const rel = `pages/p${String(i % 40).padStart(2, '0')}/f${i}.${['js', 'css', 'html'][i % 3]}`;
    const base = codeLines(r, 40 + Math.floor(r() * 40), `v${i}_`);
    const mine = r() < 0.05 ? editLines(r, base, 0.05, 'mine') : base;
    const theirs = r() < 0.1 ? editLines(r, base, 0.05, 'theirs') : base;
    for (const [side, lines] of [['base', base], ['mine', mine], ['theirs', theirs]]) {
      const f = path.join(dir, side, rel);
      fs.mkdirSync(path.dirname(f), { recursive: true });
      fs.writeFileSync(f, lines.join('\r\n') + '\r\n');
    }
  }
}

/** One file of `n` lines per side in folders base/mine/theirs. */
function makeBigFile(dir, n, seed) {
  const r = rng(seed);
  const base = codeLines(r, n, 'x');
  const sides = { base, mine: editLines(r, base, 0.01, 'mine'), theirs: editLines(r, base, 0.01, 'theirs') };
  for (const [side, lines] of Object.entries(sides)) {
    fs.mkdirSync(path.join(dir, side), { recursive: true });
    fs.writeFileSync(path.join(dir, side, 'big.js'), lines.join('\n') + '\n');
  }
  return fs.statSync(path.join(dir, 'base', 'big.js')).size;
}

/** git merge-tree --write-tree on the three trees in a scratch repo; adding the objects is timed apart. */
function gitMergeTree(dir, dirs, runs) {
  const repo = path.join(dir, 'repo');
  const git = (...args) => cp.execFileSync('git', args, { cwd: repo, stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 1 << 30 });
  fs.mkdirSync(repo);
  const t0 = performance.now();
  git('init', '-q', '-b', 'base');
  git('config', 'user.email', 'bench@example.invalid');
  git('config', 'user.name', 'bench');
  git('config', 'core.autocrlf', 'false');
  const commit = (side, branch) => {
    if (branch) git('checkout', '-q', '-b', branch, 'base');
    for (const e of fs.readdirSync(repo)) if (e !== '.git') fs.rmSync(path.join(repo, e), { recursive: true });
    fs.cpSync(dirs[side], repo, { recursive: true });
    git('add', '-A');
    git('commit', '-q', '-m', side);
  };
  commit('base', null);
  commit('mine', 'mine');
  commit('theirs', 'theirs');
  const addMs = performance.now() - t0;
  const t = timeRuns(runs, () => run1('git', ['merge-tree', '--write-tree', 'mine', 'theirs'], { cwd: repo }));
  return { addMs, ms: t.ms };
}

function sizeOf(p) {
  const st = fs.statSync(p);
  if (!st.isDirectory()) return st.size;
  return walk(p).reduce((s, f) => s + fs.statSync(path.join(p, f)).size, 0);
}

function table(header, rows) {
  console.log(`| ${header.join(' | ')} |`);
  console.log(`|${header.map(() => '---').join('|')}|`);
  for (const r of rows) console.log(`| ${r.join(' | ')} |`);
  console.log('');
}

function run(o) {
  const runs = o.wholeRuns || (o.quick ? 1 : 3);
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'cabinet-bench-whole-'));
  const verdicts = [];
  const verdict = (what, ok, figure) => verdicts.push(`${ok ? 'holds' : 'MISSES'}: ${what} — ${figure}`);
  const want = wanted(o);
  try {
    console.log(`\n## Whole process (node dist/cli/main.js), median of ${runs} run(s); peak RSS ${TIME ? 'from /usr/bin/time' : 'not measured (no /usr/bin/time)'}\n`);

    // --- start-up -------------------------------------------------------------------------------------------------
    if (want('startup')) {
    const tiny = path.join(tmp, 'tiny');
    for (const s of ['base', 'mine', 'theirs']) {
      fs.mkdirSync(path.join(tiny, s), { recursive: true });
      fs.writeFileSync(path.join(tiny, s, 'a.txt'), `${s === 'base' ? 'a' : s}\n`);
    }
    const startRuns = Math.max(runs * 5, 9);
    // Interleaved (node -e 0, --help, merge, node -e 0, …): on a shared machine the load changes from second to
    // second, and three blocks of runs one after the other compared different loads. Medians of each.
    const starts = { node0: [], help: [], tinyMerge: [] };
    for (let i = 0; i < startRuns; i++) {
      starts.node0.push(run1('node', ['-e', '0']));
      starts.help.push(run1('node', [CLI, '--help']));
      starts.tinyMerge.push(merge(tiny, path.join(tiny, 'base'), path.join(tiny, 'mine'), path.join(tiny, 'theirs')));
    }
    const [node0, help, tinyMerge] = [starts.node0, starts.help, starts.tinyMerge].map((rs) => ({ ms: median(rs.map((r) => r.ms)) }));
    table(['start-up', 'time', 'node -e 0', 'ratio'], [
      ['--help', fmtMs(help.ms), fmtMs(node0.ms), ratio(help.ms, node0.ms)],
      ['merge of three 1-line files (folders)', fmtMs(tinyMerge.ms), fmtMs(node0.ms), ratio(tinyMerge.ms, node0.ms)],
    ]);
    verdict('--help ≤ 1.5× node -e 0', help.ms <= 1.5 * node0.ms, ratio(help.ms, node0.ms));
    verdict('tiny merge ≤ 1.5× node -e 0', tinyMerge.ms <= 1.5 * node0.ms, ratio(tinyMerge.ms, node0.ms));
    }

    // --- real front-end triplets ----------------------------------------------------------------------------------
    const pairs = want('triplets') ? templatePairs().slice(0, o.quick ? 2 : Infinity) : [];
    if (!want('triplets')) { /* not asked for (--only) */ } else if (pairs.length === 0) console.log(`(no ${TEMPLATES}: real triplets skipped)\n`);
    else {
      const rows = [];
      let sumCm = 0;
      let sumGit = 0;
      let maxRssRatio = 0;
      pairs.forEach((pair, i) => {
        const dir = path.join(tmp, `tpl${i}`);
        const dirs = { base: path.join(dir, 'base'), mine: path.join(dir, 'mine'), theirs: path.join(dir, 'theirs') };
        unzip(pair.older, dirs.base);
        unzip(pair.older, dirs.mine);
        unzip(pair.newer, dirs.theirs);
        customise(dirs.mine);
        const mineZip = path.join(dir, 'mine.zip');
        zipFolder(dirs.mine, mineZip);
        for (const s of ['base', 'mine', 'theirs']) dirs[s] = unwrapped(dirs[s]);
        const paths = commonText(dirs);
        const cm = timeRuns(runs, () => merge(dir, pair.older, mineZip, pair.newer));
        const git = timeRuns(runs, () => gitLoop(dirs, paths));
        const inputs = sizeOf(dirs.base) + sizeOf(dirs.mine) + sizeOf(dirs.theirs);
        sumCm += cm.ms;
        sumGit += git.ms;
        maxRssRatio = Math.max(maxRssRatio, cm.rss * 1024 / (4 * inputs + 150e6));
        rows.push([pair.name, `${(inputs / 3 / 1e6).toFixed(1)} MB`, String(paths.length), fmtMs(cm.ms), fmtMB(cm.rss),
          fmtMs(git.ms), ratio(cm.ms, git.ms)]);
      });
      rows.push(['**all**', '', '', fmtMs(sumCm), '', fmtMs(sumGit), `**${ratio(sumCm, sumGit)}**`]);
      console.log('Real front-end triplets (zips in, merged zip out) against a git merge-file loop over their common text files:\n');
      table(['template, base→theirs', 'size/side', 'text files', 'cabinet-merge', 'peak RSS', 'git merge-file loop', 'ratio'], rows);
      verdict('real triplets ≤ 2× git merge-file loop', sumCm <= 2 * sumGit, ratio(sumCm, sumGit));
      verdict('real triplets peak RSS ≤ 4× inputs + 150 MB', maxRssRatio <= 1, `worst ${(maxRssRatio * 100).toFixed(0)} % of the limit`);
    }

    // --- one 200k-line file -----------------------------------------------------------------------------------------
    if (want('big')) {
      const dir = path.join(tmp, 'big');
      const n = o.quick ? 50_000 : 200_000;
      const bytes = makeBigFile(dir, n, 7);
      const dirs = { base: path.join(dir, 'base'), mine: path.join(dir, 'mine'), theirs: path.join(dir, 'theirs') };
      const cm = timeRuns(runs, () => merge(dir, dirs.base, dirs.mine, dirs.theirs));
      const git = timeRuns(runs, () => gitLoop(dirs, ['big.js']));
      table([`one ${n}-line file (${(bytes / 1e6).toFixed(1)} MB), folders in`, 'time', 'peak RSS', 'git merge-file', 'ratio'],
        [['', fmtMs(cm.ms), fmtMB(cm.rss), fmtMs(git.ms), ratio(cm.ms, git.ms)]]);
      verdict(`${n}-line file ≤ 2.5× git merge-file`, cm.ms <= 2.5 * git.ms, ratio(cm.ms, git.ms));
    }

    // --- the 4,000-file cabinet -------------------------------------------------------------------------------------
    const cab = path.join(tmp, 'cab');
    if (!['cab-folders', 'cab-zips', 'pack', 'cab-git', 'parallel'].some(want)) return finish(o, tmp, verdicts);
    const nFiles = o.quick ? 1000 : 4000;
    makeCabinet(cab, nFiles, 11);
    const dirs = { base: path.join(cab, 'base'), mine: path.join(cab, 'mine'), theirs: path.join(cab, 'theirs') };
    const zips = {};
    for (const s of ['base', 'mine', 'theirs']) {
      zips[s] = path.join(cab, `${s}.zip`);
      zipFolder(dirs[s], zips[s]);
    }
    {
      const none = { ms: NaN, rss: 0, addMs: NaN };
      const paths = commonText(dirs);
      const folders = want('cab-folders') ? timeRuns(runs, () => merge(cab, dirs.base, dirs.mine, dirs.theirs)) : none;
      const zipped = want('cab-zips') ? timeRuns(runs, () => merge(cab, zips.base, zips.mine, zips.theirs)) : none;
      const work = path.join(cab, 'work');
      const packs = !want('pack') ? none : timeRuns(runs, () => {
        fs.rmSync(work, { recursive: true, force: true });
        fs.rmSync(path.join(cab, 'packed.zip'), { force: true });
        merge(cab, zips.base, zips.mine, zips.theirs, ['--out-dir', work]);
        return run1('node', [CLI, 'pack', work, '-o', path.join(cab, 'packed.zip'), '--quiet', '--force'], { ok: [0, 1] });
      });
      const git = want('cab-git') ? timeRuns(1, () => gitLoop(dirs, paths)) : none;
      const tree = want('cab-git') ? gitMergeTree(cab, dirs, runs) : none;
      console.log(`A generated ${nFiles}-file cabinet (${(sizeOf(dirs.base) / 1e6).toFixed(1)} MB a side; mine edits 5 % of files, theirs 10 %):\n`);
      table(['case', 'cabinet-merge', 'peak RSS', 'git merge-file loop', 'ratio', 'git merge-tree --write-tree', 'ratio'], [
        ['folders in', fmtMs(folders.ms), fmtMB(folders.rss), fmtMs(git.ms), ratio(folders.ms, git.ms), fmtMs(tree.ms), ratio(folders.ms, tree.ms)],
        ['zips in', fmtMs(zipped.ms), fmtMB(zipped.rss), fmtMs(git.ms), ratio(zipped.ms, git.ms), fmtMs(tree.ms), ratio(zipped.ms, tree.ms)],
        [`pack of the ${nFiles}-file working folder`, fmtMs(packs.ms), fmtMB(packs.rss), '', '', '', ''],
      ]);
      console.log(`(git merge-tree's scratch repo: adding the three trees' objects, git add + commit ×3, took ${fmtMs(tree.addMs)}, not counted above.)\n`);
      if (want('cab-folders')) verdict(`${nFiles} files, folders in ≤ 0.8 s`, folders.ms <= 800, fmtMs(folders.ms));
      if (want('cab-zips')) verdict(`${nFiles} files, zips in ≤ 0.8 s`, zipped.ms <= 800, fmtMs(zipped.ms));
      if (want('pack')) verdict(`pack of ${nFiles} files ≤ 0.8 s`, packs.ms <= 800, fmtMs(packs.ms));
    }

    // --- N merges at once ------------------------------------------------------------------------------------------
    if (!want('parallel')) return finish(o, tmp, verdicts);
    return parallel(cab, zips, runs).then((par) => {
      console.log(`N merges of the ${nFiles}-file zips at once, on ${os.cpus().length} cores (one process per merge):\n`);
      const one = par[0].ms;
      table(['N at once', 'wall time', 'per merge', 'merges/s', 'throughput vs one at a time'], par.map((p) =>
        [String(p.n), fmtMs(p.ms), fmtMs(p.ms / p.n), (p.n / (p.ms / 1000)).toFixed(2), `${((one * p.n) / p.ms).toFixed(2)}×`]));
      return finish(o, tmp, verdicts);
    });
  } catch (e) {
    fs.rmSync(tmp, { recursive: true, force: true });
    throw e;
  }
}

/** N merges started together, N = 1, 2, 4; each N timed once after the others have finished. */
async function parallel(cab, zips, runs) {
  const out = [];
  for (const n of [1, 2, 4]) {
    const times = [];
    for (let k = 0; k < runs; k++) {
      const t0 = performance.now();
      await Promise.all(Array.from({ length: n }, (_, i) => new Promise((res, rej) => {
        const c = cp.spawn('node', [CLI, 'merge', zips.base, zips.mine, zips.theirs, '-o', path.join(cab, `par${i}.zip`), '--force', '--quiet', '--no-store', '--no-reuse-resolutions'], { stdio: 'ignore' });
        c.on('exit', (code) => (code === 0 || code === 1 ? res() : rej(new Error(`parallel merge: exit ${code}`))));
      })));
      times.push(performance.now() - t0);
    }
    out.push({ n, ms: median(times) });
  }
  return out;
}

/** The 60 MB memory case and the HTML report timing, then the verdicts. */
function finish(o, tmp, verdicts) {
  const verdict = (what, ok, figure) => verdicts.push(`${ok ? 'holds' : 'MISSES'}: ${what} — ${figure}`);
  const runs = o.wholeRuns || (o.quick ? 1 : 3);
  const want = wanted(o);
  try {
    if (!o.noMemory && want('memory')) {
      const dir = path.join(tmp, 'mem');
      const mb = o.quick ? 10 : 60;
      const n = Math.round((mb * 1e6) / 30.3); // makeBigFile lines average 30 bytes
      const bytes = makeBigFile(dir, n, 5);
      const dirs = { base: path.join(dir, 'base'), mine: path.join(dir, 'mine'), theirs: path.join(dir, 'theirs') };
      const inputs = sizeOf(dirs.base) + sizeOf(dirs.mine) + sizeOf(dirs.theirs);
      const cm = timeRuns(1, () => merge(dir, dirs.base, dirs.mine, dirs.theirs));
      const git = timeRuns(1, () => run1('git', ['merge-file', '-p', path.join(dirs.mine, 'big.js'), path.join(dirs.base, 'big.js'), path.join(dirs.theirs, 'big.js')], { ok: Array.from({ length: 128 }, (_, i) => i) }));
      const limitKB = (4 * inputs + 150e6) / 1024;
      table([`${(bytes / 1e6).toFixed(0)} MB file on each side, folders in`, 'time', 'peak RSS', 'limit 4× inputs + 150 MB', 'git merge-file', 'git peak RSS'],
        [['', fmtMs(cm.ms), fmtMB(cm.rss), fmtMB(limitKB), fmtMs(git.ms), fmtMB(git.rss)]]);
      if (TIME) verdict(`${(bytes / 1e6).toFixed(0)} MB file: peak RSS ≤ 4× inputs + 150 MB`, cm.rss <= limitKB, `${fmtMB(cm.rss)} of ${fmtMB(limitKB)}`);
    }
    if (want('report')) {
      // The HTML report of a 2,000-file merge with 200 conflicting files (the timing html.test.ts once asserted):
      // the same merge with and without --report; the difference is the report's cost.
      const dir = path.join(tmp, 'report');
      const dirs = reportCabinet(dir, 2000, 200);
      const plain = timeRuns(runs, () => merge(dir, dirs.base, dirs.mine, dirs.theirs));
      const html = path.join(dir, 'report.html');
      const withReport = timeRuns(runs, () => merge(dir, dirs.base, dirs.mine, dirs.theirs, ['--report', html]));
      const cost = withReport.ms - plain.ms;
      console.log(`2,000-file merge with 200 conflicts: ${fmtMs(plain.ms)}; with --report report.html ${fmtMs(withReport.ms)} ` +
        `(the report: ${fmtMs(cost)}, ${(fs.statSync(html).size / 1e6).toFixed(1)} MB; target ≤ 2 s)\n`);
      verdict('HTML report of 2,000 files ≤ 2 s', cost <= 2000, fmtMs(cost));
    }
    if (want('pathdiff')) {
      // diffIds on a pathological input (the timing diff.test.ts once asserted): two unrelated 4,000-line files over
      // a 4-line alphabet, edit distance ≈ 3,000, far past the cost budget. Target ≤ 3 s; it should take ms.
      const { diffIds } = require(path.join(DIST, 'diff'));
      const r = rng(7);
      const a = Int32Array.from({ length: 4000 }, () => Math.floor(r() * 4));
      const b = Int32Array.from({ length: 4000 }, () => Math.floor(r() * 4));
      const ms = median(Array.from({ length: 5 }, () => {
        const t0 = performance.now();
        diffIds(a, b);
        return performance.now() - t0;
      }));
      console.log(`diffIds on two unrelated 4,000-line inputs over 4 distinct lines (the cost budget's case): ${ms.toFixed(1)} ms (target ≤ 3 s)\n`);
      verdict('pathological diff ≤ 3 s', ms <= 3000, `${ms.toFixed(1)} ms`);
    }
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
  console.log('Targets:');
  for (const v of verdicts) console.log(`- ${v}`);
  console.log('');
}

/** Like tests/helpers' bigCabinet: n files of 30 lines; every (n / conflicts)-th changed on one line by both sides. */
function reportCabinet(dir, n, conflicts) {
  const dirs = { base: path.join(dir, 'base'), mine: path.join(dir, 'mine'), theirs: path.join(dir, 'theirs') };
  const every = Math.floor(n / conflicts);
  for (let i = 0; i < n; i++) {
    const p = `pages/p${i % 50}/f${i}.js`;
    const lines = Array.from({ length: 30 }, (_, k) => `line ${k} of file ${i}`);
    const m = [...lines];
    const t = [...lines];
    if (i % every === 0) {
      m[10] = `mine ${i}`;
      t[10] = `theirs ${i}`;
    } else if (i % 7 === 0) m[3] = `mine only ${i}`;
    for (const [side, ls] of [['base', lines], ['mine', m], ['theirs', t]]) {
      const f = path.join(dirs[side], p);
      fs.mkdirSync(path.dirname(f), { recursive: true });
      fs.writeFileSync(f, ls.join('\n') + '\n');
    }
  }
  return dirs;
}

module.exports = { run, makeBigFile, makeCabinet, templatePairs, unzip, customise, zipFolder };
