/**
 * Typed errors. Every error a user can cause is a CabinetError: it carries the exit code, a message in English
 * and in Russian that says what to do, and optional details shown only with --verbose. Only src/cli/run.ts
 * turns an error into output and an exit code.
 */

export const EXIT_CLEAN = 0;
export const EXIT_CONFLICTS = 1;
export const EXIT_ERROR = 2;

/** A closed list of error kinds, so docs/errors.md and the tests can enumerate them. */
export type ErrorCode =
  | 'usage'
  | 'input-missing'
  | 'input-unreadable'
  | 'input-not-archive'
  | 'input-corrupt'
  /** A valid zip using a feature cabinet-merge does not read: encryption, a compression method other than
   * Stored/Deflate, a split (multi-volume) archive. Not damage: re-packing fixes it. */
  | 'input-unsupported'
  | 'input-unsafe'
  | 'input-limit'
  /** A side with no files at all (an empty zip, only folders): refused unless --allow-empty. */
  | 'input-empty'
  | 'output-exists'
  | 'output-invalid'
  | 'output-failed'
  | 'baseline-missing'
  | 'store-failed'
  /** A rules file (cabinet-merge.json or --rules) that cannot be read or used; the message has line:column. */
  | 'rules-invalid'
  /** A working folder without a usable .cabinet-merge/ state, or a path in it that is not a recorded conflict. */
  | 'workdir-invalid'
  | 'internal';

export interface Message {
  en: string;
  ru: string;
}

export class CabinetError extends Error {
  readonly code: ErrorCode;
  readonly exitCode: number;
  readonly ru: string;
  readonly details?: string;

  constructor(code: ErrorCode, message: Message, options: { details?: string; cause?: unknown } = {}) {
    super(message.en, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'CabinetError';
    this.code = code;
    this.exitCode = EXIT_ERROR;
    this.ru = message.ru;
    this.details = options.details;
  }

  /** The message in the user's language. */
  localized(lang: 'en' | 'ru'): string {
    return lang === 'ru' ? this.ru : this.message;
  }

  /**
   * The same error with context in front ("mine.zip: entry 'css/a.css': ..."), as each layer adds what it knows.
   */
  withContext(prefix: string): CabinetError {
    return new CabinetError(
      this.code,
      { en: `${prefix}: ${this.message}`, ru: `${prefix}: ${this.ru}` },
      { details: this.details, cause: this.cause },
    );
  }
}

export function isCabinetError(e: unknown): e is CabinetError {
  return e instanceof CabinetError;
}
