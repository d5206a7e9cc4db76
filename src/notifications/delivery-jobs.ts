import type { JobsOptions } from 'bullmq';
import type { OutboxEvent } from '../platform/database/outbox-event.entity';
import { JobName } from '../platform/queue/job-name';
import type { RoutedJob } from '../platform/queue/outbox-routes';
import { DELIVERY_RETRY } from '../platform/queue/retry-policy';

/** BullMQ forbids ':' in custom ids. One fixed id per delivery: adding it again is a no-op. */
export function deliveryJobId(deliveryId: string): string {
  return `delivery.${deliveryId}`;
}

/** DELIVERY_RETRY with the configured first backoff delay (NOTIFY_RETRY_DELAY_MS). */
export function deliveryJobOptions(deliveryId: string, retryDelayMs: number): JobsOptions {
  return {
    ...DELIVERY_RETRY,
    backoff: { type: 'exponential', delay: retryDelayMs },
    jobId: deliveryJobId(deliveryId),
  };
}

export interface DeliveriesEventPayload {
  deliveryIds: string[];
}

/** The outbox event `notification.deliveries` becomes one DeliverNotification job per delivery. */
export function routeDeliveries(e: OutboxEvent, retryDelayMs: number): RoutedJob[] {
  const ids = (e.payload as Partial<DeliveriesEventPayload>).deliveryIds ?? [];
  return ids.map((deliveryId) => ({
    name: JobName.DeliverNotification,
    data: { deliveryId },
    opts: deliveryJobOptions(deliveryId, retryDelayMs),
  }));
}
