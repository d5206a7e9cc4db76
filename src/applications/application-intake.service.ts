import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { AuthUser } from '../access/auth-user';
import { ScopePolicy } from '../access/scope/scope-policy';
import { AuditService } from '../audit/audit.service';
import { ConflictError, InvalidInputError, NotFoundError } from '../kernel/domain-errors';
import { PlacementsService } from '../placements/placements.service';
import { PostingsDirectory } from '../postings/postings-directory';
import { ResidentsDirectory } from '../residents/residents-directory';
import type { Application, ApplicationHistoryEntry } from './application.entity';
import { ApplicationNotices } from './application-notices';
import type { ApplicationSource, ApplicationStatus } from './application-status';
import { ApplicationsRepository } from './applications.repository';
import type { CreateApplicationDto, InviteApplicationDto } from './dto/application.dto';

export interface ReferralInput {
  postingId: string;
  residentId: string;
  officer: AuthUser;
}

/**
 * How an application starts: a resident applies, an officer refers a resident (the API, and
 * matching's "refer a match"), an employer invites a resident who shares their profile. Each
 * returns the new application's id; ApplicationsService answers with the view.
 */
@Injectable()
export class ApplicationIntake {
  constructor(
    private readonly repo: ApplicationsRepository,
    private readonly policy: ScopePolicy,
    private readonly audit: AuditService,
    private readonly notices: ApplicationNotices,
    private readonly residents: ResidentsDirectory,
    private readonly postings: PostingsDirectory,
    private readonly placements: PlacementsService,
  ) {}

  /**
   * An officer refers a resident to a posting, in the caller's transaction: source
   * officer_referral, status applied. 404 unless the officer manages the resident; 409 when the
   * posting is not open, the resident already applied, or a public-welfare rule fails.
   */
  async createReferral(manager: EntityManager, input: ReferralInput): Promise<{ id: string }> {
    const ref = await this.residents.residentRef(input.residentId, manager);
    this.policy.require(!!ref && this.policy.managesResident(input.officer, ref), 'Resident');
    const a = await this.insert(
      manager,
      input.officer,
      input.postingId,
      input.residentId,
      'officer_referral',
    );
    return { id: a.id };
  }

  /** The resident applies for themself; an officer names the resident (a referral). */
  async apply(actor: AuthUser, dto: CreateApplicationDto): Promise<string> {
    return this.repo.transaction(async (m) => {
      if (actor.role === 'resident') {
        const residentId = dto.residentId ?? actor.residentId;
        if (!residentId || residentId !== actor.residentId) throw new NotFoundError('Resident');
        return (await this.insert(m, actor, dto.postingId, residentId, 'self')).id;
      }
      if (!dto.residentId)
        throw new InvalidInputError('residentId', 'is required when an officer refers a resident');
      return (
        await this.createReferral(m, { postingId: dto.postingId, residentId: dto.residentId, officer: actor })
      ).id;
    });
  }

  /**
   * The employer owning the posting invites a resident who consents to share their profile. The
   * invitation is only that: status invited, the candidate masked, until the resident accepts.
   */
  async invite(actor: AuthUser, dto: InviteApplicationDto): Promise<string> {
    const posting = await this.postings.postingRef(dto.postingId);
    this.policy.require(!!posting && this.policy.managesPosting(actor, posting), 'Posting');
    const resident = await this.residents.summaryFor(dto.residentId);
    // A resident who does not share their profile is invisible to employers (PIPL art. 29).
    this.policy.require(!!resident?.consentToShare, 'Resident');
    return this.repo.transaction(async (m) => {
      // A "no" stands: the employer may not invite the same person to the same job again and again.
      if (await this.repo.declined(m, dto.postingId, dto.residentId)) {
        throw new ConflictError(
          'This resident has declined an invitation to this posting',
          'application.invitation_declined',
        );
      }
      return (await this.insert(m, actor, dto.postingId, dto.residentId, 'employer_invitation')).id;
    });
  }

  private async insert(
    m: EntityManager,
    actor: AuthUser,
    postingId: string,
    residentId: string,
    source: ApplicationSource,
  ): Promise<Application> {
    const posting = await this.postings.hiringTerms(postingId, m);
    // A draft is not revealed to residents and officers outside its area.
    this.policy.require(!!posting && this.policy.citesPosting(actor, posting), 'Posting');
    if (posting!.status !== 'open') {
      throw new ConflictError(`The posting is ${posting!.status}, not open`, 'posting.not_open');
    }
    if (posting!.publicWelfare) {
      await this.placements.assertPublicWelfareEligible(m, residentId, posting!);
    }
    const status: ApplicationStatus = source === 'employer_invitation' ? 'invited' : 'applied';
    const entry: ApplicationHistoryEntry = {
      from: null,
      to: status,
      at: new Date().toISOString(),
      by: actor.id,
      role: actor.role,
      note: source,
    };
    const a = await this.repo.insertUnlessActive(m, {
      postingId,
      residentId,
      employerId: posting!.employerId,
      source,
      status,
      history: [entry],
      createdBy: actor.id,
    });
    if (!a) {
      throw new ConflictError('This resident has already applied to this posting', 'application.duplicate');
    }
    if (source !== 'self') await this.notices.toResident(m, a, status, posting!.title, source);
    await this.audit.record(
      actor,
      {
        action: 'application.create',
        entityType: 'application',
        entityId: a.id,
        onBehalfOfResidentId: source === 'officer_referral' ? residentId : null,
        details: { postingId, source },
      },
      m,
    );
    return a;
  }
}
