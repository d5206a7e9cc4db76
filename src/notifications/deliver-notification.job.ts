import { Injectable } from '@nestjs/common';
import type { Job } from 'bullmq';
import { JobHandler, type JobProcessor } from '../platform/queue/job-handler';
import { JobName, type JobData } from '../platform/queue/job-name';
import { DeliveryService, type DeliveryOutcome } from './delivery.service';

export type DeliverNotificationJobData = { deliveryId: string };

/** Sends one channel message (`delivery.<id>`); a failure is retried with DELIVERY_RETRY's backoff. */
@Injectable()
@JobHandler(JobName.DeliverNotification)
export class DeliverNotificationJob implements JobProcessor<JobName.DeliverNotification> {
  constructor(private readonly deliveries: DeliveryService) {}

  process(
    data: JobData<JobName.DeliverNotification>,
    job: Pick<Job<JobData<JobName.DeliverNotification>>, 'attemptsMade' | 'opts'>,
  ): Promise<DeliveryOutcome> {
    const finalAttempt = job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
    return this.deliveries.deliver(data.deliveryId, finalAttempt);
  }
}
