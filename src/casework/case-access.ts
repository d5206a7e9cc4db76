import { Injectable } from '@nestjs/common';
import type { AuthUser } from '../access/auth-user';
import { ScopePolicy, type HouseholdRef } from '../access/scope/scope-policy';
import { todayInPilotZone } from '../kernel/clock';
import { CaseRecords } from './case-records';
import type { CaseRow } from './casework.repository';

export function caseHousehold(r: CaseRow): HouseholdRef {
  return {
    id: r.householdId,
    site: { id: r.siteId, regionCode: r.siteRegionCode },
    originRegionCode: r.originRegionCode,
  };
}

/**
 * Dual jurisdiction (issue 15 item 5): the officers who read the household — its site's and
 * its origin region's, ScopePolicy.readsHousehold — read the case and act on it; anyone else
 * gets the 404 that hides it.
 */
@Injectable()
export class CaseAccess {
  constructor(
    private readonly records: CaseRecords,
    private readonly policy: ScopePolicy,
  ) {}

  async require(actor: AuthUser, id: string, today = todayInPilotZone()): Promise<CaseRow> {
    const row = await this.records.get(id, today);
    this.policy.require(!!row && this.policy.readsHousehold(actor, caseHousehold(row)), 'Case');
    return row!;
  }
}
