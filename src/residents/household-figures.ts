export interface HouseholdFigures {
  laborCapableMembers: number;
  employedMembers: number;
  zeroEmployment: boolean;
}

export interface RecomputeResult {
  before: HouseholdFigures;
  after: HouseholdFigures;
}

/**
 * The working-age, labour-capable member filter on resident alias `r` (the definitions:
 * HouseholdsRepository.recompute, which keeps a household's figures).
 */
export function laborCapableSql(r = 'resident'): string {
  return `${r}.status = 'active' AND ${r}.erased_at IS NULL AND ${r}.labor_capacity IN ('full', 'partial')
        AND ${r}.birth_date IS NOT NULL
        AND ${r}.birth_date <= (current_date - interval '16 years')
        AND ${r}.birth_date > (current_date - interval '65 years')`;
}
