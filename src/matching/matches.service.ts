import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import type { AuthUser } from '../access/auth-user';
import { ScopePolicy, type ResidentRef } from '../access/scope-policy';
import { ApplicationIntake } from '../applications/application-intake.service';
import { AuditService } from '../audit/audit.service';
import { ConflictError, NotFoundError } from '../kernel/domain-errors';
import { page, type Page } from '../kernel/pagination';
import { PostingsDirectory } from '../postings/postings-directory';
import { RegionsService } from '../regions/regions.service';
import { belowLocalMinimum, type MatchingConfig, type WageUnit } from './engine';
import { MatchingSettings } from './matching-settings';
import { componentsOf } from './results/components-columns';
import type {
  EmployerMatchDto,
  Lang,
  MatchActionDto,
  MatchQueueQuery,
  OfficerMatchDto,
  PostingMatchesQuery,
} from './dto/match.dto';
import type { MatchStatus } from './results/match.entity';
import { managesSiteSql } from '../access/scope-sql';

interface MatchRow {
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

function residentRef(row: MatchRow): ResidentRef {
  return {
    id: row.residentId,
    household: {
      id: row.householdId,
      site: { id: row.householdSiteId, regionCode: row.siteRegionCode },
      originRegionCode: row.originRegionCode,
    },
  };
}

/** '田秀英' → '田**': enough to tell candidates apart in a list, not enough to find the person. */
export function maskName(name: string): string {
  const chars = [...name.trim()];
  if (chars.length === 0) return '*';
  return chars[0] + '*'.repeat(Math.max(1, chars.length - 1));
}

function reasonOf(row: { reasonZh: string; reasonEn: string }, lang: Lang): string {
  return lang === 'en' ? row.reasonEn : row.reasonZh;
}

/** The engine's wage rule (config wage), to flag pay below the local minimum for officers. */
type WageRule = MatchingConfig['wage'];

function officerView(row: MatchRow, lang: Lang, wage?: WageRule): OfficerMatchDto {
  return {
    matchId: row.id,
    residentId: row.residentId,
    name: row.name,
    displayName: maskName(row.name),
    score: Number(row.score),
    priority: Number(row.priority),
    rank: row.rank,
    components: componentsOf(row.componentValues, row.componentPoints, {
      minutes: row.travelMinutes,
      source: row.travelSource,
    }),
    reason: reasonOf(row, lang),
    status: row.status,
    postingId: row.postingId,
    postingTitle: row.postingTitle,
    siteId: row.siteId,
    distanceKm: row.distanceKm === null ? null : Number(row.distanceKm),
    requiredSkillsMissing: row.requiredSkillsMissing ?? [],
    zeroEmployment: row.zeroEmployment,
    monitoringStatus: row.monitoringStatus,
    dismissReason: row.dismissReason,
    computedAt: row.computedAt,
    engineVersion: row.engineVersion,
    wageBelowLocalMinimum: !!wage && belowLocalMinimum(Number(row.postingWageMin), row.postingWageUnit, wage),
  };
}

function employerView(row: MatchRow, lang: Lang): EmployerMatchDto {
  return {
    matchId: row.id,
    residentId: row.residentId,
    displayName: maskName(row.name),
    score: Number(row.score),
    components: componentsOf(row.componentValues, row.componentPoints, {
      minutes: row.travelMinutes,
      source: row.travelSource,
    }),
    // The employer's own reason: the officer's (reason_zh/en) carries the household priority note.
    reason: lang === 'en' ? row.employerReasonEn : row.employerReasonZh,
  };
}

@Injectable()
export class MatchesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly policy: ScopePolicy,
    private readonly audit: AuditService,
    private readonly postings: PostingsDirectory,
    private readonly regions: RegionsService,
    private readonly applications: ApplicationIntake,
    private readonly settings: MatchingSettings,
  ) {}

  /**
   * A posting's ranked matches. Officers (and admins): residents they may read, with names (each
   * read audited). The owning employer: residents who consent to share, masked, without priority
   * (it would reveal the household's situation) and without dismissed ones.
   */
  async forPosting(
    actor: AuthUser,
    postingId: string,
    q: PostingMatchesQuery,
  ): Promise<Page<OfficerMatchDto | EmployerMatchDto>> {
    const ref = await this.postings.postingRef(postingId);
    const isEmployer = actor.role === 'employer';
    const allowed =
      !!ref && (isEmployer ? this.policy.managesPosting(actor, ref) : this.policy.readsPosting(actor, ref));
    this.policy.require(allowed, 'Posting');
    // The stored rank breaks ties of score by household priority; an employer's order must not
    // (the order alone would tell which candidates come from households in hardship).
    const rows: MatchRow[] = await this.dataSource.query(
      `${MATCH_SELECT} WHERE mt.posting_id = $1 ORDER BY ${
        isEmployer ? 'mt.score DESC, mt.resident_id' : 'mt.rank, mt.resident_id'
      }`,
      [postingId],
    );
    const from = (q.page - 1) * q.pageSize;
    if (isEmployer) {
      // TODO(applications): an employer sees name and contact of residents who applied to the
      // posting; until the applications module exists every candidate stays masked.
      const visible = rows.filter((r) => r.consentToShare && r.status !== 'dismissed');
      return page(
        visible.slice(from, from + q.pageSize).map((r) => employerView(r, q.lang)),
        visible.length,
        q,
      );
    }
    const visible = rows.filter((r) => this.policy.readsResident(actor, residentRef(r)));
    const items = visible.slice(from, from + q.pageSize);
    await this.audit.recordReads(
      actor,
      'resident',
      items.map((r) => r.residentId),
      'resident.read_match',
    );
    return page(
      items.map((r) => officerView(r, q.lang, this.settings.config.wage)),
      visible.length,
      q,
    );
  }

  /**
   * The officers' work queue ("matches to refer"): matches of open postings for residents of the
   * sites the officer manages, the best work first. Bands of QUEUE_BAND_POINTS score points, the
   * highest first (strong matches lead); within a band, matches that meet every required skill
   * before those that miss one, and only then household priority (zero-employment households are
   * cleared first, POLICY.md), then score. So priority orders equals and never lifts a match the
   * resident cannot do above one they can (the sewing job referral of issue 11).
   */
  async queue(actor: AuthUser, q: MatchQueueQuery): Promise<Page<OfficerMatchDto>> {
    const { where, params, arg } = await this.queueWhere(actor, q);
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
    await this.audit.recordReads(
      actor,
      'resident',
      rows.map((r) => r.residentId),
      'resident.read_match',
    );
    return page(
      rows.map((r) => officerView(r, q.lang, this.settings.config.wage)),
      Number(total),
      q,
    );
  }

  /** The postings of the queue's matches (with how many), for the 待推荐 page's posting filter. */
  async queuePostings(
    actor: AuthUser,
    q: Pick<MatchQueueQuery, 'siteId' | 'status'>,
  ): Promise<{ id: string; title: string; matches: number }[]> {
    const { where, params } = await this.queueWhere(actor, { status: q.status, siteId: q.siteId });
    const rows: { id: string; title: string; matches: number }[] = await this.dataSource.query(
      `SELECT x."postingId" AS id, x."postingTitle" AS title, count(*)::int AS matches
         FROM (${MATCH_SELECT} WHERE ${where}) x GROUP BY 1, 2 ORDER BY 2, 1 LIMIT 200`,
      params,
    );
    return rows;
  }

  /** The queue's WHERE: open postings, the status, the filters, and the officer's sites. */
  private async queueWhere(
    actor: AuthUser,
    q: Pick<MatchQueueQuery, 'siteId' | 'status' | 'postingId' | 'zeroEmployment' | 'band'>,
  ): Promise<{ where: string; params: unknown[]; arg: (v: unknown) => string }> {
    if (q.siteId) {
      const site = await this.regions.findSite(q.siteId);
      this.policy.require(!!site && this.policy.managesSite(actor, site), 'Site');
    }
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
      const strong = this.settings.config.thresholds.strongMatch;
      if (q.band === 'strong') where += ` AND mt.score >= ${arg(strong)}`;
      else if (q.band === 'fair')
        where += ` AND mt.score >= ${arg(FAIR_SCORE)} AND mt.score < ${arg(strong)}`;
      else where += ` AND mt.score < ${arg(FAIR_SCORE)}`;
    }
    if (actor.role !== 'admin') {
      // ScopePolicy.managesSite (access/scope-sql.ts): the officer's sites, or sites inside their regions.
      const scope = managesSiteSql(actor, arg, { siteId: 's.id', siteRegion: 's.region_code' });
      where += ` AND ${scope}`;
      // The same sites as a list on match.site_id too: idx_match_queue then reads only their rows
      // (without it, every new match of the county was joined before the scope filtered: 0.4 s
      // at 34k matches on a generated county, EXPLAIN ANALYZE).
      if (!q.siteId) where += ` AND mt.site_id IN (SELECT s.id FROM site s WHERE ${scope})`;
    }
    return { where, params, arg };
  }

  /**
   * An officer refers the resident to the posting (PIPL art. 24: a person, not the algorithm,
   * decides): an application with source officer_referral is created in the same transaction
   * (ApplicationIntake.createReferral: 409 when the posting is not open or the resident already
   * applied), and the match records it. Audited with both identities.
   */
  async refer(actor: AuthUser, matchId: string): Promise<MatchActionDto> {
    return this.dataSource.transaction(async (m) => {
      const row = await this.lockManaged(m, actor, matchId);
      if (row.status === 'referred') {
        throw new ConflictError('This match has already been referred', 'match.already_referred');
      }
      const application = await this.applications.createReferral(m, {
        postingId: row.postingId,
        residentId: row.residentId,
        officer: actor,
      });
      await m.query(
        `UPDATE match SET status = 'referred', referred_by = $2, referred_at = now(), referred_application_id = $3,
                dismiss_reason = NULL, dismissed_by = NULL, dismissed_at = NULL WHERE id = $1`,
        [matchId, actor.id, application.id],
      );
      await this.audit.record(
        actor,
        {
          action: 'match.refer',
          entityType: 'match',
          entityId: matchId,
          onBehalfOfResidentId: row.residentId,
          details: { postingId: row.postingId, applicationId: application.id },
        },
        m,
      );
      return { id: matchId, status: 'referred', referredApplicationId: application.id, dismissReason: null };
    });
  }

  /** An officer sets a match aside with a reason; re-ranking keeps it dismissed. */
  async dismiss(actor: AuthUser, matchId: string, reason: string): Promise<MatchActionDto> {
    return this.dataSource.transaction(async (m) => {
      const row = await this.lockManaged(m, actor, matchId);
      if (row.status === 'referred') {
        throw new ConflictError('A referred match cannot be dismissed', 'match.already_referred');
      }
      const text = reason.trim();
      await m.query(
        `UPDATE match SET status = 'dismissed', dismiss_reason = $2, dismissed_by = $3, dismissed_at = now()
          WHERE id = $1`,
        [matchId, text, actor.id],
      );
      await this.audit.record(
        actor,
        {
          action: 'match.dismiss',
          entityType: 'match',
          entityId: matchId,
          onBehalfOfResidentId: row.residentId,
          details: { postingId: row.postingId },
        },
        m,
      );
      return { id: matchId, status: 'dismissed', referredApplicationId: null, dismissReason: text };
    });
  }

  private async lockManaged(m: EntityManager, actor: AuthUser, matchId: string): Promise<MatchRow> {
    const locked: { id: string }[] = await m.query('SELECT id FROM match WHERE id = $1 FOR UPDATE', [
      matchId,
    ]);
    if (!locked.length) throw new NotFoundError('Match');
    const rows: MatchRow[] = await m.query(`${MATCH_SELECT} WHERE mt.id = $1`, [matchId]);
    this.policy.require(!!rows[0] && this.policy.managesResident(actor, residentRef(rows[0])), 'Match');
    return rows[0];
  }
}
