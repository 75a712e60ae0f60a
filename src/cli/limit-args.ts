/**
 * The read limits (archive/limits.ts) as command-line options, so an admin with an unusually large cabinet can
 * raise the limit a message names: --max-entries, --max-total-size, --max-file-size, --max-ratio.
 */

import type { Options } from 'yargs';
import { DEFAULT_LIMITS, type ReadOptions } from '../archive/limits';
import { CabinetError } from '../errors';
import { t } from './help';

const MIB = 1024 * 1024;

/** The options, with descriptions in the help language (built when yargs asks, after the language is known). */
export const limitOptions = () => ({
  'max-entries': {
    type: 'number' as const,
    describe: t(`Refuse an input with more files and folders than this (default ${DEFAULT_LIMITS.maxEntries})`),
  },
  'max-total-size': {
    type: 'string' as const,
    describe: t(`Refuse an input larger than this uncompressed, e.g. 500M or 2G (default ${DEFAULT_LIMITS.maxTotalBytes / MIB / 1024}G)`),
  },
  'max-file-size': {
    type: 'string' as const,
    describe: t(`Refuse an input holding a file larger than this uncompressed, e.g. 200M (default ${DEFAULT_LIMITS.maxFileBytes / MIB}M)`),
  },
  'max-ratio': {
    type: 'number' as const,
    describe: t(`Refuse a zip entry of 1 MiB or more that expands more than this many times (default ${DEFAULT_LIMITS.maxRatio})`),
  },
}) as const satisfies Record<string, Options>;

/** '2G', '500M', '64K', '1000' (bytes) → bytes; undefined for anything else. */
export function parseSize(text: string): number | undefined {
  const m = /^\s*(\d+(?:\.\d+)?)\s*([KMG]?)i?B?\s*$/i.exec(text);
  if (!m) return undefined;
  const unit = { '': 1, K: 1024, M: MIB, G: 1024 * MIB }[m[2].toUpperCase() as '' | 'K' | 'M' | 'G'];
  return Math.floor(Number(m[1]) * unit);
}

const SIZE_OPTIONS = new Set(['max-total-size', 'max-file-size']);

function positive(name: string, value: unknown): number | undefined {
  if (value === undefined) return undefined;
  const size = SIZE_OPTIONS.has(name);
  const n = size ? parseSize(String(value)) : Number(value);
  if (n === undefined || !Number.isFinite(n) || n <= 0) {
    throw new CabinetError('usage', {
      en: `--${name} needs a positive number${size ? ' of bytes, e.g. 500M or 2G' : ''}, not '${String(value)}'`,
      ru: `--${name}: нужно положительное число${size ? ' байт, например 500M или 2G' : ''}, а не '${String(value)}'`,
    });
  }
  return n;
}

/** The parsed limit options as ReadOptions (absent ones left to the defaults). Throws CabinetError('usage'). */
export function limitsFrom(a: Record<string, unknown>): ReadOptions {
  const limits: ReadOptions = {};
  const entries = positive('max-entries', a['max-entries']);
  const total = positive('max-total-size', a['max-total-size']);
  const ratio = positive('max-ratio', a['max-ratio']);
  const file = positive('max-file-size', a['max-file-size']);
  if (entries !== undefined) limits.maxEntries = Math.floor(entries);
  if (total !== undefined) limits.maxTotalBytes = total;
  if (file !== undefined) limits.maxFileBytes = file;
  if (ratio !== undefined) limits.maxRatio = ratio;
  return limits;
}
