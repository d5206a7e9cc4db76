import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { In, type DataSource, type EntityManager } from 'typeorm';
import type { MonitoringStatus } from '../kernel/domain-enums';
import { householdHeadSql, type HouseholdLabel } from './household-head';
import { Household } from './household.entity';

/*
 * Small reads of known households for other features (HouseholdFacts), by id: no lists, no
 * scope. Kept apart from HouseholdsRepository, which serves the households' own service.
 */
@Injectable()
export class HouseholdFactsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Number and head, in the caller's transaction if given; null when there is no such household. */
  async labelOf(householdId: string, m?: EntityManager): Promise<HouseholdLabel | null> {
    const [row] = await (m ?? this.dataSource.manager).query<{ number: number; head_name: string | null }[]>(
      `SELECT h.number, head.head_name FROM household h ${householdHeadSql('h')} WHERE h.id = $1`,
      [householdId],
    );
    return row ? { number: row.number, headName: row.head_name } : null;
  }

  async monitoringStatusesOf(ids: readonly string[]): Promise<Map<string, MonitoringStatus>> {
    const unique = [...new Set(ids)];
    if (!unique.length) return new Map();
    const rows = await this.dataSource.manager.find(Household, {
      where: { id: In(unique) },
      select: { id: true, monitoringStatus: true },
    });
    return new Map(rows.map((h) => [h.id, h.monitoringStatus]));
  }
}
