import { Injectable, Logger } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { AccountsRepository } from './accounts.repository';
import type { AuthUser } from './auth-user';
import { AuditService } from '../audit/audit.service';
import { ConflictError, InvalidInputError, NotFoundError } from '../kernel/domain-errors';
import { AppConfig } from '../platform/config/app-config';
import { maskPhone } from '../platform/crypto/masking';
import { PiiCipher } from '../platform/crypto/pii-cipher';
import type { CreateUserDto, MeDto } from './dto/auth.dto';
import { hashPassword } from './passwords';
import type { Role } from './role';
import { SessionsRepository } from './sessions.repository';
import type { User } from './user.entity';

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
    private readonly accounts: AccountsRepository,
    private readonly sessions: SessionsRepository,
    private readonly pii: PiiCipher,
    private readonly audit: AuditService,
    private readonly config: AppConfig,
  ) {}

  phoneKey(phone: string): string {
    return this.pii.hmac('phone', phone);
  }

  findByPhone(phone: string, manager?: EntityManager): Promise<User | null> {
    return this.accounts.findByPhoneHmac(this.phoneKey(phone), manager);
  }

  findById(id: string): Promise<User | null> {
    return this.accounts.findById(id);
  }

  /** The ids of the accounts (not disabled) of these residents, in the caller's transaction if given. */
  async activeIdsOfResidents(residentIds: string[], manager?: EntityManager): Promise<string[]> {
    if (!residentIds.length) return [];
    return this.accounts.activeIdsOfResidents([...new Set(residentIds)], manager);
  }

  phoneOf(user: User): string {
    return this.pii.decrypt(user.phoneEncrypted);
  }

  /** Inserts a user; the caller's transaction if given. 409 when the phone is taken. */
  async insert(manager: EntityManager, u: NewUser): Promise<User> {
    const phoneHmac = this.phoneKey(u.phone);
    if (await this.accounts.phoneTaken(manager, phoneHmac)) {
      throw new ConflictError('An account with this phone already exists', 'user.phone_taken');
    }
    return this.accounts.insert(manager, {
      phoneHmac,
      phoneEncrypted: this.pii.encrypt(u.phone),
      passwordHash: typeof u.password === 'string' ? await hashPassword(u.password) : u.password.hash,
      name: u.name,
      role: u.role,
      scopeSiteIds: u.scope?.siteIds ?? [],
      scopeRegionCodes: u.scope?.regionCodes ?? [],
    });
  }

  /** Admins create officers, providers and admins, with a scope of sites and regions. */
  async createStaff(actor: AuthUser, dto: CreateUserDto): Promise<User> {
    const scope = dto.scope ?? { siteIds: [], regionCodes: [] };
    return this.accounts.transaction(async (m) => {
      // Raw reads of the reference tables: a scope must name sites and regions that exist.
      if (scope.siteIds.length) {
        const found = await this.accounts.existingSiteIds(m, scope.siteIds);
        const missing = scope.siteIds.filter((id) => !found.some((f) => f.id === id));
        if (missing.length) throw new InvalidInputError('scope.siteIds', `unknown site ${missing[0]}`);
      }
      if (scope.regionCodes.length) {
        const found = await this.accounts.existingRegionCodes(m, scope.regionCodes);
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
    const [items, total] = await this.accounts.staffPage(q.page, q.pageSize);
    return { items, total };
  }

  /**
   * An admin deactivates a staff account: it can no longer sign in, and its live sessions stop
   * at their next request (loadAuthUser reads disabled_at). Never the admin's own account, so
   * a deployment cannot lose its last admin by a slip.
   */
  async deactivate(actor: AuthUser, id: string): Promise<User> {
    if (id === actor.id) throw new ConflictError('You cannot deactivate your own account', 'user.self');
    return this.accounts.transaction(async (m) => {
      const user = await this.accounts.lockById(m, id);
      if (!user || !['officer', 'provider', 'admin', 'liaison'].includes(user.role))
        throw new NotFoundError('User');
      if (user.disabledAt) return user;
      user.disabledAt = new Date();
      await this.accounts.save(m, user);
      await this.sessions.revokeAllOf(m, id);
      await this.audit.record(actor, { action: 'user.deactivate', entityType: 'user', entityId: id }, m);
      return user;
    });
  }

  async linkEmployer(manager: EntityManager, userId: string, employerId: string): Promise<void> {
    await this.accounts.update(userId, { employerId }, manager);
  }

  async linkResident(manager: EntityManager, userId: string, residentId: string): Promise<void> {
    await this.accounts.update(userId, { residentId }, manager);
  }

  /** Personal-data erasure (PIPL): the account can no longer sign in and holds no phone. */
  async erase(manager: EntityManager, userId: string): Promise<void> {
    await this.accounts.update(
      userId,
      {
        phoneHmac: this.pii.hmac('phone', `erased:${userId}`),
        phoneEncrypted: this.pii.encrypt(''),
        name: '(已注销)',
        disabledAt: new Date(),
      },
      manager,
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
    await this.accounts.transaction(async (m) => {
      await this.accounts.advisoryLock(m, 'leye:bootstrap-admin');
      const admins = await this.accounts.countAdmins(m);
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
