import { Injectable, Logger } from '@nestjs/common';
import { CommuteSettings } from '../../commute/commute-settings';
import type { OutboxEvent } from '../../platform/database/outbox-event.entity';
import { JobHandler, type JobProcessor } from '../../platform/queue/job-handler';
import { JobName, type JobData } from '../../platform/queue/job-name';
import { JobQueue } from '../../platform/queue/job-queue.service';
import { OutboxRoute, type RouteContext, type RoutedJob } from '../../platform/queue/outbox-routes';
import { RANKING_RETRY } from '../../platform/queue/retry-policy';
import { MatchingJobsRepository } from './matching-jobs.repository';
import { RERANK_BATCH } from './rerank-all.job';

type Place = JobData<JobName.RerankSiteTrips>['places'][number];

const str = (v: unknown): string | null => (typeof v === 'string' && v !== '' ? v : null);
const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);

/** The places of the event's payload `{ places }` (commute/travel-times-events.ts); anything else is dropped. */
export function placesOf(payload: Record<string, unknown> | null | undefined): Place[] {
  const raw = payload?.places;
  if (!Array.isArray(raw)) return [];
  return raw
    .filter((p): p is Record<string, unknown> => typeof p === 'object' && p !== null)
    .map((p) => ({
      destinationRegionCode: str(p.destinationRegionCode),
      latitude: num(p.latitude),
      longitude: num(p.longitude),
      employerId: str(p.employerId),
    }))
    .filter((p) => p.destinationRegionCode !== null || (p.latitude !== null && p.longitude !== null));
}

/**
 * Issue 16: a trip an officer records, imports or deletes counts within seconds, not at the next
 * nightly re-rank. The commute module writes `site.travel_times.changed` in the transaction of the
 * change, naming the places of the rows written and removed; this route turns it into one
 * rerank-site-trips job (its id from the event's id: the event carries no version of its own).
 */
@Injectable()
export class SiteTripsOutboxRoutes {
  @OutboxRoute('site.travel_times.changed')
  travelTimesChanged(e: OutboxEvent, ctx: RouteContext): RoutedJob[] {
    const places = placesOf(e.payload);
    if (!places.length) return [];
    const key = `${e.kind}.${e.entityId}.e${e.id}.${ctx.deploymentShortId}`;
    return [
      {
        name: JobName.RerankSiteTrips,
        data: { siteId: e.entityId, key, places },
        opts: { ...RANKING_RETRY, jobId: key },
      },
    ];
  }
}

/**
 * The open postings a changed row of a site's travel times applies to, by the planner's rule
 * (CommutePlanner.applies: the destination region code a prefix of the posting's, or a named place
 * within matchRadiusKm of its workplace; a shuttle row only for its employer's postings), re-ranked
 * in rerank-postings batches on the bulk queue — without a priority, so ahead of a nightly re-rank's
 * batches. A posting no changed row applies to has the same trips from the site as before: its
 * lists cannot change. The batches re-read everything; a closed posting is skipped there.
 */
@Injectable()
@JobHandler(JobName.RerankSiteTrips)
export class RerankSiteTripsJob implements JobProcessor<JobName.RerankSiteTrips> {
  private readonly logger = new Logger('RerankSiteTrips');

  constructor(
    private readonly repository: MatchingJobsRepository,
    private readonly queues: JobQueue,
    private readonly commute: CommuteSettings,
  ) {}

  /** The ids of the open postings any of the places covers, in id order. */
  async affectedPostings(places: readonly Place[]): Promise<string[]> {
    if (!places.length) return [];
    return this.repository.openPostingsCoveredBy(places, this.commute.config.matchRadiusKm);
  }

  async process(data: JobData<JobName.RerankSiteTrips>): Promise<{ postings: number; batches: number }> {
    const ids = await this.affectedPostings(data.places);
    const jobs: { data: JobData<JobName.RerankPostings>; opts: object }[] = [];
    for (let i = 0; i < ids.length; i += RERANK_BATCH)
      jobs.push({
        data: { postingIds: ids.slice(i, i + RERANK_BATCH) },
        opts: { ...RANKING_RETRY, jobId: `${data.key}.b${jobs.length}` },
      });
    if (jobs.length) await this.queues.addBulk(JobName.RerankPostings, jobs);
    this.logger.log(
      { siteId: data.siteId, places: data.places.length, postings: ids.length, batches: jobs.length },
      'rerank-site-trips fanned out',
    );
    return { postings: ids.length, batches: jobs.length };
  }
}
