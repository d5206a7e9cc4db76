import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';

/** The SQL behind PlacementsDirectory. */
@Injectable()
export class PlacementsDirectoryRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async endedWithin(householdId: string, today: string, days: number, m?: EntityManager): Promise<boolean> {
    const rows: unknown[] = await (m ?? this.dataSource.manager).query(
      `SELECT 1 FROM placement WHERE household_id = $1 AND end_date IS NOT NULL AND end_date >= $2::date - $3::int LIMIT 1`,
      [householdId, today, days],
    );
    return rows.length > 0;
  }

  async activeCountOf(residentIds: readonly string[]): Promise<number> {
    if (!residentIds.length) return 0;
    const rows: { n: number }[] = await this.dataSource.query(
      `SELECT count(*)::int AS n FROM placement WHERE resident_id = ANY($1::uuid[]) AND end_date IS NULL`,
      [residentIds],
    );
    return rows[0].n;
  }
}
