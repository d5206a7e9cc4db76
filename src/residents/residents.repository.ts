import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { In, type DataSource, type DeepPartial, type EntityManager } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { Household } from './household.entity';
import { householdPrioritySql, type HouseholdPriorityPoints } from './household-priority';
import { ResidentCertificate } from './resident-certificate.entity';
import { ResidentSkill } from './resident-skill.entity';
import { Resident } from './resident.entity';
import type { ResidentProgrammeFacts } from './resident-programme-facts';
import type { ResidentContactCard } from './residents-directory';

/*
 * The residents services' reads and writes of the resident, household, resident_skill and
 * resident_certificate tables (issue 14 item 4): the services hold the rules, this file the SQL.
 * The accounts linked to a resident (that an erasure disables, that a registration checks) are
 * access's: AccountsDirectory.idsOfResident.
 */

/** A certificate as stored with a resident. */
export interface CertificateRow {
  type: string;
  expiresAt?: string | null;
}

/** What the resident list filters on (the scope condition comes from scope-sql.ts, household alias `h`). */
export interface ResidentListFilter {
  scope: { sql: string; params: Record<string, unknown> } | null;
  siteId?: string;
  householdId?: string;
  status?: string;
  /** A part of the name, matched case-insensitively; LIKE wildcards are taken literally. */
  name?: string;
}

/** A resident with its skills (by code) and certificates (by type): what a profile shows. */
export interface ResidentProfile {
  resident: Resident;
  skills: ResidentSkill[];
  certificates: ResidentCertificate[];
}

const PROGRAMME_FACTS = `
  SELECT r.id, r.name, r.household_id AS "householdId", r.site_id AS "siteId",
         h.monitoring_status AS "monitoringStatus", r.employment_status AS "employmentStatus",
         r.national_id_masked AS "nationalIdMasked", to_char(r.created_at, 'YYYY-MM-DD') AS "registeredOn"
    FROM resident r JOIN household h ON h.id = r.household_id`;

@Injectable()
export class ResidentsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  transaction<T>(work: (m: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }

  private q(m?: EntityManager): EntityManager {
    return m ?? this.dataSource.manager;
  }

  // ---- resident rows ---------------------------------------------------------------------------

  async householdIdOf(residentId: string, m?: EntityManager): Promise<string | null> {
    const rows: { household_id: string }[] = await this.q(m).query(
      'SELECT household_id FROM resident WHERE id = $1',
      [residentId],
    );
    return rows.length ? rows[0].household_id : null;
  }

  find(id: string, m?: EntityManager): Promise<Resident | null> {
    return this.q(m).findOne(Resident, { where: { id } });
  }

  /** The row locked FOR UPDATE in the caller's transaction, or null. */
  lock(m: EntityManager, id: string): Promise<Resident | null> {
    return m.findOne(Resident, { where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  /** As lock, for a resident known to exist (a missing row is an error, not a 404). */
  lockOrFail(m: EntityManager, id: string): Promise<Resident> {
    return m.findOneOrFail(Resident, { where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  insert(m: EntityManager, fields: DeepPartial<Resident>): Promise<Resident> {
    return m.save(m.create(Resident, fields));
  }

  save(m: EntityManager, r: Resident): Promise<Resident> {
    return m.save(r);
  }

  async update(m: EntityManager, id: string, changes: QueryDeepPartialEntity<Resident>): Promise<void> {
    await m.update(Resident, { id }, changes);
  }

  async versionOf(id: string, m?: EntityManager): Promise<number> {
    const r = await this.q(m).findOneOrFail(Resident, { where: { id }, select: { version: true } });
    return Number(r.version);
  }

  /** Adds one to the resident's version; the new version. */
  async bumpVersion(m: EntityManager, id: string): Promise<number> {
    const res = await m
      .createQueryBuilder()
      .update(Resident)
      .set({ version: () => 'version + 1' })
      .where('id = :id', { id })
      .returning(['version'])
      .execute();
    return Number((res.raw as { version: number }[])[0].version);
  }

  /** The resident holding this national ID digest, locked FOR UPDATE in the caller's transaction. */
  lockByNationalIdHmac(m: EntityManager, hmac: string): Promise<Resident | null> {
    return m.findOne(Resident, { where: { nationalIdHmac: hmac }, lock: { mode: 'pessimistic_write' } });
  }

  /** The other resident holding this national ID digest, if any. */
  async idByNationalIdHmac(m: EntityManager, hmac: string): Promise<string | null> {
    const other = await m.findOne(Resident, { where: { nationalIdHmac: hmac }, select: { id: true } });
    return other?.id ?? null;
  }

  /** The stored (encrypted) phone, or null; undefined when there is no such resident. */
  async phoneOf(id: string): Promise<string | null | undefined> {
    const r = await this.dataSource.manager.findOne(Resident, {
      where: { id },
      select: { id: true, phoneEncrypted: true },
    });
    return r ? r.phoneEncrypted : undefined;
  }

  /**
   * The birth date (YYYY-MM-DD or null) and household of a resident, the household row locked
   * FOR UPDATE in the caller's transaction. Null when there is no such resident.
   */
  async lockHouseholdOf(
    m: EntityManager,
    residentId: string,
  ): Promise<{ householdId: string; birthDate: string | null } | null> {
    const rows: { birth_date: string | null; household_id: string }[] = await m.query(
      `SELECT to_char(birth_date, 'YYYY-MM-DD') AS birth_date, household_id FROM resident WHERE id = $1`,
      [residentId],
    );
    if (!rows.length) return null;
    const { birth_date: birthDate, household_id: householdId } = rows[0];
    await m.query('SELECT id FROM household WHERE id = $1 FOR UPDATE', [householdId]);
    return { householdId, birthDate };
  }

  async namesOf(ids: string[]): Promise<Map<string, string>> {
    const unique = [...new Set(ids)];
    if (!unique.length) return new Map();
    const rows = await this.dataSource.manager.find(Resident, {
      where: { id: In(unique) },
      select: { id: true, name: true },
    });
    return new Map(rows.map((r) => [r.id, r.name]));
  }

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

  /** The household of each national ID digest on the site's roster, by digest; 1000 at a time. */
  async householdsByNationalIdHmac(siteId: string, hmacs: string[]): Promise<Map<string, string>> {
    const found = new Map<string, string>();
    for (let i = 0; i < hmacs.length; i += 1000) {
      const rows: { national_id_hmac: string; household_id: string }[] = await this.dataSource.query(
        'SELECT national_id_hmac, household_id FROM resident WHERE site_id = $1 AND national_id_hmac = ANY($2)',
        [siteId, hmacs.slice(i, i + 1000)],
      );
      for (const r of rows) found.set(r.national_id_hmac, r.household_id);
    }
    return found;
  }

  /** One page of residents (by name, then id) and the count of all that match. */
  listPage(filter: ResidentListFilter, skip: number, take: number): Promise<[Resident[], number]> {
    const qb = this.dataSource.manager
      .createQueryBuilder(Resident, 'r')
      .innerJoin(Household, 'h', 'h.id = r.householdId')
      .orderBy('r.name', 'ASC')
      .addOrderBy('r.id', 'ASC');
    if (filter.scope) qb.andWhere(filter.scope.sql, filter.scope.params);
    if (filter.siteId) qb.andWhere('r.site_id = :siteId', { siteId: filter.siteId });
    if (filter.householdId) qb.andWhere('r.household_id = :householdId', { householdId: filter.householdId });
    if (filter.status) qb.andWhere('r.status = :status', { status: filter.status });
    if (filter.name)
      qb.andWhere('r.name ILIKE :name', { name: `%${filter.name.replace(/[%_\\]/g, '\\$&')}%` });
    return qb.skip(skip).take(take).getManyAndCount();
  }

  async profile(id: string): Promise<ResidentProfile> {
    const manager = this.dataSource.manager;
    const resident = await manager.findOneOrFail(Resident, { where: { id } });
    const [skills, certificates] = await Promise.all([
      manager.find(ResidentSkill, { where: { residentId: id }, order: { skillCode: 'ASC' } }),
      manager.find(ResidentCertificate, { where: { residentId: id }, order: { type: 'ASC' } }),
    ]);
    return { resident, skills, certificates };
  }

  /** Confirmed, not erased residents of a site, by name (ResidentProgrammeReads). */
  programmeFactsOfSite(siteId: string): Promise<ResidentProgrammeFacts[]> {
    return this.dataSource.query(
      `${PROGRAMME_FACTS} WHERE r.site_id = $1 AND r.status = 'active' AND r.erased_at IS NULL ORDER BY r.name, r.id`,
      [siteId],
    );
  }

  /** Not erased residents by id (ResidentProgrammeReads). */
  programmeFactsOf(ids: string[]): Promise<ResidentProgrammeFacts[]> {
    return this.dataSource.query(`${PROGRAMME_FACTS} WHERE r.id = ANY($1::uuid[]) AND r.erased_at IS NULL`, [
      ids,
    ]);
  }

  // ---- skills and certificates -----------------------------------------------------------------

  skillsOf(m: EntityManager, residentId: string): Promise<ResidentSkill[]> {
    return m.find(ResidentSkill, { where: { residentId } });
  }

  async insertSkills(
    m: EntityManager,
    residentId: string,
    skills: { code: string; level: number }[],
    source: 'officer',
  ): Promise<void> {
    if (!skills.length) return;
    await m.insert(
      ResidentSkill,
      skills.map((s) => ({ residentId, skillCode: s.code, level: s.level, source })),
    );
  }

  async deleteSkills(m: EntityManager, residentId: string, codes: string[]): Promise<void> {
    await m.delete(ResidentSkill, { residentId, skillCode: In(codes) });
  }

  async upsertSkill(
    m: EntityManager,
    residentId: string,
    code: string,
    level: number,
    source: 'self' | 'officer',
  ): Promise<void> {
    await m.upsert(ResidentSkill, { residentId, skillCode: code, level, source, sourceRef: null }, [
      'residentId',
      'skillCode',
    ]);
  }

  /** A course's skill, never lowering a level the resident already holds. */
  async grantTrainingSkill(
    m: EntityManager,
    residentId: string,
    code: string,
    level: number,
    courseId: string,
  ): Promise<void> {
    await m.query(
      `INSERT INTO resident_skill (resident_id, skill_code, level, source, source_ref, updated_at)
       VALUES ($1, $2, $3, 'training', $4, now())
       ON CONFLICT (resident_id, skill_code) DO UPDATE
          SET level = EXCLUDED.level, source = 'training', source_ref = EXCLUDED.source_ref, updated_at = now()
        WHERE resident_skill.level <= EXCLUDED.level`,
      [residentId, code, level, courseId],
    );
  }

  async insertCertificates(
    m: EntityManager,
    residentId: string,
    certificates: CertificateRow[],
  ): Promise<void> {
    if (!certificates.length) return;
    await m.insert(
      ResidentCertificate,
      certificates.map((c) => ({ residentId, type: c.type, expiresAt: c.expiresAt ?? null })),
    );
  }

  async deleteCertificates(m: EntityManager, residentId: string): Promise<void> {
    await m.delete(ResidentCertificate, { residentId });
  }

  // ---- households and accounts -----------------------------------------------------------------

  async memberCount(m: EntityManager, householdId: string): Promise<number> {
    const left: { n: string }[] = await m.query(
      'SELECT count(*) AS n FROM resident WHERE household_id = $1',
      [householdId],
    );
    return Number(left[0].n);
  }

  async deleteHousehold(m: EntityManager, id: string): Promise<void> {
    await m.delete(Household, { id });
  }

  household(id: string): Promise<Household> {
    return this.dataSource.manager.findOneOrFail(Household, { where: { id } });
  }
}
