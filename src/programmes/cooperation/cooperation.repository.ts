import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import type { AuthUser } from '../../access/auth-user';
import type { SiteRef } from '../../access/scope/scope-policy';
import { CooperationBatch } from './entities/cooperation-batch.entity';
import { CooperationFair } from './entities/cooperation-fair.entity';
import { CooperationMember } from './entities/cooperation-member.entity';
import { RetentionCheck } from './entities/retention-check.entity';
import { managesSiteSql, positionalBind, siteRegionSql } from '../../access/scope/scope-sql';

/*
 * The only code that names the cooperation tables (cooperation_fair, cooperation_batch,
 * cooperation_member, cooperation_retention_check). A site's township code, for ScopePolicy and
 * for the subsidy rules of the site's township, comes from access's scope SQL (siteRegionSql),
 * which owns the read of the site→region tree.
 */

export type BatchRow = CooperationBatch & { siteRegionCode: string };

export interface OutcomeRow {
  key: string | null;
  label: string | null;
  departed: number;
  arrived: number;
  atWork3: number;
  atWork6: number;
}

@Injectable()
export class CooperationRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  transaction<T>(work: (m: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }

  private mgr(m?: EntityManager): EntityManager {
    return m ?? this.dataSource.manager;
  }

  async site(id: string, m?: EntityManager): Promise<SiteRef | null> {
    const rows: { region_code: string | null }[] = await this.mgr(m).query(
      `SELECT ${siteRegionSql('$1::uuid')} AS region_code`,
      [id],
    );
    return rows[0]?.region_code ? { id, regionCode: rows[0].region_code } : null;
  }

  /**
   * The batches (or fairs) an actor manages, as SQL on `alias.site_id`: admins all, officers those
   * of their sites and of sites inside their regions (ScopePolicy.managesSite), liaisons the batches
   * naming them (ScopePolicy.liaisonSeesBatch), anyone else none.
   */
  private scopeSql(actor: AuthUser, alias: string, withLiaison: boolean): { sql: string; params: unknown[] } {
    if (actor.role === 'admin') return { sql: 'TRUE', params: [] };
    if (actor.role === 'liaison' && withLiaison)
      return { sql: `${alias}.liaison_user_id = $1`, params: [actor.id] };
    if (actor.role !== 'officer') return { sql: 'FALSE', params: [] };
    const params: unknown[] = [];
    const sql = managesSiteSql(actor, positionalBind(params), { siteId: `${alias}.site_id` });
    return { sql, params };
  }

  // ---- fairs -----------------------------------------------------------------------------------

  insertFair(m: EntityManager, f: Partial<CooperationFair>): Promise<CooperationFair> {
    return m.save(m.create(CooperationFair, f));
  }

  async fair(id: string, m?: EntityManager): Promise<(CooperationFair & { siteRegionCode: string }) | null> {
    const f = await this.mgr(m).findOne(CooperationFair, { where: { id } });
    if (!f) return null;
    const s = await this.site(f.siteId, m);
    return s ? Object.assign(f, { siteRegionCode: s.regionCode }) : null;
  }

  async fairs(actor: AuthUser, siteId?: string): Promise<CooperationFair[]> {
    const scope = this.scopeSql(actor, 'f', false);
    const params: unknown[] = [...scope.params];
    let sql = `SELECT f.id FROM cooperation_fair f WHERE ${scope.sql}`;
    if (siteId) {
      params.push(siteId);
      sql += ` AND f.site_id = $${params.length}`;
    }
    sql += ' ORDER BY f.held_on DESC, f.id LIMIT 200';
    const ids: { id: string }[] = await this.dataSource.query(sql, params);
    if (!ids.length) return [];
    const rows = await this.dataSource.manager
      .createQueryBuilder(CooperationFair, 'f')
      .where('f.id = ANY(:ids)', { ids: ids.map((r) => r.id) })
      .orderBy('f.heldOn', 'DESC')
      .addOrderBy('f.id', 'ASC')
      .getMany();
    return rows;
  }

  // ---- batches and members ---------------------------------------------------------------------

  insertBatch(m: EntityManager, b: Partial<CooperationBatch>): Promise<CooperationBatch> {
    return m.save(m.create(CooperationBatch, b));
  }

  async insertMembers(m: EntityManager, rows: Partial<CooperationMember>[]): Promise<void> {
    if (rows.length) await m.insert(CooperationMember, rows);
  }

  async batch(id: string, m?: EntityManager, lock = false): Promise<BatchRow | null> {
    const b = await this.mgr(m).findOne(CooperationBatch, {
      where: { id },
      ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}),
    });
    if (!b) return null;
    const s = await this.site(b.siteId, m);
    return s ? Object.assign(b, { siteRegionCode: s.regionCode }) : null;
  }

  async batches(actor: AuthUser, siteId?: string): Promise<CooperationBatch[]> {
    const scope = this.scopeSql(actor, 'b', true);
    const params: unknown[] = [...scope.params];
    let sql = `SELECT b.id FROM cooperation_batch b WHERE ${scope.sql}`;
    if (siteId) {
      params.push(siteId);
      sql += ` AND b.site_id = $${params.length}`;
    }
    sql += ' ORDER BY b.departure_on DESC, b.id LIMIT 200';
    const ids: { id: string }[] = await this.dataSource.query(sql, params);
    if (!ids.length) return [];
    return this.dataSource.manager
      .createQueryBuilder(CooperationBatch, 'b')
      .where('b.id = ANY(:ids)', { ids: ids.map((r) => r.id) })
      .orderBy('b.departureOn', 'DESC')
      .addOrderBy('b.id', 'ASC')
      .getMany();
  }

  members(batchIds: string[], m?: EntityManager): Promise<CooperationMember[]> {
    if (!batchIds.length) return Promise.resolve([]);
    return this.mgr(m)
      .createQueryBuilder(CooperationMember, 'cm')
      .where('cm.batch_id = ANY(:ids)', { ids: batchIds })
      .orderBy('cm.createdAt', 'ASC')
      .addOrderBy('cm.id', 'ASC')
      .getMany();
  }

  member(batchId: string, residentId: string, m: EntityManager): Promise<CooperationMember | null> {
    return m.findOne(CooperationMember, {
      where: { batchId, residentId },
      lock: { mode: 'pessimistic_write' },
    });
  }

  /** Residents of `residentIds` away with a batch now (not returned home), with that batch's id. */
  async awayNow(residentIds: string[], m: EntityManager): Promise<{ residentId: string; batchId: string }[]> {
    if (!residentIds.length) return [];
    const rows: { resident_id: string; batch_id: string }[] = await m.query(
      `SELECT resident_id, batch_id FROM cooperation_member WHERE resident_id = ANY($1::uuid[]) AND returned_on IS NULL`,
      [residentIds],
    );
    return rows.map((r) => ({ residentId: r.resident_id, batchId: r.batch_id }));
  }

  async updateMember(m: EntityManager, id: string, patch: Partial<CooperationMember>): Promise<void> {
    await m.update(CooperationMember, { id }, patch);
  }

  // ---- retention checks ------------------------------------------------------------------------

  async insertChecks(m: EntityManager, rows: Partial<RetentionCheck>[]): Promise<void> {
    if (rows.length)
      await m.createQueryBuilder().insert().into(RetentionCheck).values(rows).orIgnore().execute();
  }

  checks(memberIds: string[], m?: EntityManager): Promise<RetentionCheck[]> {
    if (!memberIds.length) return Promise.resolve([]);
    return this.mgr(m)
      .createQueryBuilder(RetentionCheck, 'rc')
      .where('rc.member_id = ANY(:ids)', { ids: memberIds })
      .orderBy('rc.dueMonth', 'ASC')
      .getMany();
  }

  check(m: EntityManager, memberId: string, dueMonth: number): Promise<RetentionCheck | null> {
    return m.findOne(RetentionCheck, { where: { memberId, dueMonth }, lock: { mode: 'pessimistic_write' } });
  }

  async completeCheck(m: EntityManager, id: string, stillAtWork: boolean, checkedOn: string): Promise<void> {
    await m.update(RetentionCheck, { id }, { status: 'done', stillAtWork, checkedOn });
  }

  /** Checks still open after a return home will never be made. */
  async cancelOpenChecks(m: EntityManager, memberId: string): Promise<number> {
    const res = await m.update(RetentionCheck, { memberId, status: 'open' }, { status: 'cancelled' });
    return res.affected ?? 0;
  }

  /**
   * The months-of-work evidence of residents (subsidies): each resident's latest arrival, the
   * site's township code (whose rules say which check counts) and every retention check of it.
   */
  async workMonths(residentIds: string[]): Promise<
    {
      residentId: string;
      siteRegionCode: string;
      partnerCity: string;
      arrivedOn: string;
      placementId: string | null;
      checks: { month: number; dueOn: string; checkedOn: string | null; stillAtWork: boolean | null }[];
    }[]
  > {
    if (!residentIds.length) return [];
    const rows: Record<string, unknown>[] = await this.dataSource.query(
      `SELECT DISTINCT ON (cm.resident_id) cm.resident_id, ${siteRegionSql('b.site_id')} AS region_code, b.partner_city,
              cm.arrived_on::text AS arrived_on, cm.placement_id,
              (SELECT coalesce(json_agg(json_build_object('month', rc.due_month, 'dueOn', rc.due_on::text,
                        'checkedOn', rc.checked_on::text, 'stillAtWork', rc.still_at_work)), '[]'::json)
                 FROM cooperation_retention_check rc WHERE rc.member_id = cm.id) AS checks
         FROM cooperation_member cm
         JOIN cooperation_batch b ON b.id = cm.batch_id
        WHERE cm.resident_id = ANY($1::uuid[]) AND cm.arrived_on IS NOT NULL
        ORDER BY cm.resident_id, cm.arrived_on DESC`,
      [residentIds],
    );
    return rows.map((r) => ({
      residentId: r.resident_id as string,
      siteRegionCode: r.region_code as string,
      partnerCity: r.partner_city as string,
      arrivedOn: r.arrived_on as string,
      placementId: (r.placement_id as string | null) ?? null,
      checks: r.checks as {
        month: number;
        dueOn: string;
        checkedOn: string | null;
        stillAtWork: boolean | null;
      }[],
    }));
  }

  /** Departed, arrived and still at work at 3 and 6 months, grouped by fair, employer or city. */
  async outcomes(actor: AuthUser, by: 'fair' | 'employer' | 'city', siteId?: string): Promise<OutcomeRow[]> {
    const scope = this.scopeSql(actor, 'b', false);
    const params: unknown[] = [...scope.params];
    let where = scope.sql;
    if (siteId) {
      params.push(siteId);
      where += ` AND b.site_id = $${params.length}`;
    }
    const group = {
      fair: { key: 'f.id::text', label: 'f.name' },
      employer: { key: 'cm.employer_id::text', label: 'cm.employer_name' },
      city: { key: 'b.partner_city', label: 'b.partner_city' },
    }[by];
    const atWork = (mo: number) =>
      `count(*) FILTER (WHERE EXISTS (SELECT 1 FROM cooperation_retention_check rc
          WHERE rc.member_id = cm.id AND rc.due_month = ${mo} AND rc.status = 'done' AND rc.still_at_work))::int`;
    const rows: Record<string, unknown>[] = await this.dataSource.query(
      `SELECT ${group.key} AS key, min(${group.label}) AS label, count(*)::int AS departed,
              count(cm.arrived_on)::int AS arrived, ${atWork(3)} AS at3, ${atWork(6)} AS at6
         FROM cooperation_member cm
         JOIN cooperation_batch b ON b.id = cm.batch_id
         LEFT JOIN cooperation_fair f ON f.id = b.fair_id
        WHERE ${where}
        GROUP BY ${group.key}
        ORDER BY departed DESC, key`,
      params,
    );
    return rows.map((r) => ({
      key: (r.key as string | null) ?? null,
      label: (r.label as string | null) ?? null,
      departed: r.departed as number,
      arrived: r.arrived as number,
      atWork3: r.at3 as number,
      atWork6: r.at6 as number,
    }));
  }
}
