import { boundingBox } from '../kernel/geo';
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
  // A named place's box first (four comparisons), the haversine only inside it: at 20k postings and
  // 30 recorded rows the exact distance for every pair was most of the statement's time.
  const boxes = rows.map((r) => placeBox(cfg, r));
  const col = (f: (b: NonNullable<ReturnType<typeof placeBox>>) => number) =>
    arg(boxes.map((b) => (b ? f(b) : null)));
  const recorded = `(SELECT t.minutes FROM unnest(${arg(rows.map((r) => r.destinationRegionCode))}::text[],
      ${arg(rows.map((r) => r.latitude))}::float8[], ${arg(rows.map((r) => r.longitude))}::float8[],
      ${col((b) => b.minLat)}::float8[], ${col((b) => b.maxLat)}::float8[],
      ${col((b) => b.minLon)}::float8[], ${col((b) => b.maxLon)}::float8[],
      ${arg(rows.map((r) => r.minutes))}::float8[], ${arg(rows.map((r) => r.employerId))}::uuid[])
      WITH ORDINALITY AS t(code, lat, lon, min_lat, max_lat, min_lon, max_lon, minutes, employer_id, ord)
    WHERE (t.employer_id IS NULL OR t.employer_id = p.employer_id)
      AND ((t.code IS NOT NULL AND left(p.region_code, length(t.code)) = t.code)
        OR (t.lat IS NOT NULL AND NOT p.location_approximate
            AND p.latitude BETWEEN t.min_lat AND t.max_lat AND p.longitude BETWEEN t.min_lon AND t.max_lon
            AND haversine_km(t.lat, t.lon, p.latitude, p.longitude) <= ${arg(cfg.matchRadiusKm)}::float8))
    ORDER BY t.ord LIMIT 1)`;
  return `COALESCE(${recorded}, ${estimate})`;
}

/** A lat/lon box around a recorded named place that holds every workplace within matchRadiusKm
 *  (padded: the box of common/geo is exact only along the place's own latitude). */
function placeBox(cfg: Pick<CommuteConfig, 'matchRadiusKm'>, r: RecordedTrip) {
  if (r.latitude === null || r.longitude === null) return null;
  return boundingBox(r.latitude, r.longitude, cfg.matchRadiusKm * 1.01 + 0.01);
}

/**
 * A cheap condition every posting within `minutes` meets (a superset, before the exact test): the
 * estimate's box (an unlocated workplace has no estimate), or the region or the place box of a
 * recorded row of at most `minutes` — the row that decides a posting within reach is one of those,
 * or no row applies and the estimate does.
 */
export function travelReachSql(
  cfg: Pick<CommuteConfig, 'detourFactor' | 'speedKmh' | 'defaultEstimateMode' | 'matchRadiusKm'>,
  site: SitePoint,
  rows: readonly RecordedTrip[],
  minutes: number,
  arg: Arg,
): string {
  const box = boundingBox(site.latitude, site.longitude, estimateReachKm(cfg, minutes));
  const within = (b: { minLat: number; maxLat: number; minLon: number; maxLon: number }) =>
    `(p.latitude BETWEEN ${arg(b.minLat)}::float8 AND ${arg(b.maxLat)}::float8
      AND p.longitude BETWEEN ${arg(b.minLon)}::float8 AND ${arg(b.maxLon)}::float8)`;
  const any = [`(NOT p.location_approximate AND ${within(box)})`];
  const reaching = rows.filter((r) => r.minutes <= minutes);
  const codes = reaching.map((r) => r.destinationRegionCode).filter((c): c is string => c !== null);
  // Region codes are digits (travel-time-fields REGION_CODE): no LIKE wildcard in them.
  if (codes.length) any.push(`p.region_code LIKE ANY (${arg(codes.map((c) => `${c}%`))}::text[])`);
  for (const r of reaching) {
    const b = placeBox(cfg, r);
    if (b) any.push(`(NOT p.location_approximate AND ${within(b)})`);
  }
  return `(${any.join(' OR ')})`;
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
