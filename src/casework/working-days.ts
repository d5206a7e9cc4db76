import { getDayDetail } from 'chinese-days';

/*
 * Working days in mainland China: Monday to Friday, minus the State Council's public holidays,
 * plus the make-up working days (调休) that fall on a weekend. The calendar comes from
 * `chinese-days` (README dependency list), which carries each year's notice; a year it does not
 * know yet is counted as plain Monday–Friday, so deadlines then come out at worst a holiday early.
 *
 * Dates are YYYY-MM-DD calendar days of the pilot's zone (common/clock.ts gives "today").
 */

export function isWorkingDay(date: string): boolean {
  return getDayDetail(date).work;
}

function nextDay(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

/**
 * The date `n` working days after `from` (the day of recognition does not count): a household
 * recognised on Friday with "within 3 working days" is due on Wednesday.
 */
export function addWorkingDays(from: string, n: number): string {
  let date = from;
  let left = n;
  while (left > 0) {
    date = nextDay(date);
    if (isWorkingDay(date)) left -= 1;
  }
  return date;
}

/**
 * Working days from `from` (exclusive) to `to` (inclusive); negative when `to` is earlier.
 * The queue's clock: 「还剩 1 个工作日」 / 「已超期 2 天」.
 */
export function workingDaysBetween(from: string, to: string): number {
  if (from === to) return 0;
  const [a, b, sign] = from < to ? [from, to, 1] : [to, from, -1];
  let n = 0;
  for (let d = nextDay(a); d <= b; d = nextDay(d)) if (isWorkingDay(d)) n += 1;
  return n * sign;
}

/** Calendar date `days` after `from` (the stabilisation period is counted in calendar days). */
export function addCalendarDays(from: string, days: number): string {
  const d = new Date(`${from}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}
