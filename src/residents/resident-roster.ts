import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { AuthUser } from '../access/auth-user';
import { AuditService } from '../audit/audit.service';
import type { EmploymentStatus, LaborCapacity, MonitoringStatus } from '../kernel/domain-enums';
import { ConflictError } from '../kernel/domain-errors';
import { PiiCipher } from '../platform/crypto/pii-cipher';
import type { Education, Gender } from './enums';
import { HouseholdsRepository } from './households.repository';
import { HouseholdsService } from './households.service';
import { nationalIdColumns, phoneColumns } from './resident-pii';
import { ResidentsRepository } from './residents.repository';
import { MATCHING_FIELDS, ResidentVersions } from './resident-versions';
import type { Resident } from './resident.entity';

/** One person's line of a site's roster (imports module), already checked. */
export interface RosterResident {
  nationalId: string;
  name: string;
  gender: Gender;
  birthDate: string;
  /** Null leaves the stored value alone (a roster does not clear what it does not know). */
  phone: string | null;
  /** Null leaves the stored value alone. */
  education: Education | null;
  laborCapacity: LaborCapacity;
  employmentStatus: EmploymentStatus;
  consentToShare: boolean;
  /** Set to the listed level; skills the roster does not list are kept. */
  skills: { code: string; level: number }[];
  originRegionCode: string;
  monitoringStatus: MonitoringStatus;
}

/** What the import run knows about the line's household and who imports it. */
export interface RosterUpsertContext {
  actor: AuthUser;
  importId: string;
  siteId: string;
  /** The household already decided for this line's household number in this run, if any. */
  householdId: string | null;
  /** Whether this line sets the household's origin and monitoring status (its first good line). */
  appliesHousehold: boolean;
}

export type RosterOutcome = 'created' | 'updated' | 'unchanged';

/** The 409 code of a roster line whose person is registered at another site. */
export const RESIDENT_AT_OTHER_SITE = 'resident.at_other_site';

/**
 * The roster import's writes, in the caller's transaction (one line is saved whole or not at
 * all; a line that starts a household creates it with its first member). Compares first, so an
 * unchanged line writes nothing at all. The same columns and events as the officer's create and
 * update: encrypted ID and phone with keyed HMACs, household figures, version + `resident.changed`
 * (ResidentVersions), audit entries naming the import.
 */
@Injectable()
export class ResidentRoster {
  constructor(
    private readonly pii: PiiCipher,
    private readonly households: HouseholdsService,
    private readonly versions: ResidentVersions,
    private readonly audit: AuditService,
    private readonly repo: ResidentsRepository,
    private readonly householdRows: HouseholdsRepository,
  ) {}

  /**
   * Imports: the household of each of these national IDs already on the site's roster, by
   * national ID (absent when not there). Looked up by keyed HMAC, 1000 at a time.
   */
  async householdsByNationalId(siteId: string, nationalIds: string[]): Promise<Map<string, string>> {
    const byHmac = new Map(nationalIds.map((id) => [this.pii.hmac('national_id', id), id]));
    const found = new Map<string, string>();
    for (const [hmac, householdId] of await this.repo.householdsByNationalIdHmac(siteId, [...byHmac.keys()]))
      found.set(byHmac.get(hmac)!, householdId);
    return found;
  }

  async upsert(
    m: EntityManager,
    ctx: RosterUpsertContext,
    row: RosterResident,
  ): Promise<{ outcome: RosterOutcome; householdId: string }> {
    const idHmac = this.pii.hmac('national_id', row.nationalId);
    const existing = await this.repo.lockByNationalIdHmac(m, idHmac);
    if (existing && existing.siteId !== ctx.siteId) {
      throw new ConflictError('The resident is registered at another site', RESIDENT_AT_OTHER_SITE);
    }

    let householdChanged = false;
    let householdId = ctx.householdId ?? existing?.householdId ?? null;
    if (!householdId) {
      const h = await this.householdRows.insert(m, {
        siteId: ctx.siteId,
        originRegionCode: row.originRegionCode,
        monitoringStatus: row.monitoringStatus,
      });
      householdId = h.id;
      householdChanged = true;
      await this.audit.record(
        ctx.actor,
        {
          action: 'household.create',
          entityType: 'household',
          entityId: h.id,
          details: { importId: ctx.importId },
        },
        m,
      );
    } else if (ctx.appliesHousehold) {
      householdChanged = await this.applyHousehold(m, ctx, householdId, row);
    }

    const outcome = existing
      ? await this.update(m, ctx, existing, householdId, row)
      : await this.create(m, ctx, householdId, row);
    return { outcome: outcome === 'unchanged' && householdChanged ? 'updated' : outcome, householdId };
  }

  /** The household's origin and monitoring status come from the first good line of its number. */
  private async applyHousehold(
    m: EntityManager,
    ctx: RosterUpsertContext,
    householdId: string,
    row: RosterResident,
  ): Promise<boolean> {
    const h = await this.householdRows.lockOrFail(m, householdId);
    const fields: string[] = [];
    if (h.originRegionCode !== row.originRegionCode) fields.push('originRegionCode');
    if (h.monitoringStatus !== row.monitoringStatus) fields.push('monitoringStatus');
    if (!fields.length) return false;
    await this.householdRows.update(m, h.id, {
      originRegionCode: row.originRegionCode,
      monitoringStatus: row.monitoringStatus,
    });
    // The monitoring status weighs in every member's matching priority.
    if (fields.includes('monitoringStatus')) await this.households.membersChanged(m, h.id);
    await this.audit.record(
      ctx.actor,
      {
        action: 'household.update',
        entityType: 'household',
        entityId: h.id,
        details: { fields, importId: ctx.importId },
      },
      m,
    );
    return true;
  }

  private async create(
    m: EntityManager,
    ctx: RosterUpsertContext,
    householdId: string,
    row: RosterResident,
  ): Promise<RosterOutcome> {
    const r = await this.repo.insert(m, {
      householdId,
      siteId: ctx.siteId,
      name: row.name,
      gender: row.gender,
      birthDate: row.birthDate,
      ...nationalIdColumns(this.pii, row.nationalId),
      ...(row.phone ? phoneColumns(this.pii, row.phone) : {}),
      education: row.education,
      laborCapacity: row.laborCapacity,
      employmentStatus: row.employmentStatus,
      consentToShare: row.consentToShare,
      status: 'active',
    });
    await this.repo.insertSkills(m, r.id, row.skills, 'officer');
    await this.households.recompute(m, householdId);
    await this.versions.created(m, r.id);
    await this.audit.record(
      ctx.actor,
      {
        action: 'resident.create',
        entityType: 'resident',
        entityId: r.id,
        onBehalfOfResidentId: r.id,
        details: { importId: ctx.importId },
      },
      m,
    );
    return 'created';
  }

  private async update(
    m: EntityManager,
    ctx: RosterUpsertContext,
    r: Resident,
    householdId: string,
    row: RosterResident,
  ): Promise<RosterOutcome> {
    const changes: Partial<Resident> = {};
    const fields: string[] = [];
    const set = <K extends keyof Resident>(field: K, value: Resident[K], name: string = field) => {
      if (r[field] !== value) {
        changes[field] = value;
        fields.push(name);
      }
    };
    set('householdId', householdId);
    set('name', row.name);
    set('gender', row.gender);
    set('birthDate', row.birthDate);
    set('laborCapacity', row.laborCapacity);
    set('employmentStatus', row.employmentStatus);
    set('consentToShare', row.consentToShare);
    if (row.education !== null) set('education', row.education);
    if (row.phone !== null && r.phoneHmac !== this.pii.hmac('phone', row.phone)) {
      Object.assign(changes, phoneColumns(this.pii, row.phone));
      fields.push('phone');
    }

    // Skills a course or a certificate granted stay when the roster does not list them.
    const held = new Map((await this.repo.skillsOf(m, r.id)).map((s) => [s.skillCode, s.level]));
    const skillChanges = row.skills.filter((s) => held.get(s.code) !== s.level);
    if (skillChanges.length) fields.push('skills');

    if (!fields.length) return 'unchanged';
    if (Object.keys(changes).length) await this.repo.update(m, r.id, changes);
    for (const s of skillChanges) await this.repo.upsertSkill(m, r.id, s.code, s.level, 'officer');
    await this.households.recompute(m, householdId);
    if (householdId !== r.householdId) await this.households.recompute(m, r.householdId);
    if (fields.some((f) => MATCHING_FIELDS.includes(f))) await this.versions.changed(m, r.id);
    await this.audit.record(
      ctx.actor,
      {
        action: 'resident.update',
        entityType: 'resident',
        entityId: r.id,
        onBehalfOfResidentId: r.id,
        details: { fields: fields.sort(), importId: ctx.importId },
      },
      m,
    );
    return 'updated';
  }
}
