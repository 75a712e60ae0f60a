/** The registry by file kind: the structured merger (whole file) and the format check of a clean result. */
import { checkCss, checkHtml, checkJs, checkJson, checkXml, checkYaml } from './checks';
import { cssMerger } from './css';
import { htmlMerger, xmlMerger } from './html';
import { insertionMerger } from './insertions';
import { JS_ITEMS_MAX_CHARS, jsInsertionRules, jsxInsertionRules } from './js-items';
import { jsonMerger } from './json';
import { markdownInsertionRules } from './markdown-items';
import type { CheckFailure, FileKind, StructuredMerger } from './types';
import { yamlInsertionRules } from './yaml-items';

export interface KindEntry {
  merger?: StructuredMerger;
  check?: (merged: string, inputs: readonly string[], name?: string) => CheckFailure | null;
}

export const REGISTRY: Record<FileKind, KindEntry> = {
  json: { merger: jsonMerger, check: checkJson },
  css: { merger: cssMerger, check: checkCss },
  html: { merger: htmlMerger, check: checkHtml },
  xml: { merger: xmlMerger, check: checkXml },
  // JS, TS, YAML, Markdown: the line merge, where both sides' insertions at one place of a commutative container
  // (imports, object fields, class members, mapping keys, link definitions) are both kept (insertions.ts).
  js: { merger: insertionMerger('js', jsInsertionRules, JS_ITEMS_MAX_CHARS), check: checkJs },
  // No TypeScript parser: the item rules are the whole safeguard (js-items.ts).
  ts: { merger: insertionMerger('js', jsInsertionRules, JS_ITEMS_MAX_CHARS) },
  // .jsx and .tsx: the same, lexed with JSX, and attributes of one tag are unordered too. acorn reads no JSX.
  jsx: { merger: insertionMerger('js', jsxInsertionRules, JS_ITEMS_MAX_CHARS) },
  // The check also catches a key both sides added elsewhere (js-yaml rejects a duplicated mapping key).
  yaml: { merger: insertionMerger('yaml', yamlInsertionRules), check: checkYaml },
  markdown: { merger: insertionMerger('markdown', markdownInsertionRules) },
  text: {},
};
