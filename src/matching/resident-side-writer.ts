import { Injectable } from '@nestjs/common';
import { wageText } from '../i18n/wage-vocabulary';
import type { LoadedResident, LoadedSite } from './loaders/candidate.loader';
import { PostingLoader, type LoadedPosting } from './loaders/posting.loader';
import { MatchNotifier, type OfficersBySite } from './match-notifier';
import { MatchingSettings } from './matching-settings';
import { storedOf } from './posting-list-writer';
import { postingSkip } from './ranking-locks';
import { RankingRepository } from './ranking.repository';
import { ResidentRanker } from './resident-ranker';
import { MatchStore } from './results/match-store';
import type { RecommendationLists } from './results/recommendation-lists';
import { RecommendationStore } from './results/recommendation-store';
import { residentSideChanges, type ExplainedRows } from './results/resident-side-plan';

/** Residents whose recommendation lists a re-rank batch writes per transaction (their locks held). */
const RESIDENT_CHUNK = 2_000;

/**
 * The residents' side of a re-rank batch: the recommendation lists the batch's postings changed
 * in memory, written once after the postings' lists, with the job alerts they raise.
 */
@Injectable()
export class ResidentSideWriter {
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
   * Every list the batch changed, written as the difference between the stored rows and the list
   * in memory, RESIDENT_CHUNK residents per transaction. Each transaction takes the batch's
   * posting locks, then the residents' (the order storePostings and rank-resident use), and leaves
   * out postings whose version changed since they were ranked (their own rank-posting job writes
   * them). Lists that lost ground for good are re-ranked whole. Residents who opted in get a job
   * alert for each posting newly in their list.
   */
  async storeResidentSide(
    ranked: readonly LoadedPosting[],
    lists: RecommendationLists,
    explained: ExplainedRows,
    residents: ReadonlyMap<string, LoadedResident>,
    sites: ReadonlyMap<string, LoadedSite>,
    officers: OfficersBySite,
  ): Promise<void> {
    const cfg = this.settings.config;
    const changed = lists.changed();
    const postingIds = ranked.map((p) => p.profile.id);
    for (let i = 0; i < changed.length; i += RESIDENT_CHUNK) {
      const part = changed.slice(i, i + RESIDENT_CHUNK);
      await this.repository.transaction(async (m) => {
        await this.repository.lockAll(m, 'posting', postingIds);
        const current = new Map((await this.postings.postings(postingIds, m)).map((p) => [p.profile.id, p]));
        const valid = new Map(
          ranked
            .filter((p) => !postingSkip(current.get(p.profile.id) ?? null, p.profile.version))
            .map((p) => [p.profile.id, p]),
        );
        await this.repository.lockAll(m, 'resident', part);
        const { changes, entered, refill } = residentSideChanges(
          part,
          lists,
          explained,
          valid,
          (id) => residents.get(id)?.version,
        );
        const now = new Date();
        await this.recommendations.apply(m, changes, cfg.thresholds.topNPerResident, now);
        const refilled = await this.ranker.refillLists(m, refill);
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
}
