/**
 * Suggested commands are quoted for the user's shell (report/command.ts). Each form is checked the way the shell and
 * the program would read it: small models of sh's quoting, cmd's two passes (% expansion, then ^ and quotes) with
 * Windows' argv rules, and PowerShell's string literals — the argument pasted must arrive as it was.
 */
import { command, currentShell, quoteArg, type Shell } from '../../../src/report/command';

/** sh: '…' literal, \x outside quotes, "…" with \ before " $ ` \ ; whitespace splits. */
function shArgs(line: string): string[] {
  const out: string[] = [];
  let cur: string | undefined;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (c === ' ') {
      if (cur !== undefined) out.push(cur);
      cur = undefined;
    } else if (c === "'") {
      const end = line.indexOf("'", i + 1);
      cur = (cur ?? '') + line.slice(i + 1, end);
      i = end;
    } else if (c === '\\') cur = (cur ?? '') + line[++i];
    else if (/[&;|<>()$`*?"]/.test(c)) throw new Error(`sh would interpret ${c} in ${line}`);
    else cur = (cur ?? '') + c;
  }
  if (cur !== undefined) out.push(cur);
  return out;
}

/** cmd's first pass on a typed line: %NAME% of a defined variable is replaced, quotes or not. */
function cmdPercent(line: string, env: Record<string, string>): string {
  let out = '';
  for (let i = 0; i < line.length; i++) {
    const end = line[i] === '%' ? line.indexOf('%', i + 1) : -1;
    const name = end > i ? line.slice(i + 1, end) : undefined;
    if (name !== undefined && env[name.toUpperCase()] !== undefined) {
      out += env[name.toUpperCase()];
      i = end;
    } else out += line[i];
  }
  return out;
}

/** cmd's second pass: outside quotes ^ escapes the next character and & | < > end the command. */
function cmdCarets(line: string): string {
  let out = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (c === '"') quoted = !quoted;
    if (!quoted && c === '^') {
      out += line[++i];
      continue;
    }
    if (!quoted && /[&|<>]/.test(c)) throw new Error(`cmd would split the command at ${c} in ${line}`);
    out += c;
  }
  return out;
}

/** Windows' argv rules (CommandLineToArgvW, the C runtime, Node): 2n\ + " → n\ and a quote toggle; 2n+1\ + " → n\ + ". */
function windowsArgv(line: string): string[] {
  const out: string[] = [];
  let cur: string | undefined;
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (c === '\\') {
      let n = 0;
      while (line[i] === '\\') (n++, i++);
      if (line[i] === '"') {
        cur = (cur ?? '') + '\\'.repeat(Math.floor(n / 2));
        if (n % 2) cur += '"';
        else {
          quoted = !quoted;
        }
      } else {
        cur = (cur ?? '') + '\\'.repeat(n);
        i--;
      }
    } else if (c === '"') {
      cur = cur ?? '';
      quoted = !quoted;
    } else if (c === ' ' && !quoted) {
      if (cur !== undefined) out.push(cur);
      cur = undefined;
    } else cur = (cur ?? '') + c;
  }
  if (cur !== undefined) out.push(cur);
  return out;
}

function cmdArgs(line: string): string[] {
  return windowsArgv(cmdCarets(cmdPercent(line, { PATH: 'C:\\Windows', X: 'expanded', USERNAME: 'admin' })));
}

/** PowerShell: '…' literal ('' is '), "…" expands $ and ` (refused here), bare words; the values go to the program. */
function psArgs(line: string): string[] {
  const out: string[] = [];
  let cur: string | undefined;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (c === ' ') {
      if (cur !== undefined) out.push(cur);
      cur = undefined;
    } else if (c === "'") {
      let s = '';
      for (i++; ; i++) {
        if (line[i] === "'" && line[i + 1] === "'") (s += "'", i++);
        else if (line[i] === "'") break;
        else s += line[i];
      }
      cur = (cur ?? '') + s;
    } else if (c === '"') {
      const end = line.indexOf('"', i + 1);
      const s = line.slice(i + 1, end);
      if (/[$`]/.test(s)) throw new Error(`PowerShell would expand ${s}`);
      cur = (cur ?? '') + s;
      i = end;
    } else if (/[&;|<>(){}$`,@]/.test(c) || (c === '-' && cur === undefined && i > 0)) throw new Error(`PowerShell would interpret ${c} in ${line}`);
    else cur = (cur ?? '') + c;
  }
  if (cur !== undefined) out.push(cur);
  return out;
}

const READ: Record<Shell, (line: string) => string[]> = { sh: shArgs, cmd: cmdArgs, powershell: psArgs };

const ARGS = [
  'WORK',
  'WORK DIR',
  'Рабочая папка',
  'pages/Свои/Реквизиты УК.html',
  'R&D',
  'a^b',
  '100%',
  '%PATH%',
  '50% of %X% done',
  "it's",
  'say "hi"',
  'C:\\Мои документы\\WORK\\',
  'C:\\dir\\',
  'C:\\my dir\\\\',
  'cost$5',
  'a`b',
  '',
  'a,b',
  '@x',
  'x=y',
  'ace/**',
  '(1)',
  'a|b<c>d',
];

describe.each(['sh', 'cmd', 'powershell'] as const)('%s', (shell) => {
  test.each(ARGS)('%j arrives as typed', (arg) => {
    const typed = quoteArg(arg, shell);
    const got = READ[shell](`prog ${typed}`).slice(1);
    // PowerShell passes its values on; the backslashes before the end are doubled so Windows PowerShell 5.1, which
    // wraps a value with a space in "…" without escaping, does not turn `\"` into a quote. A doubled one is harmless
    // in a path (and PowerShell 7.3+ passes it as two).
    const expected = shell === 'powershell' ? arg.replace(/(\\+)$/, '$1$1') : arg;
    expect(got).toEqual([expected]);
  });
});

test('Windows forms, as the user sees them', () => {
  expect(command(['resolve', 'РАБОЧАЯ ПАПКА', 'pages/Свои/Реквизиты УК.html', '--mine'], 'cmd')).toBe(
    'cabinet-merge resolve "РАБОЧАЯ ПАПКА" "pages/Свои/Реквизиты УК.html" --mine',
  );
  expect(command(['resolve', 'WORK', 'ace/**', '--theirs'], 'cmd')).toBe('cabinet-merge resolve WORK "ace/**" --theirs');
  expect(quoteArg('100% done', 'cmd')).toBe('"100"^%" done"');
  expect(quoteArg('100% done', 'powershell')).toBe('"100% done"');
  expect(quoteArg('C:\\my dir\\', 'cmd')).toBe('"C:\\my dir\\\\"');
  expect(quoteArg('cost $5', 'powershell')).toBe("'cost $5'");
  expect(quoteArg("it's $5", 'powershell')).toBe("'it''s $5'");
  expect(quoteArg('R&D', 'powershell')).toBe('"R&D"');
  expect(quoteArg('Реквизиты', 'cmd')).toBe('Реквизиты');
  expect(command(['status', 'WORK DIR'], 'sh')).toBe("cabinet-merge status 'WORK DIR'");
});

test('the shell: sh off Windows; on Windows PowerShell when its user module folder heads PSModulePath, else cmd', () => {
  const profile = 'C:\\Users\\Админ';
  const system = 'C:\\Program Files\\WindowsPowerShell\\Modules;C:\\WINDOWS\\system32\\WindowsPowerShell\\v1.0\\Modules';
  expect(currentShell('linux', { PSModulePath: `${profile}\\Documents\\WindowsPowerShell\\Modules;${system}`, USERPROFILE: profile })).toBe('sh');
  expect(currentShell('darwin', {})).toBe('sh');
  expect(currentShell('win32', { PSModulePath: system, USERPROFILE: profile })).toBe('cmd');
  expect(currentShell('win32', {})).toBe('cmd');
  expect(currentShell('win32', { PSModulePath: `${profile}\\Documents\\WindowsPowerShell\\Modules;${system}`, USERPROFILE: profile })).toBe('powershell');
  expect(currentShell('win32', { PSModulePath: `c:\\users\\админ\\Documents\\PowerShell\\Modules;${system}`, USERPROFILE: `${profile}\\` })).toBe('powershell');
});
