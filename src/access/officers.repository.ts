import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { Role } from './role';

/*
 * The officers' reads of app_user for OfficersDirectory (issue 14 item 4): who is to be told
 * about a site or a region, and whose scope a background job acts under. The sites come in as
 * values (id and region code, from the regions feature), so this SQL names no table but access's.
 */

/** A site as the scope rule needs it: its id and the region code it lies in. */
export interface SiteInScope {
  id: string;
  regionCode: string;
}

/** An account's role and scope as stored, for a job that acts for it. */
export interface AccountScopeRow {
  id: string;
  role: Role;
  name: string;
  siteIds: string[];
  regionCodes: string[];
  disabled: boolean;
}

/**
 * ScopePolicy.managesSite seen from the officer's row: the site is one of the officer's sites,
 * or one of the officer's region codes prefixes the site's region code. The officer-side twin of
 * scope-sql.ts `managesSiteSql` (which binds one actor's scope and filters sites); kept here
 * until scope-sql.ts carries a form over app_user columns.
 */
export function officerManagesSiteSql(
  officer: { siteIds: string; regionCodes: string },
  site: { id: string; regionCode: string },
): string {
  return `(${site.id} = ANY(${officer.siteIds})
           OR EXISTS (SELECT 1 FROM unnest(${officer.regionCodes}) c WHERE ${site.regionCode} LIKE c || '%'))`;
}

@Injectable()
export class OfficersRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Active officers managing each site, ordered by site then officer. Admins are not included. */
  officersOfSites(sites: readonly SiteInScope[]): Promise<{ userId: string; siteId: string }[]> {
    return this.dataSource.query(
      `SELECT u.id AS "userId", s.id AS "siteId"
         FROM unnest($1::uuid[], $2::text[]) AS s(id, region_code)
         JOIN app_user u ON u.role = 'officer' AND u.disabled_at IS NULL
          AND ${officerManagesSiteSql(
            { siteIds: 'u.scope_site_ids', regionCodes: 'u.scope_region_codes' },
            { id: 's.id', regionCode: 's.region_code' },
          )}
        ORDER BY s.id, u.id`,
      [sites.map((s) => s.id), sites.map((s) => s.regionCode)],
    );
  }

  /** Active officers one of whose region codes prefixes the code, ordered by id. */
  officersOfRegion(regionCode: string): Promise<{ userId: string }[]> {
    return this.dataSource.query(
      `SELECT u.id AS "userId" FROM app_user u
        WHERE u.role = 'officer' AND u.disabled_at IS NULL
          AND EXISTS (SELECT 1 FROM unnest(u.scope_region_codes) c WHERE $1 LIKE c || '%')
        ORDER BY u.id`,
      [regionCode],
    );
  }

  async accountScope(userId: string): Promise<AccountScopeRow | null> {
    const rows: AccountScopeRow[] = await this.dataSource.query(
      `SELECT id, role, name, scope_site_ids AS "siteIds", scope_region_codes AS "regionCodes",
              disabled_at IS NOT NULL AS disabled
         FROM app_user WHERE id = $1`,
      [userId],
    );
    return rows[0] ?? null;
  }
}
