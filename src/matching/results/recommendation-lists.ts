/**
 * Residents' stored recommendation lists (resident_recommendation) held in memory while postings
 * are ranked, so each ranked posting can be merged into the lists it enters or leaves without
 * re-ranking the residents. A list is what rank-resident stores: the resident's best open
 * postings by score desc, then posting id, cut at `size`. The database stays the authority
 * (RecommendationStore renumbers and cuts in SQL); this decides which rows to write.
 */

export interface StoredRecommendation {
  postingId: string;
  postingVersion: number;
  score: number;
  engineVersion: string;
}

export type RecommendationChange = 'insert' | 'update' | 'delete' | 'none';

export interface MergeResult {
  change: RecommendationChange;
  /**
   * The list was full and lost ground (the posting left it or fell below its last place): a
   * posting that was cut off may now belong in it, which only a fresh rank-resident can tell.
   */
  refill: boolean;
}

/** a ranks below b: lower score, or the same score and a larger posting id. */
function worse(a: { score: number; postingId: string }, b: { score: number; postingId: string }): boolean {
  return a.score < b.score || (a.score === b.score && a.postingId > b.postingId);
}

export class RecommendationLists {
  private readonly lists = new Map<string, StoredRecommendation[]>();
  /** posting id → residents whose list holds it. */
  private readonly holdersOf = new Map<string, Set<string>>();

  constructor(readonly size: number) {}

  /** The rows read from the database (any order). Residents without rows have empty lists. */
  load(rows: readonly (StoredRecommendation & { residentId: string })[]): this {
    const touched = new Set<StoredRecommendation[]>();
    for (const row of rows) {
      const { residentId, ...entry } = row;
      const list = this.lists.get(residentId) ?? [];
      list.push(entry);
      touched.add(list);
      this.lists.set(residentId, list);
      this.hold(entry.postingId, residentId);
    }
    for (const list of touched) list.sort((a, b) => (worse(a, b) ? 1 : worse(b, a) ? -1 : 0));
    return this;
  }

  /** Residents whose list holds the posting now. */
  holders(postingId: string): string[] {
    return [...(this.holdersOf.get(postingId) ?? [])];
  }

  /**
   * The lowest score a posting needs to enter the resident's list (−Infinity while it is not
   * full): a cheap first test before `merge` for the thousands of seekers a posting scores.
   */
  threshold(residentId: string): number {
    const list = this.lists.get(residentId);
    return !list || list.length < this.size ? -Infinity : list[list.length - 1].score;
  }

  list(residentId: string): readonly StoredRecommendation[] {
    return this.lists.get(residentId) ?? [];
  }

  /**
   * Merges the posting's new score for the resident (null: it no longer qualifies) into their
   * list and says what to write. The list is assumed complete: when it is shorter than `size`,
   * every qualifying posting in reach is in it.
   */
  merge(
    residentId: string,
    posting: { id: string; version: number; engineVersion: string },
    score: number | null,
  ): MergeResult {
    const list = this.lists.get(residentId) ?? [];
    const at = list.findIndex((e) => e.postingId === posting.id);
    const full = list.length >= this.size;
    if (score === null) {
      if (at < 0) return { change: 'none', refill: false };
      list.splice(at, 1);
      this.holdersOf.get(posting.id)?.delete(residentId);
      return { change: 'delete', refill: full };
    }
    const entry: StoredRecommendation = {
      postingId: posting.id,
      postingVersion: posting.version,
      score,
      engineVersion: posting.engineVersion,
    };
    if (at >= 0) {
      const old = list[at];
      if (
        old.score === score &&
        old.postingVersion === posting.version &&
        old.engineVersion === posting.engineVersion
      )
        return { change: 'none', refill: false };
      const refill = full && worse(entry, list[list.length - 1]);
      list.splice(at, 1);
      this.insert(list, entry);
      return { change: 'update', refill };
    }
    if (full && !worse(list[list.length - 1], entry)) return { change: 'none', refill: false };
    this.insert(list, entry);
    this.lists.set(residentId, list);
    this.hold(posting.id, residentId);
    if (list.length > this.size) {
      const dropped = list.pop()!;
      this.holdersOf.get(dropped.postingId)?.delete(residentId);
    }
    return { change: 'insert', refill: false };
  }

  /** Forgets a resident's list (after it was rebuilt by a fresh rank-resident). */
  replace(residentId: string, entries: readonly StoredRecommendation[]): void {
    for (const e of this.lists.get(residentId) ?? []) this.holdersOf.get(e.postingId)?.delete(residentId);
    this.lists.set(residentId, []);
    this.load(entries.map((e) => ({ ...e, residentId })));
  }

  private insert(list: StoredRecommendation[], entry: StoredRecommendation): void {
    let i = list.length;
    while (i > 0 && worse(list[i - 1], entry)) i--;
    list.splice(i, 0, entry);
  }

  private hold(postingId: string, residentId: string): void {
    let set = this.holdersOf.get(postingId);
    if (!set) this.holdersOf.set(postingId, (set = new Set()));
    set.add(residentId);
  }
}
