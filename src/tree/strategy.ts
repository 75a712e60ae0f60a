/**
 * Per-path content strategies: how a file that both sides changed is merged. A rules file (src/rules/) maps path
 * patterns to these; the tree merge asks `strategyFor(path)` and switches over the result exhaustively.
 *
 * - merge: three-way line merge; conflicting hunks become marker blocks (the default).
 * - mine / theirs: three-way line merge in which each *conflicting hunk* takes that side's lines, as git's
 *   `-X ours` / `-X theirs` (xdl_merge favor). Non-conflicting changes of the other side are kept: a vendor fix
 *   elsewhere in the admin's own file still arrives. Not a whole-file choice (that is `resolve --mine`).
 * - union: both sides' lines of each conflicting hunk, mine first (git's union driver), for lists such as
 *   localisation files.
 * - binary: never merged as text; changed on both sides → a binary conflict (theirs in, mine kept aside).
 */

import type { Wording } from './status';

import type { Granularity } from '../formats/cascade';

export type Strategy = 'merge' | 'mine' | 'theirs' | 'union' | 'binary';

export const STRATEGIES: readonly Strategy[] = ['merge', 'mine', 'theirs', 'union', 'binary'];

/** The rule that chose a strategy: its position in the rules list and where it is written. */
export interface RuleRef {
  /** 0-based index in the rules list. */
  index: number;
  pattern: string;
  strategy: Strategy;
  /** The rules file and the rule's line:column in it. */
  source: string;
  /** The rule's "granularity" (below the line, formats/cascade.ts), overriding --granularity for its paths. */
  granularity?: Granularity;
}

export interface StrategyChoice {
  strategy: Strategy;
  /** Absent when no rule matched (the default 'merge'). */
  rule?: RuleRef;
  granularity?: Granularity;
}

export type StrategyFor = (path: string) => StrategyChoice;

export const DEFAULT_STRATEGY: StrategyChoice = { strategy: 'merge' };

export const STRATEGY_LABELS: Record<Strategy, Wording> = {
  merge: { en: 'three-way merge', ru: 'трёхстороннее слияние' },
  mine: {
    en: 'three-way merge, conflicting lines settled in favour of yours',
    ru: 'трёхстороннее слияние, спорные строки решены в пользу ваших',
  },
  theirs: {
    en: "three-way merge, conflicting lines settled in favour of the vendor's",
    ru: 'трёхстороннее слияние, спорные строки решены в пользу поставщика',
  },
  union: {
    en: 'three-way merge, conflicting lines of both sides kept (yours first)',
    ru: 'трёхстороннее слияние, спорные строки обеих сторон сохранены (сначала ваши)',
  },
  binary: { en: 'never merged as text', ru: 'не сливается построчно' },
};
