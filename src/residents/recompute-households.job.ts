import { Injectable, Logger } from '@nestjs/common';
import { JobHandler, type JobProcessor } from '../platform/queue/job-handler';
import { JobName, type JobData } from '../platform/queue/job-name';
import { HouseholdsService } from './households.service';

export type RecomputeHouseholdsJobData = JobData<JobName.RecomputeHouseholds>;

/**
 * Members age into and out of working age (16–64) without any write, so the household figures
 * (labour-capable, employed, zero-employment) are recomputed once a day.
 */
@Injectable()
@JobHandler(JobName.RecomputeHouseholds)
export class RecomputeHouseholdsJob implements JobProcessor<JobName.RecomputeHouseholds> {
  private readonly logger = new Logger('RecomputeHouseholdsJob');

  constructor(private readonly households: HouseholdsService) {}

  async process(): Promise<{ changed: number }> {
    const changed = await this.households.recomputeAll();
    if (changed) this.logger.log(`Household figures changed for ${changed} household(s)`);
    return { changed };
  }
}
