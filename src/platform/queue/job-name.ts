import { QueueName } from './queue-name';

/**
 * Every job: its name, the queue it runs on and (in JobDataMap) its payload. Payloads carry ids
 * only; handlers re-read current state and skip what is stale. The worker refuses to start
 * when a name here has no handler.
 */
export enum JobName {
  PurgeExpiredSessions = 'purge-expired-sessions',
  ExpirePostings = 'expire-postings',
  DeliverNotification = 'deliver-notification',
  DispatchPendingDeliveries = 'dispatch-pending-deliveries',
  CreateFollowUps = 'create-follow-ups',
  RecomputeHouseholds = 'recompute-households',
  RankPosting = 'rank-posting',
  RankResident = 'rank-resident',
  RerankAll = 'rerank-all',
  RerankPostings = 'rerank-postings',
  PruneMatchingChanges = 'prune-matching-changes',
  ImportRoster = 'import-roster',
  CaseworkSyncHousehold = 'casework-sync-household',
  CaseworkDaily = 'casework-daily',
  WorkshopsDaily = 'workshops-daily',
  RerankSiteTrips = 'rerank-site-trips',
}

export interface JobDataMap {
  [JobName.PurgeExpiredSessions]: Record<string, never>;
  [JobName.ExpirePostings]: Record<string, never>;
  [JobName.DeliverNotification]: { deliveryId: string };
  [JobName.DispatchPendingDeliveries]: Record<string, never>;
  [JobName.CreateFollowUps]: Record<string, never>;
  [JobName.RecomputeHouseholds]: Record<string, never>;
  [JobName.RankPosting]: { postingId: string; version: number };
  [JobName.RankResident]: { residentId: string; version: number };
  [JobName.RerankAll]: Record<string, never>;
  /** One batch of the nightly re-rank: open postings of one county (ids only, re-read by the job). */
  [JobName.RerankPostings]: { postingIds: string[] };
  [JobName.PruneMatchingChanges]: Record<string, never>;
  [JobName.ImportRoster]: { importId: string };
  /** A household's zero-employment flag changed: open, reopen or advance its case (re-read). */
  [JobName.CaseworkSyncHousehold]: { householdId: string };
  [JobName.CaseworkDaily]: Record<string, never>;
  /** Every workshop on the register judged as of today (issue 17 §1). */
  [JobName.WorkshopsDaily]: Record<string, never>;
  /**
   * A site's travel times changed (site.travel_times.changed): the open postings any of these
   * places covers are re-ranked in rerank-postings batches. The places, not ids: a removed row
   * cannot be re-read. `key` (from the event id) makes the batches' job ids.
   */
  [JobName.RerankSiteTrips]: {
    siteId: string;
    key: string;
    places: {
      destinationRegionCode: string | null;
      latitude: number | null;
      longitude: number | null;
      employerId: string | null;
    }[];
  };
}

export const JOB_QUEUE: Record<JobName, QueueName> = {
  [JobName.PurgeExpiredSessions]: QueueName.Maintenance,
  [JobName.ExpirePostings]: QueueName.Maintenance,
  [JobName.DeliverNotification]: QueueName.Notifications,
  [JobName.DispatchPendingDeliveries]: QueueName.Maintenance,
  [JobName.CreateFollowUps]: QueueName.Maintenance,
  [JobName.RecomputeHouseholds]: QueueName.Maintenance,
  [JobName.RankPosting]: QueueName.Matching,
  [JobName.RankResident]: QueueName.Matching,
  [JobName.RerankAll]: QueueName.Matching,
  [JobName.RerankPostings]: QueueName.MatchingBulk,
  [JobName.PruneMatchingChanges]: QueueName.Maintenance,
  [JobName.ImportRoster]: QueueName.Imports,
  [JobName.CaseworkSyncHousehold]: QueueName.Maintenance,
  [JobName.CaseworkDaily]: QueueName.Maintenance,
  [JobName.WorkshopsDaily]: QueueName.Maintenance,
  [JobName.RerankSiteTrips]: QueueName.Matching,
};

export type JobData<N extends JobName> = JobDataMap[N];
