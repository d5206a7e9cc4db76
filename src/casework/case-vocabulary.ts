/** The words of the casework API (API.md, second wave). */
export const CASE_STATUSES = ['open', 'assisting', 'employed', 'stabilised', 'closed'] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

/** What made the household zero-employment (the case's cause). */
export const CASE_CAUSES = ['placement_ended', 'members_changed', 'backfill'] as const;
export type CaseCause = (typeof CASE_CAUSES)[number];

export const ACTION_KINDS = [
  'visit',
  'phone',
  'wechat',
  'policy_briefing',
  'guidance',
  'referral',
  'training_offer',
] as const;
export type ActionKind = (typeof ACTION_KINDS)[number];

export const ACTION_OUTCOMES = ['reached', 'unreachable', 'accepted', 'refused'] as const;
export type ActionOutcome = (typeof ACTION_OUTCOMES)[number];

export const CLOSE_REASONS = ['employed', 'refused_referrals', 'unreachable', 'no_capacity_or_will'] as const;
export type CloseReason = (typeof CLOSE_REASONS)[number];

/** Cases whose clock runs: nobody at work yet. */
export const ACTIVE_STATUSES: readonly CaseStatus[] = ['open', 'assisting'];

const sqlList = (xs: readonly string[]) => xs.map((x) => `'${x}'`).join(', ');
export const STATUS_CHECK = `status IN (${sqlList(CASE_STATUSES)})`;
export const KIND_CHECK = `kind IN (${sqlList(ACTION_KINDS)})`;
