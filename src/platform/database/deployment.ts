import { Logger } from '@nestjs/common';
import type { DataSource } from 'typeorm';

/**
 * The identity of this installation (issue 19): a uuid created at the first start and stored in
 * the database, so every process on that database (api, workers, restarts) agrees on it and no
 * other database has it. Installations on one Redis derive distinct queue prefixes from it, and
 * every job carries it, so a worker can tell a job of another installation.
 */
export class Deployment {
  constructor(
    readonly id: string,
    /** The prefix of every Redis key of this installation (queues, rate limits, web sessions). */
    readonly queuePrefix: string,
    /** True when LEYE_QUEUE_PREFIX pinned the prefix instead of the id. */
    readonly prefixExplicit: boolean,
  ) {}

  /** 12 hex digits of the id (48 bits): in the default prefix and in outbox job ids. */
  get short(): string {
    return shortDeploymentId(this.id);
  }
}

export function shortDeploymentId(id: string): string {
  return id.replace(/-/g, '').slice(0, 12);
}

/** `leye-<short id>` unless LEYE_QUEUE_PREFIX says otherwise. */
export function deploymentOf(id: string, override: string | null): Deployment {
  return new Deployment(id, override ?? `leye-${shortDeploymentId(id)}`, override !== null);
}

const WAIT_LOG_EVERY_MS = 15_000;

/**
 * Reads the deployment id, creating it on the first start. Race-safe: the table holds one row
 * (primary key `singleton`), so of two processes starting together one inserts and the other's
 * insert does nothing; both then read the same id. A process that does not migrate (a worker
 * started beside the api) waits here until the migration created the table.
 */
export async function readDeploymentId(dataSource: DataSource, pollMs = 1000): Promise<string> {
  const logger = new Logger('Deployment');
  let lastLog = 0;
  for (;;) {
    try {
      const [{ table }]: { table: string | null }[] = await dataSource.query(
        `SELECT to_regclass('deployment')::text AS table`,
      );
      if (table) {
        await dataSource.query(
          'INSERT INTO deployment (singleton, id) VALUES (true, gen_random_uuid()) ON CONFLICT (singleton) DO NOTHING',
        );
        const [{ id }]: { id: string }[] = await dataSource.query('SELECT id FROM deployment');
        return id;
      }
      if (Date.now() - lastLog >= WAIT_LOG_EVERY_MS) {
        logger.warn(
          'Waiting for the migrations (no deployment table yet; the bootstrapping process applies them)',
        );
        lastLog = Date.now();
      }
    } catch (e) {
      if (Date.now() - lastLog >= WAIT_LOG_EVERY_MS) {
        logger.warn(`Cannot read the deployment id yet (${(e as Error).message}); retrying`);
        lastLog = Date.now();
      }
    }
    await new Promise((r) => setTimeout(r, pollMs));
  }
}
