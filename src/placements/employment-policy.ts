import { Injectable } from '@nestjs/common';
import type { WageUnit } from '../kernel/domain-enums';
import { AppConfig } from '../platform/config/app-config';
import { loadMatchingConfig } from '../matching/matching-config';
import type { HouseholdPriorityPoints } from '../residents/household-priority';

/**
 * The figures placements and applications share with matching, read from the SAME file
 * (config/matching.yaml) so the hard filter of matching and the 409 of an application can never
 * disagree:
 * - `age.publicWelfareMaxAge` (default 60): the public-welfare age limit (POLICY.md, Guizhou
 *   example: 60, 65 where a province allows it);
 * - `wage.workDaysPerMonth` / `wage.hoursPerDay`: a daily or hourly wage as a monthly income;
 * - `priority`: zero-employment and monitored households first among a public-welfare post's
 *   applicants (POLICY.md), the same points matching gives them.
 * Only the pure parser of matching-config.ts is imported, not the matching Nest module.
 */
@Injectable()
export class EmploymentPolicy {
  readonly publicWelfareMaxAge: number;
  readonly lawfulMinimumAge: number;
  readonly priority: HouseholdPriorityPoints;
  private readonly workDaysPerMonth: number;
  private readonly hoursPerDay: number;

  constructor(app: AppConfig) {
    const c = loadMatchingConfig(app);
    this.publicWelfareMaxAge = c.age.publicWelfareMaxAge;
    this.lawfulMinimumAge = c.age.lawfulMinimum;
    this.workDaysPerMonth = c.wage.workDaysPerMonth;
    this.hoursPerDay = c.wage.hoursPerDay;
    this.priority = { ...c.priority };
  }

  /**
   * A hire's monthly income: the middle of the posting's wage range as a monthly amount.
   * Piece rates cannot be converted (null: the officer records the real income at follow-up).
   */
  monthlyIncomeFromWage(wageMin: number, wageMax: number, unit: WageUnit): number | null {
    const mid = (Number(wageMin) + Number(wageMax)) / 2;
    switch (unit) {
      case 'month':
        return round2(mid);
      case 'day':
        return round2(mid * this.workDaysPerMonth);
      case 'hour':
        return round2(mid * this.hoursPerDay * this.workDaysPerMonth);
      case 'piece':
        return null;
    }
  }
}

function round2(v: number): number {
  return Math.round(v * 100) / 100;
}

/** Whole years between a birth date and a day (both YYYY-MM-DD). */
export function ageOn(birthDate: string, day: string): number {
  const [by, bm, bd] = birthDate.split('-').map(Number);
  const [y, m, d] = day.split('-').map(Number);
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
}
