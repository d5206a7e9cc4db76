import { Injectable } from '@nestjs/common';
import { todayInPilotZone } from '../../kernel/clock';
import { JobHandler, type JobProcessor } from '../../platform/queue/job-handler';
import { JobName } from '../../platform/queue/job-name';
import { RegionsService } from '../../regions/regions.service';
import { WorkshopMonitor } from './workshop-monitor';
import { quarterOf } from './workshop-rules';
import { WorkshopsRepository } from './workshops.repository';

/**
 * Once a day: every workshop on the register judged as of today, so the quarter's figures are
 * on record at its end and a buffer that runs out clears the workshop (and tells the officers)
 * even when nobody opens the register.
 */
@Injectable()
@JobHandler(JobName.WorkshopsDaily)
export class WorkshopsDailyJob implements JobProcessor<JobName.WorkshopsDaily> {
  constructor(
    private readonly repo: WorkshopsRepository,
    private readonly monitor: WorkshopMonitor,
    private readonly regions: RegionsService,
  ) {}

  async process(): Promise<{ judged: number; changed: number }> {
    const live = await this.repo.live();
    const sites = new Map(
      (await this.regions.findSites([...new Set(live.map((w) => w.siteId))])).map((s) => [s.id, s]),
    );
    let changed = 0;
    for (const w of live) {
      const site = sites.get(w.siteId);
      if (!site) continue;
      const before = w.state;
      // Not for a workshop registered this quarter: it had no previous quarter on the register.
      // The quarter's start in the pilot's zone (+08:00 all year).
      if (w.createdAt < new Date(`${quarterOf(todayInPilotZone()).start}T00:00:00+08:00`))
        await this.monitor.closePreviousQuarter(w, site.regionCode);
      await this.monitor.refresh(w, site.regionCode);
      if (w.state !== before) changed += 1;
    }
    return { judged: live.length, changed };
  }
}
