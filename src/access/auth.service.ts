import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { InjectDataSource } from '@nestjs/typeorm';
import { createHash, randomBytes } from 'node:crypto';
import { IsNull, type DataSource, type EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { UnauthorizedError } from '../kernel/domain-errors';
import { AppConfig } from '../platform/config/app-config';
import { AuthSession } from './auth-session.entity';
import type { AuthUser } from './auth-user';
import type { LoginDto, TokenPairDto } from './dto/auth.dto';
import { burnPasswordCheck, verifyPassword } from './passwords';
import { RateLimits } from './rate-limits';
import { RefreshToken } from './refresh-token.entity';
import type { Role } from './role';
import { User } from './user.entity';
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
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly jwt: JwtService,
    private readonly users: UsersService,
    private readonly limits: RateLimits,
    private readonly audit: AuditService,
    private readonly config: AppConfig,
  ) {}

  async login(dto: LoginDto, ip: string): Promise<TokenPairDto> {
    const user = await this.checkCredentials(dto.phone, dto.password, ip);
    return this.dataSource.transaction(async (m) => {
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
    const session = await this.dataSource.transaction((m) => this.openSession(m, user, ip));
    return { userId: user.id, sessionId: session.id, role: user.role };
  }

  /** A web sign-in for an account that has just proven its phone (registration's last step). */
  async loginVerifiedWeb(user: User, ip: string): Promise<{ userId: string; sessionId: string; role: Role }> {
    const session = await this.dataSource.transaction((m) => this.openSession(m, user, ip));
    return { userId: user.id, sessionId: session.id, role: user.role };
  }

  /** Revokes one sign-in (web logout; the session's refresh tokens die with it). */
  async revokeSession(sessionId: string): Promise<void> {
    await this.dataSource.manager.update(
      AuthSession,
      { id: sessionId, revokedAt: IsNull() },
      { revokedAt: new Date(), revokedReason: 'logout' },
    );
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
      await this.dataSource.manager.increment(User, { id: user.id }, 'failedLogins', 1);
      throw new UnauthorizedError('Wrong phone or password');
    }
    await this.limits.loginSucceeded(phoneKey, ip);
    if (user.failedLogins || user.lockedUntil) {
      await this.dataSource.manager.update(User, { id: user.id }, { failedLogins: 0, lockedUntil: null });
    }
    return user;
  }

  private async openSession(m: EntityManager, user: User, ip: string): Promise<AuthSession> {
    const session = await m.save(
      m.create(AuthSession, {
        userId: user.id,
        expiresAt: new Date(Date.now() + this.config.refreshTokenTtlSeconds * 1000),
      }),
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
    const result = await this.dataSource.transaction(async (m) => {
      const row = await m.findOne(RefreshToken, {
        where: { tokenHash: sha256(token) },
        lock: { mode: 'pessimistic_write' },
      });
      if (!row) return { error: 'Invalid refresh token' } as const;
      const session = await m.findOne(AuthSession, {
        where: { id: row.sessionId },
        lock: { mode: 'pessimistic_write' },
      });
      if (!session || session.revokedAt || session.expiresAt < new Date())
        return { error: 'Session ended' } as const;
      if (row.usedAt) {
        await m.update(
          AuthSession,
          { id: session.id },
          { revokedAt: new Date(), revokedReason: 'refresh_reuse' },
        );
        await this.audit.record(
          null,
          { action: 'auth.refresh_reuse', entityType: 'user', entityId: session.userId, details: { ip } },
          m,
        );
        return { error: 'Refresh token reused; all sessions of this sign-in are revoked' } as const;
      }
      const user = await m.findOne(User, { where: { id: session.userId } });
      if (!user || user.disabledAt) return { error: 'Account disabled' } as const;
      await m.update(RefreshToken, { id: row.id }, { usedAt: new Date() });
      return { pair: await this.issue(m, user, session) } as const;
    });
    // The revocation above must commit, so the 401 is thrown after the transaction.
    if ('error' in result) throw new UnauthorizedError(result.error);
    return result.pair;
  }

  async logout(user: AuthUser): Promise<void> {
    if (!user.sessionId) return;
    await this.dataSource.manager.update(
      AuthSession,
      { id: user.sessionId, revokedAt: IsNull() },
      { revokedAt: new Date(), revokedReason: 'logout' },
    );
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
    const rows: {
      id: string;
      role: Role;
      name: string;
      scope_site_ids: string[];
      scope_region_codes: string[];
      resident_id: string | null;
      employer_id: string | null;
      site_region_codes: string[] | null;
    }[] = await this.dataSource.query(
      `SELECT u.id, u.role, u.name, u.scope_site_ids, u.scope_region_codes, u.resident_id, u.employer_id,
              (SELECT array_agg(s.region_code) FROM site s WHERE s.id = ANY(u.scope_site_ids)) AS site_region_codes
         FROM app_user u JOIN auth_session s ON s.user_id = u.id
        WHERE u.id = $1 AND s.id = $2 AND s.revoked_at IS NULL AND s.expires_at > now() AND u.disabled_at IS NULL`,
      [userId, sessionId],
    );
    const u = rows[0];
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
    await m.insert(RefreshToken, { sessionId: session.id, tokenHash: sha256(refreshToken) });
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
