import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import request from 'supertest';
import { BootstrapService } from '../../src/bootstrap/bootstrap.service';
import { loadConfig } from '../../src/platform/config/app-config';
import { createHttpApp } from '../../src/http-app';
import { startWorker } from '../../src/main-worker';

export interface TestApp {
  app: NestFastifyApplication;
  http: ReturnType<typeof request>;
  close(): Promise<void>;
}

/**
 * The real app (Fastify, PostgreSQL, Redis) on the run's database. With `worker: true` the
 * same process also runs the job processors and the outbox relay, as `npm start` does.
 */
export async function createTestApp(
  opts: { worker?: boolean; env?: Record<string, string> } = {},
): Promise<TestApp> {
  const saved = { ...process.env };
  Object.assign(process.env, opts.env ?? {});
  const config = loadConfig();
  const app = await createHttpApp(config);
  await app.init();
  await app.getHttpAdapter().getInstance().ready();
  await app.get(BootstrapService).runSteps();
  if (opts.worker) await startWorker(app);
  process.env = saved;
  return {
    app,
    http: request(app.getHttpServer()),
    close: () => app.close(),
  };
}
