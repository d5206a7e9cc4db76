import { ConfigError, type AppConfig } from '../platform/config/app-config';

/*
 * config/programmes.yaml: one profile per jurisdiction (issue 17). Each programme (workshops,
 * subsidies, cooperation) owns one section of a profile and parses it with its own `parse`; this
 * file only knows the shape `default` + `jurisdictions.<region-code prefix>` and picks the
 * profile of a place (the longest configured prefix wins), as config/casework.yaml does.
 */

export const PROGRAMMES_FILE = 'programmes.yaml';
export const PROGRAMME_SECTIONS = ['workshops', 'subsidies', 'cooperation'] as const;
export type ProgrammeSection = (typeof PROGRAMME_SECTIONS)[number];

export function failProgrammes(key: string, reason: string): never {
  throw new ConfigError(`config/${PROGRAMMES_FILE}: ${key}`, reason);
}

export function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/**
 * Parses one section of every profile. `parse(raw, at, base)` gets the raw mapping (or undefined
 * when the profile leaves the section out), the key path for error messages, and the default
 * profile's parsed rules for a jurisdiction (null for the default itself); it returns full rules.
 */
export interface SectionParser<T> {
  (raw: unknown, at: string, base: T | null): T;
}

export interface ProgrammeRules<T> {
  default: T;
  /** Region-code prefix → the rules there (defaults filled in). */
  jurisdictions: Record<string, T>;
}

export function parseProgrammeSection<T>(
  doc: unknown,
  section: ProgrammeSection,
  parse: SectionParser<T>,
): ProgrammeRules<T> {
  if (!isRecord(doc)) failProgrammes('(root)', 'must be a mapping');
  for (const k of Object.keys(doc))
    if (k !== 'default' && k !== 'jurisdictions') failProgrammes(k, 'is not a known key');
  const profile = (raw: unknown, at: string): Record<string, unknown> => {
    if (raw === undefined || raw === null) return {};
    if (!isRecord(raw)) failProgrammes(at, 'must be a mapping');
    for (const k of Object.keys(raw)) {
      if (!(PROGRAMME_SECTIONS as readonly string[]).includes(k))
        failProgrammes(`${at}.${k}`, 'is not a known section');
    }
    return raw;
  };
  const def = parse(profile(doc.default, 'default')[section], `default.${section}`, null);
  const jurisdictions: Record<string, T> = {};
  const raw = doc.jurisdictions ?? {};
  if (!isRecord(raw)) failProgrammes('jurisdictions', 'must be a mapping');
  for (const [code, p] of Object.entries(raw)) {
    if (!/^\d{2,12}$/.test(code))
      failProgrammes(`jurisdictions.${code}`, 'must be a region-code prefix (2 to 12 digits)');
    const sec = profile(p, `jurisdictions.${code}`)[section];
    jurisdictions[code] = sec === undefined ? def : parse(sec, `jurisdictions.${code}.${section}`, def);
  }
  return { default: def, jurisdictions };
}

export function loadProgrammeSection<T>(
  config: AppConfig,
  section: ProgrammeSection,
  parse: SectionParser<T>,
): ProgrammeRules<T> {
  return parseProgrammeSection(config.readYaml<unknown>(PROGRAMMES_FILE), section, parse);
}

/** The rules of a place: the longest configured prefix of any of the codes, else the default. */
export function programmeRulesFor<T>(rules: ProgrammeRules<T>, ...regionCodes: string[]): T {
  let best: { len: number; r: T } | null = null;
  for (const code of regionCodes) {
    for (const [prefix, r] of Object.entries(rules.jurisdictions)) {
      if (code.startsWith(prefix) && (!best || prefix.length > best.len)) best = { len: prefix.length, r };
    }
  }
  return best?.r ?? rules.default;
}
