import { parse as parseYaml } from 'yaml';
import { ConfigError, type AppConfig } from '../platform/config/app-config';
import { TRAVEL_MODES, type TravelMode } from './travel-trip';

const FILE = 'commute.yaml';

export interface CommuteConfig {
  /** Road length ÷ straight-line length. */
  detourFactor: number;
  /** Door-to-door km/h per mode (waits included for bus). */
  speedKmh: Record<TravelMode, number>;
  /** The mode an estimate assumes where nothing is recorded. */
  defaultEstimateMode: TravelMode;
  /** A recorded named place counts for a workplace within this many km of it. */
  matchRadiusKm: number;
  /** For residents who stated no limit at all. */
  defaultMaxCommuteMinutes: number;
  /** A resident's maxCommuteKm becomes round(km × minutesPerKm) minutes. */
  minutesPerKm: number;
}

function fail(key: string, reason: string): never {
  throw new ConfigError(`config/${FILE}: ${key}`, reason);
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function num(raw: Record<string, unknown>, key: string, min: number, max: number, at = key): number {
  const v = raw[key];
  if (typeof v !== 'number' || !Number.isFinite(v)) fail(at, 'must be a number');
  if (v < min || v > max) fail(at, `must be between ${min} and ${max}, got ${v}`);
  return v;
}

const KEYS = [
  'detourFactor',
  'speedKmh',
  'defaultEstimateMode',
  'matchRadiusKm',
  'defaultMaxCommuteMinutes',
  'minutesPerKm',
];

/** Validates config/commute.yaml; a bad key stops the start with its name. */
export function parseCommuteConfig(doc: unknown): CommuteConfig {
  if (!isRecord(doc)) fail('(root)', 'must be a mapping');
  for (const k of Object.keys(doc)) if (!KEYS.includes(k)) fail(k, 'is not a known key');
  const speeds = doc.speedKmh;
  if (!isRecord(speeds)) fail('speedKmh', 'must be a mapping of mode → km/h');
  for (const k of Object.keys(speeds)) {
    if (!(TRAVEL_MODES as readonly string[]).includes(k)) fail(`speedKmh.${k}`, 'is not a travel mode');
  }
  const speedKmh = {} as Record<TravelMode, number>;
  for (const m of TRAVEL_MODES) speedKmh[m] = num(speeds, m, 1, 150, `speedKmh.${m}`);
  const mode = doc.defaultEstimateMode;
  if (typeof mode !== 'string' || !(TRAVEL_MODES as readonly string[]).includes(mode)) {
    fail('defaultEstimateMode', `must be one of ${TRAVEL_MODES.join(', ')}`);
  }
  return {
    detourFactor: num(doc, 'detourFactor', 1, 5),
    speedKmh,
    defaultEstimateMode: mode as TravelMode,
    matchRadiusKm: num(doc, 'matchRadiusKm', 0, 50),
    defaultMaxCommuteMinutes: Math.round(num(doc, 'defaultMaxCommuteMinutes', 5, 600)),
    minutesPerKm: num(doc, 'minutesPerKm', 0.5, 20),
  };
}

export function parseCommuteConfigYaml(text: string): CommuteConfig {
  let doc: unknown;
  try {
    doc = parseYaml(text);
  } catch (e) {
    fail('(file)', `is not valid YAML: ${(e as Error).message}`);
  }
  return parseCommuteConfig(doc);
}

export function loadCommuteConfig(config: AppConfig): CommuteConfig {
  return parseCommuteConfig(config.readYaml<unknown>(FILE));
}

/** A resident's stated limit in minutes: minutes if given, else their km converted, else the default. */
export function commuteLimitMinutes(
  cfg: CommuteConfig,
  prefs: { maxCommuteMinutes?: number | null; maxCommuteKm?: number | null },
): number {
  if (prefs.maxCommuteMinutes != null && prefs.maxCommuteMinutes >= 0) return prefs.maxCommuteMinutes;
  if (prefs.maxCommuteKm != null && prefs.maxCommuteKm >= 0) return kmToMinutes(cfg, prefs.maxCommuteKm);
  return cfg.defaultMaxCommuteMinutes;
}

export function kmToMinutes(cfg: CommuteConfig, km: number): number {
  return Math.round(km * cfg.minutesPerKm);
}
