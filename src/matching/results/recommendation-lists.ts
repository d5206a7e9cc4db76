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

/** The stored row is what merging this posting's score would write: nothing to do. */
export function sameRow(
  row: { score: number; postingVersion: number; engineVersion: string },
  posting: { version: number; engineVersion: string },
  score: number,
): boolean {
  return (
    row.score === score &&
    row.postingVersion === posting.version &&
    row.engineVersion === posting.engineVersion
  );
}

/** a ranks below b: lower score, or the same score and a larger posting id. */
function worse(a: { score: number; postingId: string }, b: { score: number; postingId: string }): boolean {
  return a.score < b.score || (a.score === b.score && a.postingId > b.postingId);
}

export class RecommendationLists {
  private readonly lists = new Map<string, StoredRecommendation[]>();
  /** posting id → residents whose list holds it. */
  private readonly holdersOf = new Map<string, Set<string>>();
  /** What the database holds per resident (as loaded or last replaced): the re-rank's diff. */
  private readonly stored = new Map<string, ReadonlyMap<string, StoredRecommendation>>();
  /**
   * Per resident whose list has been full: the best last place it had while full. Everything
   * outside the list (cut off when stored, pushed out, or turned away since) ranks below it, so a
   * full list whose last place is not below it is still the resident's true top list.
   */
  private readonly highWater = new Map<string, StoredRecommendation>();
  /** Residents whose list changed since it was loaded. */
  private readonly dirty = new Set<string>();
  /**
   * One string per posting id and engine version: a county's lists are ~340k rows naming ~10k
   * postings, and each row read from the database brings its own copies.
   */
  private readonly strings = new Map<string, string>();

  constructor(readonly size: number) {}

  /** The rows read from the database (any order). Residents without rows have empty lists. */
  load(rows: readonly (StoredRecommendation & { residentId: string })[]): this {
    const touched = new Set<string>();
    for (const row of rows) {
      const residentId = row.residentId;
      // Entries are never changed in place (a merge replaces them): the stored view below and
      // the high-water marks share them.
      const entry: StoredRecommendation = {
        postingId: this.intern(row.postingId),
        postingVersion: row.postingVersion,
        score: row.score,
        engineVersion: this.intern(row.engineVersion),
      };
      const list = this.lists.get(residentId) ?? [];
      list.push(entry);
      touched.add(residentId);
      this.unloaded.delete(residentId);
      this.lists.set(residentId, list);
      this.hold(entry.postingId, residentId);
    }
    for (const id of touched) {
      const list = this.lists.get(id)!;
      list.sort((a, b) => (worse(a, b) ? 1 : worse(b, a) ? -1 : 0));
      this.stored.set(id, new Map(list.map((e) => [e.postingId, e])));
      this.markFull(id, list);
    }
    return this;
  }

  /**
   * Residents whose list was not loaded because the posting being merged cannot change it, with
   * the score a posting must reach to be merged: a full list's last place (a posting below it
   * cannot enter), or +Infinity (the list holds the posting's row exactly as it would be
   * written). Merging into such a list is refused; load it first.
   */
  private readonly unloaded = new Map<string, number>();

  /** Lists left unread (see `unloaded`), by resident; a loaded list wins. */
  skipBelow(bars: ReadonlyMap<string, number>): this {
    for (const [id, bar] of bars) if (!this.lists.has(id)) this.unloaded.set(id, bar);
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
    const floor = this.unloaded.get(residentId);
    if (floor !== undefined) return floor;
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
    if (this.unloaded.has(residentId))
      throw new Error(`recommendation list of ${residentId} merged without being loaded`);
    const result = this.mergeInto(residentId, posting, score);
    if (result.change !== 'none') {
      this.dirty.add(residentId);
      this.markFull(residentId, this.lists.get(residentId)!);
    }
    return result;
  }

  private mergeInto(
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
      if (sameRow(old, posting, score)) return { change: 'none', refill: false };
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
    this.stored.set(residentId, new Map());
    this.highWater.delete(residentId);
    this.dirty.delete(residentId);
    this.load(entries.map((e) => ({ ...e, residentId })));
  }

  /** Residents whose list changed since it was loaded (or replaced), in id order. */
  changed(): string[] {
    return [...this.dirty].sort();
  }

  /**
   * The list lost ground for good: it has been full and is now short, or its last place is below
   * the best last place it had while full, so a posting outside it may belong in it and only a
   * fresh rank-resident can tell. A list that lost entries and won as good ones back needs none.
   */
  needsRefill(residentId: string): boolean {
    const mark = this.highWater.get(residentId);
    if (!mark) return false;
    const list = this.lists.get(residentId) ?? [];
    return list.length < this.size || worse(list[list.length - 1], mark);
  }

  /**
   * What to write for a resident to turn the stored list into the current one: rows new or
   * different (with their place in the list), and stored rows no longer in it.
   */
  diff(residentId: string): {
    upserts: (StoredRecommendation & { rank: number })[];
    deletes: StoredRecommendation[];
  } {
    const stored = this.stored.get(residentId) ?? new Map<string, StoredRecommendation>();
    const list = this.lists.get(residentId) ?? [];
    const upserts: (StoredRecommendation & { rank: number })[] = [];
    const kept = new Set<string>();
    list.forEach((e, i) => {
      kept.add(e.postingId);
      const s = stored.get(e.postingId);
      if (
        !s ||
        s.score !== e.score ||
        s.postingVersion !== e.postingVersion ||
        s.engineVersion !== e.engineVersion
      )
        upserts.push({ ...e, rank: i + 1 });
    });
    const deletes = [...stored.values()].filter((s) => !kept.has(s.postingId));
    return { upserts, deletes };
  }

  /** Whether the stored list (as loaded or replaced) holds the posting. */
  wasStored(residentId: string, postingId: string): boolean {
    return this.stored.get(residentId)?.has(postingId) ?? false;
  }

  private markFull(residentId: string, list: readonly StoredRecommendation[]): void {
    if (list.length < this.size) return;
    const last = list[list.length - 1];
    const mark = this.highWater.get(residentId);
    if (!mark || worse(mark, last)) this.highWater.set(residentId, last);
  }

  private insert(list: StoredRecommendation[], entry: StoredRecommendation): void {
    let i = list.length;
    while (i > 0 && worse(list[i - 1], entry)) i--;
    list.splice(i, 0, entry);
  }

  private intern(s: string): string {
    const known = this.strings.get(s);
    if (known !== undefined) return known;
    this.strings.set(s, s);
    return s;
  }

  private hold(postingId: string, residentId: string): void {
    let set = this.holdersOf.get(postingId);
    if (!set) this.holdersOf.set(postingId, (set = new Set()));
    set.add(residentId);
  }
}
