import type { WageUnit } from '../kernel/domain-enums';

/**
 * The words of a wage, in zh: a job alert's and an officer's notification body quote it
 * (「每月 3000–4000 元」). Core, not matching: pages and exports that show a wage take it from here.
 */
export const WAGE_UNIT_ZH: Record<WageUnit, string> = { month: '每月', day: '每天', hour: '每小时', piece: '每件' };

/** A posting's wage as a notification reads it: one figure, or a range. */
export function wageText(min: number, max: number, unit: WageUnit): string {
  return min === max ? `${WAGE_UNIT_ZH[unit]} ${min} 元` : `${WAGE_UNIT_ZH[unit]} ${min}–${max} 元`;
}
