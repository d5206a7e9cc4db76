/** Postings' own values on the wire (API.md "Enumerations"); schedules and wage units are in common/domain-enums. */
export const POSTING_STATUSES = ['draft', 'open', 'filled', 'closed', 'expired'] as const;
export type PostingStatus = (typeof POSTING_STATUSES)[number];

export const SEARCH_SORTS = ['relevance', 'newest', 'nearest', 'wage'] as const;
export type SearchSort = (typeof SEARCH_SORTS)[number];

/** Lawful working ages a posting may ask for (16 is the legal minimum working age in China). */
export const MIN_WORKING_AGE = 16;
export const MAX_WORKING_AGE = 65;
