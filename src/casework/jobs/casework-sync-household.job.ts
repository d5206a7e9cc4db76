import { Injectable } from '@nestjs/common';
import { JobHandler, type JobProcessor } from '../../platform/queue/job-handler';
import { JobName, type JobData } from '../../platform/queue/job-name';
import { CaseOpeningService, type SyncOutcome } from '../case-opening.service';

/** A household's zero-employment flag changed: open, reopen or advance its case. */
@Injectable()
@JobHandler(JobName.CaseworkSyncHousehold)
export class CaseworkSyncHouseholdJob implements JobProcessor<JobName.CaseworkSyncHousehold> {
  constructor(private readonly opening: CaseOpeningService) {}

  async process(data: JobData<JobName.CaseworkSyncHousehold>): Promise<{ outcome: SyncOutcome }> {
    return { outcome: await this.opening.sync(data.householdId) };
  }
}
