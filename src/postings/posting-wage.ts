import type { WageUnit } from '../kernel/domain-enums';
import { monthlyWage, type WageFactors } from '../matching/engine';

/**
 * About a month's pay for a day or hour wage (「约每月 X 元」 beside it), with the matching engine's
 * factors (config/matching.yaml wage.workDaysPerMonth, hoursPerDay): the search's wage filter,
 * the score and what a resident reads use one conversion. Nothing for a month (already one) or
 * a piece rate (cannot be converted).
 */
export function monthlyWageRange(
  min: number,
  max: number,
  unit: WageUnit,
  factors: WageFactors,
): { monthlyWageMin: number; monthlyWageMax: number } | Record<string, never> {
  if (unit !== 'day' && unit !== 'hour') return {};
  return {
    monthlyWageMin: Math.round(monthlyWage(min, unit, factors)),
    monthlyWageMax: Math.round(monthlyWage(max, unit, factors)),
  };
}
