import { dayNumber } from './dates';
import {
  INDUSTRIES,
  MONITORING_STATUSES,
  SCHEDULES,
  type Industry,
  type ResidentInput,
  type Schedule,
  type SiteInput,
  type WageUnit,
} from './types';

/** Bits of CandidateSet.flags. */
export const FLAG_SEEKING = 1;
export const FLAG_HAS_CAPACITY = 2;
export const FLAG_WILLING_AWAY = 4;
export const FLAG_CONSENT = 8;
export const FLAG_ZERO_EMPLOYMENT = 16;

/** Birth day of a resident whose birth date is unknown: fails every lawful-age check. */
export const UNKNOWN_BIRTH_DAY = 0x7fffffff;
/** Certificate expiry of a certificate that is not held. */
export const CERT_NOT_HELD = -0x80000000;
/** Certificate expiry of a certificate without expiry. */
export const CERT_NO_EXPIRY = 0x7fffffff;
/** Training day of a resident who never completed training. */
export const NO_TRAINING = -0x80000000;

/**
 * Residents in struct-of-arrays form, built once per ranking run and shared by every posting.
 *
 * Skill levels and certificate expiries are stored skill-major (`skillLevels[k * n + r]`): ranking a
 * posting walks all residents for a handful of required skills, so each required skill is one
 * sequential scan of n bytes instead of n strided reads. Distance and travel time are per site, not
 * per resident.
 */
export interface CandidateSet {
  readonly n: number;
  readonly ids: readonly string[];
  /** Position of each id in the sorted id list: the deterministic, permutation-proof tie-break. */
  readonly idRank: Uint32Array;
  readonly siteIds: readonly string[];
  readonly siteLat: Float64Array;
  readonly siteLon: Float64Array;
  readonly siteIndex: Uint32Array;
  /**
   * Residents seeking work (the first hard filter, the same for every posting), in index order (which
   * is by site): the hot loop walks only these. Typically 30–45 % of residents.
   */
  readonly seekers: Uint32Array;
  /** Seekers of site s are seekers[siteSeekerStart[s] … siteSeekerStart[s + 1]). */
  readonly siteSeekerStart: Uint32Array;
  /** Longest commute (minutes) stated by a seeker of the site (0 when none stated). */
  readonly siteMaxStatedMinutes: Float32Array;
  /** Site has a seeker without a stated maximum (the configured default applies). */
  readonly siteUsesDefaultMinutes: Uint8Array;
  /** Site has a seeker willing to work away (reachable by any posting with accommodation). */
  readonly siteHasWillingAway: Uint8Array;
  readonly flags: Uint8Array;
  readonly birthDay: Int32Array;
  readonly skillCodes: readonly string[];
  readonly skillIndex: ReadonlyMap<string, number>;
  /** [skill × resident] level 0–4 (0 = not held). */
  readonly skillLevels: Uint8Array;
  readonly certTypes: readonly string[];
  readonly certIndex: ReadonlyMap<string, number>;
  /** [certificate type × resident] expiry day, CERT_NOT_HELD or CERT_NO_EXPIRY. */
  readonly certExpiry: Int32Array;
  /** Bit i = SCHEDULES[i]; 0 = no preference stated. */
  readonly schedules: Uint8Array;
  /** Longest trip accepted, one way, minutes (a km limit converted); NaN = not stated (the default applies). */
  readonly maxCommuteMinutes: Float32Array;
  /** Monthly equivalent (day × workDaysPerMonth, hour × hoursPerDay × workDaysPerMonth); NaN = not stated or piece rate. */
  readonly wageMin: Float32Array;
  readonly industryPrefs: Uint32Array;
  readonly industryExperience: Uint32Array;
  readonly trainingDay: Int32Array;
  /** Index into MONITORING_STATUSES. */
  readonly monitoring: Uint8Array;
}

/** Factors that turn a daily or hourly wage into a monthly one (config `wage`). */
export interface WageFactors {
  workDaysPerMonth: number;
  hoursPerDay: number;
}

export const DEFAULT_WAGE_FACTORS: WageFactors = { workDaysPerMonth: 22, hoursPerDay: 8 };

/**
 * The km → minutes rule for residents who stated a limit in km only, when the caller passes none
 * (tests, tools): 2 minutes a km, the 15 km of engine 2 being the 30 minutes it was meant as. The
 * worker passes config/commute.yaml's minutesPerKm.
 */
export const DEFAULT_MINUTES_PER_KM = 2;

/** A resident's stated limit in minutes: minutes when stated, else km × minutesPerKm, else NaN (the default). */
export function statedCommuteMinutes(
  p: { maxCommuteMinutes?: number | null; maxCommuteKm?: number | null },
  minutesPerKm: number,
): number {
  if (p.maxCommuteMinutes != null && p.maxCommuteMinutes >= 0) return p.maxCommuteMinutes;
  if (p.maxCommuteKm != null && p.maxCommuteKm >= 0) return Math.round(p.maxCommuteKm * minutesPerKm);
  return NaN;
}

/** Monthly equivalent of a wage; NaN for piece rates, which cannot be compared. */
export function monthlyWage(amount: number, unit: WageUnit, f: WageFactors): number {
  switch (unit) {
    case 'month':
      return amount;
    case 'day':
      return amount * f.workDaysPerMonth;
    case 'hour':
      return amount * f.hoursPerDay * f.workDaysPerMonth;
    case 'piece':
      return NaN;
  }
}

export const SCHEDULE_BIT: Record<Schedule, number> = Object.fromEntries(
  SCHEDULES.map((s, i) => [s, 1 << i]),
) as Record<Schedule, number>;
export const INDUSTRY_BIT: Record<Industry, number> = Object.fromEntries(
  INDUSTRIES.map((s, i) => [s, (1 << i) >>> 0]),
) as Record<Industry, number>;

function maskOf<T extends string>(values: readonly T[], bits: Record<T, number>): number {
  let m = 0;
  for (const v of values) {
    const b = bits[v];
    if (b === undefined) throw new RangeError(`unknown value "${v}"`);
    m |= b;
  }
  return m >>> 0;
}

/**
 * Builds the candidate set. `skillCodes` fixes the skill index (the whole taxonomy, so postings compiled
 * against it can name any skill); unknown skill codes of a resident are ignored (they match nothing).
 * Only the sites residents live at are kept. Residents are stored ordered by site, then id: find one
 * with `residentIndex(set, id)`.
 */
export function buildCandidateSet(
  input: readonly ResidentInput[],
  skillCodes: readonly string[],
  sites: readonly SiteInput[],
  wageFactors: WageFactors = DEFAULT_WAGE_FACTORS,
  minutesPerKm: number = DEFAULT_MINUTES_PER_KM,
): CandidateSet {
  // Residents of one site sit next to each other (and the order never depends on the input order):
  // the hot loop then reads memory sequentially and its commute branch changes once per site.
  const residents = [...input].sort((a, b) =>
    a.siteId !== b.siteId ? (a.siteId < b.siteId ? -1 : 1) : a.id < b.id ? -1 : a.id > b.id ? 1 : 0,
  );
  const n = residents.length;
  const siteById = new Map(sites.map((s) => [s.id, s]));
  const usedSites = new Map<string, number>();
  const siteIds: string[] = [];
  const skillIndex = new Map(skillCodes.map((c, i) => [c, i]));
  if (skillIndex.size !== skillCodes.length) throw new RangeError('skillCodes has duplicates');

  const certIndex = new Map<string, number>();
  for (const r of residents) {
    for (const c of r.certificates) if (!certIndex.has(c.type)) certIndex.set(c.type, certIndex.size);
  }
  const certTypes = [...certIndex.keys()];

  const ids = residents.map((r) => r.id);
  const order = ids.map((_, i) => i).sort((a, b) => (ids[a] < ids[b] ? -1 : ids[a] > ids[b] ? 1 : 0));
  const idRank = new Uint32Array(n);
  order.forEach((i, rank) => (idRank[i] = rank));

  const siteIndex = new Uint32Array(n);
  const flags = new Uint8Array(n);
  const birthDay = new Int32Array(n);
  const skillLevels = new Uint8Array(skillCodes.length * n);
  const certExpiry = new Int32Array(certTypes.length * n).fill(CERT_NOT_HELD);
  const schedules = new Uint8Array(n);
  const maxCommuteMinutes = new Float32Array(n);
  const wageMin = new Float32Array(n);
  const industryPrefs = new Uint32Array(n);
  const industryExperience = new Uint32Array(n);
  const trainingDay = new Int32Array(n);
  const monitoring = new Uint8Array(n);

  for (let i = 0; i < n; i++) {
    const r = residents[i];
    let s = usedSites.get(r.siteId);
    if (s === undefined) {
      if (!siteById.has(r.siteId)) throw new RangeError(`resident ${r.id}: unknown site ${r.siteId}`);
      s = siteIds.length;
      usedSites.set(r.siteId, s);
      siteIds.push(r.siteId);
    }
    siteIndex[i] = s;

    const hasCapacity = r.laborCapacity === 'full' || r.laborCapacity === 'partial';
    let f = 0;
    if (hasCapacity) f |= FLAG_HAS_CAPACITY;
    if (hasCapacity && r.employmentStatus === 'unemployed') f |= FLAG_SEEKING;
    if (r.preferences.willingToWorkAway) f |= FLAG_WILLING_AWAY;
    if (r.consentToShare) f |= FLAG_CONSENT;
    if (r.household.zeroEmployment) f |= FLAG_ZERO_EMPLOYMENT;
    flags[i] = f;

    birthDay[i] = r.birthDate == null ? UNKNOWN_BIRTH_DAY : dayNumber(r.birthDate);

    for (const sk of r.skills) {
      const k = skillIndex.get(sk.code);
      if (k === undefined) continue;
      const level = Math.max(0, Math.min(4, Math.floor(sk.level)));
      const at = k * n + i;
      if (level > skillLevels[at]) skillLevels[at] = level;
    }
    for (const c of r.certificates) {
      const at = certIndex.get(c.type)! * n + i;
      const exp = c.expiresAt == null ? CERT_NO_EXPIRY : dayNumber(c.expiresAt);
      if (exp > certExpiry[at]) certExpiry[at] = exp;
    }

    const p = r.preferences;
    schedules[i] = maskOf(p.schedules, SCHEDULE_BIT);
    maxCommuteMinutes[i] = statedCommuteMinutes(p, minutesPerKm);
    wageMin[i] =
      p.wageMin != null && p.wageMin > 0 ? monthlyWage(p.wageMin, p.wageUnit ?? 'month', wageFactors) : NaN;
    industryPrefs[i] = maskOf(p.industries, INDUSTRY_BIT);
    industryExperience[i] = maskOf(r.experienceIndustries, INDUSTRY_BIT);
    trainingDay[i] = r.lastTrainingCompletedAt == null ? NO_TRAINING : dayNumber(r.lastTrainingCompletedAt);
    monitoring[i] = MONITORING_STATUSES.indexOf(r.household.monitoringStatus);
  }

  const seekerList: number[] = [];
  for (let i = 0; i < n; i++) if ((flags[i] & FLAG_SEEKING) !== 0) seekerList.push(i);
  const seekers = Uint32Array.from(seekerList);
  const siteCount = siteIds.length;
  const siteSeekerStart = new Uint32Array(siteCount + 1);
  const siteMaxStatedMinutes = new Float32Array(siteCount);
  const siteUsesDefaultMinutes = new Uint8Array(siteCount);
  const siteHasWillingAway = new Uint8Array(siteCount);
  for (const r of seekers) {
    const st = siteIndex[r];
    siteSeekerStart[st + 1]++;
    const limit = maxCommuteMinutes[r];
    if (Number.isNaN(limit)) siteUsesDefaultMinutes[st] = 1;
    else if (limit > siteMaxStatedMinutes[st]) siteMaxStatedMinutes[st] = limit;
    if ((flags[r] & FLAG_WILLING_AWAY) !== 0) siteHasWillingAway[st] = 1;
  }
  for (let st = 0; st < siteCount; st++) siteSeekerStart[st + 1] += siteSeekerStart[st];

  const siteLat = new Float64Array(siteIds.length);
  const siteLon = new Float64Array(siteIds.length);
  siteIds.forEach((id, s) => {
    const site = siteById.get(id)!;
    siteLat[s] = site.latitude;
    siteLon[s] = site.longitude;
  });

  return {
    n,
    ids,
    idRank,
    siteIds,
    siteLat,
    siteLon,
    siteIndex,
    seekers,
    siteSeekerStart,
    siteMaxStatedMinutes,
    siteUsesDefaultMinutes,
    siteHasWillingAway,
    flags,
    birthDay,
    skillCodes,
    skillIndex,
    skillLevels,
    certTypes,
    certIndex,
    certExpiry,
    schedules,
    maxCommuteMinutes,
    wageMin,
    industryPrefs,
    industryExperience,
    trainingDay,
    monitoring,
  };
}

/** Position of a resident in the set (for rankResident / skillGaps), or -1. */
export function residentIndex(cs: CandidateSet, id: string): number {
  let map = indexCache.get(cs);
  if (!map) {
    map = new Map(cs.ids.map((x, i) => [x, i]));
    indexCache.set(cs, map);
  }
  return map.get(id) ?? -1;
}

const indexCache = new WeakMap<CandidateSet, Map<string, number>>();
