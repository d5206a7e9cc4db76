import type { DiscoveryService } from '@nestjs/core';
import type { InstanceWrapper } from '@nestjs/core/injector/instance-wrapper';
import { DelayedError, type Job } from 'bullmq';
import type { AppConfig } from '../config/app-config';
import { deploymentOf } from '../database/deployment';
import { JobHandler } from './job-handler';
import { JobName } from './job-name';
import type { PrefixSharing } from './prefix-sharing';
import { FOREIGN_JOB_DELAY_MS, MissingJobHandlerError, WorkerService } from './worker.service';

const OURS = '11111111-2222-4333-8444-555555555555';
const THEIRS = '99999999-8888-4777-8666-555555555555';

/** A provider class decorated as the handler of `name`, as a module would register it. */
function handlerFor(name: JobName): InstanceWrapper {
  @JobHandler(name)
  class FakeHandler {
    process(): Promise<unknown> {
      return Promise.resolve(name);
    }
  }
  return { metatype: FakeHandler, instance: new FakeHandler() } as unknown as InstanceWrapper;
}

function plainProvider(): InstanceWrapper {
  class NotAJob {}
  return { metatype: NotAJob, instance: new NotAJob() } as unknown as InstanceWrapper;
}

function workerWith(providers: InstanceWrapper[], sharing = { seen: jest.fn() }): WorkerService {
  const discovery = { getProviders: () => providers } as unknown as DiscoveryService;
  return new WorkerService(
    discovery,
    {} as AppConfig,
    deploymentOf(OURS, 'shared'),
    sharing as unknown as PrefixSharing,
  );
}

describe('WorkerService.collectHandlers (issue 2: the worker refuses to start when a job has no handler)', () => {
  const everyJob = Object.values(JobName);

  it('finds one handler per job name among all providers', () => {
    const handlers = workerWith([plainProvider(), ...everyJob.map(handlerFor)]).collectHandlers();
    expect([...handlers.keys()].sort()).toEqual([...everyJob].sort());
  });

  it('refuses to start, naming the job, when a job name has no handler', () => {
    const [missing, ...rest] = everyJob;
    const worker = workerWith(rest.map(handlerFor));
    expect(() => worker.collectHandlers()).toThrow(MissingJobHandlerError);
    expect(() => worker.collectHandlers()).toThrow(new RegExp(`No handler for job\\(s\\): ${missing}`));
  });

  it('refuses two handlers for the same job', () => {
    const worker = workerWith([...everyJob.map(handlerFor), handlerFor(everyJob[0])]);
    expect(() => worker.collectHandlers()).toThrow(`Two handlers for job ${everyJob[0]}`);
  });

  it('ignores providers without an instance (not yet resolved or request-scoped)', () => {
    const unresolved = { ...handlerFor(everyJob[0]), instance: undefined } as unknown as InstanceWrapper;
    const handlers = workerWith([unresolved, ...everyJob.map(handlerFor)]).collectHandlers();
    expect(handlers.size).toBe(everyJob.length);
  });
});

describe('WorkerService.dispatch (issue 19: a job of another installation on a shared prefix)', () => {
  function setUp() {
    const processed: unknown[] = [];
    @JobHandler(JobName.RankResident)
    class RankResidentHandler {
      process(data: unknown): Promise<unknown> {
        processed.push(data);
        return Promise.resolve('ranked');
      }
    }
    const others = Object.values(JobName)
      .filter((n) => n !== JobName.RankResident)
      .map(handlerFor);
    const rank = {
      metatype: RankResidentHandler,
      instance: new RankResidentHandler(),
    } as unknown as InstanceWrapper;
    const sharing = { seen: jest.fn().mockResolvedValue(undefined) };
    const worker = workerWith([rank, ...others], sharing);
    (worker as unknown as { handlers: unknown }).handlers = worker.collectHandlers();
    const logger = (worker as unknown as { logger: { error: (...args: unknown[]) => void } }).logger;
    const log = jest.spyOn(logger, 'error').mockImplementation(() => undefined);
    const job = (deployment: string) =>
      ({
        id: `resident.changed.r1.v1`,
        name: JobName.RankResident,
        queueName: 'matching',
        data: { residentId: 'r1', version: 1, deployment },
        moveToDelayed: jest.fn().mockResolvedValue(undefined),
      }) as unknown as Job & { moveToDelayed: jest.Mock };
    return { worker, processed, sharing, log, job };
  }

  it('runs a job of its own installation', async () => {
    const { worker, processed, job } = setUp();
    await expect(worker.dispatch(job(OURS), 'token')).resolves.toBe('ranked');
    expect(processed).toHaveLength(1);
  });

  it('neither runs nor completes a job of another installation: it goes back to the queue, delayed', async () => {
    const { worker, processed, sharing, job } = setUp();
    const foreign = job(THEIRS);
    const before = Date.now();
    await expect(worker.dispatch(foreign, 'token')).rejects.toBeInstanceOf(DelayedError);
    expect(processed).toHaveLength(0);
    expect(foreign.moveToDelayed).toHaveBeenCalledWith(expect.any(Number), 'token');
    expect(foreign.moveToDelayed.mock.calls[0][0]).toBeGreaterThanOrEqual(before + FOREIGN_JOB_DELAY_MS);
    // /health/ready of both installations learns of the sharing through the prefix's set.
    expect(sharing.seen).toHaveBeenCalledWith(THEIRS);
  });

  it('logs the sharing once per foreign installation, with both identities', async () => {
    const { worker, log, job } = setUp();
    for (let i = 0; i < 3; i++) await worker.dispatch(job(THEIRS), 'token').catch(() => undefined);
    expect(log).toHaveBeenCalledTimes(1);
    expect(log.mock.calls[0][0]).toMatchObject({
      ourDeployment: OURS,
      jobDeployment: THEIRS,
      prefix: 'shared',
    });
  });
});
