import { createHash } from 'node:crypto';
import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import {
  buildCandidateSet,
  buildPostingSet,
  explainTop,
  postingListSize,
  rankResident,
  residentIndex,
  skillGaps,
  statedCommuteMinutes,
  topSummary,
  ENGINE_VERSION,
  type MatchingConfig,
  type RankedMatch,
  type RankedTop,
  type SkillNames,
  type WageUnit,
} from './engine';
// Certificates and ages are judged on the pilot's calendar days.
import { todayInPilotZone as chinaToday } from '../common/clock';
import { CandidateLoader, type LoadedResident, type LoadedSite } from './loaders/candidate.loader';
import { PostingLoader, type LoadedPosting } from './loaders/posting.loader';
import { SkillCatalogueLoader } from './loaders/skill-catalogue.loader';
import { MatchNotifier, type NotifyOutcome, type OfficersBySite } from './match-notifier';
import { MatchingSettings } from './matching-settings';
import { rankBothSides } from './posting-scores';
import { MatchStore, type ResidentMeta } from './results/match-store';
import { RecommendationLists, type StoredRecommendation } from './results/recommendation-lists';
import {
  emptyPlan,
  planPostingLeft,
  planRecommendations,
  type RecommendationPlan,
} from './results/recommendation-plan';
import { RecommendationStore } from './results/recommendation-store';
import { SeekerHashes } from './results/scores-fingerprint';

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
interface RankedPosting {
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

/** Postings of a re-rank batch stored per transaction. */
const STORE_CHUNK = 25;

/** Residents whose recommendation lists a re-rank batch writes per transaction (their locks held). */
const RESIDENT_CHUNK = 2_000;

/** Scored between two yields: a few ms of CPU, so BullMQ's lock renewal always gets its turn. */
const BATCH_SIZE = 20_000;

const WAGE_UNIT_ZH: Record<WageUnit, string> = { month: '每月', day: '每天', hour: '每小时', piece: '每件' };

export function wageText(min: number, max: number, unit: WageUnit): string {
  return min === max ? `${WAGE_UNIT_ZH[unit]} ${min} 元` : `${WAGE_UNIT_ZH[unit]} ${min}–${max} 元`;
}

/**
 * What every list of a run shares: the engine, the configuration and the skill names (the
 * reasons quote them). Part of each list's fingerprint; worked out once per (configuration,
 * catalogue) pair, both of which stay the same object until they are reloaded.
 */
const listBases = new WeakMap<MatchingConfig, WeakMap<SkillNames, string>>();
function listBase(cfg: MatchingConfig, names: SkillNames): string {
  let byNames = listBases.get(cfg);
  if (!byNames) listBases.set(cfg, (byNames = new WeakMap()));
  let base = byNames.get(names);
  if (base === undefined) {
    base = createHash('sha256')
      .update(ENGINE_VERSION)
      .update(JSON.stringify(cfg))
      .update(JSON.stringify(names instanceof Map ? [...names] : names))
      .digest('hex');
    byNames.set(names, base);
  }
  return base;
}

/**
 * A list's fingerprint: the shared base, the posting version, and per ranked resident what their
 * stored row is computed from (topSummary) and their profile version. Equal fingerprints mean
 * equal stored rows, so the nightly re-rank may skip explaining and storing.
 */
function listHash(
  base: string,
  postingVersion: number,
  top: RankedTop,
  residents: ReadonlyMap<string, LoadedResident>,
): string {
  const rows = topSummary(top).map((row) => [...row, residents.get(String(row[0]))?.version ?? 0]);
  return createHash('sha256')
    .update(base)
    .update(String(postingVersion))
    .update(JSON.stringify(rows))
    .digest('hex');
}

/** Serialises storing per posting / per resident across workers (two jobs of the same version). */
function lockKey(kind: 'posting' | 'resident', id: string): string {
  return `matching:${kind}:${id}`;
}

/**
 * Runs the engine for one posting or one resident: load (bulk SQL, only reachable sites), rank
 * (batched, yielding), then store and notify in ONE transaction that first re-checks the version,
 * so a result computed for a version that changed meanwhile is dropped, never stored.
 */
@Injectable()
export class RankingService {
  private readonly logger = new Logger('Ranking');

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly settings: MatchingSettings,
    private readonly candidates: CandidateLoader,
    private readonly postings: PostingLoader,
    private readonly catalogue: SkillCatalogueLoader,
    private readonly store: MatchStore,
    private readonly recommendations: RecommendationStore,
    private readonly notifier: MatchNotifier,
  ) {}

  async rankPosting(postingId: string, version: number): Promise<RankPostingOutcome> {
    const started = Date.now();
    const cfg = this.settings.config;
    const loaded = await this.postings.posting(postingId);
    const skip = this.postingSkip(loaded, version);
    if (skip) {
      // Closed, filled or expired: it leaves every resident's recommendations (a newer version's
      // own job, or a missing posting's cascade, takes care of the rest).
      if (skip === 'not_open') await this.postingLeft(postingId);
      this.logger.log(
        { postingId, version, current: loaded?.profile.version, skipped: skip },
        'rank-posting skipped',
      );
      return { skipped: skip };
    }
    const posting = loaded!.profile;
    const { sites, residents, travel } = await this.candidates.candidatesFor(loaded!, cfg.distance);
    const loadedMs = Date.now() - started;
    const { codes, names } = await this.catalogue.load();
    const cs = buildCandidateSet(
      residents.map((r) => r.input),
      codes,
      sites,
      cfg.wage,
      cfg.distance.minutesPerKm,
    );
    const { top, scores } = await rankBothSides(posting, cs, cfg, {
      travel: travel.lookup,
      today: chinaToday(),
      batchSize: BATCH_SIZE,
      topN: postingListSize(cfg, loaded!.openings),
      minScore: cfg.thresholds.minScore,
    });
    const results = explainTop(top, names);
    const byId = new Map(residents.map((r) => [r.input.id, r]));
    const hash = listHash(listBase(cfg, names), posting.version, top, byId);
    // The residents' side: the stored lists of every qualifying seeker and of every resident
    // holding the posting, merged with its new scores.
    const lists = new RecommendationLists(cfg.thresholds.topNPerResident).load(
      await this.recommendations.lists(
        this.dataSource.manager,
        scores.residents.map((r) => cs.ids[r]),
        [postingId],
      ),
    );
    const plan = planRecommendations(lists, top, scores, (id) => byId.get(id)?.version ?? 0, names);
    const rankedMs = Date.now() - started - loadedMs;

    const [outcome] = await this.storePostings(
      [{ loaded: loaded!, version, results, hash, listChanged: true, recommendations: plan }],
      byId,
      new Map(sites.map((s) => [s.id, s])),
      lists,
    );
    const ms = Date.now() - started;
    this.logger.log(
      {
        postingId,
        version,
        sites: sites.length,
        candidates: residents.length,
        stored: outcome.stored,
        skipped: outcome.skipped,
        loadMs: loadedMs,
        rankMs: rankedMs,
        ms,
      },
      'rank-posting done',
    );
    return {
      ...outcome,
      candidates: residents.length,
      loadMs: loadedMs,
      rankMs: rankedMs,
      storeMs: ms - loadedMs - rankedMs,
      ms,
    };
  }

  /**
   * The nightly re-rank of a batch of postings (one county's, see RerankAllJob): the candidates
   * every posting of the batch could reach are loaded and compiled ONCE, each posting is ranked
   * against them in memory, and each result is stored exactly as rankPosting stores it (its own
   * transaction, version re-checked, notifications deduplicated). Per-posting loading was what
   * made the county re-rank take hours (test/bench).
   */
  async rerankPostings(postingIds: readonly string[]): Promise<RerankOutcome> {
    const started = Date.now();
    const cfg = this.settings.config;
    // Closed, expired or deleted since the fan-out: skipped (counted), like a stale rank-posting job.
    const postings = (await this.postings.postings(postingIds)).filter((p) => p.status === 'open');
    const out: RerankOutcome = {
      postings: postingIds.length,
      ranked: 0,
      unchanged: 0,
      stored: 0,
      skipped: 0,
      candidates: 0,
      ms: 0,
      time: { load: 0, rank: 0, explain: 0, store: 0, notify: 0, residents: 0 },
    };
    if (!postings.length) return { ...out, skipped: postingIds.length, ms: Date.now() - started };
    const { sites, residents, travel } = await this.candidates.candidatesForAll(postings, cfg.distance);
    const { codes, names } = await this.catalogue.load();
    const cs = buildCandidateSet(
      residents.map((r) => r.input),
      codes,
      sites,
      cfg.wage,
      cfg.distance.minutesPerKm,
    );
    out.time.load = Date.now() - started;
    const today = chinaToday();
    const byId = new Map(residents.map((r) => [r.input.id, r]));
    const siteById = new Map(sites.map((s) => [s.id, s]));
    // Ranked in memory; a list whose fingerprint equals the stored one is left as it is (most
    // lists on most nights); the others are explained and stored STORE_CHUNK per transaction.
    // One chunk is stored while the next is ranked: PostgreSQL writes on one core while this
    // process ranks on the other. Never more than one store in flight, so chunks commit in order.
    const base = listBase(cfg, names);
    const officers = await this.notifier.officersBySite(sites.map((s) => s.id));
    out.time.load = Date.now() - started;
    const versionOf = (id: string): number => byId.get(id)?.version ?? 0;
    // Both sides: the recommendation lists of every candidate and of every holder of a posting of
    // the batch, read once, when the first posting whose scores changed since its last merge
    // needs them (a quiet night reads none), and kept current in memory as postings merge in.
    const lists = new RecommendationLists(cfg.thresholds.topNPerResident);
    let listsRead = false;
    const seekerHashes = new SeekerHashes(cs.ids, versionOf);
    const scoresHashes = new Map<string, string>();
    // The residents' side of the whole batch is written once, after the postings' lists: every
    // posting merges into the lists in memory as it is ranked, and at the end each changed list
    // is written as the difference between what is stored and what it became (a row a later
    // posting of the batch pushes out again is never written; a list that lost ground and won it
    // back is not refilled). Per chunk, the same lists were renumbered and refilled again and again.
    const explained = new Map<string, RankedMatch>();
    const skipped = new Set<string>();
    let storing: Promise<void> = Promise.resolve();
    const inFlight: { failure?: Error } = {};
    for (let i = 0; i < postings.length; i += STORE_CHUNK) {
      const part = postings.slice(i, i + STORE_CHUNK);
      const stored = await this.store.listHashes(
        this.dataSource.manager,
        part.map((p) => p.profile.id),
      );
      const chunk: RankedPosting[] = [];
      for (const p of part) {
        // A turn of the event loop per posting: the chunk being stored meanwhile gets each of its
        // statements' answers within a posting's ranking (~0.5 ms), not after the whole chunk.
        await new Promise((resolve) => setImmediate(resolve));
        let t = performance.now();
        const { top, scores } = await rankBothSides(p.profile, cs, cfg, {
          travel: travel.lookup,
          today,
          batchSize: BATCH_SIZE,
          topN: postingListSize(cfg, p.openings),
          minScore: cfg.thresholds.minScore,
        });
        const hash = listHash(base, p.profile.version, top, byId);
        out.time.rank += performance.now() - t;
        out.ranked += 1;
        t = performance.now();
        const scoresHash = seekerHashes.fingerprint(base, p.profile.version, scores);
        if (stored.get(p.profile.id)?.scores !== scoresHash) {
          if (!listsRead) {
            const r = performance.now();
            lists.load(
              await this.recommendations.lists(
                this.dataSource.manager,
                residents.map((x) => x.input.id),
                postings.map((x) => x.profile.id),
              ),
            );
            listsRead = true;
            out.time.load += performance.now() - r;
          }
          const plan = planRecommendations(lists, top, scores, versionOf, names);
          for (const u of plan.changes.upserts)
            explained.set(rowKey(u.match.residentId, u.match.postingId), u.match);
          scoresHashes.set(p.profile.id, scoresHash);
        }
        const listChanged = stored.get(p.profile.id)?.list !== hash;
        if (!listChanged) out.unchanged += 1;
        else
          chunk.push({
            loaded: p,
            version: p.profile.version,
            results: explainTop(top, names),
            hash,
            listChanged,
            recommendations: emptyPlan(),
          });
        out.time.explain += performance.now() - t;
      }
      if (!chunk.length) continue;
      await storing;
      if (inFlight.failure) break;
      storing = this.storePostings(chunk, byId, siteById, lists, { time: out.time, officers }).then(
        (results) => {
          results.forEach((result, i) => {
            if (result.skipped) {
              out.skipped += 1;
              skipped.add(chunk[i].loaded.profile.id);
            } else if (chunk[i].listChanged) out.stored += result.stored ?? 0;
          });
        },
        // Held, not left rejected while the next chunk is ranked (an unhandled rejection).
        (e: unknown) => {
          inFlight.failure =
            e instanceof Error ? e : new Error(`storing a re-rank chunk failed: ${String(e)}`);
        },
      );
    }
    await storing;
    if (inFlight.failure) throw inFlight.failure;
    const t = performance.now();
    const merged = postings.filter((p) => !skipped.has(p.profile.id) && scoresHashes.has(p.profile.id));
    await this.storeResidentSide(merged, lists, explained, byId, siteById, officers);
    // Once every list is written: a failure before leaves the postings to be merged again.
    for (const id of skipped) scoresHashes.delete(id);
    await this.store.setScoresHashes(this.dataSource.manager, scoresHashes);
    out.time.residents += performance.now() - t;
    out.skipped += postingIds.length - postings.length;
    out.candidates = residents.length;
    out.ms = Date.now() - started;
    for (const k of Object.keys(out.time) as (keyof RerankTime)[]) out.time[k] = Math.round(out.time[k]);
    this.logger.log({ ...out, sites: sites.length }, 'rerank-postings done');
    return out;
  }

  /**
   * Stores ranked lists and notifies, in one transaction that first takes each posting's lock (in
   * a fixed order) and re-checks its version: a result for a version that changed meanwhile is
   * dropped, never stored. One posting (rank-posting) or a chunk of the nightly re-rank.
   */
  private async storePostings(
    items: readonly RankedPosting[],
    residents: ReadonlyMap<string, LoadedResident>,
    sites: ReadonlyMap<string, LoadedSite>,
    /** The residents' lists the plans were made against (refills update them). */
    recommendationLists: RecommendationLists,
    /** A re-rank job's: its time split, and the officers of its sites read once. */
    job?: { time: RerankTime; officers: OfficersBySite },
  ): Promise<RankPostingOutcome[]> {
    const cfg = this.settings.config;
    return this.dataSource.transaction(async (m) => {
      const ids = items.map((i) => i.loaded.profile.id);
      await this.lockAll(m, 'posting', ids);
      const current = new Map((await this.postings.postings(ids, m)).map((p) => [p.profile.id, p]));
      const outcomes: RankPostingOutcome[] = [];
      const lists: Parameters<MatchStore['replaceManyPostingMatches']>[1][number][] = [];
      const plan = emptyPlan();
      for (const item of items) {
        const late = this.postingSkip(current.get(item.loaded.profile.id) ?? null, item.version);
        outcomes.push(late ? { skipped: late } : { stored: item.results.length });
        if (late) continue;
        mergePlan(plan, item.recommendations);
        if (!item.listChanged) continue;
        const metas = new Map<string, ResidentMeta>();
        for (const r of item.results) {
          const res = residents.get(r.residentId)!;
          metas.set(r.residentId, { siteId: res.input.siteId, version: res.version });
        }
        lists.push({
          postingId: item.loaded.profile.id,
          results: item.results,
          residents: metas,
          hash: { postingVersion: item.version, listHash: item.hash },
        });
      }
      let t = performance.now();
      await this.store.replaceManyPostingMatches(m, lists, new Date());
      const entered = await this.storeRecommendations(m, plan, recommendationLists);
      if (job) job.time.store += performance.now() - t;
      t = performance.now();
      const notified = await this.notifier.postingsRanked(
        m,
        items
          .filter((_, i) => !outcomes[i].skipped)
          .map(({ loaded: { profile: p }, results }) => ({
            posting: {
              id: p.id,
              version: p.version,
              title: current.get(p.id)!.title,
              wageText: wageText(p.wage.min, p.wage.max, p.wage.unit),
            },
            results,
            entered: entered.filter((e) => e.postingId === p.id),
          })),
        residents,
        sites,
        cfg.thresholds.strongMatch,
        job?.officers,
      );
      // One posting (rank-posting): its own figures; a re-rank chunk reports no per-posting split.
      if (items.length === 1 && !outcomes[0].skipped) outcomes[0].notified = notified;
      if (job) job.time.notify += performance.now() - t;
      return outcomes;
    });
  }

  /**
   * The residents' side of a re-rank batch: every list the batch changed, written as the
   * difference between the stored rows and the list in memory, RESIDENT_CHUNK residents per
   * transaction. Each transaction takes the batch's posting locks, then the residents' (the
   * order storePostings and rank-resident use), and leaves out postings whose version changed
   * since they were ranked (their own rank-posting job writes them). Lists that lost ground for
   * good are re-ranked whole. Residents who opted in get a job alert for each posting newly in
   * their list.
   */
  private async storeResidentSide(
    ranked: readonly LoadedPosting[],
    lists: RecommendationLists,
    explained: ReadonlyMap<string, RankedMatch>,
    residents: ReadonlyMap<string, LoadedResident>,
    sites: ReadonlyMap<string, LoadedSite>,
    officers: OfficersBySite,
  ): Promise<void> {
    const cfg = this.settings.config;
    const changed = lists.changed();
    const postingIds = ranked.map((p) => p.profile.id);
    for (let i = 0; i < changed.length; i += RESIDENT_CHUNK) {
      const part = changed.slice(i, i + RESIDENT_CHUNK);
      await this.dataSource.transaction(async (m) => {
        await this.lockAll(m, 'posting', postingIds);
        const current = new Map((await this.postings.postings(postingIds, m)).map((p) => [p.profile.id, p]));
        const valid = new Map(
          ranked
            .filter((p) => !this.postingSkip(current.get(p.profile.id) ?? null, p.profile.version))
            .map((p) => [p.profile.id, p]),
        );
        await this.lockAll(m, 'resident', part);
        const changes: RecommendationPlan['changes'] = { upserts: [], deletes: [] };
        const entered: RankedMatch[] = [];
        const refill: string[] = [];
        for (const id of part) {
          if (lists.needsRefill(id)) {
            refill.push(id);
            continue;
          }
          const version = residents.get(id)?.version;
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
        const now = new Date();
        await this.recommendations.apply(m, changes, cfg.thresholds.topNPerResident, now);
        const refilled = await this.refillLists(m, refill);
        const fresh = refill.map((residentId) => ({
          residentId,
          ...(refilled.get(residentId) ?? { recommendations: [], gaps: [] }),
        }));
        await this.store.replaceManyResidentLists(m, fresh, now);
        for (const { residentId, recommendations } of fresh) {
          for (const r of recommendations)
            if (valid.has(r.postingId) && !lists.wasStored(residentId, r.postingId)) entered.push(r);
          lists.replace(residentId, recommendations.map(storedOf));
        }
        if (!entered.length) return;
        await this.notifier.postingsRanked(
          m,
          [...new Set(entered.map((e) => e.postingId))].map((id) => {
            const p = valid.get(id)!;
            return {
              posting: {
                id,
                version: p.profile.version,
                title: p.title,
                wageText: wageText(p.profile.wage.min, p.profile.wage.max, p.profile.wage.unit),
              },
              results: [],
              entered: entered.filter((e) => e.postingId === id),
            };
          }),
          residents,
          sites,
          cfg.thresholds.strongMatch,
          officers,
        );
      });
    }
  }

  /**
   * Writes a plan's recommendation rows under each touched resident's lock (the one rank-resident
   * takes), and re-ranks whole the residents whose full list lost ground. Returns the rows the
   * postings entered that are still in their lists (job alerts).
   */
  private async storeRecommendations(
    m: EntityManager,
    plan: RecommendationPlan,
    lists: RecommendationLists,
  ): Promise<RankedMatch[]> {
    const cfg = this.settings.config;
    const touched = new Set([
      ...plan.changes.upserts.map((u) => u.match.residentId),
      ...plan.changes.deletes.map((d) => d.residentId),
      ...plan.refill,
    ]);
    if (!touched.size) return [];
    await this.lockAll(m, 'resident', [...touched]);
    const now = new Date();
    await this.recommendations.apply(m, plan.changes, cfg.thresholds.topNPerResident, now);
    const refillIds = [...plan.refill].sort();
    const refilled = await this.refillLists(m, refillIds);
    const fresh = refillIds.map((residentId) => ({
      residentId,
      ...(refilled.get(residentId) ?? { recommendations: [], gaps: [] }),
    }));
    await this.store.replaceManyResidentLists(m, fresh, now);
    for (const { residentId, recommendations } of fresh)
      lists.replace(residentId, recommendations.map(storedOf));
    return plan.entered.filter((e) => lists.list(e.residentId).some((x) => x.postingId === e.postingId));
  }

  /**
   * Fresh rank-resident lists for several residents at once: residents of one site with the same
   * reach share one read of the postings in reach and one compile of them (a closed posting can
   * leave hundreds of full lists at a site; one read and compile per resident made that seconds).
   * Scores and order are rank-resident's: the same engine calls on the same inputs.
   */
  private async refillLists(
    m: EntityManager,
    residentIds: readonly string[],
  ): Promise<Map<string, Awaited<ReturnType<RankingService['residentLists']>>>> {
    const cfg = this.settings.config;
    const out = new Map<string, Awaited<ReturnType<RankingService['residentLists']>>>();
    const groups = new Map<string, LoadedResident[]>();
    for (const r of await this.candidates.residentsByIds(residentIds, m)) {
      if (!r.seeking) continue; // empty lists, as rank-resident stores for someone not seeking
      const p = r.input.preferences;
      const key = `${r.input.siteId}|${this.limitMinutes(p)}|${p.willingToWorkAway}`;
      groups.set(key, [...(groups.get(key) ?? []), r]);
    }
    const { codes, names } = await this.catalogue.load();
    const today = chinaToday();
    for (const group of groups.values()) {
      const first = group[0].input;
      const [site] = await this.candidates.sitesByIds([first.siteId], m);
      if (!site) continue;
      const { postings, travel } = await this.postings.openPostingsInReach(
        site,
        this.limitMinutes(first.preferences),
        first.preferences.willingToWorkAway,
        m,
      );
      const cs = buildCandidateSet(
        group.map((r) => r.input),
        codes,
        [site],
        cfg.wage,
        cfg.distance.minutesPerKm,
      );
      const set = buildPostingSet(
        postings.map((p) => p.profile),
        cs,
        cfg,
        { today, travel: travel.lookup },
      );
      for (const r of group) {
        const idx = residentIndex(cs, r.input.id);
        out.set(r.input.id, {
          recommendations: rankResident(idx, set, cfg, { skillNames: names }),
          gaps: skillGaps(idx, set, { maxMissing: 2, limit: 50 }),
        });
      }
    }
    return out;
  }

  /** A posting no longer open leaves every resident's list; full lists are refilled. */
  private async postingLeft(postingId: string): Promise<void> {
    const cfg = this.settings.config;
    await this.dataSource.transaction(async (m) => {
      await this.lockAll(m, 'posting', [postingId]);
      const lists = new RecommendationLists(cfg.thresholds.topNPerResident).load(
        await this.recommendations.lists(m, [], [postingId]),
      );
      await this.storeRecommendations(m, planPostingLeft(lists, postingId), lists);
    });
  }

  /** Advisory locks in one fixed order (postings before residents, each sorted): no deadlock. */
  private async lockAll(
    m: EntityManager,
    kind: 'posting' | 'resident',
    ids: readonly string[],
  ): Promise<void> {
    await m.query('SELECT pg_advisory_xact_lock(hashtext(k)) FROM unnest($1::text[]) AS k ORDER BY k', [
      [...new Set(ids.map((id) => lockKey(kind, id)))].sort(),
    ]);
  }

  async rankResident(residentId: string, version: number): Promise<RankResidentOutcome> {
    const started = Date.now();
    const resident = await this.candidates.resident(residentId);
    if (!resident) return { skipped: 'missing' };
    if (resident.version > version) {
      this.logger.log({ residentId, version, current: resident.version }, 'rank-resident skipped: stale');
      return { skipped: 'stale' };
    }
    const { recommendations, gaps } = await this.residentLists(resident);
    const outcome = await this.dataSource.transaction(async (m) => {
      await this.lock(m, lockKey('resident', residentId));
      const rows: { version: number }[] = await m.query('SELECT version FROM resident WHERE id = $1', [
        residentId,
      ]);
      if (!rows.length) return { skipped: 'missing' } satisfies RankResidentOutcome;
      if (Number(rows[0].version) > version) return { skipped: 'stale' } satisfies RankResidentOutcome;
      await this.store.replaceResidentLists(m, residentId, recommendations, gaps, new Date());
      return { recommendations: recommendations.length, gaps: gaps.length } satisfies RankResidentOutcome;
    });
    const ms = Date.now() - started;
    this.logger.log({ residentId, version, ...outcome, ms }, 'rank-resident done');
    return { ...outcome, ms };
  }

  private async residentLists(
    resident: LoadedResident,
    m: EntityManager = this.dataSource.manager,
  ): Promise<{
    recommendations: ReturnType<typeof rankResident>;
    gaps: ReturnType<typeof skillGaps>;
  }> {
    // Someone not seeking work (employed, no labour capacity, erased, pending) gets empty lists.
    if (!resident.seeking) return { recommendations: [], gaps: [] };
    const cfg = this.settings.config;
    const [site] = await this.candidates.sitesByIds([resident.input.siteId], m);
    if (!site) return { recommendations: [], gaps: [] };
    const prefs = resident.input.preferences;
    const { postings, travel } = await this.postings.openPostingsInReach(
      site,
      this.limitMinutes(prefs),
      prefs.willingToWorkAway,
      m,
    );
    const { codes, names } = await this.catalogue.load();
    const cs = buildCandidateSet([resident.input], codes, [site], cfg.wage, cfg.distance.minutesPerKm);
    const today = chinaToday();
    const set = buildPostingSet(
      postings.map((p) => p.profile),
      cs,
      cfg,
      { today, travel: travel.lookup },
    );
    const idx = residentIndex(cs, resident.input.id);
    return {
      recommendations: rankResident(idx, set, cfg, { skillNames: names }),
      gaps: skillGaps(idx, set, { maxMissing: 2, limit: 50 }),
    };
  }

  /** A resident's commute limit in minutes: stated, else their km converted, else the default. */
  private limitMinutes(p: LoadedResident['input']['preferences']): number {
    const d = this.settings.config.distance;
    const stated = statedCommuteMinutes(p, d.minutesPerKm);
    return stated >= 0 ? stated : d.defaultMaxCommuteMinutes;
  }

  private postingSkip(
    p: { profile: { version: number }; status: string } | null,
    version: number,
  ): RankSkip | null {
    if (!p) return 'missing';
    if (p.profile.version > version) return 'stale';
    if (p.status !== 'open') return 'not_open';
    return null;
  }

  private async lock(m: EntityManager, key: string): Promise<void> {
    await m.query('SELECT pg_advisory_xact_lock(hashtext($1))', [key]);
  }
}

/** A resident's recommendation row, by resident and posting. */
function rowKey(residentId: string, postingId: string): string {
  return `${residentId} ${postingId}`;
}

function storedOf(r: RankedMatch): StoredRecommendation {
  return {
    postingId: r.postingId,
    postingVersion: r.postingVersion,
    score: r.score,
    engineVersion: r.engineVersion,
  };
}

/** Adds `from` to `into` (the plans of a chunk's postings, written in one go). */
function mergePlan(into: RecommendationPlan, from: RecommendationPlan): void {
  into.changes.upserts.push(...from.changes.upserts);
  into.changes.deletes.push(...from.changes.deletes);
  for (const id of from.refill) into.refill.add(id);
  into.entered.push(...from.entered);
}
