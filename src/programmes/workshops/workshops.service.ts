import { Injectable } from '@nestjs/common';
import type { AuthUser } from '../../access/auth-user';
import { ScopePolicy } from '../../access/scope/scope-policy';
import { AuditService } from '../../audit/audit.service';
import { todayInPilotZone } from '../../kernel/clock';
import { ConflictError, InvalidInputError } from '../../kernel/domain-errors';
import { EmployerQuery } from '../../employers/dto/employer.dto';
import { EmployersService } from '../../employers/employers.service';
import { RegionsService } from '../../regions/regions.service';
import type { Site } from '../../regions/site.entity';
import type {
  CreateWorkshopDto,
  WorkshopDetailDto,
  WorkshopDto,
  WorkshopListDto,
  WorkshopQuery,
} from './dto/workshop.dto';
import { WorkshopMonitor, type WorkshopEvaluation } from './workshop-monitor';
import type { Workshop } from './workshop.entity';
import { isDuplicateEmployer, WorkshopsRepository } from './workshops.repository';

const DUPLICATE = () =>
  new ConflictError(
    'This employer is already on the workshop register (a cleared registration may be recognised again)',
    'workshop.duplicate_employer',
  );

/**
 * The workshop register (issue 17 §1). A workshop belongs to its site: officers who manage the
 * site (ScopePolicy.managesSite) read and register; anyone else gets the 404 that hides it.
 */
@Injectable()
export class WorkshopsService {
  constructor(
    private readonly repo: WorkshopsRepository,
    private readonly monitor: WorkshopMonitor,
    private readonly policy: ScopePolicy,
    private readonly employers: EmployersService,
    private readonly regions: RegionsService,
    private readonly audit: AuditService,
  ) {}

  /** The sites the actor manages (for the register's site choice), by name. */
  async managedSites(actor: AuthUser): Promise<Site[]> {
    return (await this.regions.allSites()).filter((s) => this.policy.managesSite(actor, s));
  }

  /** Verified employers of kind `workshop` the actor may name (the register form's choice). */
  async workshopEmployers(actor: AuthUser): Promise<{ id: string; name: string }[]> {
    const out: { id: string; name: string }[] = [];
    for (let page = 1; page <= 10; page += 1) {
      const res = await this.employers.list(
        actor,
        Object.assign(new EmployerQuery(), { verified: true, page, pageSize: 100 }),
      );
      for (const e of res.items) if (e.kind === 'workshop') out.push({ id: e.id, name: e.name });
      if (page * 100 >= res.total) break;
    }
    return out;
  }

  async register(actor: AuthUser, dto: CreateWorkshopDto): Promise<WorkshopDetailDto> {
    const site = await this.requireSite(actor, dto.siteId);
    const employer = await this.employers.summary(dto.employerId);
    this.policy.require(!!employer && this.policy.verifiesEmployer(actor, employer), 'Employer');
    if (employer!.kind !== 'workshop')
      throw new InvalidInputError('employerId', 'must be an employer of kind workshop');
    if (!employer!.verified) throw new InvalidInputError('employerId', 'must be a verified employer');
    const today = todayInPilotZone();
    if (dto.recognisedOn > today) throw new InvalidInputError('recognisedOn', 'must not be in the future');
    if (Number.isNaN(Date.parse(`${dto.recognisedOn}T00:00:00Z`)))
      throw new InvalidInputError('recognisedOn', 'must be a real date');
    let id: string;
    try {
      id = await this.repo.transaction(async (m) => {
        const newId = await this.repo.insert(m, {
          employerId: employer!.id,
          siteId: site.id,
          type: dto.type,
          recognisedOn: dto.recognisedOn,
          documentNo: dto.documentNo?.trim() || null,
          capacity: dto.capacity ?? null,
          seasonalMonths: dto.seasonalMonths ? [...dto.seasonalMonths].sort((a, b) => a - b) : null,
          insuranceYuanPerWorkerMonth: dto.insuranceYuanPerWorkerMonth ?? null,
          state: 'normal',
          pendingSince: null,
          createdBy: actor.id,
        });
        await this.audit.record(
          actor,
          {
            action: 'workshop.register',
            entityType: 'workshop',
            entityId: newId,
            onBehalfOfResidentId: null,
            details: { employerId: employer!.id, siteId: site.id },
          },
          m,
        );
        return newId;
      });
    } catch (e) {
      if (isDuplicateEmployer(e)) throw DUPLICATE();
      throw e;
    }
    return this.get(actor, id);
  }

  async list(actor: AuthUser, q: WorkshopQuery): Promise<WorkshopListDto> {
    const sites = q.siteId ? [await this.requireSite(actor, q.siteId)] : await this.managedSites(actor);
    const regionOf = new Map(sites.map((s) => [s.id, s.regionCode]));
    const rows = await this.repo.ofSites(sites.map((s) => s.id));
    const names = await this.employers.namesOf(rows.map((w) => w.employerId));
    const items: WorkshopDto[] = [];
    for (const w of rows) {
      const ev = await this.monitor.refresh(w, regionOf.get(w.siteId)!);
      items.push(toDto(w, names.get(w.employerId) ?? '', ev));
    }
    return { items };
  }

  async get(actor: AuthUser, id: string): Promise<WorkshopDetailDto> {
    const w = await this.repo.get(id);
    const site = w ? (await this.regions.findSites([w.siteId]))[0] : undefined;
    this.policy.require(!!site && this.policy.managesSite(actor, site), 'Workshop');
    const ev = await this.monitor.refresh(w!, site!.regionCode);
    const names = await this.employers.namesOf([w!.employerId]);
    const history = await this.repo.quarters(w!.id);
    return {
      ...toDto(w!, names.get(w!.employerId) ?? '', ev),
      upgrade: ev.upgrade,
      rules: {
        minSupportedWorkers: ev.rules.minSupportedWorkers,
        minInsuranceYuanPerWorkerMonth: ev.rules.minInsuranceYuanPerWorkerMonth,
        bufferMonths: ev.rules.bufferMonths,
        upgrade: { ...ev.rules.upgrade },
      },
      history: history.map((h) => ({
        year: h.year,
        quarter: h.quarter,
        asOf: h.asOf,
        workers: h.workers,
        supportedWorkers: h.supportedWorkers,
        state: h.state,
      })),
    };
  }

  private async requireSite(actor: AuthUser, siteId: string): Promise<Site> {
    const site = (await this.regions.findSites([siteId]))[0];
    this.policy.require(!!site && this.policy.managesSite(actor, site), 'Site');
    return site;
  }
}

function toDto(w: Workshop, employerName: string, ev: WorkshopEvaluation): WorkshopDto {
  return {
    id: w.id,
    employerId: w.employerId,
    employerName,
    siteId: w.siteId,
    type: w.type,
    recognisedOn: w.recognisedOn,
    documentNo: w.documentNo,
    capacity: w.capacity,
    seasonalMonths: w.seasonalMonths,
    insuranceYuanPerWorkerMonth: w.insuranceYuanPerWorkerMonth,
    quarter: {
      year: ev.quarter.year,
      quarter: ev.quarter.quarter,
      asOf: ev.asOf,
      ...ev.figures,
      state: ev.judgement.state,
      bufferUntil: ev.judgement.bufferUntil,
      pendingSince: ev.judgement.pendingSince,
      offSeason: ev.judgement.offSeason,
      shortfalls: ev.judgement.shortfalls,
    },
  };
}
