import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { AuditEntry } from './audit-entry.entity';

export type NewAuditEntry = QueryDeepPartialEntity<AuditEntry>;

/** The only code naming the audit log's table. Entries are only ever inserted (a trigger refuses the rest). */
@Injectable()
export class AuditRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** In the caller's transaction when given its manager, else on the pool. */
  async insert(entries: NewAuditEntry | NewAuditEntry[], m?: EntityManager): Promise<void> {
    await (m ?? this.dataSource.manager).insert(AuditEntry, entries);
  }
}
