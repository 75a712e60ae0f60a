/**
 * Builds dist/ before the tests when any file under src/ is newer than the built CLI, so end-to-end tests never
 * run stale code (npm test builds first anyway; this covers `npx jest <path>`).
 */
'use strict';
const { execFileSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

function newest(dir) {
  let t = 0;
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    t = Math.max(t, e.isDirectory() ? newest(p) : fs.statSync(p).mtimeMs);
  }
  return t;
}

module.exports = async function globalSetup() {
  const root = path.resolve(__dirname, '..');
  const built = path.join(root, 'dist', 'cli', 'main.js');
  const builtAt = fs.existsSync(built) ? fs.statSync(built).mtimeMs : 0;
  if (newest(path.join(root, 'src')) > builtAt) {
    execFileSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', path.join(root, 'tsconfig.build.json')], {
      stdio: 'inherit',
    });
    // tsc leaves unchanged outputs untouched; mark the build as fresh.
    const now = new Date();
    if (fs.existsSync(built)) fs.utimesSync(built, now, now);
    // Then the bundle and code cache the command starts from (else main.js, newer, would fall back to run.js).
    execFileSync(process.execPath, [path.join(root, 'scripts', 'build-cli.js')], { stdio: 'inherit' });
  }
};
