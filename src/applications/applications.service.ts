import { Injectable } from '@nestjs/common';
import type { AuthUser } from '../access/auth-user';
import { ScopePolicy } from '../access/scope/scope-policy';
import { AuditService } from '../audit/audit.service';
import { page, type Page } from '../kernel/pagination';
import { maskName, maskPhone } from '../platform/crypto/masking';
import { PiiCipher } from '../platform/crypto/pii-cipher';
import { EmploymentPolicy } from '../placements/employment-policy';
import { PostingsDirectory } from '../postings/postings-directory';
import { ResidentsDirectory } from '../residents/residents-directory';
import { mayReadApplication } from './application-access';
import type { Application } from './application.entity';
import { ApplicationIntake } from './application-intake.service';
import { ApplicationPipeline } from './application-pipeline.service';
import { WITHOUT_CONSENT, type ApplicationStatus } from './application-status';
import {
  ApplicationsRepository,
  type ApplicationFilter,
  type PriorityFirst,
} from './applications.repository';
import type {
  ApplicationDto,
  ApplicationQuery,
  CreateApplicationDto,
  InviteApplicationDto,
  UpdateApplicationDto,
} from './dto/application.dto';

export type { ReferralInput } from './application-intake.service';

/** What the views need about the resident, the household and the posting. */
interface ApplicantFacts {
  name: string;
  phoneEncrypted: string | null;
  consentToShare: boolean;
  priority: number;
  postingTitle: string;
  publicWelfare: boolean;
}

/**
 * Applications as the API and the pages see them (DESIGN.md "Domain"): every route answers with
 * the application as its reader may see it — the employer a masked candidate until the resident
 * consents, never the household's situation. Starting one is ApplicationIntake (apply, refer,
 * invite), moving it on ApplicationPipeline (accept, decline, withdraw, the employer's steps, the
 * hire).
 *
 * Postings, employers, residents and accounts are read through their directories; the officers'
 * list filters and orders by the resident's scope and household priority with the conditions
 * the residents' directory makes on the repository's column (ResidentsDirectory.readableBy,
 * householdPrioritySql; kernel/sql-condition.ts), and
 * puts public-welfare posts (PostingsDirectory.publicWelfareAmong) first, so it still pages in
 * the database.
 */
@Injectable()
export class ApplicationsService {
  constructor(
    private readonly repo: ApplicationsRepository,
    private readonly intake: ApplicationIntake,
    private readonly pipeline: ApplicationPipeline,
    private readonly policy: ScopePolicy,
    private readonly audit: AuditService,
    private readonly pii: PiiCipher,
    private readonly residents: ResidentsDirectory,
    private readonly postings: PostingsDirectory,
    private readonly rules: EmploymentPolicy,
  ) {}

  // ---- starting and moving: the work is ApplicationIntake's and ApplicationPipeline's ---------

  async apply(actor: AuthUser, dto: CreateApplicationDto): Promise<ApplicationDto> {
    return this.get(actor, await this.intake.apply(actor, dto));
  }

  async invite(actor: AuthUser, dto: InviteApplicationDto): Promise<ApplicationDto> {
    return this.get(actor, await this.intake.invite(actor, dto));
  }

  /** The resident (or an officer on their behalf) accepts an invitation: it becomes an application. */
  accept(actor: AuthUser, id: string): Promise<ApplicationDto> {
    return this.changeStatus(actor, id, { status: 'applied' }, 'invited');
  }

  /** The resident (or an officer on their behalf) declines an invitation; the employer sees no contact. */
  decline(actor: AuthUser, id: string): Promise<ApplicationDto> {
    return this.changeStatus(actor, id, { status: 'declined' }, 'invited');
  }

  /** One checked transition (ApplicationPipeline.move); a hire answers with its placementId. */
  async changeStatus(
    actor: AuthUser,
    id: string,
    dto: UpdateApplicationDto,
    expectFrom?: ApplicationStatus,
  ): Promise<ApplicationDto> {
    const placementId = await this.pipeline.move(actor, id, dto, expectFrom);
    const view = await this.get(actor, id);
    return placementId ? { ...view, placementId } : view;
  }

  // ---- reading --------------------------------------------------------------------------------

  async list(actor: AuthUser, q: ApplicationQuery): Promise<Page<ApplicationDto>> {
    if (q.postingId && actor.role === 'employer') {
      const posting = await this.postings.postingRef(q.postingId);
      this.policy.require(!!posting && this.policy.managesPosting(actor, posting), 'Posting');
    }
    const filter: ApplicationFilter = {
      reader: this.readerOf(actor),
      postingId: q.postingId,
      residentId: q.residentId,
      status: q.status,
    };
    const total = await this.repo.count(filter);
    // Public-welfare posts: zero-employment and monitored households first (POLICY.md), for the
    // officers who place people on them. Never for the employer: the order alone would tell it
    // which applicants come from households in hardship (issue 12 finding 3).
    let first: PriorityFirst | undefined;
    if (actor.role === 'officer' || actor.role === 'admin') {
      const welfare = await this.postings.publicWelfareAmong(await this.repo.postingIdsOf(filter));
      if (welfare.size) {
        const points = this.rules.priority;
        first = {
          postingIds: [...welfare],
          priority: (column) => this.residents.householdPrioritySql(column, points),
        };
      }
    }
    const entities = await this.repo.page(filter, (q.page - 1) * q.pageSize, q.pageSize, first);
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
    const a = await this.repo.findById(id);
    const f = a ? (await this.factsOf([a])).get(a.id) : undefined;
    this.policy.require(
      !!a && !!f && (await mayReadApplication(this.policy, this.residents, actor, a)),
      'Application',
    );
    if (actor.role !== 'resident') {
      await this.audit.record(actor, {
        action: 'application.read',
        entityType: 'application',
        entityId: id,
      });
    }
    return this.view(actor, a!, f!);
  }

  // ---- internals -------------------------------------------------------------------------------

  private readerOf(actor: AuthUser): ApplicationFilter['reader'] {
    switch (actor.role) {
      case 'employer':
        return { employerId: actor.employerId };
      case 'resident':
        return { ownResidentId: actor.residentId };
      case 'officer':
      case 'admin':
        return { scope: (column) => this.residents.readableBy(actor, column) };
      case 'provider':
      case 'liaison':
        return 'none';
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
