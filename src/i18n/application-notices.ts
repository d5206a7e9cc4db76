import type { ApplicationSource, ApplicationStatus } from '../applications/application-status';
import { statusWord } from './status-vocabulary';

/*
 * What the resident and the inviting employer read in the notifications of an application
 * (applications/application-notices.ts sends them). The status is the resident's word on their
 * pages (status-vocabulary.ts), so a notification and the page say the same thing.
 */

/** Every status once: the compiler refuses a missing or an unknown one. */
const STATUSES = {
  invited: 0,
  applied: 0,
  viewed: 0,
  interview: 0,
  offered: 0,
  hired: 0,
  rejected: 0,
  withdrawn: 0,
  declined: 0,
} satisfies Record<ApplicationStatus, 0>;

/** Plain Chinese for the resident's notification: the resident's words on their pages. */
export const STATUS_ZH: Record<ApplicationStatus, string> = Object.fromEntries(
  (Object.keys(STATUSES) as ApplicationStatus[]).map((s) => [s, statusWord('zh', 'resident', s)]),
) as Record<ApplicationStatus, string>;

/** The resident's notification of a new or changed application. */
export function residentNoticeZh(
  title: string,
  status: ApplicationStatus,
  source?: ApplicationSource,
): { title: string; body: string } {
  const body =
    source === 'employer_invitation'
      ? `企业邀请您应聘「${title}」。想去就在“我的求职”里点“接受”，不想去点“不了”。您接受之前，企业看不到您的名字和电话。`
      : source === 'officer_referral'
        ? `就业专干为您推荐了「${title}」，已为您报名。不想去可以在“我的求职”里撤回。`
        : `您报名的「${title}」有新进展：${STATUS_ZH[status]}。`;
  return { title: `求职进度：${STATUS_ZH[status]}`, body };
}

/** The inviting employer's notification of the resident's answer (accepted: applied). */
export function inviterNoticeZh(title: string, answer: ApplicationStatus): { title: string; body: string } {
  return answer === 'applied'
    ? {
        title: '邀请已接受',
        body: `您为「${title}」邀请的人接受了邀请，现在可以在“报名的人”里看到联系方式。`,
      }
    : { title: '邀请未接受', body: `您为「${title}」邀请的人没有接受邀请。` };
}
