import { Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import { DiscoveryService } from '@nestjs/core';
import { DelayedError, Worker, type Job } from 'bullmq';
import { AppConfig } from '../config/app-config';
import { Deployment } from '../database/deployment';
import { JOB_HANDLER, type JobProcessor } from './job-handler';
import { JOB_QUEUE, JobName } from './job-name';
import { JOB_DEPLOYMENT_FIELD } from './job-queue.service';
import { PrefixSharing } from './prefix-sharing';
import { QueueName } from './queue-name';
import { redisConnection } from './redis-connection';

/** How many jobs of each queue one worker process runs at once. */
const CONCURRENCY: Record<QueueName, (base: number) => number> = {
  [QueueName.Matching]: (base) => Math.max(1, Math.floor(base / 2)),
  [QueueName.MatchingBulk]: () => 1,
  [QueueName.Notifications]: (base) => base * 4,
  [QueueName.Imports]: () => 1,
  [QueueName.Maintenance]: () => 1,
};

export class MissingJobHandlerError extends Error {}

/** How long a job of another installation waits before any worker looks at it again. */
export const FOREIGN_JOB_DELAY_MS = 10_000;

/**
 * The consumer side. Finds every @JobHandler, refuses to start when a job name has none
 * (immich `job.repository.ts#setup`), runs one BullMQ Worker per queue, and on shutdown lets
 * active jobs finish (`worker.close()`); a job that cannot finish in time keeps its lock until
 * it expires and is then picked up again by any worker, so nothing is lost.
 */
@Injectable()
export class WorkerService implements OnApplicationShutdown {
  private readonly logger = new Logger('Worker');
  private readonly workers: Worker[] = [];
  private handlers = new Map<JobName, JobProcessor<JobName>>();
  private readonly stopHooks: (() => Promise<void>)[] = [];
  private readonly foreignSeen = new Set<string>();

  constructor(
    private readonly discovery: DiscoveryService,
    private readonly config: AppConfig,
    private readonly deployment: Deployment,
    private readonly sharing: PrefixSharing,
  ) {}

  collectHandlers(): Map<JobName, JobProcessor<JobName>> {
    const handlers = new Map<JobName, JobProcessor<JobName>>();
    for (const w of this.discovery.getProviders()) {
      if (!w.metatype || !w.instance) continue;
      const name = Reflect.getMetadata(JOB_HANDLER, w.metatype) as JobName | undefined;
      if (!name) continue;
      if (handlers.has(name)) throw new Error(`Two handlers for job ${name}`);
      handlers.set(name, w.instance as JobProcessor<JobName>);
    }
    const missing = Object.values(JobName).filter((n) => !handlers.has(n));
    if (missing.length)
      throw new MissingJobHandlerError(`No handler for job(s): ${missing.join(', ')}; refusing to start`);
    return handlers;
  }

  /** Something else the worker runs (the outbox relay, the scheduler) that must stop with it. */
  onStop(hook: () => Promise<void>): void {
    this.stopHooks.push(hook);
  }

  async start(): Promise<void> {
    this.handlers = this.collectHandlers();
    const queues = new Set(Object.values(JobName).map((n) => JOB_QUEUE[n]));
    for (const queue of queues) {
      const worker = new Worker(queue, (job: Job, token?: string) => this.dispatch(job, token), {
        connection: redisConnection(this.config.redis, `leye-worker-${queue}`),
        prefix: this.deployment.queuePrefix,
        concurrency: CONCURRENCY[queue](this.config.workerConcurrency),
        // Ranking yields between batches, so a 30 s lock is renewed in time (see matching/).
        lockDuration: 30_000,
        stalledInterval: 15_000,
        maxStalledCount: 2,
        autorun: true,
      });
      worker.on('failed', (job, err) =>
        this.logger.warn(
          { queue, job: job?.name, jobId: job?.id, attempt: job?.attemptsMade, err: err.message },
          'job failed',
        ),
      );
      worker.on('error', (err) => this.logger.warn({ queue, err: err.message }, 'worker error'));
      this.workers.push(worker);
    }
    this.logger.log(`Worker started: ${[...queues].join(', ')} (${this.handlers.size} job types)`);
  }

  async dispatch(job: Job, token?: string): Promise<unknown> {
    const from = (job.data as Record<string, unknown> | undefined)?.[JOB_DEPLOYMENT_FIELD];
    if (typeof from === 'string' && from !== this.deployment.id) return this.leaveForeign(job, from, token);
    const handler = this.handlers.get(job.name as JobName);
    if (!handler) throw new Error(`No handler for job ${job.name}`);
    return handler.process(job.data, job);
  }

  /**
   * A job another installation added (both pinned LEYE_QUEUE_PREFIX to one value, issue 19): it
   * is neither run against our database nor completed nor failed, but put back as delayed
   * (without spending an attempt), so that installation's own workers still take it. Logged once
   * per foreign deployment; /health/ready reports the sharing on both installations.
   */
  private async leaveForeign(job: Job, from: string, token?: string): Promise<never> {
    await this.sharing.seen(from).catch(() => undefined);
    if (!this.foreignSeen.has(from)) {
      this.foreignSeen.add(from);
      this.logger.error(
        {
          queue: job.queueName,
          job: job.name,
          jobId: job.id,
          prefix: this.deployment.queuePrefix,
          ourDeployment: this.deployment.id,
          jobDeployment: from,
        },
        'job of another installation on this queue prefix: left in the queue, not run (give each installation its own LEYE_QUEUE_PREFIX, or leave it unset)',
      );
    }
    await job.moveToDelayed(Date.now() + FOREIGN_JOB_DELAY_MS, token);
    throw new DelayedError();
  }

  async stop(): Promise<void> {
    for (const hook of this.stopHooks.splice(0))
      await hook().catch((e: Error) => this.logger.warn(e.message));
    await Promise.all(this.workers.splice(0).map((w) => w.close()));
  }

  async onApplicationShutdown(): Promise<void> {
    await this.stop();
  }
}
