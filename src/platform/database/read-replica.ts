import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { primaryRead } from './primary-pool';

/** Runs a read: `(sql, params) => rows`. */
export type ReadQuery = <T = unknown>(sql: string, params?: unknown[]) => Promise<T[]>;

/**
 * Reads that may lag the primary by a second — the job search and its cache stamp — go to a read
 * replica when DATABASE_REPLICA_URLS names any (TypeORM picks one per call), to the primary
 * otherwise. Everything else reads the primary: a job or a service that just wrote must see it.
 * All reads of one `read` call see one server (on the primary, each is one pooled query: plain
 * reads, no transaction, so nothing ties them to one connection).
 */
@Injectable()
export class ReadReplica {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Whether reads go to a replica (TypeORM replication configured). */
  get enabled(): boolean {
    return 'replication' in this.dataSource.options && !!this.dataSource.options.replication;
  }

  async read<R>(fn: (query: ReadQuery) => Promise<R>): Promise<R> {
    if (!this.enabled) return fn((sql, params) => primaryRead(this.dataSource, sql, params));
    const runner = this.dataSource.createQueryRunner('slave');
    try {
      return await fn((sql, params) => runner.query(sql, params));
    } finally {
      await runner.release();
    }
  }
}
