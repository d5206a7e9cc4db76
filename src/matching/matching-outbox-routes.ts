import { Injectable } from '@nestjs/common';
import type { OutboxEvent } from '../platform/database/outbox-event.entity';
import { JobName } from '../platform/queue/job-name';
import { OutboxRoute, outboxJobId, type RouteContext, type RoutedJob } from '../platform/queue/outbox-routes';
import { RANKING_RETRY } from '../platform/queue/retry-policy';

function rankResident(
  residentId: string,
  version: number,
  e: OutboxEvent,
  ctx: RouteContext,
): RoutedJob<JobName.RankResident> {
  return {
    name: JobName.RankResident,
    data: { residentId, version },
    opts: { ...RANKING_RETRY, jobId: outboxJobId(e, ctx.deploymentShortId) },
  };
}

/**
 * What the changes matching ranks on become (DESIGN.md "The matching worker"); declared here,
 * beside the jobs, and found at start by OutboxRouter (queue/outbox-routes.ts).
 */
@Injectable()
export class MatchingOutboxRoutes {
  /** Re-ranks that posting version (the job skips it when closed or stale). */
  @OutboxRoute('posting.changed')
  postingChanged(e: OutboxEvent, ctx: RouteContext): RoutedJob[] {
    return [
      {
        name: JobName.RankPosting,
        data: { postingId: e.entityId, version: e.version },
        opts: { ...RANKING_RETRY, jobId: outboxJobId(e, ctx.deploymentShortId) },
      },
    ];
  }

  /** Re-ranks the resident (recommendations, skill gaps). */
  @OutboxRoute('resident.changed')
  residentChanged(e: OutboxEvent, ctx: RouteContext): RoutedJob[] {
    return [rankResident(e.entityId, e.version, e, ctx)];
  }

  /**
   * Nothing: the skill grant of the completion already wrote a `resident.changed` in the same
   * transaction, which re-ranks the resident. Routed (to no job) so the event is published.
   */
  @OutboxRoute('enrollment.completed')
  enrollmentCompleted(): RoutedJob[] {
    return [];
  }

  /** Re-ranks the resident named in the payload `{ residentId, residentVersion }`. */
  @OutboxRoute('placement.ended')
  placementEnded(e: OutboxEvent, ctx: RouteContext): RoutedJob[] {
    const { residentId, residentVersion } = e.payload ?? {};
    if (typeof residentId !== 'string' || typeof residentVersion !== 'number') return [];
    return [rankResident(residentId, residentVersion, e, ctx)];
  }
}
