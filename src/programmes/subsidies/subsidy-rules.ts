import type { EmploymentStatus, MonitoringStatus } from '../../kernel/domain-enums';
import type { PlacementKind } from '../../placements/placement-kind';
import type { EvidenceItem, HouseholdStatuses, SubsidyProgramme, SubsidyRules } from './subsidies-config';
import { addDays } from '../../kernel/clock';
import { addMonths, monthsOf, type Period } from './subsidy-periods';

/*
 * Who is due what (issue 17 §2), as pure functions of the facts other features hold: placements
 * and their follow-ups, course attendance, the household's monitoring status. No I/O: the
 * service gathers the facts, these rules answer, the unit specs pin the answers.
 */

export interface ResidentFacts {
  id: string;
  name: string;
  householdId: string;
  monitoringStatus: MonitoringStatus;
  employmentStatus: EmploymentStatus;
  hasNationalId: boolean;
  /** The day the resident was put on the site's roster (pilot calendar). */
  registeredOn: string;
}

export interface PlacementFacts {
  id: string;
  residentId: string;
  kind: PlacementKind;
  partnerCity: string | null;
  startDate: string;
  endDate: string | null;
  monthlyIncome: number | null;
  /** From a hire confirmed in Leye: the hiring registration is the proof of work. */
  fromHire: boolean;
  followUps: { date: string; stillEmployed: boolean }[];
}

export interface AttendanceFacts {
  residentId: string;
  courseId: string;
  courseTitle: string;
  subsidized: boolean;
  /** The days the resident attended (pilot calendar), sorted. */
  days: string[];
}

export type Destination = 'outOfProvince' | 'inProvince' | 'inPrefecture';

export interface Eligibility {
  residentId: string;
  programme: SubsidyProgramme;
  amount: number;
  eligibleSince: string;
  /** What the amount rests on, in words an officer checks against paper. */
  basis: {
    placementId?: string;
    partnerCity?: string | null;
    destination?: Destination;
    monthsWorked?: number;
    days?: number;
    monthlyWage?: number;
    months?: number;
    until?: string;
  };
  /** Evidence items the records themselves provide. */
  provided: EvidenceItem[];
}

export interface Facts {
  resident: ResidentFacts;
  placements: PlacementFacts[];
  attendance: AttendanceFacts[];
}

export function householdQualifies(allowed: HouseholdStatuses, status: MonitoringStatus): boolean {
  return allowed === 'any' || allowed.includes(status);
}

/** Where a partner city lies: listed in the prefecture, in the province, else out of province. */
export function destinationOf(rules: SubsidyRules['transport'], city: string | null): Destination {
  const c = (city ?? '').trim();
  const hit = (names: string[]) => c !== '' && names.some((n) => c.startsWith(n) || n.startsWith(c));
  if (hit(rules.inPrefecture)) return 'inPrefecture';
  if (hit(rules.inProvince)) return 'inProvince';
  return 'outOfProvince';
}

/** Whole months of work a still-employed follow-up vouches for (its date + the early window). */
export function monthsWorked(p: PlacementFacts, earlyDays: number): number {
  let best = 0;
  for (const f of p.followUps) {
    if (!f.stillEmployed || (p.endDate && f.date > p.endDate)) continue;
    const reach = addDays(f.date, earlyDays);
    let m = 0;
    while (m < 120 && addMonths(p.startDate, m + 1) <= reach) m++;
    best = Math.max(best, m);
  }
  return best;
}

const activeIn = (p: PlacementFacts, period: Period) =>
  p.startDate <= period.end && (p.endDate === null || p.endDate >= period.start);

function transport(rules: SubsidyRules, f: Facts, period: Period): Eligibility | null {
  const t = rules.transport;
  if (!householdQualifies(t.householdStatuses, f.resident.monitoringStatus)) return null;
  let best: Eligibility | null = null;
  for (const p of f.placements) {
    if (p.kind !== 'away_from_home' || !activeIn(p, period)) continue;
    const months = monthsWorked(p, t.followUpEarlyDays);
    const since = addMonths(p.startDate, t.minMonths);
    if (months < t.minMonths || since > period.end) continue;
    const destination = destinationOf(t, p.partnerCity);
    const amount = t.amounts[destination];
    if (best && best.amount >= amount) continue;
    const vouched = (m: number) => monthsWorked(p, t.followUpEarlyDays) >= m;
    const provided: EvidenceItem[] = [];
    if (p.fromHire) provided.push('proof_of_work');
    if (vouched(1)) provided.push('follow_up_1m');
    if (vouched(3)) provided.push('follow_up_3m');
    best = {
      residentId: f.resident.id,
      programme: 'transport',
      amount,
      eligibleSince: since,
      basis: { placementId: p.id, partnerCity: p.partnerCity, destination, monthsWorked: months },
      provided,
    };
  }
  return best;
}

function jobSeeking(rules: SubsidyRules, f: Facts): Eligibility | null {
  const j = rules.jobSeeking;
  if (j.householdStatuses !== 'any' && !householdQualifies(j.householdStatuses, f.resident.monitoringStatus))
    return null;
  if (!j.employmentStatuses.includes(f.resident.employmentStatus)) return null;
  return {
    residentId: f.resident.id,
    programme: 'job_seeking',
    amount: j.amount,
    eligibleSince: f.resident.registeredOn,
    basis: {},
    provided: f.resident.monitoringStatus !== 'none' ? ['household_status'] : [],
  };
}

function trainingAllowance(rules: SubsidyRules, f: Facts, period: Period): Eligibility | null {
  const r = rules.trainingAllowance;
  if (!householdQualifies(r.householdStatuses, f.resident.monitoringStatus)) return null;
  const days = new Set<string>();
  for (const a of f.attendance) {
    if (r.subsidisedCoursesOnly && !a.subsidized) continue;
    for (const d of a.days) if (d >= period.start && d <= period.end) days.add(d);
  }
  if (!days.size) return null;
  const sorted = [...days].sort();
  return {
    residentId: f.resident.id,
    programme: 'training_allowance',
    amount: round2(sorted.length * r.perDay),
    eligibleSince: sorted[0],
    basis: { days: sorted.length },
    provided: ['attendance'],
  };
}

/** Public-welfare wage: the recorded wage held between the minimum wage and ratio × it. */
export function publicWelfareWage(monthlyIncome: number | null, minimum: number, ratio: number): number {
  const wage = monthlyIncome ?? minimum;
  return round2(Math.min(Math.max(wage, minimum), minimum * ratio));
}

function publicWelfare(
  rules: SubsidyRules,
  f: Facts,
  period: Period,
  minimumWage: number,
): Eligibility | null {
  const r = rules.publicWelfare;
  if (!householdQualifies(r.householdStatuses, f.resident.monitoringStatus)) return null;
  for (const p of f.placements) {
    if (p.kind !== 'public_welfare') continue;
    // At most maxYears on the post: the months from the start up to the day before the cap.
    const until = addDays(addMonths(p.startDate, r.maxYears * 12), -1);
    const last = p.endDate && p.endDate < until ? p.endDate : until;
    const months = monthsOf(period).filter((m) => p.startDate.slice(0, 7) <= m && last.slice(0, 7) >= m);
    if (!months.length) continue;
    const wage = publicWelfareWage(p.monthlyIncome, minimumWage, r.maxWageRatio);
    return {
      residentId: f.resident.id,
      programme: 'public_welfare',
      amount: round2(wage * months.length),
      eligibleSince: p.startDate,
      basis: { placementId: p.id, monthlyWage: wage, months: months.length, until },
      provided: [],
    };
  }
  return null;
}

/**
 * Whether the resident is due the programme in the period, for how much and since when; null
 * when not. `minimumWage` is the local minimum (config/matching.yaml wage.localMinimumMonthly).
 */
export function eligibility(
  rules: SubsidyRules,
  programme: SubsidyProgramme,
  facts: Facts,
  period: Period,
  minimumWage: number,
): Eligibility | null {
  const e =
    programme === 'transport'
      ? transport(rules, facts, period)
      : programme === 'job_seeking'
        ? jobSeeking(rules, facts)
        : programme === 'training_allowance'
          ? trainingAllowance(rules, facts, period)
          : publicWelfare(rules, facts, period, minimumWage);
  if (e && facts.resident.hasNationalId) e.provided.unshift('national_id');
  return e;
}

function round2(n: number): number {
  return Math.round(n * 100) / 100;
}
