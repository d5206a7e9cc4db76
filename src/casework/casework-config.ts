import { parse as parseYaml } from 'yaml';
import { ConfigError, type AppConfig } from '../platform/config/app-config';

const FILE = 'casework.yaml';

export interface ServiceBundle {
  name: string;
  policyBriefing: number;
  guidance: number;
  referrals: number;
  trainingOffers: number;
}

export interface CaseworkRules {
  firstContactWorkingDays: number;
  clearWorkingDays: number;
  stableAfterDays: number;
  serviceBundle: ServiceBundle;
}

export interface CaseworkConfig {
  default: CaseworkRules;
  /** Region-code prefix → the rules there (defaults filled in). */
  jurisdictions: Record<string, CaseworkRules>;
}

const NUMBERS: Record<'firstContactWorkingDays' | 'clearWorkingDays' | 'stableAfterDays', [number, number]> =
  {
    firstContactWorkingDays: [1, 60],
    clearWorkingDays: [1, 250],
    stableAfterDays: [1, 730],
  };
const BUNDLE = ['policyBriefing', 'guidance', 'referrals', 'trainingOffers'] as const;

function fail(key: string, reason: string): never {
  throw new ConfigError(`config/${FILE}: ${key}`, reason);
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function rules(raw: unknown, at: string, base: CaseworkRules | null): CaseworkRules {
  if (!isRecord(raw)) fail(at, 'must be a mapping');
  const allowed = new Set([...Object.keys(NUMBERS), 'serviceBundle']);
  for (const k of Object.keys(raw)) if (!allowed.has(k)) fail(`${at}.${k}`, 'is not a known key');
  const out = { ...(base ?? {}) } as CaseworkRules;
  for (const [key, [min, max]] of Object.entries(NUMBERS) as [keyof typeof NUMBERS, [number, number]][]) {
    const v = raw[key];
    if (v === undefined && base) continue;
    if (typeof v !== 'number' || !Number.isInteger(v)) fail(`${at}.${key}`, 'must be an integer');
    if (v < min || v > max) fail(`${at}.${key}`, `must be between ${min} and ${max}, got ${v}`);
    out[key] = v;
  }
  const b = raw.serviceBundle;
  if (b === undefined && base) return out;
  if (!isRecord(b)) fail(`${at}.serviceBundle`, 'must be a mapping');
  for (const k of Object.keys(b)) {
    if (k !== 'name' && !(BUNDLE as readonly string[]).includes(k))
      fail(`${at}.serviceBundle.${k}`, 'is not a known key');
  }
  if (typeof b.name !== 'string' || !b.name.trim())
    fail(`${at}.serviceBundle.name`, 'must be a non-empty string');
  const bundle = { name: b.name } as ServiceBundle;
  for (const k of BUNDLE) {
    const v = b[k];
    if (typeof v !== 'number' || !Number.isInteger(v) || v < 0 || v > 20) {
      fail(`${at}.serviceBundle.${k}`, 'must be an integer between 0 and 20');
    }
    bundle[k] = v;
  }
  out.serviceBundle = bundle;
  return out;
}

/** Validates config/casework.yaml; a bad key stops the start with its name. */
export function parseCaseworkConfig(doc: unknown): CaseworkConfig {
  if (!isRecord(doc)) fail('(root)', 'must be a mapping');
  for (const k of Object.keys(doc))
    if (k !== 'default' && k !== 'jurisdictions') fail(k, 'is not a known key');
  const def = rules(doc.default, 'default', null);
  const jurisdictions: Record<string, CaseworkRules> = {};
  const raw = doc.jurisdictions ?? {};
  if (!isRecord(raw)) fail('jurisdictions', 'must be a mapping');
  for (const [code, r] of Object.entries(raw)) {
    if (!/^\d{2,12}$/.test(code))
      fail(`jurisdictions.${code}`, 'must be a region-code prefix (2 to 12 digits)');
    jurisdictions[code] = rules(r, `jurisdictions.${code}`, def);
  }
  return { default: def, jurisdictions };
}

export function parseCaseworkConfigYaml(text: string): CaseworkConfig {
  let doc: unknown;
  try {
    doc = parseYaml(text);
  } catch (e) {
    fail('(file)', `is not valid YAML: ${(e as Error).message}`);
  }
  return parseCaseworkConfig(doc);
}

export function loadCaseworkConfig(config: AppConfig): CaseworkConfig {
  return parseCaseworkConfig(config.readYaml<unknown>(FILE));
}

/** The rules of a household's jurisdiction: the longest configured prefix of its origin region, else the site's. */
export function rulesFor(config: CaseworkConfig, ...regionCodes: string[]): CaseworkRules {
  let best: { len: number; r: CaseworkRules } | null = null;
  for (const code of regionCodes) {
    for (const [prefix, r] of Object.entries(config.jurisdictions)) {
      if (code.startsWith(prefix) && (!best || prefix.length > best.len)) best = { len: prefix.length, r };
    }
  }
  return best?.r ?? config.default;
}
