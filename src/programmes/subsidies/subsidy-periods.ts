import type { ClaimPeriodKind } from './subsidies-config';

/*
 * Claim periods as officers write them: a year `2026`, a quarter `2026-Q3`, a month `2026-09`.
 * Dates are calendar days (YYYY-MM-DD) of the pilot's zone; this file does only calendar math.
 */

export interface Period {
  key: string;
  kind: ClaimPeriodKind;
  /** First and last day, inclusive. */
  start: string;
  end: string;
}

const PATTERNS: Record<ClaimPeriodKind, RegExp> = {
  year: /^(\d{4})$/,
  quarter: /^(\d{4})-Q([1-4])$/,
  month: /^(\d{4})-(0[1-9]|1[0-2])$/,
};

export const PERIOD_EXAMPLE: Record<ClaimPeriodKind, string> = {
  year: '2026',
  quarter: '2026-Q3',
  month: '2026-09',
};

const pad = (n: number) => String(n).padStart(2, '0');

function lastDay(y: number, m: number): number {
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

function span(y: number, m1: number, m2: number): { start: string; end: string } {
  return { start: `${y}-${pad(m1)}-01`, end: `${y}-${pad(m2)}-${pad(lastDay(y, m2))}` };
}

/** The period a key names if it is of `kind`, else null. */
export function parsePeriod(key: string, kind: ClaimPeriodKind): Period | null {
  const m = PATTERNS[kind].exec(key);
  if (!m) return null;
  const y = Number(m[1]);
  if (y < 2000 || y > 2100) return null;
  if (kind === 'year') return { key, kind, ...span(y, 1, 12) };
  if (kind === 'quarter') {
    const q = Number(m[2]);
    return { key, kind, ...span(y, q * 3 - 2, q * 3) };
  }
  const mo = Number(m[2]);
  return { key, kind, ...span(y, mo, mo) };
}

/** The period of `kind` that contains the day. */
export function periodOf(day: string, kind: ClaimPeriodKind): Period {
  const y = day.slice(0, 4);
  const mo = Number(day.slice(5, 7));
  const key = kind === 'year' ? y : kind === 'quarter' ? `${y}-Q${Math.ceil(mo / 3)}` : `${y}-${pad(mo)}`;
  return parsePeriod(key, kind)!;
}

/** `day` plus n months, clamped to the month's last day (as PostgreSQL's date + interval). */
export function addMonths(day: string, n: number): string {
  const y = Number(day.slice(0, 4));
  const m = Number(day.slice(5, 7)) - 1 + n;
  const ty = y + Math.floor(m / 12);
  const tm = (((m % 12) + 12) % 12) + 1;
  const d = Math.min(Number(day.slice(8, 10)), lastDay(ty, tm));
  return `${ty}-${pad(tm)}-${pad(d)}`;
}

/** The calendar months (YYYY-MM) of a period. */
export function monthsOf(p: Period): string[] {
  const out: string[] = [];
  for (let d = p.start; d <= p.end; d = addMonths(d, 1)) out.push(d.slice(0, 7));
  return out;
}
