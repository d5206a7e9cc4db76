/*
 * The commute contract of issue 16, shared by C1 (data: src/commute), C2 (engine: src/matching) and C3 (display).
 * Extend (add fields), never break. Changes since the first commit are listed here:
 * - (none yet)
 */

export const TRAVEL_MODES = ['bus', 'shuttle', 'walk', 'ebike', 'car'] as const;
export type TravelMode = (typeof TRAVEL_MODES)[number];
export type TravelSource = 'measured' | 'estimate' | 'unknown';
/** What an officer records a row as: 'measured' (rode it / timetable) or 'estimate' (a guess, or the road-network command). */
export const RECORDED_SOURCES = ['measured', 'estimate'] as const;
export type RecordedSource = (typeof RECORDED_SOURCES)[number];

export interface Trip {
  minutes: number | null; // null only when source = 'unknown'
  mode: TravelMode | null;
  source: TravelSource;
  fare: number | null; // yuan, one way
  firstDeparture: string | null; // 'HH:MM' pilot time, the first trip from the site
  lastReturn: string | null; // 'HH:MM' the last trip back to the site
  days: number[] | null; // ISO weekdays 1..7 it runs; null = every day
  placeName: string | null;
}

/** Where a posting's work is. */
export interface Workplace {
  regionCode: string | null;
  latitude: number | null;
  longitude: number | null;
  approximate: boolean; // posting.location_approximate
  employerId: string | null; // an employer's own shuttle counts only for its postings
}

export interface SitePoint {
  id: string;
  latitude: number;
  longitude: number;
}

/** One row of a site's travel-times table, as the planner reads it (no I/O types). */
export interface RecordedTrip {
  id: string;
  siteId: string;
  destinationRegionCode: string | null;
  placeName: string | null;
  latitude: number | null;
  longitude: number | null;
  mode: TravelMode;
  minutes: number;
  fare: number | null;
  firstDeparture: string | null;
  lastReturn: string | null;
  days: number[] | null;
  source: RecordedSource;
  /** Set for an employer's own shuttle: it carries only that employer's workers. */
  employerId: string | null;
}

export const UNKNOWN_TRIP: Readonly<Trip> = Object.freeze({
  minutes: null,
  mode: null,
  source: 'unknown',
  fare: null,
  firstDeparture: null,
  lastReturn: null,
  days: null,
  placeName: null,
});
