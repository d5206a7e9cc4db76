import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { ResidentLinkClaim } from './resident-link-claim.entity';

/*
 * The resident_link_claim table (an account's claim on a roster resident), for the registration
 * and the link-claim services. Reads access's app_user for the account side of a claim (whether
 * it or the resident is linked already; its name and phone in the officer's list): declared here.
 */

export interface LinkClaimRow {
  id: string;
  resident_id: string;
  resident_name: string;
  resident_status: string;
  user_name: string;
  phone_encrypted: string;
  household_phone: boolean;
  created_at: Date;
}

@Injectable()
export class ResidentLinkClaimsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  transaction<T>(work: (m: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }

  private q(m?: EntityManager): EntityManager {
    return m ?? this.dataSource.manager;
  }

  insert(m: EntityManager, userId: string, residentId: string): Promise<ResidentLinkClaim> {
    return m.save(m.create(ResidentLinkClaim, { userId, residentId }));
  }

  /** The account's claim (an account has at most one), locked FOR UPDATE when in a transaction. */
  ofUser(userId: string, m?: EntityManager): Promise<ResidentLinkClaim | null> {
    return m
      ? m.findOne(ResidentLinkClaim, { where: { userId }, lock: { mode: 'pessimistic_write' } })
      : this.dataSource.manager.findOne(ResidentLinkClaim, { where: { userId } });
  }

  lock(m: EntityManager, id: string): Promise<ResidentLinkClaim | null> {
    return m.findOne(ResidentLinkClaim, { where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  async update(
    id: string,
    changes: QueryDeepPartialEntity<ResidentLinkClaim>,
    m?: EntityManager,
  ): Promise<void> {
    await this.q(m).update(ResidentLinkClaim, { id }, changes);
  }

  async delete(m: EntityManager, id: string): Promise<void> {
    await m.delete(ResidentLinkClaim, { id });
  }

  /** Every claim on the person (strangers' claims and the codes they wait for end with a link). */
  async deleteAllOn(m: EntityManager, residentId: string): Promise<void> {
    await m.delete(ResidentLinkClaim, { residentId });
  }

  /** The account, if it exists: whether it is linked to a resident. */
  async account(
    m: EntityManager,
    userId: string,
  ): Promise<{ id: string; resident_id: string | null } | undefined> {
    const rows: { id: string; resident_id: string | null }[] = await m.query(
      'SELECT id, resident_id FROM app_user WHERE id = $1',
      [userId],
    );
    return rows[0];
  }

  /** Whether the resident has an account, or the account a resident, already. */
  async eitherLinked(m: EntityManager, residentId: string, userId: string): Promise<boolean> {
    const linked: { id: string }[] = await m.query(
      'SELECT id FROM app_user WHERE resident_id = $1 OR (id = $2 AND resident_id IS NOT NULL)',
      [residentId, userId],
    );
    return linked.length > 0;
  }

  /**
   * Open claims whose resident `scope` admits (named parameters on `c.resident_id`), oldest
   * first: `limit` rows from `offset`.
   */
  page(
    scope: { sql: string; params: Record<string, unknown> },
    limit: number,
    offset: number,
  ): Promise<LinkClaimRow[]> {
    const [sql, params] = this.dataSource.driver.escapeQueryWithParameters(
      `SELECT c.id, c.resident_id, r.name AS resident_name, r.status AS resident_status,
              u.name AS user_name, u.phone_encrypted,
              EXISTS (SELECT 1 FROM resident hr
                       WHERE hr.household_id = r.household_id AND hr.phone_hmac = u.phone_hmac) AS household_phone,
              c.created_at
         FROM resident_link_claim c
         JOIN resident r ON r.id = c.resident_id
         JOIN app_user u ON u.id = c.user_id
        WHERE ${scope.sql}
        ORDER BY c.created_at, c.id
        LIMIT :limit OFFSET :offset`,
      { ...scope.params, limit, offset },
    );
    return this.dataSource.query(sql, params);
  }
}
