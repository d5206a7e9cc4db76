import 'reflect-metadata';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { DataSource } from 'typeorm';
import { ensureDatabase } from '../../src/platform/database/create-database';
import { dataSourceOptions } from '../../src/platform/database/data-source-options';
import { baseDatabaseUrl, testEnvFile, type TestEnv } from './test-env';

/**
 * A fresh database per run (CONVENTIONS.md "Tests"), migrations applied once here, and a queue
 * prefix of its own so concurrent runs on one Redis never see each other's jobs.
 */
export default async function globalSetup(): Promise<void> {
  const run = `${Date.now().toString(36)}_${process.pid}`;
  const url = baseDatabaseUrl();
  url.pathname = `/leye_test_${run}`;
  const env: TestEnv = { DATABASE_URL: url.toString(), LEYE_QUEUE_PREFIX: `leye_test_${run}` };
  await ensureDatabase(env.DATABASE_URL);
  const ds = new DataSource(dataSourceOptions(env.DATABASE_URL));
  await ds.initialize();
  await ds.runMigrations({ transaction: 'each' });
  await ds.destroy();
  const file = testEnvFile();
  process.env.LEYE_TEST_ENV_FILE = file;
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, JSON.stringify(env));
  Object.assign(process.env, env);
}
