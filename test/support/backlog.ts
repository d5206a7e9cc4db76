import { DataSource } from 'typeorm';
import { JobQueue } from '../../src/platform/queue/job-queue.service';
import type { TestApp } from './app';
import { eventually } from './notifications-factories';

/**
 * Waits until no outbox row is left to relay and no job is waiting or running (delayed retries of
 * earlier files' deliveries may stay). In a full run a file's worker is the first in a while: it
 * relays the earlier files' outbox rows before its own, so a file that waits for its own job
 * (a notification, a match list) drains that backlog first, in its beforeAll.
 */
export async function drainedBacklog(t: TestApp, ms: number): Promise<void> {
  const ds = t.app.get(DataSource);
  const queues = t.app.get(JobQueue);
  await eventually(async () => {
    const pending = await ds.query<unknown[]>(
      'SELECT 1 FROM outbox_event WHERE published_at IS NULL LIMIT 1',
    );
    if (pending.length) return false;
    const depths = Object.values(await queues.depths());
    return depths.every((d) => !d.waiting && !d.active && !d.prioritized);
  }, ms);
}
