export * from './decide';
export * from './merge-text';
export * from './merge-tree';
export * from './notes';
export * from './status';
export * from './align';
export * from './strategy';
