import {
  FLAG_CONSENT,
  FLAG_SEEKING,
  INDUSTRY_BIT,
  SCHEDULE_BIT,
  monthlyWage,
  type CandidateSet,
} from './candidate-set';
import { dayNumber, yearsBefore } from './dates';
import { distanceKm } from './geo';
import {
  COMPONENT_NAMES,
  type DateInput,
  type MatchingConfig,
  type PostingProfile,
  type SiteTrip,
  type TravelLookup,
  type WageUnit,
} from './types';

export interface CompileOptions {
  /** The day ranking runs; the reference for certificates and age when the posting has no start date. Default: now. */
  today?: DateInput;
  /** Exclude residents who did not consent to share their profile (the employer's view). */
  onlyConsenting?: boolean;
  /** The trip from each site to the workplace (the commute planner); default: estimated from the straight line. */
  travel?: TravelLookup;
}

/**
 * Whether a trip gets the resident to the shift and home again: the first departure from the
 * site plus the trip is not after the start, and the shift ends no later than the last return
 * leaves for the site (末班返回 is the time the last bus or shuttle back sets off, as officers
 * read it off the timetable). A trip without a timetable (walk, e-bike, own car) or a shift
 * without times always fits.
 */
export function tripFitsShift(
  trip: Pick<SiteTrip, 'minutes' | 'firstDeparture' | 'lastReturn'>,
  shiftStart: number | null | undefined,
  shiftEnd: number | null | undefined,
): boolean {
  if (trip.minutes === null) return true;
  if (shiftStart != null && trip.firstDeparture !== null && trip.firstDeparture + trip.minutes > shiftStart)
    return false;
  if (shiftEnd != null && trip.lastReturn !== null && shiftEnd > trip.lastReturn) return false;
  return true;
}

/**
 * The trip from site s: the lookup's, or where none was given the engine's own estimate (the
 * straight line at distance.minutesPerKm, kept in siteMinutes), made only when a result is explained.
 */
export function siteTrip(cp: CompiledPosting, s: number): SiteTrip {
  const given = cp.siteTrips?.[s];
  if (given) return given;
  return {
    minutes: cp.siteMinutes[s],
    source: 'estimate',
    mode: null,
    firstDeparture: null,
    lastReturn: null,
    text: null,
  };
}

/**
 * A posting turned into numbers against one candidate set: skill and certificate offsets into the
 * set's skill-major arrays, distance and travel minutes per site, age limits as birth-day bounds, weights as an array.
 * Compiling is O(sites + skills); scoring a resident is then a handful of array reads.
 */
export interface CompiledPosting {
  readonly posting: PostingProfile;
  readonly candidates: CandidateSet;
  /** Flags a resident must have (seeking work; consent when asked). */
  readonly requiredFlags: number;
  readonly latestBirthDay: number;
  readonly earliestBirthDay: number;
  readonly scheduleBit: number;
  readonly siteDist: Float64Array;
  /** The trip from each site, one way, minutes; NaN = unknown. What reach and the distance component use. */
  readonly siteMinutes: Float32Array;
  /** 1 when the site's trip reaches the shift's start and gets home after its end (tripFitsShift). */
  readonly siteShiftOk: Uint8Array;
  /**
   * The trips themselves (source, mode, words), for explanations (siteTrip()); null without a
   * travel lookup: no object per site and posting (rank-resident compiles thousands of postings).
   */
  readonly siteTrips: readonly SiteTrip[] | null;
  /** 0 when no seeker of the site can take the post (too far for all, no one works away): skipped whole. */
  readonly siteReachable: Uint8Array;
  readonly defaultMaxCommuteMinutes: number;
  readonly fullCreditMinutes: number;
  readonly shuttleBonus: number;
  readonly awayCredit: number;
  readonly accommodation: boolean;
  readonly referenceDay: number;
  readonly todayDay: number;
  /** Offset of each required certificate type in certExpiry; -1 = a type nobody holds. */
  readonly certOff: Int32Array;
  readonly reqOff: Int32Array;
  readonly reqMin: Uint8Array;
  readonly reqPartial: Float64Array;
  readonly prefOff: Int32Array;
  readonly prefMin: Uint8Array;
  readonly prefPartial: Float64Array;
  readonly wageMinMonthly: number;
  readonly wageMaxMonthly: number;
  /** A piece rate: the wage cannot be compared (the unknown share). */
  readonly pieceRate: boolean;
  /** Wage component of a resident who stated no minimum: the unknown share × the posting against the local minimum. */
  readonly wageUnstated: number;
  /** The lowest monthly equivalent is below the local legal minimum (officers are warned). */
  readonly wageBelowFloor: boolean;
  readonly wageFloorMonthly: number;
  readonly unknownShare: number;
  /** The coordinates stand in for a missing location: the distance component is at most the unknown share. */
  readonly distanceApproximate: boolean;
  readonly industryBit: number;
  readonly industryPrefShare: number;
  readonly industryExpShare: number;
  /** 1 / (preferenceShare + experienceShare): a resident who wants and knows the industry earns 1. */
  readonly industryNorm: number;
  readonly trainingSinceDay: number;
  /** Weights in COMPONENT_NAMES order, summing to 100 (shared by every posting of a run). */
  readonly weights: Float64Array;
  /**
   * 100 / the weights of the components that apply to this posting: a posting without required
   * skills (training goes with them) or preferred skills is scored over the rest, so a resident who
   * meets everything asked scores 100.
   */
  readonly weightScale: number;
  /** Which components apply, in COMPONENT_NAMES order (bits). */
  readonly appliesMask: number;
  /** Priority points per monitoring status index, and for a zero-employment household. */
  readonly monitoringPriority: Float64Array;
  readonly zeroEmploymentPriority: number;
  readonly maxPriority: number;
  readonly blend: number;
}

/*
 * Most postings ask for no certificate and half name no preferred skill: they share these empty
 * arrays. Compiling thousands of postings for one resident (rank-resident) is allocation-bound;
 * every typed array not made is garbage the worker's young generation does not collect.
 */
const NO_OFFSETS = new Int32Array(0);
const NO_SKILLS = { off: NO_OFFSETS, min: new Uint8Array(0), partial: new Float64Array(0) };

function skillOffsets(
  skills: PostingProfile['requiredSkills'],
  cs: CandidateSet,
  partialLevelCredit: number,
): { off: Int32Array; min: Uint8Array; partial: Float64Array } {
  if (skills.length === 0) return NO_SKILLS;
  const off = new Int32Array(skills.length);
  const min = new Uint8Array(skills.length);
  const partial = new Float64Array(skills.length);
  for (let j = 0; j < skills.length; j++) {
    const k = cs.skillIndex.get(skills[j].code);
    off[j] = k === undefined ? -1 : k * cs.n;
    min[j] = Math.max(1, Math.min(4, Math.floor(skills[j].minLevel)));
    partial[j] = partialLevelCredit / min[j];
  }
  return { off, min, partial };
}

/**
 * The posting pays below the local legal minimum: its lowest monthly equivalent is under
 * `localMinimumMonthly` (piece rates cannot be compared and are never flagged). Officers are warned.
 */
export function belowLocalMinimum(amount: number, unit: WageUnit, wage: MatchingConfig['wage']): boolean {
  return wage.localMinimumMonthly > 0 && monthlyWage(amount, unit, wage) < wage.localMinimumMonthly;
}

/**
 * The wage curve of scoreBlock for one reference (the resident's minimum or the local legal one):
 * 1 when the lowest wage reaches it, 0.75 when the range does, falling to 0 at half of it.
 */
function wageFit(offerMin: number, offerMax: number, want: number): number {
  if (!(want > 0) || offerMin >= want) return 1;
  if (offerMax >= want) return 0.75;
  if (offerMax > want * 0.5) return (0.5 * (offerMax - want * 0.5)) / (want * 0.5);
  return 0;
}

/**
 * What every posting compiled in one run shares: today, the weights, the priority points, and
 * the birthday limits per (reference day, age) already worked out. buildPostingSet compiles
 * thousands of postings for one resident; building these once took compile from ~19 µs a posting.
 */
export interface CompileShared {
  readonly todayDay: number;
  readonly weights: Float64Array;
  readonly monitoringPriority: Float64Array;
  readonly yearsBefore: (day: number, years: number) => number;
}

export function compileShared(config: MatchingConfig, opts: CompileOptions = {}): CompileShared {
  const memo = new Map<number, number>();
  const p = config.priority;
  return {
    todayDay: dayNumber(opts.today ?? new Date()),
    weights: new Float64Array(COMPONENT_NAMES.map((c) => config.weights[c])),
    monitoringPriority: new Float64Array([0, p.unstable, p.marginal, p.hardship]),
    yearsBefore: (day, years) => {
      const key = day * 1000 + years;
      let v = memo.get(key);
      if (v === undefined) {
        v = yearsBefore(day, years);
        memo.set(key, v);
      }
      return v;
    },
  };
}

export function compilePosting(
  posting: PostingProfile,
  cs: CandidateSet,
  config: MatchingConfig,
  opts: CompileOptions = {},
  shared: CompileShared = compileShared(config, opts),
): CompiledPosting {
  const todayDay = shared.todayDay;
  const referenceDay = posting.startDate != null ? dayNumber(posting.startDate) : todayDay;

  // Lawful age on the start date: at least the statutory minimum, within the posting's range, and for
  // public-welfare posts at most the configured limit (POLICY.md: 60).
  const ageMin = Math.max(config.age.lawfulMinimum, posting.ageMin ?? 0);
  let ageMax = posting.ageMax ?? Infinity;
  if (posting.publicWelfare) ageMax = Math.min(ageMax, config.age.publicWelfareMaxAge);
  const latestBirthDay = shared.yearsBefore(referenceDay, ageMin);
  // Age ≤ ageMax ⇔ the (ageMax + 1)th birthday is after the reference day.
  const earliestBirthDay = Number.isFinite(ageMax)
    ? shared.yearsBefore(referenceDay, ageMax + 1) + 1
    : -0x80000000;

  const sites = cs.siteIds.length;
  const siteDist = new Float64Array(sites);
  const siteMinutes = new Float32Array(sites);
  const siteShiftOk = new Uint8Array(sites);
  const lookup = opts.travel;
  const siteTrips: SiteTrip[] | null = lookup ? new Array<SiteTrip>(sites) : null;
  const siteReachable = new Uint8Array(sites);
  const perKm = config.distance.minutesPerKm;
  for (let s = 0; s < sites; s++) {
    siteDist[s] = distanceKm(cs.siteLat[s], cs.siteLon[s], posting.latitude, posting.longitude);
    if (lookup && siteTrips) {
      const trip = lookup(cs.siteIds[s], posting);
      siteTrips[s] = trip;
      siteMinutes[s] = trip.minutes === null ? NaN : trip.minutes;
      siteShiftOk[s] = tripFitsShift(trip, posting.shiftStart, posting.shiftEnd) ? 1 : 0;
    } else {
      // The engine's own estimate has no timetable: nothing to miss.
      siteMinutes[s] = siteDist[s] * perKm;
      siteShiftOk[s] = 1;
    }
    const reach = Math.max(
      cs.siteMaxStatedMinutes[s],
      cs.siteUsesDefaultMinutes[s] ? config.distance.defaultMaxCommuteMinutes : 0,
    );
    // An unknown trip is not "too far" (nor near: it earns the unknown share in scoreBlock).
    const t = siteMinutes[s];
    const inReach = t !== t || (t <= reach && siteShiftOk[s] === 1);
    siteReachable[s] = inReach || (posting.accommodation && cs.siteHasWillingAway[s]) ? 1 : 0;
  }

  const certs = posting.requiredCertificates;
  const certOff = certs.length === 0 ? NO_OFFSETS : new Int32Array(certs.length);
  for (let j = 0; j < certs.length; j++) {
    const c = cs.certIndex.get(certs[j]);
    certOff[j] = c === undefined ? -1 : c * cs.n;
  }

  const req = skillOffsets(posting.requiredSkills, cs, config.skills.partialLevelCredit);
  const pref = skillOffsets(posting.preferredSkills, cs, config.skills.partialLevelCredit);

  const hasRequired = posting.requiredSkills.length > 0;
  const hasPreferred = posting.preferredSkills.length > 0;
  const w = shared.weights;
  let applies = 0;
  let applied = 0;
  for (let i = 0; i < COMPONENT_NAMES.length; i++) {
    const name = COMPONENT_NAMES[i];
    const on =
      name === 'skills' || name === 'training'
        ? hasRequired
        : name === 'preferredSkills'
          ? hasPreferred
          : true;
    if (on) {
      applies |= 1 << i;
      applied += w[i];
    }
  }

  const wageMinMonthly = monthlyWage(posting.wage.min, posting.wage.unit, config.wage);
  const wageMaxMonthly = monthlyWage(posting.wage.max, posting.wage.unit, config.wage);
  const floor = config.wage.localMinimumMonthly;
  const unknownShare = config.unknown.share;
  const industryShares = config.industry.preferenceShare + config.industry.experienceShare;

  const p = config.priority;
  return {
    posting,
    candidates: cs,
    requiredFlags: FLAG_SEEKING | (opts.onlyConsenting ? FLAG_CONSENT : 0),
    latestBirthDay,
    earliestBirthDay,
    scheduleBit: SCHEDULE_BIT[posting.schedule],
    siteDist,
    siteMinutes,
    siteShiftOk,
    siteTrips,
    siteReachable,
    defaultMaxCommuteMinutes: config.distance.defaultMaxCommuteMinutes,
    fullCreditMinutes: config.distance.fullCreditMinutes,
    shuttleBonus: posting.shuttle ? config.distance.shuttleBonus : 0,
    awayCredit: config.distance.awayWithAccommodationCredit,
    accommodation: posting.accommodation,
    referenceDay,
    todayDay,
    certOff,
    reqOff: req.off,
    reqMin: req.min,
    reqPartial: req.partial,
    prefOff: pref.off,
    prefMin: pref.min,
    prefPartial: pref.partial,
    wageMinMonthly,
    wageMaxMonthly,
    pieceRate: posting.wage.unit === 'piece',
    wageUnstated: unknownShare * wageFit(wageMinMonthly, wageMaxMonthly, floor),
    wageBelowFloor: belowLocalMinimum(posting.wage.min, posting.wage.unit, config.wage),
    wageFloorMonthly: floor,
    unknownShare,
    distanceApproximate: posting.locationApproximate === true,
    industryBit: INDUSTRY_BIT[posting.industry],
    industryPrefShare: config.industry.preferenceShare,
    industryExpShare: config.industry.experienceShare,
    industryNorm: industryShares > 0 ? 1 / industryShares : 0,
    trainingSinceDay: todayDay - config.training.recentDays,
    weights: shared.weights,
    weightScale: applied > 0 ? 100 / applied : 0,
    appliesMask: applies,
    monitoringPriority: shared.monitoringPriority,
    zeroEmploymentPriority: p.zeroEmployment,
    maxPriority: p.max,
    blend: config.ranking.order === 'blend' ? config.ranking.blendPointsPerPriority : 0,
  };
}
