#!/usr/bin/env node
/**
 * The `cabinet-merge` command. It starts the program (cli/run.ts) from one file, `cabinet-merge.js` next to this
 * one, compiled from V8's code cache `cabinet-merge.v8-<V8 version>.cache`: both are written by `npm run build`
 * (scripts/build-cli.js, after tsc). Loading the program as ~80 separate modules, yargs' ~20 among them, each
 * resolved, read and compiled by Node's loader, took as long as the whole run of `--help` or of a small merge;
 * Node 20 has no compile cache of its own (docs/performance.md, start-up).
 *
 * The bundle holds our code and yargs only; the other npm packages (acorn, postcss, iconv-lite…) are still required
 * from node_modules, when first used. The code cache holds the functions that `--help` and small merges compile.
 * It is named after the V8 version that wrote it, since no other V8 takes it: under another Node the bundle is
 * required as a plain module, with Node's own compile cache where there is one (module.enableCompileCache,
 * Node ≥ 22.1; it keeps its files in the system's temporary folder). V8 also refuses the cache, and compiles as
 * usual, when run with other V8 flags (NODE_OPTIONS=--max-old-space-size=…).
 *
 * Without a bundle, or with one older than this file (tsc ran again after the build: the bundle would be stale),
 * the program is required as separate modules, as before: slower, the same behaviour.
 */

import * as fs from 'node:fs';
import Module from 'node:module';
import * as path from 'node:path';
import * as vm from 'node:vm';

export const BUNDLE = path.join(__dirname, 'cabinet-merge.js');
export const CODE_CACHE = path.join(__dirname, `cabinet-merge.v8-${process.versions.v8}.cache`);

type Wrapper = (exports: unknown, require: NodeJS.Require, module: Module, filename: string, dirname: string) => void;

/** The bundle compiled (with `cachedData` when given) as Node compiles a CommonJS module, and a way to run it. */
export function compileBundle(source: string, cachedData?: Buffer): { script: vm.Script; run: () => void } {
  const script = new vm.Script(Module.wrap(source), { filename: BUNDLE, cachedData });
  const wrapper = script.runInThisContext() as Wrapper;
  const run = (): void => {
    const module = new Module(BUNDLE, require.main);
    module.filename = BUNDLE;
    // Resolves the npm packages left out of the bundle from here; its `main` is the entry script, as for any module.
    wrapper.call(module.exports, module.exports, Module.createRequire(BUNDLE), module, BUNDLE, __dirname);
  };
  return { script, run };
}

/** Whether the bundle is there and was built after this file. */
function freshBundle(): boolean {
  try {
    return fs.statSync(BUNDLE).mtimeMs >= fs.statSync(__filename).mtimeMs;
  } catch {
    return false;
  }
}

/** This V8's code cache, when written after the bundle. */
function codeCache(): Buffer | undefined {
  try {
    if (fs.statSync(CODE_CACHE).mtimeMs < fs.statSync(BUNDLE).mtimeMs) return undefined;
    return fs.readFileSync(CODE_CACHE);
  } catch {
    return undefined;
  }
}

if (require.main === module) {
  if (!freshBundle()) require('./run');
  else {
    const cache = codeCache();
    // Latin-1: the bundle is ASCII (scripts/build-cli.js checks), and a one-byte copy is ~2 ms faster than UTF-8.
    if (cache) compileBundle(fs.readFileSync(BUNDLE, 'latin1'), cache).run();
    else {
      (Module as { enableCompileCache?: () => unknown }).enableCompileCache?.();
      require(BUNDLE);
    }
  }
}
