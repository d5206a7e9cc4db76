import type { EntityManager } from 'typeorm';

export interface HouseholdFigures {
  laborCapableMembers: number;
  employedMembers: number;
  zeroEmployment: boolean;
}

export interface RecomputeResult {
  before: HouseholdFigures;
  after: HouseholdFigures;
}

/** The working-age, labour-capable member filter (see recomputeHousehold) on resident alias `r`. */
export function laborCapableSql(r = 'resident'): string {
  return `${r}.status = 'active' AND ${r}.erased_at IS NULL AND ${r}.labor_capacity IN ('full', 'partial')
        AND ${r}.birth_date IS NOT NULL
        AND ${r}.birth_date <= (current_date - interval '16 years')
        AND ${r}.birth_date > (current_date - interval '65 years')`;
}

/**
 * Recomputes a household's derived figures from its members, in the caller's transaction (the
 * household row is locked so two concurrent member changes cannot both write stale counts).
 *
 * Definitions (POLICY.md "Households and employment"; the national monitoring system counts
 * working-age relocated people):
 * - labour-capable member: an active (officer-confirmed), not erased resident with labour
 *   capacity `full` or `partial`, aged 16 to 64 inclusive today (16 is the legal minimum working
 *   age in China; 65 and over is counted as retired age for this figure). Pending
 *   self-registrations do not count until an officer confirms them.
 * - employed member: a labour-capable member whose employmentStatus is `employed`.
 * - zero-employment household (零就业家庭): at least one labour-capable member, none employed.
 *
 * `atRiskSince` is set when the household becomes zero-employment and cleared when it stops.
 * Ages move with the calendar: a member turning 65 changes the figures without any write, so a
 * periodic recompute of all households is advisable (recomputeAllHouseholds).
 */
export async function recomputeHousehold(
  manager: EntityManager,
  householdId: string,
): Promise<RecomputeResult> {
  const rows: {
    labor_capable_members: number;
    employed_members: number;
    zero_employment: boolean;
  }[] = await manager.query(
    'SELECT labor_capable_members, employed_members, zero_employment FROM household WHERE id = $1 FOR UPDATE',
    [householdId],
  );
  if (!rows.length) throw new Error(`household ${householdId} does not exist`);
  const before: HouseholdFigures = {
    laborCapableMembers: rows[0].labor_capable_members,
    employedMembers: rows[0].employed_members,
    zeroEmployment: rows[0].zero_employment,
  };
  const counted: { capable: string; employed: string }[] = await manager.query(
    `SELECT count(*) AS capable, count(*) FILTER (WHERE employment_status = 'employed') AS employed
       FROM resident
      WHERE household_id = $1 AND ${laborCapableSql()}`,
    [householdId],
  );
  const capable = Number(counted[0].capable);
  const employed = Number(counted[0].employed);
  const after: HouseholdFigures = {
    laborCapableMembers: capable,
    employedMembers: employed,
    zeroEmployment: capable > 0 && employed === 0,
  };
  await manager.query(
    `UPDATE household
        SET labor_capable_members = $2, employed_members = $3, zero_employment = $4,
            at_risk_since = CASE WHEN $4 THEN COALESCE(CASE WHEN zero_employment THEN at_risk_since END, now()) ELSE NULL END,
            updated_at = now()
      WHERE id = $1`,
    [householdId, capable, employed, after.zeroEmployment],
  );
  if (before.zeroEmployment !== after.zeroEmployment) {
    // Casework opens, reopens or advances the household's case (issue 15); the job re-reads.
    await manager.query(
      `INSERT INTO outbox_event (kind, entity_id, version, payload) VALUES ('household.employment_changed', $1, 0, $2)`,
      [householdId, { zeroEmployment: after.zeroEmployment }],
    );
  }
  return { before, after };
}
