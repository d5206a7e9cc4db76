import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { User } from './user.entity';

/*
 * The accounts' SQL over app_user (issue 14 item 4), for UsersService, AuthService and
 * AccountsDirectory (the read API other features call): the services hold the rules, this file
 * the statements. Methods that take a manager run in the caller's transaction; the others on
 * the pool. A scope's sites and regions are checked against `site` and `region`, the two
 * foreign tables access reads (src/README.md rule 2).
 */

/** What a new account is stored with (UsersService.insert decides the values). */
export type NewAccountRow = Pick<
  User,
  'phoneHmac' | 'phoneEncrypted' | 'passwordHash' | 'name' | 'role' | 'scopeSiteIds' | 'scopeRegionCodes'
>;

/** An account's name and phone, as an officer reading a link claim sees them. */
export interface AccountContactRow {
  id: string;
  name: string;
  phoneEncrypted: string;
  phoneHmac: string;
}

@Injectable()
export class AccountsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  transaction<T>(work: (m: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }

  private q(m?: EntityManager): EntityManager {
    return m ?? this.dataSource.manager;
  }

  findByPhoneHmac(phoneHmac: string, m?: EntityManager): Promise<User | null> {
    return this.q(m).findOne(User, { where: { phoneHmac } });
  }

  findById(id: string, m?: EntityManager): Promise<User | null> {
    return this.q(m).findOne(User, { where: { id } });
  }

  /** The row locked FOR UPDATE until the caller's transaction ends. */
  lockById(m: EntityManager, id: string): Promise<User | null> {
    return m.findOne(User, { where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  /** The ids of the accounts (not disabled) of these residents (ids given once each). */
  async activeIdsOfResidents(residentIds: string[], m?: EntityManager): Promise<string[]> {
    const rows: { id: string }[] = await this.q(m).query(
      'SELECT id FROM app_user WHERE resident_id = ANY($1::uuid[]) AND disabled_at IS NULL',
      [residentIds],
    );
    return rows.map((r) => r.id);
  }

  phoneTaken(m: EntityManager, phoneHmac: string): Promise<boolean> {
    return m.exists(User, { where: { phoneHmac } });
  }

  insert(m: EntityManager, row: NewAccountRow): Promise<User> {
    return m.save(m.create(User, row));
  }

  save(m: EntityManager, user: User): Promise<User> {
    return m.save(user);
  }

  async update(id: string, changes: QueryDeepPartialEntity<User>, m?: EntityManager): Promise<void> {
    await this.q(m).update(User, { id }, changes);
  }

  /** Counted for the record (who is being guessed at); it locks nothing. */
  async countFailedLogin(id: string): Promise<void> {
    await this.dataSource.manager.increment(User, { id }, 'failedLogins', 1);
  }

  countAdmins(m: EntityManager): Promise<number> {
    return m.count(User, { where: { role: 'admin' } });
  }

  /** A transaction-scoped advisory lock on the key (two processes starting together wait here). */
  async advisoryLock(m: EntityManager, key: string): Promise<void> {
    await m.query('SELECT pg_advisory_xact_lock(hashtext($1))', [key]);
  }

  /** Which of these sites exist (raw read of the reference table, for a scope). */
  existingSiteIds(m: EntityManager, siteIds: string[]): Promise<{ id: string }[]> {
    return m.query('SELECT id FROM site WHERE id = ANY($1)', [siteIds]);
  }

  /** Which of these regions exist (raw read of the reference table, for a scope). */
  existingRegionCodes(m: EntityManager, codes: string[]): Promise<{ code: string }[]> {
    return m.query('SELECT code FROM region WHERE code = ANY($1)', [codes]);
  }

  /** Staff accounts (officers, providers, admins, liaisons), newest first, one page. */
  staffPage(page: number, pageSize: number): Promise<[User[], number]> {
    return this.dataSource.manager
      .createQueryBuilder(User, 'u')
      .where(`u.role IN ('officer', 'provider', 'admin', 'liaison')`)
      .orderBy('u.createdAt', 'DESC')
      .addOrderBy('u.id', 'ASC')
      .skip((page - 1) * pageSize)
      .take(pageSize)
      .getManyAndCount();
  }

  // ---- the reads of AccountsDirectory ----------------------------------------------------------

  /** Names of these accounts (any role, disabled or not); ids of no account are left out. */
  namesOf(ids: string[]): Promise<{ id: string; name: string }[]> {
    return this.dataSource.query('SELECT id, name FROM app_user WHERE id = ANY($1::uuid[])', [ids]);
  }

  /** Name and phone (encrypted, and its lookup digest) of these accounts. */
  contactsOf(ids: string[]): Promise<AccountContactRow[]> {
    return this.dataSource.query(
      `SELECT id, name, phone_encrypted AS "phoneEncrypted", phone_hmac AS "phoneHmac"
         FROM app_user WHERE id = ANY($1::uuid[])`,
      [ids],
    );
  }

  /** The account, if it exists: whether it is linked to a resident. */
  async residentLinkOf(
    m: EntityManager,
    userId: string,
  ): Promise<{ id: string; resident_id: string | null } | undefined> {
    const rows: { id: string; resident_id: string | null }[] = await m.query(
      'SELECT id, resident_id FROM app_user WHERE id = $1',
      [userId],
    );
    return rows[0];
  }

  /** Whether the resident has an account, or the account a resident, already. */
  async eitherLinked(m: EntityManager, residentId: string, userId: string): Promise<boolean> {
    const linked: { id: string }[] = await m.query(
      'SELECT id FROM app_user WHERE resident_id = $1 OR (id = $2 AND resident_id IS NOT NULL)',
      [residentId, userId],
    );
    return linked.length > 0;
  }

  /** The accounts (enabled or not) linked to the resident. */
  async idsOfResident(m: EntityManager, residentId: string): Promise<string[]> {
    const accounts: { id: string }[] = await m.query('SELECT id FROM app_user WHERE resident_id = $1', [
      residentId,
    ]);
    return accounts.map((a) => a.id);
  }
}
