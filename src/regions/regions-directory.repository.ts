import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';

/** The SQL behind RegionsDirectory: sites and region names by id or code, one query per call. */
@Injectable()
export class RegionsDirectoryRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  sitesOf(ids: string[]): Promise<{ id: string; name: string; regionCode: string }[]> {
    if (!ids.length) return Promise.resolve([]);
    return this.dataSource.query(
      'SELECT id, name, region_code AS "regionCode" FROM site WHERE id = ANY($1::uuid[])',
      [ids],
    );
  }

  async siteIdsWithin(regionCode: string): Promise<string[]> {
    const rows: { id: string }[] = await this.dataSource.query(
      `SELECT id FROM site WHERE region_code LIKE $1 || '%'`,
      [regionCode],
    );
    return rows.map((r) => r.id);
  }

  namesOf(codes: string[]): Promise<{ code: string; name: string }[]> {
    if (!codes.length) return Promise.resolve([]);
    return this.dataSource.query('SELECT code, name FROM region WHERE code = ANY($1::text[])', [codes]);
  }
}
