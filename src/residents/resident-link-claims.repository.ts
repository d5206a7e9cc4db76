import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { ResidentLinkClaim } from './resident-link-claim.entity';

/*
 * The resident_link_claim table (an account's claim on a roster resident), for the registration
 * and the link-claim services. It names no other feature's table: the account side of a claim
 * (whether it or the resident is linked already; its name and phone in the officer's list) is
 * access's AccountsDirectory's, asked by the `user_id` of the claims.
 */

/** An open claim as the officer's list pages it (the account's facts come from access by `user_id`). */
export interface LinkClaimRow {
  id: string;
  resident_id: string;
  user_id: string;
  resident_name: string;
  resident_status: string;
  household_id: string;
  created_at: Date;
}

/** A household and a phone (its lookup digest), as `householdPhones` pairs them. */
export interface HouseholdPhone {
  householdId: string;
  phoneHmac: string;
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
      `SELECT c.id, c.resident_id, c.user_id, r.name AS resident_name, r.status AS resident_status,
              r.household_id, c.created_at
         FROM resident_link_claim c
         JOIN resident r ON r.id = c.resident_id
        WHERE ${scope.sql}
        ORDER BY c.created_at, c.id
        LIMIT :limit OFFSET :offset`,
      { ...scope.params, limit, offset },
    );
    return this.dataSource.query(sql, params);
  }

  /**
   * The pairs whose phone is a phone of someone in the household (a resident of it has that
   * lookup digest), each once; one query for a page of claims.
   */
  householdPhones(pairs: readonly HouseholdPhone[]): Promise<HouseholdPhone[]> {
    if (!pairs.length) return Promise.resolve([]);
    return this.dataSource.query(
      `SELECT DISTINCT p.household_id AS "householdId", p.phone_hmac AS "phoneHmac"
         FROM unnest($1::uuid[], $2::char(64)[]) AS p(household_id, phone_hmac)
        WHERE EXISTS (SELECT 1 FROM resident hr
                       WHERE hr.household_id = p.household_id AND hr.phone_hmac = p.phone_hmac)`,
      [pairs.map((p) => p.householdId), pairs.map((p) => p.phoneHmac)],
    );
  }
}
