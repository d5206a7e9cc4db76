import { bandText, tripText } from '../../commute/commute-text';
import type { TravelMode, TravelSource, Trip } from '../../commute/travel-trip';
import { UNKNOWN_TRIP } from '../../commute/travel-trip';
import type { Lang } from '../../i18n/web/i18n';

/** The travel fields of a search item (PostingSearchItemDto), or a trip the page asked the planner for. */
export interface TravelView {
  travelMinutes?: number | null;
  travelSource?: TravelSource;
  travelMode?: TravelMode | null;
  travelFirstDeparture?: string | null;
  travelLastReturn?: string | null;
  distanceKm?: number | null;
  locationApproximate?: boolean;
}

/** A planner trip as the view's fields. */
export function travelFields(trip: Trip): TravelView {
  return {
    travelMinutes: trip.minutes,
    travelSource: trip.source,
    travelMode: trip.mode,
    travelFirstDeparture: trip.firstDeparture,
    travelLastReturn: trip.lastReturn,
  };
}

function tripOf(v: TravelView): Trip {
  return {
    ...UNKNOWN_TRIP,
    minutes: v.travelMinutes ?? null,
    mode: v.travelMode ?? null,
    source: v.travelSource ?? 'unknown',
    firstDeparture: v.travelFirstDeparture ?? null,
    lastReturn: v.travelLastReturn ?? null,
  };
}

/** What a card says about getting there, in parts: the band (「30 分钟以内」) and the way. */
export interface TravelWords {
  /** null when the trip is unknown (no band to give). */
  band: string | null;
  way: string;
}

/**
 * The band and the way for a job seen from a site: 「30 分钟以内」·「坐班车约 25 分钟」, or
 * 「1 小时以上」·「公交约 70 分钟，末班 18:00」, or ·「约 40 分钟（估计）」. With nothing known:
 * an unlocated workplace keeps 「约 X 公里」 when its stand-in is somewhere else than the site,
 * else 「通勤时间未知」 — never 0 km. null when no site was given (nothing to measure from).
 */
export function travelWords(lang: Lang, v: TravelView, kmAbout: (km: number) => string): TravelWords | null {
  if (v.travelSource === undefined) return null;
  const trip = tripOf(v);
  if (trip.source !== 'unknown' && trip.minutes !== null) {
    return { band: bandText(trip.minutes, lang), way: tripText(trip, lang) };
  }
  if (v.locationApproximate && v.distanceKm != null && v.distanceKm >= 0.5) {
    return { band: null, way: kmAbout(Math.max(1, Math.round(v.distanceKm))) };
  }
  return { band: null, way: tripText(trip, lang) };
}

/** The band in bold, then the way: one line of a card's facts. */
export function TravelFact({ words, from }: { words: TravelWords; from?: string }) {
  return (
    <li class="travel">
      {from}
      {words.band && (
        <>
          <strong>{words.band}</strong>
          {' · '}
        </>
      )}
      {words.way}
    </li>
  );
}
