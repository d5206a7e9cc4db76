import { Injectable } from '@nestjs/common';
import { collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';
import { OutboxRelay } from '../platform/database/outbox-relay';
import { JobQueue } from '../platform/queue/job-queue.service';

/** Prometheus metrics: HTTP latency, queue depths, and the process defaults (memory, event loop). */
@Injectable()
export class MetricsService {
  readonly registry = new Registry();
  readonly httpDuration: Histogram<'method' | 'route' | 'status'>;

  constructor(queues: JobQueue, relay: OutboxRelay) {
    collectDefaultMetrics({ register: this.registry, prefix: 'leye_' });
    this.httpDuration = new Histogram({
      name: 'leye_http_request_duration_seconds',
      help: 'HTTP request latency by route',
      labelNames: ['method', 'route', 'status'],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
      registers: [this.registry],
    });
    new Gauge({
      name: 'leye_queue_jobs',
      help: 'Jobs per queue and state',
      labelNames: ['queue', 'state'],
      registers: [this.registry],
      async collect() {
        const depths = await queues.depths().catch(() => ({}));
        for (const [queue, counts] of Object.entries(depths)) {
          for (const [state, n] of Object.entries(counts)) this.set({ queue, state }, n);
        }
      },
    });
    new Gauge({
      name: 'leye_outbox_unrouted_events',
      help: 'Unpublished outbox events per kind that no route publishes (kept, not lost)',
      labelNames: ['kind'],
      registers: [this.registry],
      async collect() {
        this.reset();
        const unrouted = await relay.unrouted().catch(() => ({}));
        for (const [kind, n] of Object.entries(unrouted)) this.set({ kind }, n);
      },
    });
  }
}
