import type { EntityManager } from 'typeorm';
import type { LoadedResident } from './candidate.loader';

/** A cache that has not synchronised for this long starts over (changes are pruned after 3 h). */
export const SEEKER_CACHE_MAX_IDLE_MS = 60 * 60_000;

export interface SeekerCacheStats {
  sites: number;
  seekers: number;
  hits: number;
  misses: number;
  invalidated: number;
  resets: number;
}

/**
 * The job seekers of each resettlement site, kept in the worker between ranking jobs: loading them
 * was most of a rank-posting job's time (test/bench). A site's list is dropped as soon as
 * matching_change holds a row for it that the cache's last PostgreSQL snapshot did not see —
 * the rows are written by triggers on every table the engine reads about a resident, so no
 * writer can bypass it (migration MatchingChangeLog).
 *
 * Why snapshots rather than "the highest id seen": ids are handed out when a transaction writes,
 * not when it commits, so a transaction that commits late can hold a lower id than one already
 * seen. A snapshot says exactly which transactions were visible: everything not visible in the
 * last one is new. The sync reads the changes and takes the new snapshot in one statement, and
 * sites are loaded after it, so a load is never older than the snapshot that vouches for it.
 *
 * Bounded by `maxSeekers` (least recently used sites go first); one per process, shared by the
 * process's concurrent jobs; syncs are serialised so two jobs never race to replace the state.
 */
export class SeekerCache {
  private readonly bySite = new Map<string, LoadedResident[]>();
  private held = 0;
  private snapshot: string | null = null;
  private syncedAt = 0;
  private syncing: Promise<void> = Promise.resolve();
  /*
   * Generations guard loads that were in flight while a later sync saw a change: each sync is a
   * generation; a site changed (or everything, on a reset) at a generation later than the one a
   * load started from is returned to that job but not cached — it may predate the change.
   */
  private generation = 0;
  private resetAt = 0;
  private readonly changedAt = new Map<string, number>();
  private readonly counters = { hits: 0, misses: 0, invalidated: 0, resets: 0 };
  private reach: { generation: number; bySite: Map<string, number> } | null = null;

  constructor(
    private readonly maxSeekers: number,
    private readonly load: (siteIds: string[], m: EntityManager) => Promise<LoadedResident[]>,
    private readonly now: () => number = Date.now,
  ) {}

  get enabled(): boolean {
    return this.maxSeekers > 0;
  }

  stats(): SeekerCacheStats {
    return { sites: this.bySite.size, seekers: this.held, ...this.counters };
  }

  /**
   * The farthest commute stated by a seeker of each site (which sites a posting can reach), kept
   * like a site's list: loaded after a sync, reused until any site changes. The grouped scan
   * behind it was a third of a rank-posting job's load time (test/bench).
   */
  async maxCommuteBySite(
    m: EntityManager,
    load: (m: EntityManager) => Promise<Map<string, number>>,
  ): Promise<Map<string, number>> {
    if (!this.enabled) return load(m);
    const generation = await this.sync(m);
    if (this.reach && this.reach.generation === generation) {
      this.counters.hits += 1;
      return this.reach.bySite;
    }
    const bySite = await load(m);
    this.reach = { generation, bySite };
    return bySite;
  }

  /** Drops everything (tests, and a worker told its data may have been restored). */
  clear(): void {
    this.reach = null;
    this.bySite.clear();
    this.changedAt.clear();
    this.held = 0;
    this.snapshot = null;
    this.generation += 1;
    this.resetAt = this.generation;
  }

  /** The seekers of these sites as the database holds them now, grouped in site order. */
  async seekersOfSites(siteIds: readonly string[], m: EntityManager): Promise<LoadedResident[]> {
    if (!this.enabled) return this.load([...siteIds], m);
    const generation = await this.sync(m);
    const missing = siteIds.filter((id) => !this.bySite.has(id));
    this.counters.hits += siteIds.length - missing.length;
    this.counters.misses += missing.length;
    if (missing.length) {
      const grouped = await this.loadGrouped(missing, m);
      for (const [id, list] of grouped) this.putUnlessStale(id, list, generation);
      this.evict(new Set(siteIds));
      return this.collect(siteIds, grouped);
    }
    return this.collect(siteIds, new Map());
  }

  /**
   * Loads the seekers of these sites, `chunk` sites per read, while the cache has room: what a
   * worker does when it starts, so its first jobs find their sites here. Cold first jobs were
   * the rank-posting tail (test/bench: the slowest jobs were a fresh worker's first ten, their
   * time in the load). It stops at the first site that would not fit, so it never evicts what a
   * job put here; sites already cached are not read again. Returns the seekers held.
   */
  async warm(siteIds: readonly string[], m: EntityManager, chunk = 25): Promise<number> {
    if (!this.enabled) return 0;
    for (let i = 0; i < siteIds.length; i += chunk) {
      const generation = await this.sync(m);
      const missing = siteIds.slice(i, i + chunk).filter((id) => !this.bySite.has(id));
      if (!missing.length) continue;
      for (const [id, list] of await this.loadGrouped(missing, m)) {
        if (this.held + list.length > this.maxSeekers) return this.held;
        this.putUnlessStale(id, list, generation);
      }
    }
    return this.held;
  }

  private async loadGrouped(siteIds: string[], m: EntityManager): Promise<Map<string, LoadedResident[]>> {
    const grouped = new Map<string, LoadedResident[]>(siteIds.map((id) => [id, []]));
    for (const r of await this.load(siteIds, m)) grouped.get(r.input.siteId)?.push(r);
    return grouped;
  }

  /** Caches a site's list unless a change (or a reset) after `generation` may postdate the load. */
  private putUnlessStale(siteId: string, list: LoadedResident[], generation: number): void {
    const stale = this.resetAt > generation || (this.changedAt.get(siteId) ?? 0) > generation;
    if (!stale) this.put(siteId, list);
  }

  /** The cached seekers of these sites, and the sites not cached (the caller loads what it needs). */
  cachedOf(siteIds: readonly string[]): { seekers: LoadedResident[]; uncached: string[] } {
    const seekers: LoadedResident[] = [];
    const uncached: string[] = [];
    for (const id of siteIds) {
      const list = this.bySite.get(id);
      if (list) seekers.push(...list);
      else uncached.push(id);
    }
    return { seekers, uncached };
  }

  private collect(siteIds: readonly string[], fresh: Map<string, LoadedResident[]>): LoadedResident[] {
    const out: LoadedResident[] = [];
    for (const id of siteIds) {
      const list = fresh.get(id) ?? this.bySite.get(id);
      if (!list) continue;
      // Most recently used last (Map keeps insertion order): re-insert on use.
      if (!fresh.has(id) && this.bySite.has(id)) {
        this.bySite.delete(id);
        this.bySite.set(id, list);
      }
      out.push(...list);
    }
    return out;
  }

  private put(siteId: string, list: LoadedResident[]): void {
    const old = this.bySite.get(siteId);
    if (old) this.held -= old.length;
    this.bySite.delete(siteId);
    this.bySite.set(siteId, list);
    this.held += list.length;
  }

  /** Least recently used sites go until the cache fits; the sites of the current call stay. */
  private evict(keep: Set<string>): void {
    for (const [id, list] of this.bySite) {
      if (this.held <= this.maxSeekers) return;
      if (keep.has(id)) continue;
      this.bySite.delete(id);
      this.held -= list.length;
    }
  }

  /** Brings the cache up to date; returns the generation the caller's loads start from. */
  private sync(m: EntityManager): Promise<number> {
    const run = this.syncing.then(() => this.syncOnce(m));
    this.syncing = run.then(
      () => undefined,
      () => undefined,
    );
    return run;
  }

  private async syncOnce(m: EntityManager): Promise<number> {
    if (this.snapshot && this.now() - this.syncedAt > SEEKER_CACHE_MAX_IDLE_MS) {
      this.clear();
      this.counters.resets += 1;
    }
    if (!this.snapshot) {
      const [{ snap }] = await m.query<{ snap: string }[]>('SELECT pg_current_snapshot()::text AS snap');
      this.snapshot = snap;
      this.syncedAt = this.now();
      return this.generation;
    }
    const [row] = await m.query<{ snap: string; changed: string[] | null }[]>(
      `SELECT pg_current_snapshot()::text AS snap,
              ARRAY(SELECT DISTINCT c.site_id FROM matching_change c
                     WHERE c.xid >= pg_snapshot_xmin($1::pg_snapshot)
                       AND NOT pg_visible_in_snapshot(c.xid, $1::pg_snapshot)) AS changed`,
      [this.snapshot],
    );
    const changed = row.changed ?? [];
    if (changed.length) this.generation += 1;
    for (const id of changed) {
      this.changedAt.set(id, this.generation);
      const list = this.bySite.get(id);
      if (!list) continue;
      this.bySite.delete(id);
      this.held -= list.length;
      this.counters.invalidated += 1;
    }
    this.snapshot = row.snap;
    this.syncedAt = this.now();
    return this.generation;
  }
}
