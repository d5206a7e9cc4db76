import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { POSTINGS_IN_REACH, SUMMARY_SQL, type SummaryRow } from './indicators-sql';

/*
 * The indicators' reads (reports is a declared reader of other features' tables, src/README.md):
 * the sites of a region, the one-statement summary of a set of sites, and the postings an
 * officer may refer a resident to. The figures are shaped in IndicatorsService.
 */

export interface JobChoice {
  id: string;
  title: string;
  employerName: string;
}

@Injectable()
export class IndicatorsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** The ids of the sites inside a region (any GB/T 2260 code: a prefix of the site's township). */
  async siteIdsUnder(code: string): Promise<string[]> {
    const rows: { id: string }[] = await this.dataSource.query(
      "SELECT id FROM site WHERE region_code LIKE $1 || '%' ORDER BY id",
      [code],
    );
    return rows.map((r) => r.id);
  }

  /** The figures of a set of sites, computed in one SQL statement (indicators-sql.ts). */
  async summary(siteIds: string[], reachKm: number): Promise<SummaryRow> {
    const [r]: SummaryRow[] = await this.dataSource.query(SUMMARY_SQL, [siteIds, reachKm]);
    return r;
  }

  /** The open postings within reach of the site (the summary's openPostingsInReach), newest first, at most 50. */
  openPostingsNear(siteId: string, reachKm: number): Promise<JobChoice[]> {
    return this.dataSource.query<JobChoice[]>(
      `SELECT p.id, p.title, e.name AS "employerName"
         FROM (${POSTINGS_IN_REACH}) p JOIN employer e ON e.id = p.employer_id
        ORDER BY p.created_at DESC, p.id LIMIT 50`,
      [[siteId], reachKm],
    );
  }
}
