import type { CommuteConfig } from './commute-config';
import type { RecordedTrip, SitePoint, TravelMode, Trip, Workplace } from './travel-trip';
import { UNKNOWN_TRIP } from './travel-trip';

// Same haversine as src/kernel/geo.ts, repeated so this file stays pure (no imports beyond src/commute).
const EARTH_RADIUS_KM = 6371.0088;
function distanceKm(lat1: number, lon1: number, lat2: number, lon2: number): number {
  const toRad = Math.PI / 180;
  const dLat = (lat2 - lat1) * toRad;
  const dLon = (lon2 - lon1) * toRad;
  const a =
    Math.sin(dLat / 2) ** 2 + Math.cos(lat1 * toRad) * Math.cos(lat2 * toRad) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(a)));
}

export type EstimateSettings = Pick<CommuteConfig, 'detourFactor' | 'speedKmh' | 'defaultEstimateMode'>;

/** Road minutes from straight-line km: km × detour ÷ speed. At least 1 minute, whole minutes. */
export function estimateMinutes(
  cfg: EstimateSettings,
  km: number,
  mode: TravelMode = cfg.defaultEstimateMode,
): number {
  const minutes = ((km * cfg.detourFactor) / cfg.speedKmh[mode]) * 60;
  return Math.max(1, Math.round(minutes));
}

function toTrip(r: RecordedTrip): Trip {
  return {
    minutes: r.minutes,
    mode: r.mode,
    source: r.source,
    fare: r.fare,
    firstDeparture: r.firstDeparture,
    lastReturn: r.lastReturn,
    days: r.days,
    placeName: r.placeName,
  };
}

/**
 * The way from a site to a workplace, from the sites' recorded trips and the estimate rule. Pure: the
 * rows come in, nothing is read. Built once per ranking pass for the sites involved (CommuteDirectory).
 *
 * A recorded row applies to a workplace when its destination region code is a prefix of the workplace's
 * region code (a township row covers every village in it), or when it names a place whose coordinates lie
 * within matchRadiusKm of the workplace. An employer's shuttle (employerId set) applies only to that
 * employer's postings. Officers' 'measured' rows come before recorded 'estimate' rows (e.g. from the road
 * network command), and any recorded row replaces the straight-line estimate: once an officer has
 * written down the bus, a guess must not let a resident reach a shift the bus cannot.
 */
export class CommutePlanner {
  private readonly bySite = new Map<string, RecordedTrip[]>();

  constructor(
    private readonly cfg: Pick<
      CommuteConfig,
      'detourFactor' | 'speedKmh' | 'defaultEstimateMode' | 'matchRadiusKm'
    >,
    rows: readonly RecordedTrip[],
  ) {
    for (const r of rows) {
      const list = this.bySite.get(r.siteId);
      if (list) list.push(r);
      else this.bySite.set(r.siteId, [r]);
    }
    for (const list of this.bySite.values()) list.sort(byRank);
  }

  /** The best way: the first of all(). */
  best(site: SitePoint, w: Workplace): Trip {
    const rows = this.bySite.get(site.id);
    if (rows) {
      for (const r of rows) if (this.applies(r, w)) return toTrip(r);
    }
    return this.estimate(site, w);
  }

  /** All candidate trips, measured first then recorded estimates, each group fastest first; without any
   *  recorded row, the single straight-line estimate (or the unknown trip). Never empty. */
  all(site: SitePoint, w: Workplace): Trip[] {
    const rows = this.bySite.get(site.id) ?? [];
    const out: Trip[] = [];
    for (const r of rows) if (this.applies(r, w)) out.push(toTrip(r));
    return out.length ? out : [this.estimate(site, w)];
  }

  /** The recorded rows of a site (for pages and exports), in rank order. */
  rowsOf(siteId: string): readonly RecordedTrip[] {
    return this.bySite.get(siteId) ?? [];
  }

  private applies(r: RecordedTrip, w: Workplace): boolean {
    if (r.employerId !== null && r.employerId !== w.employerId) return false;
    if (
      r.destinationRegionCode !== null &&
      w.regionCode !== null &&
      w.regionCode.startsWith(r.destinationRegionCode)
    ) {
      return true;
    }
    if (r.latitude === null || r.longitude === null || w.latitude === null || w.longitude === null)
      return false;
    return distanceKm(r.latitude, r.longitude, w.latitude, w.longitude) <= this.cfg.matchRadiusKm;
  }

  private estimate(site: SitePoint, w: Workplace): Trip {
    if (
      w.latitude === null ||
      w.longitude === null ||
      !Number.isFinite(w.latitude) ||
      !Number.isFinite(w.longitude)
    ) {
      return { ...UNKNOWN_TRIP };
    }
    const km = distanceKm(site.latitude, site.longitude, w.latitude, w.longitude);
    return {
      ...UNKNOWN_TRIP,
      source: 'estimate',
      mode: this.cfg.defaultEstimateMode,
      minutes: estimateMinutes(this.cfg, km),
    };
  }
}

function byRank(a: RecordedTrip, b: RecordedTrip): number {
  const sa = a.source === 'measured' ? 0 : 1;
  const sb = b.source === 'measured' ? 0 : 1;
  return sa - sb || a.minutes - b.minutes || a.id.localeCompare(b.id);
}
