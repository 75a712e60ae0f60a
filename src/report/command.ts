/**
 * Commands the tool suggests (in a summary, in `status`, in an error) must run as pasted: every argument quoted for
 * the shell the user is in when it needs quoting. On Windows that is cmd or PowerShell: both take "…" (Windows
 * file names cannot hold '"'); elsewhere a POSIX shell: '…', with a ' written as '\''.
 */

export type Shell = 'sh' | 'windows';

export function currentShell(platform: NodeJS.Platform = process.platform): Shell {
  return platform === 'win32' ? 'windows' : 'sh';
}

/** Characters that need no quoting in either shell (Cyrillic letters are ordinary word characters in both). */
const PLAIN = /^[\p{L}\p{N}_\-./:@+,=]+$/u;

/** One argument as it must be typed in `shell`. */
export function quoteArg(arg: string, shell: Shell = currentShell()): string {
  if (arg !== '' && PLAIN.test(arg) && !(shell === 'windows' && arg.includes('='))) return arg;
  if (shell === 'windows') return `"${arg}"`;
  return `'${arg.replace(/'/g, `'\\''`)}'`;
}

/** `cabinet-merge ARG…` with each argument quoted as needed; options (starting with '-') are written as they are. */
export function command(args: readonly string[], shell: Shell = currentShell()): string {
  return ['cabinet-merge', ...args.map((a) => (/^--?[a-z][a-z-]*(\|--[a-z-]+)*$/.test(a) ? a : quoteArg(a, shell)))].join(' ');
}
