/**
 * Where the baseline store lives: `--store DIR`, else the environment variable CABINET_MERGE_STORE, else the
 * user's data directory — %LOCALAPPDATA%\cabinet-merge\baselines on Windows, $XDG_DATA_HOME/cabinet-merge/baselines
 * or ~/.local/share/cabinet-merge/baselines elsewhere (the XDG Base Directory spec; a relative XDG_DATA_HOME is
 * invalid there and ignored). A team can point --store or the variable at a shared drive.
 */

import * as os from 'node:os';
import * as path from 'node:path';

export const STORE_ENV = 'CABINET_MERGE_STORE';

export function defaultStoreDir(
  env: NodeJS.ProcessEnv = process.env,
  platform: NodeJS.Platform = process.platform,
  home: string = os.homedir(),
): string {
  if (platform === 'win32') {
    const local = env.LOCALAPPDATA || path.win32.join(home, 'AppData', 'Local');
    return path.win32.join(local, 'cabinet-merge', 'baselines');
  }
  return path.posix.join(xdgDataHome(env, home), 'cabinet-merge', 'baselines');
}

/**
 * $XDG_DATA_HOME when it is absolute, else ~/.local/share: the XDG Base Directory spec says a relative path there
 * is invalid and must be ignored. Shared by both stores (baselines here, resolutions in rerere/store.ts), so one
 * environment never puts them in two different places.
 */
export function xdgDataHome(env: NodeJS.ProcessEnv, home: string): string {
  const xdg = env.XDG_DATA_HOME;
  return xdg && path.posix.isAbsolute(xdg) ? xdg : path.posix.join(home, '.local', 'share');
}

export function resolveStoreDir(explicit?: string, env: NodeJS.ProcessEnv = process.env): string {
  return explicit || env[STORE_ENV] || defaultStoreDir(env);
}
