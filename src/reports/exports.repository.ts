import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { householdHeadSql } from '../residents/household-head';
import { LABOR_FORCE_BY_HOUSEHOLD } from './indicators-sql';

/*
 * The rows of the Excel exports (reports is a declared reader of other features' tables,
 * src/README.md). Phones come encrypted and national ids masked; ExportsService decrypts and
 * masks the phones, words the kinds and writes the sheets.
 */

export interface PlacementExportRow {
  id: string;
  name: string;
  number: number;
  head: string | null;
  masked: string | null;
  phone: string | null;
  kind: string;
  employer: string | null;
  city: string | null;
  start: string;
  end: string | null;
  reason: string | null;
  income: string | null;
}

export interface ZeroEmploymentHouseholdRow {
  number: number;
  head: string | null;
  origin: string | null;
  origin_code: string;
  monitoring: string;
  capable: number;
  members: string | null;
  masked: string | null;
  phone: string | null;
  since: string | null;
}

@Injectable()
export class ExportsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** The site's placements with id after `after`, by id, at most `limit` (keyset pages). */
  placementsAfter(siteId: string, after: string, limit: number): Promise<PlacementExportRow[]> {
    return this.dataSource.query<PlacementExportRow[]>(
      `SELECT p.id, r.name, h.number, head.head_name AS head, r.national_id_masked AS masked, r.phone_encrypted AS phone, p.kind,
                    coalesce(p.employer_name, e.name) AS employer, p.partner_city AS city,
                    to_char(p.start_date, 'YYYY-MM-DD') AS start, to_char(p.end_date, 'YYYY-MM-DD') AS "end",
                    p.end_reason AS reason, p.monthly_income AS income
               FROM placement p
               JOIN resident r ON r.id = p.resident_id
               JOIN household h ON h.id = r.household_id ${householdHeadSql('h')}
               LEFT JOIN employer e ON e.id = p.employer_id
              WHERE p.site_id = $1 AND p.id > $2
              ORDER BY p.id LIMIT $3`,
      [siteId, after, limit],
    );
  }

  /**
   * The site's zero-employment households, longest at risk first: the same definition as the
   * summary's zeroEmploymentHouseholds (labour force, none employed).
   */
  zeroEmploymentHouseholds(siteId: string): Promise<ZeroEmploymentHouseholdRow[]> {
    return this.dataSource.query<ZeroEmploymentHouseholdRow[]>(
      `WITH lf AS (${LABOR_FORCE_BY_HOUSEHOLD})
           SELECT h.number, head.head_name AS head, rg.name AS origin, h.origin_region_code AS origin_code, h.monitoring_status AS monitoring,
                  lf.capable::int AS capable,
                  (SELECT string_agg(r.name, '、' ORDER BY r.created_at, r.id) FROM resident r
                    WHERE r.household_id = h.id AND r.erased_at IS NULL) AS members,
                  c.national_id_masked AS masked, c.phone_encrypted AS phone,
                  to_char(h.at_risk_since, 'YYYY-MM-DD') AS since
             FROM lf
             JOIN household h ON h.id = lf.household_id ${householdHeadSql('h')}
             LEFT JOIN region rg ON rg.code = h.origin_region_code
             LEFT JOIN LATERAL (SELECT r.national_id_masked, r.phone_encrypted FROM resident r
                                 WHERE r.household_id = h.id AND r.erased_at IS NULL
                                 ORDER BY (r.phone_encrypted IS NULL), r.created_at, r.id LIMIT 1) c ON true
            WHERE lf.employed = 0
            ORDER BY h.at_risk_since NULLS LAST, h.number`,
      [[siteId]],
    );
  }
}
