import type { ApplicationStatus } from '../applications/application-status';

/**
 * One word per application status and per reader, in zh and en: every page, chip and
 * notification that shows a status takes it from here, so one step has one name (已上岗, never
 * 已入职 on another screen). The resident is addressed as 您; the employer reads about its
 * applicant (对方); the officer reads about the resident (本人) in neutral words. The root words
 * match across readers — 邀请, 报名, 面试, 录用, 上岗 — so a resident and the officer on the phone
 * say the same thing.
 */
export const STATUS_READERS = ['resident', 'employer', 'officer'] as const;
export type StatusReader = (typeof STATUS_READERS)[number];

type Words = Record<ApplicationStatus, string>;

const ZH: Record<StatusReader, Words> = {
  resident: {
    invited: '企业邀请您报名',
    applied: '已报名，等企业看',
    viewed: '企业已看过',
    interview: '请去面试',
    offered: '企业决定录用您',
    hired: '已上岗',
    rejected: '这次没选上',
    withdrawn: '已撤回报名',
    declined: '您没有接受邀请',
  },
  employer: {
    invited: '已邀请，等对方回复',
    applied: '新报名',
    viewed: '已看过',
    interview: '已约面试',
    offered: '已决定录用',
    hired: '已上岗',
    rejected: '不合适',
    withdrawn: '对方已撤回报名',
    declined: '对方没有接受邀请',
  },
  officer: {
    invited: '企业已邀请',
    applied: '已报名',
    viewed: '企业已看过',
    interview: '面试中',
    offered: '企业决定录用',
    hired: '已上岗',
    rejected: '未录用',
    withdrawn: '本人已撤回报名',
    declined: '本人没有接受邀请',
  },
};

const EN: Record<StatusReader, Words> = {
  resident: {
    invited: 'An employer invites you to apply',
    applied: 'Applied, waiting for the employer',
    viewed: 'The employer has seen it',
    interview: 'Please go to the interview',
    offered: 'The employer wants to hire you',
    hired: 'Started work',
    rejected: 'Not chosen this time',
    withdrawn: 'Application withdrawn',
    declined: 'You did not accept the invitation',
  },
  employer: {
    invited: 'Invited, waiting for an answer',
    applied: 'New application',
    viewed: 'Seen',
    interview: 'Interview arranged',
    offered: 'Decided to hire',
    hired: 'Started work',
    rejected: 'Not suitable',
    withdrawn: 'The applicant withdrew',
    declined: 'Did not accept the invitation',
  },
  officer: {
    invited: 'Invited by the employer',
    applied: 'Applied',
    viewed: 'Seen by the employer',
    interview: 'Interviewing',
    offered: 'The employer decided to hire',
    hired: 'Started work',
    rejected: 'Not hired',
    withdrawn: 'Withdrew the application',
    declined: 'Did not accept the invitation',
  },
};

/** The catalogue keys: `status.<reader>.<status>`. */
export type StatusKey = `status.${StatusReader}.${ApplicationStatus}`;

function keyed(words: Record<StatusReader, Words>): Record<StatusKey, string> {
  const out = {} as Record<StatusKey, string>;
  for (const reader of STATUS_READERS) {
    for (const [status, word] of Object.entries(words[reader]) as [ApplicationStatus, string][]) {
      out[`status.${reader}.${status}`] = word;
    }
  }
  return out;
}

/** Spread into the zh and en catalogues (resident-employer-messages.ts). */
export const STATUS_VOCABULARY_ZH = keyed(ZH);
export const STATUS_VOCABULARY_EN = keyed(EN);

/** The catalogue key of a status for one reader: `t(statusKey('employer', a.status))`. */
export const statusKey = (reader: StatusReader, status: ApplicationStatus): StatusKey =>
  `status.${reader}.${status}`;

/** The word itself, for text built outside a page (the resident's notification). */
export function statusWord(lang: 'zh' | 'en', reader: StatusReader, status: ApplicationStatus): string {
  return (lang === 'zh' ? ZH : EN)[reader][status];
}
