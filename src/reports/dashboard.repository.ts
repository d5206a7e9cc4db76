import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { AuthUser } from '../access/auth-user';
import { managesSiteSql, positionalBind } from '../access/scope/scope-sql';
import { laborCapableSql } from '../residents/household-figures';
import type { DashboardDto } from './dto/dashboard.dto';
import { POSTINGS_IN_REACH } from './indicators-sql';

/*
 * The dashboard's series in SQL (reports is a declared reader of other features' tables,
 * src/README.md); DashboardService turns the rows into the charts' figures and notes.
 */

/**
 * The months a chart shows: the last 12, but none before the site's first placement — earlier
 * months have no data, and a reconstruction there would draw today's state as history (issue 13
 * item 12). No placement at all: no months. `$1` is the site.
 */
const MONTHS_WITH_DATA = `(SELECT m FROM generate_series(date_trunc('month', current_date) - interval '11 months',
                                       date_trunc('month', current_date), interval '1 month') m
          WHERE m >= (SELECT date_trunc('month', min(start_date)) FROM placement WHERE site_id = $1)) mm`;

/**
 * Zero-employment households at the end of each of the last 12 months, reconstructed from
 * placements (no history table is kept): today's members and labour capacity are taken as
 * they were (ages as of today too); a member who has any placement counts as at work on a day
 * one of their placements covers (start ≤ day < end); a member with no placement at all counts
 * as at work throughout when recorded as employed today. The current month ends today.
 */
const ZERO_EMPLOYMENT_BY_MONTH = `
  WITH months AS (
         SELECT m, LEAST((m + interval '1 month' - interval '1 day')::date, current_date) AS d
           FROM ${MONTHS_WITH_DATA}),
       members AS (
         SELECT r.id, r.household_id, r.employment_status,
                EXISTS (SELECT 1 FROM placement p WHERE p.resident_id = r.id) AS has_placements
           FROM resident r
          WHERE r.site_id = $1 AND ${laborCapableSql('r')})
  SELECT to_char(mo.m, 'YYYY-MM') AS month,
         (SELECT count(*) FROM (
            SELECT mb.household_id FROM members mb
             GROUP BY mb.household_id
            HAVING bool_and(NOT CASE WHEN mb.has_placements
                                     THEN EXISTS (SELECT 1 FROM placement p
                                                   WHERE p.resident_id = mb.id AND p.start_date <= mo.d
                                                     AND (p.end_date IS NULL OR p.end_date > mo.d))
                                     ELSE mb.employment_status = 'employed' END)) z)::int AS households
    FROM months mo ORDER BY mo.m`;

/** A site's labour force and how many of it are employed (the rate is computed by the service). */
export interface SiteLaborRow {
  siteId: string;
  name: string;
  laborForce: number;
  employed: number;
}

@Injectable()
export class DashboardRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Placements started in each month with data (MONTHS_WITH_DATA), oldest first. */
  placementsStartedByMonth(siteId: string): Promise<DashboardDto['placementsStartedByMonth']> {
    return this.dataSource.query<{ month: string; placements: number }[]>(
      `SELECT to_char(m, 'YYYY-MM') AS month, count(p.id)::int AS placements
           FROM ${MONTHS_WITH_DATA}
           LEFT JOIN placement p ON p.site_id = $1 AND p.start_date >= m AND p.start_date < m + interval '1 month'
          GROUP BY m ORDER BY m`,
      [siteId],
    );
  }

  zeroEmploymentHouseholdsByMonth(siteId: string): Promise<DashboardDto['zeroEmploymentHouseholdsByMonth']> {
    return this.dataSource.query<{ month: string; households: number }[]>(ZERO_EMPLOYMENT_BY_MONTH, [siteId]);
  }

  /**
   * Required skills of the open postings within reach of the site whose openings exceed the
   * site's residents holding them, widest gap first, at most 10.
   */
  skillGaps(siteId: string, reachKm: number): Promise<DashboardDto['skillGaps']> {
    return this.dataSource.query<DashboardDto['skillGaps']>(
      `WITH demand AS (
           SELECT code, count(*)::int AS postings, sum(p.headcount - p.hired_count)::int AS openings
             FROM (${POSTINGS_IN_REACH}) p, unnest(p.required_skill_codes) code
            GROUP BY code),
         holders AS (
           SELECT rs.skill_code, count(*)::int AS n
             FROM resident_skill rs JOIN resident r ON r.id = rs.resident_id
            WHERE r.site_id = ANY($1::uuid[]) AND r.status = 'active' AND r.erased_at IS NULL
            GROUP BY rs.skill_code)
         SELECT d.code, s.name_zh AS "nameZh", s.name_en AS "nameEn", d.postings, d.openings,
                coalesce(h.n, 0)::int AS "residentsHolding"
           FROM demand d
           LEFT JOIN holders h ON h.skill_code = d.code
           LEFT JOIN skill s ON s.code = d.code
          WHERE d.openings > coalesce(h.n, 0)
          ORDER BY d.openings - coalesce(h.n, 0) DESC, d.postings DESC, d.code
          LIMIT 10`,
      [[siteId], reachKm],
    );
  }

  /** Every site the caller manages (at most 200, by name), with its labour force and employed. */
  laborBySite(actor: AuthUser): Promise<SiteLaborRow[]> {
    const params: unknown[] = [];
    const scope = managesSiteSql(actor, positionalBind(params), { siteId: 'id', siteRegion: 'region_code' });
    return this.dataSource.query<SiteLaborRow[]>(
      `WITH sites AS (
         SELECT id, name FROM site
          WHERE ${scope}
          ORDER BY name LIMIT 200),
       lf AS (
         SELECT site_id, count(*) AS capable, count(*) FILTER (WHERE employment_status = 'employed') AS employed
           FROM resident WHERE site_id IN (SELECT id FROM sites) AND ${laborCapableSql()}
          GROUP BY site_id)
       SELECT s.id AS "siteId", s.name, coalesce(lf.capable, 0)::int AS "laborForce", coalesce(lf.employed, 0)::int AS employed
         FROM sites s LEFT JOIN lf ON lf.site_id = s.id ORDER BY s.name`,
      params,
    );
  }
}
