/** Content hashes: the SHA-256 of bytes as lowercase hex, as the baseline store and the working folder record them. */

import { createHash } from 'node:crypto';

export function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}
