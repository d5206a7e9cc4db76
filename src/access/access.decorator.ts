import { applyDecorators, SetMetadata } from '@nestjs/common';
import { ApiBearerAuth, ApiExtension, ApiForbiddenResponse, ApiUnauthorizedResponse } from '@nestjs/swagger';
import { ErrorResponseDto } from '../platform/openapi/error-response.dto';
import type { Role } from './role';

export const ACCESS_RULE = 'leye:access';

/**
 * Who may call a route. Every route declares one (routes are closed by default: the guard
 * refuses a route without a rule, and test/e2e/access-rules.e2e-spec.ts fails on it).
 * - `public`: anyone, signed in or not (the user is still read when a token is sent);
 * - `roles`: a signed-in user whose role is listed. Object scope is checked by ScopePolicy.
 */
export type AccessRule = { kind: 'public' } | { kind: 'roles'; roles: readonly Role[] };

export function Public(): MethodDecorator & ClassDecorator {
  return applyDecorators(
    SetMetadata(ACCESS_RULE, { kind: 'public' } satisfies AccessRule),
    // OpenAPI's `security: []` follows from this extension (src/platform/openapi/standard-responses.ts).
    ApiExtension('x-leye-access', 'public'),
    // The caller is still read when a token is sent, so a bad one is refused even here.
    ApiUnauthorizedResponse({
      type: ErrorResponseDto,
      description: 'A token was sent and is malformed, expired or revoked (send none to call anonymously)',
    }),
  );
}

export function Allow(...roles: Role[]): MethodDecorator & ClassDecorator {
  if (roles.length === 0) throw new Error('@Allow() needs at least one role');
  return applyDecorators(
    SetMetadata(ACCESS_RULE, { kind: 'roles', roles } satisfies AccessRule),
    ApiBearerAuth(),
    ApiExtension('x-leye-roles', roles),
    ApiUnauthorizedResponse({ type: ErrorResponseDto, description: 'No or bad credentials' }),
    ApiForbiddenResponse({ type: ErrorResponseDto, description: `Only for: ${roles.join(', ')}` }),
  );
}

/** Any signed-in user. */
export function Authenticated(): MethodDecorator & ClassDecorator {
  return Allow('resident', 'employer', 'officer', 'provider', 'admin', 'liaison');
}
