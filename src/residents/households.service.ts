import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import type { AuthUser } from '../access/auth-user';
import { ScopePolicy, type HouseholdRef } from '../access/scope-policy';
import { AuditService } from '../audit/audit.service';
import { ForbiddenError, InvalidInputError } from '../common/domain-errors';
import { page, type Page } from '../common/pagination';
import { RegionsService } from '../regions/regions.service';
// eslint-disable-next-line boundaries/dependencies -- issue 14 debt: residents joins the regions' site table; a regions read API replaces this.
import { Site } from '../regions/site.entity';
import type {
  CreateHouseholdDto,
  HouseholdDto,
  HouseholdMemberDto,
  HouseholdQuery,
  UpdateHouseholdDto,
} from './dto/household.dto';
import { Household } from './household.entity';
import { householdHeadSql, type HouseholdLabel } from './household-head';
import { laborCapableSql, recomputeHousehold } from './household-figures';
import { Resident } from './resident.entity';
import { ResidentVersions } from './resident-versions';
import { householdReadScope, readableHouseholdsSql } from './scope-sql';

@Injectable()
export class HouseholdsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly policy: ScopePolicy,
    private readonly audit: AuditService,
    private readonly regions: RegionsService,
    private readonly versions: ResidentVersions,
  ) {}

  /** The scope shape of a household (with its site), or null. */
  async householdRef(
    householdId: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<HouseholdRef | null> {
    const rows: { id: string; origin_region_code: string; site_id: string; region_code: string }[] =
      await manager.query(
        `SELECT h.id, h.origin_region_code, s.id AS site_id, s.region_code
           FROM household h JOIN site s ON s.id = h.site_id WHERE h.id = $1`,
        [householdId],
      );
    const r = rows[0];
    if (!r) return null;
    return {
      id: r.id,
      originRegionCode: r.origin_region_code,
      site: { id: r.site_id, regionCode: r.region_code },
    };
  }

  /**
   * For another module's list that filters and pages in SQL: a condition on its column holding
   * a household id, true for the households the actor reads (ScopePolicy.readsHousehold's twin).
   */
  readableSql(actor: AuthUser, householdIdColumn: string): { sql: string; params: Record<string, unknown> } {
    return readableHouseholdsSql(actor, householdIdColumn);
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
    return this.dataSource.transaction(async (m) => {
      const h = await m.save(
        m.create(Household, {
          siteId: site.id,
          originRegionCode: dto.originRegionCode,
          monitoringStatus: dto.monitoringStatus,
        }),
      );
      await this.audit.record(
        actor,
        { action: 'household.create', entityType: 'household', entityId: h.id },
        m,
      );
      return this.toDto(h);
    });
  }

  async list(actor: AuthUser, q: HouseholdQuery): Promise<Page<HouseholdDto>> {
    const qb = this.dataSource.manager
      .createQueryBuilder(Household, 'h')
      .innerJoin(Site, 's', 's.id = h.siteId')
      .orderBy('h.created_at', 'DESC')
      .addOrderBy('h.id', 'ASC');
    const scope = householdReadScope(actor);
    if (scope) qb.andWhere(scope.sql, scope.params);
    if (q.siteId) qb.andWhere('h.site_id = :siteId', { siteId: q.siteId });
    if (q.zeroEmployment !== undefined) qb.andWhere('h.zero_employment = :ze', { ze: q.zeroEmployment });
    if (q.monitoringStatus) qb.andWhere('h.monitoring_status = :ms', { ms: q.monitoringStatus });
    const [rows, total] = await qb
      .skip((q.page - 1) * q.pageSize)
      .take(q.pageSize)
      .getManyAndCount();
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
    const scope = readableHouseholdsSql(actor, 'h.id');
    const params: unknown[] = [ids];
    // readableHouseholdsSql speaks named parameters; bind them positionally after $1.
    const sql = scope.sql.replace(/:(\w+)/g, (_, name: string) => {
      params.push(scope.params[name]);
      return `$${params.length}`;
    });
    const rows: { id: string; number: number; head_id: string | null; head_name: string | null }[] =
      await this.dataSource.query(
        `SELECT h.id, h.number, head.head_id, head.head_name
           FROM household h ${householdHeadSql('h')}
          WHERE h.id = ANY($1::uuid[]) AND ${sql}`,
        params,
      );
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
    const h = await this.dataSource.manager.findOneOrFail(Household, { where: { id } });
    const members = await this.dataSource.manager.find(Resident, {
      where: { householdId: id },
      order: { createdAt: 'ASC' },
    });
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
    return this.dataSource.transaction(async (m) => {
      const ref = await this.householdRef(id, m);
      this.policy.require(!!ref && this.policy.readsHousehold(actor, ref), 'Household');
      if (!this.policy.managesHousehold(actor, ref!)) {
        throw new ForbiddenError('Officers of the origin region read this household; its site manages it');
      }
      const h = await m.findOneOrFail(Household, { where: { id }, lock: { mode: 'pessimistic_write' } });
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
      const saved = await m.save(h);
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
    const members: { id: string }[] = await manager.query(
      'SELECT id FROM resident WHERE household_id = $1 AND erased_at IS NULL ORDER BY id',
      [householdId],
    );
    for (const r of members) await this.versions.changed(manager, r.id);
  }

  /**
   * Recomputes every household whose stored figures differ from its members (members age out of
   * or into working age without any write). Returns how many households changed. Meant for a
   * nightly job; one statement, so it is consistent on its own.
   */
  async recomputeAll(): Promise<number> {
    // UPDATE answers [rows, rowCount] through TypeORM's query().
    const [rows]: [{ id: string }[], number] = await this.dataSource.query(
      `WITH counted AS (
         SELECT h.id,
                count(r.id) FILTER (WHERE ${laborCapableSql('r')}) AS capable,
                count(r.id) FILTER (WHERE ${laborCapableSql('r')}
                                      AND r.employment_status = 'employed') AS employed
           FROM household h LEFT JOIN resident r ON r.household_id = h.id
          GROUP BY h.id)
       UPDATE household h
          SET labor_capable_members = c.capable, employed_members = c.employed,
              zero_employment = (c.capable > 0 AND c.employed = 0),
              at_risk_since = CASE WHEN c.capable > 0 AND c.employed = 0
                                   THEN COALESCE(CASE WHEN h.zero_employment THEN h.at_risk_since END, now()) END,
              updated_at = now()
         FROM counted c
        WHERE c.id = h.id
          AND (h.labor_capable_members, h.employed_members) IS DISTINCT FROM (c.capable::int, c.employed::int)
        RETURNING h.id`,
    );
    return rows.length;
  }

  recompute(manager: EntityManager, householdId: string): ReturnType<typeof recomputeHousehold> {
    return recomputeHousehold(manager, householdId);
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
