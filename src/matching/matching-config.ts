import { parse as parseYaml } from 'yaml';
import { loadCommuteConfig, type CommuteConfig } from '../commute/commute-config';
import { ConfigError, type AppConfig } from '../platform/config/app-config';
import { COMPONENT_NAMES, type MatchingConfig } from './engine/types';

/** What the engine takes from config/commute.yaml (one source for the limit and the km rule). */
export type CommuteLimits = Pick<CommuteConfig, 'defaultMaxCommuteMinutes' | 'minutesPerKm'>;

/** Keys of `distance` that come from config/commute.yaml, not from matching.yaml. */
type FromCommute = 'defaultMaxCommuteMinutes' | 'minutesPerKm';

const FILE = 'matching.yaml';

type Rule = { min: number; max: number; integer?: boolean; positiveSum?: boolean };

/** Every key of config/matching.yaml with its allowed range; a key not listed here is a typo. */
const NUMBERS: Record<Exclude<keyof MatchingConfig, 'ranking'>, Record<string, Rule>> & {
  distance: Record<Exclude<keyof MatchingConfig['distance'], FromCommute>, Rule>;
} = {
  weights: Object.fromEntries(COMPONENT_NAMES.map((c) => [c, { min: 0, max: 1000 }])),
  skills: { partialLevelCredit: { min: 0, max: 1 } },
  distance: {
    fullCreditMinutes: { min: 0, max: 600 },
    shuttleBonus: { min: 0, max: 1 },
    awayWithAccommodationCredit: { min: 0, max: 1 },
  },
  age: {
    lawfulMinimum: { min: 16, max: 100, integer: true },
    publicWelfareMaxAge: { min: 16, max: 100, integer: true },
  },
  wage: {
    workDaysPerMonth: { min: 1, max: 31 },
    hoursPerDay: { min: 1, max: 24 },
    localMinimumMonthly: { min: 0, max: 100_000 },
  },
  // Never 1: an unknown must not earn what a stated, met preference earns.
  unknown: { share: { min: 0, max: 0.9 } },
  training: { recentDays: { min: 0, max: 3650, integer: true } },
  industry: { preferenceShare: { min: 0, max: 1 }, experienceShare: { min: 0, max: 1 } },
  priority: {
    zeroEmployment: { min: 0, max: 100 },
    unstable: { min: 0, max: 100 },
    marginal: { min: 0, max: 100 },
    hardship: { min: 0, max: 100 },
    max: { min: 0, max: 100 },
  },
  thresholds: {
    minScore: { min: 0, max: 100 },
    strongMatch: { min: 0, max: 100 },
    topNPerPosting: { min: 1, max: 100_000, integer: true },
    minTopNPerPosting: { min: 1, max: 100_000, integer: true },
    candidatesPerOpening: { min: 1, max: 1_000, integer: true },
    topNPerResident: { min: 1, max: 10_000, integer: true },
  },
};

function fail(key: string, reason: string): never {
  throw new ConfigError(`config/${FILE}: ${key}`, reason);
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/**
 * Validates the parsed YAML and returns the engine's config with weights normalised to sum to 100.
 * Throws a ConfigError naming the offending key (`config/matching.yaml: weights.skills must be …`).
 */
export function parseMatchingConfig(doc: unknown, commute: CommuteLimits): MatchingConfig {
  if (!isRecord(doc)) fail('(root)', 'must be a mapping');
  const allowed = new Set([...Object.keys(NUMBERS), 'ranking']);
  for (const k of Object.keys(doc)) if (!allowed.has(k)) fail(k, 'is not a known key');

  const out: Record<string, unknown> = {};
  for (const [section, rules] of Object.entries(NUMBERS)) {
    const raw = doc[section];
    if (!isRecord(raw)) fail(section, 'must be a mapping');
    for (const k of Object.keys(raw)) if (!(k in rules)) fail(`${section}.${k}`, 'is not a known key');
    const values: Record<string, number> = {};
    for (const [key, rule] of Object.entries(rules)) {
      const v = raw[key];
      const name = `${section}.${key}`;
      if (typeof v !== 'number' || !Number.isFinite(v)) fail(name, 'must be a number');
      if (v < rule.min || v > rule.max) fail(name, `must be between ${rule.min} and ${rule.max}, got ${v}`);
      if (rule.integer && !Number.isInteger(v)) fail(name, `must be an integer, got ${v}`);
      values[key] = v;
    }
    out[section] = values;
  }

  const weights = out.weights as Record<string, number>;
  const total = COMPONENT_NAMES.reduce((s, c) => s + weights[c], 0);
  if (total <= 0) fail('weights', 'must have at least one positive weight');
  for (const c of COMPONENT_NAMES) weights[c] = (weights[c] * 100) / total;

  const industry = out.industry as Record<string, number>;
  if (industry.preferenceShare + industry.experienceShare > 1 + 1e-9) {
    fail('industry', 'preferenceShare + experienceShare must be at most 1');
  }
  const thresholds = out.thresholds as Record<string, number>;
  if (thresholds.strongMatch < thresholds.minScore) {
    fail('thresholds.strongMatch', 'must be at least thresholds.minScore');
  }
  if (thresholds.minTopNPerPosting > thresholds.topNPerPosting) {
    fail('thresholds.minTopNPerPosting', 'must be at most thresholds.topNPerPosting');
  }
  const age = out.age as Record<string, number>;
  if (age.publicWelfareMaxAge < age.lawfulMinimum)
    fail('age.publicWelfareMaxAge', 'must be ≥ age.lawfulMinimum');

  const ranking = doc.ranking;
  if (!isRecord(ranking)) fail('ranking', 'must be a mapping');
  for (const k of Object.keys(ranking)) {
    if (k !== 'order' && k !== 'blendPointsPerPriority') fail(`ranking.${k}`, 'is not a known key');
  }
  if (ranking.order !== 'score_then_priority' && ranking.order !== 'blend') {
    fail('ranking.order', `must be score_then_priority or blend, got ${JSON.stringify(ranking.order)}`);
  }
  const blend = ranking.blendPointsPerPriority;
  if (typeof blend !== 'number' || !Number.isFinite(blend) || blend < 0 || blend > 1) {
    fail('ranking.blendPointsPerPriority', 'must be a number between 0 and 1');
  }
  out.ranking = { order: ranking.order, blendPointsPerPriority: blend };
  const distance = out.distance as Record<string, number>;
  distance.defaultMaxCommuteMinutes = commute.defaultMaxCommuteMinutes;
  distance.minutesPerKm = commute.minutesPerKm;
  if (distance.fullCreditMinutes > commute.defaultMaxCommuteMinutes)
    fail('distance.fullCreditMinutes', 'must be at most config/commute.yaml defaultMaxCommuteMinutes');
  return out as unknown as MatchingConfig;
}

/** Parses YAML text (tests, tools). */
export function parseMatchingConfigYaml(text: string, commute: CommuteLimits): MatchingConfig {
  let doc: unknown;
  try {
    doc = parseYaml(text);
  } catch (e) {
    fail('(file)', `is not valid YAML: ${(e as Error).message}`);
  }
  return parseMatchingConfig(doc, commute);
}

/** Reads and validates config/matching.yaml (and the commute limits of config/commute.yaml). */
export function loadMatchingConfig(config: AppConfig): MatchingConfig {
  return parseMatchingConfig(config.readYaml<unknown>(FILE), loadCommuteConfig(config));
}
