/**
 * A full garbage collection between the phases of a very large text merge. V8 grows its heap rather than collect
 * while memory is plentiful, so the garbage of one phase (the diff's arrays, the rendered text's pieces) was still
 * held when the next phase allocated: a 60 MB file on each side peaked at ~1.5 GB. Collecting at those two points
 * lets the next phase reuse the space (docs/performance.md, "Memory"). A full collection costs ~0.1–0.3 s on such a
 * heap, against the ~10 s such a merge takes; below `LARGE_TEXT_CHARS` it is never done.
 *
 * `gc` is reachable without starting Node with --expose-gc: the flag set at run time exposes it to new contexts.
 */
import { lazy } from './lazy';

/** Three sides adding up to more than this many UTF-16 code units (or bytes) make a merge "very large". */
export const LARGE_TEXT_CHARS = 48 * 1024 * 1024;

const collector = lazy((): (() => void) | undefined => {
  try {
    (require('v8') as typeof import('v8')).setFlagsFromString('--expose-gc');
    const gc: unknown = (require('vm') as typeof import('vm')).runInNewContext('gc');
    return typeof gc === 'function' ? (gc as () => void) : undefined;
  } catch {
    return undefined;
  }
});

/** Collects garbage now when `size` (of the three sides just merged, in characters or bytes) is above LARGE_TEXT_CHARS. */
export function collectAfterLarge(size: number): void {
  if (size > LARGE_TEXT_CHARS) collector()?.();
}
