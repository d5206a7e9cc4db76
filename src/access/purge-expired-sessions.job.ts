import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { JobHandler, type JobProcessor } from '../platform/queue/job-handler';
import { JobName, type JobData } from '../platform/queue/job-name';

export type PurgeExpiredSessionsJobData = JobData<JobName.PurgeExpiredSessions>;

/** Deletes sign-in sessions (and their refresh tokens) that expired or were revoked a week ago. */
@Injectable()
@JobHandler(JobName.PurgeExpiredSessions)
export class PurgeExpiredSessionsJob implements JobProcessor<JobName.PurgeExpiredSessions> {
  private readonly logger = new Logger('PurgeExpiredSessionsJob');

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async process(): Promise<{ purged: number }> {
    // A SELECT over the CTEs: TypeORM returns [rows, count] for a bare DELETE, so count in SQL.
    const [{ n }]: { n: number }[] = await this.dataSource.query(
      `WITH gone AS (
         DELETE FROM auth_session WHERE expires_at < now() - interval '7 days' OR revoked_at < now() - interval '7 days' RETURNING id),
       tokens AS (DELETE FROM refresh_token WHERE session_id IN (SELECT id FROM gone) RETURNING id)
       SELECT count(*)::int AS n FROM tokens`,
    );
    if (n) this.logger.log(`Purged ${n} refresh tokens`);
    return { purged: n };
  }
}
