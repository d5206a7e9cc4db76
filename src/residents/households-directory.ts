import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { AuthUser } from '../access/auth-user';
import { namedBind } from '../access/scope/scope-sql';
import type { SqlCondition } from '../kernel/sql-condition';
import { householdsWhereSql } from './household-filter-sql';
import { readableHouseholdsSql } from './scope-sql';
import {
  HouseholdsDirectoryRepository,
  type HouseholdCard,
  type HouseholdMember,
} from './households-directory.repository';

export type { HouseholdCard, HouseholdMember } from './households-directory.repository';

/**
 * What casework asks of known households and their members, by id, in one query per call
 * (never one per household): number, site, origin and head; the members by name; every member
 * id (erased ones too, for the records they left, such as referrals); the labour-capable ones;
 * the zero-employment households. No scope check on these: callers check one object with
 * ScopePolicy, and filter their own lists with the conditions below (`readableBy`, `at`), which
 * are the only way another feature's SQL learns anything of a household.
 */
@Injectable()
export class HouseholdsDirectory {
  constructor(private readonly repo: HouseholdsDirectoryRepository) {}

  /** Number, site, origin region, flag and head by household id; unknown ids are left out. */
  async cardsOf(ids: readonly string[]): Promise<Map<string, HouseholdCard>> {
    const rows = await this.repo.cardsOf([...new Set(ids)]);
    return new Map(rows.map((h) => [h.id, h]));
  }

  /** One household without its head; `lock` holds its row in the caller's transaction. */
  card(
    id: string,
    manager?: EntityManager,
    lock = false,
  ): Promise<Omit<HouseholdCard, 'headId' | 'headName'> | null> {
    return this.repo.card(id, manager, lock);
  }

  /** The household of a resident who is not erased; null otherwise. */
  householdOfMember(residentId: string): Promise<string | null> {
    return this.repo.householdOfMember(residentId);
  }

  /** Members not erased, oldest first (created, then id). */
  membersOf(householdIds: readonly string[]): Promise<HouseholdMember[]> {
    return this.repo.membersOf([...new Set(householdIds)]);
  }

  /** Every member id, erased members included, in the caller's transaction if given. */
  everyMemberOf(
    householdIds: readonly string[],
    manager?: EntityManager,
  ): Promise<{ id: string; householdId: string }[]> {
    return this.repo.everyMemberOf([...new Set(householdIds)], manager);
  }

  /** The working-age, labour-capable members (laborCapableSql). */
  labourCapableOf(householdIds: readonly string[]): Promise<{ id: string; householdId: string }[]> {
    return this.repo.labourCapableOf([...new Set(householdIds)]);
  }

  /** Ids of the households flagged zero-employment (零就业家庭). */
  zeroEmploymentIds(): Promise<string[]> {
    return this.repo.zeroEmploymentIds();
  }

  /**
   * For another feature's list that filters, counts and pages in one statement: a condition on
   * its column holding a household id, true for the households the actor reads
   * (ScopePolicy.readsHousehold's list form; admins read every household).
   */
  readableBy(actor: AuthUser, householdIdColumn: string): SqlCondition {
    return readableHouseholdsSql(actor, householdIdColumn);
  }

  /**
   * The same, true for the households at one of `siteIds` and/or registered under
   * `originRegionCode` (a code covers every division below it); `match: 'any'` joins the two with
   * OR (a region's households: at its sites or from it), `'all'` with AND.
   */
  at(
    householdIdColumn: string,
    f: { siteIds?: readonly string[]; originRegionCode?: string },
    match: 'all' | 'any' = 'all',
  ): SqlCondition {
    const params: Record<string, unknown> = {};
    return { sql: householdsWhereSql(householdIdColumn, namedBind(params, 'hhAt'), f, match), params };
  }
}
