import type { PostingStatus } from './posting-enums';

/*
 * draft → open → filled | closed | expired. filled, closed and expired are final: a posting that
 * must run again is posted again (its matches, applications and version history stay with the old one).
 */
const NEXT: Record<PostingStatus, readonly PostingStatus[]> = {
  draft: ['open'],
  open: ['filled', 'closed', 'expired'],
  filled: [],
  closed: [],
  expired: [],
};

export function canTransition(from: PostingStatus, to: PostingStatus): boolean {
  return NEXT[from].includes(to);
}

/** Whether the employer may still edit it (drafts, and open postings while they run). */
export function isEditable(status: PostingStatus): boolean {
  return status === 'draft' || status === 'open';
}
