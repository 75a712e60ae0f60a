/**
 * The library API: the pure merge core and the archive readers and writers, for scripts and tests that want
 * cabinet-merge without its command line. The CLI (cli/run.ts) is built on the same pieces.
 */

export { readTree, writeZip, writeFolder } from './archive';
export type { Tree, FileEntry, OutputTree, NameEncoding, ReadOptions } from './archive';
export { CabinetError, EXIT_CLEAN, EXIT_CONFLICTS, EXIT_ERROR, type ErrorCode } from './errors';
export { diffIds, intern, type DiffHunk } from './diff';
export { merge3, renderMerge, type Merge3Options, type Merge3Result, type MergeHunk, type ConflictStyle } from './merge3';
export { decodeText, encodeText, splitLines, joinLines, type DecodedText, type TextEncoding } from './text';
export { mergeTrees, mergePath, type FileOutcome, type TreeMergeOptions, type TreeMergeResult } from './tree';
export { buildReport, renderSummary, REPORT_SCHEMA, type Report, type FileReport } from './report';
export { runMerge, type MergeOptions } from './commands/merge';
