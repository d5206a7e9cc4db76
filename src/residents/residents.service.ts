import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { AuthUser } from '../access/auth-user';
import { ScopePolicy } from '../access/scope/scope-policy';
import { AuditService } from '../audit/audit.service';
import { ConflictError, ForbiddenError, InvalidInputError } from '../kernel/domain-errors';
import { page, type Page } from '../kernel/pagination';
import { PiiCipher } from '../platform/crypto/pii-cipher';
import { SkillsService } from '../skills/skills.service';
import {
  RESIDENT_EDITABLE,
  type ConfirmResidentDto,
  type CreateResidentDto,
  type ResidentDto,
  type ResidentQuery,
  type ResidentSummaryDto,
  type SkillLevelDto,
  type UpdateResidentDto,
} from './dto/resident.dto';
import { HouseholdsService } from './households.service';
import { nationalIdFacts, normalizeNationalId } from './national-id';
import { nationalIdColumns, phoneColumns } from './resident-pii';
import { MATCHING_FIELDS, ResidentVersions } from './resident-versions';
import { toResidentDto, toResidentSummary } from './resident-view';
import { ResidentsDirectory } from './residents-directory';
import { ResidentsRepository } from './residents.repository';
import { householdReadScope } from './scope-sql';

/**
 * Officers' work on residents (and the resident's own profile): create, list, read, change and
 * confirm a self-registered resident. Other features use ResidentsDirectory; the resident's
 * export and erasure are ResidentPrivacyService; registration is ResidentRegistrationService
 * (self) and ResidentRoster (imports).
 */
@Injectable()
export class ResidentsService {
  constructor(
    private readonly repo: ResidentsRepository,
    private readonly directory: ResidentsDirectory,
    private readonly policy: ScopePolicy,
    private readonly audit: AuditService,
    private readonly pii: PiiCipher,
    private readonly skills: SkillsService,
    private readonly households: HouseholdsService,
    private readonly versions: ResidentVersions,
  ) {}

  async create(actor: AuthUser, dto: CreateResidentDto): Promise<ResidentDto> {
    const nationalId = normalizeNationalId(dto.nationalId);
    this.assertAgreesWithId(nationalId, dto.birthDate, dto.gender);
    const skills = dto.skills ?? [];
    await this.skills.requireCodes(
      skills.map((s) => s.code),
      'skills',
    );
    const id = await this.repo.transaction(async (m) => {
      const household = await this.households.requireManagedHousehold(m, actor, dto.householdId);
      await this.assertNationalIdFree(m, nationalId, null);
      const prefs = dto.preferences;
      const r = await this.repo.insert(m, {
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
      });
      await this.repo.insertSkills(m, r.id, skills, 'officer');
      await this.repo.insertCertificates(m, r.id, dto.certificates ?? []);
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
    const [rows, total] = await this.repo.listPage(
      {
        scope: householdReadScope(actor),
        siteId: q.siteId,
        householdId: q.householdId,
        status: q.status,
        name: q.q,
      },
      (q.page - 1) * q.pageSize,
      q.pageSize,
    );
    await this.audit.recordReads(
      actor,
      'resident',
      rows.map((r) => r.id),
    );
    return page(
      rows.map((r) => toResidentSummary(r)),
      total,
      q,
    );
  }

  async get(actor: AuthUser, id: string): Promise<ResidentDto> {
    const ref = await this.directory.residentRef(id);
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
    await this.repo.transaction(async (m) => {
      const ref = await this.directory.residentRef(id, m);
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
      const r = await this.repo.lockOrFail(m, id);
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
      await this.repo.save(m, r);

      if (dto.skills) await this.replaceSkills(m, r.id, dto.skills, self ? 'self' : 'officer');
      if (dto.certificates) {
        await this.repo.deleteCertificates(m, r.id);
        await this.repo.insertCertificates(m, r.id, dto.certificates);
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
    await this.repo.transaction(async (m) => {
      const ref = await this.directory.residentRef(id, m);
      this.policy.require(!!ref && this.policy.readsResident(actor, ref), 'Resident');
      if (!this.policy.managesResident(actor, ref!)) {
        throw new ForbiddenError('Only officers of the site confirm residents');
      }
      const r = await this.repo.lockOrFail(m, id);
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
      await this.repo.save(m, r);
      await this.households.recompute(m, r.householdId);
      if (oldHouseholdId !== r.householdId) {
        // The household created at registration is dropped when the officer moved its only member.
        if ((await this.repo.memberCount(m, oldHouseholdId)) === 0)
          await this.repo.deleteHousehold(m, oldHouseholdId);
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
    const other = await this.repo.idByNationalIdHmac(m, this.pii.hmac('national_id', nationalId));
    if (other && other !== exceptId) {
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
    const existing = new Map((await this.repo.skillsOf(m, residentId)).map((s) => [s.skillCode, s]));
    const wanted = new Map(skills.map((s) => [s.code, s.level]));
    const remove = [...existing.values()]
      .filter((s) => !wanted.has(s.skillCode) && (source === 'officer' || s.source === 'self'))
      .map((s) => s.skillCode);
    if (remove.length) await this.repo.deleteSkills(m, residentId, remove);
    for (const [code, level] of wanted) {
      const cur = existing.get(code);
      if (cur && cur.level === level) continue;
      if (cur && source === 'self' && cur.source !== 'self') continue;
      await this.repo.upsertSkill(m, residentId, code, level, source);
    }
  }

  private async load(id: string): Promise<ResidentDto> {
    return toResidentDto(this.pii, await this.repo.profile(id));
  }
}
