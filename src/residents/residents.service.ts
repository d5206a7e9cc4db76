import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { In, type DataSource, type EntityManager } from 'typeorm';
import type { AuthUser } from '../access/auth-user';
import { ScopePolicy, type ResidentRef } from '../access/scope-policy';
import { UsersService } from '../access/users.service';
import { AuditService } from '../audit/audit.service';
import { ConflictError, ForbiddenError, InvalidInputError, NotFoundError } from '../common/domain-errors';
import { page, type Page } from '../common/pagination';
import { maskPhone } from '../crypto/masking';
import { PiiCipher } from '../crypto/pii-cipher';
import { RegionsService } from '../regions/regions.service';
// eslint-disable-next-line boundaries/dependencies -- issue 14 debt: residents joins the regions' site table; a regions read API replaces this.
import { Site } from '../regions/site.entity';
import { SkillsService } from '../skills/skills.service';
import {
  RESIDENT_EDITABLE,
  type ConfirmResidentDto,
  type CreateResidentDto,
  type ResidentDto,
  type ResidentExportDto,
  type ResidentQuery,
  type ResidentSummaryDto,
  type SkillLevelDto,
  type UpdateResidentDto,
} from './dto/resident.dto';
import { Household } from './household.entity';
import { householdPrioritySql, type HouseholdPriorityPoints } from './household-priority';
import { HouseholdsService } from './households.service';
import { nationalIdFacts, normalizeNationalId } from './national-id';
import { ResidentCertificate } from './resident-certificate.entity';
import {
  ResidentRoster,
  type RosterOutcome,
  type RosterResident,
  type RosterUpsertContext,
} from './resident-roster';
import { nationalIdColumns, phoneColumns } from './resident-pii';
import { ResidentSkill } from './resident-skill.entity';
import { Resident } from './resident.entity';
import { MATCHING_FIELDS, ResidentVersions } from './resident-versions';
import { householdReadScope, readableResidentsSql } from './scope-sql';

/** For notifications and matching: no personal identifiers. */
export interface ResidentSummary {
  id: string;
  name: string;
  siteId: string;
  householdId: string;
  consentToShare: boolean;
  jobAlerts: boolean;
}

/** A resident as a list of applicants shows them (see contactCardsOf). */
export interface ResidentContactCard {
  name: string;
  phoneEncrypted: string | null;
  consentToShare: boolean;
  householdPriority: number;
}

export interface EmploymentChange {
  householdId: string;
  zeroEmploymentBefore: boolean;
  zeroEmploymentAfter: boolean;
}

const ERASED_NAME = '已注销';

@Injectable()
export class ResidentsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly policy: ScopePolicy,
    private readonly audit: AuditService,
    private readonly pii: PiiCipher,
    private readonly skills: SkillsService,
    private readonly regions: RegionsService,
    private readonly users: UsersService,
    private readonly households: HouseholdsService,
    private readonly versions: ResidentVersions,
    private readonly roster: ResidentRoster,
  ) {}

  // ---- for other modules ----------------------------------------------------------------------

  /** The scope shape of a resident (household, site, origin region), or null. No scope check. */
  async residentRef(
    residentId: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<ResidentRef | null> {
    const rows: { household_id: string }[] = await manager.query(
      'SELECT household_id FROM resident WHERE id = $1',
      [residentId],
    );
    if (!rows.length) return null;
    const household = await this.households.householdRef(rows[0].household_id, manager);
    return household ? { id: residentId, household } : null;
  }

  /** Name, site, household, consent and alert opt-in; no identifiers. Null when unknown. */
  async summaryFor(residentId: string): Promise<ResidentSummary | null> {
    const r = await this.dataSource.manager.findOne(Resident, { where: { id: residentId } });
    if (!r) return null;
    return {
      id: r.id,
      name: r.name,
      siteId: r.siteId,
      householdId: r.householdId,
      consentToShare: r.consentToShare && !r.erasedAt,
      jobAlerts: r.jobAlerts && !r.erasedAt,
    };
  }

  /**
   * A completed course grants its skills (training module): upserted with source `training` and
   * the course id, never lowering a level the resident already holds.
   */
  async grantSkillsFromCourse(
    manager: EntityManager,
    residentId: string,
    skills: { code: string; level: number }[],
    courseId: string,
  ): Promise<void> {
    if (!skills.length) return;
    for (const s of skills) {
      await manager.query(
        `INSERT INTO resident_skill (resident_id, skill_code, level, source, source_ref, updated_at)
         VALUES ($1, $2, $3, 'training', $4, now())
         ON CONFLICT (resident_id, skill_code) DO UPDATE
            SET level = EXCLUDED.level, source = 'training', source_ref = EXCLUDED.source_ref, updated_at = now()
          WHERE resident_skill.level <= EXCLUDED.level`,
        [residentId, s.code, s.level, courseId],
      );
    }
    await this.versions.changed(manager, residentId);
  }

  /**
   * Placements: a resident starts or stops work. Recomputes the household in the same
   * transaction and says whether it became (or stopped being) zero-employment.
   */
  async setEmployment(
    manager: EntityManager,
    residentId: string,
    employed: boolean,
  ): Promise<EmploymentChange> {
    const r = await manager.findOne(Resident, {
      where: { id: residentId },
      lock: { mode: 'pessimistic_write' },
    });
    if (!r) throw new NotFoundError('Resident');
    await manager.update(
      Resident,
      { id: residentId },
      { employmentStatus: employed ? 'employed' : 'unemployed' },
    );
    const { before, after } = await this.households.recompute(manager, r.householdId);
    await this.versions.changed(manager, residentId);
    return {
      householdId: r.householdId,
      zeroEmploymentBefore: before.zeroEmployment,
      zeroEmploymentAfter: after.zeroEmployment,
    };
  }

  /** The resident's current version, in the caller's transaction if given. */
  async versionOf(residentId: string, manager: EntityManager = this.dataSource.manager): Promise<number> {
    const r = await manager.findOneOrFail(Resident, { where: { id: residentId }, select: { version: true } });
    return Number(r.version);
  }

  /**
   * Locks the resident's household row (FOR UPDATE) in the caller's transaction, so two checks
   * of one household's members cannot both pass; returns the household and the birth date
   * (YYYY-MM-DD or null). Null when there is no such resident.
   */
  async lockHouseholdOf(
    manager: EntityManager,
    residentId: string,
  ): Promise<{ householdId: string; birthDate: string | null } | null> {
    const rows: { birth_date: string | null; household_id: string }[] = await manager.query(
      `SELECT to_char(birth_date, 'YYYY-MM-DD') AS birth_date, household_id FROM resident WHERE id = $1`,
      [residentId],
    );
    if (!rows.length) return null;
    const { birth_date: birthDate, household_id: householdId } = rows[0];
    await manager.query('SELECT id FROM household WHERE id = $1 FOR UPDATE', [householdId]);
    return { householdId, birthDate };
  }

  /** Names by resident id, for lists that show whose row is whose. */
  async namesOf(ids: string[]): Promise<Map<string, string>> {
    const unique = [...new Set(ids)];
    if (!unique.length) return new Map();
    const rows = await this.dataSource.manager.find(Resident, {
      where: { id: In(unique) },
      select: { id: true, name: true },
    });
    return new Map(rows.map((r) => [r.id, r.name]));
  }

  /**
   * What a view of applicants shows, by resident id: name, phone as stored (encrypted; the
   * caller decides how much of it to reveal), consent to share, and the household's priority.
   */
  async contactCardsOf(
    ids: string[],
    points: HouseholdPriorityPoints,
  ): Promise<Map<string, ResidentContactCard>> {
    const unique = [...new Set(ids)];
    if (!unique.length) return new Map();
    const priority = householdPrioritySql(points, 'h');
    const rows = await this.dataSource.manager
      .createQueryBuilder(Resident, 'r')
      .innerJoin(Household, 'h', 'h.id = r.householdId')
      .select('r.id', 'id')
      .addSelect('r.name', 'name')
      .addSelect('r.phone_encrypted', 'phone_encrypted')
      .addSelect('r.consent_to_share', 'consent_to_share')
      .addSelect(priority.sql, 'priority')
      .where('r.id = ANY(:ids)', { ids: unique })
      .setParameters(priority.params)
      .getRawMany<{
        id: string;
        name: string;
        phone_encrypted: string | null;
        consent_to_share: boolean;
        priority: string | number;
      }>();
    return new Map(
      rows.map((r) => [
        r.id,
        {
          name: r.name,
          phoneEncrypted: r.phone_encrypted,
          consentToShare: r.consent_to_share,
          householdPriority: Number(r.priority),
        },
      ]),
    );
  }

  /**
   * For another module's list that filters and pages in SQL: a condition on its column holding
   * a resident id, true for the residents the actor reads (ScopePolicy.readsResident's list twin).
   */
  readableSql(actor: AuthUser, residentIdColumn: string): { sql: string; params: Record<string, unknown> } {
    return readableResidentsSql(actor, residentIdColumn);
  }

  /** For another module's ORDER BY: the household priority of the resident in `residentIdColumn`. */
  householdPrioritySql(
    residentIdColumn: string,
    points: HouseholdPriorityPoints,
  ): { sql: string; params: Record<string, number> } {
    const p = householdPrioritySql(points, 'prio_h');
    return {
      sql: `(SELECT ${p.sql} FROM resident prio_r JOIN household prio_h ON prio_h.id = prio_r.household_id
              WHERE prio_r.id = ${residentIdColumn})`,
      params: p.params,
    };
  }

  /**
   * Imports: saves one line of a site's roster in the caller's transaction, created or updated by
   * national ID (household, resident, skills, figures, version + outbox, audit; see
   * ResidentRoster). 409 `resident.at_other_site` when the person lives at another site.
   */
  upsertFromRoster(
    manager: EntityManager,
    ctx: RosterUpsertContext,
    row: RosterResident,
  ): Promise<{ outcome: RosterOutcome; householdId: string }> {
    return this.roster.upsert(manager, ctx, row);
  }

  /**
   * Imports: the household of each of these national IDs already on the site's roster, by
   * national ID (absent when not there). Looked up by keyed HMAC, 1000 at a time.
   */
  async householdsByNationalId(siteId: string, nationalIds: string[]): Promise<Map<string, string>> {
    const byHmac = new Map(nationalIds.map((id) => [this.pii.hmac('national_id', id), id]));
    const hmacs = [...byHmac.keys()];
    const found = new Map<string, string>();
    for (let i = 0; i < hmacs.length; i += 1000) {
      const rows: { national_id_hmac: string; household_id: string }[] = await this.dataSource.query(
        'SELECT national_id_hmac, household_id FROM resident WHERE site_id = $1 AND national_id_hmac = ANY($2)',
        [siteId, hmacs.slice(i, i + 1000)],
      );
      for (const r of rows) found.set(byHmac.get(r.national_id_hmac)!, r.household_id);
    }
    return found;
  }

  // ---- officers and the resident ---------------------------------------------------------------

  async create(actor: AuthUser, dto: CreateResidentDto): Promise<ResidentDto> {
    const nationalId = normalizeNationalId(dto.nationalId);
    this.assertAgreesWithId(nationalId, dto.birthDate, dto.gender);
    const skills = dto.skills ?? [];
    await this.skills.requireCodes(
      skills.map((s) => s.code),
      'skills',
    );
    const id = await this.dataSource.transaction(async (m) => {
      const household = await this.households.requireManagedHousehold(m, actor, dto.householdId);
      await this.assertNationalIdFree(m, nationalId, null);
      const prefs = dto.preferences;
      const r = await m.save(
        m.create(Resident, {
          householdId: household.id,
          siteId: household.site.id,
          name: dto.name,
          gender: dto.gender,
          birthDate: dto.birthDate,
          ...nationalIdColumns(this.pii, nationalId),
          ...(dto.phone ? phoneColumns(this.pii, dto.phone) : {}),
          education: dto.education ?? null,
          laborCapacity: dto.laborCapacity,
          employmentStatus: dto.employmentStatus,
          consentToShare: dto.consentToShare,
          prefIndustries: prefs?.industries ?? [],
          prefWageMin: prefs?.wageMin ?? null,
          prefSchedules: prefs?.schedules ?? [],
          prefMaxCommuteKm: prefs?.maxCommuteKm ?? null,
          prefMaxCommuteMinutes: prefs?.maxCommuteMinutes ?? null,
          willingToWorkAway: prefs?.willingToWorkAway ?? false,
          jobAlerts: dto.jobAlerts ?? false,
          careDuties: dto.careDuties ?? false,
          languages: dto.languages ?? [],
          status: 'active',
        }),
      );
      if (skills.length) {
        await m.insert(
          ResidentSkill,
          skills.map((s) => ({
            residentId: r.id,
            skillCode: s.code,
            level: s.level,
            source: 'officer' as const,
          })),
        );
      }
      if (dto.certificates?.length) {
        await m.insert(
          ResidentCertificate,
          dto.certificates.map((c) => ({ residentId: r.id, type: c.type, expiresAt: c.expiresAt ?? null })),
        );
      }
      await this.households.recompute(m, household.id);
      await this.versions.created(m, r.id);
      await this.audit.record(
        actor,
        { action: 'resident.create', entityType: 'resident', entityId: r.id },
        m,
      );
      return r.id;
    });
    return this.load(id);
  }

  async list(actor: AuthUser, q: ResidentQuery): Promise<Page<ResidentSummaryDto>> {
    const qb = this.dataSource.manager
      .createQueryBuilder(Resident, 'r')
      .innerJoin(Household, 'h', 'h.id = r.householdId')
      .innerJoin(Site, 's', 's.id = h.siteId')
      .orderBy('r.name', 'ASC')
      .addOrderBy('r.id', 'ASC');
    const scope = householdReadScope(actor);
    if (scope) qb.andWhere(scope.sql, scope.params);
    if (q.siteId) qb.andWhere('r.site_id = :siteId', { siteId: q.siteId });
    if (q.householdId) qb.andWhere('r.household_id = :householdId', { householdId: q.householdId });
    if (q.status) qb.andWhere('r.status = :status', { status: q.status });
    if (q.q) qb.andWhere('r.name ILIKE :name', { name: `%${q.q.replace(/[%_\\]/g, '\\$&')}%` });
    const [rows, total] = await qb
      .skip((q.page - 1) * q.pageSize)
      .take(q.pageSize)
      .getManyAndCount();
    await this.audit.recordReads(
      actor,
      'resident',
      rows.map((r) => r.id),
    );
    return page(
      rows.map((r) => this.toSummary(r)),
      total,
      q,
    );
  }

  async get(actor: AuthUser, id: string): Promise<ResidentDto> {
    const ref = await this.residentRef(id);
    this.policy.require(!!ref && this.policy.readsResident(actor, ref), 'Resident');
    if (actor.role !== 'resident') {
      await this.audit.record(actor, { action: 'resident.read', entityType: 'resident', entityId: id });
    }
    return this.load(id);
  }

  async update(actor: AuthUser, id: string, dto: UpdateResidentDto): Promise<ResidentDto> {
    const self = actor.role === 'resident';
    const fields = Object.keys(dto)
      .filter((k) => (dto as Record<string, unknown>)[k] !== undefined)
      .sort();
    if (dto.skills) {
      await this.skills.requireCodes(
        dto.skills.map((s) => s.code),
        'skills',
      );
    }
    await this.dataSource.transaction(async (m) => {
      const ref = await this.residentRef(id, m);
      this.policy.require(!!ref && this.policy.readsResident(actor, ref), 'Resident');
      if (!this.policy.managesResident(actor, ref!)) {
        throw new ForbiddenError('Officers of the origin region read this resident; its site manages them');
      }
      if (self) {
        const refused = fields.filter((f) => !(RESIDENT_EDITABLE as readonly string[]).includes(f));
        if (refused.length) {
          throw new ForbiddenError(`A resident may not change ${refused.join(', ')}; ask your officer`);
        }
      }
      const r = await m.findOneOrFail(Resident, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (r.erasedAt)
        throw new ConflictError('The personal data of this resident was erased', 'resident.erased');
      const oldHouseholdId = r.householdId;
      this.rejectNulls(dto);

      if (dto.householdId !== undefined && dto.householdId !== r.householdId) {
        const target = await this.households.requireManagedHousehold(m, actor, dto.householdId);
        r.householdId = target.id;
        r.siteId = target.site.id;
      }
      if (dto.name !== undefined) r.name = dto.name;
      if (dto.nationalId !== undefined) {
        const nid = normalizeNationalId(dto.nationalId);
        await this.assertNationalIdFree(m, nid, r.id);
        Object.assign(r, nationalIdColumns(this.pii, nid));
      }
      if (dto.gender !== undefined) r.gender = dto.gender;
      if (dto.birthDate !== undefined) r.birthDate = dto.birthDate;
      if (dto.nationalId !== undefined || dto.gender !== undefined || dto.birthDate !== undefined) {
        const nid = dto.nationalId
          ? normalizeNationalId(dto.nationalId)
          : r.nationalIdEncrypted
            ? this.pii.decrypt(r.nationalIdEncrypted)
            : null;
        if (nid) {
          const facts = nationalIdFacts(nid);
          if (dto.nationalId !== undefined) {
            // A corrected ID brings its own birth date and gender unless they are given too.
            r.birthDate = dto.birthDate ?? facts.birthDate;
            r.gender = dto.gender ?? facts.gender;
          }
          this.assertAgreesWithId(nid, r.birthDate!, r.gender!);
        }
      }
      if (dto.phone !== undefined)
        Object.assign(r, phoneColumns(this.pii, (dto.phone as string | null) || null));
      if (dto.education !== undefined) r.education = dto.education ?? null;
      if (dto.laborCapacity !== undefined) r.laborCapacity = dto.laborCapacity;
      if (dto.employmentStatus !== undefined) r.employmentStatus = dto.employmentStatus;
      if (dto.consentToShare !== undefined) r.consentToShare = dto.consentToShare;
      if (dto.jobAlerts !== undefined) r.jobAlerts = dto.jobAlerts;
      if (dto.careDuties !== undefined) r.careDuties = dto.careDuties;
      if (dto.languages !== undefined) r.languages = dto.languages;
      if (dto.preferences) {
        const p = dto.preferences;
        if (p.industries !== undefined) r.prefIndustries = p.industries;
        if (p.schedules !== undefined) r.prefSchedules = p.schedules;
        if (p.willingToWorkAway !== undefined) r.willingToWorkAway = p.willingToWorkAway;
        if ('wageMin' in p) r.prefWageMin = p.wageMin ?? null;
        if ('maxCommuteKm' in p) r.prefMaxCommuteKm = p.maxCommuteKm ?? null;
        // An older client that changes the km means a new limit: the stated minutes give way to it.
        if ('maxCommuteMinutes' in p) r.prefMaxCommuteMinutes = p.maxCommuteMinutes ?? null;
        else if ('maxCommuteKm' in p) r.prefMaxCommuteMinutes = null;
      }
      await m.save(r);

      if (dto.skills) await this.replaceSkills(m, r.id, dto.skills, self ? 'self' : 'officer');
      if (dto.certificates) {
        await m.delete(ResidentCertificate, { residentId: r.id });
        if (dto.certificates.length) {
          await m.insert(
            ResidentCertificate,
            dto.certificates.map((c) => ({ residentId: r.id, type: c.type, expiresAt: c.expiresAt ?? null })),
          );
        }
      }

      await this.households.recompute(m, r.householdId);
      if (oldHouseholdId !== r.householdId) await this.households.recompute(m, oldHouseholdId);
      if (fields.some((f) => MATCHING_FIELDS.includes(f))) await this.versions.changed(m, r.id);
      await this.audit.record(
        actor,
        {
          action: 'resident.update',
          entityType: 'resident',
          entityId: r.id,
          // An officer changing a resident's record acts on their behalf (both identities kept).
          onBehalfOfResidentId: self ? null : r.id,
          details: { fields },
        },
        m,
      );
    });
    return this.load(id);
  }

  /** An officer of the site confirms a self-registered (pending) resident. */
  async confirm(actor: AuthUser, id: string, dto: ConfirmResidentDto): Promise<ResidentDto> {
    await this.dataSource.transaction(async (m) => {
      const ref = await this.residentRef(id, m);
      this.policy.require(!!ref && this.policy.readsResident(actor, ref), 'Resident');
      if (!this.policy.managesResident(actor, ref!)) {
        throw new ForbiddenError('Only officers of the site confirm residents');
      }
      const r = await m.findOneOrFail(Resident, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (r.status !== 'pending' || r.erasedAt) {
        throw new ConflictError('Only a pending resident can be confirmed', 'resident.not_pending');
      }
      const oldHouseholdId = r.householdId;
      if (dto.householdId && dto.householdId !== r.householdId) {
        const target = await this.households.requireManagedHousehold(m, actor, dto.householdId);
        r.householdId = target.id;
        r.siteId = target.site.id;
      }
      if (dto.nationalId) {
        const nid = normalizeNationalId(dto.nationalId);
        await this.assertNationalIdFree(m, nid, r.id);
        const facts = nationalIdFacts(nid);
        Object.assign(r, nationalIdColumns(this.pii, nid), {
          birthDate: facts.birthDate,
          gender: facts.gender,
        });
      } else if (!r.nationalIdHmac) {
        throw new InvalidInputError('nationalId', 'is required to confirm a resident registered without one');
      }
      r.status = 'active';
      await m.save(r);
      await this.households.recompute(m, r.householdId);
      if (oldHouseholdId !== r.householdId) {
        // The household created at registration is dropped when the officer moved its only member.
        const left: { n: string }[] = await m.query(
          'SELECT count(*) AS n FROM resident WHERE household_id = $1',
          [oldHouseholdId],
        );
        if (Number(left[0].n) === 0) await m.delete(Household, { id: oldHouseholdId });
        else await this.households.recompute(m, oldHouseholdId);
      }
      await this.versions.changed(m, r.id);
      await this.audit.record(
        actor,
        {
          action: 'resident.confirm',
          entityType: 'resident',
          entityId: r.id,
          onBehalfOfResidentId: r.id,
          details: { fields: Object.keys(dto) },
        },
        m,
      );
    });
    return this.load(id);
  }

  /** The resident's own data (PIPL right of access). The national ID stays masked (API.md). */
  async exportOwnData(user: AuthUser): Promise<ResidentExportDto> {
    if (user.role !== 'resident' || !user.residentId) throw new NotFoundError('Resident');
    const id = user.residentId;
    const r = await this.dataSource.manager.findOne(Resident, { where: { id } });
    if (!r) throw new NotFoundError('Resident');
    const dto = await this.load(id);
    const h = await this.dataSource.manager.findOneOrFail(Household, { where: { id: r.householdId } });
    await this.audit.record(user, { action: 'resident.export', entityType: 'resident', entityId: id });
    return {
      ...dto,
      phone: r.phoneEncrypted ? this.pii.decrypt(r.phoneEncrypted) : null,
      household: this.households.toDto(h) as unknown as Record<string, unknown>,
      exportedAt: new Date(),
    };
  }

  /**
   * Erasure on request (PIPL art. 47): name, national ID and phone are removed (ciphertexts and
   * lookup digests), consent and alerts switched off and the account disabled; the row stays,
   * anonymous, so the statistics and placements keep their counts.
   */
  async erasePersonalData(actor: AuthUser, residentId: string): Promise<{ id: string; erasedAt: Date }> {
    return this.dataSource.transaction(async (m) => {
      const ref = await this.residentRef(residentId, m);
      const allowed =
        actor.role === 'admin' || (actor.role === 'resident' && actor.residentId === residentId);
      this.policy.require(!!ref && allowed, 'Resident');
      const r = await m.findOneOrFail(Resident, {
        where: { id: residentId },
        lock: { mode: 'pessimistic_write' },
      });
      if (r.erasedAt) return { id: r.id, erasedAt: r.erasedAt };
      const erasedAt = new Date();
      await m.update(
        Resident,
        { id: r.id },
        {
          name: ERASED_NAME,
          nationalIdEncrypted: null,
          nationalIdHmac: null,
          nationalIdMasked: null,
          ...phoneColumns(this.pii, null),
          consentToShare: false,
          jobAlerts: false,
          erasedAt,
        },
      );
      await m.delete(ResidentCertificate, { residentId: r.id });
      const accounts: { id: string }[] = await m.query('SELECT id FROM app_user WHERE resident_id = $1', [
        r.id,
      ]);
      for (const a of accounts) await this.users.erase(m, a.id);
      await this.households.recompute(m, r.householdId);
      await this.versions.changed(m, r.id);
      await this.audit.record(
        actor,
        {
          action: 'resident.erase',
          entityType: 'resident',
          entityId: r.id,
          onBehalfOfResidentId: actor.role === 'resident' ? null : r.id,
        },
        m,
      );
      return { id: r.id, erasedAt };
    });
  }

  // ---- internals -------------------------------------------------------------------------------

  /** The birth date and gender given must be the ones the ID encodes. */
  private assertAgreesWithId(nationalId: string, birthDate: string, gender: string): void {
    const facts = nationalIdFacts(nationalId);
    if (facts.birthDate !== birthDate) {
      throw new InvalidInputError('birthDate', 'does not match the birth date in nationalId');
    }
    if (facts.gender !== gender)
      throw new InvalidInputError('gender', 'does not match the gender in nationalId');
  }

  private async assertNationalIdFree(
    m: EntityManager,
    nationalId: string,
    exceptId: string | null,
  ): Promise<void> {
    const other = await m.findOne(Resident, {
      where: { nationalIdHmac: this.pii.hmac('national_id', nationalId) },
      select: { id: true },
    });
    if (other && other.id !== exceptId) {
      throw new ConflictError(
        'A resident with this national ID already exists',
        'resident.duplicate_national_id',
      );
    }
  }

  /** `null` clears optional fields only; a required field sent as null is a 400. */
  private rejectNulls(dto: UpdateResidentDto): void {
    const clearable = new Set(['phone', 'education']);
    for (const [k, v] of Object.entries(dto)) {
      if (v === null && !clearable.has(k)) throw new InvalidInputError(k, 'must not be null');
    }
  }

  /**
   * Replaces the skill list. An officer's list replaces everything (unchanged levels keep their
   * source). A resident's list replaces only their self-declared skills: levels an officer,
   * a course or a certificate established are kept and cannot be lowered by the resident.
   */
  private async replaceSkills(
    m: EntityManager,
    residentId: string,
    skills: SkillLevelDto[],
    source: 'self' | 'officer',
  ): Promise<void> {
    const existing = new Map(
      (await m.find(ResidentSkill, { where: { residentId } })).map((s) => [s.skillCode, s]),
    );
    const wanted = new Map(skills.map((s) => [s.code, s.level]));
    const remove = [...existing.values()]
      .filter((s) => !wanted.has(s.skillCode) && (source === 'officer' || s.source === 'self'))
      .map((s) => s.skillCode);
    if (remove.length) await m.delete(ResidentSkill, { residentId, skillCode: In(remove) });
    for (const [code, level] of wanted) {
      const cur = existing.get(code);
      if (cur && cur.level === level) continue;
      if (cur && source === 'self' && cur.source !== 'self') continue;
      await m.upsert(ResidentSkill, { residentId, skillCode: code, level, source, sourceRef: null }, [
        'residentId',
        'skillCode',
      ]);
    }
  }

  private async load(id: string): Promise<ResidentDto> {
    const r = await this.dataSource.manager.findOneOrFail(Resident, { where: { id } });
    const [skills, certs] = await Promise.all([
      this.dataSource.manager.find(ResidentSkill, { where: { residentId: id }, order: { skillCode: 'ASC' } }),
      this.dataSource.manager.find(ResidentCertificate, {
        where: { residentId: id },
        order: { type: 'ASC' },
      }),
    ]);
    return {
      ...this.toSummary(r),
      phoneMasked: r.phoneEncrypted ? maskPhone(this.pii.decrypt(r.phoneEncrypted)) : null,
      education: r.education,
      preferences: {
        industries: r.prefIndustries,
        wageMin: r.prefWageMin,
        schedules: r.prefSchedules,
        maxCommuteKm: r.prefMaxCommuteKm,
        maxCommuteMinutes: r.prefMaxCommuteMinutes,
        willingToWorkAway: r.willingToWorkAway,
      },
      jobAlerts: r.jobAlerts,
      careDuties: r.careDuties,
      languages: r.languages,
      skills: skills.map((s) => ({
        code: s.skillCode,
        level: s.level,
        source: s.source,
        sourceRef: s.sourceRef,
      })),
      certificates: certs.map((c) => ({ type: c.type, expiresAt: c.expiresAt })),
      version: r.version,
      erasedAt: r.erasedAt,
      createdAt: r.createdAt,
      updatedAt: r.updatedAt,
    };
  }

  private toSummary(r: Resident): ResidentSummaryDto {
    return {
      id: r.id,
      householdId: r.householdId,
      siteId: r.siteId,
      name: r.name,
      gender: r.gender,
      birthDate: r.birthDate,
      nationalIdMasked: r.nationalIdMasked,
      laborCapacity: r.laborCapacity,
      employmentStatus: r.employmentStatus,
      consentToShare: r.consentToShare,
      status: r.status,
    };
  }
}
