/** bytes ↔ text: encoding and binary detection, decode and encode. */
export * from './encoding';
export * from './lines';
