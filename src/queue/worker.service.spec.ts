import type { DiscoveryService } from '@nestjs/core';
import type { InstanceWrapper } from '@nestjs/core/injector/instance-wrapper';
import type { AppConfig } from '../config/app-config';
import { JobHandler } from './job-handler';
import { JobName } from './job-name';
import { MissingJobHandlerError, WorkerService } from './worker.service';

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

function workerWith(providers: InstanceWrapper[]): WorkerService {
  const discovery = { getProviders: () => providers } as unknown as DiscoveryService;
  return new WorkerService(discovery, {} as AppConfig);
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
