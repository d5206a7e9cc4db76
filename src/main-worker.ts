import type { INestApplicationContext } from '@nestjs/common';
import { OutboxRelay } from './platform/database/outbox-relay';
import { SchedulerService } from './platform/queue/scheduler.service';
import { WorkerService } from './platform/queue/worker.service';

/** Starts the worker side: job processors, the outbox relay and the schedules. */
export async function startWorker(app: INestApplicationContext): Promise<void> {
  const worker = app.get(WorkerService);
  await worker.start();
  const relay = app.get(OutboxRelay);
  relay.start();
  worker.onStop(() => relay.stop());
  await app.get(SchedulerService).register();
}
