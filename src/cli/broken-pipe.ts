/**
 * `cabinet-merge … | head -1`: once the reader has gone, writing to the pipe fails with EPIPE, which Node reports as
 * an unhandled 'error' event — a stack trace after the output the user asked to cut. git and other Unix tools end
 * quietly then (killed by SIGPIPE). Here the stream simply stops writing: nobody reads it any more, and the run ends
 * with the exit code it would have had (its outputs are written before anything is printed).
 */
export function quietOnBrokenPipe(stream: NodeJS.WriteStream): void {
  stream.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code !== 'EPIPE') {
      // Anything else is as unexpected as before: let it surface as an uncaught exception.
      process.nextTick(() => {
        throw e;
      });
      return;
    }
    stream.write = (() => true) as typeof stream.write;
  });
}
