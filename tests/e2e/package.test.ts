/**
 * "Getting it" with npm (issue 15): `npm pack` from a checkout with no dist/ must build on `prepack` and ship a
 * package whose `cabinet-merge` command works once installed. The test copies the sources (no dist/) into a temp
 * folder, packs them there, installs the tarball into an empty folder from the npm cache (`--prefer-offline`: the
 * dependencies are there after `npm ci`) and runs `cabinet-merge --help` and a merge of the bundled samples.
 * It takes about half a minute (the pack runs tsc), hence one test.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { listZip } from '../helpers/rawzip';
import { cleanTempDirs, tempDir } from '../helpers/tmp';

const ROOT = path.resolve(__dirname, '../..');
const SAMPLES = path.join(ROOT, 'samples');

afterAll(cleanTempDirs);

function run(cmd: string, args: string[], cwd: string, env: NodeJS.ProcessEnv = {}) {
  const r = spawnSync(cmd, args, { cwd, encoding: 'utf8', env: { ...process.env, ...env }, timeout: 170_000 });
  return { status: r.status, stdout: r.stdout ?? '', stderr: r.stderr ?? '', error: r.error };
}

test('npm pack builds dist/ on prepack; the installed tarball runs --help and a merge', () => {
  const dir = tempDir('cabinet-merge-pack');
  const src = path.join(dir, 'checkout');
  mkdirSync(src);
  for (const f of ['package.json', 'package-lock.json', 'LICENSE', 'README.md', 'tsconfig.json', 'tsconfig.build.json']) {
    cpSync(path.join(ROOT, f), path.join(src, f));
  }
  cpSync(path.join(ROOT, 'src'), path.join(src, 'src'), { recursive: true });
  // The build's second step: the bundle and code cache the command starts from (docs/performance.md, start-up).
  mkdirSync(path.join(src, 'scripts'));
  cpSync(path.join(ROOT, 'scripts', 'build-cli.js'), path.join(src, 'scripts', 'build-cli.js'));
  symlinkSync(path.join(ROOT, 'node_modules'), path.join(src, 'node_modules'), 'dir');
  expect(existsSync(path.join(src, 'dist'))).toBe(false);

  const out = path.join(dir, 'tarball');
  mkdirSync(out);
  const packed = run('npm', ['pack', '--pack-destination', out, '--json'], src);
  expect(packed.error).toBeUndefined();
  expect(packed.status).toBe(0);
  const [info] = JSON.parse(packed.stdout.slice(packed.stdout.indexOf('['))) as { filename: string; files: { path: string }[] }[];
  const files = info.files.map((f) => f.path);
  expect(files).toEqual(
    expect.arrayContaining(['dist/cli/main.js', 'dist/cli/cabinet-merge.js', `dist/cli/cabinet-merge.v8-${process.versions.v8}.cache`, 'dist/index.js', 'LICENSE', 'package.json']),
  );
  expect(files.filter((f) => !f.startsWith('dist/'))).toEqual(expect.not.arrayContaining(['src/index.ts']));
  const tarball = path.join(out, path.basename(info.filename));

  const app = path.join(dir, 'app');
  mkdirSync(app);
  writeFileSync(path.join(app, 'package.json'), JSON.stringify({ name: 'admin-folder', private: true }));
  const installed = run('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund', tarball], app);
  expect(installed.stderr).not.toMatch(/ERR!|npm error/);
  expect(installed.status).toBe(0);
  // Only the runtime dependencies come along: fast-glob is for the tests, not the users.
  const modules = readdirSync(path.join(app, 'node_modules'));
  expect(modules).toContain('yargs');
  expect(modules).not.toContain('fast-glob');
  const manifest = JSON.parse(readFileSync(path.join(app, 'node_modules', 'cabinet-merge', 'package.json'), 'utf8'));
  expect(manifest.engines.node).toBe('^20.15.0 || >=22.2.0');

  const bin = path.join(app, 'node_modules', '.bin', 'cabinet-merge');
  const env = {
    LANG: 'en_US.UTF-8',
    NO_COLOR: '1',
    CABINET_MERGE_STORE: path.join(dir, 'baselines'),
    CABINET_MERGE_RESOLUTIONS: path.join(dir, 'resolutions'),
  };
  const help = run(bin, ['--help'], app, env);
  expect(help.status).toBe(0);
  expect(help.stdout).toMatch(/^cabinet-merge <command>/);
  expect(help.stdout).toContain('merge');

  const zip = path.join(app, 'MERGED.zip');
  const merged = run(bin, ['merge', '--base', path.join(SAMPLES, 'base'), '--mine', path.join(SAMPLES, 'mine'), '--theirs', path.join(SAMPLES, 'theirs'), '-o', zip], app, env);
  expect(merged.stderr).toBe('');
  expect(merged.status).toBe(1); // the samples keep conflicts on purpose
  expect(merged.stdout).toContain('Needs your decision');
  const names = listZip(readFileSync(zip)).map((e) => e.nameBytes.toString('utf8'));
  expect(names).toEqual(expect.arrayContaining(['index.html', 'css/theme.css']));
}, 180_000);
