/**
 * htmlparser2's Parser as the HTML merger (html.ts) and the attribute check (checks.ts) run it: tolerant, entities
 * left as written, and with a faster Tokenizer.
 *
 * The Tokenizer skips to the next '<' (text, script and style bodies), quote (attribute values) or '-' / ']'
 * (comments, CDATA) with `fastForwardTo`, a loop over charCodeAt run once per character in JavaScript. Here it is
 * String.prototype.indexOf, which V8 runs natively: the same answer (the first occurrence after `index`, else the
 * buffer's last index and false, exactly as the loop leaves them), so every event and offset is the same. A
 * single-file index.html of ../shared/1c-templates (16 MB, eleven tags around one inline bundle) parses in 10 ms
 * instead of 34 (a fresh process; docs/performance.md, "Format-check pass"). The parser is run three to six times
 * on such a page in one merge (each side for the HTML merger, the merged text for the check).
 *
 * `fastForwardTo` is htmlparser2's own (private in its types, stable across 8–10): when a version no longer has
 * it, the library's Tokenizer is used as it is. The unit test compares the event streams of both tokenizers.
 *
 * Pure: no I/O.
 */
import type { Handler, Parser } from 'htmlparser2';
import { lazy } from '../lazy';

type Htmlparser2 = Pick<typeof import('htmlparser2'), 'Parser' | 'Tokenizer'>;

/**
 * Required on first use (start-up time: docs/performance.md), and only its Parser and Tokenizer: the package's
 * index also loads domhandler, domutils and dom-serializer, for a DOM we never build — 56 ms against 14–20 ms in a
 * fresh process (`node -e "require('htmlparser2')"`), in every merge that checks a page. The two files sit next to
 * the index (the package's "exports" names only the index, so they are required by their path); when a later
 * layout moves them, the index is used.
 */
const htmlparser2 = lazy((): Htmlparser2 => {
  const path = require('node:path') as typeof import('node:path');
  try {
    const dir = path.dirname(require.resolve('htmlparser2'));
    const { Parser } = require(path.join(dir, 'Parser.js')) as { Parser: Htmlparser2['Parser'] };
    const Tokenizer = (require(path.join(dir, 'Tokenizer.js')) as { default: Htmlparser2['Tokenizer'] }).default;
    if (typeof Parser === 'function' && typeof Tokenizer === 'function') return { Parser, Tokenizer };
  } catch {
    // Another layout: the index below.
  }
  return require('htmlparser2') as typeof import('htmlparser2');
});

/** The Tokenizer fields `fastForwardTo` reads and sets (htmlparser2/dist/commonjs/Tokenizer.js). */
interface TokenizerState {
  buffer: string;
  index: number;
  offset: number;
}

/** The Tokenizer class to pass to the Parser: the library's with `fastForwardTo` by indexOf, when it has one. */
const fastTokenizer = lazy(() => {
  const { Tokenizer } = htmlparser2();
  if (typeof (Tokenizer.prototype as unknown as Record<string, unknown>).fastForwardTo !== 'function') return Tokenizer;
  class FastTokenizer extends Tokenizer {}
  Object.defineProperty(FastTokenizer.prototype, 'fastForwardTo', {
    value: function fastForwardTo(this: TokenizerState, c: number): boolean {
      const at = this.buffer.indexOf(String.fromCharCode(c), this.index + 1 - this.offset);
      if (at !== -1) {
        this.index = at + this.offset;
        return true;
      }
      // As the library's loop leaves it: the buffer's last index (the parse loop increments it after the call).
      this.index = this.buffer.length + this.offset - 1;
      return false;
    },
  });
  return FastTokenizer;
});

/** A Parser over `cbs`: HTML (names lower-cased) or XML, entities not decoded (offsets are the source's). */
export function markupParser(cbs: Partial<Handler>, xmlMode: boolean, tokenizer: 'fast' | 'library' = 'fast'): Parser {
  const Tokenizer = tokenizer === 'fast' ? fastTokenizer() : htmlparser2().Tokenizer;
  return new (htmlparser2().Parser)(cbs, { xmlMode, decodeEntities: false, Tokenizer });
}
