import { explain, type CompiledPosting, type RankedMatch, type SkillNames } from '../engine';
import type { RecommendationLists } from './recommendation-lists';
import type { RecommendationChanges } from './recommendation-store';

/** What a chunk of a re-rank batch's residents writes: rows, job alerts, and lists to refill. */
export interface ResidentSideChanges {
  changes: RecommendationChanges;
  /** Rows newly in a resident's list (not in the list as stored): job alerts. */
  entered: RankedMatch[];
  /** Residents whose list lost ground for good: re-ranked whole instead (rank-resident's list). */
  refill: string[];
}

/** A resident's recommendation row, by resident and posting. */
export function rowKey(residentId: string, postingId: string): string {
  return `${residentId} ${postingId}`;
}

/** Where residentSideChanges finds a row's explained match, by rowKey (a Map will do). */
export interface ExplainedRows {
  get(key: string): RankedMatch | undefined;
}

/**
 * The rows a re-rank batch's postings merged into residents' lists, explained only when written.
 * On a first night most rows a posting enters are pushed out again by a later posting of the
 * batch; explaining each as it entered cost the time and the memory of rows never written.
 * The compiled posting and candidate set are the batch's own and do not change, so a row
 * explained here is the row explained when it was merged.
 */
export class MergedRows implements ExplainedRows {
  private readonly rows = new Map<string, { cp: CompiledPosting; r: number }>();

  constructor(private readonly skillNames: SkillNames) {}

  add(residentId: string, cp: CompiledPosting, r: number): void {
    this.rows.set(rowKey(residentId, cp.posting.id), { cp, r });
  }

  get(key: string): RankedMatch | undefined {
    const row = this.rows.get(key);
    return row ? (explain(row.cp, row.r, { skillNames: this.skillNames }) ?? undefined) : undefined;
  }
}

/**
 * The residents' side of a re-rank batch for some residents, from the lists as the batch left them
 * in memory: each list's difference with what is stored. Rows of postings no longer valid (their
 * version changed since they were ranked, or they closed) are left out, both ways; a row whose
 * explained match is missing is not written.
 */
export function residentSideChanges(
  residentIds: readonly string[],
  lists: RecommendationLists,
  /** The explained rows the batch's postings produced, by rowKey. */
  explained: ExplainedRows,
  /** The batch's postings still valid to write. */
  valid: { has(postingId: string): boolean },
  /** The resident version ranked, when the batch loaded the resident. */
  versionOf: (residentId: string) => number | undefined,
): ResidentSideChanges {
  const changes: RecommendationChanges = { upserts: [], deletes: [] };
  const entered: RankedMatch[] = [];
  const refill: string[] = [];
  for (const id of residentIds) {
    if (lists.needsRefill(id)) {
      refill.push(id);
      continue;
    }
    const version = versionOf(id);
    const { upserts, deletes } = lists.diff(id);
    for (const u of upserts) {
      const match = explained.get(rowKey(id, u.postingId));
      if (!match || !valid.has(u.postingId)) continue;
      changes.upserts.push({ match, residentVersion: version ?? 0, rank: u.rank });
      if (!lists.wasStored(id, u.postingId)) entered.push(match);
    }
    // Rows pushed out by better ones go with the renumbering's cut; rows of the batch's
    // postings that no longer qualify go here (not over a newer profile's list).
    for (const d of deletes)
      if (valid.has(d.postingId))
        changes.deletes.push({ residentId: id, postingId: d.postingId, residentVersion: version });
  }
  return { changes, entered, refill };
}
