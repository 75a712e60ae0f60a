/**
 * How the command starts (cli/main.ts, scripts/build-cli.js; docs/performance.md, start-up): from one bundled file
 * compiled from V8's code cache, with the same behaviour as the program loaded module by module (cli/run.ts), to
 * which it falls back when the bundle is missing or stale. Start-up time itself is measured in the bench, not here:
 * these tests count what is loaded and compare outputs.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, rmSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { CLI } from '../helpers/cli';
import { CODE_CACHE } from '../../src/cli/main';
import { cleanTempDirs, tempDir } from '../helpers/tmp';

const ROOT = path.resolve(__dirname, '../..');
const DIST = path.join(ROOT, 'dist');

afterAll(cleanTempDirs);

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
  /** Files loaded through Node's module loader (require.cache at exit), relative to `root`. */
  loaded: string[];
}

/** A preload that writes the files in require.cache at exit to $LOADED_OUT (itself left out). */
function loadRecorder(dir: string): string {
  const file = path.join(dir, 'record-loaded.js');
  writeFileSync(
    file,
    `process.on('exit', () => require('fs').writeFileSync(process.env.LOADED_OUT, JSON.stringify(Object.keys(require.cache).filter((f) => f !== __filename))));\n`,
  );
  return file;
}

function run(cli: string, args: string[], cwd: string, root = ROOT): Run {
  const out = path.join(cwd, 'loaded.json');
  rmSync(out, { force: true });
  const r = spawnSync(process.execPath, ['--require', loadRecorder(cwd), cli, ...args], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, LANG: 'en_US.UTF-8', LC_ALL: '', LC_MESSAGES: '', NO_COLOR: '1', LOADED_OUT: out },
  });
  const loaded = (JSON.parse(require('node:fs').readFileSync(out, 'utf8')) as string[]).map((f) => path.relative(root, f).split(path.sep).join('/'));
  return { status: r.status, stdout: r.stdout, stderr: r.stderr, loaded };
}

/** Three one-file folders whose merge leaves a conflict. */
function tinyCabinets(dir: string): string[] {
  for (const side of ['base', 'mine', 'theirs']) {
    mkdirSync(path.join(dir, side));
    writeFileSync(path.join(dir, side, 'a.txt'), side === 'base' ? 'a\n' : `${side}\n`);
  }
  return ['base', 'mine', 'theirs'];
}

const MERGE_FLAGS = ['-o', 'out.zip', '--force', '--no-store', '--no-reuse-resolutions'];

describe('the bundled start', () => {
  test('--help and a small merge load no module file but dist/cli/main.js (the rest is in the bundle)', () => {
    const dir = tempDir('cabinet-merge-startup');
    const help = run(CLI, ['--help'], dir);
    expect(help.status).toBe(0);
    expect(help.loaded).toEqual(['dist/cli/main.js']);
    const merge = run(CLI, ['merge', ...tinyCabinets(dir), ...MERGE_FLAGS], dir);
    expect(merge.stderr).toBe('');
    expect(merge.status).toBe(1);
    expect(merge.loaded).toEqual(['dist/cli/main.js']);
  });

  test('V8 takes the code cache the build wrote', () => {
    const script = `
      const fs = require('fs');
      const { BUNDLE, CODE_CACHE, compileBundle } = require(${JSON.stringify(CLI)});
      const { script } = compileBundle(fs.readFileSync(BUNDLE, 'utf8'), fs.readFileSync(CODE_CACHE));
      process.stdout.write(JSON.stringify({ rejected: script.cachedDataRejected, bytes: fs.statSync(CODE_CACHE).size }));`;
    const r = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8' });
    expect(r.stderr).toBe('');
    const { rejected, bytes } = JSON.parse(r.stdout) as { rejected: boolean; bytes: number };
    expect(rejected).toBe(false);
    expect(bytes).toBeGreaterThan(100_000); // the functions of --help and a merge, not an empty cache
  });

  test('the bundle behaves as the program loaded module by module: help, yargs messages in Russian, a merge', () => {
    const dir = tempDir('cabinet-merge-startup');
    const cabinets = tinyCabinets(dir);
    const runJs = path.join(DIST, 'cli', 'run.js');
    const cases = [
      ['--help'],
      ['merge', '--help', '--lang', 'ru'],
      ['--version'],
      // yargs' own Russian words come from its locales folder, which the bundle must still find.
      ['merge', '--bogus', '--lang', 'ru'],
      ['merge', 'a', 'b', '-o', 'x.zip', '--conflict-style', 'q', '--lang', 'ru'],
      ['status', 'a', 'b', 'c', '--lang', 'ru'],
      ['mrege'],
      ['merge', ...cabinets, ...MERGE_FLAGS],
    ];
    for (const args of cases) {
      const bundled = run(CLI, args, dir);
      const modules = run(runJs, args, dir);
      expect(modules.loaded.length).toBeGreaterThan(5); // really the unbundled program
      expect({ args, status: bundled.status, stdout: bundled.stdout, stderr: bundled.stderr }).toEqual({
        args,
        status: modules.status,
        stdout: modules.stdout,
        stderr: modules.stderr,
      });
    }
    expect(run(CLI, ['merge', '--bogus', '--lang', 'ru'], dir).stderr).toBe('cabinet-merge: Неизвестный аргумент: bogus\n');
  });
});

describe('the fallback to separate modules', () => {
  /** A copy of the built package (dist/ and package.json; node_modules linked) to break on purpose. */
  function copyOfBuild(): string {
    const root = tempDir('cabinet-merge-startup-copy');
    cpSync(DIST, path.join(root, 'dist'), { recursive: true, preserveTimestamps: true });
    cpSync(path.join(ROOT, 'package.json'), path.join(root, 'package.json'));
    symlinkSync(path.join(ROOT, 'node_modules'), path.join(root, 'node_modules'), 'dir');
    return root;
  }

  test('a bundle older than main.js (tsc ran after the build) is not used', () => {
    const root = copyOfBuild();
    const main = path.join(root, 'dist', 'cli', 'main.js');
    const later = new Date(Date.now() + 60_000);
    utimesSync(main, later, later);
    const r = run(main, ['--help'], root, root);
    expect(r.status).toBe(0);
    expect(r.loaded).toContain('dist/cli/run.js');
    expect(r.stdout).toBe(run(CLI, ['--help'], root).stdout);
  });

  test("no bundle, or no code cache of this V8's: the same help", () => {
    const root = copyOfBuild();
    const main = path.join(root, 'dist', 'cli', 'main.js');
    const expected = run(CLI, ['--help'], root).stdout;
    // As under another Node version: the bundle is required as a plain module.
    rmSync(path.join(root, 'dist', 'cli', path.basename(CODE_CACHE)));
    const noCache = run(main, ['--help'], root, root);
    expect(noCache.loaded.sort()).toEqual(['dist/cli/cabinet-merge.js', 'dist/cli/main.js']);
    expect(noCache.stdout).toBe(expected);
    rmSync(path.join(root, 'dist', 'cli', 'cabinet-merge.js'));
    const noBundle = run(main, ['--help'], root, root);
    expect(noBundle.loaded).toContain('dist/cli/run.js');
    expect(noBundle.stdout).toBe(expected);
  });
});
