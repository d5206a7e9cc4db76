import { rmSync } from 'node:fs';
import Redis from 'ioredis';
import { dropDatabase } from '../../src/platform/database/create-database';
import { readTestEnv, testEnvFile, testLogFile } from './test-env';

/** Drops the run's database and deletes its queues (KEEP_TEST_DB=1 keeps both for a look). */
export default async function globalTeardown(): Promise<void> {
  const env = readTestEnv();
  if (!env || process.env.KEEP_TEST_DB === '1') return;
  await dropDatabase(env.DATABASE_URL);
  const redis = new Redis(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379');
  let cursor = '0';
  do {
    const [next, keys] = await redis.scan(cursor, 'MATCH', `${env.LEYE_QUEUE_PREFIX}:*`, 'COUNT', 1000);
    if (keys.length) await redis.del(...keys);
    cursor = next;
  } while (cursor !== '0');
  redis.disconnect();
  rmSync(testEnvFile(), { force: true });
  rmSync(testLogFile(), { force: true });
}
