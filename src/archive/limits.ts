/**
 * Safety limits for reading, so a zip bomb or a wrong input (a whole disk image) fails fast with a message that
 * names the option to raise, instead of exhausting memory.
 */
import { CabinetError, Message } from '../errors';
import { ruWord } from '../report/plural';
import type { Where } from './names';

export interface ReadOptions {
  /** Most files plus folders in one input. A large cabinet has a few thousand. Default 50,000. */
  maxEntries?: number;
  /** Most uncompressed bytes in one input; the whole tree is held in memory. Default 1 GiB. */
  maxTotalBytes?: number;
  /**
   * Most uncompressed bytes of one file. Merging a text file holds about 7× its three sides in memory (lines,
   * interning, the rendered and encoded output): 1.3 GB for a 60 MB file on each side, 4.4 GB for a 200 MB one.
   * Real cabinets' largest files are 16 MB single-file pages, so a bigger file is refused with a message naming
   * --max-file-size rather than risk exhausting memory (docs/performance.md). Default 64 MiB.
   */
  maxFileBytes?: number;
  /** Highest uncompressed/compressed ratio of one zip entry of at least ratioMinBytes. Default 1000. */
  maxRatio?: number;
  /** Entries smaller than this are not ratio-checked (small text compresses well and is harmless). Default 1 MiB. */
  ratioMinBytes?: number;
}

export type Limits = Required<ReadOptions>;

export const DEFAULT_LIMITS: Limits = {
  maxEntries: 50_000,
  maxTotalBytes: 1024 * 1024 * 1024,
  maxFileBytes: 64 * 1024 * 1024,
  maxRatio: 1000,
  ratioMinBytes: 1024 * 1024,
};

export function resolveLimits(options: ReadOptions = {}): Limits {
  return {
    maxEntries: options.maxEntries ?? DEFAULT_LIMITS.maxEntries,
    maxTotalBytes: options.maxTotalBytes ?? DEFAULT_LIMITS.maxTotalBytes,
    maxFileBytes: options.maxFileBytes ?? DEFAULT_LIMITS.maxFileBytes,
    maxRatio: options.maxRatio ?? DEFAULT_LIMITS.maxRatio,
    ratioMinBytes: options.ratioMinBytes ?? DEFAULT_LIMITS.ratioMinBytes,
  };
}

/** The command-line option that raises each limit (cli/limit-args.ts). */
const LIMIT_FLAGS: Record<keyof ReadOptions, string> = {
  maxEntries: '--max-entries',
  maxTotalBytes: '--max-total-size',
  maxFileBytes: '--max-file-size',
  maxRatio: '--max-ratio',
  ratioMinBytes: '--max-ratio',
};

/** An 'input-limit' error: what was found, the limit, and the option that raises it. */
export function limitError(option: keyof ReadOptions, found: Message, limit: number): CabinetError {
  return new CabinetError('input-limit', {
    en:
      `${found.en}, over the limit of ${limit} (option ${LIMIT_FLAGS[option]}). ` +
      'If this really is a cabinet export, raise the limit; otherwise check that you passed the right file',
    ru:
      `${found.ru}, больше предела ${limit} (параметр ${LIMIT_FLAGS[option]}). ` +
      'Если это действительно выгрузка кабинета, увеличьте предел; иначе проверьте, тот ли файл указан',
  });
}

/** Counts entries and bytes as they are accepted, throwing as soon as a limit is passed. */
export class Budget {
  private entries = 0;
  private bytes = 0;

  constructor(readonly limits: Limits) {}

  addEntry(): void {
    this.entries++;
    const limit = this.limits.maxEntries;
    if (this.entries > limit) {
      throw limitError(
        'maxEntries',
        { en: `more than ${limit} files and folders`, ru: `больше ${limit} ${ruWord(limit, { one: 'файла и папки', few: 'файлов и папок', many: 'файлов и папок' })}` },
        limit,
      );
    }
  }

  /** One file of `n` uncompressed bytes: counted as addBytes does (the total is checked first), then maxFileBytes. */
  addFile(n: number, where: Where): void {
    this.addBytes(n);
    const limit = this.limits.maxFileBytes;
    if (n > limit) {
      throw limitError(
        'maxFileBytes',
        { en: `${where.en} is ${n} bytes uncompressed`, ru: `${where.ru}: ${n} байт в распакованном виде` },
        limit,
      );
    }
  }

  addBytes(n: number): void {
    this.bytes += n;
    if (this.bytes > this.limits.maxTotalBytes) {
      const limit = this.limits.maxTotalBytes;
      throw limitError(
        'maxTotalBytes',
        { en: `more than ${limit} bytes uncompressed`, ru: `больше ${limit} байт в распакованном виде` },
        limit,
      );
    }
  }
}
