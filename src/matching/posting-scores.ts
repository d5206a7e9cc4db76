import {
  compilePosting,
  type CandidateSet,
  type CompileOptions,
  type CompiledPosting,
  type MatchingConfig,
  type PostingProfile,
  type RankedTop,
} from './engine';
import { priorityOf, scoreBlock } from './engine/score';
import { TopHeap } from './engine/top-heap';

/** Every seeker who may take the posting, with their fit score (0.1 steps): the residents' side. */
export interface PostingScores {
  /** Candidate-set indexes of seekers who pass every hard filter and reach minScore. */
  readonly residents: readonly number[];
  readonly scores: readonly number[];
}

export interface TwoSidedOptions extends CompileOptions {
  topN: number;
  minScore: number;
  batchSize: number;
  yieldFn?: () => Promise<void>;
}

const BLOCK = 4096;

/**
 * One pass over a posting's seekers for both sides of the match: the posting's top list (what
 * the engine's rankPostingTop returns: same filters, same heap order) and every qualifying
 * seeker's score, from which the residents' recommendation lists are kept current. Scoring is
 * most of a ranking's time, so the residents' side is read from the same pass instead of a second.
 * (rank.spec / posting-scores.spec hold the top list equal to rankPostingTop's.)
 */
export async function rankBothSides(
  posting: PostingProfile,
  cs: CandidateSet,
  config: MatchingConfig,
  opts: TwoSidedOptions,
): Promise<{ top: RankedTop; scores: PostingScores }> {
  const cp: CompiledPosting = compilePosting(posting, cs, config, opts);
  const heap = new TopHeap(opts.topN);
  const buf = new Float64Array(BLOCK);
  const residents: number[] = [];
  const scores: number[] = [];
  const yieldFn = opts.yieldFn ?? ((): Promise<void> => new Promise((resolve) => setImmediate(resolve)));
  const blend = cp.blend;
  const seekers = cs.seekers;
  const siteStart = cs.siteSeekerStart;
  const reachable = cp.siteReachable;
  let sinceYield = 0;
  for (let site = 0; site < reachable.length; site++) {
    if (reachable[site] === 0) continue;
    for (let start = siteStart[site]; start < siteStart[site + 1]; start += BLOCK) {
      const end = Math.min(siteStart[site + 1], start + BLOCK);
      if (sinceYield >= opts.batchSize) {
        await yieldFn();
        sinceYield = 0;
      }
      sinceYield += end - start;
      scoreBlock(cp, seekers, start, end, buf);
      for (let o = 0, i = start; i < end; o++, i++) {
        const raw = buf[o];
        if (raw < 0 || raw < opts.minScore - 0.1) continue; // exclusions are negative codes
        const score = Math.round(raw * 10) / 10;
        if (score < opts.minScore) continue;
        const r = seekers[i];
        residents.push(r);
        scores.push(score);
        if (blend === 0) {
          if (score >= heap.threshold) heap.offer(score, priorityOf(cp, r), cs.idRank[r], r);
        } else {
          const key = score + blend * priorityOf(cp, r);
          if (key >= heap.threshold) heap.offer(key, score, cs.idRank[r], r);
        }
      }
    }
  }
  return { top: { cp, residents: heap.sorted() }, scores: { residents, scores } };
}
