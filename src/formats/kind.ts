/** The file kind by extension: picks the structured merger, the format check and the tokenizer. */
import type { FileKind } from './types';

const BY_EXT: Record<string, FileKind> = {
  json: 'json',
  jsonc: 'json',
  webmanifest: 'json',
  css: 'css',
  html: 'html',
  htm: 'html',
  xml: 'xml',
  svg: 'xml',
  js: 'js',
  mjs: 'js',
  cjs: 'js',
  ts: 'ts',
  mts: 'ts',
  cts: 'ts',
  jsx: 'jsx',
  tsx: 'jsx',
  yml: 'yaml',
  yaml: 'yaml',
  md: 'markdown',
  markdown: 'markdown',
};

export function fileKind(path: string): FileKind {
  const name = path.slice(path.lastIndexOf('/') + 1);
  const dot = name.lastIndexOf('.');
  if (dot <= 0) return 'text';
  return BY_EXT[name.slice(dot + 1).toLowerCase()] ?? 'text';
}
