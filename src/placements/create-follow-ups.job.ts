import { Injectable, Logger } from '@nestjs/common';
import { JobHandler, type JobProcessor } from '../platform/queue/job-handler';
import { JobName, type JobData } from '../platform/queue/job-name';
import { FollowUpsService } from './follow-ups.service';

export type CreateFollowUpsJobData = JobData<JobName.CreateFollowUps>;

/** Daily: follow-up tasks for active placements whose 1-, 3- or 6-month date has come. */
@Injectable()
@JobHandler(JobName.CreateFollowUps)
export class CreateFollowUpsJob implements JobProcessor<JobName.CreateFollowUps> {
  private readonly logger = new Logger('CreateFollowUpsJob');

  constructor(private readonly followUps: FollowUpsService) {}

  async process(): Promise<{ created: number }> {
    const created = await this.followUps.createDue();
    if (created) this.logger.log(`Created ${created} follow-up task(s)`);
    return { created };
  }
}
