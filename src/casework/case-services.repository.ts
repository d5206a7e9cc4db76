import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { bindCondition, type SqlCondition } from '../kernel/sql-condition';
import type { CaseStatus } from './case-vocabulary';
import { OVERDUE } from './casework.repository';

/*
 * Casework's second repository (casework.repository.ts holds the cases themselves): the case
 * columns behind the dashboard and the windows of the queue's referrals. Like the first it names
 * only the casework tables; the households' sites, townships and members, and the referrals
 * themselves, come from their owners' directories (case-records.ts).
 */

/** A township is the first 9 digits of a region code (GB/T 2260 extended: 6 county + 3). */
export const TOWNSHIP_DIGITS = 9;

/** Application statuses in which the resident said no to a referral (withdrew it, declined it). */
export const REFUSED_APPLICATION_STATUSES = ['withdrawn', 'declined'] as const;

export interface DashboardCaseRow {
  caseId: string;
  householdId: string;
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

/** The case's own part of a dashboard row (case-records.ts adds the household's site and township). */
export type DashboardCaseCore = Pick<
  DashboardCaseRow,
  'caseId' | 'householdId' | 'status' | 'overdue' | 'openedOn' | 'firstContactOn' | 'clearDueOn' | 'employedOn'
>;

/** A referral an officer made from the matching queue (POST /applications, source officer_referral). */
export interface QueueReferral {
  caseId: string;
  residentId: string;
  postingId: string;
  status: string;
}

/** Where a case's queue referrals are looked for: its household's members, since it (re)opened. */
export interface ReferralWindowOfCase {
  id: string;
  householdId: string;
  /** `opened_at::text`: microseconds kept, so the window starts exactly where the case did. */
  openedAtExact: string;
}

@Injectable()
export class CaseServicesRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * Every case whose household passes `households`' conditions (the actor's scope, a site, an
   * origin: HouseholdsDirectory makes them on the column given): the dashboard's and the queue
   * figures' rows.
   */
  dashboardCases(
    households: (householdIdColumn: string) => readonly SqlCondition[],
    today: string,
  ): Promise<DashboardCaseCore[]> {
    const params: unknown[] = [today];
    const where = households('c.household_id').map((c) => bindCondition(c, params));
    return this.dataSource.query(
      `SELECT c.id AS "caseId", c.household_id AS "householdId", c.status,
              ${OVERDUE('c', '$1::date')} AS overdue,
              c.opened_on::text AS "openedOn", c.first_contact_on::text AS "firstContactOn",
              c.clear_due_on::text AS "clearDueOn", c.employed_on::text AS "employedOn"
         FROM casework_case c
        WHERE ${where.join(' AND ') || 'TRUE'}`,
      params,
    );
  }

  /** The referral windows of these cases. */
  windows(caseIds: string[]): Promise<ReferralWindowOfCase[]> {
    if (!caseIds.length) return Promise.resolve([]);
    return this.dataSource.query(
      `SELECT id, household_id AS "householdId", opened_at::text AS "openedAtExact"
         FROM casework_case WHERE id = ANY($1::uuid[])`,
      [caseIds],
    );
  }
}
