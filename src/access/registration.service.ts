import { Injectable, type OnModuleInit } from '@nestjs/common';
import { DiscoveryService } from '@nestjs/core';
import { randomBytes } from 'node:crypto';
import { AuditService } from '../audit/audit.service';
import { ConflictError, InvalidInputError } from '../kernel/domain-errors';
import { discoverOne } from '../platform/queue/reactions';
import { AppConfig } from '../platform/config/app-config';
import { PiiCipher } from '../platform/crypto/pii-cipher';
import { SmsSender } from '../platform/sms/sms-sender';
import type { RegisterDto } from './dto/auth.dto';
import { CODE_MAX_ATTEMPTS, codeExpiry, codeHash, codeMatches, newCode } from './one-time-codes';
import { hashPassword } from './passwords';
import { RateLimits } from './rate-limits';
import { RegistrationCodesRepository } from './registration-codes.repository';
import { RESIDENT_REGISTRAR, type ResidentRegistrar } from './registration-hooks';
import type { User } from './user.entity';
import { UsersService } from './users.service';

/** What waits, encrypted, for the phone's code. */
interface PendingRegistration {
  name: string;
  passwordHash: string;
  role: 'resident' | 'employer';
  nationalId?: string;
  siteId?: string;
}

export const CODE_SENT_MESSAGE =
  'A code was sent to this phone by SMS; enter it at POST /auth/register/verify within 10 minutes';

const TEXT = {
  code: (code: string) => `【乐业】验证码 ${code}，10 分钟内有效，用于注册乐业账号。请勿告诉任何人。`,
  taken:
    '【乐业】有人正在用这个手机号注册乐业账号，但这个号码已经有账号了，请直接登录。如果不是您本人操作，请忽略本短信。',
};

/**
 * Self-registration in two steps (issue 12, findings 1, 2, 14). `start` answers the same for
 * every phone and every national ID — a code goes to the phone, or, when the phone already has
 * an account, a message saying so — so an anonymous caller learns neither who has an account nor
 * who is on a roster. `verify` creates the account once the phone's code comes back; a resident
 * is linked to a roster record only with proof (the residents module's registrar decides).
 */
@Injectable()
export class RegistrationService implements OnModuleInit {
  /** The residents module's registrar, found at start (none: the process does not start). */
  private registrar!: ResidentRegistrar;

  constructor(
    private readonly codes: RegistrationCodesRepository,
    private readonly users: UsersService,
    private readonly limits: RateLimits,
    private readonly discovery: DiscoveryService,
    private readonly audit: AuditService,
    private readonly pii: PiiCipher,
    private readonly sms: SmsSender,
    private readonly config: AppConfig,
  ) {}

  onModuleInit(): void {
    this.registrar = discoverOne(this.discovery, RESIDENT_REGISTRAR);
  }

  /**
   * Returns the ticket verify needs with the code. Why a ticket: without it, anyone who starts a
   * registration for the same phone after the owner replaces the owner's pending one with their
   * own (their password), and the owner, typing the newest SMS code, would create the account
   * for them. A ticket binds the code to whoever started that registration.
   */
  async start(dto: RegisterDto, ip: string): Promise<{ ticket: string }> {
    await this.limits.authAttempt(ip);
    if (dto.role === 'resident' && !dto.nationalId && !dto.siteId) {
      throw new InvalidInputError(
        'siteId',
        'a resident registers with a nationalId on the roster or the siteId they live at',
      );
    }
    if (dto.role === 'employer' && (dto.nationalId || dto.siteId)) {
      throw new InvalidInputError(dto.nationalId ? 'nationalId' : 'siteId', 'is only for residents');
    }
    if (dto.role === 'resident') {
      await this.registrar.check(dto);
    }
    const phoneKey = this.users.phoneKey(dto.phone);
    await this.limits.smsCode(phoneKey, ip);
    // Hashed for taken phones too: the answer takes as long either way.
    const passwordHash = await hashPassword(dto.password);
    // Taken phones get a ticket too (never stored): the answers must not differ.
    const ticket = randomBytes(24).toString('base64url');
    if (await this.users.findByPhone(dto.phone)) {
      await this.sms.send(dto.phone, TEXT.taken);
      return { ticket };
    }
    const code = newCode();
    const ticketHash = this.ticketHash(ticket);
    const pending: PendingRegistration = {
      name: dto.name,
      passwordHash,
      role: dto.role,
      ...(dto.nationalId ? { nationalId: dto.nationalId } : {}),
      ...(dto.siteId ? { siteId: dto.siteId } : {}),
    };
    // One row per ticket: a stranger's start for this phone leaves the owner's pending one alone.
    // The phone's expired ones go now (nothing else removes a code nobody came back with).
    await this.codes.deleteExpired(phoneKey);
    await this.codes.insert({
      phoneHmac: phoneKey,
      ticketHash,
      codeHash: codeHash(this.config.piiHmacKey, `register:${phoneKey}:${ticket}`, code),
      payloadEncrypted: this.pii.encrypt(JSON.stringify(pending)),
      attempts: 0,
      expiresAt: codeExpiry(),
    });
    await this.sms.send(dto.phone, TEXT.code(code));
    return { ticket };
  }

  private ticketHash(ticket: string): string {
    return codeHash(this.config.piiHmacKey, 'register-ticket', ticket);
  }

  /**
   * The phone's code (with the ticket of the registration it was sent for): creates the account (and, for a resident, asks the registrar what it may be
   * linked to). Wrong, expired or unknown codes, and phones that had an account already, all get
   * the same 400.
   */
  async verify(phone: string, code: string, ticket: string, ip: string): Promise<User> {
    await this.limits.authAttempt(ip);
    const phoneKey = this.users.phoneKey(phone);
    const ticketHash = this.ticketHash(ticket);
    // Counted per ticket, not per phone: only its starter has the ticket, so nobody else's wrong
    // codes can use up the owner's checks.
    await this.limits.codeCheck(`register:${ticketHash}`);
    const result = await this.codes.transaction(async (m) => {
      const row = await this.codes.lock(m, ticketHash, phoneKey);
      if (!row) return null;
      if (row.expiresAt < new Date() || row.attempts >= CODE_MAX_ATTEMPTS) {
        await this.codes.delete(m, row.id);
        return null;
      }
      if (!codeMatches(this.config.piiHmacKey, `register:${phoneKey}:${ticket}`, code, row.codeHash)) {
        if (row.attempts + 1 >= CODE_MAX_ATTEMPTS) await this.codes.delete(m, row.id);
        else await this.codes.countAttempt(m, row.id);
        return null;
      }
      // The phone is proven and taken now: every other registration waiting for it is moot.
      await this.codes.deleteAllOf(m, phoneKey);
      const pending = JSON.parse(this.pii.decrypt(row.payloadEncrypted)) as PendingRegistration;
      let user: User;
      try {
        user = await this.users.insert(m, {
          phone,
          password: { hash: pending.passwordHash },
          name: pending.name,
          role: pending.role,
        });
      } catch (e) {
        // Taken between the two steps: the same answer as a wrong code.
        if (e instanceof ConflictError) return null;
        throw e;
      }
      let afterCommit: (() => Promise<void>) | undefined;
      if (pending.role === 'resident') {
        const outcome = await this.registrar.register(m, {
          userId: user.id,
          name: pending.name,
          phone,
          nationalId: pending.nationalId,
          siteId: pending.siteId,
        });
        if (outcome.residentId) {
          await this.users.linkResident(m, user.id, outcome.residentId);
          user.residentId = outcome.residentId;
        }
        afterCommit = outcome.afterCommit;
      }
      await this.audit.record(
        null,
        { action: 'auth.register', entityType: 'user', entityId: user.id, details: { role: user.role, ip } },
        m,
      );
      return { user, afterCommit };
    });
    // The attempt counted above must commit, so the 400 is thrown after the transaction.
    if (!result) throw new InvalidInputError('code', 'is wrong or has expired; register again for a new one');
    await result.afterCommit?.();
    return result.user;
  }
}
