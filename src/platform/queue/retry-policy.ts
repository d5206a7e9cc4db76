import type { JobsOptions } from 'bullmq';

/*
 * Retry policies as named constants (CONVENTIONS.md "Jobs"). Failed jobs are kept for
 * inspection in the dashboard (/admin/queues); completed ones for a day so a replayed job id
 * is still recognised as done.
 */
const KEEP_COMPLETED = { age: 24 * 3600, count: 50_000 };
const KEEP_FAILED = { age: 30 * 24 * 3600 };

/** Ranking: a few quick retries, then kept as failed. */
export const RANKING_RETRY: JobsOptions = {
  attempts: 5,
  backoff: { type: 'exponential', delay: 2_000 },
  removeOnComplete: KEEP_COMPLETED,
  removeOnFail: KEEP_FAILED,
};

/** Outbound channels (webhooks, SMTP, SMS) are flaky: more attempts, longer backoff. */
export const DELIVERY_RETRY: JobsOptions = {
  attempts: 8,
  backoff: { type: 'exponential', delay: 5_000 },
  removeOnComplete: KEEP_COMPLETED,
  removeOnFail: KEEP_FAILED,
};

/** Imports are retried once at most: the file is the same, a second failure needs a human. */
export const IMPORT_RETRY: JobsOptions = {
  attempts: 2,
  backoff: { type: 'exponential', delay: 10_000 },
  removeOnComplete: KEEP_COMPLETED,
  removeOnFail: KEEP_FAILED,
};

/** Housekeeping runs again at its next schedule anyway. */
export const MAINTENANCE_RETRY: JobsOptions = {
  attempts: 3,
  backoff: { type: 'exponential', delay: 30_000 },
  removeOnComplete: { age: 7 * 24 * 3600, count: 1000 },
  removeOnFail: KEEP_FAILED,
};
