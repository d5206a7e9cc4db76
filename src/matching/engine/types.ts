/**
 * Input, configuration and output types of the matching engine.
 *
 * Fairness by construction: no type here has a field for ethnicity, gender, health or religion
 * (nor name, national ID or phone). What the engine cannot see it cannot use; a type-level test
 * (`types.spec.ts`) fails if such a field is ever added.
 */

import type {
  EmploymentStatus,
  Industry,
  LaborCapacity,
  MonitoringStatus,
  Schedule,
  WageUnit,
} from '../../kernel/domain-enums';

/** The engine's public vocabulary, declared once for the whole app (plain TypeScript, no imports). */
export {
  INDUSTRIES,
  MONITORING_STATUSES,
  SCHEDULES,
  type EmploymentStatus,
  type Industry,
  type LaborCapacity,
  type MonitoringStatus,
  type Schedule,
  type WageUnit,
} from '../../kernel/domain-enums';

/** A calendar date: 'YYYY-MM-DD' (or a full ISO timestamp, of which the UTC date is used) or a Date. */
export type DateInput = string | Date;

export interface RequiredSkill {
  code: string;
  /** 1 (beginner) … 4 (certified master). */
  minLevel: number;
}

/** What the engine knows about a posting. Built by the loader from the posting row. */
export interface PostingProfile {
  id: string;
  version: number;
  industry: Industry;
  requiredSkills: RequiredSkill[];
  preferredSkills: RequiredSkill[];
  /** Certificate type codes (e.g. `driving.c1`, `health`) that must be held and valid on the start date. */
  requiredCertificates: string[];
  wage: { min: number; max: number; unit: WageUnit };
  schedule: Schedule;
  latitude: number;
  longitude: number;
  /**
   * The coordinates are a stand-in (the township centre or the employer's address) because the
   * employer gave none: distance is then unknown — a neutral share, never full credit — and the
   * reason says 「约 X 公里」. Missing = false.
   */
  locationApproximate?: boolean;
  accommodation: boolean;
  shuttle: boolean;
  publicWelfare: boolean;
  ageMin?: number | null;
  ageMax?: number | null;
  /** The day work starts; null = today (the `today` option of the call). */
  startDate?: DateInput | null;
  /**
   * The shift's start and end, minutes after midnight (pilot time); null = not stated. A resident
   * whose trip cannot arrive before the start (first departure + minutes) or get home after the
   * end (end + minutes after the last return) is excluded (hard filter `shift`).
   */
  shiftStart?: number | null;
  shiftEnd?: number | null;
}

/** Where a travel time comes from: an officer's record, an estimate, or nothing known. */
export type TravelSource = 'measured' | 'estimate' | 'unknown';
export const TRAVEL_SOURCES: readonly TravelSource[] = ['unknown', 'estimate', 'measured'];

/**
 * The trip from one site to one posting's workplace, as the loader's commute planner found it
 * (src/commute). The engine only reads numbers from it; the words are for the reasons.
 */
export interface SiteTrip {
  /** Door to door, one way; null = unknown (no coordinates and nothing recorded). */
  minutes: number | null;
  source: TravelSource;
  /** bus, shuttle, walk, ebike, car (null when unknown). */
  mode: string | null;
  /** Minutes after midnight of the first trip from the site / the last trip back; null = no timetable. */
  firstDeparture: number | null;
  lastReturn: number | null;
  /** The Chinese words people read (src/commute tripText: 「公交约 70 分钟」); null = the engine's own. */
  text: string | null;
}

/**
 * The trip from a site to a posting's workplace (compile calls it once per site of the candidate
 * set). Without one, the engine estimates from the straight line (km × distance.minutesPerKm).
 */
export type TravelLookup = (siteId: string, posting: PostingProfile) => SiteTrip;

/** One resident as the loader hands it over (plain object, nothing personal beyond what matching needs). */
export interface ResidentInput {
  id: string;
  siteId: string;
  /** Null when unknown: lawful age cannot be verified, so the resident is excluded (see hard filters). */
  birthDate: DateInput | null;
  employmentStatus: EmploymentStatus;
  laborCapacity: LaborCapacity;
  skills: { code: string; level: number }[];
  certificates: { type: string; expiresAt?: DateInput | null }[];
  preferences: {
    industries: Industry[];
    /** Lowest acceptable wage; null = not stated (earns no wage points). */
    wageMin?: number | null;
    /** Unit of wageMin; default month. A piece-rate minimum cannot be compared and earns no wage points. */
    wageUnit?: WageUnit;
    /** Empty = no restriction for the hard filter, but no schedule points (missing data is never a match). */
    schedules: Schedule[];
    /** The longest trip the resident accepts, one way; null = the configured default (distance.defaultMaxCommuteMinutes). */
    maxCommuteMinutes?: number | null;
    /** Older clients' limit in km: used only when no minutes are stated, converted by distance.minutesPerKm. */
    maxCommuteKm?: number | null;
    willingToWorkAway: boolean;
  };
  /** Industries the resident has worked in (placements, declared history). */
  experienceIndustries: Industry[];
  /** Completion date of the resident's most recent training course, if any. */
  lastTrainingCompletedAt?: DateInput | null;
  consentToShare: boolean;
  household: { zeroEmployment: boolean; monitoringStatus: MonitoringStatus };
}

/** A resettlement site: residents of a site share one distance to a workplace. */
export interface SiteInput {
  id: string;
  latitude: number;
  longitude: number;
}

export interface SkillName {
  zh: string;
  en: string;
}

/** The engine's configuration; parsed and validated from config/matching.yaml by matching-config.ts. */
export interface MatchingConfig {
  /** Points of each component; they sum to 100 (the parser normalises them). */
  weights: {
    skills: number;
    preferredSkills: number;
    distance: number;
    wage: number;
    schedule: number;
    industry: number;
    training: number;
  };
  skills: {
    /** Credit for a skill held below the required level = partialLevelCredit × level / minLevel. */
    partialLevelCredit: number;
  };
  distance: {
    /** A resident who stated no limit (config/commute.yaml defaultMaxCommuteMinutes). */
    defaultMaxCommuteMinutes: number;
    /** Up to this trip the distance component is 1; it falls linearly to 0 at the resident's limit. */
    fullCreditMinutes: number;
    /**
     * A limit stated in km becomes km × minutesPerKm minutes (config/commute.yaml); the engine's own
     * estimate without a travel lookup (tests, tools) uses the same rule on the straight line.
     */
    minutesPerKm: number;
    /** Added to the distance component (capped at 1) when a shuttle runs from the site. */
    shuttleBonus: number;
    /** Distance component for a resident beyond their limit who may still take the post (accommodation + willing to work away). */
    awayWithAccommodationCredit: number;
  };
  age: {
    lawfulMinimum: number;
    publicWelfareMaxAge: number;
  };
  wage: {
    workDaysPerMonth: number;
    hoursPerDay: number;
    /**
     * The local legal minimum wage, monthly (config: Hubei's class for Lichuan). A posting whose lowest
     * monthly equivalent is below it carries a warning for officers; a resident who stated no
     * minimum is compared with it. 0 = no reference.
     */
    localMinimumMonthly: number;
  };
  /**
   * What the resident did not state (wage wish, schedules, industries) or the engine cannot know
   * (an approximate workplace, a piece rate) earns this share of its component: as likely to fit
   * as not. Below 1, so an unknown never beats a known match.
   */
  unknown: { share: number };
  training: { recentDays: number };
  industry: { preferenceShare: number; experienceShare: number };
  priority: {
    zeroEmployment: number;
    unstable: number;
    marginal: number;
    hardship: number;
    max: number;
  };
  ranking: {
    /**
     * `score_then_priority`: by score (rounded to 0.1) desc, then priority desc, then id.
     * `blend`: by score + blendPointsPerPriority × priority desc, then score, then id. The stored
     * score is the fit score in both modes; priority never changes it.
     */
    order: 'score_then_priority' | 'blend';
    blendPointsPerPriority: number;
  };
  thresholds: {
    minScore: number;
    strongMatch: number;
    /** The longest list kept per posting. */
    topNPerPosting: number;
    /** The shortest; between the two, candidatesPerOpening per place still open (postingListSize). */
    minTopNPerPosting: number;
    candidatesPerOpening: number;
    topNPerResident: number;
  };
}

export type ComponentName = keyof MatchingConfig['weights'];

export const COMPONENT_NAMES: readonly ComponentName[] = [
  'skills',
  'preferredSkills',
  'distance',
  'wage',
  'schedule',
  'industry',
  'training',
];

export interface ComponentScore {
  /** 0–1: how well this aspect fits (0 for a component that does not apply). */
  value: number;
  /**
   * The points this aspect adds to the score: value × weight, rescaled so the weights of the
   * components that apply sum to 100. A component that does not apply (a posting without required
   * or preferred skills) has 0 points and 0 weight.
   */
  points: number;
}

/** The distance component says what it was computed from: the trip's minutes and their source. */
export interface DistanceComponentScore extends ComponentScore {
  minutes: number | null;
  source: TravelSource;
}

export type Components = Record<ComponentName, ComponentScore> & { distance: DistanceComponentScore };

export interface MatchReason {
  zh: string;
  en: string;
}

/** Who reads a reason: each reader gets only what they need (an employer never a household's situation). */
export type ReasonReader = 'resident' | 'officer' | 'employer';
export const REASON_READERS: readonly ReasonReader[] = ['resident', 'officer', 'employer'];

/** A required or preferred skill of the posting with the level the resident holds (0 = not held). */
export interface SkillFact {
  code: string;
  minLevel: number;
  level: number;
}

/** What the engine did not know for a pair (the officer's reason names it, so they know what to ask). */
export type UnknownFact = 'wage' | 'schedule' | 'industry' | 'distance';

/** Everything a reason is written from: the engine's facts, rendered per reader by reason.ts. */
export interface ReasonFacts {
  required: SkillFact[];
  preferred: SkillFact[];
  distanceKm: number;
  /** The workplace coordinates are a stand-in: the distance is about, not exact. */
  distanceApproximate: boolean;
  /** The trip from the resident's site, one way (null = unknown), where it comes from, and how. */
  travelMinutes: number | null;
  travelSource: TravelSource;
  travelMode: string | null;
  /** The trip in Chinese words from the commute planner (null: the engine's own words). */
  travelText: string | null;
  /** Minutes after midnight of the last trip back (null = no timetable): 「末班 18:00」. */
  travelLastReturn: number | null;
  withinCommute: boolean;
  shuttle: boolean;
  accommodation: boolean;
  /** The posting's wage against the resident's stated minimum (`unknown`: none stated; `piece`: piece rate). */
  wage: 'meets' | 'range' | 'below' | 'unknown' | 'piece';
  /** The posting's lowest monthly equivalent is below the local legal minimum (a warning for officers). */
  wageBelowFloor: boolean;
  /** The local reference used for wageBelowFloor (monthly yuan; 0 = none). */
  wageFloorMonthly: number;
  /** The resident's stated schedules include the posting's (false: none stated). */
  scheduleFits: boolean;
  schedule: Schedule;
  wantsIndustry: boolean;
  workedInIndustry: boolean;
  recentTraining: boolean;
  unknown: UnknownFact[];
  zeroEmploymentPriority: boolean;
  monitoringPriority: MonitoringStatus;
}

export interface RankedMatch {
  postingId: string;
  postingVersion: number;
  residentId: string;
  /** Fit score 0–100, one decimal. Priority never changes it. */
  score: number;
  /** 0–100: zero-employment / monitored household priority (configurable). */
  priority: number;
  /** 1-based position in this ranking. */
  rank: number;
  components: Components;
  requiredSkillsMet: string[];
  requiredSkillsMissing: string[];
  distanceKm: number;
  /** The trip from the resident's site (null = unknown) and its source: components.distance too. */
  travelMinutes: number | null;
  travelSource: TravelSource;
  /** The facts the reasons are written from (the officer's view; never shown to an employer as such). */
  facts: ReasonFacts;
  /** The reason per reader and language: only the employer's is free of household situation. */
  reasons: Readonly<Record<ReasonReader, MatchReason>>;
  engineVersion: string;
}

export type HardFilter =
  | 'not_seeking'
  | 'no_labor_capacity'
  | 'age'
  | 'schedule'
  | 'commute'
  | 'certificate'
  | 'no_consent'
  /** The trip cannot reach the shift's start (first departure) or get home after its end (last return). */
  | 'shift';
