import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { AuthUser } from '../access/auth-user';
import { ScopePolicy, type ResidentRef } from '../access/scope/scope-policy';
import { AuditService } from '../audit/audit.service';
import { ConflictError, InvalidInputError, NotFoundError } from '../kernel/domain-errors';
import { page, type Page } from '../kernel/pagination';
import { OutboxService } from '../platform/database/outbox.service';
import { EmployersService } from '../employers/employers.service';
import { PostingsDirectory } from '../postings/postings-directory';
import { HouseholdsDirectory } from '../residents/households-directory';
import { ResidentsDirectory } from '../residents/residents-directory';
import { AtRiskAlerts } from './at-risk-alerts';
import type { CreateFollowUpDto } from './dto/follow-up.dto';
import type {
  CreatePlacementDto,
  EndPlacementDto,
  EndPlacementResultDto,
  FollowUpDto,
  PlacementDto,
  PlacementQuery,
} from './dto/placement.dto';
import { todayInPilotZone as todayInChina } from '../kernel/clock';
import { addDays } from '../kernel/clock';
import { ageOn, EmploymentPolicy } from './employment-policy';
import { FollowUpsService } from './follow-ups.service';
import type { PlacementFollowUp } from './placement-follow-up.entity';
import type { PlacementKind } from './placement-kind';
import type { Placement } from './placement.entity';
import { PlacementsRepository } from './placements.repository';

/** A hire confirmed by the employer (applications module), in its transaction. */
export interface HireInput {
  residentId: string;
  postingId: string;
  applicationId: string;
  employerId: string;
  employerName: string;
  kind: PlacementKind;
  startDate: string;
  monthlyIncome: number | null;
}

/** The posting's own age range, narrowing the public-welfare default. */
export interface AgeRange {
  ageMin: number | null;
  ageMax: number | null;
}

interface StartInput {
  residentId: string;
  postingId: string | null;
  applicationId: string | null;
  employerId: string | null;
  employerName: string | null;
  kind: PlacementKind;
  partnerCity: string | null;
  startDate: string;
  monthlyIncome: number | null;
}

/**
 * Placements (DESIGN.md "Domain"): every start and end updates the resident's employment status
 * and the household figures in the same transaction (ResidentsDirectory.setEmployment); an end that
 * leaves the household with no one at work raises the at-risk alert at once.
 */
@Injectable()
export class PlacementsService {
  constructor(
    private readonly repo: PlacementsRepository,
    private readonly policy: ScopePolicy,
    private readonly audit: AuditService,
    private readonly outbox: OutboxService,
    private readonly residents: ResidentsDirectory,
    private readonly households: HouseholdsDirectory,
    private readonly postings: PostingsDirectory,
    private readonly employers: EmployersService,
    private readonly rules: EmploymentPolicy,
    private readonly alerts: AtRiskAlerts,
    private readonly followUps: FollowUpsService,
  ) {}

  // ---- for other modules (applications) --------------------------------------------------------

  /** The placement of a hire, in the caller's (the application change's) transaction. */
  async createFromHire(manager: EntityManager, actor: AuthUser, input: HireInput): Promise<Placement> {
    return this.start(manager, actor, { ...input, partnerCity: null });
  }

  /**
   * Public-welfare post rules (POLICY.md "Public-welfare posts"), checked with the household row
   * locked so two hires in one household cannot both pass:
   * - `public_welfare.age_limit`: age within [lawful minimum, publicWelfareMaxAge] (60 by default,
   *   config/matching.yaml `age.publicWelfareMaxAge`), narrowed by the posting's own range;
   * - `public_welfare.one_per_person`: the resident holds no public-welfare post already;
   * - `public_welfare.one_per_household`: no other member of the household holds one.
   */
  async assertPublicWelfareEligible(
    manager: EntityManager,
    residentId: string,
    range: AgeRange = { ageMin: null, ageMax: null },
  ): Promise<void> {
    const locked = await this.residents.lockHouseholdOf(manager, residentId);
    if (!locked) throw new NotFoundError('Resident');
    const { birthDate, householdId } = locked;
    const maxAge = Math.min(this.rules.publicWelfareMaxAge, range.ageMax ?? Infinity);
    const minAge = Math.max(this.rules.lawfulMinimumAge, range.ageMin ?? 0);
    if (!birthDate) {
      throw new ConflictError(
        'Public-welfare post: the birth date is unknown, so the age limit cannot be checked; an officer must confirm the resident first',
        'public_welfare.age_limit',
      );
    }
    const age = ageOn(birthDate, todayInChina());
    if (age > maxAge || age < minAge) {
      throw new ConflictError(
        `Public-welfare post: applicants must be ${minAge}–${maxAge} years old (this resident is ${age})`,
        'public_welfare.age_limit',
      );
    }
    const held = await this.repo.publicWelfareHoldersOf(manager, householdId);
    if (held.includes(residentId)) {
      throw new ConflictError(
        'Public-welfare post: one person holds at most one such post, and this resident already holds one',
        'public_welfare.one_per_person',
      );
    }
    if (held.length) {
      throw new ConflictError(
        'Public-welfare post: one such post per household, and another member of this household already holds one',
        'public_welfare.one_per_household',
      );
    }
  }

  // ---- API -------------------------------------------------------------------------------------

  async create(actor: AuthUser, dto: CreatePlacementDto): Promise<PlacementDto> {
    let employerId: string | null = null;
    let employerName = dto.employerName?.trim() || null;
    if (dto.postingId) {
      const posting = await this.postings.postingRef(dto.postingId);
      // Every id a request names is in the caller's scope: another area's draft is not there (404).
      this.policy.require(!!posting && this.policy.citesPosting(actor, posting), 'Posting');
      employerId = posting!.employerId;
      employerName ??= (await this.employers.summary(posting!.employerId))?.name ?? null;
    }
    if (!employerName && ['local_enterprise', 'workshop', 'public_welfare'].includes(dto.kind)) {
      throw new InvalidInputError('employerName', `is required for ${dto.kind} without a postingId`);
    }
    if (dto.startDate > addDays(todayInChina(), 31)) {
      throw new InvalidInputError('startDate', 'must not be more than a month ahead');
    }
    const id = await this.repo.transaction(async (m) => {
      await this.requireManaged(m, actor, dto.residentId);
      if (dto.kind === 'public_welfare') await this.assertPublicWelfareEligible(m, dto.residentId);
      const p = await this.start(m, actor, {
        residentId: dto.residentId,
        postingId: dto.postingId ?? null,
        applicationId: null,
        employerId,
        employerName,
        kind: dto.kind,
        partnerCity: dto.partnerCity?.trim() || null,
        startDate: dto.startDate,
        monthlyIncome: dto.monthlyIncome ?? null,
      });
      return p.id;
    });
    return this.load(id);
  }

  async list(actor: AuthUser, q: PlacementQuery): Promise<Page<PlacementDto>> {
    const [entities, total] = await this.repo.page(
      (householdIdColumn) => this.households.readableBy(actor, householdIdColumn),
      { siteId: q.siteId, residentId: q.residentId, kind: q.kind, active: q.active },
      (q.page - 1) * q.pageSize,
      q.pageSize,
    );
    const names = await this.residents.namesOf(entities.map((p) => p.residentId));
    await this.audit.recordReads(
      actor,
      'resident',
      entities.map((p) => p.residentId),
      'resident.read_placement',
    );
    return page(
      entities.map((p) => toDto(p, names.get(p.residentId) ?? '')),
      total,
      q,
    );
  }

  async get(actor: AuthUser, id: string): Promise<PlacementDto> {
    const p = await this.repo.findById(id);
    const ref = p ? await this.residents.residentRef(p.residentId) : null;
    this.policy.require(!!ref && this.policy.readsResident(actor, ref), 'Placement');
    await this.audit.record(actor, {
      action: 'placement.read',
      entityType: 'placement',
      entityId: id,
      onBehalfOfResidentId: null,
    });
    return this.load(id, true);
  }

  async end(actor: AuthUser, id: string, dto: EndPlacementDto): Promise<EndPlacementResultDto> {
    const result = await this.repo.transaction(async (m) => {
      const p = await this.repo.lockById(m, id, 'write');
      const ref = p ? await this.residents.residentRef(p.residentId, m) : null;
      this.policy.require(!!ref && this.policy.managesResident(actor, ref), 'Placement');
      const placement = p!;
      if (placement.endDate) {
        throw new ConflictError(
          `This placement already ended on ${placement.endDate}`,
          'placement.already_ended',
        );
      }
      if (dto.endDate < placement.startDate) {
        throw new InvalidInputError('endDate', `must be on or after startDate (${placement.startDate})`);
      }
      if (dto.endDate > todayInChina()) throw new InvalidInputError('endDate', 'must not be in the future');
      await this.repo.end(m, id, dto.endDate, dto.reason.trim());
      const others = await this.repo.activeCountOf(m, placement.residentId, id);
      // Someone with another job that has not ended is still at work.
      const change = await this.residents.setEmployment(m, placement.residentId, others > 0);
      const residentVersion = await this.residents.versionOf(placement.residentId, m);
      // Matching re-ranks the resident (and, through zeroEmployment, the household's priority).
      await this.outbox.add(m, {
        kind: 'placement.ended',
        entityId: placement.residentId,
        version: residentVersion,
        payload: {
          residentId: placement.residentId,
          residentVersion,
          placementId: id,
          householdId: change.householdId,
        },
      });
      let atRiskNotified = 0;
      if (!change.zeroEmploymentBefore && change.zeroEmploymentAfter) {
        atRiskNotified = await this.alerts.raise(m, {
          householdId: change.householdId,
          siteId: ref!.household.site.id,
          originRegionCode: ref!.household.originRegionCode,
          placementId: id,
        });
      }
      await this.audit.record(
        actor,
        {
          action: 'placement.end',
          entityType: 'placement',
          entityId: id,
          onBehalfOfResidentId: placement.residentId,
          details: { householdZeroEmployment: change.zeroEmploymentAfter, atRiskNotified },
        },
        m,
      );
      return { householdZeroEmployment: change.zeroEmploymentAfter, atRiskNotified };
    });
    return { ...(await this.load(id)), ...result };
  }

  async addFollowUp(actor: AuthUser, id: string, dto: CreateFollowUpDto): Promise<FollowUpDto> {
    return this.repo.transaction(async (m) => {
      const p = await this.repo.lockById(m, id, 'read');
      const ref = p ? await this.residents.residentRef(p.residentId, m) : null;
      this.policy.require(!!ref && this.policy.managesResident(actor, ref), 'Placement');
      if (dto.date < p!.startDate) {
        throw new InvalidInputError(
          'date',
          `must be on or after the placement's startDate (${p!.startDate})`,
        );
      }
      if (dto.date > todayInChina()) throw new InvalidInputError('date', 'must not be in the future');
      const row = await this.repo.insertFollowUp(m, {
        placementId: id,
        date: dto.date,
        stillEmployed: dto.stillEmployed,
        monthlyIncome: dto.monthlyIncome ?? null,
        note: dto.note?.trim() || null,
        createdBy: actor.id,
      });
      const closedTaskIds = await this.followUps.closeDue(m, id, row.id, dto.date);
      await this.audit.record(
        actor,
        {
          action: 'placement.follow_up',
          entityType: 'placement',
          entityId: id,
          onBehalfOfResidentId: p!.residentId,
          details: { followUpId: row.id, closedTaskIds },
        },
        m,
      );
      return { ...followUpDto(row), closedTaskIds };
    });
  }

  // ---- internals -------------------------------------------------------------------------------

  private async requireManaged(m: EntityManager, actor: AuthUser, residentId: string): Promise<ResidentRef> {
    const ref = await this.residents.residentRef(residentId, m);
    this.policy.require(!!ref && this.policy.managesResident(actor, ref), 'Resident');
    return ref!;
  }

  private async start(m: EntityManager, actor: AuthUser, input: StartInput): Promise<Placement> {
    const ref = await this.residents.residentRef(input.residentId, m);
    if (!ref) throw new NotFoundError('Resident');
    const p = await this.repo.insert(m, {
      ...input,
      householdId: ref.household.id,
      siteId: ref.household.site.id,
      endDate: null,
      endReason: null,
      createdBy: actor.id,
    });
    await this.residents.setEmployment(m, input.residentId, true);
    await this.audit.record(
      actor,
      {
        action: 'placement.create',
        entityType: 'placement',
        entityId: p.id,
        onBehalfOfResidentId: input.residentId,
        details: { kind: p.kind, applicationId: p.applicationId, postingId: p.postingId },
      },
      m,
    );
    return p;
  }

  private async load(id: string, withFollowUps = false): Promise<PlacementDto> {
    const p = await this.repo.findById(id);
    if (!p) throw new NotFoundError('Placement');
    const names = await this.residents.namesOf([p.residentId]);
    const dto = toDto(p, names.get(p.residentId) ?? '');
    if (withFollowUps) {
      const rows = await this.repo.followUpsOf(id);
      dto.followUps = rows.map((r) => ({ ...followUpDto(r), closedTaskIds: [] }));
    }
    return dto;
  }
}

function toDto(p: Placement, residentName: string): PlacementDto {
  return {
    id: p.id,
    residentId: p.residentId,
    residentName,
    householdId: p.householdId,
    siteId: p.siteId,
    postingId: p.postingId,
    applicationId: p.applicationId,
    employerId: p.employerId,
    employerName: p.employerName,
    kind: p.kind,
    partnerCity: p.partnerCity,
    startDate: p.startDate,
    endDate: p.endDate,
    endReason: p.endReason,
    monthlyIncome: p.monthlyIncome,
    active: p.endDate === null,
    createdBy: p.createdBy,
    createdAt: p.createdAt,
    updatedAt: p.updatedAt,
  };
}

function followUpDto(r: PlacementFollowUp): Omit<FollowUpDto, 'closedTaskIds'> {
  return {
    id: r.id,
    placementId: r.placementId,
    date: r.date,
    stillEmployed: r.stillEmployed,
    monthlyIncome: r.monthlyIncome,
    note: r.note,
    createdBy: r.createdBy,
    createdAt: r.createdAt,
  };
}
