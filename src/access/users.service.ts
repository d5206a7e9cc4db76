import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import type { AuthUser } from './auth-user';
import { AuditService } from '../audit/audit.service';
import { ConflictError, InvalidInputError, NotFoundError } from '../kernel/domain-errors';
import { AppConfig } from '../platform/config/app-config';
import { maskPhone } from '../platform/crypto/masking';
import { PiiCipher } from '../platform/crypto/pii-cipher';
import type { CreateUserDto, MeDto } from './dto/auth.dto';
import { hashPassword } from './passwords';
import type { Role } from './role';
import { User } from './user.entity';

export interface NewUser {
  phone: string;
  /** The password, or its hash when it was hashed earlier (a registration waiting for its code). */
  password: string | { hash: string };
  name: string;
  role: Role;
  scope?: { siteIds: string[]; regionCodes: string[] };
}

@Injectable()
export class UsersService {
  private readonly logger = new Logger('UsersService');

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly pii: PiiCipher,
    private readonly audit: AuditService,
    private readonly config: AppConfig,
  ) {}

  phoneKey(phone: string): string {
    return this.pii.hmac('phone', phone);
  }

  findByPhone(phone: string, manager: EntityManager = this.dataSource.manager): Promise<User | null> {
    return manager.findOne(User, { where: { phoneHmac: this.phoneKey(phone) } });
  }

  findById(id: string): Promise<User | null> {
    return this.dataSource.manager.findOne(User, { where: { id } });
  }

  /** The ids of the accounts (not disabled) of these residents, in the caller's transaction if given. */
  async activeIdsOfResidents(
    residentIds: string[],
    manager: EntityManager = this.dataSource.manager,
  ): Promise<string[]> {
    if (!residentIds.length) return [];
    const rows: { id: string }[] = await manager.query(
      'SELECT id FROM app_user WHERE resident_id = ANY($1::uuid[]) AND disabled_at IS NULL',
      [[...new Set(residentIds)]],
    );
    return rows.map((r) => r.id);
  }

  phoneOf(user: User): string {
    return this.pii.decrypt(user.phoneEncrypted);
  }

  /** Inserts a user; the caller's transaction if given. 409 when the phone is taken. */
  async insert(manager: EntityManager, u: NewUser): Promise<User> {
    const phoneHmac = this.phoneKey(u.phone);
    if (await manager.exists(User, { where: { phoneHmac } })) {
      throw new ConflictError('An account with this phone already exists', 'user.phone_taken');
    }
    const user = manager.create(User, {
      phoneHmac,
      phoneEncrypted: this.pii.encrypt(u.phone),
      passwordHash: typeof u.password === 'string' ? await hashPassword(u.password) : u.password.hash,
      name: u.name,
      role: u.role,
      scopeSiteIds: u.scope?.siteIds ?? [],
      scopeRegionCodes: u.scope?.regionCodes ?? [],
    });
    return manager.save(user);
  }

  /** Admins create officers, providers and admins, with a scope of sites and regions. */
  async createStaff(actor: AuthUser, dto: CreateUserDto): Promise<User> {
    const scope = dto.scope ?? { siteIds: [], regionCodes: [] };
    return this.dataSource.transaction(async (m) => {
      // Raw reads of the reference tables: a scope must name sites and regions that exist.
      if (scope.siteIds.length) {
        const found: { id: string }[] = await m.query('SELECT id FROM site WHERE id = ANY($1)', [
          scope.siteIds,
        ]);
        const missing = scope.siteIds.filter((id) => !found.some((f) => f.id === id));
        if (missing.length) throw new InvalidInputError('scope.siteIds', `unknown site ${missing[0]}`);
      }
      if (scope.regionCodes.length) {
        const found: { code: string }[] = await m.query('SELECT code FROM region WHERE code = ANY($1)', [
          scope.regionCodes,
        ]);
        const missing = scope.regionCodes.filter((c) => !found.some((f) => f.code === c));
        if (missing.length) throw new InvalidInputError('scope.regionCodes', `unknown region ${missing[0]}`);
      }
      const user = await this.insert(m, { ...dto, scope });
      await this.audit.record(
        actor,
        { action: 'user.create', entityType: 'user', entityId: user.id, details: { role: user.role } },
        m,
      );
      return user;
    });
  }

  /** Staff accounts (officers, providers, admins) for the admin pages, newest first. */
  async listStaff(q: { page: number; pageSize: number }): Promise<{ items: User[]; total: number }> {
    const [items, total] = await this.dataSource.manager
      .createQueryBuilder(User, 'u')
      .where(`u.role IN ('officer', 'provider', 'admin', 'liaison')`)
      .orderBy('u.createdAt', 'DESC')
      .addOrderBy('u.id', 'ASC')
      .skip((q.page - 1) * q.pageSize)
      .take(q.pageSize)
      .getManyAndCount();
    return { items, total };
  }

  /**
   * An admin deactivates a staff account: it can no longer sign in, and its live sessions stop
   * at their next request (loadAuthUser reads disabled_at). Never the admin's own account, so
   * a deployment cannot lose its last admin by a slip.
   */
  async deactivate(actor: AuthUser, id: string): Promise<User> {
    if (id === actor.id) throw new ConflictError('You cannot deactivate your own account', 'user.self');
    return this.dataSource.transaction(async (m) => {
      const user = await m.findOne(User, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!user || !['officer', 'provider', 'admin', 'liaison'].includes(user.role)) throw new NotFoundError('User');
      if (user.disabledAt) return user;
      user.disabledAt = new Date();
      await m.save(user);
      await m.query('UPDATE auth_session SET revoked_at = now() WHERE user_id = $1 AND revoked_at IS NULL', [id]);
      await this.audit.record(actor, { action: 'user.deactivate', entityType: 'user', entityId: id }, m);
      return user;
    });
  }

  async linkEmployer(manager: EntityManager, userId: string, employerId: string): Promise<void> {
    await manager.update(User, { id: userId }, { employerId });
  }

  async linkResident(manager: EntityManager, userId: string, residentId: string): Promise<void> {
    await manager.update(User, { id: userId }, { residentId });
  }

  /** Personal-data erasure (PIPL): the account can no longer sign in and holds no phone. */
  async erase(manager: EntityManager, userId: string): Promise<void> {
    await manager.update(
      User,
      { id: userId },
      {
        phoneHmac: this.pii.hmac('phone', `erased:${userId}`),
        phoneEncrypted: this.pii.encrypt(''),
        name: '(已注销)',
        disabledAt: new Date(),
      },
    );
  }

  toMe(user: User): MeDto {
    const me: MeDto = { id: user.id, role: user.role, name: user.name, phone: maskPhone(this.phoneOf(user)) };
    if (user.residentId) me.residentId = user.residentId;
    if (user.employerId) me.employerId = user.employerId;
    if (user.role === 'officer' || user.role === 'admin') {
      me.scope = { siteIds: user.scopeSiteIds, regionCodes: user.scopeRegionCodes };
    }
    return me;
  }

  /**
   * The bootstrap admin from LEYE_ADMIN_PHONE / LEYE_ADMIN_PASSWORD, created when no admin
   * exists. An advisory lock makes two processes starting together create it once.
   */
  async ensureBootstrapAdmin(): Promise<void> {
    await this.dataSource.transaction(async (m) => {
      await m.query('SELECT pg_advisory_xact_lock(hashtext($1))', ['leye:bootstrap-admin']);
      const admins = await m.count(User, { where: { role: 'admin' } });
      if (admins > 0) return;
      const user = await this.insert(m, {
        phone: this.config.adminPhone,
        password: this.config.adminPassword,
        name: '系统管理员',
        role: 'admin',
      });
      await this.audit.record(
        null,
        { action: 'user.bootstrap_admin', entityType: 'user', entityId: user.id },
        m,
      );
      this.logger.log(`Created the bootstrap admin (${maskPhone(this.config.adminPhone)})`);
    });
  }
}
