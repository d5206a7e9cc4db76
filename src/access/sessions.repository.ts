import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { IsNull, type DataSource, type EntityManager } from 'typeorm';
import { AuthSession } from './auth-session.entity';
import { RefreshToken } from './refresh-token.entity';
import type { Role } from './role';

/*
 * The sign-ins' SQL over auth_session and refresh_token (issue 14 item 4), for AuthService,
 * UsersService (a deactivation ends the account's sessions) and the purge job. Methods that
 * take a manager run in the caller's transaction; the others on the pool.
 */

/** The caller behind a live session, as stored (AuthService.loadAuthUser shapes it). */
export interface LiveSessionRow {
  id: string;
  role: Role;
  name: string;
  scope_site_ids: string[];
  scope_region_codes: string[];
  resident_id: string | null;
  employer_id: string | null;
  site_region_codes: string[] | null;
}

@Injectable()
export class SessionsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  transaction<T>(work: (m: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }

  open(m: EntityManager, userId: string, expiresAt: Date): Promise<AuthSession> {
    return m.save(m.create(AuthSession, { userId, expiresAt }));
  }

  /** Ends the session unless it has ended already (a logout). */
  async revokeLive(sessionId: string, reason: string): Promise<void> {
    await this.dataSource.manager.update(
      AuthSession,
      { id: sessionId, revokedAt: IsNull() },
      { revokedAt: new Date(), revokedReason: reason },
    );
  }

  /** Ends the session in the caller's transaction (a reused refresh token). */
  async revoke(m: EntityManager, sessionId: string, reason: string): Promise<void> {
    await m.update(AuthSession, { id: sessionId }, { revokedAt: new Date(), revokedReason: reason });
  }

  /** Ends every live session of the account (a deactivation), in the caller's transaction. */
  async revokeAllOf(m: EntityManager, userId: string): Promise<void> {
    await m.query('UPDATE auth_session SET revoked_at = now() WHERE user_id = $1 AND revoked_at IS NULL', [
      userId,
    ]);
  }

  /** The session locked FOR UPDATE until the caller's transaction ends. */
  lockSession(m: EntityManager, id: string): Promise<AuthSession | null> {
    return m.findOne(AuthSession, { where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  /** The refresh token with this hash, locked FOR UPDATE until the caller's transaction ends. */
  lockToken(m: EntityManager, tokenHash: string): Promise<RefreshToken | null> {
    return m.findOne(RefreshToken, { where: { tokenHash }, lock: { mode: 'pessimistic_write' } });
  }

  async insertToken(m: EntityManager, sessionId: string, tokenHash: string): Promise<void> {
    await m.insert(RefreshToken, { sessionId, tokenHash });
  }

  async markTokenUsed(m: EntityManager, id: string): Promise<void> {
    await m.update(RefreshToken, { id }, { usedAt: new Date() });
  }

  /**
   * The account behind the session while both are live (not revoked, not expired, not
   * disabled), with the region codes of its scope's sites; undefined otherwise.
   */
  async liveSessionUser(userId: string, sessionId: string): Promise<LiveSessionRow | undefined> {
    const rows: LiveSessionRow[] = await this.dataSource.query(
      `SELECT u.id, u.role, u.name, u.scope_site_ids, u.scope_region_codes, u.resident_id, u.employer_id,
              (SELECT array_agg(s.region_code) FROM site s WHERE s.id = ANY(u.scope_site_ids)) AS site_region_codes
         FROM app_user u JOIN auth_session s ON s.user_id = u.id
        WHERE u.id = $1 AND s.id = $2 AND s.revoked_at IS NULL AND s.expires_at > now() AND u.disabled_at IS NULL`,
      [userId, sessionId],
    );
    return rows[0];
  }

  /**
   * Deletes the sessions that expired or were revoked over a week ago, and their refresh
   * tokens; the number of tokens deleted.
   */
  async purgeEnded(): Promise<number> {
    // A SELECT over the CTEs: TypeORM returns [rows, count] for a bare DELETE, so count in SQL.
    const [{ n }]: { n: number }[] = await this.dataSource.query(
      `WITH gone AS (
         DELETE FROM auth_session WHERE expires_at < now() - interval '7 days' OR revoked_at < now() - interval '7 days' RETURNING id),
       tokens AS (DELETE FROM refresh_token WHERE session_id IN (SELECT id FROM gone) RETURNING id)
       SELECT count(*)::int AS n FROM tokens`,
    );
    return n;
  }
}
