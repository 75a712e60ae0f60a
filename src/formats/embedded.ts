/**
 * Languages inside HTML: the bodies of inline `<script>` (JavaScript) and `<style>` (CSS) elements, so the token
 * level can give them their own tokenizer and their own safe line breaks (a single-file `index.html` is mostly one
 * multi-megabyte inline script).
 *
 * As a browser reads it: a `<script>` whose `type` is absent or a JavaScript type (`module`, `text/javascript`, …)
 * and that has no `src` holds JavaScript up to the first `</script` (in any letter case; a `</script>` inside a JS
 * string ends the element too); a `<style>` (type absent or `text/css`) holds CSS up to the first `</style`. Other
 * script types (`text/template`, JSON data blocks) are raw text: no safe breaks. Comments `<!-- … -->` are skipped.
 *
 * `Lang` of a stretch: 'html' (markup, may open a script or style), 'js', 'css', or 'raw' (markup tokens, never
 * entering a script or style: a region whose start the scan could not place).
 */
import { jsCuts } from './cuts';

export type Lang = 'html' | 'js' | 'css' | 'raw';

export interface Segment {
  lang: Lang;
  start: number;
  end: number;
  /** A body's element: its closing tag ends the segment. */
  closes?: 'script' | 'style';
}

const OPEN = /<!--|<(script|style)(?=[\s/>])((?:[^>"']|"[^"]*"|'[^']*')*)>/giy;
const FIND_OPEN = /<!--|<(?:script|style)(?=[\s/>])/gi;
const CLOSE_SCRIPT = /<\/script/gi;
const CLOSE_STYLE = /<\/style/gi;
const JS_TYPES = /^(?:module|(?:text|application)\/(?:java|ecma)script|text\/(?:x-)?javascript|text\/jscript|text\/livescript|application\/x-(?:java|ecma)script)$/i;

function attr(attrs: string, name: string): string | undefined {
  const m = new RegExp(`(?:^|\\s)${name}(?:\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s"'>]+)))?(?=\\s|/|$)`, 'i').exec(attrs);
  if (m === null) return undefined;
  return (m[1] ?? m[2] ?? m[3] ?? '').trim();
}

/** The language of an element's body from its open tag: 'js', 'css' or 'raw'. */
function bodyLang(tag: string, attrs: string): Exclude<Lang, 'html'> {
  if (tag.toLowerCase() === 'style') {
    const type = attr(attrs, 'type');
    return type === undefined || type === '' || /^text\/css$/i.test(type) ? 'css' : 'raw';
  }
  if (attr(attrs, 'src') !== undefined) return 'raw';
  const type = attr(attrs, 'type');
  return type === undefined || type === '' || JS_TYPES.test(type) ? 'js' : 'raw';
}

/**
 * Splits `text`, which starts in `lang` (inside a script's body: 'js'), into stretches of one language each, in
 * order, covering the text. A body that started before the text ends at its closing tag; `rawCloses` tells which
 * closing tag ends a 'raw' body begun before the text (undefined: raw to the end, never entering a script).
 */
export function segments(text: string, lang: Lang, rawCloses?: 'script' | 'style'): Segment[] {
  const out: Segment[] = [];
  let at = 0;
  let cur: Lang = lang;
  let closes: 'script' | 'style' | undefined = lang === 'js' ? 'script' : lang === 'css' ? 'style' : rawCloses;
  const n = text.length;
  while (at < n) {
    if (cur === 'raw' && closes === undefined) {
      out.push({ lang: 'raw', start: at, end: n });
      break;
    }
    if (cur !== 'html') {
      const re = closes === 'style' ? CLOSE_STYLE : CLOSE_SCRIPT;
      re.lastIndex = at;
      const m = re.exec(text);
      const end = m === null ? n : m.index;
      if (end > at) out.push({ lang: cur, start: at, end, ...(closes ? { closes } : {}) });
      at = end;
      cur = 'html';
      closes = undefined;
      continue;
    }
    // Markup: up to the end of the next script/style open tag (that tag included), skipping comments.
    let from = at;
    let next: { end: number; lang: Exclude<Lang, 'html'>; closes: 'script' | 'style' } | undefined;
    for (;;) {
      FIND_OPEN.lastIndex = from;
      const f = FIND_OPEN.exec(text);
      if (f === null) break;
      if (f[0] === '<!--') {
        const e = text.indexOf('-->', f.index + 4);
        if (e < 0) {
          from = n;
          break;
        }
        from = e + 3;
        continue;
      }
      OPEN.lastIndex = f.index;
      const o = OPEN.exec(text);
      if (o === null) {
        from = f.index + 1;
        continue;
      }
      const tag = o[1].toLowerCase() as 'script' | 'style';
      next = { end: OPEN.lastIndex, lang: bodyLang(tag, o[2]), closes: tag };
      break;
    }
    const end = next === undefined ? n : next.end;
    out.push({ lang: 'html', start: at, end });
    at = end;
    if (next !== undefined) {
      cur = next.lang;
      closes = next.closes;
    }
  }
  return out;
}

/** Where a scan of a whole HTML text places `offset`: in which language, and whether a tokenizer may start there. */
export interface Context {
  lang: Lang;
  /**
   * JS: the text starts inside a token begun before it (a template literal, a string, a comment) or a head, and
   * becomes a fresh start of the script only this many characters on; those are opaque (no break inside).
   */
  skip?: number;
  /** For a 'raw' body begun before: which closing tag ends it. */
  closes?: 'script' | 'style';
}

/**
 * The language at `offset` of a whole HTML text (a region's start, a line start), or 'raw' when a tokenizer
 * started there would not see what the whole text's does: inside a comment or a tag, or inside a JS template
 * literal, a multi-line comment or a `for (…)` head of an inline script (cuts.ts decides), or inside a CSS comment.
 */
export function contextAt(text: string, offset: number): Context {
  return contexts(text)(offset);
}

/**
 * `contextAt` for many offsets of one text: the text is split into its languages once. `whole` 'js': the text is a
 * JS file, one script from its start to its end (no markup, no closing tag); a place the scan cannot make a fresh
 * start of is `{ lang: 'raw' }` (raw to the region's end).
 */
export function contexts(text: string, whole: 'html' | 'js' = 'html'): (offset: number) => Context {
  let segs: Segment[] | undefined;
  const asked = new Set<Segment>();
  const scanned = new Map<Segment, number[]>();
  return (offset) => {
    if (offset === 0) return { lang: whole };
    segs ??= whole === 'js' ? [{ lang: 'js', start: 0, end: text.length }] : segments(text, 'html');
    const s = segs.find((g) => offset >= g.start && offset < g.end);
    if (s === undefined) return { lang: whole }; // at the text's end
    if (s.lang === 'raw') return { lang: 'raw', closes: s.closes };
    if (offset === s.start) return { lang: s.lang };
    if (s.lang === 'js') {
      // The script scanned from its start: the first place at or after offset where a tokenizer may start afresh.
      // The first region in a script scans only up to there; a second one has the whole script's cuts kept, so
      // many regions in one big script cost one scan, not one each.
      const at = offset - s.start;
      let next: number | undefined;
      const all = scanned.get(s);
      if (all !== undefined) next = firstAtOrAfter(all, at);
      else if (asked.has(s)) {
        const cuts = jsCuts(text.slice(s.start, s.end), 0);
        scanned.set(s, cuts);
        next = firstAtOrAfter(cuts, at);
      } else {
        asked.add(s);
        next = jsCuts(text.slice(s.start, Math.min(s.end, offset + SKIP_WINDOW)), 0, at, 1)[0];
      }
      if (next !== undefined && next - at > SKIP_WINDOW) next = undefined;
      if (next === undefined) return whole === 'js' ? { lang: 'raw' } : { lang: 'raw', closes: 'script' };
      return next === at ? { lang: 'js' } : { lang: 'js', skip: next - at };
    }
    if (s.lang === 'css') return restartsAt(text, s.start, offset, CSS_RE) ? { lang: 'css' } : { lang: 'raw' };
    return restartsAt(text, s.start, offset, MARKUP_RE) ? { lang: 'html' } : { lang: 'raw' };
  };
}

/** The first of the ascending `cuts` at or after `at`. */
function firstAtOrAfter(cuts: readonly number[], at: number): number | undefined {
  let lo = 0;
  let hi = cuts.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (cuts[mid] < at) lo = mid + 1;
    else hi = mid;
  }
  return lo < cuts.length ? cuts[lo] : undefined;
}

// The same token shapes as tokens.ts GENERIC (comments, strings), enough to tell whether offset starts a token.
const CSS_RE = /\/\*[\s\S]*?(?:\*\/|$)|"(?:[^"\\\r\n]|\\[\s\S])*"?|'(?:[^'\\\r\n]|\\[\s\S])*'?|url\([^)"'\r\n]*\)|\r\n|\n|[^/"'u\r\n]+|[\s\S]/y;
const MARKUP_RE = /<!--[\s\S]*?(?:-->|$)|<[^<>]*>|\r\n|\n|[^<\r\n]+|[\s\S]/y;
/** How far past a region's start the first fresh start of its script is looked for. */
const SKIP_WINDOW = 4 * 1024 * 1024;

function restartsAt(text: string, from: number, offset: number, re: RegExp): boolean {
  re.lastIndex = from;
  while (re.lastIndex < offset) {
    if (re.exec(text) === null) return false;
  }
  return re.lastIndex === offset;
}

/**
 * For a side of an HTML file, or of a JS file (`whole` 'js'), its text and its lines: the context at the start of
 * its line `k` (0-based), the language a region starting there begins in. Line offsets and the split into languages are computed once.
 */
export function lineContexts(text: string, lines: { lines: readonly string[]; eols: readonly string[] }, whole: 'html' | 'js' = 'html'): (k: number) => Context {
  const at = contexts(text, whole);
  let starts: Float64Array | undefined;
  return (k) => {
    if (starts === undefined) {
      starts = new Float64Array(lines.lines.length + 1);
      for (let i = 0; i < lines.lines.length; i++) starts[i + 1] = starts[i] + lines.lines[i].length + lines.eols[i].length;
    }
    return at(starts[Math.min(k, lines.lines.length)]);
  };
}
