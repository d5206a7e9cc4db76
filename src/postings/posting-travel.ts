import type { CommuteConfig } from '../commute/commute-config';
import type { CommutePlanner } from '../commute/commute-planner';
import type { RecordedTrip, SitePoint, Trip, Workplace } from '../commute/travel-trip';

/** The posting columns the planner needs. */
export interface PostingPlace {
  regionCode: string;
  latitude: number;
  longitude: number;
  locationApproximate: boolean;
  employerId: string;
}

/**
 * Where a posting's work is, as the commute planner reads it. An unlocated workplace has no
 * coordinates: its latitude/longitude are the employer's office standing in, and an estimate from
 * them would be a made-up trip (0 minutes for a workshop registered at the site). Its region code
 * is known, so a trip an officer recorded to that township still applies.
 */
export function postingWorkplace(p: PostingPlace): Workplace {
  return {
    regionCode: p.regionCode,
    latitude: p.locationApproximate ? null : p.latitude,
    longitude: p.locationApproximate ? null : p.longitude,
    approximate: p.locationApproximate,
    employerId: p.employerId,
  };
}

/** The best trip from a site to each posting (one planner, pure). */
export function postingTrips<T extends PostingPlace & { id: string }>(
  planner: CommutePlanner,
  site: SitePoint,
  postings: readonly T[],
): Map<string, Trip> {
  return new Map(postings.map((p) => [p.id, planner.best(site, postingWorkplace(p))]));
}

type Arg = (v: unknown) => string;

/**
 * The SQL twin of `CommutePlanner.best(site, postingWorkplace(p)).minutes` over `posting p`, so the
 * search can filter and order by travel time BEFORE paging (a filter applied to a fetched page would
 * make short pages and wrong totals). Same rules as the planner (src/commute/commute-planner.ts):
 * the site's recorded rows in the planner's rank order (rowsOf), the first that applies wins — an
 * employer's shuttle only for that employer's postings; a destination region code that prefixes the
 * posting's; or a named place within matchRadiusKm of a located workplace — else the straight-line
 * estimate, max(1, round(km × detour ÷ speed × 60)), else NULL (unlocated, nothing recorded).
 * test/e2e/search-travel.e2e-spec.ts checks the filter against the planner's minutes on the items.
 */
export function travelMinutesSql(
  cfg: Pick<CommuteConfig, 'detourFactor' | 'speedKmh' | 'defaultEstimateMode' | 'matchRadiusKm'>,
  site: SitePoint,
  rows: readonly RecordedTrip[],
  arg: Arg,
): string {
  const speed = cfg.speedKmh[cfg.defaultEstimateMode];
  const km = `haversine_km(${arg(site.latitude)}::float8, ${arg(site.longitude)}::float8, p.latitude, p.longitude)`;
  // Math.round(x) is floor(x + 0.5); PostgreSQL's round(float8) rounds halves to even.
  const estimate = `CASE WHEN p.location_approximate THEN NULL::float8
    ELSE greatest(1, floor(((${km} * ${arg(cfg.detourFactor)}::float8) / ${arg(speed)}::float8) * 60 + 0.5)) END`;
  if (!rows.length) return `(${estimate})`;
  const recorded = `(SELECT t.minutes FROM unnest(${arg(rows.map((r) => r.destinationRegionCode))}::text[],
      ${arg(rows.map((r) => r.latitude))}::float8[], ${arg(rows.map((r) => r.longitude))}::float8[],
      ${arg(rows.map((r) => r.minutes))}::float8[], ${arg(rows.map((r) => r.employerId))}::uuid[])
      WITH ORDINALITY AS t(code, lat, lon, minutes, employer_id, ord)
    WHERE (t.employer_id IS NULL OR t.employer_id = p.employer_id)
      AND ((t.code IS NOT NULL AND left(p.region_code, length(t.code)) = t.code)
        OR (t.lat IS NOT NULL AND t.lon IS NOT NULL AND NOT p.location_approximate
            AND haversine_km(t.lat, t.lon, p.latitude, p.longitude) <= ${arg(cfg.matchRadiusKm)}::float8))
    ORDER BY t.ord LIMIT 1)`;
  return `COALESCE(${recorded}, ${estimate})`;
}

/**
 * The straight line beyond which the estimate is over `minutes` (for the index box before the exact
 * test): round(km × detour ÷ speed × 60) ≤ minutes needs km < (minutes + 0.5) × speed ÷ (60 × detour).
 */
export function estimateReachKm(
  cfg: Pick<CommuteConfig, 'detourFactor' | 'speedKmh' | 'defaultEstimateMode'>,
  minutes: number,
): number {
  return ((minutes + 0.5) * cfg.speedKmh[cfg.defaultEstimateMode]) / (60 * cfg.detourFactor);
}
