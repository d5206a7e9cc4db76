import { Injectable } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import type { AuthUser } from './auth-user';

/**
 * Web pages sign in with a session cookie backed by the same identities (issue 6 fills this in).
 * Until then no cookie identifies anyone.
 */
@Injectable()
export class WebSessions {
  async identify(_req: FastifyRequest): Promise<AuthUser | null> {
    return null;
  }
}
