import type { AuthUser } from '../access/auth-user';

/**
 * The list twin of ScopePolicy.readsHousehold for SQL: an officer reads the households of their
 * sites, of sites inside their regions, and those registered in their regions (the dual
 * jurisdiction). `h` is the household alias, `s` its site. Admins read everything.
 */
export function householdReadScope(
  actor: AuthUser,
  h = 'h',
  s = 's',
): { sql: string; params: Record<string, unknown> } | null {
  if (actor.role === 'admin') return null;
  if (actor.role !== 'officer') return { sql: 'FALSE', params: {} };
  return {
    sql: `(${h}.site_id = ANY(CAST(:scopeSiteIds AS uuid[])) OR EXISTS (SELECT 1 FROM unnest(CAST(:scopeCodes AS text[])) c
            WHERE ${s}.region_code LIKE c || '%' OR ${h}.origin_region_code LIKE c || '%'))`,
    params: { scopeSiteIds: actor.scope.siteIds, scopeCodes: actor.scope.regionCodes },
  };
}

/**
 * For other modules' list queries, which must filter (and count) in SQL before they page: the
 * rows whose `residentIdColumn` names a resident of a household the actor reads. The resident,
 * household and site tables stay named here only. Admins read every resident that has a
 * household at a site.
 */
export function readableResidentsSql(
  actor: AuthUser,
  residentIdColumn: string,
): { sql: string; params: Record<string, unknown> } {
  const scope = householdReadScope(actor, 'scope_h', 'scope_s');
  return {
    sql: `${residentIdColumn} IN (SELECT scope_r.id FROM resident scope_r
            JOIN household scope_h ON scope_h.id = scope_r.household_id
            JOIN site scope_s ON scope_s.id = scope_h.site_id
           WHERE ${scope?.sql ?? 'TRUE'})`,
    params: scope?.params ?? {},
  };
}

/**
 * The list twin of ScopePolicy.managesResident (narrower than reading: no origin-region
 * households): the residents of the officer's sites and of sites inside their regions.
 */
export function managedResidentsSql(
  actor: AuthUser,
  residentIdColumn: string,
): { sql: string; params: Record<string, unknown> } {
  if (actor.role !== 'admin' && actor.role !== 'officer') return { sql: 'FALSE', params: {} };
  const scope =
    actor.role === 'admin'
      ? null
      : `(scope_h.site_id = ANY(CAST(:scopeSiteIds AS uuid[])) OR EXISTS (SELECT 1 FROM unnest(CAST(:scopeCodes AS text[])) c
            WHERE scope_s.region_code LIKE c || '%'))`;
  return {
    sql: `${residentIdColumn} IN (SELECT scope_r.id FROM resident scope_r
            JOIN household scope_h ON scope_h.id = scope_r.household_id
            JOIN site scope_s ON scope_s.id = scope_h.site_id
           WHERE ${scope ?? 'TRUE'})`,
    params: scope ? { scopeSiteIds: actor.scope.siteIds, scopeCodes: actor.scope.regionCodes } : {},
  };
}

/** As readableResidentsSql, for a column holding a household id. */
export function readableHouseholdsSql(
  actor: AuthUser,
  householdIdColumn: string,
): { sql: string; params: Record<string, unknown> } {
  const scope = householdReadScope(actor, 'scope_h', 'scope_s');
  return {
    sql: `${householdIdColumn} IN (SELECT scope_h.id FROM household scope_h
            JOIN site scope_s ON scope_s.id = scope_h.site_id
           WHERE ${scope?.sql ?? 'TRUE'})`,
    params: scope?.params ?? {},
  };
}
