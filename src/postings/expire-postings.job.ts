import { Injectable, Logger } from '@nestjs/common';
import { JobHandler, type JobProcessor } from '../platform/queue/job-handler';
import { JobName, type JobData } from '../platform/queue/job-name';
import { PostingsService } from './postings.service';

export type ExpirePostingsJobData = JobData<JobName.ExpirePostings>;

/** Daily: open postings whose expiresAt has passed become expired (a new version each, via the outbox). */
@Injectable()
@JobHandler(JobName.ExpirePostings)
export class ExpirePostingsJob implements JobProcessor<JobName.ExpirePostings> {
  private readonly logger = new Logger('ExpirePostingsJob');

  constructor(private readonly postings: PostingsService) {}

  async process(): Promise<{ expired: number }> {
    const expired = await this.postings.expireDue();
    if (expired) this.logger.log(`Expired ${expired} posting(s)`);
    return { expired };
  }
}
