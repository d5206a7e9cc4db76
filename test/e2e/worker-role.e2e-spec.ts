import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { AppModule } from '../../src/app.module';
import { loadConfig } from '../../src/platform/config/app-config';
import { DemoDataStep } from '../../tools/demo/demo-data.step';
import { WorkerService } from '../../src/platform/queue/worker.service';
import { HomePagesController } from '../../src/web/home-pages.controller';
import { WebModule } from '../../src/web/web.module';

/**
 * Issue 14 item 7: LEYE_ROLE=worker builds its context without the web pages (the graph itself
 * is checked in src/app.module.spec.ts); this boots it on the run's database and Redis, so a
 * feature that needed a page module's provider would fail here.
 */
describe('worker role', () => {
  let app: INestApplicationContext;
  const saved = { ...process.env };

  beforeAll(async () => {
    Object.assign(process.env, { LEYE_ROLE: 'worker' });
    app = await NestFactory.createApplicationContext(AppModule.forConfig(loadConfig()), {
      logger: ['error', 'warn'],
    });
    await app.init();
  });

  afterAll(async () => {
    await app?.close();
    process.env = saved;
  });

  it('has its job processors and no web module, page controller or demo data', () => {
    expect(app.get(WorkerService)).toBeDefined();
    expect(() => app.get(WebModule)).toThrow();
    expect(() => app.get(HomePagesController)).toThrow();
    expect(() => app.get(DemoDataStep)).toThrow(); // LEYE_DEMO=false in the tests
  });
});
