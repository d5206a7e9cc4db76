import { Injectable, Logger } from '@nestjs/common';
import { buildCandidateSet, ENGINE_VERSION, explainTop, postingListSize } from './engine';
// Certificates and ages are judged on the pilot's calendar days.
import { todayInPilotZone as chinaToday } from '../kernel/clock';
import { CandidateLoader } from './loaders/candidate.loader';
import { PostingLoader } from './loaders/posting.loader';
import { SkillCatalogueLoader } from './loaders/skill-catalogue.loader';
import { listBase, listHash } from './list-fingerprint';
import { MatchNotifier } from './match-notifier';
import { MatchingSettings } from './matching-settings';
import { PostingListWriter } from './posting-list-writer';
import { rankBothSides } from './posting-scores';
import { postingSkip } from './ranking-locks';
import { RankingRepository } from './ranking.repository';
import type {
  RankedPosting,
  RankPostingOutcome,
  RankResidentOutcome,
  RerankOutcome,
  RerankTime,
} from './ranking-types';
import { ResidentRanker } from './resident-ranker';
import { ResidentSideWriter } from './resident-side-writer';
import { MatchStore } from './results/match-store';
import { RecommendationLists, sameRow } from './results/recommendation-lists';
import { emptyPlan, mergePosting, planRecommendations } from './results/recommendation-plan';
import { MergedRows } from './results/resident-side-plan';
import { SeekerHashes } from './results/scores-fingerprint';

export type {
  RankPostingOutcome,
  RankResidentOutcome,
  RankSkip,
  RerankOutcome,
  RerankTime,
} from './ranking-types';
export { wageText } from '../i18n/wage-vocabulary';

/** Postings of a re-rank batch stored per transaction. */
const STORE_CHUNK = 25;

/** Scored between two yields: a few ms of CPU, so BullMQ's lock renewal always gets its turn. */
const BATCH_SIZE = 20_000;

/**
 * Runs the engine for one posting or one resident: load (bulk SQL, only reachable sites), rank
 * (batched, yielding), then store and notify in ONE transaction that first re-checks the version,
 * so a result computed for a version that changed meanwhile is dropped, never stored.
 */
@Injectable()
export class RankingService {
  private readonly logger = new Logger('Ranking');

  constructor(
    private readonly repository: RankingRepository,
    private readonly settings: MatchingSettings,
    private readonly candidates: CandidateLoader,
    private readonly postings: PostingLoader,
    private readonly catalogue: SkillCatalogueLoader,
    private readonly store: MatchStore,
    private readonly notifier: MatchNotifier,
    private readonly postingLists: PostingListWriter,
    private readonly residentSide: ResidentSideWriter,
    private readonly residentRanker: ResidentRanker,
  ) {}

  async rankPosting(postingId: string, version: number): Promise<RankPostingOutcome> {
    const started = Date.now();
    const cfg = this.settings.config;
    const loaded = await this.postings.posting(postingId);
    const skip = postingSkip(loaded, version);
    if (skip) {
      // Closed, filled or expired: it leaves every resident's recommendations (a newer version's
      // own job, or a missing posting's cascade, takes care of the rest).
      if (skip === 'not_open') await this.postingLists.postingLeft(postingId);
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
    // The residents' side: the stored lists of the qualifying seekers it may enter and of every
    // resident holding the posting, merged with its new scores.
    const lists = await this.listsToMerge(
      posting,
      scores.residents.map((r) => cs.ids[r]),
      scores.scores,
    );
    const plan = planRecommendations(lists, top, scores, (id) => byId.get(id)?.version ?? 0, names);
    const rankedMs = Date.now() - started - loadedMs;

    const [outcome] = await this.postingLists.storePostings(
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
   * The recommendation lists one ranked posting is merged into. First one row per seeker
   * (listBars): a full list's last place and the row it holds for the posting. Then, whole, only
   * the lists the posting changes: those its score reaches, those whose row for it differs, and
   * those of residents holding it who no longer qualify. A county's popular posting is held by
   * most of its 1.2k qualifying seekers; reading their lists whole (20 rows each) was the tail of
   * rank-posting (issue 18 item 4).
   */
  private async listsToMerge(
    posting: { id: string; version: number },
    seekers: readonly string[],
    scores: ArrayLike<number>,
  ): Promise<RecommendationLists> {
    const size = this.settings.config.thresholds.topNPerResident;
    const bars = await this.repository.listBars(seekers, posting.id, size);
    const skip = new Map<string, number>();
    const read: string[] = [];
    seekers.forEach((id, k) => {
      const bar = bars.get(id);
      const held = bar?.held;
      if (held && sameRow(held, { version: posting.version, engineVersion: ENGINE_VERSION }, scores[k]))
        skip.set(id, Infinity);
      else if (!held && bar?.last != null && scores[k] < bar.last) skip.set(id, bar.last);
      else read.push(id);
    });
    // Holders the posting no longer qualifies (it leaves their lists).
    const scored = new Set(seekers);
    for (const id of await this.repository.holderIds(posting.id)) if (!scored.has(id)) read.push(id);
    return new RecommendationLists(size)
      .load(await this.repository.recommendationLists(read, []))
      .skipBelow(skip);
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
    const merged = new MergedRows(names);
    const skipped = new Set<string>();
    let storing: Promise<void> = Promise.resolve();
    const inFlight: { failure?: Error } = {};
    for (let i = 0; i < postings.length; i += STORE_CHUNK) {
      const part = postings.slice(i, i + STORE_CHUNK);
      const stored = await this.repository.listHashes(part.map((p) => p.profile.id));
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
              await this.repository.recommendationLists(
                residents.map((x) => x.input.id),
                postings.map((x) => x.profile.id),
              ),
            );
            listsRead = true;
            const readMs = performance.now() - r;
            out.time.load += readMs;
            t += readMs;
          }
          // Rows are explained when the batch writes them (most first-night entries are pushed out).
          mergePosting(lists, top, scores, {
            upsert: (r, id) => merged.add(id, top.cp, r),
            deleted() {},
            refill() {},
          });
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
      storing = this.postingLists
        .storePostings(chunk, byId, siteById, lists, { time: out.time, officers })
        .then(
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
    const mergedPostings = postings.filter(
      (p) => !skipped.has(p.profile.id) && scoresHashes.has(p.profile.id),
    );
    await this.residentSide.storeResidentSide(mergedPostings, lists, merged, byId, siteById, officers);
    // Once every list is written: a failure before leaves the postings to be merged again.
    for (const id of skipped) scoresHashes.delete(id);
    await this.repository.setScoresHashes(scoresHashes);
    out.time.residents += performance.now() - t;
    out.skipped += postingIds.length - postings.length;
    out.candidates = residents.length;
    out.ms = Date.now() - started;
    for (const k of Object.keys(out.time) as (keyof RerankTime)[]) out.time[k] = Math.round(out.time[k]);
    this.logger.log({ ...out, sites: sites.length }, 'rerank-postings done');
    return out;
  }

  async rankResident(residentId: string, version: number): Promise<RankResidentOutcome> {
    const started = Date.now();
    const resident = await this.candidates.resident(residentId);
    if (!resident) return { skipped: 'missing' };
    if (resident.version > version) {
      this.logger.log({ residentId, version, current: resident.version }, 'rank-resident skipped: stale');
      return { skipped: 'stale' };
    }
    const { recommendations, gaps } = await this.residentRanker.residentLists(resident);
    const outcome = await this.repository.transaction(async (m) => {
      await this.repository.lockOne(m, 'resident', residentId);
      const current = await this.repository.residentVersion(m, residentId);
      if (current === null) return { skipped: 'missing' } satisfies RankResidentOutcome;
      if (current > version) return { skipped: 'stale' } satisfies RankResidentOutcome;
      await this.store.replaceResidentLists(m, residentId, recommendations, gaps, new Date());
      return { recommendations: recommendations.length, gaps: gaps.length } satisfies RankResidentOutcome;
    });
    const ms = Date.now() - started;
    this.logger.log({ residentId, version, ...outcome, ms }, 'rank-resident done');
    return { ...outcome, ms };
  }
}
