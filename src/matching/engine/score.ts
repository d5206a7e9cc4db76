import { FLAG_HAS_CAPACITY, FLAG_SEEKING, FLAG_WILLING_AWAY, FLAG_ZERO_EMPLOYMENT } from './candidate-set';
import type { CompiledPosting } from './compiled-posting';
import type { HardFilter } from './types';

/** Negative results of `evaluate`: the hard filter that excluded the resident. */
export const EXCLUDED_NOT_SEEKING = -1;
export const EXCLUDED_NO_CAPACITY = -2;
export const EXCLUDED_AGE = -3;
export const EXCLUDED_SCHEDULE = -4;
export const EXCLUDED_COMMUTE = -5;
export const EXCLUDED_CERTIFICATE = -6;
export const EXCLUDED_NO_CONSENT = -7;

export function hardFilterName(code: number): HardFilter | null {
  switch (code) {
    case EXCLUDED_NOT_SEEKING:
      return 'not_seeking';
    case EXCLUDED_NO_CAPACITY:
      return 'no_labor_capacity';
    case EXCLUDED_AGE:
      return 'age';
    case EXCLUDED_SCHEDULE:
      return 'schedule';
    case EXCLUDED_COMMUTE:
      return 'commute';
    case EXCLUDED_CERTIFICATE:
      return 'certificate';
    case EXCLUDED_NO_CONSENT:
      return 'no_consent';
    default:
      return null;
  }
}

/** Indexes into the component scratch array (COMPONENT_NAMES order). */
const C_SKILLS = 0;
const C_PREFERRED = 1;
const C_DISTANCE = 2;
const C_WAGE = 3;
const C_SCHEDULE = 4;
const C_INDUSTRY = 5;
const C_TRAINING = 6;

/**
 * The one implementation of hard filters and fit score, used by the hot loop and by explanations alike.
 * Returns the unrounded fit score (0–100) and fills `comp` (7 values 0–1, COMPONENT_NAMES order), or a
 * negative EXCLUDED_* code. Missing data earns 0 for its component, never a match.
 */
export function evaluate(cp: CompiledPosting, r: number, comp: Float64Array): number {
  const cs = cp.candidates;
  const f = cs.flags[r];
  const need = cp.requiredFlags;
  if ((f & need) !== need) {
    if ((f & FLAG_HAS_CAPACITY) === 0) return EXCLUDED_NO_CAPACITY;
    if ((f & FLAG_SEEKING) === 0) return EXCLUDED_NOT_SEEKING;
    return EXCLUDED_NO_CONSENT;
  }
  const birth = cs.birthDay[r];
  if (birth > cp.latestBirthDay || birth < cp.earliestBirthDay) return EXCLUDED_AGE;
  const sch = cs.schedules[r];
  // An empty schedule preference means "no restriction" for the filter (it earns no schedule points).
  if (sch !== 0 && (sch & cp.scheduleBit) === 0) return EXCLUDED_SCHEDULE;

  const d = cp.siteDist[cs.siteIndex[r]];
  let limit = cs.maxCommuteKm[r];
  if (!(limit >= 0)) limit = cp.defaultMaxCommuteKm;
  let dist: number;
  if (d <= limit) {
    dist = d <= cp.fullCreditKm ? 1 : (limit - d) / (limit - cp.fullCreditKm);
    dist += cp.shuttleBonus;
    if (dist > 1) dist = 1;
  } else if (cp.accommodation && (f & FLAG_WILLING_AWAY) !== 0) {
    dist = cp.awayCredit;
  } else {
    return EXCLUDED_COMMUTE;
  }

  const certOff = cp.certOff;
  for (let j = 0; j < certOff.length; j++) {
    const off = certOff[j];
    if (off < 0 || cs.certExpiry[off + r] < cp.referenceDay) return EXCLUDED_CERTIFICATE;
  }

  const levels = cs.skillLevels;
  const reqOff = cp.reqOff;
  const m = reqOff.length;
  let skills = 0;
  for (let j = 0; j < m; j++) {
    const off = reqOff[j];
    const level = off < 0 ? 0 : levels[off + r];
    skills += level >= cp.reqMin[j] ? 1 : level * cp.reqPartial[j];
  }
  skills = m > 0 ? skills / m : 0;

  const prefOff = cp.prefOff;
  const pm = prefOff.length;
  let preferred = 0;
  for (let j = 0; j < pm; j++) {
    const off = prefOff[j];
    const level = off < 0 ? 0 : levels[off + r];
    preferred += level >= cp.prefMin[j] ? 1 : level * cp.prefPartial[j];
  }
  preferred = pm > 0 ? preferred / pm : 0;

  // Wage: 1 when even the posting's lowest wage reaches the resident's minimum, 0.75 when its range
  // reaches it, partial credit down to 0 at a shortfall of half the minimum. NaN (not stated, piece
  // rate) fails every comparison below and earns 0.
  const want = cs.wageMin[r];
  let wage = 0;
  if (cp.wageMinMonthly >= want) wage = 1;
  else if (cp.wageMaxMonthly >= want) wage = 0.75;
  else if (cp.wageMaxMonthly > want * 0.5) wage = (0.5 * (cp.wageMaxMonthly - want * 0.5)) / (want * 0.5);

  const schedule = sch !== 0 ? 1 : 0;
  const industry =
    ((cs.industryPrefs[r] & cp.industryBit) !== 0 ? cp.industryPrefShare : 0) +
    ((cs.industryExperience[r] & cp.industryBit) !== 0 ? cp.industryExpShare : 0);
  const training = cs.trainingDay[r] >= cp.trainingSinceDay ? 1 : 0;

  comp[C_SKILLS] = skills;
  comp[C_PREFERRED] = preferred;
  comp[C_DISTANCE] = dist;
  comp[C_WAGE] = wage;
  comp[C_SCHEDULE] = schedule;
  comp[C_INDUSTRY] = industry;
  comp[C_TRAINING] = training;
  const w = cp.weights;
  const score =
    w[0] * skills +
    w[1] * preferred +
    w[2] * dist +
    w[3] * wage +
    w[4] * schedule +
    w[5] * industry +
    w[6] * training;
  return score > 100 ? 100 : score;
}

/** Stored score: one decimal. Ranking uses this value so that priority breaks near-ties. */
export function roundScore(score: number): number {
  return Math.round(score * 10) / 10;
}

/** Household priority 0–max; independent of the posting's fit and never part of the score. */
export function priorityOf(cp: CompiledPosting, r: number): number {
  const cs = cp.candidates;
  let p = cp.monitoringPriority[cs.monitoring[r]];
  if ((cs.flags[r] & FLAG_ZERO_EMPLOYMENT) !== 0) p += cp.zeroEmploymentPriority;
  return p > cp.maxPriority ? cp.maxPriority : p;
}
