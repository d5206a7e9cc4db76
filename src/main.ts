import 'reflect-metadata';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Logger as NestLogger, type INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Logger } from 'nestjs-pino';
import { AppModule } from './app.module';
import { BootstrapService } from './bootstrap/bootstrap.service';
import { AppConfig, ConfigError, loadConfig } from './platform/config/app-config';
import { ensureDatabase } from './platform/database/create-database';
import { createHttpApp } from './http-app';
import { startWorker } from './main-worker';

/** One entry point, three roles (LEYE_ROLE): api, worker, or all (the default of `npm start`). */
async function main(): Promise<void> {
  let config: AppConfig;
  try {
    config = loadConfig();
  } catch (e) {
    if (e instanceof ConfigError) {
      console.error(e.message);
      process.exit(1);
    }
    throw e;
  }
  if (config.bootstrap && (await ensureDatabase(config.databaseUrl))) {
    console.log(`Created database ${new URL(config.databaseUrl).pathname.slice(1)}`);
  }

  const app: INestApplicationContext =
    config.role === 'worker'
      ? await NestFactory.createApplicationContext(AppModule.forConfig(config), { bufferLogs: true })
      : await createHttpApp(config);
  if (config.role === 'worker') app.useLogger(app.get(Logger));
  const log = new NestLogger('Main');
  exitOnSignals(app, log);

  const boot = app.get(BootstrapService);
  if (config.bootstrap) await boot.migrate();
  await boot.runSteps();

  if (config.role !== 'worker') {
    const http = app as Awaited<ReturnType<typeof createHttpApp>>;
    await http.listen(config.port, config.host);
    log.log(`Leye ${config.role} listening on ${boundAddress(http.getHttpServer().address())}`);
  }
  if (config.role !== 'api') await startWorker(app);
  if (config.role === 'worker' && config.workerHealthPort) {
    // A worker has no public HTTP; this port only answers liveness for an orchestrator.
    const server = createServer((req, res) => {
      res.writeHead(req.url === '/health/live' ? 200 : 404, { 'content-type': 'application/json' });
      res.end(req.url === '/health/live' ? '{"status":"ok"}' : '{}');
    });
    server.listen(config.workerHealthPort, config.host);
    process.once('SIGTERM', () => server.close());
  }
  log.log(`Leye ${config.role} ready`);
}

/**
 * The address the server really bound (port 0 gives a free port; a wildcard host is every
 * interface, reachable on loopback), not the one configured.
 */
function boundAddress(a: string | AddressInfo | null): string {
  if (!a || typeof a === 'string') return String(a);
  const wildcard = a.address === '0.0.0.0' || a.address === '::';
  const host = wildcard
    ? a.family === 'IPv6'
      ? '[::1]'
      : '127.0.0.1'
    : a.family === 'IPv6'
      ? `[${a.address}]`
      : a.address;
  return `http://${host}:${a.port}${wildcard ? ` (all interfaces, ${a.address})` : ''}`;
}

/** How long in-flight requests and active jobs get after SIGTERM before the process gives up. */
const SHUTDOWN_GRACE_MS = 25_000;

/**
 * SIGTERM/SIGINT: stop accepting requests, let in-flight ones and active jobs finish, close the
 * pools, then exit 0. (Nest's default re-raises the signal, so a clean stop looked like a crash
 * to supervisors.) A job still running at the grace limit keeps its lock until it expires and
 * is then picked up by another worker.
 */
function exitOnSignals(app: INestApplicationContext, log: NestLogger): void {
  app.enableShutdownHooks(['SIGTERM', 'SIGINT'], { useProcessExit: true });
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.once(signal, () => {
      log.log(`${signal}: shutting down`);
      setTimeout(() => {
        console.error(`Shutdown took longer than ${SHUTDOWN_GRACE_MS} ms; exiting`);
        process.exit(1);
      }, SHUTDOWN_GRACE_MS).unref();
    });
  }
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? (e.stack ?? e.message) : e);
  process.exit(1);
});
