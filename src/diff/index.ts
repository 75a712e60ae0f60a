export { intern, type Interned } from './intern';
export { diffIds, type DiffHunk } from './diff';
