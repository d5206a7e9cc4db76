import { Injectable } from '@nestjs/common';
import type { EmploymentStatus, MonitoringStatus } from '../kernel/domain-enums';
import { ResidentsRepository } from './residents.repository';

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

/**
 * The residents module's read for the programmes: confirmed, not erased residents of a site, or
 * by id. No scope check: the caller has checked the site or the resident through ScopePolicy.
 */
@Injectable()
export class ResidentProgrammeReads {
  constructor(private readonly repo: ResidentsRepository) {}

  ofSite(siteId: string): Promise<ResidentProgrammeFacts[]> {
    return this.repo.programmeFactsOfSite(siteId);
  }

  ofIds(ids: string[]): Promise<ResidentProgrammeFacts[]> {
    if (!ids.length) return Promise.resolve([]);
    return this.repo.programmeFactsOf(ids);
  }
}
