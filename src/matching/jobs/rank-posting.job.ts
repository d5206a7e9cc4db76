import { Injectable } from '@nestjs/common';
import { JobHandler, type JobProcessor } from '../../platform/queue/job-handler';
import { JobName, type JobData } from '../../platform/queue/job-name';
import { RankingService, type RankPostingOutcome } from '../ranking.service';

export type RankPostingJobData = JobData<JobName.RankPosting>;

/** Ranks the residents for one posting version (posting.changed, nightly re-rank). */
@Injectable()
@JobHandler(JobName.RankPosting)
export class RankPostingJob implements JobProcessor<JobName.RankPosting> {
  constructor(private readonly ranking: RankingService) {}

  process(data: RankPostingJobData): Promise<RankPostingOutcome> {
    return this.ranking.rankPosting(data.postingId, data.version);
  }
}
