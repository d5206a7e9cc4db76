import { Inject, Injectable, Logger } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type Redis from 'ioredis';
import { createHash, randomBytes } from 'node:crypto';
import { AppConfig } from '../platform/config/app-config';
import { REDIS } from '../platform/redis/redis.module';
import { AuthService } from './auth.service';
import type { AuthUser } from './auth-user';
import type { Role } from './role';
import type { User } from './user.entity';

export const SESSION_COOKIE = 'leye_sid';
/** Idle timeout: a session not used for a week ends (sliding, renewed on every page). */
export const WEB_SESSION_IDLE_SECONDS = 7 * 24 * 3600;

interface StoredSession {
  u: string;
  s: string;
}

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');
const TOKEN = /^[A-Za-z0-9_-]{43}$/;

/**
 * Web pages sign in with an opaque cookie backed by the same identities as the API: the cookie
 * holds a random token, Redis maps its SHA-256 to {user, AuthSession} (a stolen Redis dump holds
 * no usable cookie), and the AuthSession row in PostgreSQL stays the authority (revocation,
 * expiry, disabled accounts), read by the same query as bearer tokens.
 * Redis away → nobody is signed in (pages behave as signed out), never a 500.
 */
@Injectable()
export class WebSessions {
  private readonly logger = new Logger('WebSessions');

  constructor(
    private readonly auth: AuthService,
    @Inject(REDIS) private readonly redis: Redis,
    private readonly config: AppConfig,
  ) {}

  private key(token: string): string {
    return `${this.config.queuePrefix}:websess:${sha256(token)}`;
  }

  private static token(req: FastifyRequest): string | null {
    const raw = req.cookies?.[SESSION_COOKIE];
    return raw && TOKEN.test(raw) ? raw : null;
  }

  async identify(req: FastifyRequest): Promise<AuthUser | null> {
    const token = WebSessions.token(req);
    if (!token) return null;
    let stored: StoredSession;
    try {
      const raw = await this.redis.getex(this.key(token), 'EX', WEB_SESSION_IDLE_SECONDS);
      if (!raw) return null;
      stored = JSON.parse(raw) as StoredSession;
    } catch (e) {
      this.logger.warn(`web session lookup failed: ${(e as Error).message}`);
      return null;
    }
    return this.auth.loadAuthUser(stored.u, stored.s, req.ip, String(req.id));
  }

  /**
   * Checks the credentials (AuthService's checks and rate limits), opens an AuthSession and
   * sets the cookie. Throws what AuthService throws (401, 429) and Redis errors.
   */
  async signIn(req: FastifyRequest, reply: FastifyReply, phone: string, password: string): Promise<Role> {
    const { userId, sessionId, role } = await this.auth.loginWeb(phone, password, req.ip);
    await this.setCookie(req, reply, userId, sessionId);
    return role;
  }

  /** Signs in an account that has just proven its phone (the registration code step). */
  async signInVerified(req: FastifyRequest, reply: FastifyReply, user: User): Promise<Role> {
    const { userId, sessionId, role } = await this.auth.loginVerifiedWeb(user, req.ip);
    await this.setCookie(req, reply, userId, sessionId);
    return role;
  }

  private async setCookie(
    req: FastifyRequest,
    reply: FastifyReply,
    userId: string,
    sessionId: string,
  ): Promise<void> {
    const token = randomBytes(32).toString('base64url');
    try {
      await this.redis.set(
        this.key(token),
        JSON.stringify({ u: userId, s: sessionId } satisfies StoredSession),
        'EX',
        WEB_SESSION_IDLE_SECONDS,
      );
    } catch (e) {
      await this.auth.revokeSession(sessionId);
      throw e;
    }
    // A sign-in replaces any earlier session cookie of this browser (no session fixation).
    const previous = WebSessions.token(req);
    if (previous) await this.redis.del(this.key(previous)).catch(() => undefined);
    void reply.setCookie(SESSION_COOKIE, token, {
      httpOnly: true,
      sameSite: 'lax',
      secure: this.config.cookieSecure,
      path: '/',
      // The cookie may live as long as the AuthSession; Redis's sliding TTL ends idle ones sooner.
      maxAge: this.config.refreshTokenTtlSeconds,
    });
  }

  /** Revokes the AuthSession, forgets the token and clears the cookie. */
  async signOut(req: FastifyRequest, reply: FastifyReply, user: AuthUser | undefined): Promise<void> {
    if (user?.sessionId) await this.auth.revokeSession(user.sessionId);
    const token = WebSessions.token(req);
    if (token) await this.redis.del(this.key(token)).catch(() => undefined);
    void reply.clearCookie(SESSION_COOKIE, { path: '/' });
  }
}
