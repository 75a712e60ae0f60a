/**
 * The program (started by cli/main.ts, bundled or not) and the only place that prints errors and sets the exit code:
 * 0 merged cleanly, 1 conflicts left for the admin, 2 error (nothing written), as diff3 does;
 * 130 / 143 when interrupted by SIGINT (Ctrl+C) / SIGTERM, after removing this run's temporary files and outputs
 * (128 + the signal number, as shells report a killed command, so scripts can tell "stopped" from "failed").
 */

import { CabinetError, EXIT_ERROR } from '../errors';
import { Interrupted, outputsCompleted, removePendingSync, requestInterrupt } from '../io/atomic';
import { VERSION } from '../version';
import { parseArgs } from './args';
import { mergeNextStep } from './next-step';
import { detectLang, type Lang } from './lang';
import { quietOnBrokenPipe } from './broken-pipe';
import { onFirstUse } from './stdio';

// When first used: a --quiet merge never creates either stream (cli/stdio.ts).
onFirstUse('stdout', quietOnBrokenPipe);
onFirstUse('stderr', quietOnBrokenPipe);

/*
 * The commands, their renderers and the terminal helpers are required when their command runs, not imported above:
 * loading all of them (the HTML report, code-page tables, the progress bar…) doubled the start-up time of --help
 * and of a small merge (docs/performance.md). `require` keeps the types through `typeof import(...)`.
 */
const lazy = {
  baseline: () => require('../commands/baseline') as typeof import('../commands/baseline'),
  merge: () => require('../commands/merge') as typeof import('../commands/merge'),
  pack: () => require('../commands/pack') as typeof import('../commands/pack'),
  resolve: () => require('../commands/resolve') as typeof import('../commands/resolve'),
  status: () => require('../commands/status') as typeof import('../commands/status'),
  render: () => require('../workdir/render') as typeof import('../workdir/render'),
  text: () => require('../report/text') as typeof import('../report/text'),
  terminal: () => require('./terminal') as typeof import('./terminal'),
};

async function main(argv: string[]): Promise<number> {
  const args = await parseArgs(argv, VERSION);
  switch (args.command) {
    case 'none':
      return 0; // --help or --version, already printed by yargs
    case 'merge': {
      const { runMerge } = lazy.merge();
      const { renderWorkdirHint } = lazy.render();
      const { renderSummary } = lazy.text();
      const { currentTerminal, painter, progressBar, useColour } = lazy.terminal();
      const terminal = currentTerminal();
      const progress = progressBar(terminal, args.lang, args.quiet || args.json);
      const { report } = await runMerge({ ...args, version: VERSION, onProgress: progress.onProgress }).finally(progress.stop);
      if (args.json || args.reportToStdout) process.stdout.write(JSON.stringify(report, null, 2) + '\n');
      if (!args.json && !args.quiet) {
        // --report -: the JSON report is the output (stdout); the human summary goes to stderr, as a log would.
        const human = args.reportToStdout ? process.stderr : process.stdout;
        const next = mergeNextStep(argv, report, args.report, args.outDir);
        const colour = useColour(args.reportToStdout ? { ...terminal, stdoutTty: terminal.stderrTty } : terminal, args.color);
        human.write(terminalText(renderSummary(report, args.lang, painter(colour), next), { colour }));
        if (args.outDir) human.write(terminalText(renderWorkdirHint(args.outDir, report.result, args.lang)));
      }
      return report.exitCode;
    }
    case 'baseline': {
      const { renderBaseline, runBaseline } = lazy.baseline();
      const result = await runBaseline(args);
      if (args.json) process.stdout.write(JSON.stringify(result, null, 2) + '\n');
      else if (!args.quiet) process.stdout.write(terminalText(renderBaseline(result, args.lang)));
      return 0;
    }
    case 'status': {
      const { runStatus, statusJson } = lazy.status();
      const { renderStatus } = lazy.render();
      const run = await runStatus(args.work, args.limits);
      if (args.json) process.stdout.write(statusJson(run));
      else if (!args.quiet || run.exitCode !== 0) process.stdout.write(terminalText(renderStatus(run, args.work, args.lang)));
      return run.exitCode;
    }
    case 'pack': {
      const { runPack } = lazy.pack();
      const { renderPack } = lazy.render();
      const run = await runPack(args);
      if (!args.quiet || run.exitCode !== 0) process.stdout.write(terminalText(renderPack(run, args.work, args.lang)));
      return run.exitCode;
    }
    case 'resolve': {
      const { runResolve } = lazy.resolve();
      const { renderResolve } = lazy.render();
      const run = await runResolve(args);
      if (!args.quiet) process.stdout.write(terminalText(renderResolve(run, args.lang)));
      return 0;
    }
    default: {
      const never: never = args;
      throw new Error(`unknown command ${JSON.stringify(never)}`);
    }
  }
}

/**
 * Text for the terminal with every control character (C0 but the newline, DEL, C1) shown as \xNN: messages and
 * summaries hold paths the user typed, which may carry ESC or a newline (screen cleared, colours, a spoofed second
 * line), as names inside archives may (archive/names.ts printable, the same form). `colour`: the painter's own SGR
 * sequences (ESC [ digits m) are kept. `line`: the newline too (an error is exactly one line).
 */
function terminalText(text: string, options: { colour?: boolean; line?: boolean } = {}): string {
  const pattern = options.colour ? /\u001b\[[0-9;]*m|[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/g : /[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/g;
  const escaped = text.replace(pattern, (c) => (c.length > 1 ? c : `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`));
  return options.line ? escaped.replace(/\n/g, '\\x0a') : escaped;
}

function report(e: unknown, lang: Lang, verbose: boolean): void {
  if (e instanceof CabinetError) {
    process.stderr.write(`cabinet-merge: ${terminalText(e.localized(lang), { line: true })}\n`);
    if (verbose && e.details) process.stderr.write(`${e.details}\n`);
    if (verbose && e.cause instanceof Error && e.cause.stack) process.stderr.write(`${e.cause.stack}\n`);
    return;
  }
  const text =
    lang === 'ru'
      ? 'внутренняя ошибка cabinet-merge. Повторите с --verbose и отправьте вывод разработчикам.'
      : 'internal error in cabinet-merge. Run again with --verbose and send the output to the developers.'; 
  process.stderr.write(`cabinet-merge: ${text}\n`);
  if (verbose && e instanceof Error) process.stderr.write(`${e.stack ?? e.message}\n`);
}

const argv = process.argv.slice(2);

function argLang(): Lang {
  const langIndex = argv.indexOf('--lang');
  const joined = argv.find((a) => a.startsWith('--lang='));
  return detectLang(langIndex >= 0 ? argv[langIndex + 1] : joined?.slice('--lang='.length));
}

/** Set once main() has settled: a signal after that changes nothing (the outputs are complete). */
let settled = false;

const INTERRUPTED = {
  en: 'interrupted; nothing was written (temporary files removed).',
  ru: 'прервано; ничего не записано (временные файлы удалены).',
};

/** How long file operations already running on libuv's threads get to settle before the cleanup (see io/atomic). */
const SETTLE_MS = 200;

/**
 * Ctrl+C / SIGTERM: stop writing (writers check io/atomic's flag), let operations already started settle, remove
 * the temp files and this run's outputs, say so, exit 128 + signal number.
 */
function onSignal(signal: 'SIGINT' | 'SIGTERM', code: number): void {
  process.on(signal, () => {
    // After the outputs are complete the run only prints its summary: finish it rather than undo finished work.
    if (settled || outputsCompleted()) return;
    requestInterrupt();
    setTimeout(() => {
      // The last write may have finished meanwhile: then the outputs are complete and the run ends normally.
      if (outputsCompleted()) return;
      removePendingSync();
      process.stderr.write(`\ncabinet-merge: ${INTERRUPTED[argLang()]}\n`);
      exitBySignal(signal, code);
    }, SETTLE_MS);
  });
}

/**
 * Ends the process as killed by `signal` (the shell reports 128 + its number: 130, 143). Not process.exit: that
 * waits for libuv's threads, and one stuck in a blocking system call (open() of a FIFO nobody writes to) would keep
 * the process alive forever, Ctrl+C or not. Re-raising the signal with its default action, as well-behaved Unix
 * programs do, ends it at once and tells a calling shell script that the user pressed Ctrl+C. On Windows signals are
 * emulated, so process.exit it is.
 */
function exitBySignal(signal: 'SIGINT' | 'SIGTERM', code: number): void {
  if (process.platform !== 'win32') {
    process.removeAllListeners(signal);
    process.kill(process.pid, signal);
  }
  process.exit(code);
}
onSignal('SIGINT', 130);
onSignal('SIGTERM', 143);

main(argv).then(
  (code) => {
    settled = true;
    process.exitCode = code;
  },
  (e: unknown) => {
    if (e instanceof Interrupted) return; // the signal handler finishes the run
    settled = true;
    report(e, argLang(), argv.includes('--verbose'));
    process.exitCode = EXIT_ERROR;
  },
);
