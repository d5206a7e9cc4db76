import { Injectable } from '@nestjs/common';
import type { Role } from './role';
import { OfficersRepository, type SiteInScope } from './officers.repository';

export type { SiteInScope } from './officers.repository';

/** The role and scope of an active account, as a background job needs it to act for that account. */
export interface AccountScope {
  id: string;
  role: Role;
  name: string;
  siteIds: string[];
  regionCodes: string[];
}

/**
 * The read API over the officers' accounts for other features (issue 14 item 4): notifications
 * asks which officers to tell about a site or a region, imports whose scope an upload runs
 * under. Officers are few (hundreds per county), so these scans of app_user are cheap.
 */
@Injectable()
export class OfficersDirectory {
  constructor(private readonly repo: OfficersRepository) {}

  /**
   * Officers whose scope covers each site (ScopePolicy.managesSite): the site is one of theirs,
   * or one of their region codes prefixes the site's. Admins are not included. One row per
   * (site, officer), ordered by site then officer; a site given twice counts once.
   */
  async officersOfSites(sites: readonly SiteInScope[]): Promise<{ userId: string; siteId: string }[]> {
    const unique = [...new Map(sites.map((s) => [s.id, s])).values()];
    return unique.length ? this.repo.officersOfSites(unique) : [];
  }

  /** Officers one of whose region codes covers the region (e.g. a household's origin village). */
  officersOfRegion(regionCode: string): Promise<{ userId: string }[]> {
    return this.repo.officersOfRegion(regionCode);
  }

  /** The account's role and scope, or null when it is gone or disabled. */
  async activeAccount(userId: string): Promise<AccountScope | null> {
    const row = await this.repo.accountScope(userId);
    if (!row || row.disabled) return null;
    return { id: row.id, role: row.role, name: row.name, siteIds: row.siteIds, regionCodes: row.regionCodes };
  }
}
