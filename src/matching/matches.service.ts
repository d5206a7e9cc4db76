import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { AuthUser } from '../access/auth-user';
import { ScopePolicy, type ResidentRef } from '../access/scope/scope-policy';
import { ApplicationIntake } from '../applications/application-intake.service';
import { AuditService } from '../audit/audit.service';
import { ConflictError, NotFoundError } from '../kernel/domain-errors';
import { page, type Page } from '../kernel/pagination';
import { PostingsDirectory } from '../postings/postings-directory';
import { RegionsService } from '../regions/regions.service';
import { belowLocalMinimum, type MatchingConfig } from './engine';
import { MatchingSettings } from './matching-settings';
import { MatchesRepository, type MatchRow } from './matches.repository';
import { componentsOf } from './results/components-columns';
import type {
  EmployerMatchDto,
  Lang,
  MatchActionDto,
  MatchQueueQuery,
  OfficerMatchDto,
  PostingMatchesQuery,
} from './dto/match.dto';

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
    private readonly repository: MatchesRepository,
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
    const rows = await this.repository.postingMatches(postingId, isEmployer ? 'score' : 'rank');
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
    await this.requireSite(actor, q.siteId);
    const { total, rows } = await this.repository.queuePage(
      actor,
      q,
      this.settings.config.thresholds.strongMatch,
    );
    await this.audit.recordReads(
      actor,
      'resident',
      rows.map((r) => r.residentId),
      'resident.read_match',
    );
    return page(
      rows.map((r) => officerView(r, q.lang, this.settings.config.wage)),
      total,
      q,
    );
  }

  /** The postings of the queue's matches (with how many), for the 待推荐 page's posting filter. */
  async queuePostings(
    actor: AuthUser,
    q: Pick<MatchQueueQuery, 'siteId' | 'status'>,
  ): Promise<{ id: string; title: string; matches: number }[]> {
    await this.requireSite(actor, q.siteId);
    return this.repository.queuePostings(
      actor,
      { status: q.status, siteId: q.siteId },
      this.settings.config.thresholds.strongMatch,
    );
  }

  /** A site filter names a site the officer manages (404 otherwise). */
  private async requireSite(actor: AuthUser, siteId: string | undefined): Promise<void> {
    if (!siteId) return;
    const site = await this.regions.findSite(siteId);
    this.policy.require(!!site && this.policy.managesSite(actor, site), 'Site');
  }

  /**
   * An officer refers the resident to the posting (PIPL art. 24: a person, not the algorithm,
   * decides): an application with source officer_referral is created in the same transaction
   * (ApplicationIntake.createReferral: 409 when the posting is not open or the resident already
   * applied), and the match records it. Audited with both identities.
   */
  async refer(actor: AuthUser, matchId: string): Promise<MatchActionDto> {
    return this.repository.transaction(async (m) => {
      const row = await this.lockManaged(m, actor, matchId);
      if (row.status === 'referred') {
        throw new ConflictError('This match has already been referred', 'match.already_referred');
      }
      const application = await this.applications.createReferral(m, {
        postingId: row.postingId,
        residentId: row.residentId,
        officer: actor,
      });
      await this.repository.markReferred(m, matchId, actor.id, application.id);
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
    return this.repository.transaction(async (m) => {
      const row = await this.lockManaged(m, actor, matchId);
      if (row.status === 'referred') {
        throw new ConflictError('A referred match cannot be dismissed', 'match.already_referred');
      }
      const text = reason.trim();
      await this.repository.markDismissed(m, matchId, text, actor.id);
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
    if (!(await this.repository.lock(m, matchId))) throw new NotFoundError('Match');
    const row = await this.repository.matchRow(m, matchId);
    this.policy.require(!!row && this.policy.managesResident(actor, residentRef(row)), 'Match');
    return row!;
  }
}
