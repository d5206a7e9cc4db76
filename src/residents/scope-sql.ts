import type { AuthUser } from '../access/auth-user';
import { managesSiteSql, namedBind, readsHouseholdSql } from '../access/scope/scope-sql';
import type { SqlCondition } from '../kernel/sql-condition';

/*
 * The residents' list forms of ScopePolicy.readsHousehold and managesResident, over the
 * resident and household tables. The rule itself, and the site's region it needs, are access's
 * (access/scope/scope-sql.ts): these pass only the household's site id and origin columns.
 */

/**
 * ScopePolicy.readsHousehold for a household list: an officer reads the households of their
 * sites, of sites inside their regions, and those registered in their regions (the dual
 * jurisdiction). `h` is the household alias. Admins read everything. The third argument is
 * ignored: the site no longer needs to be joined for the scope.
 */
export function householdReadScope(
  actor: AuthUser,
  h = 'h',
  _siteAlias?: string,
): { sql: string; params: Record<string, unknown> } | null {
  if (actor.role === 'admin') return null;
  const params: Record<string, unknown> = {};
  const sql = readsHouseholdSql(actor, namedBind(params, 'scopeRead'), {
    siteId: `${h}.site_id`,
    originRegion: `${h}.origin_region_code`,
  });
  return { sql, params };
}

/**
 * For other modules' list queries, which must filter (and count) in SQL before they page: the
 * rows whose `residentIdColumn` names a resident of a household the actor reads. The resident
 * and household tables stay named here only. Admins read every resident that has a household.
 */
export function readableResidentsSql(
  actor: AuthUser,
  residentIdColumn: string,
): SqlCondition {
  const scope = householdReadScope(actor, 'scope_h');
  return {
    sql: `${residentIdColumn} IN (SELECT scope_r.id FROM resident scope_r
            JOIN household scope_h ON scope_h.id = scope_r.household_id
           WHERE ${scope?.sql ?? 'TRUE'})`,
    params: scope?.params ?? {},
  };
}

/**
 * ScopePolicy.managesResident for a resident list (narrower than reading: no origin-region
 * households): the residents of the officer's sites and of sites inside their regions.
 */
export function managedResidentsSql(
  actor: AuthUser,
  residentIdColumn: string,
): SqlCondition {
  if (actor.role !== 'admin' && actor.role !== 'officer') return { sql: 'FALSE', params: {} };
  const params: Record<string, unknown> = {};
  const scope = managesSiteSql(actor, namedBind(params, 'scopeManaged'), { siteId: 'scope_h.site_id' });
  return {
    sql: `${residentIdColumn} IN (SELECT scope_r.id FROM resident scope_r
            JOIN household scope_h ON scope_h.id = scope_r.household_id
           WHERE ${scope})`,
    params,
  };
}

/** As readableResidentsSql, for a column holding a household id. */
export function readableHouseholdsSql(
  actor: AuthUser,
  householdIdColumn: string,
): SqlCondition {
  const scope = householdReadScope(actor, 'scope_h');
  return {
    sql: `${householdIdColumn} IN (SELECT scope_h.id FROM household scope_h WHERE ${scope?.sql ?? 'TRUE'})`,
    params: scope?.params ?? {},
  };
}
