import { ENGINE_VERSION, explain, type RankedMatch, type RankedTop, type SkillNames } from '../engine';
import type { PostingScores } from '../posting-scores';
import type { RecommendationLists } from './recommendation-lists';
import type { RecommendationChanges } from './recommendation-store';

/** What one ranked posting changes in residents' recommendation lists. */
export interface RecommendationPlan {
  changes: RecommendationChanges;
  /** Residents whose full list lost ground: re-ranked whole in the same job (see MergeResult.refill). */
  refill: Set<string>;
  /** Rows the posting newly enters (job alerts, once per posting version). */
  entered: RankedMatch[];
}

export function emptyPlan(): RecommendationPlan {
  return { changes: { upserts: [], deletes: [] }, refill: new Set(), entered: [] };
}

/** What merging one posting's scores into the lists did, row by row. */
export interface MergeVisitor {
  /** The resident's row for the posting entered the list or changed in it (`r`: their index in the candidate set). */
  upsert(r: number, residentId: string, change: 'insert' | 'update'): void;
  deleted(residentId: string): void;
  /** The resident's full list lost ground (see MergeResult.refill). */
  refill(residentId: string): void;
}

/**
 * Merges a ranked posting into the recommendation lists it enters, moves in or leaves, in memory
 * (the lists are updated as it goes, so the next posting of a re-rank sees them). Most seekers
 * fall below their list's last place and cost one compare.
 */
export function mergePosting(
  lists: RecommendationLists,
  top: RankedTop,
  scores: PostingScores,
  visit: MergeVisitor,
): void {
  const cp = top.cp;
  const cs = cp.candidates;
  const posting = { id: cp.posting.id, version: cp.posting.version, engineVersion: ENGINE_VERSION };
  const holders = new Set(lists.holders(posting.id));
  const qualified = new Set<string>();
  for (let k = 0; k < scores.residents.length; k++) {
    const r = scores.residents[k];
    const score = scores.scores[k];
    const id = cs.ids[r];
    const holds = holders.has(id);
    if (holds) qualified.add(id);
    else if (score < lists.threshold(id)) continue;
    const { change, refill } = lists.merge(id, posting, score);
    if (refill) visit.refill(id);
    if (change === 'insert' || change === 'update') visit.upsert(r, id, change);
  }
  for (const id of holders) {
    if (qualified.has(id)) continue;
    const { change, refill } = lists.merge(id, posting, null);
    if (refill) visit.refill(id);
    if (change === 'delete') visit.deleted(id);
  }
}

/** mergePosting, with the rows that change explained at once (one ranked posting's plan). */
export function planRecommendations(
  lists: RecommendationLists,
  top: RankedTop,
  scores: PostingScores,
  versionOf: (residentId: string) => number,
  skillNames: SkillNames,
  into: RecommendationPlan = emptyPlan(),
): RecommendationPlan {
  const cp = top.cp;
  mergePosting(lists, top, scores, {
    upsert(r, residentId, change) {
      const match = explain(cp, r, { skillNames })!;
      into.changes.upserts.push({ match, residentVersion: versionOf(residentId) });
      if (change === 'insert') into.entered.push(match);
    },
    deleted(residentId) {
      into.changes.deletes.push({ residentId, postingId: cp.posting.id });
    },
    refill(residentId) {
      into.refill.add(residentId);
    },
  });
  return into;
}

/** The posting left every list (closed, filled, expired): its rows go, full lists are refilled. */
export function planPostingLeft(lists: RecommendationLists, postingId: string): RecommendationPlan {
  const plan = emptyPlan();
  for (const id of lists.holders(postingId)) {
    const { change, refill } = lists.merge(id, { id: postingId, version: 0, engineVersion: '' }, null);
    if (refill) plan.refill.add(id);
    if (change === 'delete') plan.changes.deletes.push({ residentId: id, postingId });
  }
  return plan;
}
