import { SetMetadata } from '@nestjs/common';
import type { JobsOptions } from 'bullmq';
import type { OutboxEvent, OutboxKind } from '../database/outbox-event.entity';
import type { JobData, JobName } from './job-name';

/*
 * HOW A FEATURE DECLARES WHERE ITS OUTBOX EVENT GOES (issue 14 item 3)
 *
 * 1. Add the kind to `OutboxKind` (database/outbox-event.entity.ts) and write the event with
 *    OutboxService in the transaction of the change.
 * 2. In the feature's own provider (a service or a small `<feature>-outbox-routes.ts` class
 *    listed in the feature module's providers), put @OutboxRoute('<kind>') on a method
 *    `(e: OutboxEvent, ctx: RouteContext) => RoutedJob[]` that turns the event into jobs; build
 *    the job id with outboxJobId(e, ctx.deploymentShortId) (or another id fixed by the event,
 *    ending in ctx.deploymentShortId) so publishing twice adds the job once.
 * 3. Give each job name its @JobHandler (queue/job-handler.ts) as usual.
 *
 * OutboxRouter (queue/outbox-router.ts) finds every @OutboxRoute at start; two routes for one
 * kind stop the process. Nothing else registers a route: do not export a map to write into.
 * An event whose kind has no route in the running process is kept unpublished and reported
 * (OutboxRelay: logged once per kind, /health/ready, /metrics leye_outbox_unrouted_events).
 *
 * Where each kind goes today (grep "@OutboxRoute(" for the list):
 *   posting.changed, resident.changed, enrollment.completed, placement.ended → matching/matching-outbox-routes.ts
 *   notification.deliveries → notifications/notifications.service.ts
 *   import.requested → imports/imports.service.ts
 *   household.employment_changed → casework/case-opening.service.ts
 *   site.travel_times.changed → matching/jobs/rerank-site-trips.job.ts
 */

export interface RoutedJob<N extends JobName = JobName> {
  name: N;
  data: JobData<N>;
  opts: JobsOptions;
}

/**
 * The job id built from (kind, entity id, version), so publishing the same event twice adds the
 * job once (BullMQ ignores a known id), and ending with the deployment's short id (issue 11
 * item 8): an id BullMQ still keeps as completed from another database on the same prefix (an
 * earlier install) never swallows this database's event. BullMQ forbids ':' in custom ids,
 * hence the dots.
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

export type OutboxRouteFn = (e: OutboxEvent, ctx: RouteContext) => RoutedJob[];

export const OUTBOX_ROUTE = 'leye:outbox-route';

/** Declares the decorated method as the route of outbox events of `kind` (see the top of this file). */
export const OutboxRoute = (kind: OutboxKind): MethodDecorator => SetMetadata(OUTBOX_ROUTE, kind);
