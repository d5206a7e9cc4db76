/**
 * The pilot's calendar and clock: every date a person reads and every "today" a rule judges by
 * (certificate expiry, lawful age, course ended, follow-up due) is Asia/Shanghai's, not the
 * server's or UTC's. Between 16:00 and 24:00 UTC China is already on the next day, so
 * `toISOString().slice(0, 10)` shows yesterday; this module is the one place that knows that.
 *
 * The zone is a constant: the deployment serves China only (DESIGN.md), the database session
 * runs in the same zone (database/data-source-options.ts), and the scheduler's crons too.
 */
export const PILOT_TIME_ZONE = 'Asia/Shanghai';

// en-CA formats dates as YYYY-MM-DD; one formatter per shape, built once (they are costly).
const DATE = new Intl.DateTimeFormat('en-CA', {
  timeZone: PILOT_TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});
const TIME = new Intl.DateTimeFormat('en-GB', {
  timeZone: PILOT_TIME_ZONE,
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

type Instant = Date | string | number;

function toDate(d: Instant): Date {
  return d instanceof Date ? d : new Date(d);
}

/** Today's date in the pilot's zone, YYYY-MM-DD (`now` for tests and for "as of" reports). */
export function todayInPilotZone(now: Instant = new Date()): string {
  return DATE.format(toDate(now));
}

/** An instant's calendar day in the pilot's zone, YYYY-MM-DD; '' for a missing value. */
export function formatDate(d: Instant | null | undefined): string {
  if (d === null || d === undefined || d === '') return '';
  const date = toDate(d);
  return Number.isNaN(date.getTime()) ? '' : DATE.format(date);
}

/** An instant's day and time in the pilot's zone, "YYYY-MM-DD HH:mm"; '' for a missing value. */
export function formatDateTime(d: Instant | null | undefined): string {
  if (d === null || d === undefined || d === '') return '';
  const date = toDate(d);
  return Number.isNaN(date.getTime()) ? '' : `${DATE.format(date)} ${TIME.format(date)}`;
}

/** The time of day in the pilot's zone, "HH:mm". */
export function formatTime(d: Instant): string {
  return TIME.format(toDate(d));
}

/**
 * A wall-clock time in the pilot's zone (a session "on 2026-09-01 at 08:30" typed on a form) as
 * an ISO instant. China has kept +08:00 all year since 1991, so the offset is fixed.
 */
export function pilotZoneInstant(date: string, time: string): string {
  return `${date}T${time}:00+08:00`;
}

/**
 * The calendar day `days` days after `day` (negative: before), both YYYY-MM-DD. A plain date has
 * no zone: counted on UTC midnights, so a month's end or a leap day comes out right anywhere.
 */
export function addDays(day: string, days: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}
