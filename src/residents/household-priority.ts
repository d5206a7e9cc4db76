/** Household priority points (config/matching.yaml `priority`), the same numbers matching uses. */
export interface HouseholdPriorityPoints {
  zeroEmployment: number;
  unstable: number;
  marginal: number;
  hardship: number;
  max: number;
}

/**
 * Household priority as matching computes it (engine/score.ts priorityOf): the monitoring
 * status's points plus the zero-employment points, capped. `h` is the household alias; the
 * points are bound as named parameters (prMax, prUnstable, …) for a query builder.
 */
export function householdPrioritySql(
  points: HouseholdPriorityPoints,
  h = 'h',
): { sql: string; params: Record<string, number> } {
  return {
    sql: `LEAST(:prMax, CASE ${h}.monitoring_status WHEN 'unstable' THEN :prUnstable
  WHEN 'marginal' THEN :prMarginal WHEN 'hardship' THEN :prHardship ELSE 0 END
  + CASE WHEN ${h}.zero_employment THEN :prZero ELSE 0 END)`,
    params: {
      prMax: points.max,
      prUnstable: points.unstable,
      prMarginal: points.marginal,
      prHardship: points.hardship,
      prZero: points.zeroEmployment,
    },
  };
}
