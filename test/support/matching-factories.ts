import type request from 'supertest';
import type { DataSource } from 'typeorm';
import type { MonitoringStatus } from '../../src/kernel/domain-enums';
import type { Session } from './factories';
import { createHousehold, createResident, residentAccount, type ResidentBody } from './residents-factories';

type Http = ReturnType<typeof request>;

/**
 * A job seeker in a household of their own at `siteId` (so the household is zero-employment
 * unless told otherwise), created by `officer`; with `account: true` also signed in.
 */
export async function seeker(
  http: Http,
  officer: Session,
  siteId: string,
  over: Partial<ResidentBody> & {
    monitoringStatus?: MonitoringStatus;
    account?: boolean;
  } = {},
): Promise<{ id: string; name: string; householdId: string; session?: Session }> {
  const { monitoringStatus, account, ...body } = over;
  const household = await createHousehold(http, officer, siteId, {
    monitoringStatus: monitoringStatus ?? 'none',
  });
  if (account) {
    const { session, resident } = await residentAccount(http, officer, household.id, body);
    return { id: resident.id, name: String(resident.name), householdId: household.id, session };
  }
  const r = await createResident(http, officer, household.id, body);
  return { id: r.id, name: String(r.name), householdId: household.id };
}

export interface StoredMatch {
  id: string;
  residentId: string;
  score: string;
  rank: number;
  status: string;
  [k: string]: unknown;
}

/** Every stored match row of a posting (all columns), in a stable order. */
export function storedMatches(ds: DataSource, postingId: string): Promise<StoredMatch[]> {
  return ds.query(
    `SELECT id, resident_id AS "residentId", posting_version AS "postingVersion", score, priority, rank,
            component_values AS "componentValues", component_points AS "componentPoints",
            reason_zh AS "reasonZh", computed_at AS "computedAt", status, site_id AS "siteId"
       FROM match WHERE posting_id = $1 ORDER BY resident_id`,
    [postingId],
  );
}

/**
 * The officer notifications of a posting, for one site when `siteId` is given (other test files
 * of the same run leave matching residents at other sites in the same county, whose officers are
 * notified per site as well).
 */
export function postingNotifications(
  ds: DataSource,
  postingId: string,
  siteId?: string,
): Promise<{ recipientUserId: string; dedupKey: string; payload: Record<string, unknown> }[]> {
  return ds.query(
    `SELECT recipient_user_id AS "recipientUserId", dedup_key AS "dedupKey", payload
       FROM notification WHERE kind = 'match.posting_ranked' AND payload->>'postingId' = $1
        AND ($2::text IS NULL OR payload->>'siteId' = $2)
      ORDER BY recipient_user_id, dedup_key`,
    [postingId, siteId ?? null],
  );
}
