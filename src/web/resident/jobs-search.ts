import { INDUSTRIES, SCHEDULES, type Industry, type Schedule } from '../../kernel/domain-enums';
import { TRAVEL_BANDS, type TravelBand } from '../../commute/commute-text';

/** The job search as the page's query string carries it (anything invalid is ignored, never a 500). */
export interface JobsParams {
  q: string;
  industry?: Industry;
  schedule?: Schedule;
  wageMin?: number;
  /** A wage that was typed but is not a usable number: shown back in the field with a message. */
  wageInvalid?: string;
  shuttle: boolean;
  accommodation: boolean;
  /** Only jobs within commuting distance of the resident's site (default on for residents). */
  near: boolean;
  /** 「30 分钟以内 / 1 小时以内」 from the site (a site is needed; it wins over `near`). */
  travel?: TravelBand;
  page: number;
}

const first = (v: unknown): string | undefined =>
  typeof v === 'string' ? v : Array.isArray(v) && typeof v[0] === 'string' ? v[0] : undefined;

export function parseJobsParams(query: Record<string, unknown>): JobsParams {
  const q = (first(query.q) ?? '').trim().slice(0, 100);
  const industry = first(query.industry);
  const schedule = first(query.schedule);
  const wage = Number(first(query.wageMin));
  const pageNo = Number(first(query.page));
  const band = Number(first(query.travel));
  const wageTyped = (first(query.wageMin) ?? '').trim().slice(0, 20);
  const wageOk = wageTyped !== '' && Number.isFinite(wage) && wage > 0 && wage < 1e8;
  return {
    q,
    industry: (INDUSTRIES as readonly string[]).includes(industry ?? '') ? (industry as Industry) : undefined,
    schedule: (SCHEDULES as readonly string[]).includes(schedule ?? '') ? (schedule as Schedule) : undefined,
    wageMin: wageOk ? wage : undefined,
    ...(wageTyped !== '' && !wageOk ? { wageInvalid: wageTyped } : {}),
    shuttle: first(query.shuttle) === '1',
    accommodation: first(query.accommodation) === '1',
    near: first(query.near) !== '0',
    travel: (TRAVEL_BANDS as readonly number[]).includes(band) ? (band as TravelBand) : undefined,
    page: Number.isInteger(pageNo) && pageNo >= 1 && pageNo <= 1000 ? pageNo : 1,
  };
}

/** The URL of the search with some parameters changed (page back to 1 unless given). */
export function jobsHref(p: JobsParams, change: Partial<JobsParams> = {}): string {
  const n: JobsParams = { ...p, page: 1, ...change };
  const qs = new URLSearchParams();
  if (n.q) qs.set('q', n.q);
  if (n.industry) qs.set('industry', n.industry);
  if (n.schedule) qs.set('schedule', n.schedule);
  if (n.wageMin !== undefined) qs.set('wageMin', String(n.wageMin));
  if (n.shuttle) qs.set('shuttle', '1');
  if (n.accommodation) qs.set('accommodation', '1');
  if (!n.near) qs.set('near', '0');
  if (n.travel) qs.set('travel', String(n.travel));
  if (n.page > 1) qs.set('page', String(n.page));
  const s = qs.toString();
  return s ? `/jobs?${s}` : '/jobs';
}
