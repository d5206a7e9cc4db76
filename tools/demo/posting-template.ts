import type { Industry, Schedule, WageUnit } from '../../src/kernel/domain-enums';

/*
 * The shape of one vacancy template (the lists are posting-templates-*.ts, joined in
 * posting-templates.ts).
 */

export interface PostingTemplate {
  title: string;
  description: string;
  industry: Industry;
  /** [code, minLevel, required] */
  skills: [string, number, boolean][];
  certificates?: string[];
  unit: WageUnit;
  /** Range the minimum wage is drawn from; the maximum adds 10–40 %. */
  wage: [number, number];
  schedules: Schedule[];
  /** Probability of accommodation, when it is not already 20 % for the industry. */
  accommodation?: number;
  publicWelfare?: boolean;
  age?: [number, number];
}

export const HEALTH_CERTIFICATE = 'health_certificate';
