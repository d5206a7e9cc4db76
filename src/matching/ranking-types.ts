import type { RankedMatch } from './engine';
import type { NotifyOutcome } from './match-notifier';
import type { LoadedPosting } from './loaders/posting.loader';
import type { RecommendationPlan } from './results/recommendation-plan';

/** What RankingService's jobs return (re-exported by ranking.service, where importers take them). */
export type RankSkip = 'stale' | 'not_open' | 'missing';

export interface RankPostingOutcome {
  skipped?: RankSkip;
  candidates?: number;
  stored?: number;
  notified?: NotifyOutcome;
  /** Milliseconds spent loading candidates, ranking them, and storing + notifying (job return value). */
  loadMs?: number;
  rankMs?: number;
  storeMs?: number;
  ms?: number;
}

export interface RerankOutcome {
  postings: number;
  ranked: number;
  /** Ranked, and equal to the stored list: nothing written. */
  unchanged: number;
  stored: number;
  skipped: number;
  candidates: number;
  ms: number;
  /**
   * Where the time went (ms): loading candidates, ranking, explaining, storing lists, notifying.
   * Storing and notifying of one chunk overlap ranking the next, so the parts add up to more.
   */
  time: RerankTime;
}

export interface RerankTime {
  load: number;
  rank: number;
  explain: number;
  store: number;
  notify: number;
  /** The residents' side, written once per batch after its postings' lists (refills included). */
  residents: number;
}

export interface RankResidentOutcome {
  skipped?: RankSkip;
  recommendations?: number;
  gaps?: number;
  ms?: number;
}

/** A posting's ranked list, waiting to be stored. */
export interface RankedPosting {
  loaded: LoadedPosting;
  /** The version ranked: stored only if it is still the posting's current version. */
  version: number;
  results: RankedMatch[];
  /** The list's fingerprint (listHash), stored with it. */
  hash: string;
  /** False when the stored list has this fingerprint already: only the residents' side is written. */
  listChanged: boolean;
  /** What the posting changes in residents' recommendation lists (both sides of each match agree). */
  recommendations: RecommendationPlan;
}
