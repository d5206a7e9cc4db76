import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { loadConfig } from '../platform/config/app-config';
import { dropDatabase, ensureDatabase } from '../platform/database/create-database';
import { dataSourceOptions } from '../platform/database/data-source-options';

/**
 * CI's check that entities and migrations agree (CONVENTIONS.md "Data"): on a fresh database,
 * apply every migration, ask TypeORM what SQL would still be needed to match the entities
 * (must be none), revert every migration (each `down` must work), and apply them again.
 */
async function main(): Promise<void> {
  const base = new URL(loadConfig().databaseUrl);
  base.pathname = `/leye_migration_check_${process.pid}`;
  const url = base.toString();
  await ensureDatabase(url);
  const ds = new DataSource(dataSourceOptions(url));
  let failed = false;
  try {
    await ds.initialize();
    const applied = await ds.runMigrations({ transaction: 'each' });
    console.log(`applied ${applied.length} migrations`);
    const pending = await ds.driver.createSchemaBuilder().log();
    if (pending.upQueries.length) {
      failed = true;
      console.error('Entities and migrations disagree. Missing from migrations:');
      for (const q of pending.upQueries) console.error('  ' + q.query.replace(/\s+/g, ' ').trim());
      console.error('Run `npm run migration:generate -- migrations/<Name>` and review the result.');
    } else {
      for (let i = 0; i < applied.length; i++) await ds.undoLastMigration({ transaction: 'each' });
      console.log(`reverted ${applied.length} migrations`);
      const again = await ds.runMigrations({ transaction: 'each' });
      console.log(`re-applied ${again.length} migrations: entities and migrations agree`);
    }
  } finally {
    if (ds.isInitialized) await ds.destroy();
    await dropDatabase(url);
  }
  if (failed) process.exit(1);
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
