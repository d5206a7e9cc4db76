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
export const EXCLUDED_SHIFT = -8;

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
    case EXCLUDED_SHIFT:
      return 'shift';
    default:
      return null;
  }
}

/**
 * The one implementation of hard filters and fit score, used by the hot loop and by explanations alike.
 * Scores residents[from … to) of the posting's candidate set into out[0 … to-from): the unrounded fit
 * score (0–100) or a negative EXCLUDED_* code. When `comp` is given (explanations: one resident), it
 * receives the 7 component values 0–1 of the last resident scored, in COMPONENT_NAMES order.
 * A component that does not apply (no required or preferred skills) has weight 0 and the others
 * are rescaled to 100; what the resident did not state earns the configured unknown share.
 *
 * Every array and constant is read into a local before the loop: V8 then keeps them in registers
 * instead of re-reading object properties per resident (about 3× faster than a per-pair function).
 */
export function scoreBlock(
  cp: CompiledPosting,
  residents: Uint32Array,
  from: number,
  to: number,
  out: Float64Array,
  comp: Float64Array | null = null,
): void {
  const cs = cp.candidates;
  const flags = cs.flags;
  const birthDay = cs.birthDay;
  const schedules = cs.schedules;
  const siteIndex = cs.siteIndex;
  const maxCommuteMinutes = cs.maxCommuteMinutes;
  const certExpiry = cs.certExpiry;
  const levels = cs.skillLevels;
  const wageMin = cs.wageMin;
  const industryPrefs = cs.industryPrefs;
  const industryExperience = cs.industryExperience;
  const trainingDay = cs.trainingDay;

  const need = cp.requiredFlags;
  const latestBirthDay = cp.latestBirthDay;
  const earliestBirthDay = cp.earliestBirthDay;
  const scheduleBit = cp.scheduleBit;
  const siteMinutes = cp.siteMinutes;
  const siteShiftOk = cp.siteShiftOk;
  const defaultMaxCommuteMinutes = cp.defaultMaxCommuteMinutes;
  const fullCreditMinutes = cp.fullCreditMinutes;
  const shuttleBonus = cp.shuttleBonus;
  const awayCredit = cp.awayCredit;
  const accommodation = cp.accommodation;
  const certOff = cp.certOff;
  const nCert = certOff.length;
  const referenceDay = cp.referenceDay;
  const reqOff = cp.reqOff;
  const reqMin = cp.reqMin;
  const reqPartial = cp.reqPartial;
  const m = reqOff.length;
  const prefOff = cp.prefOff;
  const prefMin = cp.prefMin;
  const prefPartial = cp.prefPartial;
  const pm = prefOff.length;
  const offerMin = cp.wageMinMonthly;
  const offerMax = cp.wageMaxMonthly;
  const wageUnstated = cp.wageUnstated;
  const pieceRate = cp.pieceRate;
  const unknown = cp.unknownShare;
  const approximate = cp.distanceApproximate;
  const industryBit = cp.industryBit;
  const prefShare = cp.industryPrefShare;
  const expShare = cp.industryExpShare;
  const industryUnknownPref = prefShare * unknown;
  const industryUnknownExp = expShare * unknown;
  const industryNorm = cp.industryNorm;
  const trainingSinceDay = cp.trainingSinceDay;
  // Weights of the components that apply, rescaled to sum to 100 (per posting, not per pair).
  const w = cp.weights;
  const scale = cp.weightScale;
  const on = cp.appliesMask;
  const wSkills = on & 1 ? w[0] * scale : 0;
  const wPreferred = on & 2 ? w[1] * scale : 0;
  const wDistance = on & 4 ? w[2] * scale : 0;
  const wWage = on & 8 ? w[3] * scale : 0;
  const wSchedule = on & 16 ? w[4] * scale : 0;
  // The industry shares are normalised in the weight, not per pair.
  const wIndustry = on & 32 ? w[5] * scale * industryNorm : 0;
  const wTraining = on & 64 ? w[6] * scale : 0;

  outer: for (let i = from, o = 0; i < to; i++, o++) {
    const r = residents[i];
    const f = flags[r];
    if ((f & need) !== need) {
      out[o] =
        (f & FLAG_HAS_CAPACITY) === 0
          ? EXCLUDED_NO_CAPACITY
          : (f & FLAG_SEEKING) === 0
            ? EXCLUDED_NOT_SEEKING
            : EXCLUDED_NO_CONSENT;
      continue;
    }

    // Reach and the distance component on the trip's minutes (issue 16): full credit up to
    // fullCreditMinutes, falling to 0 at the resident's limit; a trip whose timetable misses the
    // shift is out like a trip too long. An unknown trip (NaN) is neither near nor too far: the
    // unknown share. A post with accommodation stays open to residents willing to work away.
    const site = siteIndex[r];
    const t = siteMinutes[site];
    let limit = maxCommuteMinutes[r];
    if (!(limit >= 0)) limit = defaultMaxCommuteMinutes;
    let dist: number;
    if (t !== t) {
      dist = unknown;
    } else if (t <= limit && siteShiftOk[site] === 1) {
      dist = t <= fullCreditMinutes ? 1 : (limit - t) / (limit - fullCreditMinutes);
      dist += shuttleBonus;
      if (dist > 1) dist = 1;
    } else if (accommodation && (f & FLAG_WILLING_AWAY) !== 0) {
      dist = awayCredit;
    } else {
      out[o] = t <= limit ? EXCLUDED_SHIFT : EXCLUDED_COMMUTE;
      continue;
    }

    const birth = birthDay[r];
    if (birth > latestBirthDay || birth < earliestBirthDay) {
      out[o] = EXCLUDED_AGE;
      continue;
    }
    const sch = schedules[r];
    // An empty schedule preference means "no restriction" for the filter (it earns no schedule points).
    if (sch !== 0 && (sch & scheduleBit) === 0) {
      out[o] = EXCLUDED_SCHEDULE;
      continue;
    }
    for (let j = 0; j < nCert; j++) {
      const off = certOff[j];
      if (off < 0 || certExpiry[off + r] < referenceDay) {
        out[o] = EXCLUDED_CERTIFICATE;
        continue outer;
      }
    }

    if (approximate && dist > unknown) dist = unknown;

    let skills = 0;
    for (let j = 0; j < m; j++) {
      const off = reqOff[j];
      const level = off < 0 ? 0 : levels[off + r];
      skills += level >= reqMin[j] ? 1 : level * reqPartial[j];
    }
    if (m > 0) skills /= m;

    let preferred = 0;
    for (let j = 0; j < pm; j++) {
      const off = prefOff[j];
      const level = off < 0 ? 0 : levels[off + r];
      preferred += level >= prefMin[j] ? 1 : level * prefPartial[j];
    }
    if (pm > 0) preferred /= pm;

    // Wage: 1 when even the posting's lowest wage reaches the resident's minimum, 0.75 when its range
    // reaches it, partial credit down to 0 at a shortfall of half the minimum. No minimum stated (NaN):
    // the posting against the local legal minimum, at the unknown share (wageUnstated, per posting).
    // A piece rate cannot be compared: the unknown share.
    const want = wageMin[r];
    let wage: number;
    if (pieceRate) wage = unknown;
    else if (want !== want) wage = wageUnstated;
    else if (offerMin >= want) wage = 1;
    else if (offerMax >= want) wage = 0.75;
    else if (offerMax > want * 0.5) wage = (0.5 * (offerMax - want * 0.5)) / (want * 0.5);
    else wage = 0;

    const schedule = sch !== 0 ? 1 : unknown;
    const prefs = industryPrefs[r];
    const exp = industryExperience[r];
    const industry =
      (prefs === 0 ? industryUnknownPref : (prefs & industryBit) !== 0 ? prefShare : 0) +
      (exp === 0 ? industryUnknownExp : (exp & industryBit) !== 0 ? expShare : 0);
    // Training signals readiness for skills the posting asks: held already (all at the level) or
    // trained recently. It does not apply to a posting that asks for no skill (weight 0).
    const training = skills === 1 || trainingDay[r] >= trainingSinceDay ? 1 : 0;

    const score =
      wSkills * skills +
      wPreferred * preferred +
      wDistance * dist +
      wWage * wage +
      wSchedule * schedule +
      wIndustry * industry +
      wTraining * training;
    out[o] = score > 100 ? 100 : score;
    if (comp !== null) {
      comp[0] = skills;
      comp[1] = preferred;
      comp[2] = dist;
      comp[3] = wage;
      comp[4] = schedule;
      comp[5] = industry * industryNorm;
      comp[6] = training;
    }
  }
}

/** evaluate's scratch (synchronous, never re-entered): no typed array allocated per explained row. */
const evaluateResident = new Uint32Array(1);
const evaluateOut = new Float64Array(1);

/** One resident: the fit score (or a negative EXCLUDED_* code), components into `comp`. */
export function evaluate(cp: CompiledPosting, r: number, comp: Float64Array | null = null): number {
  evaluateResident[0] = r;
  scoreBlock(cp, evaluateResident, 0, 1, evaluateOut, comp);
  return evaluateOut[0];
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
