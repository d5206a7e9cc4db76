import type { CaseRow } from './casework.repository';
import type { CaseDto } from './dto/case.dto';
import { workingDaysBetween } from './working-days';

/** How an officer reads a household: "12 号（张三家）". */
export function householdName(r: Pick<CaseRow, 'householdNumber' | 'headName'>): string {
  return r.headName ? `${r.householdNumber} 号（${r.headName}家）` : `${r.householdNumber} 号`;
}

/** The due date the clock is running to: first contact until made, then clearing. */
export function nextDueOn(r: Pick<CaseRow, 'firstContactOn' | 'firstContactDueOn' | 'clearDueOn'>): string {
  return r.firstContactOn ? r.clearDueOn : r.firstContactDueOn;
}

export function toCaseDto(r: CaseRow, today: string): CaseDto {
  return {
    id: r.id,
    householdId: r.householdId,
    householdName: householdName(r),
    householdNumber: r.householdNumber,
    headName: r.headName,
    siteId: r.siteId,
    originRegionCode: r.originRegionCode,
    status: r.status,
    cause: r.cause,
    openedAt: r.openedAt,
    firstContactDueOn: r.firstContactDueOn,
    clearDueOn: r.clearDueOn,
    firstContactOn: r.firstContactOn,
    overdue: r.overdue,
    workingDaysLeft: workingDaysBetween(today, nextDueOn(r)),
    services: {
      policyBriefing: r.policyBriefing,
      guidance: r.guidance,
      referrals: r.referrals,
      trainingOffers: r.trainingOffers,
    },
    closedReason: r.closedReason,
  };
}
