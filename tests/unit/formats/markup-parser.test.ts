/** markupParser: the indexOf tokenizer gives htmlparser2's own events and offsets, event for event. */
import { markupParser } from '../../../src/formats/markup-parser';

/** Every event the merger and the checks could use, with the parser's offsets at that moment, as one line each. */
function events(text: string, xmlMode: boolean, tokenizer: 'fast' | 'library', chunks = 1): string[] {
  const out: string[] = [];
  const at = () => `${parser.startIndex}-${parser.endIndex}`;
  const parser = markupParser(
    {
      onopentagname: (name) => out.push(`open ${name} ${at()}`),
      onattribute: (name, value, quote) => out.push(`attr ${name}=${value} ${String(quote)} ${at()}`),
      onopentag: (name) => out.push(`opened ${name} ${at()}`),
      onclosetag: (name, implied) => out.push(`close ${name} ${implied} ${at()}`),
      ontext: (t) => out.push(`text ${JSON.stringify(t)} ${at()}`),
      oncomment: (t) => out.push(`comment ${JSON.stringify(t)} ${at()}`),
      oncdatastart: () => out.push(`cdata ${at()}`),
      onprocessinginstruction: (name, data) => out.push(`pi ${name} ${data} ${at()}`),
    },
    xmlMode,
    tokenizer,
  );
  // Written in chunks too: the tokenizer's offset is then that of the chunk in the whole text.
  const size = Math.ceil(text.length / chunks);
  for (let k = 0; k < chunks; k++) parser.write(text.slice(k * size, (k + 1) * size));
  parser.end();
  return out;
}

const TEXTS = [
  '<!DOCTYPE html>\r\n<html lang="ru"><head><title>a &amp; b</title>\r\n<style>p>a{color:red}</style></head>\n',
  '<body class="x" class=\'y\' data-a=1 hidden>\n<p>one<p>two</p></p></br><!-- a <b> -- c --><!----->\n',
  '<script>if (a < b && c <\/scrip) x = "</div>"; </script ><script type="module">let t = `<${x}>`</script>\n',
  '<div title="unclosed quote>\n<span>text without end',
  '<svg><path d="M0 0"/><![CDATA[ x ]]></svg><textarea><b>raw</b></textarea><?php echo 1 ?>',
  'no tags at all, only text <',
  '<a href="x"',
  '<!-- unterminated comment <div>',
  '',
];

test.each(TEXTS.map((t, i) => [i, t]))('text %i: the same events and offsets as the library tokenizer (HTML and XML, whole and in chunks)', (_i, text) => {
  for (const xml of [false, true]) {
    const library = events(text as string, xml, 'library');
    expect(library.length).toBeGreaterThan(text === '' ? -1 : 0);
    expect(events(text as string, xml, 'fast')).toEqual(library);
    expect(events(text as string, xml, 'fast', 3)).toEqual(events(text as string, xml, 'library', 3));
  }
});

test('random markup: the same events as the library tokenizer', () => {
  // A small seeded generator over the characters the states skip to (quotes, '<', '>', '-', ']').
  let seed = 7;
  const r = () => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32);
  const atoms = ['<', '>', '"', "'", '-', ']', '!', '/', 'a', 'p', ' ', '\n', '=', '<script>', '</script>', '<style>', '<!--', '-->', '<![CDATA[', ']]>', 'x'];
  for (let n = 0; n < 300; n++) {
    let text = '';
    const len = 5 + Math.floor(r() * 60);
    for (let k = 0; k < len; k++) text += atoms[Math.floor(r() * atoms.length)];
    for (const xml of [false, true]) expect(events(text, xml, 'fast')).toEqual(events(text, xml, 'library'));
  }
});

test('the installed htmlparser2 still has fastForwardTo, so the fast tokenizer is the one in use', () => {
  const { Tokenizer } = require('htmlparser2') as typeof import('htmlparser2');
  expect(typeof (Tokenizer.prototype as unknown as Record<string, unknown>).fastForwardTo).toBe('function');
});
