/**
 * process.stdout and process.stderr are created by Node when first read; for a pipe that loads its net module and
 * sets up a socket (~1.5 ms, docs/performance.md, start-up), and a --quiet merge never writes to either. So the
 * questions asked of them on every run (is it a terminal, how wide) are first put to fstat: a descriptor that is not
 * a character device is no terminal, without creating the stream; only a character device (a terminal, /dev/null)
 * gets the stream's own answer.
 */

import { fstatSync } from 'node:fs';

/** Whether descriptor `fd` may be a terminal (a character device; or unknown: fstat failed). */
function mayBeTerminal(fd: 1 | 2): boolean {
  try {
    return fstatSync(fd).isCharacterDevice();
  } catch {
    return true;
  }
}

/** process.stdout.isTTY / process.stderr.isTTY, creating the stream only when it may be a terminal. */
export function isTerminal(name: 'stdout' | 'stderr'): boolean {
  return mayBeTerminal(name === 'stdout' ? 1 : 2) && process[name].isTTY === true;
}

/** process.stdout.columns (undefined but on a terminal), creating the stream only when it may be a terminal. */
export function stdoutColumns(): number | undefined {
  return mayBeTerminal(1) ? process.stdout.columns : undefined;
}

/**
 * Runs `install` on process[name] when the program first reads it, not now (the stream is not created before it is
 * used). Falls back to at once where Node defines the property otherwise.
 */
export function onFirstUse(name: 'stdout' | 'stderr', install: (stream: NodeJS.WriteStream) => void): void {
  const own = Object.getOwnPropertyDescriptor(process, name);
  if (!own?.get || !own.configurable) {
    install(process[name]);
    return;
  }
  const get = own.get;
  Object.defineProperty(process, name, {
    configurable: true,
    enumerable: own.enumerable,
    get() {
      const stream = get.call(process) as NodeJS.WriteStream;
      Object.defineProperty(process, name, own);
      install(stream);
      return stream;
    },
  });
}
