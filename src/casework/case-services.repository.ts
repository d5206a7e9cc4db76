import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { AuthUser } from '../access/auth-user';
import { laborCapableSql } from '../residents/household-figures';
import { readableHouseholdsSql } from '../residents/scope-sql';
import type { CaseStatus } from './case-vocabulary';
import { OVERDUE } from './casework.repository';

/*
 * Casework's second repository (casework.repository.ts holds the cases themselves): the reads
 * behind the dashboard and the per-member service counts. Like the first it names the casework
 * tables and reads, as a declared read model, household, site, region, resident and the
 * officers' referrals in application.
 */

/** A township is the first 9 digits of a region code (GB/T 2260 extended: 6 county + 3). */
export const TOWNSHIP_DIGITS = 9;

/** Application statuses in which the resident said no to a referral (withdrew it, declined it). */
export const REFUSED_APPLICATION_STATUSES = ['withdrawn', 'declined'] as const;

export interface DashboardCaseRow {
  caseId: string;
  siteId: string;
  siteName: string;
  siteRegionCode: string;
  originRegionCode: string;
  township: string;
  townshipName: string | null;
  status: CaseStatus;
  overdue: boolean;
  openedOn: string;
  firstContactOn: string | null;
  clearDueOn: string;
  employedOn: string | null;
}

/** A referral an officer made from the matching queue (POST /applications, source officer_referral). */
export interface QueueReferral {
  caseId: string;
  residentId: string;
  postingId: string;
  status: string;
}

function bindNamed(sql: string, named: Record<string, unknown>, params: unknown[]): string {
  return sql.replace(/:(\w+)/g, (_, name: string) => {
    params.push(named[name]);
    return `$${params.length}`;
  });
}

@Injectable()
export class CaseServicesRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Every case the actor reads, with its site and origin township (the dashboard's groups). */
  async dashboardCases(
    actor: AuthUser,
    today: string,
    f: { siteId?: string; originRegionCode?: string },
  ): Promise<DashboardCaseRow[]> {
    const params: unknown[] = [today];
    const scope = readableHouseholdsSql(actor, 'c.household_id');
    const where = [bindNamed(scope.sql, scope.params, params)];
    if (f.siteId) {
      params.push(f.siteId);
      where.push(`h.site_id = $${params.length}`);
    }
    if (f.originRegionCode) {
      params.push(f.originRegionCode);
      where.push(`h.origin_region_code LIKE $${params.length} || '%'`);
    }
    return this.dataSource.query(
      `SELECT c.id AS "caseId", s.id AS "siteId", s.name AS "siteName", s.region_code AS "siteRegionCode",
              h.origin_region_code AS "originRegionCode",
              left(h.origin_region_code, ${TOWNSHIP_DIGITS}) AS township, rg.name AS "townshipName",
              c.status,
              ${OVERDUE('c', '$1::date')} AS overdue,
              c.opened_on::text AS "openedOn", c.first_contact_on::text AS "firstContactOn",
              c.clear_due_on::text AS "clearDueOn", c.employed_on::text AS "employedOn"
         FROM casework_case c
         JOIN household h ON h.id = c.household_id
         JOIN site s ON s.id = h.site_id
         LEFT JOIN region rg ON rg.code = left(h.origin_region_code, ${TOWNSHIP_DIGITS})
        WHERE ${where.join(' AND ')}`,
      params,
    );
  }

  /** The labour-capable members of the cases' households: the people a bundle is counted for. */
  async capableMembers(caseIds: string[]): Promise<{ caseId: string; id: string }[]> {
    if (!caseIds.length) return [];
    return this.dataSource.query(
      `SELECT c.id AS "caseId", r.id
         FROM casework_case c JOIN resident r ON r.household_id = c.household_id
        WHERE c.id = ANY($1::uuid[]) AND ${laborCapableSql('r')}`,
      [caseIds],
    );
  }

  /**
   * The referrals made from the matching queue to members of the cases' households since each
   * case (re)opened — the same window as the case's own referral count.
   */
  async queueReferrals(caseIds: string[]): Promise<QueueReferral[]> {
    if (!caseIds.length) return [];
    return this.dataSource.query(
      `SELECT c.id AS "caseId", ap.resident_id AS "residentId", ap.posting_id AS "postingId", ap.status
         FROM casework_case c
         JOIN resident r ON r.household_id = c.household_id
         JOIN application ap ON ap.resident_id = r.id
        WHERE c.id = ANY($1::uuid[]) AND ap.source = 'officer_referral' AND ap.created_at >= c.opened_at
        ORDER BY ap.created_at, ap.id`,
      [caseIds],
    );
  }
}
