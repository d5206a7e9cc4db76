import type { CandidateSet } from './candidate-set';
import { compilePosting, compileShared, type CompileOptions, type CompiledPosting } from './compiled-posting';
import { explain } from './explain';
import type { RankOptions } from './rank';
import { roundScore, scoreBlock } from './score';
import { TopHeap } from './top-heap';
import type { MatchingConfig, PostingProfile, RankedMatch } from './types';

/*
 * The resident's side: postings compiled once into a set, the best of them for one resident, and
 * the postings a training course would open (skillGaps).
 */

/** Postings compiled once against a candidate set, for ranking residents the other way round. */
export interface PostingSet {
  readonly candidates: CandidateSet;
  readonly postings: readonly CompiledPosting[];
  /** Position of each posting id in the sorted id list (tie-break). */
  readonly idRank: Uint32Array;
}

export function buildPostingSet(
  postings: readonly PostingProfile[],
  candidates: CandidateSet,
  config: MatchingConfig,
  opts: CompileOptions = {},
): PostingSet {
  const shared = compileShared(config, opts);
  const compiled = postings.map((p) => compilePosting(p, candidates, config, opts, shared));
  const order = postings.map((_, i) => i).sort((a, b) => (postings[a].id < postings[b].id ? -1 : 1));
  const idRank = new Uint32Array(postings.length);
  order.forEach((i, rank) => (idRank[i] = rank));
  return { candidates, postings: compiled, idRank };
}

/** The best postings for resident `residentIndex` of the posting set's candidate set. */
export function rankResident(
  residentIndex: number,
  set: PostingSet,
  config: MatchingConfig,
  opts: Omit<RankOptions, keyof CompileOptions> = {},
): RankedMatch[] {
  const heap = new TopHeap(opts.topN ?? config.thresholds.topNPerResident);
  const minScore = opts.minScore ?? config.thresholds.minScore;
  const out = new Float64Array(1);
  const r = residentIndex;
  const one = Uint32Array.of(r);
  for (let i = 0; i < set.postings.length; i++) {
    scoreBlock(set.postings[i], one, 0, 1, out);
    const raw = out[0];
    if (raw < 0) continue;
    const score = roundScore(raw);
    if (score < minScore) continue;
    // Priority is the resident's own and the same for every posting: rank by score, then posting id.
    heap.offer(score, 0, set.idRank[i], i);
  }
  return heap
    .sorted()
    .map((i, k) => explain(set.postings[i], r, { skillNames: opts.skillNames, rank: k + 1 })!);
}

export interface SkillGap {
  postingId: string;
  postingVersion: number;
  /** Required skills not held at the required level. */
  missing: { code: string; minLevel: number; level: number }[];
  /** Fit score today (with the gap). */
  score: number;
}

/**
 * Postings the resident misses by 1…maxMissing required skills while every hard filter passes:
 * the skills a training course would unlock. Fewest missing first, then score desc, then posting id.
 */
export function skillGaps(
  residentIndex: number,
  set: PostingSet,
  opts: { maxMissing?: number; limit?: number } = {},
): SkillGap[] {
  const maxMissing = opts.maxMissing ?? 2;
  const out = new Float64Array(1);
  const cs = set.candidates;
  const r = residentIndex;
  const one = Uint32Array.of(r);
  const found: { gap: SkillGap; rank: number }[] = [];
  set.postings.forEach((cp, i) => {
    scoreBlock(cp, one, 0, 1, out);
    const raw = out[0];
    if (raw < 0) return;
    const missing: SkillGap['missing'] = [];
    cp.posting.requiredSkills.forEach((s, j) => {
      const off = cp.reqOff[j];
      const level = off < 0 ? 0 : cs.skillLevels[off + r];
      if (level < cp.reqMin[j]) missing.push({ code: s.code, minLevel: cp.reqMin[j], level });
    });
    if (missing.length === 0 || missing.length > maxMissing) return;
    found.push({
      gap: { postingId: cp.posting.id, postingVersion: cp.posting.version, missing, score: roundScore(raw) },
      rank: set.idRank[i],
    });
  });
  found.sort(
    (a, b) => a.gap.missing.length - b.gap.missing.length || b.gap.score - a.gap.score || a.rank - b.rank,
  );
  const list = found.map((f) => f.gap);
  return opts.limit !== undefined ? list.slice(0, opts.limit) : list;
}
