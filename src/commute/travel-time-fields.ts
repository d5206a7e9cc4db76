import type { FieldError } from '../platform/http/validation';
import type { TravelTimeFields } from './commute.repository';
import { RECORDED_SOURCES, TRAVEL_MODES, type RecordedSource, type TravelMode } from './travel-trip';

/*
 * The rules of one travel-times row, in one place for the three ways a row arrives: the API's JSON
 * (after the DTO's type checks), the officer's form (strings) and a spreadsheet row (cells as text or
 * numbers). Each error names the API field, so a 400, a form and an import error say the same.
 */

export const HHMM = /^([01]\d|2[0-3]):[0-5]\d$/;
export const REGION_CODE = /^\d{6,12}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i;

export type RawTravelTime = Partial<Record<keyof TravelTimeFields, unknown>>;

function blank(v: unknown): boolean {
  return v === undefined || v === null || (typeof v === 'string' && v.trim() === '');
}

function text(v: unknown): string | null {
  if (blank(v)) return null;
  return typeof v === 'number' ? String(v) : typeof v === 'string' ? v.trim() : null;
}

function number(v: unknown): number | null | 'bad' {
  if (blank(v)) return null;
  const n = typeof v === 'number' ? v : typeof v === 'string' ? Number(v.trim()) : NaN;
  return Number.isFinite(n) ? n : 'bad';
}

// 'bad' is a string too: time() answers BAD_TIME for a value that is not a time.
const BAD_TIME = 'bad';

/** 'HH:MM', also from a spreadsheet's time (a fraction of a day, or 7:30 without the leading zero). */
function time(v: unknown): string | null {
  if (blank(v)) return null;
  if (typeof v === 'number' && v >= 0 && v < 1) {
    const mins = Math.round(v * 24 * 60);
    return `${String(Math.floor(mins / 60) % 24).padStart(2, '0')}:${String(mins % 60).padStart(2, '0')}`;
  }
  if (typeof v !== 'string') return BAD_TIME;
  const s = v.trim().replace('：', ':');
  const padded = /^\d:\d\d$/.test(s) ? `0${s}` : s;
  return HHMM.test(padded) ? padded : BAD_TIME;
}

/** ISO weekdays: an array, or text like "1,2,3,4,5" / "1-5"; empty = every day (null). */
function days(v: unknown): number[] | null | 'bad' {
  if (blank(v)) return null;
  let list: unknown[];
  if (Array.isArray(v)) list = v;
  else if (typeof v === 'number') list = [v];
  else if (typeof v === 'string') {
    const s = v.trim();
    const range = /^([1-7])\s*[-–~]\s*([1-7])$/.exec(s);
    if (range) {
      const [a, b] = [Number(range[1]), Number(range[2])];
      if (a > b) return 'bad';
      list = Array.from({ length: b - a + 1 }, (_, i) => a + i);
    } else list = s.split(/[,，、\s]+/).filter((x) => x !== '');
  } else return 'bad';
  const out = new Set<number>();
  for (const d of list) {
    const n = typeof d === 'number' ? d : typeof d === 'string' ? Number(d) : NaN;
    if (!Number.isInteger(n) || n < 1 || n > 7) return 'bad';
    out.add(n);
  }
  if (out.size === 0 || out.size === 7) return null;
  return [...out].sort((a, b) => a - b);
}

export type CheckResult = { ok: true; fields: TravelTimeFields } | { ok: false; errors: FieldError[] };

/** Checks and normalises one row. Unknown employers are the caller's check (it needs the database). */
export function checkTravelTime(raw: RawTravelTime): CheckResult {
  const errors: FieldError[] = [];
  const err = (field: string, message: string) => errors.push({ field, message });

  const regionCode = text(raw.destinationRegionCode);
  if (regionCode !== null && !REGION_CODE.test(regionCode))
    err('destinationRegionCode', 'must be a region code of 6 to 12 digits');
  const placeName = text(raw.placeName);
  if (placeName !== null && placeName.length > 100) err('placeName', 'must be at most 100 characters');
  const lat = number(raw.latitude);
  if (lat === 'bad' || (lat !== null && (lat < -90 || lat > 90)))
    err('latitude', 'must be between -90 and 90');
  const lon = number(raw.longitude);
  if (lon === 'bad' || (lon !== null && (lon < -180 || lon > 180)))
    err('longitude', 'must be between -180 and 180');
  if ((lat === null) !== (lon === null))
    err(lat === null ? 'latitude' : 'longitude', 'give both latitude and longitude');
  if (regionCode === null && !(placeName !== null && lat !== null && lon !== null) && !errors.length) {
    err(
      'destinationRegionCode',
      'a destination is required: a region code, or a place name with latitude and longitude',
    );
  }
  if (placeName === null && lat !== null && regionCode === null)
    err('placeName', 'name the place the coordinates are of');

  const mode = text(raw.mode);
  if (mode === null || !(TRAVEL_MODES as readonly string[]).includes(mode))
    err('mode', `must be one of ${TRAVEL_MODES.join(', ')}`);
  const minutes = number(raw.minutes);
  if (minutes === null || minutes === 'bad' || !Number.isInteger(minutes) || minutes < 1 || minutes > 600)
    err('minutes', 'must be a whole number of minutes from 1 to 600');
  const fare = number(raw.fare);
  if (fare === 'bad' || (fare !== null && (fare < 0 || fare > 1000)))
    err('fare', 'must be between 0 and 1000 yuan');
  const first = time(raw.firstDeparture);
  if (first === BAD_TIME) err('firstDeparture', "must be a time 'HH:MM'");
  const last = time(raw.lastReturn);
  if (last === BAD_TIME) err('lastReturn', "must be a time 'HH:MM'");
  const d = days(raw.days);
  if (d === 'bad') err('days', 'must be ISO weekdays 1 (Monday) to 7 (Sunday)');
  const source = text(raw.source);
  if (source === null || !(RECORDED_SOURCES as readonly string[]).includes(source))
    err('source', `must be one of ${RECORDED_SOURCES.join(', ')}`);
  const note = text(raw.note);
  if (note !== null && note.length > 200) err('note', 'must be at most 200 characters');
  const employerId = text(raw.employerId);
  if (employerId !== null && !UUID.test(employerId)) err('employerId', 'must be a UUID');
  if (employerId !== null && mode !== null && mode !== 'shuttle')
    err('employerId', "only a shuttle belongs to an employer (mode 'shuttle')");

  if (errors.length) return { ok: false, errors };
  return {
    ok: true,
    fields: {
      destinationRegionCode: regionCode,
      placeName,
      latitude: lat as number | null,
      longitude: lon as number | null,
      mode: mode as TravelMode,
      minutes: minutes as number,
      fare: fare === null ? null : Math.round((fare as number) * 100) / 100,
      firstDeparture: first,
      lastReturn: last,
      days: d as number[] | null,
      source: source as RecordedSource,
      note,
      employerId: employerId?.toLowerCase() ?? null,
    },
  };
}
