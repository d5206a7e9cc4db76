import { Injectable } from '@nestjs/common';
import { JobHandler, type JobProcessor } from '../../platform/queue/job-handler';
import { JobName, type JobData } from '../../platform/queue/job-name';
import { RankingService, type RerankOutcome } from '../ranking.service';

/** One batch of the nightly re-rank (RerankAllJob): its postings ranked against one loaded candidate set. */
@Injectable()
@JobHandler(JobName.RerankPostings)
export class RerankPostingsJob implements JobProcessor<JobName.RerankPostings> {
  constructor(private readonly ranking: RankingService) {}

  process(data: JobData<JobName.RerankPostings>): Promise<RerankOutcome> {
    return this.ranking.rerankPostings(data.postingIds);
  }
}
