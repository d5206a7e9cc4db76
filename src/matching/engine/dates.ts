import type { DateInput } from './types';

const MS_PER_DAY = 86_400_000;

/** Days since 1970-01-01 (UTC calendar date). */
export function dayNumber(d: DateInput): number {
  if (typeof d === 'string') {
    const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(d);
    if (m) return Math.floor(Date.UTC(+m[1], +m[2] - 1, +m[3]) / MS_PER_DAY);
    const t = Date.parse(d);
    if (Number.isNaN(t)) throw new RangeError(`not a date: "${d}"`);
    return Math.floor(t / MS_PER_DAY);
  }
  const t = d.getTime();
  if (Number.isNaN(t)) throw new RangeError('not a date: Invalid Date');
  return Math.floor(t / MS_PER_DAY);
}

/** The day number of the same calendar day `years` earlier (29 Feb → 1 Mar in a non-leap year). */
export function yearsBefore(day: number, years: number): number {
  const d = new Date(day * MS_PER_DAY);
  return Math.floor(Date.UTC(d.getUTCFullYear() - years, d.getUTCMonth(), d.getUTCDate()) / MS_PER_DAY);
}
