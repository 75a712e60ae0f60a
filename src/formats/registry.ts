/** The registry by file kind: the structured merger (whole file) and the format check of a clean result. */
import { checkCss, checkHtml, checkJs, checkJson, checkXml, checkYaml } from './checks';
import { cssMerger } from './css';
import { htmlMerger, xmlMerger } from './html';
import { jsonMerger } from './json';
import type { CheckFailure, FileKind, StructuredMerger } from './types';

export interface KindEntry {
  merger?: StructuredMerger;
  check?: (merged: string, inputs: readonly string[], name?: string) => CheckFailure | null;
}

export const REGISTRY: Record<FileKind, KindEntry> = {
  json: { merger: jsonMerger, check: checkJson },
  css: { merger: cssMerger, check: checkCss },
  html: { merger: htmlMerger, check: checkHtml },
  xml: { merger: xmlMerger, check: checkXml },
  js: { check: checkJs },
  // No YAML merger: the check catches a key both sides added (js-yaml rejects a duplicated mapping key).
  yaml: { check: checkYaml },
  text: {},
};
