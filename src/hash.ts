/** Content hashes: the SHA-256 of bytes as lowercase hex, as the baseline store and the working folder record them. */

import { lazy } from './lazy';

// Required on first use: a merge without rename candidates or a baseline to store hashes nothing (~1.5 ms of a
// small merge's start, docs/performance.md).
const crypto = lazy(() => require('node:crypto') as typeof import('node:crypto'));

export function sha256(bytes: Uint8Array): string {
  return crypto().createHash('sha256').update(bytes).digest('hex');
}
