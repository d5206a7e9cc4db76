import { QueryFailedError, type DataSource } from 'typeorm';

/** The part of pg's Pool that a plain read needs. */
interface PgPool {
  query(sql: string, params?: unknown[]): Promise<{ rows: unknown[] }>;
}

/**
 * A read on the primary's pg pool, the one TypeORM's own queries use (same pool, same limits,
 * same server), without TypeORM's query runner around it: a runner object, its connect and
 * release and the query broadcaster cost more than a one-row read's round trip (issue 18 item 2;
 * the search's stamp and `/health/db`). Errors PostgreSQL answers with are wrapped as TypeORM's
 * QueryFailedError, as `dataSource.query` would, so the exception filter maps them the same way;
 * a pool that cannot connect rejects with pg's own error, as it does under TypeORM.
 */
export async function primaryRead<T = unknown>(
  dataSource: DataSource,
  sql: string,
  params?: unknown[],
): Promise<T[]> {
  const pool = (dataSource.driver as unknown as { master: PgPool }).master;
  try {
    return (await pool.query(sql, params)).rows as T[];
  } catch (e) {
    // pg's DatabaseError (an answer from the server) carries a severity; connection errors do not.
    if (e instanceof Error && 'severity' in e) throw new QueryFailedError(sql, params, e);
    throw e;
  }
}
