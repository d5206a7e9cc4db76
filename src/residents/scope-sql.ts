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
