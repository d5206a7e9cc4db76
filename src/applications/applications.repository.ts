import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager, SelectQueryBuilder } from 'typeorm';
import type { SqlCondition } from '../kernel/sql-condition';
import { Application, type ApplicationHistoryEntry } from './application.entity';
import type { ApplicationSource, ApplicationStatus } from './application-status';

/*
 * The only code that names the application table. The officers' scope and the household
 * priority are conditions the residents' directory makes on the resident-id column named here
 * (kernel/sql-condition.ts), so the list filters, orders and pages in one statement.
 */

/** What the residents' directory answers on this repository's column holding a resident id. */
export type OnResidentColumn = (residentIdColumn: string) => SqlCondition;

/** Whose applications a list may hold, and its filters. */
export interface ApplicationFilter {
  /** The reader: an employer's own, a resident's own, residents in a scope, or none at all. */
  reader:
    | { employerId: string | null | undefined }
    | { ownResidentId: string | null | undefined }
    | { scope: OnResidentColumn }
    | 'none';
  postingId?: string;
  residentId?: string;
  status?: ApplicationStatus;
}

/** Put these postings' applications first, by household priority (public-welfare posts). */
export interface PriorityFirst {
  postingIds: string[];
  /** The household priority of the resident, a number (ResidentsDirectory.householdPrioritySql). */
  priority: OnResidentColumn;
}

export interface NewApplication {
  postingId: string;
  residentId: string;
  employerId: string;
  source: ApplicationSource;
  status: ApplicationStatus;
  history: ApplicationHistoryEntry[];
  createdBy: string;
}

@Injectable()
export class ApplicationsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  transaction<T>(work: (m: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }

  async findById(id: string): Promise<Application | null> {
    return this.dataSource.manager.findOne(Application, { where: { id } });
  }

  async lockById(m: EntityManager, id: string): Promise<Application | null> {
    return m.findOne(Application, { where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  /** Whether the resident declined an invitation to this posting before. */
  async declined(m: EntityManager, postingId: string, residentId: string): Promise<boolean> {
    return m.exists(Application, { where: { postingId, residentId, status: 'declined' } });
  }

  /**
   * Inserts the application unless the resident already holds an active one for the posting
   * (uq_application_posting_resident); returns the new row, or null for a duplicate.
   */
  async insertUnlessActive(m: EntityManager, values: NewApplication): Promise<Application | null> {
    const res = await m
      .createQueryBuilder()
      .insert()
      .into(Application)
      .values(values)
      .orIgnore()
      .returning(['id'])
      .execute();
    const rows = res.raw as { id: string }[];
    if (!rows.length) return null;
    return m.findOneOrFail(Application, { where: { id: rows[0].id } });
  }

  /** The new status, with its entry appended to the history. */
  async moveTo(
    m: EntityManager,
    id: string,
    status: ApplicationStatus,
    entry: ApplicationHistoryEntry,
  ): Promise<void> {
    await m.query(
      `UPDATE application SET status = $2, history = history || $3::jsonb, updated_at = now() WHERE id = $1`,
      [id, status, JSON.stringify([entry])],
    );
  }

  async count(f: ApplicationFilter): Promise<number> {
    return this.filtered(f).getCount();
  }

  /** The postings the listed applications are for. */
  async postingIdsOf(f: ApplicationFilter): Promise<string[]> {
    const rows: { posting_id: string }[] = await this.filtered(f)
      .select('DISTINCT a.posting_id', 'posting_id')
      .getRawMany();
    return rows.map((r) => r.posting_id);
  }

  /** One page, oldest first (after `first`'s applications by priority). */
  async page(
    f: ApplicationFilter,
    skip: number,
    take: number,
    first?: PriorityFirst,
  ): Promise<Application[]> {
    const qb = this.filtered(f);
    if (first?.postingIds.length) {
      const priority = first.priority('a.resident_id');
      qb.orderBy(
        `CASE WHEN a.posting_id = ANY(CAST(:priorityPostingIds AS uuid[])) THEN ${priority.sql} ELSE 0 END`,
        'DESC',
      ).setParameters({ ...priority.params, priorityPostingIds: first.postingIds });
    }
    return qb.addOrderBy('a.created_at', 'ASC').addOrderBy('a.id', 'ASC').offset(skip).limit(take).getMany();
  }

  private filtered(f: ApplicationFilter): SelectQueryBuilder<Application> {
    const qb = this.dataSource.manager.createQueryBuilder(Application, 'a');
    const r = f.reader;
    if (r === 'none') qb.andWhere('FALSE');
    else if ('employerId' in r) qb.andWhere('a.employer_id = :employerId', { employerId: r.employerId });
    else if ('ownResidentId' in r) qb.andWhere('a.resident_id = :ownId', { ownId: r.ownResidentId });
    else {
      const scope = r.scope('a.resident_id');
      qb.andWhere(scope.sql, { ...scope.params });
    }
    if (f.postingId) qb.andWhere('a.posting_id = :postingId', { postingId: f.postingId });
    if (f.residentId) qb.andWhere('a.resident_id = :residentId', { residentId: f.residentId });
    if (f.status) qb.andWhere('a.status = :status', { status: f.status });
    return qb;
  }
}
