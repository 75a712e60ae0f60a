/**
 * Commands the tool suggests (in a summary, in `status`, in an error, in the report) must run as pasted: every
 * argument quoted for the shell the user is in when it needs quoting.
 *
 *  - sh (Linux, macOS, Git Bash): '…', with a ' written as '\''. Nothing inside single quotes is special.
 *  - Windows, cmd or PowerShell: both take "…" for spaces, Cyrillic, & ^ ( ) ; , and the program (Windows' argv
 *    rules, as the C runtime and Node read the command line) sees the text inside. Backslashes before the closing
 *    quote are doubled: `"C:\WORK\"` would read as an escaped quote; `"C:\WORK\\"` reads `C:\WORK\` (and a doubled
 *    backslash in a path is harmless where the shell passes it through as is, as PowerShell does).
 *    The two shells differ only on a few characters, so the shell matters only for them:
 *      cmd: % expands variables even inside quotes, so each % is written outside them as ^% ("100"^%" done");
 *           a " is written \" (Windows file names cannot hold one; only a --name value can).
 *      PowerShell: $ and ` expand inside "…", so such an argument goes in '…' (a ' written ''), where nothing does.
 * Which Windows shell: see currentShell. The functions here are pure; the one that reads the process is userShell.
 */

export type Shell = 'sh' | 'cmd' | 'powershell';

/**
 * The shell a command line of this process was most likely typed in. Not Windows: sh. On Windows, PowerShell
 * (5.1 and 7) puts the user's own module folder (…\Documents\…PowerShell\Modules, under the user's profile) at the
 * head of PSModulePath when it starts, and the processes it runs inherit that; a cmd window opened from the Start
 * menu or Explorer has only the system folders there. So: a PSModulePath entry under USERPROFILE → PowerShell, else
 * cmd. (A cmd started from a PowerShell window inherits it too and gets PowerShell's form; the two forms are the
 * same unless the argument holds % $ ` or ".)
 */
export function currentShell(platform: NodeJS.Platform, env: Readonly<Record<string, string | undefined>>): Shell {
  if (platform !== 'win32') return 'sh';
  const profile = env.USERPROFILE?.replace(/[\\/]+$/, '').toLowerCase();
  const modules = (env.PSModulePath ?? '').split(';').map((p) => p.toLowerCase());
  return profile && modules.some((p) => p.startsWith(profile + '\\')) ? 'powershell' : 'cmd';
}

/** The shell of the user running this process (reads process.platform and the environment). */
export function userShell(): Shell {
  return currentShell(process.platform, process.env);
}

/** Characters that need no quoting in any of the shells (Cyrillic letters are ordinary word characters in all). */
const PLAIN = /^[\p{L}\p{N}_\-./:@+,=]+$/u;
/**
 * On Windows also quoted: `=` (cmd splits batch arguments at it), `,` (PowerShell makes a list of a,b) and a leading
 * `@` (PowerShell's splatting).
 */
const WINDOWS_NEEDS_QUOTES = /[=,]|^@/;

/** `"text"` with the backslashes before the closing quote doubled (Windows' argv rules). */
function doubleQuoted(text: string): string {
  return `"${text.replace(/(\\+)$/, '$1$1')}"`;
}

/** One argument as it must be typed in `shell`. */
export function quoteArg(arg: string, shell: Shell): string {
  const windows = shell !== 'sh';
  if (arg !== '' && PLAIN.test(arg) && !(windows && WINDOWS_NEEDS_QUOTES.test(arg))) return arg;
  if (shell === 'sh') return `'${arg.replace(/'/g, `'\\''`)}'`;
  if (arg === '') return '""';
  if (shell === 'powershell') {
    // PowerShell reads the typographic quotes “ ” „ as " and ‘ ’ ‚ ‛ as ' too.
    if (!/[$`"\u201C\u201D\u201E]/.test(arg)) return doubleQuoted(arg);
    return `'${arg.replace(/['\u2018\u2019\u201A\u201B]/g, '$&$&').replace(/(\\+)$/, '$1$1')}'`;
  }
  // cmd: each % outside the quotes, escaped with ^ (the quoted pieces and the %s join into one argument); a " as \".
  return arg
    .replace(/(\\*)"/g, '$1$1\\"')
    .split('%')
    .map((piece) => (piece === '' ? '' : doubleQuoted(piece)))
    .join('^%');
}

/** An option as written (`--mine`, `-o`, `--mine|--theirs`): never quoted. */
const OPTION = /^--?[a-z][a-z-]*(\|--[a-z-]+)*$/;

/** `cabinet-merge ARG…` with each argument quoted as needed for `shell` (default: the user's, see userShell). */
export function command(args: readonly string[], shell: Shell = userShell()): string {
  return ['cabinet-merge', ...args.map((a) => (OPTION.test(a) ? a : quoteArg(a, shell)))].join(' ');
}

/** The working folder suggested for a merged zip: MERGED.zip → MERGED (beside it); a name without extension → NAME.work. */
export function workFolderFor(output: string): string {
  const ext = /\.[^./\\]*$/.exec(output)?.[0] ?? '';
  return ext ? output.slice(0, -ext.length) : `${output}.work`;
}
