import { Injectable } from '@nestjs/common';
import { JobHandler, type JobProcessor } from '../../platform/queue/job-handler';
import { JobName } from '../../platform/queue/job-name';
import { MatchingJobsRepository } from './matching-jobs.repository';

/**
 * Hourly: drops matching_change rows older than three hours whose transactions have ended. A
 * worker's seeker cache that has not synchronised for an hour starts over (SeekerCache), so no
 * cache ever needs a pruned row.
 */
@Injectable()
@JobHandler(JobName.PruneMatchingChanges)
export class PruneMatchingChangesJob implements JobProcessor<JobName.PruneMatchingChanges> {
  constructor(private readonly repository: MatchingJobsRepository) {}

  async process(): Promise<{ deleted: number }> {
    return { deleted: await this.repository.pruneChanges() };
  }
}
