import type { MonitoringStatus, Schedule } from '../kernel/domain-enums';
import type { ReasonFacts, UnknownFact } from '../matching/engine/types';
import { OFFICER_RESIDENTS_ZH } from './officer/officer-residents';
import { JOB_WORDS_ZH } from './web/job-words';

/**
 * The words the matching engine puts into its reasons (src/matching/engine/reason.ts), in zh and
 * en: skill levels, schedules, monitoring statuses, what a resident left unstated, a trip's way.
 * Where a page already names the thing the same way, the word is taken from that page's
 * catalogue, so the resident reads 「会一点」 on the profile form and in the reason, and the officer
 * reads one name for a monitoring status. The reasons are stored with the engine version: a change
 * of any word here changes stored text (golden.spec.ts fails; bump ENGINE_VERSION and rewrite it).
 */
export interface MatchReasonWords {
  /** Skill levels 0…4, as the resident's profile form names them (web skillLevel.*; 0 is not on the form). */
  readonly level: readonly string[];
  /** What the resident is available for (「愿意做…」). */
  readonly schedule: Readonly<Record<Schedule, string>>;
  /** The household's monitoring status, in the officer's priority note. */
  readonly monitoring: Readonly<Record<Exclude<MonitoringStatus, 'none'>, string>>;
  /** What the resident did not state (「未填…」, the officer's reason). */
  readonly unknown: Readonly<Record<UnknownFact, string>>;
  /** A trip's way, before 「约 … 分钟」, by the planner's travel mode. */
  readonly mode: Readonly<Record<string, string>>;
  /** How the pay compares with the resident's wish, to the resident ('' says nothing). */
  readonly residentWage: Readonly<Record<ReasonFacts['wage'], string>>;
  /** The same, to the officer: every case named, a piece rate as not comparable. */
  readonly officerWage: Readonly<Record<ReasonFacts['wage'], string>>;
  /** The officer's 「未填…」: the lead before the unstated facts and what joins them. */
  readonly unstated: { readonly lead: string; readonly join: string };
  /** The officer's priority note per monitoring status (the `monitoring` word and 「优先」). */
  readonly priority: Readonly<Record<Exclude<MonitoringStatus, 'none'>, string>>;
}

const priority = (
  m: MatchReasonWords['monitoring'],
  note: (status: string) => string,
): MatchReasonWords['priority'] => ({
  unstable: note(m.unstable),
  marginal: note(m.marginal),
  hardship: note(m.hardship),
});

const MONITORING_ZH: MatchReasonWords['monitoring'] = {
  unstable: OFFICER_RESIDENTS_ZH['officer.monitoring.unstable'],
  marginal: OFFICER_RESIDENTS_ZH['officer.monitoring.marginal'],
  hardship: OFFICER_RESIDENTS_ZH['officer.monitoring.hardship'],
};
const MONITORING_EN: MatchReasonWords['monitoring'] = {
  unstable: 'unstable household lifted out of poverty',
  marginal: 'marginal household at risk',
  hardship: 'household in sudden hardship',
};

export const MATCH_REASON_WORDS_ZH: MatchReasonWords = {
  level: [
    '没学过',
    JOB_WORDS_ZH['skillLevel.1'],
    JOB_WORDS_ZH['skillLevel.2'],
    JOB_WORDS_ZH['skillLevel.3'],
    JOB_WORDS_ZH['skillLevel.4'],
  ],
  schedule: {
    full_time: JOB_WORDS_ZH['schedule.full_time'],
    part_time: JOB_WORDS_ZH['schedule.part_time'],
    // The page's 「时间灵活」 is a label; after 「愿意做」 it needs its noun.
    flexible: '时间灵活的工作',
    shifts: JOB_WORDS_ZH['schedule.shifts'],
    seasonal: JOB_WORDS_ZH['schedule.seasonal'],
  },
  monitoring: MONITORING_ZH,
  unknown: {
    wage: '期望工资',
    schedule: '班次意向',
    industry: '行业意向',
    distance: '岗位位置',
  },
  mode: {
    bus: '公交',
    shuttle: '坐班车',
    walk: '走路',
    ebike: '骑电动车',
    car: '开车',
  },
  residentWage: {
    meets: '工资达到您的期望',
    range: '工资可能达到您的期望',
    piece: '按件计工资',
    below: '',
    unknown: '',
  },
  officerWage: {
    meets: '工资达到期望',
    range: '工资区间可达期望',
    below: '工资低于期望',
    piece: '计件工资，无法与期望比较',
    unknown: '',
  },
  unstated: { lead: '未填', join: '、' },
  priority: priority(MONITORING_ZH, (m) => `${m}优先`),
};

// The English reasons read as running text (lower case, a phrase after "for" or "by"), not as the
// pages' capitalised labels: hence words of their own.
export const MATCH_REASON_WORDS_EN: MatchReasonWords = {
  level: ['none', 'beginner', 'skilled', 'very skilled', 'master'],
  schedule: {
    full_time: 'full-time',
    part_time: 'part-time',
    flexible: 'flexible hours',
    shifts: 'shift work',
    seasonal: 'seasonal work',
  },
  monitoring: MONITORING_EN,
  unknown: {
    wage: 'expected pay',
    schedule: 'preferred hours',
    industry: 'preferred industries',
    distance: 'workplace location',
  },
  mode: {
    bus: 'bus',
    shuttle: 'shuttle',
    walk: 'on foot',
    ebike: 'e-bike',
    car: 'car',
  },
  residentWage: {
    meets: 'Pays what you asked for',
    range: 'May pay what you asked for',
    piece: 'Paid by the piece',
    below: '',
    unknown: '',
  },
  officerWage: {
    meets: 'pay meets the expected minimum',
    range: 'the pay range reaches the expected minimum',
    below: 'pay below the expected minimum',
    piece: 'piece rate, not comparable',
    unknown: '',
  },
  unstated: { lead: 'not stated: ', join: ', ' },
  priority: priority(MONITORING_EN, (m) => `${m} priority`),
};
