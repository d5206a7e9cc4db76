import { randomUUID } from 'node:crypto';
import type Redis from 'ioredis';
import { Deployment } from '../../src/platform/database/deployment';
import { JobName } from '../../src/platform/queue/job-name';
import { JobQueue } from '../../src/platform/queue/job-queue.service';
import { QueueName } from '../../src/platform/queue/queue-name';
import { REDIS } from '../../src/platform/redis/redis.module';
import { createTestApp, type TestApp } from '../support/app';
import { eventually } from '../support/notifications-factories';

jest.setTimeout(60_000);

/**
 * Issue 19, defence in depth: two installations pinned to one LEYE_QUEUE_PREFIX. A worker never
 * runs or completes the other's job (it stays in the queue for that installation's workers) and
 * /health/ready says the prefix is shared, naming the other deployment.
 */
describe('a queue prefix shared with another installation', () => {
  let t: TestApp;
  let deployment: Deployment;
  let queues: JobQueue;
  const other = randomUUID();
  const jobId = `foreign-${process.pid}-${Date.now()}`;

  beforeAll(async () => {
    t = await createTestApp({ worker: true });
    deployment = t.app.get(Deployment);
    queues = t.app.get(JobQueue);
  });

  afterAll(async () => {
    await queues
      ?.queue(QueueName.Maintenance)
      .remove(jobId)
      .catch(() => undefined);
    await t?.app.get<Redis>(REDIS).zrem(`${deployment.queuePrefix}:deployments`, other);
    await t?.close();
  });

  it('leaves the other installation’s job in the queue, unrun, and /health/ready reports the sharing', async () => {
    expect(
      (await t.http.get('/health/ready').set('X-Metrics-Token', process.env.METRICS_TOKEN!)).body.checks
        .queues,
    ).toMatchObject({
      status: 'up',
      deployment: deployment.id,
      prefix: deployment.queuePrefix,
    });

    // As the other installation's api would add it: its own deployment id in the data.
    const q = queues.queue(QueueName.Maintenance);
    await q.add(JobName.PurgeExpiredSessions, { deployment: other }, { jobId, attempts: 1 });
    await eventually(async () => (await q.getJobState(jobId)) === 'delayed');
    const job = (await q.getJob(jobId))!;
    expect(job.finishedOn).toBeUndefined();
    expect(job.failedReason).toBeUndefined();
    expect(job.attemptsMade).toBe(0);

    const anonymous = await t.http.get('/health/ready');
    expect(anonymous.status).toBe(503);
    expect(anonymous.body.checks.queues.status).toBe('down');
    // Which installations share the prefix is for operators only.
    expect(JSON.stringify(anonymous.body)).not.toContain(other);
    expect(JSON.stringify(anonymous.body)).not.toContain(deployment.id);
    const ready = await t.http.get('/health/ready').set('X-Metrics-Token', process.env.METRICS_TOKEN!);
    expect(ready.status).toBe(503);
    expect(ready.body.checks.queues).toMatchObject({ status: 'down', otherDeployments: [other] });
    expect(ready.body.checks).toMatchObject({ postgres: { status: 'up' }, redis: { status: 'up' } });

    // A job of this installation on the same queue still runs.
    const ownId = `${jobId}-own`;
    await queues.add(JobName.PurgeExpiredSessions, {}, { jobId: ownId, attempts: 1 });
    await eventually(async () => (await q.getJobState(ownId)) === 'completed');
    await q.remove(ownId);
  });
});
