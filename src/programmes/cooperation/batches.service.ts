import { Injectable } from '@nestjs/common';
import type { AuthUser } from '../../access/auth-user';
import { ScopePolicy, type ResidentRef } from '../../access/scope/scope-policy';
import { UsersService } from '../../access/users.service';
import { AuditService } from '../../audit/audit.service';
import { todayInPilotZone } from '../../kernel/clock';
import { ConflictError, InvalidInputError } from '../../kernel/domain-errors';
import { EmployersService } from '../../employers/employers.service';
import { PlacementQuery } from '../../placements/dto/placement.dto';
import { PlacementsService } from '../../placements/placements.service';
import { PostingsDirectory } from '../../postings/postings-directory';
import { ResidentsDirectory } from '../../residents/residents-directory';
import { addDays } from '../../kernel/clock';
import { addMonths } from './cooperation-config';
import { CooperationRepository, type BatchRow } from './cooperation.repository';
import { CooperationSettings } from './cooperation-settings';
import { retentionDto } from './cooperation-view';
import type {
  ArrivalDto,
  ArrivalResultDto,
  CreateBatchDto,
  RetentionCheckInputDto,
  RetentionDto,
  ReturnHomeDto,
  ReturnHomeResultDto,
} from './dto/cooperation.dto';

const NOT_YOURS = 'must name residents of one site you manage';

/**
 * Outflow batches and what happens to their members (issue 17 §3): departure, arrival (which
 * starts an away-from-home placement through PlacementsService, so the household counts the
 * member at work and the placements' own follow-ups and the subsidies see it), the retention
 * checks, and the return home (which ends that placement: a household left with no one at work
 * becomes zero-employment, and casework reopens its case from that change, as for any job lost).
 */
@Injectable()
export class BatchesService {
  constructor(
    private readonly repo: CooperationRepository,
    private readonly settings: CooperationSettings,
    private readonly policy: ScopePolicy,
    private readonly audit: AuditService,
    private readonly residents: ResidentsDirectory,
    private readonly placements: PlacementsService,
    private readonly postings: PostingsDirectory,
    private readonly employers: EmployersService,
    private readonly users: UsersService,
  ) {}

  async create(actor: AuthUser, dto: CreateBatchDto): Promise<string> {
    // Every resident must be one the officer manages; unknown and out-of-scope ids read the same.
    const refs: ResidentRef[] = [];
    for (const id of dto.residentIds) {
      const ref = await this.residents.residentRef(id);
      if (!ref || !this.policy.managesResident(actor, ref))
        throw new InvalidInputError('residentIds', NOT_YOURS);
      refs.push(ref);
    }
    const site = refs[0].household.site;
    if (refs.some((r) => r.household.site.id !== site.id))
      throw new InvalidInputError('residentIds', NOT_YOURS);
    const city = this.settings.partnerCity(site.regionCode, dto.partnerCity);
    if (dto.fairId) {
      const fair = await this.repo.fair(dto.fairId);
      const ok =
        !!fair && this.policy.managesSite(actor, { id: fair.siteId, regionCode: fair.siteRegionCode });
      if (!ok) throw new InvalidInputError('fairId', 'must be a fair of a site you manage');
      if (fair.partnerCity !== city.name)
        throw new InvalidInputError('fairId', `is a fair of ${fair.partnerCity}`);
    }
    let liaisonUserId: string | null = null;
    if (dto.liaisonPhone) {
      const u = await this.users.findByPhone(dto.liaisonPhone);
      if (!u || u.role !== 'liaison' || u.disabledAt)
        throw new InvalidInputError('liaisonPhone', 'is not the phone of a liaison officer account');
      liaisonUserId = u.id;
    }
    return this.repo.transaction(async (m) => {
      const away = await this.repo.awayNow(dto.residentIds, m);
      if (away.length)
        throw new ConflictError(
          `${away.length} of these residents are away with another batch (not returned home)`,
          'cooperation.already_away',
        );
      const b = await this.repo.insertBatch(m, {
        siteId: site.id,
        partnerCity: city.name,
        departureOn: dto.departureOn,
        transport: dto.transport ?? null,
        fairId: dto.fairId ?? null,
        liaisonUserId,
        createdBy: actor.id,
      });
      // uq_cooperation_member_away: one batch at a time, even for two officers at once.
      await this.repo
        .insertMembers(
          m,
          refs.map((r) => ({ batchId: b.id, residentId: r.id, householdId: r.household.id })),
        )
        .catch((e: { code?: string }) => {
          if (e.code === '23505')
            throw new ConflictError(
              'A resident is away with another batch (not returned home)',
              'cooperation.already_away',
            );
          throw e;
        });
      await this.audit.record(
        actor,
        {
          action: 'cooperation.batch_create',
          entityType: 'cooperation_batch',
          entityId: b.id,
          details: { members: refs.length, partnerCity: city.name, liaison: liaisonUserId !== null },
        },
        m,
      );
      return b.id;
    });
  }

  /** 404 for a batch the officer does not manage (liaison officers write nothing). */
  async managedBatch(actor: AuthUser, id: string): Promise<BatchRow> {
    const b = await this.repo.batch(id);
    this.policy.require(
      !!b &&
        this.policy.managesBatch(actor, {
          site: { id: b.siteId, regionCode: b.siteRegionCode },
          liaisonUserId: b.liaisonUserId,
        }),
      'Batch',
    );
    return b!;
  }

  /** `created` false: the same arrival confirmed again (nothing changes, 200). */
  async arrive(
    actor: AuthUser,
    batchId: string,
    dto: ArrivalDto,
  ): Promise<{ created: boolean; result: ArrivalResultDto }> {
    const b = await this.managedBatch(actor, batchId);
    const today = todayInPilotZone();
    if (dto.arrivedOn < b.departureOn)
      throw new InvalidInputError('arrivedOn', `must be on or after the departure (${b.departureOn})`);
    if (dto.arrivedOn > today) throw new InvalidInputError('arrivedOn', 'must not be in the future');
    const before = (await this.repo.members([b.id])).find((x) => x.residentId === dto.residentId);
    if (!before) throw new InvalidInputError('residentId', 'is not a member of this batch');
    if (before.returnedOn) throw new ConflictError('This member has returned home', 'cooperation.returned');
    if (before.arrivedOn) {
      if (before.arrivedOn !== dto.arrivedOn)
        throw new ConflictError(
          `The arrival was confirmed on ${before.arrivedOn}`,
          'cooperation.already_arrived',
        );
      const checks = await this.repo.checks([before.id]);
      return {
        created: false,
        result: {
          residentId: dto.residentId,
          arrivedOn: before.arrivedOn,
          placementId: before.placementId!,
          retention: checks.map((c) => retentionDto(c, today)),
        },
      };
    }
    let employerId: string | null = null;
    let employerName = dto.employerName?.trim() || null;
    if (dto.postingId) {
      const p = await this.postings.postingRef(dto.postingId);
      if (!p || !this.policy.citesPosting(actor, p))
        throw new InvalidInputError('postingId', 'no such posting');
      employerId = p.employerId;
      employerName ??= (await this.employers.summary(p.employerId))?.name ?? null;
    }
    const placementId = await this.placementFor(actor, dto, b.partnerCity, employerName);
    const months = this.settings.rules(b.siteRegionCode).retentionCheckMonths;
    const retention = await this.repo.transaction(async (m) => {
      const mem = await this.repo.member(b.id, dto.residentId, m);
      if (!mem || mem.arrivedOn || mem.returnedOn)
        throw new ConflictError('The arrival was confirmed meanwhile', 'cooperation.already_arrived');
      await this.repo.updateMember(m, mem.id, {
        arrivedOn: dto.arrivedOn,
        placementId,
        employerId,
        employerName,
      });
      await this.repo.insertChecks(
        m,
        months.map((mo) => ({
          memberId: mem.id,
          dueMonth: mo,
          dueOn: addMonths(dto.arrivedOn, mo),
          siteId: b.siteId,
          status: 'open' as const,
        })),
      );
      await this.audit.record(
        actor,
        {
          action: 'cooperation.arrival',
          entityType: 'cooperation_batch',
          entityId: b.id,
          onBehalfOfResidentId: dto.residentId,
          details: { placementId, checks: months },
        },
        m,
      );
      return this.repo.checks([mem.id], m);
    });
    return {
      created: true,
      result: {
        residentId: dto.residentId,
        arrivedOn: dto.arrivedOn,
        placementId,
        retention: retention.map((c) => retentionDto(c, today)),
      },
    };
  }

  /**
   * The away-from-home placement of the arrival: one already recorded for the resident in that
   * city (an officer entered it from the resident's page, or an earlier attempt of this arrival
   * stopped after it) is reused; otherwise PlacementsService starts it.
   */
  private async placementFor(
    actor: AuthUser,
    dto: ArrivalDto,
    city: string,
    employerName: string | null,
  ): Promise<string> {
    const q = Object.assign(new PlacementQuery(), {
      residentId: dto.residentId,
      kind: 'away_from_home',
      active: true,
      page: 1,
      pageSize: 20,
    });
    const open = (await this.placements.list(actor, q)).items.find((p) => p.partnerCity === city);
    if (open) return open.id;
    const p = await this.placements.create(actor, {
      residentId: dto.residentId,
      kind: 'away_from_home',
      partnerCity: city,
      startDate: dto.arrivedOn,
      postingId: dto.postingId,
      employerName: employerName ?? undefined,
    });
    return p.id;
  }

  async check(actor: AuthUser, batchId: string, dto: RetentionCheckInputDto): Promise<RetentionDto> {
    const b = await this.managedBatch(actor, batchId);
    const today = todayInPilotZone();
    if (dto.checkedOn > today) throw new InvalidInputError('checkedOn', 'must not be in the future');
    const mem = (await this.repo.members([b.id])).find((x) => x.residentId === dto.residentId);
    if (!mem) throw new InvalidInputError('residentId', 'is not a member of this batch');
    if (!mem.arrivedOn) throw new InvalidInputError('residentId', 'has no confirmed arrival yet');
    if (dto.checkedOn < mem.arrivedOn)
      throw new InvalidInputError('checkedOn', `must be on or after the arrival (${mem.arrivedOn})`);
    const done = await this.repo.transaction(async (m) => {
      const c = await this.repo.check(m, mem.id, dto.month);
      if (!c) throw new InvalidInputError('month', 'is not a retention check of this member');
      if (c.status !== 'open')
        throw new ConflictError(`This check is ${c.status}`, 'cooperation.check_closed');
      const early = this.settings.rules(b.siteRegionCode).checkEarlyDays;
      if (dto.checkedOn < addDays(c.dueOn, -early))
        throw new InvalidInputError(
          'checkedOn',
          `is too early for the check due on ${c.dueOn} (at most ${early} days before)`,
        );
      await this.repo.completeCheck(m, c.id, dto.stillAtWork, dto.checkedOn);
      await this.audit.record(
        actor,
        {
          action: 'cooperation.retention_check',
          entityType: 'cooperation_batch',
          entityId: b.id,
          onBehalfOfResidentId: dto.residentId,
          details: { month: dto.month, stillAtWork: dto.stillAtWork },
        },
        m,
      );
      return { ...c, status: 'done' as const, stillAtWork: dto.stillAtWork, checkedOn: dto.checkedOn };
    });
    // The same visit is the placement's follow-up (it closes the placements' 1-, 3-, 6-month task
    // of that date, so officers are not asked twice). Arrival checks (month 0) are not follow-ups.
    if (dto.month > 0 && mem.placementId && !mem.returnedOn) {
      await this.placements.addFollowUp(actor, mem.placementId, {
        date: dto.checkedOn,
        stillEmployed: dto.stillAtWork,
        note: `劳务协作稳岗回访（第 ${dto.month} 个月）`,
      });
    }
    return retentionDto(done, today);
  }

  async returnHome(actor: AuthUser, batchId: string, dto: ReturnHomeDto): Promise<ReturnHomeResultDto> {
    const b = await this.managedBatch(actor, batchId);
    const today = todayInPilotZone();
    if (dto.returnedOn > today) throw new InvalidInputError('returnedOn', 'must not be in the future');
    const mem = (await this.repo.members([b.id])).find((x) => x.residentId === dto.residentId);
    if (!mem) throw new InvalidInputError('residentId', 'is not a member of this batch');
    if (mem.returnedOn) throw new ConflictError(`Returned home on ${mem.returnedOn}`, 'cooperation.returned');
    const floor = mem.arrivedOn ?? b.departureOn;
    if (dto.returnedOn < floor) throw new InvalidInputError('returnedOn', `must be on or after ${floor}`);
    const reason = dto.reason.trim();
    let householdZeroEmployment = false;
    if (mem.placementId) {
      // PlacementsService ends the job: household figures, the at-risk alert and the outbox event
      // casework reopens the case from. A placement an officer ended already stays as it is.
      try {
        const ended = await this.placements.end(actor, mem.placementId, {
          endDate: dto.returnedOn,
          reason: `返乡：${reason}`,
        });
        householdZeroEmployment = ended.householdZeroEmployment;
      } catch (e) {
        if (!(e instanceof ConflictError)) throw e;
      }
    }
    const cancelled = await this.repo.transaction(async (m) => {
      const locked = await this.repo.member(b.id, dto.residentId, m);
      if (!locked || locked.returnedOn)
        throw new ConflictError('Returned home meanwhile', 'cooperation.returned');
      await this.repo.updateMember(m, locked.id, { returnedOn: dto.returnedOn, returnReason: reason });
      const n = await this.repo.cancelOpenChecks(m, locked.id);
      await this.audit.record(
        actor,
        {
          action: 'cooperation.return_home',
          entityType: 'cooperation_batch',
          entityId: b.id,
          onBehalfOfResidentId: dto.residentId,
          details: { cancelledChecks: n, householdZeroEmployment },
        },
        m,
      );
      return n;
    });
    return {
      residentId: dto.residentId,
      returnedOn: dto.returnedOn,
      cancelledChecks: cancelled,
      householdZeroEmployment,
    };
  }
}
