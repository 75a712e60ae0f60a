/**
 * What the terminal gets besides plain text: a progress bar for long merges and colours — only on a terminal,
 * never when output is piped or captured, and never with NO_COLOR set (https://no-color.org) or TERM=dumb.
 */

import type { SingleBar } from 'cli-progress';
import type { Lang } from './lang';
import { isTerminal } from './stdio';

export interface TerminalInfo {
  /** stdout is a terminal (the summary may be coloured). */
  stdoutTty: boolean;
  /** stderr is a terminal (a progress bar may be drawn there). */
  stderrTty: boolean;
  env: NodeJS.ProcessEnv;
}

export function currentTerminal(): TerminalInfo {
  return { stdoutTty: isTerminal('stdout'), stderrTty: isTerminal('stderr'), env: process.env };
}

/**
 * Whether the summary is coloured: `--color` / `--no-color` when given; else FORCE_COLOR ('0' or 'false': no,
 * anything else: yes — it takes precedence over NO_COLOR, as in Node itself); else a terminal, without NO_COLOR
 * and TERM=dumb.
 */
export function useColour(t: TerminalInfo, flag?: boolean): boolean {
  if (flag !== undefined) return flag;
  const force = t.env.FORCE_COLOR;
  if (force !== undefined) return force !== '0' && force.toLowerCase() !== 'false';
  return t.stdoutTty && !t.env.NO_COLOR && t.env.TERM !== 'dumb';
}

/** A merge shorter than this never shows a bar: it would only flicker. */
const BAR_DELAY_MS = 400;

/**
 * A progress callback that draws a bar on stderr once the merge has run for BAR_DELAY_MS, or a no-op when there
 * is no terminal (or `quiet`). `stop` clears the bar before the summary is printed.
 */
export function progressBar(t: TerminalInfo, lang: Lang, quiet: boolean): { onProgress?: (done: number, total: number) => void; stop: () => void } {
  if (quiet || !t.stdoutTty || !t.stderrTty) return { stop: () => undefined };
  const started = Date.now();
  let bar: SingleBar | undefined;
  return {
    onProgress: (done, total) => {
      if (!bar) {
        if (Date.now() - started < BAR_DELAY_MS || done === total) return;
        // Required only when a bar is drawn: cli-progress costs start-up time every run otherwise (src/lazy.ts).
        const { SingleBar: Bar } = require('cli-progress') as typeof import('cli-progress');
        bar = new Bar({
          format: `${lang === 'ru' ? 'Объединение' : 'Merging'} {bar} ${lang === 'ru' ? 'файлы' : 'files'} {value}/{total}`,
          stream: process.stderr,
          clearOnComplete: true,
          hideCursor: true,
        });
        bar.start(total, done);
      }
      bar.update(done);
    },
    stop: () => bar?.stop(),
  };
}

const SGR = { red: 31, green: 32, yellow: 33, bold: 1 } as const;
export type Colour = keyof typeof SGR;

/** Paints text with an ANSI colour when `on`; the identity otherwise. */
export function painter(on: boolean): (colour: Colour, text: string) => string {
  return on ? (colour, text) => `\u001b[${SGR[colour]}m${text}\u001b[0m` : (_colour, text) => text;
}
