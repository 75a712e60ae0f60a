export * from './model';
export * from './text';
