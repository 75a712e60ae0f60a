/** Content hashes: the SHA-256 of bytes as lowercase hex, as the baseline store and the working folder record them. */

import type { Hash } from 'node:crypto';
import { lazy } from './lazy';

// Required on first use, for every hash the program takes: a merge without rename candidates, conflict keys to look
// up or a baseline to store hashes nothing (~1.5 ms of a small merge's start, docs/performance.md).
const crypto = lazy(() => require('node:crypto') as typeof import('node:crypto'));

/** A SHA-256 to feed piece by piece (conflict keys: rerere/key.ts). */
export function sha256Hash(): Hash {
  return crypto().createHash('sha256');
}

export function sha256(bytes: Uint8Array | string): string {
  return sha256Hash().update(bytes).digest('hex');
}
