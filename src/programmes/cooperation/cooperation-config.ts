import { AppConfig } from '../../platform/config/app-config';
import {
  failProgrammes,
  isRecord,
  loadProgrammeSection,
  programmeRulesFor,
  type ProgrammeRules,
} from '../programmes-config';

/*
 * The `cooperation:` section of config/programmes.yaml (east–west labour cooperation, issue 17 §3):
 * when the retention checks fall due, which check is the "months of work" evidence of the transport
 * subsidy, and the partner cities a site sends people to. Sources: README policy table, row
 * "cooperation".
 */

export interface PartnerCity {
  /** As placements record it (placement.partner_city) and the subsidies feature reads it: 杭州. */
  name: string;
  province: string;
  /** The prefecture on this side of the pairing (恩施), and since when (2016). */
  pairedWith: string;
  pairedSince: number;
}

export interface CooperationRules {
  /** Months after arrival; 0 is the arrival check itself. Strictly increasing, 0..24. */
  retentionCheckMonths: number[];
  /** The check whose "still at work" is the months-of-work evidence (transport subsidy). */
  subsidyCheckMonth: number;
  /** A check made up to this many days before its due date counts for it. */
  checkEarlyDays: number;
  partnerCities: PartnerCity[];
}

const KEYS = ['retentionCheckMonths', 'subsidyCheckMonth', 'checkEarlyDays', 'partnerCities'];

function parseCities(raw: unknown, at: string): PartnerCity[] {
  if (!Array.isArray(raw) || raw.length === 0) failProgrammes(at, 'must be a non-empty list');
  return raw.map((c, i) => {
    const here = `${at}[${i}]`;
    if (!isRecord(c)) failProgrammes(here, 'must be a mapping');
    for (const k of Object.keys(c))
      if (!['name', 'province', 'pairedWith', 'pairedSince'].includes(k))
        failProgrammes(`${here}.${k}`, 'is not a known key');
    for (const k of ['name', 'province', 'pairedWith'] as const) {
      const v = c[k];
      if (typeof v !== 'string' || !v.trim() || v.length > 50)
        failProgrammes(`${here}.${k}`, 'must be a non-empty string of at most 50 characters');
    }
    const since = c.pairedSince;
    if (typeof since !== 'number' || !Number.isInteger(since) || since < 1996 || since > 2100)
      failProgrammes(`${here}.pairedSince`, 'must be a year (east–west cooperation began in 1996)');
    return {
      name: (c.name as string).trim(),
      province: (c.province as string).trim(),
      pairedWith: (c.pairedWith as string).trim(),
      pairedSince: since,
    };
  });
}

export function parseCooperationSection(
  raw: unknown,
  at: string,
  base: CooperationRules | null,
): CooperationRules {
  const r = raw ?? {};
  if (!isRecord(r)) failProgrammes(at, 'must be a mapping');
  for (const k of Object.keys(r)) if (!KEYS.includes(k)) failProgrammes(`${at}.${k}`, 'is not a known key');
  const need = (k: string) => {
    if (r[k] === undefined && !base) failProgrammes(`${at}.${k}`, 'is required');
    return r[k] !== undefined;
  };
  const out: CooperationRules = base
    ? { ...base }
    : { retentionCheckMonths: [], subsidyCheckMonth: 0, checkEarlyDays: 0, partnerCities: [] };
  if (need('retentionCheckMonths')) {
    const m = r.retentionCheckMonths;
    if (
      !Array.isArray(m) ||
      m.length === 0 ||
      m.some(
        (x, i) =>
          typeof x !== 'number' || !Number.isInteger(x) || x < 0 || x > 24 || (i > 0 && x <= m[i - 1]),
      )
    )
      failProgrammes(
        `${at}.retentionCheckMonths`,
        'must be a non-empty increasing list of whole months 0..24',
      );
    out.retentionCheckMonths = m as number[];
  }
  if (need('subsidyCheckMonth')) {
    const v = r.subsidyCheckMonth;
    if (typeof v !== 'number' || !Number.isInteger(v))
      failProgrammes(`${at}.subsidyCheckMonth`, 'must be a whole number of months');
    out.subsidyCheckMonth = v;
  }
  if (need('checkEarlyDays')) {
    const v = r.checkEarlyDays;
    if (typeof v !== 'number' || !Number.isInteger(v) || v < 0 || v > 60)
      failProgrammes(`${at}.checkEarlyDays`, 'must be a whole number of days 0..60');
    out.checkEarlyDays = v;
  }
  if (need('partnerCities')) out.partnerCities = parseCities(r.partnerCities, `${at}.partnerCities`);
  if (!out.retentionCheckMonths.includes(out.subsidyCheckMonth))
    failProgrammes(`${at}.subsidyCheckMonth`, 'must be one of retentionCheckMonths');
  return out;
}

export type CooperationConfig = ProgrammeRules<CooperationRules>;

export function loadCooperationConfig(app: AppConfig): CooperationConfig {
  return loadProgrammeSection(app, 'cooperation', parseCooperationSection);
}

/** The rules of a site (its township code): the longest configured prefix, else the default. */
export function cooperationRulesFor(config: CooperationConfig, siteRegionCode: string): CooperationRules {
  return programmeRulesFor(config, siteRegionCode);
}

/**
 * A calendar day `months` months later, as PostgreSQL's `date + interval 'n months'` counts it
 * (the placements' follow-ups do): the same day of the month, or the month's last day when it has
 * fewer days (31 January + 1 month = 28 or 29 February). Plain YYYY-MM-DD: the pilot's calendar.
 */
export function addMonths(day: string, months: number): string {
  const [y, m, d] = day.split('-').map(Number);
  const index = y * 12 + (m - 1) + months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const dd = Math.min(d, last);
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(dd).padStart(2, '0')}`;
}
