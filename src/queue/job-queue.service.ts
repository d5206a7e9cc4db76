import { Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { Queue, type JobsOptions } from 'bullmq';
import { AppConfig } from '../config/app-config';
import { JOB_QUEUE, type JobData, type JobName } from './job-name';
import { ALL_QUEUES, type QueueName } from './queue-name';
import { producerConnection } from './redis-connection';

/** The producer side: adds typed jobs to their queue. Used by the api, the relay and jobs that fan out. */
@Injectable()
export class JobQueue implements OnApplicationShutdown {
  private readonly queues = new Map<QueueName, Queue>();

  constructor(private readonly config: AppConfig) {}

  queue(name: QueueName): Queue {
    let q = this.queues.get(name);
    if (!q) {
      q = new Queue(name, {
        connection: producerConnection(this.config.redis, `leye-producer-${name}`),
        prefix: this.config.queuePrefix,
      });
      q.on('error', () => undefined); // Redis away: callers see the rejected add; /health/ready reports it
      this.queues.set(name, q);
    }
    return q;
  }

  allQueues(): Queue[] {
    return ALL_QUEUES.map((n) => this.queue(n));
  }

  add<N extends JobName>(
    name: N,
    data: JobData<N>,
    opts: JobsOptions & { jobId?: string },
  ): Promise<unknown> {
    return this.queue(JOB_QUEUE[name]).add(name, data, opts);
  }

  addBulk<N extends JobName>(
    name: N,
    jobs: { data: JobData<N>; opts: JobsOptions & { jobId?: string } }[],
  ): Promise<unknown> {
    return this.queue(JOB_QUEUE[name]).addBulk(jobs.map((j) => ({ name, data: j.data, opts: j.opts })));
  }

  /** Waiting + active + delayed per queue, for /metrics and the tests that wait for a drained queue. */
  async depths(): Promise<Record<string, Record<string, number>>> {
    const out: Record<string, Record<string, number>> = {};
    for (const q of this.allQueues()) {
      out[q.name] = await q.getJobCounts(
        'waiting',
        'active',
        'delayed',
        'failed',
        'prioritized',
        'waiting-children',
      );
    }
    return out;
  }

  async onApplicationShutdown(): Promise<void> {
    await Promise.all([...this.queues.values()].map((q) => q.close().catch(() => undefined)));
  }
}
