import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { RankedMatch } from './engine';
import { wageText } from '../i18n/wage-vocabulary';
import type { LoadedResident, LoadedSite } from './loaders/candidate.loader';
import { PostingLoader } from './loaders/posting.loader';
import { MatchNotifier, type OfficersBySite } from './match-notifier';
import { MatchingSettings } from './matching-settings';
import { postingSkip } from './ranking-locks';
import { RankingRepository } from './ranking.repository';
import type { RankedPosting, RankPostingOutcome, RerankTime } from './ranking-types';
import { ResidentRanker } from './resident-ranker';
import { MatchStore, type ResidentMeta } from './results/match-store';
import { RecommendationLists, type StoredRecommendation } from './results/recommendation-lists';
import { emptyPlan, planPostingLeft, type RecommendationPlan } from './results/recommendation-plan';
import { RecommendationStore } from './results/recommendation-store';

/**
 * The store of ranked postings: each posting's list (match rows) and what its plan changes in
 * residents' recommendation lists, with the officers' and residents' notifications, in one
 * transaction that first re-checks every posting's version under its lock.
 */
@Injectable()
export class PostingListWriter {
  constructor(
    private readonly repository: RankingRepository,
    private readonly settings: MatchingSettings,
    private readonly postings: PostingLoader,
    private readonly store: MatchStore,
    private readonly recommendations: RecommendationStore,
    private readonly notifier: MatchNotifier,
    private readonly ranker: ResidentRanker,
  ) {}

  /**
   * Stores ranked lists and notifies, in one transaction that first takes each posting's lock (in
   * a fixed order) and re-checks its version: a result for a version that changed meanwhile is
   * dropped, never stored. One posting (rank-posting) or a chunk of the nightly re-rank.
   */
  async storePostings(
    items: readonly RankedPosting[],
    residents: ReadonlyMap<string, LoadedResident>,
    sites: ReadonlyMap<string, LoadedSite>,
    /** The residents' lists the plans were made against (refills update them). */
    recommendationLists: RecommendationLists,
    /** A re-rank job's: its time split, and the officers of its sites read once. */
    job?: { time: RerankTime; officers: OfficersBySite },
  ): Promise<RankPostingOutcome[]> {
    const cfg = this.settings.config;
    return this.repository.transaction(async (m) => {
      const ids = items.map((i) => i.loaded.profile.id);
      await this.repository.lockAll(m, 'posting', ids);
      const current = new Map((await this.postings.postings(ids, m)).map((p) => [p.profile.id, p]));
      const outcomes: RankPostingOutcome[] = [];
      const lists: Parameters<MatchStore['replaceManyPostingMatches']>[1][number][] = [];
      const plan = emptyPlan();
      for (const item of items) {
        const late = postingSkip(current.get(item.loaded.profile.id) ?? null, item.version);
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
   * Writes a plan's recommendation rows under each touched resident's lock (the one rank-resident
   * takes), and re-ranks whole the residents whose full list lost ground. Returns the rows the
   * postings entered that are still in their lists (job alerts).
   */
  async storeRecommendations(
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
    await this.repository.lockAll(m, 'resident', [...touched]);
    const now = new Date();
    await this.recommendations.apply(m, plan.changes, cfg.thresholds.topNPerResident, now);
    const refillIds = [...plan.refill].sort();
    const refilled = await this.ranker.refillLists(m, refillIds);
    const fresh = refillIds.map((residentId) => ({
      residentId,
      ...(refilled.get(residentId) ?? { recommendations: [], gaps: [] }),
    }));
    await this.store.replaceManyResidentLists(m, fresh, now);
    for (const { residentId, recommendations } of fresh)
      lists.replace(residentId, recommendations.map(storedOf));
    return plan.entered.filter((e) => lists.list(e.residentId).some((x) => x.postingId === e.postingId));
  }

  /** A posting no longer open leaves every resident's list; full lists are refilled. */
  async postingLeft(postingId: string): Promise<void> {
    const cfg = this.settings.config;
    await this.repository.transaction(async (m) => {
      await this.repository.lockAll(m, 'posting', [postingId]);
      const lists = new RecommendationLists(cfg.thresholds.topNPerResident).load(
        await this.repository.recommendationLists([], [postingId], m),
      );
      await this.storeRecommendations(m, planPostingLeft(lists, postingId), lists);
    });
  }
}

export function storedOf(r: RankedMatch): StoredRecommendation {
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
