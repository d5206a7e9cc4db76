import type {
  ActionKind,
  ActionOutcome,
  CaseCause,
  CaseStatus,
  CloseReason,
} from '../casework/case-vocabulary';

/** The two due dates of a case (the overdue notice names one). */
export type CaseDeadline = 'first_contact' | 'clear';

/** The form fields of a logged action, as the error line names them (「请检查：方式、日期」). */
export type CaseActionField = 'kind' | 'outcome' | 'date' | 'note';

/**
 * The words of casework (zero-employment households, issue 14 item 5), in zh and en, for the
 * officer, its only reader: the case pages, the overdue notification and the ledger export (台账)
 * take them from here, so a status reads 「帮扶中」 on the queue, on the case and in the Excel.
 */
export interface CaseWords {
  readonly status: Readonly<Record<CaseStatus, string>>;
  /** What made the household zero-employment (the ledger's 致零原因). */
  readonly cause: Readonly<Record<CaseCause, string>>;
  /** Why a case was closed (the ledger's 结案原因). */
  readonly closeReason: Readonly<Record<CloseReason, string>>;
  /** A due date by name, before 「期限」. */
  readonly deadline: Readonly<Record<CaseDeadline, string>>;
  /** How the officer helped (the case page's 方式). */
  readonly action: Readonly<Record<ActionKind, string>>;
  /** What came of it (the case page's 结果). */
  readonly outcome: Readonly<Record<ActionOutcome, string>>;
  readonly field: Readonly<Record<CaseActionField, string>>;
}

export const CASE_WORDS_ZH: CaseWords = {
  status: {
    open: '待帮扶',
    assisting: '帮扶中',
    employed: '已就业',
    stabilised: '已稳定',
    closed: '已销号',
  },
  cause: { placement_ended: '岗位结束', members_changed: '成员变化', backfill: '存量认定' },
  closeReason: {
    employed: '稳定就业',
    refused_referrals: '三次以上拒绝推荐',
    unreachable: '连续三个月联系不上',
    no_capacity_or_will: '无就业能力或意愿',
  },
  deadline: { first_contact: '首次联系', clear: '清零' },
  action: {
    visit: '上门走访',
    phone: '电话',
    wechat: '微信',
    policy_briefing: '政策宣讲',
    guidance: '职业指导',
    referral: '岗位推荐',
    training_offer: '培训机会',
  },
  outcome: {
    reached: '已联系上',
    unreachable: '联系不上',
    accepted: '接受',
    refused: '拒绝',
  },
  field: { kind: '方式', outcome: '结果', date: '日期', note: '备注' },
};

export const CASE_WORDS_EN: CaseWords = {
  status: {
    open: 'To help',
    assisting: 'Being helped',
    employed: 'At work',
    stabilised: 'Stable',
    closed: 'Closed',
  },
  cause: { placement_ended: 'Job ended', members_changed: 'Members changed', backfill: 'Existing case' },
  closeReason: {
    employed: 'In stable work',
    refused_referrals: 'Refused three or more referrals',
    unreachable: 'Unreachable for three months in a row',
    no_capacity_or_will: 'Unable or unwilling to work',
  },
  deadline: { first_contact: 'First contact', clear: 'Clearing' },
  action: {
    visit: 'Home visit',
    phone: 'Phone call',
    wechat: 'WeChat',
    policy_briefing: 'Policy briefing',
    guidance: 'Career guidance',
    referral: 'Job referral',
    training_offer: 'Training offer',
  },
  outcome: {
    reached: 'Reached',
    unreachable: 'Unreachable',
    accepted: 'Accepted',
    refused: 'Refused',
  },
  field: { kind: 'How', outcome: 'Outcome', date: 'Date', note: 'Note' },
};

/** The casework words in the reader's language (the officer pages pass `useWeb().lang`). */
export function caseWords(lang: 'zh' | 'en'): CaseWords {
  return lang === 'en' ? CASE_WORDS_EN : CASE_WORDS_ZH;
}
