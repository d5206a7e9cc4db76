import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { createHash, randomBytes } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { UnauthorizedError } from '../kernel/domain-errors';
import { AppConfig } from '../platform/config/app-config';
import { AccountsRepository } from './accounts.repository';
import type { AuthSession } from './auth-session.entity';
import type { AuthUser } from './auth-user';
import type { LoginDto, TokenPairDto } from './dto/auth.dto';
import { burnPasswordCheck, verifyPassword } from './passwords';
import { RateLimits } from './rate-limits';
import type { Role } from './role';
import { SessionsRepository } from './sessions.repository';
import type { User } from './user.entity';
import { UsersService } from './users.service';

interface AccessClaims {
  sub: string;
  sid: string;
  role: Role;
}

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

@Injectable()
export class AuthService {
  constructor(
    private readonly sessions: SessionsRepository,
    private readonly accounts: AccountsRepository,
    private readonly jwt: JwtService,
    private readonly users: UsersService,
    private readonly limits: RateLimits,
    private readonly audit: AuditService,
    private readonly config: AppConfig,
  ) {}

  async login(dto: LoginDto, ip: string): Promise<TokenPairDto> {
    const user = await this.checkCredentials(dto.phone, dto.password, ip);
    return this.sessions.transaction(async (m) => {
      const session = await this.openSession(m, user, ip);
      return this.issue(m, user, session);
    });
  }

  /**
   * Sign-in for the web pages: the same checks and rate limits as `login`, but no tokens — the
   * caller (WebSessions) keeps the session id behind an opaque cookie.
   */
  async loginWeb(
    phone: string,
    password: string,
    ip: string,
  ): Promise<{ userId: string; sessionId: string; role: Role }> {
    const user = await this.checkCredentials(phone, password, ip);
    const session = await this.sessions.transaction((m) => this.openSession(m, user, ip));
    return { userId: user.id, sessionId: session.id, role: user.role };
  }

  /** A web sign-in for an account that has just proven its phone (registration's last step). */
  async loginVerifiedWeb(user: User, ip: string): Promise<{ userId: string; sessionId: string; role: Role }> {
    const session = await this.sessions.transaction((m) => this.openSession(m, user, ip));
    return { userId: user.id, sessionId: session.id, role: user.role };
  }

  /** Revokes one sign-in (web logout; the session's refresh tokens die with it). */
  async revokeSession(sessionId: string): Promise<void> {
    await this.sessions.revokeLive(sessionId, 'logout');
  }

  private async checkCredentials(phone: string, password: string, ip: string): Promise<User> {
    await this.limits.authAttempt(ip);
    const phoneKey = this.users.phoneKey(phone);
    // Throttled per (phone, address) and per address, never per phone alone: a stranger's wrong
    // passwords must not lock the owner out (RateLimits). No lockout column either, for that reason.
    await this.limits.beforePasswordCheck(phoneKey, ip);
    const user = await this.users.findByPhone(phone);
    if (!user || user.disabledAt) {
      await burnPasswordCheck(password);
      await this.limits.loginFailed(phoneKey, ip);
      throw new UnauthorizedError('Wrong phone or password');
    }
    if (!(await verifyPassword(user.passwordHash, password))) {
      await this.limits.loginFailed(phoneKey, ip);
      // Counted for the record (who is being guessed at); it locks nothing.
      await this.accounts.countFailedLogin(user.id);
      throw new UnauthorizedError('Wrong phone or password');
    }
    await this.limits.loginSucceeded(phoneKey, ip);
    if (user.failedLogins || user.lockedUntil) {
      await this.accounts.update(user.id, { failedLogins: 0, lockedUntil: null });
    }
    return user;
  }

  private async openSession(m: EntityManager, user: User, ip: string): Promise<AuthSession> {
    const session = await this.sessions.open(
      m,
      user.id,
      new Date(Date.now() + this.config.refreshTokenTtlSeconds * 1000),
    );
    await this.audit.record(
      null,
      { action: 'auth.login', entityType: 'user', entityId: user.id, details: { ip } },
      m,
    );
    return session;
  }

  /**
   * Rotates a refresh token. A token presented a second time means it was copied: the whole
   * family (the session) is revoked, so the thief and the owner both have to sign in again.
   */
  async refresh(token: string, ip: string): Promise<TokenPairDto> {
    await this.limits.authAttempt(ip);
    const result = await this.sessions.transaction(async (m) => {
      const row = await this.sessions.lockToken(m, sha256(token));
      if (!row) return { error: 'Invalid refresh token' } as const;
      const session = await this.sessions.lockSession(m, row.sessionId);
      if (!session || session.revokedAt || session.expiresAt < new Date())
        return { error: 'Session ended' } as const;
      if (row.usedAt) {
        await this.sessions.revoke(m, session.id, 'refresh_reuse');
        await this.audit.record(
          null,
          { action: 'auth.refresh_reuse', entityType: 'user', entityId: session.userId, details: { ip } },
          m,
        );
        return { error: 'Refresh token reused; all sessions of this sign-in are revoked' } as const;
      }
      const user = await this.accounts.findById(session.userId, m);
      if (!user || user.disabledAt) return { error: 'Account disabled' } as const;
      await this.sessions.markTokenUsed(m, row.id);
      return { pair: await this.issue(m, user, session) } as const;
    });
    // The revocation above must commit, so the 401 is thrown after the transaction.
    if ('error' in result) throw new UnauthorizedError(result.error);
    return result.pair;
  }

  async logout(user: AuthUser): Promise<void> {
    if (!user.sessionId) return;
    await this.sessions.revokeLive(user.sessionId, 'logout');
  }

  /** Verifies an access token and loads the caller (its session must still be live). */
  async authenticate(token: string, ip: string, requestId: string): Promise<AuthUser> {
    let claims: AccessClaims;
    try {
      claims = await this.jwt.verifyAsync<AccessClaims>(token, { algorithms: ['HS256'] });
    } catch {
      throw new UnauthorizedError('Invalid or expired access token');
    }
    if (typeof claims.sub !== 'string' || typeof claims.sid !== 'string')
      throw new UnauthorizedError('Invalid access token');
    const user = await this.loadAuthUser(claims.sub, claims.sid, ip, requestId);
    if (!user) throw new UnauthorizedError('Session ended');
    return user;
  }

  /**
   * The caller behind a live session (bearer token or web cookie), or null when the session
   * was revoked or expired or the account disabled.
   */
  async loadAuthUser(
    userId: string,
    sessionId: string,
    ip: string,
    requestId: string,
  ): Promise<AuthUser | null> {
    const u = await this.sessions.liveSessionUser(userId, sessionId);
    if (!u) return null;
    return {
      id: u.id,
      role: u.role,
      name: u.name,
      scope: {
        siteIds: u.scope_site_ids,
        regionCodes: u.scope_region_codes,
        siteRegionCodes: u.site_region_codes ?? [],
      },
      residentId: u.resident_id,
      employerId: u.employer_id,
      sessionId,
      ip,
      requestId,
    };
  }

  private async issue(m: EntityManager, user: User, session: AuthSession): Promise<TokenPairDto> {
    const refreshToken = randomBytes(32).toString('base64url');
    await this.sessions.insertToken(m, session.id, sha256(refreshToken));
    const accessToken = await this.jwt.signAsync(
      { sub: user.id, sid: session.id, role: user.role } satisfies AccessClaims,
      { expiresIn: this.config.accessTokenTtlSeconds, algorithm: 'HS256' },
    );
    return {
      accessToken,
      refreshToken,
      expiresIn: this.config.accessTokenTtlSeconds,
      user: { id: user.id, role: user.role, name: user.name },
    };
  }
}
