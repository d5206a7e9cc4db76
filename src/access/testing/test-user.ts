import { randomUUID } from 'node:crypto';
import type { AuthUser } from '../auth-user';

/** A signed-in actor for unit specs: `role` with no scope, links or session unless `over` gives them. */
export function testUser(role: AuthUser['role'], over: Partial<AuthUser> = {}): AuthUser {
  return {
    id: randomUUID(),
    role,
    name: role,
    scope: { siteIds: [], regionCodes: [] },
    residentId: null,
    employerId: null,
    sessionId: null,
    ip: '127.0.0.1',
    requestId: 'test',
    ...over,
  };
}
