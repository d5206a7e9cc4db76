import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import type { AuthUser } from '../access/auth-user';
import { Region } from './region.entity';
import { Site } from './site.entity';

/*
 * The only code naming the region and site tables, for RegionsService and SitesDirectory.
 * Methods that take a manager run in the caller's transaction; the others on the pool.
 */

export type NewSite = Pick<
  Site,
  'name' | 'regionCode' | 'latitude' | 'longitude' | 'capacity' | 'openedOn' | 'channels'
>;

/** A site for the public list, with its township's name (the selected columns only: no channels). */
export type SiteWithRegionName = Site & { regionName: string };

@Injectable()
export class RegionsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  transaction<T>(work: (m: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }

  // ---- regions ----------------------------------------------------------------------------

  async regionCount(): Promise<number> {
    const existing: { n: string }[] = await this.dataSource.query('SELECT count(*)::text AS n FROM region');
    return Number(existing[0].n);
  }

  /** Inserts or renames regions by code, 1000 rows a statement. */
  async upsertRegions(rows: Region[]): Promise<void> {
    for (let i = 0; i < rows.length; i += 1000) {
      await this.dataSource
        .createQueryBuilder()
        .insert()
        .into(Region)
        .values(rows.slice(i, i + 1000))
        .orUpdate(['name', 'level', 'parent_code'], ['code'])
        .execute();
    }
  }

  /** The children of a region by code, or the provinces. */
  childrenOf(parentCode: string | undefined): Promise<Region[]> {
    return this.dataSource.manager.find(Region, {
      where: parentCode ? { parentCode } : { level: 'province' },
      order: { code: 'ASC' },
    });
  }

  findRegion(code: string): Promise<Region | null> {
    return this.dataSource.manager.findOne(Region, { where: { code } });
  }

  /** The region and its ancestors, nearest first. */
  regionPath(code: string): Promise<Region[]> {
    return this.dataSource.query(
      `WITH RECURSIVE up AS (SELECT * FROM region WHERE code = $1 UNION ALL SELECT r.* FROM region r JOIN up ON r.code = up.parent_code)
       SELECT code, name, level, parent_code AS "parentCode" FROM up`,
      [code],
    );
  }

  // ---- sites ------------------------------------------------------------------------------

  findSite(id: string): Promise<Site | null> {
    return this.dataSource.manager.findOne(Site, { where: { id } });
  }

  findSites(ids: string[]): Promise<Site[]> {
    return this.dataSource.manager.createQueryBuilder(Site, 's').where('s.id = ANY(:ids)', { ids }).getMany();
  }

  allSites(): Promise<Site[]> {
    return this.dataSource.manager.find(Site, { order: { name: 'ASC' } });
  }

  /** The row for a change, locked until the caller's transaction ends. */
  lockSite(m: EntityManager, id: string): Promise<Site | null> {
    return m.findOne(Site, { where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  addSite(m: EntityManager, s: NewSite): Promise<Site> {
    return m.save(m.create(Site, s));
  }

  saveSite(m: EntityManager, s: Site): Promise<Site> {
    return m.save(s);
  }

  /**
   * One page of the sites an officer's scope names (its sites, or sites under its regions; an
   * admin's: all), optionally under a region, by name, and the total.
   */
  pageOfSites(
    actor: AuthUser,
    regionCode: string | undefined,
    skip: number,
    take: number,
  ): Promise<[Site[], number]> {
    const qb = this.dataSource.manager
      .createQueryBuilder(Site, 's')
      .orderBy('s.name', 'ASC')
      .addOrderBy('s.id', 'ASC');
    if (actor.role !== 'admin') {
      qb.andWhere(
        "(s.id = ANY(:siteIds) OR EXISTS (SELECT 1 FROM unnest(CAST(:codes AS text[])) c WHERE s.region_code LIKE c || '%'))",
        { siteIds: actor.scope.siteIds, codes: actor.scope.regionCodes },
      );
    }
    if (regionCode) qb.andWhere('s.region_code LIKE :rc', { rc: `${regionCode}%` });
    return qb.skip(skip).take(take).getManyAndCount();
  }

  /** Every site with its township's name, by name (the public list). */
  sitesWithRegionNames(): Promise<SiteWithRegionName[]> {
    return this.dataSource.query(
      `SELECT s.id, s.name, s.region_code AS "regionCode", s.latitude, s.longitude, s.capacity, s.opened_on AS "openedOn", r.name AS "regionName"
         FROM site s LEFT JOIN region r ON r.code = s.region_code ORDER BY s.name`,
    );
  }
}
