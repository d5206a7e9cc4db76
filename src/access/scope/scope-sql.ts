import type { AuthUser } from '../auth-user';

/*
 * ScopePolicy's rules in SQL, for list queries that must filter (and count) before they page.
 * These are the only SQL forms of the scope rule: a feature passes its own column names and a
 * way to bind values, and never writes the rule again. test/e2e/scope-agreement.e2e-spec.ts runs
 * each form and its ScopePolicy method over the same officers, sites, households and regions
 * and requires the same answers — change one, and that spec tells you to change the other.
 *
 * The rule is defined over the site→region tree, so this file is the declared reader of the
 * `site` table (src/house.spec.ts, src/README.md rule 3): a feature passes only its own site-id
 * column and the site's township is resolved here, so no feature joins `site` for a scope.
 */

/** Adds a value to the statement's parameters and returns its placeholder. */
export type Bind = (value: unknown) => string;

/** For `dataSource.query(sql, params)`: placeholders `$n`, appended to `params`. */
export function positionalBind(params: unknown[]): Bind {
  return (v) => {
    params.push(v);
    return `$${params.length}`;
  };
}

/** For TypeORM query builders: placeholders `:scope0`, `:scope1`…, set on `params`. */
export function namedBind(params: Record<string, unknown>, prefix = 'scope'): Bind {
  return (v) => {
    let i = 0;
    while (`${prefix}${i}` in params) i++;
    const key = `${prefix}${i}`;
    params[key] = v;
    return `:${key}`;
  };
}

/** `code` lies in one of the bound region codes (a code covers every division below it). */
function inRegions(codes: string, column: string): string {
  return `EXISTS (SELECT 1 FROM unnest(CAST(${codes} AS text[])) scope_c WHERE ${column} LIKE scope_c || '%')`;
}

/**
 * The township code (SiteRef.regionCode) of the site in `siteIdColumn`, as a scalar subquery:
 * for a feature that hands ScopePolicy a SiteRef without joining the site table itself.
 */
export function siteRegionSql(siteIdColumn: string): string {
  return `(SELECT scope_site.region_code FROM site scope_site WHERE scope_site.id = ${siteIdColumn})`;
}

/**
 * An officer's scope as a condition on a site-id column whose region this file looks up: their
 * own sites, the sites whose township lies in their regions, and (for reading households) an
 * origin region inside their regions. Only the parts the officer has are written, so an officer
 * of sites alone gets a plain `= ANY` (an index lookup on the feature's site column).
 */
function officerBySiteIdSql(actor: AuthUser, bind: Bind, siteId: string, originRegion?: string): string {
  const parts: string[] = [];
  if (actor.scope.siteIds.length) parts.push(`${siteId} = ANY(CAST(${bind(actor.scope.siteIds)} AS uuid[]))`);
  if (actor.scope.regionCodes.length) {
    const codes = bind(actor.scope.regionCodes);
    parts.push(
      `${siteId} IN (SELECT scope_site.id FROM site scope_site WHERE ${inRegions(codes, 'scope_site.region_code')})`,
    );
    if (originRegion !== undefined) parts.push(inRegions(codes, originRegion));
  }
  return parts.length ? `(${parts.join(' OR ')})` : 'FALSE';
}

/**
 * ScopePolicy.managesSite: the officer's sites and the sites inside their regions; admins all.
 * `siteRegion` is for queries over the site table itself (the declared readers); a feature's
 * rows name their site by id only and leave it out, and the site's region is read here.
 */
export function managesSiteSql(
  actor: AuthUser | undefined,
  bind: Bind,
  col: { siteId: string; siteRegion?: string },
): string {
  if (actor?.role === 'admin') return 'TRUE';
  if (actor?.role !== 'officer') return 'FALSE';
  if (col.siteRegion === undefined) return officerBySiteIdSql(actor, bind, col.siteId);
  const sites = bind(actor.scope.siteIds);
  const codes = bind(actor.scope.regionCodes);
  return `(${col.siteId} = ANY(CAST(${sites} AS uuid[])) OR ${inRegions(codes, col.siteRegion)})`;
}

/**
 * ScopePolicy.readsHousehold: managed through its site, or registered in the officer's regions
 * (the dual jurisdiction). Residents never list households. Without `siteRegion` the site's
 * region is read here (as managesSiteSql).
 */
export function readsHouseholdSql(
  actor: AuthUser | undefined,
  bind: Bind,
  col: { siteId: string; siteRegion?: string; originRegion: string },
): string {
  if (actor?.role === 'admin') return 'TRUE';
  if (actor?.role !== 'officer') return 'FALSE';
  if (col.siteRegion === undefined) return officerBySiteIdSql(actor, bind, col.siteId, col.originRegion);
  const sites = bind(actor.scope.siteIds);
  const codes = bind(actor.scope.regionCodes);
  return `(${col.siteId} = ANY(CAST(${sites} AS uuid[])) OR ${inRegions(codes, col.siteRegion)} OR ${inRegions(codes, col.originRegion)})`;
}

/**
 * ScopePolicy's area of an officer for things not tied to one site (employers, postings,
 * courses): their regions and the county of each of their sites. Admins all; others nothing
 * (employers and providers reach their own objects by id, not through this form).
 */
export function coversAreaSql(actor: AuthUser | undefined, bind: Bind, regionColumn: string): string {
  if (actor?.role === 'admin') return 'TRUE';
  if (actor?.role !== 'officer') return 'FALSE';
  const prefixes = [
    ...new Set([
      ...actor.scope.regionCodes,
      ...(actor.scope.siteRegionCodes ?? []).map((c) => c.slice(0, 6)),
    ]),
  ];
  return inRegions(bind(prefixes), regionColumn);
}
