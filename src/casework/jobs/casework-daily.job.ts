import { Injectable } from '@nestjs/common';
import { JobHandler, type JobProcessor } from '../../platform/queue/job-handler';
import { JobName } from '../../platform/queue/job-name';
import { CaseClockService } from '../case-clock.service';
import { CaseOpeningService } from '../case-opening.service';

/**
 * Once a day after the household recompute: cases brought in step with the flags (the bulk
 * recompute writes no events), employed cases stabilised after the configured period, and the
 * overdue notices (once per deadline).
 */
@Injectable()
@JobHandler(JobName.CaseworkDaily)
export class CaseworkDailyJob implements JobProcessor<JobName.CaseworkDaily> {
  constructor(
    private readonly opening: CaseOpeningService,
    private readonly clock: CaseClockService,
  ) {}

  async process(): Promise<{ synced: number; stabilised: number; notified: number }> {
    const synced = await this.opening.sweep('members_changed');
    const stabilised = await this.clock.stabilise();
    const notified = await this.clock.notifyOverdue();
    return { synced, stabilised, notified };
  }
}
