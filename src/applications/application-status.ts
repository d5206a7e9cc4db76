/** The values on the wire (API.md "Enumerations"). */
export const APPLICATION_STATUSES = [
  'applied',
  'viewed',
  'interview',
  'offered',
  'hired',
  'rejected',
  'withdrawn',
] as const;
export type ApplicationStatus = (typeof APPLICATION_STATUSES)[number];

export const APPLICATION_SOURCES = ['self', 'officer_referral', 'employer_invitation'] as const;
export type ApplicationSource = (typeof APPLICATION_SOURCES)[number];

/** Who moves an application: the employer of the posting, or the resident (withdraw only). */
export type TransitionActor = 'employer' | 'resident';

const FINAL: readonly ApplicationStatus[] = ['hired', 'rejected', 'withdrawn'];

/*
 * The employer's pipeline: applied → viewed → interview → offered → hired. `viewed` may be
 * skipped (an employer who calls the applicant straight away invites them to an interview),
 * every other step is taken in order. Any state that is not final may be rejected by the
 * employer or withdrawn by the resident. hired, rejected and withdrawn are final.
 */
const EMPLOYER_NEXT: Record<ApplicationStatus, readonly ApplicationStatus[]> = {
  applied: ['viewed', 'interview', 'rejected'],
  viewed: ['interview', 'rejected'],
  interview: ['offered', 'rejected'],
  offered: ['hired', 'rejected'],
  hired: [],
  rejected: [],
  withdrawn: [],
};

export function isFinal(status: ApplicationStatus): boolean {
  return FINAL.includes(status);
}

export function canTransition(
  actor: TransitionActor,
  from: ApplicationStatus,
  to: ApplicationStatus,
): boolean {
  switch (actor) {
    case 'employer':
      return EMPLOYER_NEXT[from].includes(to);
    case 'resident':
      return to === 'withdrawn' && !isFinal(from);
  }
}

/** Plain Chinese for the resident's notification. */
export const STATUS_ZH: Record<ApplicationStatus, string> = {
  applied: '已报名',
  viewed: '企业已查看',
  interview: '邀请面试',
  offered: '已录用通知',
  hired: '已入职',
  rejected: '未通过',
  withdrawn: '已撤回',
};
