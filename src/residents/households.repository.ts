import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, DeepPartial, EntityManager } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { siteRegionSql } from '../access/scope/scope-sql';
import { bindCondition, type SqlCondition } from '../kernel/sql-condition';
import { Household } from './household.entity';
import { householdHeadSql } from './household-head';
import { laborCapableSql, type HouseholdFigures, type RecomputeResult } from './household-figures';
import { Resident } from './resident.entity';

/*
 * HouseholdsService's reads and writes of the household table (and its members in resident),
 * beside ResidentsRepository. The site's township for a scope shape is access's to read
 * (siteRegionSql): the scope rule is defined over the site→region tree.
 */

/** What the household list filters on (the scope condition comes from scope-sql.ts, alias `h`). */
export interface HouseholdListFilter {
  scope: { sql: string; params: Record<string, unknown> } | null;
  siteId?: string;
  zeroEmployment?: boolean;
  monitoringStatus?: string;
}

@Injectable()
export class HouseholdsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  transaction<T>(work: (m: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }

  /** The household's origin and its site (id, region code), or undefined. */
  async refRow(
    householdId: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<{ id: string; origin_region_code: string; site_id: string; region_code: string } | undefined> {
    const rows: { id: string; origin_region_code: string; site_id: string; region_code: string }[] =
      await manager.query(
        `SELECT h.id, h.origin_region_code, h.site_id, ${siteRegionSql('h.site_id')} AS region_code
           FROM household h WHERE h.id = $1`,
        [householdId],
      );
    return rows[0];
  }

  insert(m: EntityManager, fields: DeepPartial<Household>): Promise<Household> {
    return m.save(m.create(Household, fields));
  }

  save(m: EntityManager, h: Household): Promise<Household> {
    return m.save(h);
  }

  async update(m: EntityManager, id: string, changes: QueryDeepPartialEntity<Household>): Promise<void> {
    await m.update(Household, { id }, changes);
  }

  lockOrFail(m: EntityManager, id: string): Promise<Household> {
    return m.findOneOrFail(Household, { where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  findOrFail(id: string): Promise<Household> {
    return this.dataSource.manager.findOneOrFail(Household, { where: { id } });
  }

  /** The members, oldest record first. */
  members(householdId: string): Promise<Resident[]> {
    return this.dataSource.manager.find(Resident, { where: { householdId }, order: { createdAt: 'ASC' } });
  }

  /** The ids of the members not erased, by id. */
  async liveMemberIds(manager: EntityManager, householdId: string): Promise<string[]> {
    const members: { id: string }[] = await manager.query(
      'SELECT id FROM resident WHERE household_id = $1 AND erased_at IS NULL ORDER BY id',
      [householdId],
    );
    return members.map((r) => r.id);
  }

  /** One page of households (newest first) and the count of all that match. */
  listPage(filter: HouseholdListFilter, skip: number, take: number): Promise<[Household[], number]> {
    const qb = this.dataSource.manager
      .createQueryBuilder(Household, 'h')
      .orderBy('h.created_at', 'DESC')
      .addOrderBy('h.id', 'ASC');
    if (filter.scope) qb.andWhere(filter.scope.sql, filter.scope.params);
    if (filter.siteId) qb.andWhere('h.site_id = :siteId', { siteId: filter.siteId });
    if (filter.zeroEmployment !== undefined)
      qb.andWhere('h.zero_employment = :ze', { ze: filter.zeroEmployment });
    if (filter.monitoringStatus) qb.andWhere('h.monitoring_status = :ms', { ms: filter.monitoringStatus });
    return qb.skip(skip).take(take).getManyAndCount();
  }

  /**
   * Number and head of each of these households that `scope` (named parameters, household alias
   * `h.id`) admits.
   */
  async labels(
    ids: string[],
    scope: SqlCondition,
  ): Promise<{ id: string; number: number; head_id: string | null; head_name: string | null }[]> {
    const params: unknown[] = [ids];
    const sql = bindCondition(scope, params);
    return this.dataSource.query(
      `SELECT h.id, h.number, head.head_id, head.head_name
         FROM household h ${householdHeadSql('h')}
        WHERE h.id = ANY($1::uuid[]) AND ${sql}`,
      params,
    );
  }

  /** See HouseholdsService.recomputeAll: one statement; how many households it changed. */
  async recomputeAll(): Promise<number> {
    // UPDATE answers [rows, rowCount] through TypeORM's query().
    const [rows]: [{ id: string }[], number] = await this.dataSource.query(
      `WITH counted AS (
         SELECT h.id,
                count(r.id) FILTER (WHERE ${laborCapableSql('r')}) AS capable,
                count(r.id) FILTER (WHERE ${laborCapableSql('r')}
                                      AND r.employment_status = 'employed') AS employed
           FROM household h LEFT JOIN resident r ON r.household_id = h.id
          GROUP BY h.id)
       UPDATE household h
          SET labor_capable_members = c.capable, employed_members = c.employed,
              zero_employment = (c.capable > 0 AND c.employed = 0),
              at_risk_since = CASE WHEN c.capable > 0 AND c.employed = 0
                                   THEN COALESCE(CASE WHEN h.zero_employment THEN h.at_risk_since END, now()) END,
              updated_at = now()
         FROM counted c
        WHERE c.id = h.id
          AND (h.labor_capable_members, h.employed_members) IS DISTINCT FROM (c.capable::int, c.employed::int)
        RETURNING h.id`,
    );
    return rows.length;
  }

  /**
   * Recomputes a household's derived figures from its members, in the caller's transaction (the
   * household row is locked so two concurrent member changes cannot both write stale counts).
   *
   * Definitions (POLICY.md "Households and employment"; the national monitoring system counts
   * working-age relocated people):
   * - labour-capable member: an active (officer-confirmed), not erased resident with labour
   *   capacity `full` or `partial`, aged 16 to 64 inclusive today (16 is the legal minimum working
   *   age in China; 65 and over is counted as retired age for this figure). Pending
   *   self-registrations do not count until an officer confirms them.
   * - employed member: a labour-capable member whose employmentStatus is `employed`.
   * - zero-employment household (零就业家庭): at least one labour-capable member, none employed.
   *
   * `atRiskSince` is set when the household becomes zero-employment and cleared when it stops.
   * Ages move with the calendar: a member turning 65 changes the figures without any write, so a
   * periodic recompute of all households is advisable (recomputeAll).
   */
  async recompute(manager: EntityManager, householdId: string): Promise<RecomputeResult> {
    const rows: {
      labor_capable_members: number;
      employed_members: number;
      zero_employment: boolean;
    }[] = await manager.query(
      'SELECT labor_capable_members, employed_members, zero_employment FROM household WHERE id = $1 FOR UPDATE',
      [householdId],
    );
    if (!rows.length) throw new Error(`household ${householdId} does not exist`);
    const before: HouseholdFigures = {
      laborCapableMembers: rows[0].labor_capable_members,
      employedMembers: rows[0].employed_members,
      zeroEmployment: rows[0].zero_employment,
    };
    const counted: { capable: string; employed: string }[] = await manager.query(
      `SELECT count(*) AS capable, count(*) FILTER (WHERE employment_status = 'employed') AS employed
         FROM resident
        WHERE household_id = $1 AND ${laborCapableSql()}`,
      [householdId],
    );
    const capable = Number(counted[0].capable);
    const employed = Number(counted[0].employed);
    const after: HouseholdFigures = {
      laborCapableMembers: capable,
      employedMembers: employed,
      zeroEmployment: capable > 0 && employed === 0,
    };
    await manager.query(
      `UPDATE household
          SET labor_capable_members = $2, employed_members = $3, zero_employment = $4,
              at_risk_since = CASE WHEN $4 THEN COALESCE(CASE WHEN zero_employment THEN at_risk_since END, now()) ELSE NULL END,
              updated_at = now()
        WHERE id = $1`,
      [householdId, capable, employed, after.zeroEmployment],
    );
    if (before.zeroEmployment !== after.zeroEmployment) {
      // Casework opens, reopens or advances the household's case (issue 15); the job re-reads.
      await manager.query(
        `INSERT INTO outbox_event (kind, entity_id, version, payload) VALUES ('household.employment_changed', $1, 0, $2)`,
        [householdId, { zeroEmployment: after.zeroEmployment }],
      );
    }
    return { before, after };
  }
}
