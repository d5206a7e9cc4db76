import { Injectable } from '@nestjs/common';
import type { MonitoringStatus } from '../kernel/domain-enums';
import { HouseholdFacts } from '../residents/household-facts';
import type { PlacementKind } from './placement-kind';
import { PlacementsRepository } from './placements.repository';

/** One placement at an employer, as the workshop register (issue 17 §1) reads it. */
export interface EmployerPlacement {
  placementId: string;
  residentId: string;
  /** The household's poverty-monitoring status today (whose work counts for a workshop). */
  householdStatus: MonitoringStatus;
  startDate: string;
  endDate: string | null;
  /** Yuan a month: the newest follow-up that recorded one, else the placement's own figure. */
  monthlyIncome: number | null;
}

/**
 * The placements module's read for the programmes: the placements of one kind at an employer
 * that overlap a period. Ids, dates and money only (no names); no scope check — the caller has
 * checked it may read the employer's register. The households' monitoring status comes from the
 * residents feature (HouseholdFacts), one read for the whole register.
 */
@Injectable()
export class EmployerPlacements {
  constructor(
    private readonly repo: PlacementsRepository,
    private readonly households: HouseholdFacts,
  ) {}

  async overlapping(
    employerId: string,
    kind: PlacementKind,
    from: string,
    to: string,
  ): Promise<EmployerPlacement[]> {
    const rows = await this.repo.overlappingAtEmployer(employerId, kind, from, to);
    const status = await this.households.monitoringStatusesOf(rows.map((r) => r.householdId));
    // As an inner join would: a placement whose household is gone is not on the register.
    return rows.filter((r) => status.has(r.householdId)).map((r) => ({
      placementId: r.placementId,
      residentId: r.residentId,
      householdStatus: status.get(r.householdId)!,
      startDate: r.startDate,
      endDate: r.endDate,
      monthlyIncome: r.monthlyIncome,
    }));
  }
}
