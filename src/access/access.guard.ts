import { type CanActivate, type ExecutionContext, Injectable, Logger } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { FastifyRequest } from 'fastify';
import { ForbiddenError, UnauthorizedError } from '../kernel/domain-errors';
import { ACCESS_RULE, type AccessRule } from './access.decorator';
import { AuthService } from './auth.service';
import { REQUEST_USER, type AuthUser } from './auth-user';
import { WebSessions } from './web-sessions';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
const API_PREFIX = 'api/v1';

/**
 * The global guard: every route must declare an access rule (closed by default), the caller
 * is authenticated from a bearer token or a web session cookie, and the role is checked.
 * Object scope is for ScopePolicy, in the service that loads the object.
 */
@Injectable()
export class AccessGuard implements CanActivate {
  private readonly logger = new Logger('AccessGuard');

  constructor(
    private readonly reflector: Reflector,
    private readonly auth: AuthService,
    private readonly webSessions: WebSessions,
  ) {}

  async canActivate(ctx: ExecutionContext): Promise<boolean> {
    if (ctx.getType() !== 'http') return true;
    const rule = this.reflector.getAllAndOverride<AccessRule | undefined>(ACCESS_RULE, [
      ctx.getHandler(),
      ctx.getClass(),
    ]);
    const req = ctx.switchToHttp().getRequest<FastifyRequest & Record<string, unknown>>();
    if (!rule) {
      this.logger.error(`Route ${req.method} ${req.url} declares no access rule; refused`);
      throw new ForbiddenError('This route declares no access rule');
    }
    // No Authorization and no Cookie header: nobody to identify (probes, anonymous reads), and
    // no promise for it on every such request (issue 18 item 2).
    const anonymous = req.headers.authorization === undefined && req.headers.cookie === undefined;
    const user = anonymous ? null : await this.identify(req);
    if (user) req[REQUEST_USER] = user;
    if (rule.kind === 'public') return true;
    if (!user) throw new UnauthorizedError('Sign in first');
    if (!rule.roles.includes(user.role)) throw new ForbiddenError(`Only for: ${rule.roles.join(', ')}`);
    return true;
  }

  private async identify(req: FastifyRequest): Promise<AuthUser | null> {
    const header = req.headers.authorization;
    if (header !== undefined) {
      const m = /^Bearer ([A-Za-z0-9._~+/=-]{10,4096})$/.exec(header);
      if (!m) throw new UnauthorizedError('Malformed Authorization header');
      return this.auth.authenticate(m[1], req.ip, String(req.id));
    }
    // The web cookie signs in the pages (CSRF-checked) and the API's reads (downloads, polling).
    // A state-changing API call needs the bearer token: a cross-site form can send the cookie
    // but never an Authorization header, so the API needs no CSRF token of its own.
    if (!SAFE_METHODS.has(req.method) && req.url.startsWith(`/${API_PREFIX}/`)) return null;
    return this.webSessions.identify(req);
  }
}
