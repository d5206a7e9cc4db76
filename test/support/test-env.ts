import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Where global setup writes the run's database and queue prefix, for every test file to read.
 * One file per jest run (named in LEYE_TEST_ENV_FILE, which the workers inherit), so two runs in
 * the same checkout never share or delete each other's database.
 */
export function testEnvFile(): string {
  return (
    process.env.LEYE_TEST_ENV_FILE ??
    join(__dirname, '..', '..', 'test-output', `test-env-${process.pid}.json`)
  );
}

/** The log file of the run's app instances (beside the env file; kept after the run for a look). */
export function testLogFile(): string {
  return testEnvFile().replace(/\.json$/, '') + '.log';
}

export interface TestEnv {
  DATABASE_URL: string;
  LEYE_QUEUE_PREFIX: string;
}

export function readTestEnv(): TestEnv | null {
  const file = testEnvFile();
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as TestEnv) : null;
}

export function baseDatabaseUrl(): URL {
  return new URL(
    process.env.TEST_DATABASE_URL ?? process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/leye',
  );
}
