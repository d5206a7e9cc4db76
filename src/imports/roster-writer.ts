import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { AuthUser } from '../access/auth-user';
import { AuditService } from '../audit/audit.service';
import { maskNationalId } from '../crypto/masking';
import { PiiCipher } from '../crypto/pii-cipher';
import { OutboxService } from '../database/outbox.service';
import { HouseholdsService } from '../residents/households.service';
import { Household } from '../residents/household.entity';
import { ResidentSkill } from '../residents/resident-skill.entity';
import { Resident } from '../residents/resident.entity';
import { ROSTER_COLUMNS } from './roster-columns';
import type { RosterRow } from './roster-row';

export type RowOutcome = 'created' | 'updated' | 'unchanged';

/** A good-looking row that the database state refuses (e.g. the person lives at another site). */
export class RowRejected extends Error {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(message);
  }
}

/** What one import run knows while it writes. */
export interface RosterWriteContext {
  importId: string;
  siteId: string;
  actor: AuthUser;
  /** 户编号 → household id, for households already decided in this run (or found by a member). */
  households: Map<string, string>;
  /** 户编号 whose household attributes (origin, monitoring) were already applied in this run. */
  householdsApplied: Set<string>;
}

/** Fields whose change can change a match (the residents module's list, for the roster's fields). */
const MATCHING: ReadonlySet<string> = new Set([
  'householdId',
  'birthDate',
  'gender',
  'laborCapacity',
  'employmentStatus',
  'consentToShare',
  'skills',
]);

/**
 * Upserts one roster row by national-ID HMAC in the caller's transaction: household (created or
 * updated), resident, skills, household figures, version + `resident.changed` outbox event, audit.
 *
 * Why not ResidentsService.create/update: they open their own transactions and take no manager,
 * and a row that starts a household must create the household and its first member atomically
 * ("nothing half-written"). This writes the same columns the same way (encrypted ID and phone,
 * keyed HMACs, masked ID; HouseholdsService.recompute for the figures; version bump + outbox as
 * ResidentVersions does) and compares first, so an unchanged row writes nothing at all.
 */
@Injectable()
export class RosterWriter {
  constructor(
    private readonly pii: PiiCipher,
    private readonly households: HouseholdsService,
    private readonly outbox: OutboxService,
    private readonly audit: AuditService,
  ) {}

  async write(
    m: EntityManager,
    ctx: RosterWriteContext,
    row: RosterRow,
  ): Promise<{ outcome: RowOutcome; householdId: string }> {
    const idHmac = this.pii.hmac('national_id', row.nationalId);
    const existing = await m.findOne(Resident, {
      where: { nationalIdHmac: idHmac },
      lock: { mode: 'pessimistic_write' },
    });
    if (existing && existing.siteId !== ctx.siteId) {
      throw new RowRejected(ROSTER_COLUMNS.nationalId, '此人已登记在其他安置点，请由该安置点的专干处理');
    }

    let householdChanged = false;
    let householdId = ctx.households.get(row.householdKey) ?? null;
    if (!householdId && existing) householdId = existing.householdId;
    if (!householdId) {
      const h = await m.save(
        m.create(Household, {
          siteId: ctx.siteId,
          originRegionCode: row.originRegionCode,
          monitoringStatus: row.monitoringStatus,
        }),
      );
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
    } else if (!ctx.householdsApplied.has(row.householdKey)) {
      householdChanged = await this.applyHousehold(m, ctx, householdId, row);
    }

    const outcome = existing
      ? await this.update(m, ctx, existing, householdId, row)
      : await this.create(m, ctx, householdId, idHmac, row);
    return { outcome: outcome === 'unchanged' && householdChanged ? 'updated' : outcome, householdId };
  }

  /** The household's origin and monitoring status come from the first good row of its 户编号. */
  private async applyHousehold(
    m: EntityManager,
    ctx: RosterWriteContext,
    householdId: string,
    row: RosterRow,
  ): Promise<boolean> {
    const h = await m.findOneOrFail(Household, {
      where: { id: householdId },
      lock: { mode: 'pessimistic_write' },
    });
    const fields: string[] = [];
    if (h.originRegionCode !== row.originRegionCode) fields.push('originRegionCode');
    if (h.monitoringStatus !== row.monitoringStatus) fields.push('monitoringStatus');
    if (!fields.length) return false;
    await m.update(
      Household,
      { id: h.id },
      { originRegionCode: row.originRegionCode, monitoringStatus: row.monitoringStatus },
    );
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
    ctx: RosterWriteContext,
    householdId: string,
    idHmac: string,
    row: RosterRow,
  ): Promise<RowOutcome> {
    const r = await m.save(
      m.create(Resident, {
        householdId,
        siteId: ctx.siteId,
        name: row.name,
        gender: row.gender,
        birthDate: row.birthDate,
        nationalIdEncrypted: this.pii.encrypt(row.nationalId),
        nationalIdHmac: idHmac,
        nationalIdMasked: maskNationalId(row.nationalId),
        ...(row.phone
          ? { phoneEncrypted: this.pii.encrypt(row.phone), phoneHmac: this.pii.hmac('phone', row.phone) }
          : {}),
        education: row.education,
        laborCapacity: row.laborCapacity,
        employmentStatus: row.employmentStatus,
        consentToShare: row.consentToShare,
        status: 'active',
      }),
    );
    if (row.skills.length) {
      await m.insert(
        ResidentSkill,
        row.skills.map((s) => ({
          residentId: r.id,
          skillCode: s.code,
          level: s.level,
          source: 'officer' as const,
        })),
      );
    }
    await this.households.recompute(m, householdId);
    await this.outbox.add(m, { kind: 'resident.changed', entityId: r.id, version: 1 });
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
    ctx: RosterWriteContext,
    r: Resident,
    householdId: string,
    row: RosterRow,
  ): Promise<RowOutcome> {
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
      changes.phoneEncrypted = this.pii.encrypt(row.phone);
      changes.phoneHmac = this.pii.hmac('phone', row.phone);
      fields.push('phone');
    }

    // Listed skills are set to the listed level; skills the roster does not list are kept
    // (a course or a certificate may have granted them).
    const held = new Map(
      (await m.find(ResidentSkill, { where: { residentId: r.id } })).map((s) => [s.skillCode, s.level]),
    );
    const skillChanges = row.skills.filter((s) => held.get(s.code) !== s.level);
    if (skillChanges.length) fields.push('skills');

    if (!fields.length) return 'unchanged';
    if (Object.keys(changes).length) await m.update(Resident, { id: r.id }, changes);
    for (const s of skillChanges) {
      await m.upsert(
        ResidentSkill,
        { residentId: r.id, skillCode: s.code, level: s.level, source: 'officer', sourceRef: null },
        ['residentId', 'skillCode'],
      );
    }
    await this.households.recompute(m, householdId);
    if (householdId !== r.householdId) await this.households.recompute(m, r.householdId);
    if (fields.some((f) => MATCHING.has(f))) {
      const res = await m
        .createQueryBuilder()
        .update(Resident)
        .set({ version: () => 'version + 1' })
        .where('id = :id', { id: r.id })
        .returning(['version'])
        .execute();
      const version = Number((res.raw as { version: number }[])[0].version);
      await this.outbox.add(m, { kind: 'resident.changed', entityId: r.id, version });
    }
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
