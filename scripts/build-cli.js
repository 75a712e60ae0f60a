#!/usr/bin/env node
/**
 * The second half of `npm run build`, after tsc: the command's start-up files (docs/performance.md, start-up).
 *
 *   1. esbuild bundles dist/cli/run.js (the program) with our other modules and yargs into dist/cli/cabinet-merge.js.
 *      The other npm packages stay outside (acorn, postcss, htmlparser2, iconv-lite, cli-progress…): they are large,
 *      most runs never load them, and the program requires them on first use from node_modules as before. Our
 *      modules are all inside, so no module is ever loaded twice (once bundled, once from dist/).
 *   2. V8's code cache of that file, dist/cli/cabinet-merge.v8-<V8 version>.cache: `--help`, `merge --help` and two small
 *      merges are run, each in its own process started from the cache the previous one wrote, and the functions
 *      they compiled are saved (vm.Script#createCachedData). dist/cli/main.js compiles the bundle from it.
 *
 * yargs finds its own translations ("Unknown argument", in Russian) in ../locales from its build/ folder:
 * bundled, __dirname is ours, so that one path is pointed back at the installed yargs; two of its start-up costs
 * are cut out (YARGS_PATCHES). Its require('assert') gets a small stand-in (YARGS_ASSERT).
 *
 * `node scripts/build-cli.js --warm ARGS…` is one such run (internal).
 */
'use strict';
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const root = path.resolve(__dirname, '..');
const dist = path.join(root, 'dist', 'cli');

/**
 * yargs (and what it requires) and js-tokens (small, required by the token-level merge at load) go into the bundle;
 * the other npm packages our code requires stay outside.
 */
const BUNDLED = new Set(['yargs', 'js-tokens']);

/**
 * What replaces yargs/build/index.cjs's __dirname: its build folder in the installed yargs. That is where
 * require.resolve would find it first, our own node_modules, when there (checked: a stat); else (yargs hoisted to
 * an outer node_modules) require.resolve. Not require.resolve always: resolving through yargs' package.json
 * "exports" took ~1 ms of every start.
 */
const YARGS_BUILD_DIR =
  '((path, fs) => { const own = path.join(__dirname, "..", "..", "node_modules", "yargs", "build"); ' +
  'return fs.existsSync(own) ? own : path.join(path.dirname(require.resolve(["yargs"][0])), "build"); })(require("path"), require("fs"))';

/**
 * What yargs gets for require('assert'): its two checks (argument sanity, never failing in our use), done here, with
 * node:assert (and the modules it loads, ~1 ms) required only to throw its own error when one fails; any other
 * property comes from node:assert itself.
 */
const YARGS_ASSERT = `
const real = () => require('node:assert');
const own = {
  notStrictEqual(actual, expected, message) { if (Object.is(actual, expected)) real().notStrictEqual(actual, expected, message); },
  strictEqual(actual, expected, message) { if (!Object.is(actual, expected)) real().strictEqual(actual, expected, message); },
};
module.exports = new Proxy(own, { get: (target, key) => (key in target ? target[key] : real()[key]) });
`;

/**
 * Changes to yargs/build/index.cjs (minified: each text is checked to occur exactly once, so a yargs update that
 * moves it fails the build instead of silently keeping the cost):
 * - its one __dirname (its locales folder) → YARGS_BUILD_DIR;
 * - argsert, which checks the types of the arguments of each yargs call by parsing a signature string with regular
 *   expressions, and on a mismatch only prints a warning (it catches its own error): ~60 calls in our set-up, ~2 ms
 *   of every start (docs/performance.md, start-up). Our calls are fixed and the tests see no warning;
 * - the factory's own `.version()`, which looks for the caller's package.json (a walk up the folders, a read, a
 *   parse) for a version that args.ts replaces with its own `.version(VERSION)` in the same set-up (yargs then
 *   deletes and re-adds the option, so --help is the same);
 * - its width of the terminal, read from process.stdout when loaded: asked only of a character device, so that a
 *   run whose stdout is a pipe or a file does not create the stream for it (src/cli/stdio.ts; args.ts sets the
 *   width itself anyway).
 */
const YARGS_PATCHES = [
  ['its locales folder', '__dirname', YARGS_BUILD_DIR],
  ['argsert', 'function h(t,s,i){try{', 'function h(t,s,i){return;try{'],
  ["the factory's version()", 'i.help(),i.version(),i', 'i.help(),i'],
  [
    'its terminal width, read at load',
    'stdColumns:void 0!==process.stdout.columns?process.stdout.columns:null',
    'stdColumns:(()=>{try{if(!require("fs").fstatSync(1).isCharacterDevice())return null}catch(e){}' +
      'return void 0!==process.stdout.columns?process.stdout.columns:null})()',
  ],
];

function replaceOnce(text, what, from, to) {
  const uses = text.split(from).length - 1;
  if (uses !== 1) throw new Error(`yargs/build/index.cjs: expected ${what} (${from}) once, found it ${uses} times`);
  return text.replace(from, () => to);
}

async function bundle() {
  const entry = path.join(dist, 'run.js');
  if (!fs.existsSync(entry)) throw new Error('dist/cli/run.js is missing: run tsc first (npm run build)');
  const { BUNDLE } = require(path.join(dist, 'main.js'));
  let localesFixed = false;
  const packages = {
    name: 'npm-packages',
    setup(build) {
      build.onResolve({ filter: /^assert$/ }, (args) =>
        args.importer.includes(`${path.sep}yargs${path.sep}`) ? { path: 'assert', namespace: 'yargs-assert' } : { external: true },
      );
      build.onLoad({ filter: /.*/, namespace: 'yargs-assert' }, () => ({ contents: YARGS_ASSERT, loader: 'js' }));
      build.onResolve({ filter: /^[^./]/ }, (args) => {
        if (args.path.startsWith('node:')) return { external: true };
        if (args.importer.includes(`${path.sep}node_modules${path.sep}`)) return undefined; // a dependency of yargs
        const name = args.path.startsWith('@') ? args.path.split('/').slice(0, 2).join('/') : args.path.split('/')[0];
        return BUNDLED.has(name) ? undefined : { path: args.path, external: true };
      });
      build.onLoad({ filter: /[\\/]dist[\\/]report[\\/]html-client\.js$/ }, (args) => ({
        contents: asciiTemplates(fs.readFileSync(args.path, 'utf8'), args.path),
        loader: 'js',
      }));
      build.onLoad({ filter: /[\\/]yargs[\\/]build[\\/]index\.cjs$/ }, (args) => {
        let text = fs.readFileSync(args.path, 'utf8');
        for (const [what, from, to] of YARGS_PATCHES) text = replaceOnce(text, what, from, to);
        localesFixed = true;
        return { contents: text, loader: 'js' };
      });
    },
  };
  await require('esbuild').build({
    entryPoints: [entry],
    outfile: BUNDLE,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    legalComments: 'none',
    plugins: [packages],
    logLevel: 'warning',
  });
  if (!localesFixed) throw new Error('yargs/build/index.cjs was not bundled: the locales fix did not apply');
  const at = fs.readFileSync(BUNDLE, 'latin1').search(/[^\x00-\x7f]/);
  if (at >= 0) throw new Error(`${BUNDLE}: a character outside ASCII at offset ${at}; main.js reads the bundle as Latin-1 (see asciiTemplates)`);
}

/**
 * The bundle is ASCII, so that dist/cli/main.js can read it as Latin-1 (a copy into a one-byte string, ~0.5 ms)
 * instead of decoding UTF-8 (~2.5 ms for its 1 MB: docs/performance.md, start-up). esbuild writes every string
 * and name in ASCII already; what it cannot is the text of a String.raw template, where an escape would change the
 * value. The two String.raw templates of report/html-client.js (its page's CSS and script) hold a few (▸, –, ·):
 * each becomes a substitution, ${"\u2013"}, which puts the very same character into the template's value.
 */
function asciiTemplates(text, file) {
  const parts = text.split(/(String\.raw `[^`]*`)/);
  if (parts.length !== 5) throw new Error(`${file}: expected two String.raw templates (asciiTemplates)`);
  return parts
    .map((part, i) => {
      if (i % 2 === 1) return part.replace(/[^\x00-\x7f]/g, (c) => '${"\\u' + c.charCodeAt(0).toString(16).padStart(4, '0') + '"}');
      // Outside the templates (comments, code): esbuild writes it in ASCII itself.
      return part;
    })
    .join('');
}

/** The runs whose compiled functions go into the code cache, one process each, in a scratch folder. */
function warm() {
  const { CODE_CACHE } = require(path.join(dist, 'main.js'));
  // Caches of earlier builds, this V8's or another's: only the one written below matches this bundle.
  for (const f of fs.readdirSync(dist)) if (/^cabinet-merge\.v8-.*\.cache$/.test(f)) fs.rmSync(path.join(dist, f));
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'cabinet-merge-build-'));
  try {
    for (const side of ['base', 'mine', 'theirs']) {
      fs.mkdirSync(path.join(tmp, side));
      fs.writeFileSync(path.join(tmp, side, 'a.txt'), side === 'base' ? 'a\n' : `${side}\n`);
      fs.writeFileSync(path.join(tmp, side, 'b.txt'), side === 'theirs' ? 'b\nc\n' : 'b\n');
    }
    const common = ['--no-store', '--no-reuse-resolutions', '--force'];
    const runs = [
      ['--help'],
      ['merge', '--help'],
      ['merge', 'base', 'mine', 'theirs', '-o', 'out.zip', ...common],
      ['merge', 'base', 'mine', 'theirs', '-o', 'out.zip', '--quiet', ...common],
    ];
    const env = { ...process.env, NO_COLOR: '1', CABINET_MERGE_STORE: path.join(tmp, 'store'), CABINET_MERGE_RESOLUTIONS: path.join(tmp, 'res') };
    for (const args of runs) {
      const r = spawnSync(process.execPath, [__filename, '--warm', ...args], { cwd: tmp, env, encoding: 'utf8' });
      // 1: the merges leave a conflict (a.txt), so that the conflict summary is compiled too.
      if (r.status !== 0 && r.status !== 1) throw new Error(`warm-up run ${args.join(' ')}: exit ${r.status}\n${r.stderr}`);
    }
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
  if (!fs.existsSync(CODE_CACHE)) throw new Error('the code cache was not written');
}

/** One warm-up run: the bundle from the cache so far, the program run on ARGS, the cache rewritten at exit. */
function warmRun(args) {
  const { BUNDLE, CODE_CACHE, compileBundle } = require(path.join(dist, 'main.js'));
  const cached = fs.existsSync(CODE_CACHE) ? fs.readFileSync(CODE_CACHE) : undefined;
  const { script, run } = compileBundle(fs.readFileSync(BUNDLE, 'latin1'), cached);
  if (cached && script.cachedDataRejected) throw new Error('V8 refused the code cache it has just written');
  process.argv = [process.argv[0], BUNDLE, ...args];
  process.on('exit', () => fs.writeFileSync(CODE_CACHE, script.createCachedData()));
  run();
}

const argv = process.argv.slice(2);
if (argv[0] === '--warm') warmRun(argv.slice(1));
else {
  bundle().then(warm).catch((e) => {
    process.exitCode = 1;
    console.error(e);
  });
}
