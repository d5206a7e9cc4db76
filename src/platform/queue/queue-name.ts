/**
 * Every queue, in one place. Renaming a value strands the jobs already waiting under the old
 * name (CONVENTIONS.md "Jobs"): add a new one and drain the old instead.
 */
export enum QueueName {
  /** rank-posting, rank-resident, rerank-all: CPU-bound, few at a time. */
  Matching = 'matching',
  /**
   * The nightly re-rank's rerank-postings batches: one at a time per worker, in a queue of their
   * own, so the matching queue's slots stay free for postings and residents that just changed
   * (an officer hears of a new posting's matches within seconds while the re-rank runs).
   */
  MatchingBulk = 'matching-bulk',
  /** Delivery of notifications to webhooks, e-mail and SMS: I/O-bound, many at a time. */
  Notifications = 'notifications',
  /** Roster imports from Excel/CSV. */
  Imports = 'imports',
  /** Scheduled housekeeping: expiry, follow-ups, purges. */
  Maintenance = 'maintenance',
}

export const ALL_QUEUES: QueueName[] = Object.values(QueueName);
