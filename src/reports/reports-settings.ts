import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { AppConfig } from '../platform/config/app-config';

export interface ReportsSettings {
  /** Open postings within this many km of a site count as "in reach" (config/reports.yaml). */
  postingReachKm: number;
}

export const DEFAULT_REPORTS_SETTINGS: ReportsSettings = { postingReachKm: 30 };

/** config/reports.yaml, optional; a bad value fails the boot rather than skewing every report. */
export function loadReportsSettings(config: AppConfig): ReportsSettings {
  if (!existsSync(join(config.configDir, 'reports.yaml'))) return DEFAULT_REPORTS_SETTINGS;
  const raw = config.readYaml<Partial<ReportsSettings> | null>('reports.yaml') ?? {};
  const km = raw.postingReachKm ?? DEFAULT_REPORTS_SETTINGS.postingReachKm;
  if (typeof km !== 'number' || !(km > 0 && km <= 1000)) {
    throw new Error('config/reports.yaml: postingReachKm must be a number of km between 0 and 1000');
  }
  return { postingReachKm: km };
}
