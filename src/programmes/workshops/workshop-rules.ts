import { MONITORING_STATUSES, type MonitoringStatus } from '../../kernel/domain-enums';
import { failProgrammes, isRecord, type SectionParser } from '../programmes-config';

/*
 * Poverty-alleviation workshops (就业帮扶车间, issue 17 §1): the `workshops:` section of
 * config/programmes.yaml and the pure rules that judge a quarter. No I/O here, so the unit spec
 * can walk every state; the monitor feeds it placements and stores what it answers.
 */

export const WORKSHOP_TYPES = [
  'factory',
  'home_based',
  'planting_breeding',
  'trade',
  'culture_tourism',
] as const;
export type WorkshopType = (typeof WORKSHOP_TYPES)[number];

/** 正常运行 / 监测待处置 / 清理 (quarterly monitoring, POLICY.md). */
export const WORKSHOP_STATES = ['normal', 'pending', 'cleared'] as const;
export type WorkshopState = (typeof WORKSHOP_STATES)[number];

export interface UpgradeRules {
  minWorkers: number;
  minContractMonths: number;
  minYearlyWagesYuan: number;
  minOperatingMonths: number;
  minRevenueYuan: number;
}

export interface WorkshopRules {
  minSupportedWorkers: number;
  minInsuranceYuanPerWorkerMonth: number;
  bufferMonths: number;
  supportedMonitoringStatuses: MonitoringStatus[];
  countsAfterMonths: number;
  countsFromYearlyWagesYuan: number;
  upgrade: UpgradeRules;
}

const NUMBERS = {
  minSupportedWorkers: [1, 1000],
  minInsuranceYuanPerWorkerMonth: [0, 10000],
  bufferMonths: [0, 36],
  countsAfterMonths: [0, 36],
  countsFromYearlyWagesYuan: [0, 1_000_000],
} as const;
const UPGRADE_NUMBERS = {
  minWorkers: [1, 1000],
  minContractMonths: [1, 120],
  minYearlyWagesYuan: [0, 1_000_000],
  minOperatingMonths: [0, 120],
  minRevenueYuan: [0, 1_000_000_000],
} as const;

function numbers<K extends string>(
  raw: Record<string, unknown>,
  spec: Record<K, readonly [number, number]>,
  at: string,
  base: Record<K, number> | null,
): Record<K, number> {
  const out = { ...(base ?? {}) } as Record<K, number>;
  for (const [key, [min, max]] of Object.entries(spec) as [K, readonly [number, number]][]) {
    const v = raw[key];
    if (v === undefined && base) continue;
    if (typeof v !== 'number' || !Number.isFinite(v)) failProgrammes(`${at}.${key}`, 'must be a number');
    if (v < min || v > max) failProgrammes(`${at}.${key}`, `must be between ${min} and ${max}, got ${v}`);
    out[key] = v;
  }
  return out;
}

/** The `workshops:` section of a profile; a jurisdiction overrides any key of the default. */
export const parseWorkshopRules: SectionParser<WorkshopRules> = (raw, at, base) => {
  if (raw === undefined && base) return base;
  if (!isRecord(raw)) failProgrammes(at, 'must be a mapping');
  const known = [...Object.keys(NUMBERS), 'supportedMonitoringStatuses', 'upgrade'];
  for (const k of Object.keys(raw))
    if (!known.includes(k)) failProgrammes(`${at}.${k}`, 'is not a known key');
  type NumberKey = keyof typeof NUMBERS;
  const out = {
    ...numbers<NumberKey>(raw, NUMBERS, at, base),
    upgrade: base?.upgrade,
  } as unknown as WorkshopRules;
  const statuses = raw.supportedMonitoringStatuses;
  if (statuses === undefined && base) out.supportedMonitoringStatuses = base.supportedMonitoringStatuses;
  else {
    if (
      !Array.isArray(statuses) ||
      !statuses.length ||
      statuses.some((s) => !(MONITORING_STATUSES as readonly unknown[]).includes(s))
    ) {
      failProgrammes(
        `${at}.supportedMonitoringStatuses`,
        `must be a non-empty list of ${MONITORING_STATUSES.join(', ')}`,
      );
    }
    out.supportedMonitoringStatuses = [...new Set(statuses as MonitoringStatus[])];
  }
  const up = raw.upgrade;
  if (up !== undefined || !base) {
    if (!isRecord(up)) failProgrammes(`${at}.upgrade`, 'must be a mapping');
    for (const k of Object.keys(up))
      if (!(k in UPGRADE_NUMBERS)) failProgrammes(`${at}.upgrade.${k}`, 'is not a known key');
    out.upgrade = numbers<keyof UpgradeRules>(up, UPGRADE_NUMBERS, `${at}.upgrade`, base?.upgrade ?? null);
  }
  return out;
};

// ---- calendar ---------------------------------------------------------------------------------

export interface Quarter {
  year: number;
  quarter: 1 | 2 | 3 | 4;
  /** First and last day, YYYY-MM-DD. */
  start: string;
  end: string;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** A calendar date plus `months` (the day clamped to the month's last day). Dates are pilot-zone days. */
export function addMonths(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number);
  const total = y * 12 + (m - 1) + months;
  const ny = Math.floor(total / 12);
  const nm = (total % 12) + 1;
  const last = new Date(Date.UTC(ny, nm, 0)).getUTCDate();
  return `${ny}-${pad(nm)}-${pad(Math.min(d, last))}`;
}

export function quarterOf(date: string): Quarter {
  const [year, month] = date.split('-').map(Number);
  const quarter = (Math.floor((month - 1) / 3) + 1) as Quarter['quarter'];
  const first = (quarter - 1) * 3 + 1;
  const start = `${year}-${pad(first)}-01`;
  return { year, quarter, start, end: lastDay(year, first + 2) };
}

function lastDay(year: number, month: number): string {
  return `${year}-${pad(month)}-${pad(new Date(Date.UTC(year, month, 0)).getUTCDate())}`;
}

/** Whole months from `from` to `to` (0 when `to` is earlier). */
export function wholeMonthsBetween(from: string, to: string): number {
  if (to < from) return 0;
  let n = 0;
  while (addMonths(from, n + 1) <= to) n += 1;
  return n;
}

function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

// ---- one quarter's figures ------------------------------------------------------------------

/** A placement of kind `workshop` at the workshop's employer, as the placements module reads it. */
export interface WorkerPlacement {
  residentId: string;
  householdStatus: MonitoringStatus;
  startDate: string;
  endDate: string | null;
  /** Yuan a month: the newest follow-up's figure, else the placement's; null when never recorded. */
  monthlyIncome: number | null;
}

export interface QuarterFigures {
  /** People at work at the workshop on the as-of day. */
  workers: number;
  /** Of them, those the rules count: from a supported household, and long enough or paid enough. */
  supportedWorkers: number;
  /** Months worked at the workshop inside the quarter up to the as-of day (all workers, 1 decimal). */
  monthsWorked: number;
  /** Wages recorded for those months (monthly income × months); workers without a figure add 0. */
  wagesYuan: number;
  /** Workers at work without any recorded income. */
  workersWithoutWage: number;
}

/**
 * On day D a placement is at work when it started by D and has not ended (placements are active
 * while endDate is null, so one that ended on D is over). The as-of day is today in the current
 * quarter, the quarter's last day for a past one.
 */
export function atWork(p: Pick<WorkerPlacement, 'startDate' | 'endDate'>, day: string): boolean {
  return p.startDate <= day && (p.endDate === null || p.endDate > day);
}

export function isSupported(p: WorkerPlacement, rules: WorkshopRules, day: string): boolean {
  if (!rules.supportedMonitoringStatuses.includes(p.householdStatus)) return false;
  const longEnough = wholeMonthsBetween(p.startDate, day) >= rules.countsAfterMonths;
  const paidEnough = p.monthlyIncome !== null && p.monthlyIncome * 12 >= rules.countsFromYearlyWagesYuan;
  return longEnough || paidEnough;
}

export function quarterFigures(
  placements: readonly WorkerPlacement[],
  rules: WorkshopRules,
  q: Quarter,
  asOf: string,
): QuarterFigures {
  const day = asOf < q.end ? asOf : q.end;
  const working = new Map<string, WorkerPlacement>();
  let days = 0;
  let wages = 0;
  for (const p of placements) {
    if (atWork(p, day)) working.set(p.residentId, p);
    const from = p.startDate > q.start ? p.startDate : q.start;
    const to = p.endDate === null || p.endDate > day ? day : p.endDate;
    if (to < from) continue;
    const d = daysBetween(from, to) + 1;
    days += d;
    wages += ((p.monthlyIncome ?? 0) * d) / (365 / 12);
  }
  const at = [...working.values()];
  return {
    workers: at.length,
    supportedWorkers: at.filter((p) => isSupported(p, rules, day)).length,
    monthsWorked: Math.round((days / (365 / 12)) * 10) / 10,
    wagesYuan: Math.round(wages * 100) / 100,
    workersWithoutWage: at.filter((p) => p.monthlyIncome === null).length,
  };
}

// ---- the state ------------------------------------------------------------------------------

export interface StateBefore {
  state: WorkshopState;
  /** The day the workshop first fell below the rules (the buffer runs from it). */
  pendingSince: string | null;
}

export type Shortfall = 'supported_workers' | 'insurance';

export interface Judgement {
  state: WorkshopState;
  pendingSince: string | null;
  bufferUntil: string | null;
  offSeason: boolean;
  shortfalls: Shortfall[];
}

/** The quarter's months up to the as-of day, none of them a working month of a seasonal workshop. */
export function isOffSeason(seasonalMonths: readonly number[] | null, q: Quarter, asOf: string): boolean {
  if (!seasonalMonths?.length) return false;
  const first = (q.quarter - 1) * 3 + 1;
  const lastMonth = asOf < q.end ? Number(asOf.slice(5, 7)) : first + 2;
  for (let m = first; m <= lastMonth; m += 1) if (seasonalMonths.includes(m)) return false;
  return true;
}

/**
 * Normal when the rules are met (or off-season for a seasonal workshop); below them pending from
 * the first day seen, for `bufferMonths`; still below after the buffer: cleared (清理), which
 * stays — the employer is recognised again with a new registration.
 */
export function judge(input: {
  rules: WorkshopRules;
  figures: Pick<QuarterFigures, 'supportedWorkers'>;
  insuranceYuanPerWorkerMonth: number | null;
  seasonalMonths: readonly number[] | null;
  quarter: Quarter;
  asOf: string;
  before: StateBefore | null;
}): Judgement {
  const { rules, before, asOf } = input;
  const shortfalls: Shortfall[] = [];
  if (input.figures.supportedWorkers < rules.minSupportedWorkers) shortfalls.push('supported_workers');
  const ins = input.insuranceYuanPerWorkerMonth;
  if (ins === null || ins < rules.minInsuranceYuanPerWorkerMonth) shortfalls.push('insurance');
  const offSeason = isOffSeason(input.seasonalMonths, input.quarter, asOf);
  if (before?.state === 'cleared') {
    const until = before.pendingSince ? addMonths(before.pendingSince, rules.bufferMonths) : null;
    return { state: 'cleared', pendingSince: before.pendingSince, bufferUntil: until, offSeason, shortfalls };
  }
  if (!shortfalls.length || offSeason) {
    return { state: 'normal', pendingSince: null, bufferUntil: null, offSeason, shortfalls };
  }
  const pendingSince = before?.pendingSince ?? asOf;
  const bufferUntil = addMonths(pendingSince, rules.bufferMonths);
  return {
    state: asOf > bufferUntil ? 'cleared' : 'pending',
    pendingSince,
    bufferUntil,
    offSeason,
    shortfalls,
  };
}

// ---- the upgrade to a rural employment factory ------------------------------------------------

export type UpgradeItem = 'long_term_workers' | 'paid_workers' | 'operating_months' | 'revenue';

export interface UpgradeCheck {
  item: UpgradeItem;
  required: number;
  /** null: Leye does not hold the figure (revenue). */
  actual: number | null;
  met: boolean | null;
}

/**
 * The checklist (桂人社规〔2022〕8号): ≥ N supported workers on ≥ 1-year contracts earning ≥ 20k a
 * year, operating ≥ 1 year, revenue ≥ 500k. Leye records no contracts, so a contract of a year is
 * read as a placement that has lasted `minContractMonths`; revenue is not recorded (met: null).
 */
export function upgradeChecklist(
  placements: readonly WorkerPlacement[],
  rules: WorkshopRules,
  recognisedOn: string,
  asOf: string,
): UpgradeCheck[] {
  const up = rules.upgrade;
  const supported = placements.filter((p) => atWork(p, asOf) && isSupported(p, rules, asOf));
  const longTerm = supported.filter((p) => wholeMonthsBetween(p.startDate, asOf) >= up.minContractMonths);
  const paid = longTerm.filter(
    (p) => p.monthlyIncome !== null && p.monthlyIncome * 12 >= up.minYearlyWagesYuan,
  );
  const operating = wholeMonthsBetween(recognisedOn, asOf);
  const count = (ps: WorkerPlacement[]) => new Set(ps.map((p) => p.residentId)).size;
  return [
    {
      item: 'long_term_workers',
      required: up.minWorkers,
      actual: count(longTerm),
      met: count(longTerm) >= up.minWorkers,
    },
    { item: 'paid_workers', required: up.minWorkers, actual: count(paid), met: count(paid) >= up.minWorkers },
    {
      item: 'operating_months',
      required: up.minOperatingMonths,
      actual: operating,
      met: operating >= up.minOperatingMonths,
    },
    { item: 'revenue', required: up.minRevenueYuan, actual: null, met: null },
  ];
}
