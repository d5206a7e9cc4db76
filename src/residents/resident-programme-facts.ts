import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { EmploymentStatus, MonitoringStatus } from '../common/domain-enums';

/** A resident as the programmes (issue 17) judge them: no contact data, the ID masked only. */
export interface ResidentProgrammeFacts {
  id: string;
  name: string;
  householdId: string;
  siteId: string;
  monitoringStatus: MonitoringStatus;
  employmentStatus: EmploymentStatus;
  /** First 6 and last 4 (as stored at registration); null when no ID is on file. */
  nationalIdMasked: string | null;
  /** The day the record was created, in the pilot's calendar (the database session's zone). */
  registeredOn: string;
}

const SELECT = `
  SELECT r.id, r.name, r.household_id AS "householdId", r.site_id AS "siteId",
         h.monitoring_status AS "monitoringStatus", r.employment_status AS "employmentStatus",
         r.national_id_masked AS "nationalIdMasked", to_char(r.created_at, 'YYYY-MM-DD') AS "registeredOn"
    FROM resident r JOIN household h ON h.id = r.household_id`;

/**
 * The residents module's read for the programmes: confirmed, not erased residents of a site, or
 * by id. No scope check: the caller has checked the site or the resident through ScopePolicy.
 */
@Injectable()
export class ResidentProgrammeReads {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  ofSite(siteId: string): Promise<ResidentProgrammeFacts[]> {
    return this.dataSource.query(
      `${SELECT} WHERE r.site_id = $1 AND r.status = 'active' AND r.erased_at IS NULL ORDER BY r.name, r.id`,
      [siteId],
    );
  }

  ofIds(ids: string[]): Promise<ResidentProgrammeFacts[]> {
    if (!ids.length) return Promise.resolve([]);
    return this.dataSource.query(`${SELECT} WHERE r.id = ANY($1::uuid[]) AND r.erased_at IS NULL`, [ids]);
  }
}
