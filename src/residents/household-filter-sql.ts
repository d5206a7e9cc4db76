import type { Bind } from '../access/scope/scope-sql';

/**
 * Residents' own: another feature gets it as a condition from HouseholdsDirectory.at, for a
 * list that filters, counts and pages in SQL by its column holding a household id (casework's
 * queue). The rows whose household is at one of `siteIds` and/or
 * registered under `originRegionCode` (a code covers every division below it). `match: 'any'`
 * joins the two with OR (a region's households: at its sites or from it), `'all'` with AND.
 * The household table stays named here only.
 */
export function householdsWhereSql(
  householdIdColumn: string,
  bind: Bind,
  f: { siteIds?: readonly string[]; originRegionCode?: string },
  match: 'all' | 'any' = 'all',
): string {
  const terms: string[] = [];
  if (f.siteIds) terms.push(`fh.site_id = ANY(CAST(${bind([...f.siteIds])} AS uuid[]))`);
  if (f.originRegionCode !== undefined) terms.push(`fh.origin_region_code LIKE ${bind(f.originRegionCode)} || '%'`);
  if (!terms.length) return 'TRUE';
  return `${householdIdColumn} IN (SELECT fh.id FROM household fh WHERE ${terms.join(match === 'any' ? ' OR ' : ' AND ')})`;
}
