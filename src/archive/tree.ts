/**
 * The in-memory form of a cabinet: a map of '/'-separated relative paths to file bytes, plus what the writer needs
 * to reproduce the archive's conventions. Readers (zip, folder) produce a Tree; the merge works on Trees and
 * produces an OutputTree; the zip writer consumes that. Nothing here does I/O.
 */

/** How entry names are stored in a zip: UTF-8 with the language-encoding flag, or CP866 (DOS Cyrillic) without it. */
export type NameEncoding = 'utf8' | 'cp866';

export interface FileEntry {
  /** Relative path, '/'-separated, no leading or trailing slash (see Tree.root for wrapper folders). */
  path: string;
  bytes: Uint8Array;
  /** Last-modified time as stored in the archive or file system. */
  date: Date;
  /**
   * The entry's data as its zip stored it, so the zip writer can copy it instead of compressing `bytes` again. Set
   * only by the zip reader, and only after `bytes` were inflated from it and their size and CRC-32 checked. Whoever
   * builds a FileEntry with other bytes must leave it out; the writer still checks size and CRC-32 before copying.
   */
  raw?: RawData;
}

/** Compressed data of one zip entry, for a copy that keeps its bytes. */
export interface RawData {
  /** 0 (stored) or 8 (DEFLATE): the only methods the reader accepts. */
  method: number;
  /** CRC-32 of the uncompressed bytes, as stored and as verified. */
  crc32: number;
  /** Length of the uncompressed bytes. */
  size: number;
  /** The compressed bytes: a view into the archive's buffer, not a copy. */
  compressed: Uint8Array;
}

export interface Tree {
  /** What the user named (zip or folder path); used in labels and messages. */
  source: string;
  kind: 'zip' | 'folder';
  files: Map<string, FileEntry>;
  /** Explicit directory entries and empty directories, as relative paths without a trailing slash. */
  dirs: Set<string>;
  /** Dates of the entries in `dirs`, when known (zip directory entries, folder mtimes). */
  dirDates?: Map<string, Date>;
  /** How the zip stored its names; 'utf8' for folders. When entries disagree, the majority. */
  nameEncoding: NameEncoding;
  /**
   * A top-level wrapper folder stripped from every path (e.g. 'lk'), or '' for none. Readers always return '';
   * the alignment step (tree/align.ts) strips a wrapper and records it here so the writer can put it back.
   */
  root: string;
}

export interface OutputTree {
  files: FileEntry[];
  dirs: string[];
  /**
   * Dates for directory entries, by path as in `dirs`. A directory without one, and the `root` folder, get the
   * newest date in the tree, so output stays deterministic.
   */
  dirDates?: Map<string, Date>;
  nameEncoding: NameEncoding;
  root: string;
}
