import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** Where global setup writes the run's database and queue prefix, for every test file to read. */
export const TEST_ENV_FILE = join(__dirname, '..', '..', 'test-output', 'test-env.json');

export interface TestEnv {
  DATABASE_URL: string;
  LEYE_QUEUE_PREFIX: string;
}

export function readTestEnv(): TestEnv | null {
  return existsSync(TEST_ENV_FILE) ? (JSON.parse(readFileSync(TEST_ENV_FILE, 'utf8')) as TestEnv) : null;
}

export function baseDatabaseUrl(): URL {
  return new URL(
    process.env.TEST_DATABASE_URL ?? process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/leye',
  );
}
