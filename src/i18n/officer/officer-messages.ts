import { OFFICER_CASES_EN, OFFICER_CASES_ZH } from './officer-cases';
import { OFFICER_COMMON_EN, OFFICER_COMMON_ZH } from './officer-common';
import { OFFICER_RESIDENTS_EN, OFFICER_RESIDENTS_ZH } from './officer-residents';
import { OFFICER_WORK_EN, OFFICER_WORK_ZH } from './officer-work';

/**
 * The officer pages' catalogue (prefix `officer.`; issue 14 item 5: one catalogue per language and
 * reader), spread into the web's catalogue in web/i18n/messages.ts. Split by page group:
 * officer-common.ts (menu, pager, dashboard, confirmations), officer-residents.ts (households and
 * residents), officer-work.ts (the work queues, import, exports), officer-cases.ts (casework).
 */
export const OFFICER_ZH = {
  ...OFFICER_COMMON_ZH,
  ...OFFICER_RESIDENTS_ZH,
  ...OFFICER_WORK_ZH,
  ...OFFICER_CASES_ZH,
} as const;

export type OfficerKey = keyof typeof OFFICER_ZH;

export const OFFICER_EN: Record<OfficerKey, string> = {
  ...OFFICER_COMMON_EN,
  ...OFFICER_RESIDENTS_EN,
  ...OFFICER_WORK_EN,
  ...OFFICER_CASES_EN,
};

/** The officer pages' confirmations: `?done=<code>` → message (components/done-notice.ts). */
export const OFFICER_DONE = {
  referred: 'officer.matches.referred',
  dismissed: 'officer.matches.dismissed',
  verified: 'officer.done.verified',
  rejected: 'officer.employers.rejected',
  placement: 'officer.done.placement',
  contact: 'officer.done.contact',
  referral: 'officer.done.referral',
  followUp: 'officer.done.followUp',
  ended: 'officer.done.ended',
} as const satisfies Record<string, OfficerKey>;
