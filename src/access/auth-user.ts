import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { Role } from './role';

export interface Scope {
  siteIds: string[];
  /** GB/T 2260 codes; a code covers every division below it (422802 covers 422802107). */
  regionCodes: string[];
  /** The township codes of `siteIds`, resolved at sign-in, for area checks. */
  siteRegionCodes?: string[];
}

/** The caller of a request, as the access guard established it. */
export interface AuthUser {
  id: string;
  role: Role;
  name: string;
  scope: Scope;
  residentId: string | null;
  employerId: string | null;
  sessionId: string | null;
  /** Where the request came from, for the audit log. */
  ip: string;
  requestId: string;
}

export const REQUEST_USER = 'leyeUser';

/** The authenticated caller; undefined on public routes called anonymously. */
export const CurrentUser = createParamDecorator(
  (_data: unknown, ctx: ExecutionContext): AuthUser | undefined => {
    const req = ctx.switchToHttp().getRequest<Record<string, unknown>>();
    return req[REQUEST_USER] as AuthUser | undefined;
  },
);
