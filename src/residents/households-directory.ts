import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
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
 * the zero-employment households. No scope check: callers filter their own rows with
 * readableHouseholdsSql and check one object with ScopePolicy.
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
}
