import { Injectable } from '@nestjs/common';
import { JobHandler, type JobProcessor } from '../platform/queue/job-handler';
import { JobName } from '../platform/queue/job-name';
import { NotificationsService } from './notifications.service';

/**
 * Sweep: re-submits deliveries still pending after 5 minutes (Redis lost their jobs, e.g. after a
 * failover without AOF). PostgreSQL is the record; Redis can be rebuilt from it.
 */
@Injectable()
@JobHandler(JobName.DispatchPendingDeliveries)
export class DispatchPendingDeliveriesJob implements JobProcessor<JobName.DispatchPendingDeliveries> {
  constructor(private readonly notifications: NotificationsService) {}

  async process(): Promise<{ resubmitted: number }> {
    return { resubmitted: await this.notifications.dispatchPending({ olderThanMs: 5 * 60_000 }) };
  }
}
