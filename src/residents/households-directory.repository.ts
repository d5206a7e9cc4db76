import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { laborCapableSql } from './household-figures';
import { householdHeadSql } from './household-head';

/** A household as HouseholdsDirectory answers it (the site's region is regions' to say). */
export interface HouseholdCard {
  id: string;
  number: number;
  siteId: string;
  originRegionCode: string;
  zeroEmployment: boolean;
  headId: string | null;
  headName: string | null;
}

export interface HouseholdMember {
  id: string;
  householdId: string;
  name: string;
}

const CARD = `h.id, h.number, h.site_id AS "siteId", h.origin_region_code AS "originRegionCode",
              h.zero_employment AS "zeroEmployment"`;

/*
 * The SQL behind HouseholdsDirectory: reads of known households and their members by id, for
 * other features (casework). No scope: the callers filter their own rows with the scope SQL.
 */
@Injectable()
export class HouseholdsDirectoryRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async cardsOf(ids: string[]): Promise<HouseholdCard[]> {
    if (!ids.length) return [];
    return this.dataSource.query(
      `SELECT ${CARD}, head.head_id AS "headId", head.head_name AS "headName"
         FROM household h ${householdHeadSql('h')} WHERE h.id = ANY($1::uuid[])`,
      [ids],
    );
  }

  /** Without the head; `lock` holds the household row (FOR UPDATE) in the caller's transaction. */
  async card(id: string, m?: EntityManager, lock = false): Promise<Omit<HouseholdCard, 'headId' | 'headName'> | null> {
    const rows: Omit<HouseholdCard, 'headId' | 'headName'>[] = await (m ?? this.dataSource.manager).query(
      `SELECT ${CARD} FROM household h WHERE h.id = $1 ${lock ? 'FOR UPDATE OF h' : ''}`,
      [id],
    );
    return rows[0] ?? null;
  }

  async householdOfMember(residentId: string): Promise<string | null> {
    const rows: { household_id: string }[] = await this.dataSource.query(
      'SELECT household_id FROM resident WHERE id = $1 AND erased_at IS NULL',
      [residentId],
    );
    return rows[0]?.household_id ?? null;
  }

  async membersOf(householdIds: string[]): Promise<HouseholdMember[]> {
    if (!householdIds.length) return [];
    return this.dataSource.query(
      `SELECT id, household_id AS "householdId", name FROM resident
        WHERE household_id = ANY($1::uuid[]) AND erased_at IS NULL ORDER BY created_at, id`,
      [householdIds],
    );
  }

  async everyMemberOf(householdIds: string[], m?: EntityManager): Promise<{ id: string; householdId: string }[]> {
    if (!householdIds.length) return [];
    return (m ?? this.dataSource.manager).query(
      `SELECT id, household_id AS "householdId" FROM resident WHERE household_id = ANY($1::uuid[])`,
      [householdIds],
    );
  }

  async labourCapableOf(householdIds: string[]): Promise<{ id: string; householdId: string }[]> {
    if (!householdIds.length) return [];
    return this.dataSource.query(
      `SELECT r.id, r.household_id AS "householdId" FROM resident r
        WHERE r.household_id = ANY($1::uuid[]) AND ${laborCapableSql('r')}`,
      [householdIds],
    );
  }

  async zeroEmploymentIds(): Promise<string[]> {
    const rows: { id: string }[] = await this.dataSource.query(
      'SELECT id FROM household WHERE zero_employment',
    );
    return rows.map((r) => r.id);
  }
}
