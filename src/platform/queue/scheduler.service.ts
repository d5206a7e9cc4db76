import { Injectable, Logger } from '@nestjs/common';
import { AppConfig } from '../config/app-config';
import { JOB_QUEUE, JobName } from './job-name';
import { JobQueue } from './job-queue.service';
import { MAINTENANCE_RETRY } from './retry-policy';

export interface Schedule {
  id: string;
  job: JobName;
  /** Cron pattern, Asia/Shanghai time. */
  pattern: string;
}

/**
 * Scheduled jobs (nightly re-rank, daily expiry and follow-ups, hourly purges). BullMQ's job
 * schedulers live in Redis, so with many workers each run still happens once.
 */
export const SCHEDULES: Schedule[] = [
  { id: 'purge-expired-sessions', job: JobName.PurgeExpiredSessions, pattern: '17 * * * *' },
  { id: 'expire-postings', job: JobName.ExpirePostings, pattern: '5 3 * * *' },
  { id: 'dispatch-pending-deliveries', job: JobName.DispatchPendingDeliveries, pattern: '*/10 * * * *' },
  { id: 'create-follow-ups', job: JobName.CreateFollowUps, pattern: '15 3 * * *' },
  { id: 'recompute-households', job: JobName.RecomputeHouseholds, pattern: '45 2 * * *' },
  { id: 'rerank-all', job: JobName.RerankAll, pattern: '0 2 * * *' },
  { id: 'prune-matching-changes', job: JobName.PruneMatchingChanges, pattern: '40 * * * *' },
  // After the household recompute (02:45): overdue notices, stabilisation, missed openings.
  { id: 'casework-daily', job: JobName.CaseworkDaily, pattern: '30 3 * * *' },
  // Workshops judged daily (issue 17 §1); each run also stores the last quarter as of its last day.
  { id: 'workshops-daily', job: JobName.WorkshopsDaily, pattern: '50 3 * * *' },
];

@Injectable()
export class SchedulerService {
  private readonly logger = new Logger('Scheduler');

  constructor(
    private readonly queues: JobQueue,
    private readonly config: AppConfig,
  ) {}

  async register(): Promise<void> {
    if (!this.config.schedulerEnabled) return;
    for (const s of SCHEDULES) {
      await this.queues
        .queue(JOB_QUEUE[s.job])
        .upsertJobScheduler(
          s.id,
          { pattern: s.pattern, tz: 'Asia/Shanghai' },
          { name: s.job, data: this.queues.stamp({}), opts: MAINTENANCE_RETRY },
        );
    }
    this.logger.log(`Registered ${SCHEDULES.length} schedule(s)`);
  }
}
