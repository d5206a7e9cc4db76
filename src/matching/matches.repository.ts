import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import type { AuthUser } from '../access/auth-user';
import { managesSiteSql } from '../access/scope/scope-sql';
import type { MatchQueueQuery } from './dto/match.dto';
import type { WageUnit } from './engine';
import type { MatchStatus } from './results/match.entity';

/*
 * The match lists as people read them and what officers do to them (issue 14 item 4): a
 * posting's list, the officers' queue, and the refer / dismiss writes, for MatchesService.
 * Methods that take a manager run in the caller's transaction; the others on the pool.
 */

export interface MatchRow {
  id: string;
  postingId: string;
  postingTitle: string;
  residentId: string;
  score: string;
  priority: string;
  rank: number;
  componentValues: number[];
  componentPoints: number[];
  reasonZh: string;
  reasonEn: string;
  employerReasonZh: string;
  employerReasonEn: string;
  postingWageMin: string;
  postingWageUnit: WageUnit;
  status: MatchStatus;
  dismissReason: string | null;
  referredApplicationId: string | null;
  distanceKm: string | null;
  travelMinutes: number | null;
  travelSource: string | null;
  requiredSkillsMissing: string[];
  siteId: string;
  computedAt: Date;
  engineVersion: string;
  name: string;
  consentToShare: boolean;
  householdId: string;
  householdSiteId: string;
  siteRegionCode: string;
  originRegionCode: string;
  zeroEmployment: boolean;
  monitoringStatus: string;
}

/*
 * Reads across resident, household and site tables (owned by residents/ and regions/) in one
 * query, for the same reason as the loaders: a posting's list is up to 200 rows, one join beats
 * 200 service calls. Scope is still decided by ScopePolicy, row by row.
 */
const MATCH_SELECT = `
  SELECT mt.id, mt.posting_id AS "postingId", p.title AS "postingTitle", mt.resident_id AS "residentId",
         mt.score, mt.priority, mt.rank, mt.component_values AS "componentValues",
         mt.component_points AS "componentPoints", mt.reason_zh AS "reasonZh", mt.reason_en AS "reasonEn",
         mt.employer_reason_zh AS "employerReasonZh", mt.employer_reason_en AS "employerReasonEn",
         p.wage_min AS "postingWageMin", p.wage_unit AS "postingWageUnit",
         mt.status, mt.dismiss_reason AS "dismissReason", mt.referred_application_id AS "referredApplicationId",
         mt.distance_km AS "distanceKm", mt.travel_minutes AS "travelMinutes",
         mt.travel_source AS "travelSource", mt.required_skills_missing AS "requiredSkillsMissing",
         mt.site_id AS "siteId", mt.computed_at AS "computedAt", mt.engine_version AS "engineVersion",
         r.name, r.consent_to_share AS "consentToShare", r.household_id AS "householdId",
         h.site_id AS "householdSiteId", s.region_code AS "siteRegionCode",
         h.origin_region_code AS "originRegionCode", h.zero_employment AS "zeroEmployment",
         h.monitoring_status AS "monitoringStatus"
    FROM match mt
    JOIN posting p ON p.id = mt.posting_id
    JOIN resident r ON r.id = mt.resident_id AND r.erased_at IS NULL
    JOIN household h ON h.id = r.household_id
    JOIN site s ON s.id = h.site_id`;

/** Width of a score band in the officers' queue: 91 and 38 are never in one band, 91 and 95 are. */
export const QUEUE_BAND_POINTS = 10;

/** The lowest score of the queue's "fair" band (below it: weak). */
const FAIR_SCORE = 50;

/**
 * The officers' queue order (see MatchesService.queue), the same expressions as idx_match_queue
 * (migration OfficerQueue): band, required skills all met, priority, score, id.
 */
export const QUEUE_ORDER = `floor(mt.score / ${QUEUE_BAND_POINTS}) DESC,
  (cardinality(mt.required_skills_missing) = 0) DESC, mt.priority DESC, mt.score DESC, mt.id`;

/** The queue's filters (the site's own check is the caller's, before it asks). */
export type QueueFilter = Pick<MatchQueueQuery, 'siteId' | 'status' | 'postingId' | 'zeroEmployment' | 'band'>;

@Injectable()
export class MatchesRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  transaction<T>(work: (m: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }

  /** A posting's whole list, by stored rank or by score alone (both then by resident id). */
  async postingMatches(postingId: string, order: 'rank' | 'score'): Promise<MatchRow[]> {
    return this.dataSource.query(
      `${MATCH_SELECT} WHERE mt.posting_id = $1 ORDER BY ${
        order === 'score' ? 'mt.score DESC, mt.resident_id' : 'mt.rank, mt.resident_id'
      }`,
      [postingId],
    );
  }

  /** One page of the officers' queue in QUEUE_ORDER, and the queue's total. */
  async queuePage(
    actor: AuthUser,
    q: QueueFilter & { page: number; pageSize: number },
    strongMatch: number,
  ): Promise<{ total: number; rows: MatchRow[] }> {
    const { where, params, arg } = this.queueWhere(actor, q, strongMatch);
    const [{ total }]: { total: string }[] = await this.dataSource.query(
      `SELECT count(*) AS total FROM (${MATCH_SELECT} WHERE ${where}) x`,
      params,
    );
    // QUEUE_ORDER is the key of idx_match_queue (site_id, status, …): a site's page is read in
    // index order and stops at LIMIT, without sorting the site's matches.
    const rows: MatchRow[] = await this.dataSource.query(
      `${MATCH_SELECT} WHERE ${where}
        ORDER BY ${QUEUE_ORDER}
        LIMIT ${arg(q.pageSize)} OFFSET ${arg((q.page - 1) * q.pageSize)}`,
      params,
    );
    return { total: Number(total), rows };
  }

  /** The postings of the queue's matches (with how many), by title, at most 200. */
  async queuePostings(
    actor: AuthUser,
    q: QueueFilter,
    strongMatch: number,
  ): Promise<{ id: string; title: string; matches: number }[]> {
    const { where, params } = this.queueWhere(actor, q, strongMatch);
    const rows: { id: string; title: string; matches: number }[] = await this.dataSource.query(
      `SELECT x."postingId" AS id, x."postingTitle" AS title, count(*)::int AS matches
         FROM (${MATCH_SELECT} WHERE ${where}) x GROUP BY 1, 2 ORDER BY 2, 1 LIMIT 200`,
      params,
    );
    return rows;
  }

  /** The queue's WHERE: open postings, the status, the filters, and the officer's sites. */
  private queueWhere(
    actor: AuthUser,
    q: QueueFilter,
    strongMatch: number,
  ): { where: string; params: unknown[]; arg: (v: unknown) => string } {
    const params: unknown[] = [q.status];
    const arg = (v: unknown): string => {
      params.push(v);
      return `$${params.length}`;
    };
    let where = `p.status = 'open' AND mt.status = $1`;
    if (q.siteId) where += ` AND mt.site_id = ${arg(q.siteId)}`;
    if (q.postingId) where += ` AND mt.posting_id = ${arg(q.postingId)}`;
    if (q.zeroEmployment !== undefined) where += ` AND h.zero_employment = ${arg(q.zeroEmployment)}`;
    if (q.band) {
      if (q.band === 'strong') where += ` AND mt.score >= ${arg(strongMatch)}`;
      else if (q.band === 'fair')
        where += ` AND mt.score >= ${arg(FAIR_SCORE)} AND mt.score < ${arg(strongMatch)}`;
      else where += ` AND mt.score < ${arg(FAIR_SCORE)}`;
    }
    if (actor.role !== 'admin') {
      // ScopePolicy.managesSite (access/scope/scope-sql.ts): the officer's sites, or sites inside their regions.
      const scope = managesSiteSql(actor, arg, { siteId: 's.id', siteRegion: 's.region_code' });
      where += ` AND ${scope}`;
      // The same sites as a list on match.site_id too: idx_match_queue then reads only their rows
      // (without it, every new match of the county was joined before the scope filtered: 0.4 s
      // at 34k matches on a generated county, EXPLAIN ANALYZE).
      if (!q.siteId) where += ` AND mt.site_id IN (SELECT s.id FROM site s WHERE ${scope})`;
    }
    return { where, params, arg };
  }

  /** Locks the match row until the transaction ends; false when there is none. */
  async lock(m: EntityManager, matchId: string): Promise<boolean> {
    const locked: { id: string }[] = await m.query('SELECT id FROM match WHERE id = $1 FOR UPDATE', [
      matchId,
    ]);
    return locked.length > 0;
  }

  /** The match with its posting and resident (none when the resident was erased). */
  async matchRow(m: EntityManager, matchId: string): Promise<MatchRow | undefined> {
    const rows: MatchRow[] = await m.query(`${MATCH_SELECT} WHERE mt.id = $1`, [matchId]);
    return rows[0];
  }

  async markReferred(m: EntityManager, matchId: string, officerId: string, applicationId: string): Promise<void> {
    await m.query(
      `UPDATE match SET status = 'referred', referred_by = $2, referred_at = now(), referred_application_id = $3,
                dismiss_reason = NULL, dismissed_by = NULL, dismissed_at = NULL WHERE id = $1`,
      [matchId, officerId, applicationId],
    );
  }

  async markDismissed(m: EntityManager, matchId: string, reason: string, officerId: string): Promise<void> {
    await m.query(
      `UPDATE match SET status = 'dismissed', dismiss_reason = $2, dismissed_by = $3, dismissed_at = now()
          WHERE id = $1`,
      [matchId, reason, officerId],
    );
  }
}
