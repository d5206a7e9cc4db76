import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { primaryRead } from '../platform/database/primary-pool';

/*
 * The health checks' one statement (issue 14 item 4: only a repository holds the DataSource).
 * `/health/db` is the floor of one database round trip in `npm run bench`: the read goes to the
 * primary's pg pool itself, not through TypeORM's query runner (platform/database/primary-pool.ts).
 */
@Injectable()
export class HealthRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** One `SELECT 1` on the primary's pool; rejects when PostgreSQL does not answer. */
  selectOne(): Promise<unknown[]> {
    return primaryRead(this.dataSource, 'SELECT 1');
  }
}
