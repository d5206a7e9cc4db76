import {
  failProgrammes,
  isRecord,
  loadProgrammeSection,
  parseProgrammeSection,
  type ProgrammeRules,
} from '../programmes-config';
import type { AppConfig } from '../../platform/config/app-config';
import {
  EMPLOYMENT_STATUSES,
  MONITORING_STATUSES,
  type EmploymentStatus,
  type MonitoringStatus,
} from '../../kernel/domain-enums';

/*
 * The `subsidies:` section of config/programmes.yaml (issue 17 §2). Every figure is configuration
 * with its source beside it in the YAML and in the README policy table; a jurisdiction overrides
 * any key of any programme, the rest comes from the default profile.
 */

export const SUBSIDY_PROGRAMMES = [
  'transport',
  'job_seeking',
  'training_allowance',
  'public_welfare',
] as const;
export type SubsidyProgramme = (typeof SUBSIDY_PROGRAMMES)[number];

export const EVIDENCE_ITEMS = [
  'national_id',
  'proof_of_work',
  'follow_up_1m',
  'follow_up_3m',
  'household_status',
  'attendance',
  'employment_certificate',
  'wage_ledger',
  'bank_account',
] as const;
export type EvidenceItem = (typeof EVIDENCE_ITEMS)[number];

export const CLAIM_PERIODS = ['year', 'quarter', 'month'] as const;
export type ClaimPeriodKind = (typeof CLAIM_PERIODS)[number];

/** 'any', or the household monitoring statuses that qualify (residents/enums MonitoringStatus). */
export type HouseholdStatuses = 'any' | MonitoringStatus[];

interface Common {
  claimPeriod: ClaimPeriodKind;
  householdStatuses: HouseholdStatuses;
  evidence: EvidenceItem[];
}

export interface TransportRules extends Common {
  minMonths: number;
  followUpEarlyDays: number;
  amounts: { outOfProvince: number; inProvince: number; inPrefecture: number };
  inPrefecture: string[];
  inProvince: string[];
}
export interface JobSeekingRules extends Common {
  amount: number;
  oncePerPerson: boolean;
  /** The resident's own status: graduating students and people out of work. */
  employmentStatuses: EmploymentStatus[];
}
export interface TrainingAllowanceRules extends Common {
  perDay: number;
  subsidisedCoursesOnly: boolean;
}
export interface PublicWelfareRules extends Common {
  maxWageRatio: number;
  maxYears: number;
}

export interface SubsidyRules {
  transport: TransportRules;
  jobSeeking: JobSeekingRules;
  trainingAllowance: TrainingAllowanceRules;
  publicWelfare: PublicWelfareRules;
  exclusiveGroups: SubsidyProgramme[][];
}

const PROGRAMME_KEYS = ['transport', 'jobSeeking', 'trainingAllowance', 'publicWelfare'] as const;
type ProgrammeKey = (typeof PROGRAMME_KEYS)[number];
export const PROGRAMME_KEY: Record<SubsidyProgramme, ProgrammeKey> = {
  transport: 'transport',
  job_seeking: 'jobSeeking',
  training_allowance: 'trainingAllowance',
  public_welfare: 'publicWelfare',
};

function num(v: unknown, at: string, min: number, max: number, integer = false): number {
  if (typeof v !== 'number' || !Number.isFinite(v)) failProgrammes(at, 'must be a number');
  if (v < min || v > max) failProgrammes(at, `must be between ${min} and ${max}, got ${v}`);
  if (integer && !Number.isInteger(v)) failProgrammes(at, `must be an integer, got ${v}`);
  return v;
}

function bool(v: unknown, at: string): boolean {
  if (typeof v !== 'boolean') failProgrammes(at, 'must be true or false');
  return v;
}

function oneOf<T extends string>(v: unknown, at: string, allowed: readonly T[]): T {
  if (typeof v !== 'string' || !(allowed as readonly string[]).includes(v))
    failProgrammes(at, `must be one of ${allowed.join(', ')}`);
  return v as T;
}

function list<T extends string>(v: unknown, at: string, allowed?: readonly T[]): T[] {
  if (!Array.isArray(v)) failProgrammes(at, 'must be a list');
  return v.map((x, i) => {
    if (typeof x !== 'string' || !x.trim()) failProgrammes(`${at}[${i}]`, 'must be a non-empty string');
    return (allowed ? oneOf(x, `${at}[${i}]`, allowed) : x.trim()) as T;
  });
}

/** Reads `raw[key]` (or the base's value when absent) through `read`; a missing key without base fails. */
function field<T>(
  raw: Record<string, unknown>,
  key: string,
  at: string,
  base: T | undefined,
  read: (v: unknown, at: string) => T,
): T {
  if (raw[key] === undefined) {
    if (base === undefined) failProgrammes(`${at}.${key}`, 'is required');
    return base;
  }
  return read(raw[key], `${at}.${key}`);
}

function mapping(v: unknown, at: string, keys: readonly string[]): Record<string, unknown> {
  if (v === undefined || v === null) return {};
  if (!isRecord(v)) failProgrammes(at, 'must be a mapping');
  for (const k of Object.keys(v)) if (!keys.includes(k)) failProgrammes(`${at}.${k}`, 'is not a known key');
  return v;
}

const COMMON_KEYS = ['claimPeriod', 'householdStatuses', 'evidence'];

function common(raw: Record<string, unknown>, at: string, base: Common | undefined): Common {
  return {
    claimPeriod: field(raw, 'claimPeriod', at, base?.claimPeriod, (v, a) => oneOf(v, a, CLAIM_PERIODS)),
    householdStatuses: field(raw, 'householdStatuses', at, base?.householdStatuses, (v, a) =>
      v === 'any'
        ? 'any'
        : list(
            v,
            a,
            MONITORING_STATUSES.filter((s) => s !== 'none'),
          ),
    ),
    evidence: field(raw, 'evidence', at, base?.evidence, (v, a) => {
      const items = list(v, a, EVIDENCE_ITEMS);
      if (!items.length) failProgrammes(a, 'must name at least one item');
      return items;
    }),
  };
}

export const parseSubsidyRules = (input: unknown, at: string, base: SubsidyRules | null): SubsidyRules => {
  const raw = mapping(input, at, [...PROGRAMME_KEYS, 'exclusiveGroups']);
  const sec = (k: ProgrammeKey, keys: string[]) => mapping(raw[k], `${at}.${k}`, [...COMMON_KEYS, ...keys]);
  const yuan = (v: unknown, a: string) => num(v, a, 0, 1_000_000);

  const t = sec('transport', ['minMonths', 'followUpEarlyDays', 'amounts', 'inPrefecture', 'inProvince']);
  const tb = base?.transport;
  const tAt = `${at}.transport`;
  const amounts = mapping(t.amounts, `${tAt}.amounts`, ['outOfProvince', 'inProvince', 'inPrefecture']);
  const transport: TransportRules = {
    ...common(t, tAt, tb),
    minMonths: field(t, 'minMonths', tAt, tb?.minMonths, (v, a) => num(v, a, 1, 6, true)),
    followUpEarlyDays: field(t, 'followUpEarlyDays', tAt, tb?.followUpEarlyDays, (v, a) =>
      num(v, a, 0, 31, true),
    ),
    amounts: {
      outOfProvince: field(amounts, 'outOfProvince', `${tAt}.amounts`, tb?.amounts.outOfProvince, yuan),
      inProvince: field(amounts, 'inProvince', `${tAt}.amounts`, tb?.amounts.inProvince, yuan),
      inPrefecture: field(amounts, 'inPrefecture', `${tAt}.amounts`, tb?.amounts.inPrefecture, yuan),
    },
    inPrefecture: field(t, 'inPrefecture', tAt, tb?.inPrefecture, (v, a) => list(v, a)),
    inProvince: field(t, 'inProvince', tAt, tb?.inProvince, (v, a) => list(v, a)),
  };

  const j = sec('jobSeeking', ['amount', 'oncePerPerson', 'employmentStatuses']);
  const jb = base?.jobSeeking;
  const jAt = `${at}.jobSeeking`;
  const jobSeeking: JobSeekingRules = {
    ...common(j, jAt, jb),
    amount: field(j, 'amount', jAt, jb?.amount, yuan),
    oncePerPerson: field(j, 'oncePerPerson', jAt, jb?.oncePerPerson, bool),
    employmentStatuses: field(j, 'employmentStatuses', jAt, jb?.employmentStatuses, (v, a) =>
      list(v, a, EMPLOYMENT_STATUSES),
    ),
  };

  const tr = sec('trainingAllowance', ['perDay', 'subsidisedCoursesOnly']);
  const trb = base?.trainingAllowance;
  const trAt = `${at}.trainingAllowance`;
  const trainingAllowance: TrainingAllowanceRules = {
    ...common(tr, trAt, trb),
    perDay: field(tr, 'perDay', trAt, trb?.perDay, yuan),
    subsidisedCoursesOnly: field(tr, 'subsidisedCoursesOnly', trAt, trb?.subsidisedCoursesOnly, bool),
  };

  const p = sec('publicWelfare', ['maxWageRatio', 'maxYears']);
  const pb = base?.publicWelfare;
  const pAt = `${at}.publicWelfare`;
  const publicWelfare: PublicWelfareRules = {
    ...common(p, pAt, pb),
    maxWageRatio: field(p, 'maxWageRatio', pAt, pb?.maxWageRatio, (v, a) => num(v, a, 1, 3)),
    maxYears: field(p, 'maxYears', pAt, pb?.maxYears, (v, a) => num(v, a, 1, 10, true)),
  };

  const exclusiveGroups = field(raw, 'exclusiveGroups', at, base?.exclusiveGroups, (v, a) => {
    if (!Array.isArray(v)) failProgrammes(a, 'must be a list of lists of programmes');
    return v.map((g, i) => {
      const group = list(g, `${a}[${i}]`, SUBSIDY_PROGRAMMES);
      if (group.length < 2) failProgrammes(`${a}[${i}]`, 'must name at least two programmes');
      return group;
    });
  });

  return { transport, jobSeeking, trainingAllowance, publicWelfare, exclusiveGroups };
};

export function parseSubsidiesConfig(doc: unknown): ProgrammeRules<SubsidyRules> {
  return parseProgrammeSection(doc, 'subsidies', parseSubsidyRules);
}

export function loadSubsidiesConfig(config: AppConfig): ProgrammeRules<SubsidyRules> {
  return loadProgrammeSection(config, 'subsidies', parseSubsidyRules);
}
