import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { JobHandler, type JobProcessor } from '../../platform/queue/job-handler';
import { JobName } from '../../platform/queue/job-name';

/**
 * Hourly: drops matching_change rows older than three hours whose transactions have ended. A
 * worker's seeker cache that has not synchronised for an hour starts over (SeekerCache), so no
 * cache ever needs a pruned row.
 */
@Injectable()
@JobHandler(JobName.PruneMatchingChanges)
export class PruneMatchingChangesJob implements JobProcessor<JobName.PruneMatchingChanges> {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async process(): Promise<{ deleted: number }> {
    const [{ n }] = await this.dataSource.query<{ n: number }[]>(
      `WITH gone AS (
         DELETE FROM matching_change
          WHERE changed_at < now() - interval '3 hours' AND xid < pg_snapshot_xmin(pg_current_snapshot())
          RETURNING 1)
       SELECT count(*)::int AS n FROM gone`,
    );
    return { deleted: n };
  }
}
