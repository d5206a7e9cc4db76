import { join } from 'node:path';
import type { DataSourceOptions } from 'typeorm';
import { projectRoot } from '../config/project-root';
import { SnakeNamingStrategy } from './snake-naming.strategy';

/**
 * One definition of the connection for the app, the CLI and the tests.
 * Entities are found by file name (`*.entity.ts`), so a feature adds a table by adding a file.
 */
export function dataSourceOptions(
  databaseUrl: string,
  replicaUrls: readonly string[] = [],
  poolSize = 20,
): DataSourceOptions {
  const srcDir = join(__dirname, '..', '..');
  const root = projectRoot();
  const built = __dirname.includes(`${join('dist', 'src')}`);
  return {
    type: 'postgres',
    // With replicas, TypeORM keeps a pool per server. Every query still goes to the primary
    // (defaultMode: 'master': jobs and services read their own writes); only ReadReplica sends a
    // read to a replica, and only for pages that tolerate a second of lag.
    ...(replicaUrls.length
      ? {
          replication: {
            master: { url: databaseUrl },
            slaves: replicaUrls.map((url) => ({ url })),
            defaultMode: 'master' as const,
          },
        }
      : { url: databaseUrl }),
    entities: [join(srcDir, '**', built ? '*.entity.js' : '*.entity.ts')],
    migrations: [built ? join(root, 'dist', 'migrations', '*.js') : join(root, 'migrations', '*.ts')],
    migrationsTableName: 'migrations',
    migrationsTransactionMode: 'each',
    synchronize: false,
    migrationsRun: false,
    namingStrategy: new SnakeNamingStrategy(),
    uuidExtension: 'pgcrypto',
    // A bounded pool; a request that cannot get a connection fails fast with 503 instead of hanging.
    extra: {
      max: poolSize, // DATABASE_POOL_SIZE (AppConfig.databasePoolSize)
      connectionTimeoutMillis: 5000,
      // JIT compilation cost ~0.1 s on the ranking loaders' queries and saves nothing on OLTP work.
      // The session's time zone is the pilot's (China has one): current_date, date_trunc and
      // timestamptz::date mean China's calendar day, as chinaToday() does in Node. Under UTC, a
      // placement started today in China looked like a future one between 16:00 and 24:00 UTC.
      options: '-c jit=off -c TimeZone=Asia/Shanghai',
    },
    // TypeORM's own logger prints failed queries with their parameters (personal data) past pino's
    // redaction; errors reach the exception filter and are logged there without parameters.
    logging: false,
  };
}
