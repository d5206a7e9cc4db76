import { Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { Queue, type JobsOptions } from 'bullmq';
import { AppConfig } from '../config/app-config';
import { Deployment } from '../database/deployment';
import { JOB_QUEUE, type JobData, type JobName } from './job-name';
import { ALL_QUEUES, type QueueName } from './queue-name';
import { producerConnection } from './redis-connection';

/** The field of every job's data that names the installation that added it (issue 19). */
export const JOB_DEPLOYMENT_FIELD = 'deployment';

/**
 * The producer side: adds typed jobs to their queue. Used by the api, the relay and jobs that fan out.
 * Queues live under the deployment's prefix, and every job added here carries the deployment id
 * in its data, so a worker of another installation that shares the prefix refuses it.
 */
@Injectable()
export class JobQueue implements OnApplicationShutdown {
  private readonly queues = new Map<QueueName, Queue>();

  constructor(
    private readonly config: AppConfig,
    private readonly deployment: Deployment,
  ) {}

  queue(name: QueueName): Queue {
    let q = this.queues.get(name);
    if (!q) {
      q = new Queue(name, {
        connection: producerConnection(this.config.redis, `leye-producer-${name}`),
        prefix: this.deployment.queuePrefix,
      });
      q.on('error', () => undefined); // Redis away: callers see the rejected add; /health/ready reports it
      this.queues.set(name, q);
    }
    return q;
  }

  allQueues(): Queue[] {
    return ALL_QUEUES.map((n) => this.queue(n));
  }

  /** The job's data with the deployment id beside the payload. */
  stamp<T>(data: T): T & { [JOB_DEPLOYMENT_FIELD]: string } {
    return { ...data, [JOB_DEPLOYMENT_FIELD]: this.deployment.id };
  }

  add<N extends JobName>(
    name: N,
    data: JobData<N>,
    opts: JobsOptions & { jobId?: string },
  ): Promise<unknown> {
    return this.queue(JOB_QUEUE[name]).add(name, this.stamp(data), opts);
  }

  addBulk<N extends JobName>(
    name: N,
    jobs: { data: JobData<N>; opts: JobsOptions & { jobId?: string } }[],
  ): Promise<unknown> {
    return this.queue(JOB_QUEUE[name]).addBulk(
      jobs.map((j) => ({ name, data: this.stamp(j.data), opts: j.opts })),
    );
  }

  /** Jobs of several names onto one queue (the outbox relay's batches). */
  addToQueue(
    queue: QueueName,
    jobs: { name: JobName; data: unknown; opts: JobsOptions }[],
  ): Promise<unknown> {
    return this.queue(queue).addBulk(
      jobs.map((j) => ({ name: j.name, data: this.stamp(j.data), opts: j.opts })),
    );
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
