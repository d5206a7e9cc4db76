import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { Import } from './import.entity';

/*
 * The import table, for ImportsService (upload, status) and ImportRosterJob (progress and
 * outcome). Issue 14 item 4: the service and the job hold the rules, this file the SQL.
 * Methods that take a manager run in the caller's transaction; the others on the pool.
 */

/** What an upload stores; the row starts `queued`. */
export type NewImport = Pick<Import, 'siteId' | 'createdBy' | 'fileName' | 'mime' | 'format' | 'content'>;

/** The progress and outcome columns the job writes. */
export type ImportProgress = QueryDeepPartialEntity<Import>;

@Injectable()
export class ImportsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  transaction<T>(work: (m: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }

  async insert(m: EntityManager, row: NewImport): Promise<Import> {
    return m.save(m.create(Import, { ...row, status: 'queued' }));
  }

  /** The row without its file (`content` is not selected by default). */
  findById(id: string): Promise<Import | null> {
    return this.dataSource.manager.findOne(Import, { where: { id } });
  }

  /** The uploaded bytes. */
  async contentOf(id: string): Promise<Buffer> {
    const rows: { content: Buffer }[] = await this.dataSource.query(
      'SELECT content FROM import WHERE id = $1',
      [id],
    );
    return rows[0].content;
  }

  async update(id: string, progress: ImportProgress): Promise<void> {
    await this.dataSource.manager.update(Import, { id }, progress);
  }
}
