import { Injectable, Logger } from '@nestjs/common';
import { JobHandler, type JobProcessor } from '../platform/queue/job-handler';
import { JobName, type JobData } from '../platform/queue/job-name';
import { SessionsRepository } from './sessions.repository';

export type PurgeExpiredSessionsJobData = JobData<JobName.PurgeExpiredSessions>;

/** Deletes sign-in sessions (and their refresh tokens) that expired or were revoked a week ago. */
@Injectable()
@JobHandler(JobName.PurgeExpiredSessions)
export class PurgeExpiredSessionsJob implements JobProcessor<JobName.PurgeExpiredSessions> {
  private readonly logger = new Logger('PurgeExpiredSessionsJob');

  constructor(private readonly sessions: SessionsRepository) {}

  async process(): Promise<{ purged: number }> {
    const n = await this.sessions.purgeEnded();
    if (n) this.logger.log(`Purged ${n} refresh tokens`);
    return { purged: n };
  }
}
