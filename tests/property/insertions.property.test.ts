/**
 * Properties of the insertion merger through the whole cascade (mergeText on a .js file): random distinct items
 * inserted by both sides at one place of a JS object literal (one field per line, or all on one line) or of the
 * top-level import list give a clean result that parses with acorn and holds base's items with mine's and then
 * theirs' at that place, each exactly once.
 */
import { parse, type Node } from 'acorn';
import fc from 'fast-check';
import { mergeText } from '../../src/tree/merge-text';

const enc = (s: string) => new TextEncoder().encode(s);
function merge(base: string, mine: string, theirs: string) {
  const o = mergeText({ path: 'app/x.js', base: enc(base), mine: enc(mine), theirs: enc(theirs) }, { style: 'merge', labels: { mine: 'mine', base: 'base', theirs: 'theirs' } })!;
  return { text: new TextDecoder().decode(o.bytes), conflicts: o.conflicts.length, level: o.level };
}

/** Values with the characters that could fool a careless item split: commas, braces, comment starts, nesting. */
const value = fc.oneof(
  fc.integer({ min: 0, max: 999 }).map(String),
  fc.constantFrom("'a, b'", '"}{"', "'// not a comment'", '`t ${1 + 2}, }`', '[1, { x: 2 }]', '{ y: [3], z: "," }', '() => { return 1; }', 'f(1, 2)', '/,}/g'),
);
const items = (prefix: string) =>
  fc.uniqueArray(fc.integer({ min: 0, max: 30 }), { minLength: 1, maxLength: 4 }).chain((ids) =>
    fc.tuple(...ids.map((id) => value.map((v): [string, string] => [`${prefix}${id}`, v]))),
  );

const BASE: [string, string][] = [
  ['k0', '0'],
  ['k1', "'one'"],
  ['k2', '{ n: 2 }'],
];

function objectKeys(text: string): string[] {
  const ast = parse(text, { ecmaVersion: 'latest', sourceType: 'module' }) as unknown as { body: { declarations: { init: { properties: { key: { name: string } }[] } }[] }[] };
  return ast.body[0].declarations[0].init.properties.map((p) => p.key.name);
}

test('JS object: both sides add distinct fields at one place → clean, parses, every field once in order', () => {
  fc.assert(
    fc.property(items('m'), items('t'), fc.nat(BASE.length), fc.boolean(), (mineItems, theirsItems, at, oneLine) => {
      const text = (entries: [string, string][]) =>
        oneLine ? `const o = { ${entries.map(([k, v]) => `${k}: ${v}`).join(', ')} };\n` : `const o = {\n${entries.map(([k, v]) => `  ${k}: ${v},\n`).join('')}};\n`;
      const withItems = (added: [string, string][]) => [...BASE.slice(0, at), ...added, ...BASE.slice(at)];
      const r = merge(text(BASE), text(withItems(mineItems)), text(withItems(theirsItems)));
      expect(r.conflicts).toBe(0);
      expect(r.level).toBe('js');
      const expected = [...BASE.slice(0, at), ...mineItems, ...theirsItems, ...BASE.slice(at)];
      expect(objectKeys(r.text)).toEqual(expected.map(([k]) => k));
      expect(r.text).toBe(text(expected));
    }),
    { numRuns: 150 },
  );
});

/** An import declaration binding `name` in one of the usual forms. */
const importOf = (name: string, form: number, semi: boolean) =>
  [`import ${name} from './${name}.js'`, `import { ${name} } from './lib.js'`, `import { x as ${name} } from './${name}.js'`, `import * as ${name} from './${name}.js'`][form] + (semi ? ';' : '');
const imports = (prefix: string) =>
  fc.uniqueArray(fc.integer({ min: 0, max: 30 }), { minLength: 1, maxLength: 4 }).chain((ids) =>
    fc.tuple(...ids.map((id) => fc.tuple(fc.nat(3), fc.boolean()).map(([form, semi]) => importOf(`${prefix}${id}`, form, semi)))),
  );

function importLocals(text: string): string[] {
  const ast = parse(text, { ecmaVersion: 'latest', sourceType: 'module' }) as unknown as { body: Node[] };
  return ast.body.filter((n) => n.type === 'ImportDeclaration').flatMap((n) => (n as unknown as { specifiers: { local: { name: string } }[] }).specifiers.map((s) => s.local.name));
}

test('JS imports: both sides add distinct import declarations at one place → clean, parses, every binding once', () => {
  const BASE_IMPORTS = ["import a from './a.js';", "import { b } from './b.js'", "import * as c from './c.js';"];
  fc.assert(
    fc.property(imports('m'), imports('t'), fc.nat(BASE_IMPORTS.length), (mineImports, theirsImports, at) => {
      const text = (lines: string[]) => lines.join('\n') + '\n\nexport const all = [a, b, c];\n';
      const withImports = (added: string[]) => [...BASE_IMPORTS.slice(0, at), ...added, ...BASE_IMPORTS.slice(at)];
      const r = merge(text(BASE_IMPORTS), text(withImports(mineImports)), text(withImports(theirsImports)));
      expect(r.conflicts).toBe(0);
      expect(r.level).toBe('js');
      const expected = [...BASE_IMPORTS.slice(0, at), ...mineImports, ...theirsImports, ...BASE_IMPORTS.slice(at)];
      expect(r.text).toBe(text(expected));
      const locals = importLocals(r.text);
      expect(new Set(locals).size).toBe(locals.length);
    }),
    { numRuns: 150 },
  );
});

test('JS object: the same field added on both sides with different values is never clean', () => {
  fc.assert(
    fc.property(fc.nat(BASE.length), value, value, (at, v1, v2) => {
      fc.pre(v1 !== v2);
      const text = (entries: [string, string][]) => `const o = {\n${entries.map(([k, v]) => `  ${k}: ${v},\n`).join('')}};\n`;
      const withItem = (v: string) => text([...BASE.slice(0, at), ['dup', v], ...BASE.slice(at)]);
      expect(merge(text(BASE), withItem(v1), withItem(v2)).conflicts).toBeGreaterThan(0);
    }),
    { numRuns: 60 },
  );
});
