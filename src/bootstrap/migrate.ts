import { Logger } from '@nestjs/common';
import type { DataSource } from 'typeorm';

/** Pending migrations, under an advisory lock so concurrent starts apply them once. */
export async function migrateUnderLock(
  dataSource: DataSource,
  logger = new Logger('Bootstrap'),
): Promise<void> {
  const runner = dataSource.createQueryRunner();
  await runner.connect();
  try {
    await runner.query('SELECT pg_advisory_lock(hashtext($1))', ['leye:migrations']);
    const done = await dataSource.runMigrations({ transaction: 'each' });
    if (done.length) logger.log(`Applied ${done.length} migration(s): ${done.map((m) => m.name).join(', ')}`);
  } finally {
    await runner.query('SELECT pg_advisory_unlock(hashtext($1))', ['leye:migrations']).catch(() => undefined);
    await runner.release();
  }
}
