import type { IndicatorField } from '../reports/indicator-definitions';
import { OFFICER_COMMON_EN, OFFICER_COMMON_ZH } from './officer/officer-common';

/**
 * The indicators by name, in zh and en, as the site-indicators export (安置点就业指标) lists them
 * for reporting upward. Where the dashboard shows the same figure under the same name, the word is
 * the dashboard's (officer-common.ts); a count the dashboard labels shorter keeps its unit here
 * (「零就业家庭户数」 beside a number in a sheet, 「零就业家庭」 on a tile).
 */
export const INDICATOR_NAMES_ZH: Readonly<Record<IndicatorField, string>> = {
  households: OFFICER_COMMON_ZH['officer.fig.households'],
  laborForce: '劳动力人数',
  employed: OFFICER_COMMON_ZH['officer.fig.employedPeople'],
  employmentRate: OFFICER_COMMON_ZH['officer.fig.employmentRate'],
  zeroEmploymentHouseholds: '零就业家庭户数',
  householdsWithWorker: '有就业人员的户数',
  monitoredHouseholds: '防返贫监测户数',
  activePlacements: '在岗就业记录数',
  retention3m: '3 个月稳岗率',
  retention6m: '6 个月稳岗率',
  openPostingsInReach: '附近在招岗位数',
  trainingCompletions: '近 12 个月培训结业人次',
};

export const INDICATOR_NAMES_EN: Readonly<Record<IndicatorField, string>> = {
  households: OFFICER_COMMON_EN['officer.fig.households'],
  laborForce: 'Labour force',
  employed: OFFICER_COMMON_EN['officer.fig.employedPeople'],
  employmentRate: OFFICER_COMMON_EN['officer.fig.employmentRate'],
  zeroEmploymentHouseholds: 'Zero-employment households',
  householdsWithWorker: 'Households with someone at work',
  monitoredHouseholds: 'Monitored households',
  activePlacements: 'Active placements',
  retention3m: '3-month retention',
  retention6m: '6-month retention',
  openPostingsInReach: 'Open postings nearby',
  trainingCompletions: 'Training completions (last 12 months)',
};
