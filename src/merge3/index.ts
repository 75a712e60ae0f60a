export * from './merge3';
export * from './render';
