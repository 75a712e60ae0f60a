/**
 * The archive fuzzer shared by tests/fuzz/archives.test.ts (a short run in `npm test`) and scripts/fuzz.js (long
 * runs): it mutates zips of the bundled samples (bit flips, truncations, corrupted header fields, random entry
 * names, spliced bytes), merges each with the two untouched sides and checks the promise of issue 5:
 *   - exit 0/1 (a report) with an output that is a valid zip, or
 *   - exit 2 (a CabinetError) with a message in both languages and nothing written next to the output,
 *   - never a crash (another error, a stack trace, another exit code), never slower than the time bound.
 * Case i of a run with seed S uses the seed S + i, so any failure is reproduced by `--seed <that seed> --runs 1`.
 *
 * It runs the built code in dist/ (npm run build): in-process through runMerge for speed, or through the CLI
 * (node dist/cli/main.js) to check exit codes and stderr as a user sees them.
 */
'use strict';
const { spawn } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const ROOT = path.resolve(__dirname, '..');
const DIST = path.join(ROOT, 'dist');
const CLI = path.join(DIST, 'cli', 'main.js');
const ROLES = ['base', 'mine', 'theirs'];

/** mulberry32: a small seeded PRNG; one per case, so cases are independent of each other and of their order. */
function rng(seed) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (n) => Math.floor(next() * n),
    pick: (xs) => xs[Math.floor(next() * xs.length)],
    chance: (p) => next() < p,
  };
}

/** Offsets of every occurrence of a 4-byte signature. */
function findAll(buf, sig) {
  const out = [];
  for (let i = buf.indexOf(sig); i >= 0; i = buf.indexOf(sig, i + 1)) out.push(i);
  return out;
}

const SIG_LOCAL = Buffer.from('PK\x03\x04', 'latin1');
const SIG_CENTRAL = Buffer.from('PK\x01\x02', 'latin1');
const SIG_EOCD = Buffer.from('PK\x05\x06', 'latin1');

/** Values that break parsers: boundaries, saturation, small lies. */
function interesting(r, old, bits) {
  const max = bits === 16 ? 0xffff : 0xffffffff;
  const v = r.pick([0, 1, max, max - 1, 0x7fffffff, old + 1, old - 1, old * 2, r.int(max + 1)]);
  return bits === 16 ? v & 0xffff : v >>> 0;
}

/** Central directory fields: offset within the record, width in bits. */
const CENTRAL_FIELDS = [
  [4, 16], [6, 16], [8, 16], [10, 16], [12, 16], [14, 16], [16, 32], [20, 32], [24, 32],
  [28, 16], [30, 16], [32, 16], [34, 16], [36, 16], [38, 32], [42, 32],
];
const LOCAL_FIELDS = [[4, 16], [6, 16], [8, 16], [14, 32], [18, 32], [22, 32], [26, 16], [28, 16]];
const EOCD_FIELDS = [[4, 16], [6, 16], [8, 16], [10, 16], [12, 32], [16, 32], [20, 16]];

function setField(buf, r, at, [offset, bits]) {
  const pos = at + offset;
  if (pos + bits / 8 > buf.length) return;
  if (bits === 16) buf.writeUInt16LE(interesting(r, buf.readUInt16LE(pos), 16), pos);
  else buf.writeUInt32LE(interesting(r, buf.readUInt32LE(pos), 32), pos);
}

/** Name bytes that probe the name rules: separators, '..', drive letters, control bytes, CP866 and UTF-8 bytes. */
const NAME_PIECES = [
  '../', '..', '/', '\\', 'C:', 'c:/', ':', '.', './', '//', 'a', 'Z', 'index.html', 'css/', 'img\\', ' ', '\0', '\x1f',
  '\x7f', '\xff', '\x80', '\x8f\xe0\xa8', '\xd0\x9f\xd1\x80', 'CON', 'aux.txt', '~', '%2e%2e', '\u0000',
];

function randomName(r, length) {
  let s = '';
  while (s.length < length) s += r.pick(NAME_PIECES);
  return Buffer.from(s.slice(0, length), 'latin1');
}

/** The mutators: each takes the zip bytes and a PRNG and returns new bytes, with a short label for statistics. */
const MUTATORS = {
  bitflip(buf, r) {
    const out = Buffer.from(buf);
    for (let n = 1 + r.int(8); n > 0; n--) out[r.int(out.length)] ^= 1 << r.int(8);
    return out;
  },
  truncate(buf, r) {
    return Buffer.from(buf.subarray(0, r.chance(0.5) ? r.int(buf.length) : buf.length - 1 - r.int(Math.min(200, buf.length - 1))));
  },
  central(buf, r) {
    const out = Buffer.from(buf);
    const at = findAll(out, SIG_CENTRAL);
    if (at.length) setField(out, r, r.pick(at), r.pick(CENTRAL_FIELDS));
    return out;
  },
  local(buf, r) {
    const out = Buffer.from(buf);
    const at = findAll(out, SIG_LOCAL);
    if (at.length) setField(out, r, r.pick(at), r.pick(LOCAL_FIELDS));
    return out;
  },
  eocd(buf, r) {
    const out = Buffer.from(buf);
    const at = findAll(out, SIG_EOCD);
    if (at.length) setField(out, r, at[at.length - 1], r.pick(EOCD_FIELDS));
    return out;
  },
  /** Overwrites one entry's name (central record and its local header) with probing bytes of the same length. */
  name(buf, r) {
    const out = Buffer.from(buf);
    const at = findAll(out, SIG_CENTRAL);
    if (!at.length) return out;
    const c = r.pick(at);
    if (c + 46 > out.length) return out;
    const length = out.readUInt16LE(c + 28);
    if (length === 0 || c + 46 + length > out.length) return out;
    let name = randomName(r, length);
    if (r.chance(0.25)) {
      // Copy another entry's name of the same length, when there is one: a duplicate.
      const same = at.filter((o) => o !== c && o + 46 <= out.length && out.readUInt16LE(o + 28) === length);
      if (same.length) {
        const o = r.pick(same);
        name = Buffer.from(out.subarray(o + 46, o + 46 + length));
      }
    }
    name.copy(out, c + 46);
    const local = out.readUInt32LE(c + 42);
    if (r.chance(0.8) && local + 30 + length <= out.length && out.readUInt16LE(local + 26) === length) name.copy(out, local + 30);
    if (r.chance(0.3)) out.writeUInt16LE(out.readUInt16LE(c + 8) ^ 0x0800, c + 8);
    return out;
  },
  splice(buf, r) {
    const at = r.int(buf.length);
    const cut = r.chance(0.5) ? r.int(64) : 0;
    const insert = r.chance(0.5) ? Buffer.from(Array.from({ length: r.int(64) }, () => r.int(256))) : Buffer.alloc(0);
    return Buffer.concat([buf.subarray(0, at), insert, buf.subarray(Math.min(buf.length, at + cut))]);
  },
};
const MUTATOR_NAMES = Object.keys(MUTATORS);

/** One case: which side is mutated, which of its zips, and the mutated bytes. Pure function of the seed. */
function makeCase(sources, seed) {
  const r = rng(seed);
  const role = r.pick(ROLES);
  const variant = r.int(sources[role].length);
  let bytes = sources[role][variant];
  const applied = [];
  for (let n = 1 + (r.chance(0.3) ? r.int(3) : 0); n > 0; n--) {
    const m = r.pick(MUTATOR_NAMES);
    applied.push(m);
    bytes = MUTATORS[m](bytes, r);
  }
  return { seed, role, variant, mutators: applied, bytes };
}

/**
 * Source zips for each side, made from samples/<side> by the project's own writer (deflated) and by JSZip with
 * stored entries, so both compression paths are fuzzed.
 */
async function buildSources() {
  const { readTree } = require(path.join(DIST, 'archive', 'read.js'));
  const JSZip = require('jszip');
  const sources = {};
  for (const role of ROLES) {
    const tree = await readTree(path.join(ROOT, 'samples', role));
    const files = [...tree.files.values()].sort((a, b) => (a.path < b.path ? -1 : 1));
    const deflated = new JSZip();
    const stored = new JSZip();
    for (const f of files) {
      deflated.file(f.path, f.bytes, { date: new Date(Date.UTC(2025, 0, 1)), binary: true });
      stored.file(`lk/${f.path}`, f.bytes, { date: new Date(Date.UTC(2025, 0, 1)), binary: true });
    }
    sources[role] = [
      await deflated.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }),
      await stored.generateAsync({ type: 'nodebuffer', compression: 'STORE', platform: 'UNIX' }),
    ];
  }
  return sources;
}

/** A scratch area: the untouched source zips (shared) and one folder per worker for the case files. */
function workspace(sources) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cabinet-fuzz-'));
  const clean = {};
  for (const role of ROLES) {
    clean[role] = path.join(dir, `${role}.zip`);
    fs.writeFileSync(clean[role], sources[role][0]);
  }
  return { dir, clean };
}

class FuzzFailure extends Error {
  constructor(c, why) {
    super(
      `fuzz case failed: seed ${c.seed} (${c.role}, variant ${c.variant}, ${c.mutators.join('+')}): ${why}\n` +
        `  reproduce: npm run build && node scripts/fuzz.js --seed ${c.seed} --runs 1${c.cli ? ' --cli 1' : ''}`,
    );
    this.seed = c.seed;
  }
}

/** Writes the case into `caseDir` (emptied first); returns the three input paths and the output path. */
function stage(ws, caseDir, c) {
  fs.rmSync(caseDir, { recursive: true, force: true });
  fs.mkdirSync(caseDir);
  const inputs = { ...ws.clean };
  inputs[c.role] = path.join(caseDir, `${c.role}-mutated.zip`);
  fs.writeFileSync(inputs[c.role], c.bytes);
  return { inputs, output: path.join(caseDir, 'MERGED.zip') };
}

function listing(dir) {
  return fs.readdirSync(dir).sort();
}

/** Checks an exit-0/1 result: the output is a zip our reader accepts, and no temp file is left. */
async function checkWritten(c, caseDir, output) {
  const { readTree } = require(path.join(DIST, 'archive', 'read.js'));
  try {
    await readTree(output);
  } catch (e) {
    throw new FuzzFailure(c, `the merged zip is not readable: ${e && e.message}`);
  }
  const temps = listing(caseDir).filter((f) => f.endsWith('.tmp'));
  if (temps.length) throw new FuzzFailure(c, `temp files left: ${temps.join(', ')}`);
}

/** Exit 2: nothing but the mutated input may be left in the case folder. */
function checkNothingWritten(c, caseDir) {
  const left = listing(caseDir).filter((f) => f !== `${c.role}-mutated.zip`);
  if (left.length) throw new FuzzFailure(c, `refused, but left files behind: ${left.join(', ')}`);
}

/** One case through runMerge in this process. Returns 'merged' or the CabinetError code. */
async function runInProcess(ws, caseDir, c, limitMs) {
  const { runMerge } = require(path.join(DIST, 'commands', 'merge.js'));
  const { inputs, output } = stage(ws, caseDir, c);
  const started = Date.now();
  let outcome;
  try {
    const { report } = await runMerge({
      base: inputs.base,
      mine: inputs.mine,
      theirs: inputs.theirs,
      output,
      conflictStyle: 'diff3',
      force: false,
      version: 'fuzz',
      useStore: false,
      store: path.join(ws.dir, 'store'),
    });
    if (report.exitCode !== 0 && report.exitCode !== 1) throw new FuzzFailure(c, `report exit code ${report.exitCode}`);
    await checkWritten(c, caseDir, output);
    outcome = 'merged';
  } catch (e) {
    if (e instanceof FuzzFailure) throw e;
    if (!e || e.name !== 'CabinetError' || typeof e.code !== 'string') {
      throw new FuzzFailure(c, `crashed with ${(e && e.stack) || e}`);
    }
    if (!e.message || !e.ru || e.code === 'internal') throw new FuzzFailure(c, `poor error: ${e.code}: ${e.message}`);
    checkNothingWritten(c, caseDir);
    outcome = e.code;
  }
  const ms = Date.now() - started;
  if (ms > limitMs) throw new FuzzFailure(c, `took ${ms} ms (limit ${limitMs} ms)`);
  return outcome;
}

/** One case through the built CLI, killed after `limitMs`. Returns 'merged' or 'exit2'. */
async function runThroughCli(ws, caseDir, c, limitMs) {
  const { inputs, output } = stage(ws, caseDir, c);
  const child = spawn(process.execPath, [CLI, 'merge', inputs.base, inputs.mine, inputs.theirs, '-o', output], {
    env: { ...process.env, LANG: 'en_US.UTF-8', LC_ALL: '', LC_MESSAGES: '' },
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d) => (stdout += d));
  child.stderr.on('data', (d) => (stderr += d));
  const timer = setTimeout(() => child.kill('SIGKILL'), limitMs);
  const [code, signal] = await new Promise((resolve) => child.on('close', (code, signal) => resolve([code, signal])));
  clearTimeout(timer);
  if (signal) throw new FuzzFailure(c, `killed by ${signal} (over ${limitMs} ms?)`);
  if (/\n\s+at |^\s+at /m.test(stderr)) throw new FuzzFailure(c, `stack trace on stderr:\n${stderr}`);
  if (code === 0 || code === 1) {
    if (stderr !== '') throw new FuzzFailure(c, `exit ${code} with stderr: ${stderr}`);
    await checkWritten(c, caseDir, output);
    return 'merged';
  }
  if (code !== 2) throw new FuzzFailure(c, `exit code ${code}; stderr: ${stderr}`);
  const lines = stderr.trimEnd().split('\n');
  if (lines.length !== 1 || !/^cabinet-merge: \S/.test(lines[0]) || /internal error/.test(lines[0])) {
    throw new FuzzFailure(c, `exit 2 without one clear message: ${JSON.stringify(stderr)}; stdout ${JSON.stringify(stdout)}`);
  }
  checkNothingWritten(c, caseDir);
  return 'exit2';
}

/**
 * Runs `runs` cases from `seed` in process, then `cli` more (seeds continuing) through the CLI. Returns statistics;
 * throws FuzzFailure (with the seed) on the first broken promise.
 */
async function fuzz({ runs, seed, cli = 0, limitMs = 10000, cliLimitMs = 20000, onProgress } = {}) {
  const sources = await buildSources();
  const ws = workspace(sources);
  const caseDir = path.join(ws.dir, 'case');
  const stats = { runs: 0, cli: 0, seed, outcomes: {}, mutators: {}, maxMs: 0, ms: 0 };
  const started = Date.now();
  try {
    for (let i = 0; i < runs + cli; i++) {
      const c = makeCase(sources, seed + i);
      c.cli = i >= runs;
      const t0 = Date.now();
      const outcome = c.cli ? await runThroughCli(ws, caseDir, c, cliLimitMs) : await runInProcess(ws, caseDir, c, limitMs);
      const ms = Date.now() - t0;
      stats.maxMs = Math.max(stats.maxMs, ms);
      if (c.cli) stats.cli++;
      else stats.runs++;
      const key = `${c.cli ? 'cli ' : ''}${outcome}`;
      stats.outcomes[key] = (stats.outcomes[key] || 0) + 1;
      for (const m of c.mutators) stats.mutators[m] = (stats.mutators[m] || 0) + 1;
      if (onProgress) onProgress(i + 1, runs + cli, stats);
    }
  } finally {
    fs.rmSync(ws.dir, { recursive: true, force: true });
  }
  stats.ms = Date.now() - started;
  return stats;
}

module.exports = { fuzz, makeCase, buildSources, rng, MUTATORS, FuzzFailure };
