import type { CandidateSet } from './candidate-set';
import { compilePosting, type CompileOptions, type CompiledPosting } from './compiled-posting';
import { explain } from './explain';
import type { SkillNames } from './reason';
import { evaluate, priorityOf, roundScore, scoreBlock } from './score';
import { TopHeap } from './top-heap';
import type { MatchingConfig, PostingProfile, RankedMatch } from './types';

/*
 * The best residents for a posting: every seeker scored into a bounded heap (the hot loop), then
 * the kept rows explained (explain.ts). The other way round, postings for a resident, is
 * rank-resident.ts.
 */

export interface RankOptions extends CompileOptions {
  /** How many results to keep; default config.thresholds.topNPerPosting (per resident for rankResident). */
  topN?: number;
  /** Fit scores below this are dropped; default config.thresholds.minScore. */
  minScore?: number;
  /** Skill code → names, for the reason text. */
  skillNames?: SkillNames;
}

export interface BatchOptions extends RankOptions {
  /** Residents (seeking work) scored between two yields. Default 20 000 (a few ms of CPU). */
  batchSize?: number;
  /** Awaited between batches so the event loop (BullMQ lock renewal) runs. Default: a setImmediate turn. */
  yieldFn?: () => Promise<void>;
}

/**
 * How many residents a posting's list keeps: candidatesPerOpening for each place still open,
 * never fewer than minTopNPerPosting nor more than topNPerPosting. Officers refer a few people
 * per place; a list of 200 for a single vacancy is rows nobody reads, rewritten every night.
 */
export function postingListSize(config: MatchingConfig, openings: number): number {
  const t = config.thresholds;
  const wanted = t.candidatesPerOpening * Math.max(1, Math.floor(openings));
  return Math.min(t.topNPerPosting, Math.max(t.minTopNPerPosting, wanted));
}

const defaultYield = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

const BLOCK = 4096;

/**
 * Scores seekers[from … to) into the heap, a block at a time (no allocation per resident). Residents
 * not seeking work are not in `seekers` (the first hard filter, the same for every posting), and the
 * seekers of a site no one of them could commute from are skipped whole (the commute filter decided
 * per site); every other resident goes through all filters in scoreBlock.
 */
function scoreRange(
  cp: CompiledPosting,
  from: number,
  to: number,
  heap: TopHeap,
  minScore: number,
  buf: Float64Array,
): void {
  const cs = cp.candidates;
  const idRank = cs.idRank;
  const seekers = cs.seekers;
  const siteStart = cs.siteSeekerStart;
  const reachable = cp.siteReachable;
  const blend = cp.blend;
  for (let site = 0; site < reachable.length; site++) {
    if (reachable[site] === 0) continue;
    const lo = Math.max(from, siteStart[site]);
    const hi = Math.min(to, siteStart[site + 1]);
    for (let start = lo; start < hi; start += BLOCK) {
      const end = Math.min(hi, start + BLOCK);
      scoreBlock(cp, seekers, start, end, buf);
      for (let o = 0, i = start; i < end; o++, i++) {
        const raw = buf[o];
        if (raw < 0 || raw < minScore - 0.1) continue; // exclusions are negative codes
        const score = Math.round(raw * 10) / 10;
        if (score < minScore) continue;
        const r = seekers[i];
        if (blend === 0) {
          if (score < heap.threshold) continue;
          heap.offer(score, priorityOf(cp, r), idRank[r], r);
        } else {
          const key = score + blend * priorityOf(cp, r);
          if (key < heap.threshold) continue;
          heap.offer(key, score, idRank[r], r);
        }
      }
    }
  }
}

function compiled(
  posting: PostingProfile | CompiledPosting,
  candidates: CandidateSet,
  config: MatchingConfig,
  opts: CompileOptions,
): CompiledPosting {
  if (!('candidates' in posting)) return compilePosting(posting, candidates, config, opts);
  if (posting.candidates !== candidates)
    throw new Error('posting was compiled against another candidate set');
  return posting;
}

/**
 * The best residents for a posting: hard filters, fit score, top N by a bounded heap (score desc,
 * then priority desc, then resident id — or the configured blend), each with components and reason.
 */
export function rankPosting(
  posting: PostingProfile | CompiledPosting,
  candidates: CandidateSet,
  config: MatchingConfig,
  opts: RankOptions = {},
): RankedMatch[] {
  return explainTop(scorePosting(posting, candidates, config, opts), opts.skillNames);
}

/**
 * The ranking half of rankPosting, in one go: filters, scores and the bounded heap, without
 * components and reasons (explainTop adds them). rankPosting = explainTop(scorePosting(…)).
 */
export function scorePosting(
  posting: PostingProfile | CompiledPosting,
  candidates: CandidateSet,
  config: MatchingConfig,
  opts: RankOptions = {},
): RankedTop {
  const cp = compiled(posting, candidates, config, opts);
  const heap = new TopHeap(opts.topN ?? config.thresholds.topNPerPosting);
  const to = candidates.seekers.length;
  scoreRange(cp, 0, to, heap, opts.minScore ?? config.thresholds.minScore, new Float64Array(BLOCK));
  return { cp, residents: heap.sorted() };
}

/** rankPosting in batches, awaiting `yieldFn` between them so a long ranking never blocks the event loop. */
export async function rankPostingBatched(
  posting: PostingProfile | CompiledPosting,
  candidates: CandidateSet,
  config: MatchingConfig,
  opts: BatchOptions = {},
): Promise<RankedMatch[]> {
  return explainTop(await rankPostingTop(posting, candidates, config, opts), opts.skillNames);
}

/** A posting's top list before it is explained: residents (candidate-set indexes) in rank order. */
export interface RankedTop {
  readonly cp: CompiledPosting;
  readonly residents: readonly number[];
}

/**
 * The ranking half of rankPostingBatched: filters, scores and the bounded heap, without building
 * components and reasons. A caller that can tell from `topSummary` that the list did not change
 * (the nightly re-rank) skips explaining and storing it.
 */
export async function rankPostingTop(
  posting: PostingProfile | CompiledPosting,
  candidates: CandidateSet,
  config: MatchingConfig,
  opts: BatchOptions = {},
): Promise<RankedTop> {
  const cp = compiled(posting, candidates, config, opts);
  const heap = new TopHeap(opts.topN ?? config.thresholds.topNPerPosting);
  const buf = new Float64Array(BLOCK);
  const minScore = opts.minScore ?? config.thresholds.minScore;
  const batch = Math.max(1, opts.batchSize ?? 20_000);
  const yieldFn = opts.yieldFn ?? defaultYield;
  const seekers = candidates.seekers.length;
  for (let from = 0; from < seekers; from += batch) {
    if (from > 0) await yieldFn();
    scoreRange(cp, from, Math.min(seekers, from + batch), heap, minScore, buf);
  }
  return { cp, residents: heap.sorted() };
}

/** Components and reasons for a top list (what is stored and shown). */
export function explainTop(top: RankedTop, skillNames?: SkillNames): RankedMatch[] {
  return top.residents.map((r, i) => explain(top.cp, r, { skillNames, rank: i + 1 })!);
}

/**
 * Everything a stored list's rows are computed from, per resident, in rank order: id, score,
 * priority, site, distance, the trip and the household flags the reason mentions. Equal summaries (with
 * the same posting version, engine, configuration and skill names) give equal stored rows.
 */
export function topSummary(top: RankedTop): (string | number)[][] {
  const cp = top.cp;
  const cs = cp.candidates;
  return top.residents.map((r) => [
    cs.ids[r],
    roundScore(evaluate(cp, r)),
    priorityOf(cp, r),
    cs.siteIds[cs.siteIndex[r]],
    Math.round(cp.siteDist[cs.siteIndex[r]] * 10),
    // The trip, and its words: an officer's new record changes the stored reason.
    cp.siteMinutes[cs.siteIndex[r]],
    cp.siteTrips?.[cs.siteIndex[r]].source ?? 'estimate',
    cp.siteTrips?.[cs.siteIndex[r]].text ?? '',
    cs.flags[r],
    cs.monitoring[r],
  ]);
}
