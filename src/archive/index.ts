/** The archive module's public API: read a zip or folder into a Tree, write an OutputTree as a zip or folder. */
export { readTree } from './read';
export { writeZip, writeFolder, validateTree } from './write';
export { DEFAULT_LIMITS } from './limits';
export type { ReadOptions } from './limits';
export type { Tree, FileEntry, OutputTree, NameEncoding } from './tree';
