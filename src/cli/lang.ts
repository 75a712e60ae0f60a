/**
 * The user's language: --lang, else the locale variables (LC_ALL, LC_MESSAGES, LANG, as POSIX orders them), else
 * the system locale Node reports (what a Windows machine without those variables gives). Russian or English.
 */

export type Lang = 'en' | 'ru';

export function detectLang(explicit: string | undefined, env: NodeJS.ProcessEnv = process.env): Lang {
  if (explicit === 'ru' || explicit === 'en') return explicit;
  for (const name of ['LC_ALL', 'LC_MESSAGES', 'LANG']) {
    const v = env[name];
    if (v) return /^ru([_.-]|$)/i.test(v) ? 'ru' : 'en';
  }
  const system = Intl.DateTimeFormat().resolvedOptions().locale;
  return /^ru\b/i.test(system) ? 'ru' : 'en';
}
