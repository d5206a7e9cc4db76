/** How an officer reached a resident. */
export const CONTACT_KINDS = ['phone', 'visit', 'wechat'] as const;
export type ContactKind = (typeof CONTACT_KINDS)[number];
