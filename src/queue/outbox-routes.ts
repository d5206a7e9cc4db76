import type { JobsOptions } from 'bullmq';
import type { OutboxEvent, OutboxKind } from '../database/outbox-event.entity';
import { JobName, type JobData } from './job-name';
import { RANKING_RETRY } from './retry-policy';

export interface RoutedJob<N extends JobName = JobName> {
  name: N;
  data: JobData<N>;
  opts: JobsOptions;
}

/**
 * What each outbox event becomes in BullMQ. The job id is built from (kind, entity id,
 * version), so publishing the same event twice adds the job once (BullMQ ignores a known id),
 * and ends with the deployment's short id (issue 11 item 8): an id BullMQ still keeps as
 * completed from another database on the same prefix (an earlier install) never swallows this
 * database's event. BullMQ forbids ':' in custom ids, hence the dots.
 */
export function outboxJobId(
  e: Pick<OutboxEvent, 'kind' | 'entityId' | 'version'>,
  deploymentShortId: string,
): string {
  return `${e.kind}.${e.entityId}.v${e.version}.${deploymentShortId}`;
}

/** What a route knows besides the event: the installation publishing it. */
export interface RouteContext {
  deploymentShortId: string;
}

export type OutboxRoute = (e: OutboxEvent, ctx: RouteContext) => RoutedJob[];

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
 * Filled in by the modules that react to events (matching, placements; notifications adds its
 * own at start). Matching (DESIGN.md "The matching worker"):
 * - `posting.changed` re-ranks that posting version (the job skips it when closed or stale);
 * - `resident.changed` re-ranks the resident (recommendations, skill gaps);
 * - `enrollment.completed` adds nothing: the skill grant of the completion already wrote a
 *   `resident.changed` in the same transaction, which re-ranks the resident;
 * - `placement.ended` re-ranks the resident named in the payload `{ residentId, residentVersion }`.
 * A kind with no route here is not lost: the relay leaves its rows unpublished and reports them.
 */
export const OUTBOX_ROUTES: Partial<Record<OutboxKind, OutboxRoute>> = {
  'posting.changed': (e, ctx) => [
    {
      name: JobName.RankPosting,
      data: { postingId: e.entityId, version: e.version },
      opts: { ...RANKING_RETRY, jobId: outboxJobId(e, ctx.deploymentShortId) },
    },
  ],
  'resident.changed': (e, ctx) => [rankResident(e.entityId, e.version, e, ctx)],
  'enrollment.completed': () => [],
  'placement.ended': (e, ctx) => {
    const { residentId, residentVersion } = e.payload ?? {};
    if (typeof residentId !== 'string' || typeof residentVersion !== 'number') return [];
    return [rankResident(residentId, residentVersion, e, ctx)];
  },
};
