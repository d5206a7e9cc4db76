import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import type { AuthUser } from '../access/auth-user';
import { ScopePolicy } from '../access/scope-policy';
import { UsersService } from '../access/users.service';
import { AuditService } from '../audit/audit.service';
import { todayInPilotZone } from '../common/clock';
import { ConflictError, InvalidInputError, NotFoundError } from '../common/domain-errors';
import { page, type Page } from '../common/pagination';
import { maskName, maskPhone } from '../crypto/masking';
import { PiiCipher } from '../crypto/pii-cipher';
import { EmployersService } from '../employers/employers.service';
import { NotificationsService } from '../notifications/notifications.service';
import { EmploymentPolicy } from '../placements/employment-policy';
import type { PlacementKind } from '../placements/placement-kind';
import { PlacementsService } from '../placements/placements.service';
import { PostingsService } from '../postings/postings.service';
import { ResidentsDirectory } from '../residents/residents-directory';
import { Application, type ApplicationHistoryEntry } from './application.entity';
import {
  canTransition,
  isFinal,
  isResidentMove,
  STATUS_ZH,
  WITHOUT_CONSENT,
  type ApplicationSource,
  type ApplicationStatus,
  type TransitionActor,
} from './application-status';
import type {
  ApplicationDto,
  ApplicationQuery,
  CreateApplicationDto,
  InviteApplicationDto,
  UpdateApplicationDto,
} from './dto/application.dto';

/** What the views need about the resident, the household and the posting. */
interface ApplicantFacts {
  name: string;
  phoneEncrypted: string | null;
  consentToShare: boolean;
  priority: number;
  postingTitle: string;
  publicWelfare: boolean;
}

export interface ReferralInput {
  postingId: string;
  residentId: string;
  officer: AuthUser;
}

/**
 * Applications and the hiring pipeline (DESIGN.md "Domain"): a resident applies, an officer
 * refers, an employer invites (status invited until the resident, or an officer for them,
 * accepts or declines: an employer gets no contact data from a resident who did nothing);
 * transitions are checked (application-status.ts), history is
 * appended, the resident is told of every change, and `hired` fills the posting's headcount and
 * creates the placement in the same transaction.
 *
 * Postings, employers, residents and accounts are read through their services; the list filters
 * and orders by the resident's scope and household priority with the SQL those modules hand out
 * (ResidentsDirectory.readableSql, householdPrioritySql; PostingsService.publicWelfareSql), so it
 * still pages in the database.
 */
@Injectable()
export class ApplicationsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly policy: ScopePolicy,
    private readonly audit: AuditService,
    private readonly pii: PiiCipher,
    private readonly notifications: NotificationsService,
    private readonly residents: ResidentsDirectory,
    private readonly postings: PostingsService,
    private readonly employers: EmployersService,
    private readonly users: UsersService,
    private readonly placements: PlacementsService,
    private readonly rules: EmploymentPolicy,
  ) {}

  // ---- for other modules (matching: "refer a match") -------------------------------------------

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

  // ---- API -------------------------------------------------------------------------------------

  async apply(actor: AuthUser, dto: CreateApplicationDto): Promise<ApplicationDto> {
    const id = await this.dataSource.transaction(async (m) => {
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
    return this.get(actor, id);
  }

  /**
   * The employer owning the posting invites a resident who consents to share their profile. The
   * invitation is only that: status invited, the candidate masked, until the resident accepts.
   */
  async invite(actor: AuthUser, dto: InviteApplicationDto): Promise<ApplicationDto> {
    const posting = await this.postings.postingRef(dto.postingId);
    this.policy.require(!!posting && this.policy.managesPosting(actor, posting), 'Posting');
    const resident = await this.residents.summaryFor(dto.residentId);
    // A resident who does not share their profile is invisible to employers (PIPL art. 29).
    this.policy.require(!!resident?.consentToShare, 'Resident');
    const id = await this.dataSource.transaction(async (m) => {
      // A "no" stands: the employer may not invite the same person to the same job again and again.
      const declined = await m.exists(Application, {
        where: { postingId: dto.postingId, residentId: dto.residentId, status: 'declined' },
      });
      if (declined) {
        throw new ConflictError(
          'This resident has declined an invitation to this posting',
          'application.invitation_declined',
        );
      }
      return (await this.insert(m, actor, dto.postingId, dto.residentId, 'employer_invitation')).id;
    });
    return this.get(actor, id);
  }

  /** The resident (or an officer on their behalf) accepts an invitation: it becomes an application. */
  accept(actor: AuthUser, id: string): Promise<ApplicationDto> {
    return this.changeStatus(actor, id, { status: 'applied' }, 'invited');
  }

  /** The resident (or an officer on their behalf) declines an invitation; the employer sees no contact. */
  decline(actor: AuthUser, id: string): Promise<ApplicationDto> {
    return this.changeStatus(actor, id, { status: 'declined' }, 'invited');
  }

  async list(actor: AuthUser, q: ApplicationQuery): Promise<Page<ApplicationDto>> {
    if (q.postingId && actor.role === 'employer') {
      const posting = await this.postings.postingRef(q.postingId);
      this.policy.require(!!posting && this.policy.managesPosting(actor, posting), 'Posting');
    }
    const qb = this.dataSource.manager.createQueryBuilder(Application, 'a');
    switch (actor.role) {
      case 'employer':
        qb.andWhere('a.employer_id = :employerId', { employerId: actor.employerId });
        break;
      case 'resident':
        qb.andWhere('a.resident_id = :ownId', { ownId: actor.residentId });
        break;
      case 'officer':
      case 'admin': {
        const scope = this.residents.readableSql(actor, 'a.resident_id');
        qb.andWhere(scope.sql, scope.params);
        break;
      }
      case 'provider':
      case 'liaison':
        qb.andWhere('FALSE');
        break;
    }
    if (q.postingId) qb.andWhere('a.posting_id = :postingId', { postingId: q.postingId });
    if (q.residentId) qb.andWhere('a.resident_id = :residentId', { residentId: q.residentId });
    if (q.status) qb.andWhere('a.status = :status', { status: q.status });
    const total = await qb.getCount();
    // Public-welfare posts: zero-employment and monitored households first (POLICY.md), for the
    // officers who place people on them. Never for the employer: the order alone would tell it
    // which applicants come from households in hardship (issue 12 finding 3).
    if (actor.role === 'officer' || actor.role === 'admin') {
      const priority = this.residents.householdPrioritySql('a.resident_id', this.rules.priority);
      qb.orderBy(
        `CASE WHEN ${this.postings.publicWelfareSql('a.posting_id')} THEN ${priority.sql} ELSE 0 END`,
        'DESC',
      ).setParameters(priority.params);
    }
    const entities = await qb
      .addOrderBy('a.created_at', 'ASC')
      .addOrderBy('a.id', 'ASC')
      .offset((q.page - 1) * q.pageSize)
      .limit(q.pageSize)
      .getMany();
    const facts = await this.factsOf(entities);
    if (actor.role !== 'resident') {
      await this.audit.recordReads(
        actor,
        'resident',
        entities.map((a) => a.residentId),
        'resident.read_application',
      );
    }
    return page(
      entities.map((a) => this.view(actor, a, facts.get(a.id)!)),
      total,
      q,
    );
  }

  async get(actor: AuthUser, id: string): Promise<ApplicationDto> {
    const a = await this.dataSource.manager.findOne(Application, { where: { id } });
    const f = a ? (await this.factsOf([a])).get(a.id) : undefined;
    this.policy.require(!!a && !!f && (await this.mayRead(actor, a)), 'Application');
    if (actor.role !== 'resident') {
      await this.audit.record(actor, {
        action: 'application.read',
        entityType: 'application',
        entityId: id,
      });
    }
    return this.view(actor, a!, f!);
  }

  /**
   * One transition, checked by the state machine. `expectFrom` (accept, decline) refuses with 409
   * unless the application is in that state, so "accept" never moves anything but an invitation.
   */
  async changeStatus(
    actor: AuthUser,
    id: string,
    dto: UpdateApplicationDto,
    expectFrom?: ApplicationStatus,
  ): Promise<ApplicationDto> {
    const placementId = await this.dataSource.transaction(async (m) => {
      const a = await m.findOne(Application, { where: { id }, lock: { mode: 'pessimistic_write' } });
      this.policy.require(!!a && (await this.mayRead(actor, a, m)), 'Application');
      const app = a!;
      const onBehalf = actor.role === 'officer' || actor.role === 'admin';
      if (onBehalf) {
        const ref = await this.residents.residentRef(app.residentId, m);
        this.policy.require(!!ref && this.policy.managesResident(actor, ref), 'Application');
      }
      const as: TransitionActor =
        actor.role === 'resident' || (onBehalf && isResidentMove(app.status, dto.status))
          ? 'resident'
          : 'employer';
      if ((expectFrom && app.status !== expectFrom) || !canTransition(as, app.status, dto.status)) {
        const why =
          expectFrom && app.status !== expectFrom
            ? `this application is ${app.status}, not an open invitation`
            : as === 'resident' && app.status === 'invited'
              ? 'an invitation can only be accepted (applied) or declined'
              : as === 'resident' && !isFinal(app.status)
                ? 'a resident may only withdraw an application'
                : `an application cannot move from ${app.status} to ${dto.status}`;
        throw new ConflictError(`Illegal transition: ${why}`, 'application.illegal_transition');
      }
      if (app.status === 'invited' && dto.status === 'applied') await this.assertMayApply(m, app);
      let newPlacementId: string | undefined;
      if (dto.status === 'hired') newPlacementId = await this.hire(m, actor, app);
      const entry: ApplicationHistoryEntry = {
        from: app.status,
        to: dto.status,
        at: new Date().toISOString(),
        by: actor.id,
        role: actor.role,
        note: dto.note?.trim() || null,
      };
      await m.query(
        `UPDATE application SET status = $2, history = history || $3::jsonb, updated_at = now() WHERE id = $1`,
        [id, dto.status, JSON.stringify([entry])],
      );
      await this.notifyResident(m, app, dto.status);
      if (app.status === 'invited') await this.notifyInviter(m, app, dto.status);
      await this.audit.record(
        actor,
        {
          action: 'application.status',
          entityType: 'application',
          entityId: id,
          onBehalfOfResidentId: onBehalf ? app.residentId : null,
          details: { from: app.status, to: dto.status, placementId: newPlacementId ?? null },
        },
        m,
      );
      return newPlacementId;
    });
    const dto2 = await this.get(actor, id);
    return placementId ? { ...dto2, placementId } : dto2;
  }

  // ---- internals -------------------------------------------------------------------------------

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
    const res = await m
      .createQueryBuilder()
      .insert()
      .into(Application)
      .values({
        postingId,
        residentId,
        employerId: posting!.employerId,
        source,
        status,
        history: [entry],
        createdBy: actor.id,
      })
      .orIgnore()
      .returning(['id'])
      .execute();
    const rows = res.raw as { id: string }[];
    if (!rows.length) {
      throw new ConflictError('This resident has already applied to this posting', 'application.duplicate');
    }
    const a = await m.findOneOrFail(Application, { where: { id: rows[0].id } });
    if (source !== 'self') await this.notifyResident(m, a, status, posting!.title, source);
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

  /** Accepting an invitation is applying: the posting must still be open and its rules met. */
  private async assertMayApply(m: EntityManager, a: Application): Promise<void> {
    const posting = await this.postings.hiringTerms(a.postingId, m);
    if (!posting || posting.status !== 'open') {
      throw new ConflictError(`The posting is ${posting?.status ?? 'gone'}, not open`, 'posting.not_open');
    }
    if (posting.publicWelfare) await this.placements.assertPublicWelfareEligible(m, a.residentId, posting);
  }

  /** The hire: headcount (may fill the posting) and the placement, in the change's transaction. */
  private async hire(m: EntityManager, actor: AuthUser, a: Application): Promise<string> {
    const posting = await this.postings.hiringTerms(a.postingId, m);
    if (!posting) throw new Error(`posting ${a.postingId} of application ${a.id} does not exist`);
    if (posting.publicWelfare) await this.placements.assertPublicWelfareEligible(m, a.residentId, posting);
    await this.postings.recordHire(m, a.postingId);
    const employer = await this.employers.summary(a.employerId, m);
    // A workshop counts as one once an officer has verified it as one (a switched kind is in review).
    const kind: PlacementKind = posting.publicWelfare
      ? 'public_welfare'
      : employer?.kind === 'workshop' && employer.verified
        ? 'workshop'
        : 'local_enterprise';
    const today = todayInPilotZone();
    const placement = await this.placements.createFromHire(m, actor, {
      residentId: a.residentId,
      postingId: a.postingId,
      applicationId: a.id,
      employerId: a.employerId,
      employerName: employer?.name ?? '',
      kind,
      startDate: posting.startDate && posting.startDate > today ? posting.startDate : today,
      monthlyIncome: this.rules.monthlyIncomeFromWage(posting.wageMin, posting.wageMax, posting.wageUnit),
    });
    return placement.id;
  }

  private async notifyResident(
    m: EntityManager,
    a: Application,
    status: ApplicationStatus,
    postingTitle?: string,
    source?: ApplicationSource,
  ): Promise<void> {
    const users = await this.users.activeIdsOfResidents([a.residentId], m);
    if (!users.length) return;
    const title = postingTitle ?? (await this.postings.postingRef(a.postingId, m))?.title ?? '';
    const body =
      source === 'employer_invitation'
        ? `企业邀请您应聘「${title}」。想去就在“我的求职”里点“接受”，不想去点“不了”。您接受之前，企业看不到您的名字和电话。`
        : source === 'officer_referral'
          ? `就业专干为您推荐了「${title}」，已为您报名。不想去可以在“我的求职”里撤回。`
          : `您报名的「${title}」有新进展：${STATUS_ZH[status]}。`;
    await this.notifications.notifyUsers(m, {
      recipients: users,
      kind: 'application.status_changed',
      title: `求职进度：${STATUS_ZH[status]}`,
      body,
      payload: { applicationId: a.id, postingId: a.postingId, status, link: `/applications/${a.id}` },
      dedupKeyPrefix: `app:${a.id}:${status}`,
    });
  }

  /** The employer learns the answer to its invitation (ids and the posting title only). */
  private async notifyInviter(m: EntityManager, a: Application, answer: ApplicationStatus): Promise<void> {
    const employer = await this.employers.summary(a.employerId, m);
    if (!employer) return;
    const title = (await this.postings.postingRef(a.postingId, m))?.title ?? '';
    await this.notifications.notifyUsers(m, {
      recipients: [employer.ownerUserId],
      kind: 'application.invitation_answered',
      title: answer === 'applied' ? '邀请已接受' : '邀请未接受',
      body:
        answer === 'applied'
          ? `您为「${title}」邀请的人接受了邀请，现在可以在“报名的人”里看到联系方式。`
          : `您为「${title}」邀请的人没有接受邀请。`,
      payload: { applicationId: a.id, postingId: a.postingId, status: answer },
      dedupKeyPrefix: `app:${a.id}:answer`,
    });
  }

  private async mayRead(actor: AuthUser, a: Application, m?: EntityManager): Promise<boolean> {
    switch (actor.role) {
      case 'employer':
        return !!actor.employerId && a.employerId === actor.employerId;
      case 'resident':
        return !!actor.residentId && a.residentId === actor.residentId;
      case 'officer':
      case 'admin': {
        const ref = await this.residents.residentRef(a.residentId, m);
        return !!ref && this.policy.readsResident(actor, ref);
      }
      case 'provider':
      case 'liaison':
        return false;
    }
  }

  /** The applicant and posting facts of each application, by application id (two queries). */
  private async factsOf(apps: Application[]): Promise<Map<string, ApplicantFacts>> {
    const [cards, headlines] = await Promise.all([
      this.residents.contactCardsOf(
        apps.map((a) => a.residentId),
        this.rules.priority,
      ),
      this.postings.headlinesOf(apps.map((a) => a.postingId)),
    ]);
    const out = new Map<string, ApplicantFacts>();
    for (const a of apps) {
      const card = cards.get(a.residentId);
      const headline = headlines.get(a.postingId);
      if (!card || !headline) continue;
      out.set(a.id, {
        name: card.name,
        phoneEncrypted: card.phoneEncrypted,
        consentToShare: card.consentToShare,
        priority: card.householdPriority,
        postingTitle: headline.title,
        publicWelfare: headline.publicWelfare,
      });
    }
    return out;
  }

  private view(actor: AuthUser, a: Application, f: ApplicantFacts): ApplicationDto {
    const dto: ApplicationDto = {
      id: a.id,
      postingId: a.postingId,
      postingTitle: f.postingTitle,
      publicWelfare: f.publicWelfare,
      residentId: a.residentId,
      employerId: a.employerId,
      source: a.source,
      status: a.status,
      history: a.history,
      createdBy: a.createdBy,
      createdAt: a.createdAt,
      updatedAt: a.updatedAt,
    };
    if (actor.role === 'resident') return dto;
    if (actor.role === 'employer' && WITHOUT_CONSENT.includes(a.status)) {
      // Invited and not (or no longer) a candidate: who it is stays the resident's to tell.
      dto.applicant = { name: maskName(f.name), phone: null, phoneMasked: true };
      return dto;
    }
    const phone = f.phoneEncrypted ? this.pii.decrypt(f.phoneEncrypted) : null;
    // An application shares contact data with the employer; in clear only with consent to share.
    const clear = actor.role === 'employer' && f.consentToShare;
    dto.applicant = {
      name: f.name,
      phone: phone ? (clear ? phone : maskPhone(phone)) : null,
      phoneMasked: !!phone && !clear,
    };
    // The household's situation is not the employer's business (as in matching).
    if (actor.role !== 'employer') dto.priority = f.priority;
    return dto;
  }
}
