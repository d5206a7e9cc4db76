import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { AuthUser } from '../access/auth-user';
import { ScopePolicy, type HouseholdRef } from '../access/scope/scope-policy';
import { AuditService } from '../audit/audit.service';
import { ForbiddenError, InvalidInputError } from '../kernel/domain-errors';
import { page, type Page } from '../kernel/pagination';
import { RegionsService } from '../regions/regions.service';
import type {
  CreateHouseholdDto,
  HouseholdDto,
  HouseholdMemberDto,
  HouseholdQuery,
  UpdateHouseholdDto,
} from './dto/household.dto';
import type { Household } from './household.entity';
import type { HouseholdLabel } from './household-head';
import type { RecomputeResult } from './household-figures';
import { HouseholdsRepository } from './households.repository';
import { ResidentVersions } from './resident-versions';
import { householdReadScope, readableHouseholdsSql } from './scope-sql';

@Injectable()
export class HouseholdsService {
  constructor(
    private readonly repo: HouseholdsRepository,
    private readonly policy: ScopePolicy,
    private readonly audit: AuditService,
    private readonly regions: RegionsService,
    private readonly versions: ResidentVersions,
  ) {}

  /** The scope shape of a household (with its site), or null. */
  async householdRef(householdId: string, manager?: EntityManager): Promise<HouseholdRef | null> {
    const r = await this.repo.refRow(householdId, manager);
    if (!r) return null;
    return {
      id: r.id,
      originRegionCode: r.origin_region_code,
      site: { id: r.site_id, regionCode: r.region_code },
    };
  }

  /**
   * A household named in a request body that the actor must manage: 400 when it does not exist
   * or the actor cannot see it, 403 when the actor only reads it (origin-region officers).
   */
  async requireManagedHousehold(
    manager: EntityManager,
    actor: AuthUser,
    householdId: string,
    field = 'householdId',
  ): Promise<HouseholdRef> {
    const ref = await this.householdRef(householdId, manager);
    if (!ref || !this.policy.readsHousehold(actor, ref)) {
      throw new InvalidInputError(field, `unknown household ${householdId}`);
    }
    if (!this.policy.managesHousehold(actor, ref)) {
      throw new ForbiddenError('Only officers of the site manage this household');
    }
    return ref;
  }

  async create(actor: AuthUser, dto: CreateHouseholdDto): Promise<HouseholdDto> {
    const site = await this.regions.requireSite('siteId', dto.siteId);
    if (!this.policy.managesSite(actor, site)) {
      throw new ForbiddenError('The site is outside your scope');
    }
    await this.regions.assertRegion('originRegionCode', dto.originRegionCode);
    return this.repo.transaction(async (m) => {
      const h = await this.repo.insert(m, {
        siteId: site.id,
        originRegionCode: dto.originRegionCode,
        monitoringStatus: dto.monitoringStatus,
      });
      await this.audit.record(
        actor,
        { action: 'household.create', entityType: 'household', entityId: h.id },
        m,
      );
      return this.toDto(h);
    });
  }

  async list(actor: AuthUser, q: HouseholdQuery): Promise<Page<HouseholdDto>> {
    const [rows, total] = await this.repo.listPage(
      {
        scope: householdReadScope(actor),
        siteId: q.siteId,
        zeroEmployment: q.zeroEmployment,
        monitoringStatus: q.monitoringStatus,
      },
      (q.page - 1) * q.pageSize,
      q.pageSize,
    );
    return page(
      rows.map((h) => this.toDto(h)),
      total,
      q,
    );
  }

  /**
   * Number and head of each household the actor reads (others are left out): the head's name is
   * personal data, so only officers and admins in scope get it, and each read is audited.
   */
  async labelsOf(actor: AuthUser, ids: string[]): Promise<Map<string, HouseholdLabel>> {
    const out = new Map<string, HouseholdLabel>();
    if (!ids.length || (actor.role !== 'officer' && actor.role !== 'admin')) return out;
    const rows = await this.repo.labels(ids, readableHouseholdsSql(actor, 'h.id'));
    for (const r of rows) out.set(r.id, { number: r.number, headName: r.head_name });
    await this.audit.recordReads(
      actor,
      'resident',
      rows.flatMap((r) => (r.head_id ? [r.head_id] : [])),
    );
    return out;
  }

  async get(actor: AuthUser, id: string): Promise<HouseholdDto> {
    const ref = await this.householdRef(id);
    this.policy.require(!!ref && this.policy.readsHousehold(actor, ref), 'Household');
    const h = await this.repo.findOrFail(id);
    const members = await this.repo.members(id);
    // Member names are personal data: every officer read is in the audit log.
    await this.audit.recordReads(
      actor,
      'resident',
      members.map((r) => r.id),
    );
    return {
      ...this.toDto(h),
      members: members.map((r): HouseholdMemberDto => ({
        id: r.id,
        name: r.name,
        laborCapacity: r.laborCapacity,
        employmentStatus: r.employmentStatus,
        status: r.status,
      })),
    };
  }

  async update(actor: AuthUser, id: string, dto: UpdateHouseholdDto): Promise<HouseholdDto> {
    if (dto.originRegionCode) await this.regions.assertRegion('originRegionCode', dto.originRegionCode);
    return this.repo.transaction(async (m) => {
      const ref = await this.householdRef(id, m);
      this.policy.require(!!ref && this.policy.readsHousehold(actor, ref), 'Household');
      if (!this.policy.managesHousehold(actor, ref!)) {
        throw new ForbiddenError('Officers of the origin region read this household; its site manages it');
      }
      const h = await this.repo.lockOrFail(m, id);
      const fields: string[] = [];
      const monitoringChanged =
        dto.monitoringStatus !== undefined && dto.monitoringStatus !== h.monitoringStatus;
      if (dto.monitoringStatus !== undefined) {
        h.monitoringStatus = dto.monitoringStatus;
        fields.push('monitoringStatus');
      }
      if (dto.originRegionCode !== undefined) {
        h.originRegionCode = dto.originRegionCode;
        fields.push('originRegionCode');
      }
      const saved = await this.repo.save(m, h);
      // The monitoring status weighs in every member's matching priority.
      if (monitoringChanged) await this.membersChanged(m, id);
      await this.audit.record(
        actor,
        { action: 'household.update', entityType: 'household', entityId: id, details: { fields } },
        m,
      );
      return this.toDto(saved);
    });
  }

  /** Bumps the version of every (not erased) member, with an outbox event each. */
  async membersChanged(manager: EntityManager, householdId: string): Promise<void> {
    for (const id of await this.repo.liveMemberIds(manager, householdId))
      await this.versions.changed(manager, id);
  }

  /**
   * Recomputes every household whose stored figures differ from its members (members age out of
   * or into working age without any write). Returns how many households changed. Meant for a
   * nightly job; one statement, so it is consistent on its own.
   */
  recomputeAll(): Promise<number> {
    return this.repo.recomputeAll();
  }

  recompute(manager: EntityManager, householdId: string): Promise<RecomputeResult> {
    return this.repo.recompute(manager, householdId);
  }

  toDto(h: Household): HouseholdDto {
    return {
      id: h.id,
      siteId: h.siteId,
      originRegionCode: h.originRegionCode,
      monitoringStatus: h.monitoringStatus,
      laborCapableMembers: h.laborCapableMembers,
      employedMembers: h.employedMembers,
      zeroEmployment: h.zeroEmployment,
      atRiskSince: h.atRiskSince,
      createdAt: h.createdAt,
      updatedAt: h.updatedAt,
    };
  }
}
