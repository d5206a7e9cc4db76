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
} from '../../common/domain-enums';

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
} from '../../common/domain-enums';

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
}

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
    /** Null = the configured default (distance.defaultMaxCommuteKm). */
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
    defaultMaxCommuteKm: number;
    /** Up to this distance the distance component is 1; it falls linearly to 0 at the resident's limit. */
    fullCreditKm: number;
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
  };
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
  /** 0–1: how well this aspect fits. */
  value: number;
  /** value × weight: the points this aspect adds to the score. */
  points: number;
}

export type Components = Record<ComponentName, ComponentScore>;

export interface MatchReason {
  zh: string;
  en: string;
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
  reason: MatchReason;
  engineVersion: string;
}

export type HardFilter =
  'not_seeking' | 'no_labor_capacity' | 'age' | 'schedule' | 'commute' | 'certificate' | 'no_consent';
