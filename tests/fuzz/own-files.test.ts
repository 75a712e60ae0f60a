/**
 * Fuzzing the tool's own files (issue 14): the working folder's state.json, a baseline store's manifest, resolution
 * records and the rules file, mutated structure-aware (wrong types, deleted fields, '..' / absolute / drive /
 * backslash paths as values and as keys, huge nesting, and the file replaced by a FIFO, a link or a folder), then
 * read back by the commands in process. Each case must end in a result or a CabinetError — never another error, a
 * hang, or a write or delete outside the folder the file belongs to (a sentinel beside each folder is checked).
 * Seeded (FUZZ_SEED), a few seconds.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { runBaseline } from '../../src/commands/baseline';
import { runPack } from '../../src/commands/pack';
import { runResolve } from '../../src/commands/resolve';
import { runStatus } from '../../src/commands/status';
import { CabinetError } from '../../src/errors';
import { loadResolutions } from '../../src/rerere/store';
import { loadRules } from '../../src/rules/rules';
import { runCli } from '../helpers/cli';
import { cleanTempDirs, tempDir } from '../helpers/tmp';

afterAll(cleanTempDirs);

const SEED = Number(process.env.FUZZ_SEED ?? 20260115);
const SAMPLES = path.resolve(__dirname, '../../samples');
const sides = ['base', 'mine', 'theirs'].map((s) => path.join(SAMPLES, s));

/** mulberry32: a small seeded generator, so a failing case replays from its seed. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const HOSTILE_STRINGS = ['../../planted.txt', '../victim.txt', '/etc/passwd', 'C:\\Windows\\x', 'a\\..\\..\\x', '', '.', 'a//b', 'x\u001b[2J', '..'];
const DEEP = '__DEEP__';

function hostileValue(r: () => number): unknown {
  const pick = Math.floor(r() * 9);
  switch (pick) {
    case 0: return Math.floor(r() * 1e9) - 5e8;
    case 1: return null;
    case 2: return [];
    case 3: return {};
    case 4: return true;
    case 5: return DEEP;
    default: return HOSTILE_STRINGS[Math.floor(r() * HOSTILE_STRINGS.length)];
  }
}

/** Every (container, key) pair in a JSON value. */
function slots(v: unknown, out: [Record<string, unknown> | unknown[], string | number][] = []): typeof out {
  if (Array.isArray(v)) v.forEach((x, i) => (out.push([v, i]), slots(x, out)));
  else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) out.push([v as Record<string, unknown>, k]), slots(x, out);
  return out;
}

/** 1–3 structure-aware mutations of a parsed JSON value, as text (deep nesting spliced in as text). */
function mutateJson(value: unknown, r: () => number): string {
  const copy = JSON.parse(JSON.stringify(value));
  const n = 1 + Math.floor(r() * 3);
  for (let i = 0; i < n; i++) {
    const all = slots(copy);
    if (all.length === 0) break;
    const [holder, key] = all[Math.floor(r() * all.length)];
    const what = r();
    if (what < 0.55) (holder as Record<string, unknown>)[key as string] = hostileValue(r);
    else if (what < 0.75 && !Array.isArray(holder)) delete holder[key as string];
    else if (!Array.isArray(holder)) {
      // a key becomes a hostile path (state paths and manifest paths are keys)
      holder[HOSTILE_STRINGS[Math.floor(r() * 4)]] = holder[key as string];
      delete holder[key as string];
    }
  }
  const depth = r() < 0.5 ? 200 : 100_000;
  return JSON.stringify(copy).replace(`"${DEEP}"`, '['.repeat(depth) + ']'.repeat(depth));
}

/** Replaces `file` by something that is not a regular file, or by mutated JSON. */
function plant(file: string, original: unknown, r: () => number, outside: string): string {
  const roll = r();
  rmSync(file, { recursive: true, force: true });
  if (roll < 0.08) {
    execFileSync('mkfifo', [file]);
    return 'fifo';
  }
  if (roll < 0.14) {
    symlinkSync(outside, file);
    return 'link';
  }
  if (roll < 0.18) {
    mkdirSync(file);
    return 'folder';
  }
  writeFileSync(file, mutateJson(original, r));
  return 'json';
}

/** Runs `f`; anything thrown must be a CabinetError. Returns the outcome's name. */
async function settle(label: string, f: () => Promise<unknown>): Promise<string> {
  try {
    await f();
    return 'ok';
  } catch (e) {
    if (e instanceof CabinetError) return e.code;
    throw new Error(`${label}: not a CabinetError: ${(e as Error).stack}`);
  }
}

/** A sandbox: `inner` holds the tool's folder; `outside.txt` and the listing of `dir` must not change. */
function sandbox(label: string): { dir: string; inner: string; outside: string; check: () => void } {
  const dir = tempDir(label);
  const inner = path.join(dir, 'a', 'b');
  mkdirSync(inner, { recursive: true });
  const outside = path.join(dir, 'outside.txt');
  writeFileSync(outside, 'sentinel');
  const before = readdirSync(dir).sort();
  return {
    dir,
    inner,
    outside,
    check: () => {
      expect(readFileSync(outside, 'utf8')).toBe('sentinel');
      expect(readdirSync(dir).sort()).toEqual(before);
      expect(readdirSync(path.join(dir, 'a'))).toEqual(['b']);
    },
  };
}

test('mutated working-folder state files: status, resolve and pack end in a result or a CabinetError, nothing outside WORK changes', async () => {
  const template = tempDir('fuzz-work-template');
  const work0 = path.join(template, 'WORK');
  expect(runCli(['merge', ...sides, '--out-dir', work0]).status).toBe(1);
  const state0 = JSON.parse(readFileSync(path.join(work0, '.cabinet-merge', 'state.json'), 'utf8'));
  const outcomes: Record<string, number> = {};
  for (let i = 0; i < 40; i++) {
    const seed = SEED + i;
    const r = rng(seed);
    const box = sandbox('fuzz-work');
    const work = path.join(box.inner, 'WORK');
    cpSync(work0, work, { recursive: true });
    const file = path.join(work, '.cabinet-merge', r() < 0.85 ? 'state.json' : 'preimages.json');
    const kind = plant(file, file.endsWith('state.json') ? state0 : {}, r, box.outside);
    const label = `seed ${seed} (${kind} ${path.basename(file)})`;
    const command = Math.floor(r() * 3);
    const paths = [...Object.keys(state0.conflicts), ...HOSTILE_STRINGS.slice(0, 2)];
    const target = paths[Math.floor(r() * paths.length)];
    const outcome =
      command === 0
        ? await settle(label, () => runStatus(work))
        : command === 1
          ? await settle(label, () => runResolve({ work, paths: [target], side: r() < 0.5 ? 'mine' : 'theirs' }))
          : await settle(label, () => runPack({ work, output: path.join(box.dir, 'a', 'b', 'OUT.zip'), force: true, resolutions: path.join(box.inner, 'res') }));
    outcomes[outcome] = (outcomes[outcome] ?? 0) + 1;
    box.check();
  }
  process.stdout.write(`own-files fuzz, working folder: ${JSON.stringify(outcomes)}\n`);
  expect(outcomes['workdir-invalid']).toBeGreaterThan(0);
}, 120_000);

test('mutated baseline manifests: list and remove end in a result or a CabinetError, no file outside the store is touched', async () => {
  const template = tempDir('fuzz-store-template');
  const store0 = path.join(template, 'store');
  await runBaseline({ action: 'save', target: sides[2], store: store0, name: 'v2' } as never);
  const mdir0 = path.join(store0, 'baselines');
  const mname = readdirSync(mdir0)[0];
  const manifest0 = JSON.parse(readFileSync(path.join(mdir0, mname), 'utf8'));
  const outcomes: Record<string, number> = {};
  for (let i = 0; i < 60; i++) {
    const seed = SEED + 1000 + i;
    const r = rng(seed);
    const box = sandbox('fuzz-store');
    const store = path.join(box.inner, 'store');
    cpSync(store0, store, { recursive: true });
    const kind = plant(path.join(store, 'baselines', mname), manifest0, r, box.outside);
    const label = `seed ${seed} (${kind} manifest)`;
    outcomes[await settle(label, () => runBaseline({ action: 'list', store } as never))] ??= 0;
    const removed = await settle(label, () => runBaseline({ action: 'remove', target: r() < 0.5 ? 'v2' : manifest0.id, store } as never));
    outcomes[removed] = (outcomes[removed] ?? 0) + 1;
    box.check();
  }
  process.stdout.write(`own-files fuzz, store: ${JSON.stringify(outcomes)}\n`);
  expect(outcomes['baseline-missing']).toBeGreaterThan(0);
}, 120_000);

test('mutated resolution records and rules files: ignored or refused with a CabinetError, never a crash or a hang', async () => {
  const key = 'ab'.repeat(32);
  const record0 = { schema: 'cabinet-merge/resolution@1', key, mine: ['a'], theirs: ['b'], resolution: ['c'], path: 'css/a.css', recorded: '2026-01-01T00:00:00.000Z' };
  const rules0 = { rules: [{ pattern: 'css/**', strategy: 'mine' }, { pattern: '*.json', strategy: 'theirs' }] };
  const outcomes: Record<string, number> = {};
  for (let i = 0; i < 80; i++) {
    const seed = SEED + 2000 + i;
    const r = rng(seed);
    const box = sandbox('fuzz-records');
    const res = path.join(box.inner, 'res');
    mkdirSync(res);
    const kind = plant(path.join(res, `${key}.json`), record0, r, box.outside);
    const found = await loadResolutions(res, new Map([[key, { mine: ['a'], theirs: ['b'] }]]));
    for (const list of found.values()) for (const rec of list) expect(Array.isArray(rec.resolution)).toBe(true);
    const rulesFile = path.join(box.inner, 'rules.json');
    const rulesKind = plant(rulesFile, rules0, r, box.outside);
    const outcome = await settle(`seed ${seed} (${kind} record, ${rulesKind} rules)`, () => loadRules(rulesFile));
    outcomes[outcome] = (outcomes[outcome] ?? 0) + 1;
    box.check();
    expect(existsSync(path.join(box.dir, 'planted.txt'))).toBe(false);
  }
  process.stdout.write(`own-files fuzz, records and rules: ${JSON.stringify(outcomes)}\n`);
  expect(outcomes['rules-invalid']).toBeGreaterThan(0);
}, 120_000);
