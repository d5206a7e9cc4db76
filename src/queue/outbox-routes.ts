import type { JobsOptions } from 'bullmq';
import type { OutboxEvent, OutboxKind } from '../database/outbox-event.entity';
import type { JobData, JobName } from './job-name';

export interface RoutedJob<N extends JobName = JobName> {
  name: N;
  data: JobData<N>;
  opts: JobsOptions;
}

/**
 * What each outbox event becomes in BullMQ. The job id is built from (kind, entity id,
 * version), so publishing the same event twice adds the job once (BullMQ ignores a known id).
 * BullMQ forbids ':' in custom ids, hence the dots.
 */
export function outboxJobId(e: Pick<OutboxEvent, 'kind' | 'entityId' | 'version'>): string {
  return `${e.kind}.${e.entityId}.v${e.version}`;
}

export type OutboxRoute = (e: OutboxEvent) => RoutedJob[];

/** Filled in by the modules that react to events (matching, placements). */
export const OUTBOX_ROUTES: Partial<Record<OutboxKind, OutboxRoute>> = {};
