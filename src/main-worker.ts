import { Logger, type INestApplicationContext } from '@nestjs/common';
import { CandidateLoader } from './matching/loaders/candidate.loader';
import { MatchingSettings } from './matching/matching-settings';
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
  warmMatching(app);
}

/**
 * Fills matching's seeker cache in the background, so the first ranking jobs after a start do
 * not each read their sites' seekers (a fresh worker's first jobs were the rank-posting tail,
 * test/bench). Jobs run meanwhile as they would without it; a failure only costs the warm-up.
 */
function warmMatching(app: INestApplicationContext): void {
  const logger = new Logger('MatchingWarmUp');
  const limits = app.get(MatchingSettings).config.distance;
  app
    .get(CandidateLoader)
    .warm(limits)
    .then(
      ({ seekers, ms }) => logger.log({ seekers, ms }, 'seeker cache warmed'),
      (e: unknown) => logger.warn({ err: e instanceof Error ? e.message : String(e) }, 'seeker cache not warmed'),
    );
}
