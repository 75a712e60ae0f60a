/**
 * The contract between the text strategy (tree/merge-text.ts) and the finer mergers below the line.
 *
 * The line merge (merge3, git-identical) runs first. Only when it leaves conflicts does the cascade ask a finer
 * merger for the file's kind; its answer is taken only when it is clean and passes the format check
 * (`FormatCheck`), otherwise the line conflict stays exactly as the line merge gave it. Every merger is a pure
 * function of its input: no I/O, no clock other than the budget it is given.
 *
 * Texts are decoded (no BOM) and keep their own line terminators; a merger must return text whose untouched parts
 * are byte-for-byte as the sides had them (formatting, key order, indentation, EOL, final newline).
 */

/** How a file (or a region of it) was merged: reported per file. Ordered coarse → fine. */
export type MergeLevelUsed = 'lines' | 'tokens' | 'json' | 'css' | 'html' | 'js' | 'yaml' | 'markdown';

/** A file kind picks the structured merger and the format check. */
export type FileKind = 'json' | 'css' | 'html' | 'xml' | 'js' | 'ts' | 'jsx' | 'yaml' | 'markdown' | 'text';

/** Limits for one merger call; exceeded → `declined` with reason 'budget' (the caller notes it). */
export interface MergeBudget {
  /** Largest input (sum of the three texts, in UTF-16 code units) this merger accepts. */
  maxChars: number;
  /** Time limit in milliseconds, checked between steps (as mergiraf's 10 s). */
  maxMillis: number;
  /** A clock, injectable for tests; defaults to Date.now. */
  now?: () => number;
}

/** Three decoded texts. `base` is '' for add/add; a two-way merge (no base) never reaches a structured merger. */
export interface TextTriple {
  base: string;
  mine: string;
  theirs: string;
}

export type StructuredResult =
  /** Merged without conflict: the whole file's text. */
  | { kind: 'clean'; text: string }
  /**
   * Not merged at this level: the inputs did not parse, a real conflict (the same key changed differently), or
   * the budget ran out. `reason` is for the report's note, English; `ru` its Russian wording.
   */
  | { kind: 'declined'; reason: 'parse' | 'conflict' | 'budget' | 'unsupported'; en: string; ru: string };

/** A whole-file structured merger for one file kind (json.ts, css.ts, html.ts; insertions.ts for JS/TS, YAML, Markdown). */
export interface StructuredMerger {
  readonly level: Exclude<MergeLevelUsed, 'lines' | 'tokens'>;
  merge(t: TextTriple, budget: MergeBudget): StructuredResult;
}

/** Why a clean merged text is wrong for its format, in both languages (becomes a note and a conflict). */
export interface CheckFailure {
  en: string;
  ru: string;
}

/**
 * A format check of a clean merge result: null when it is fine. `inputs` are the sides that exist, so a check can
 * allow what an input already had (a duplicate key that base already held is not the merge's fault).
 */
export type FormatCheck = (merged: string, inputs: readonly string[]) => CheckFailure | null;
