import { Injectable } from '@nestjs/common';
import { RegionsDirectoryRepository } from './regions-directory.repository';

export interface SiteCard {
  id: string;
  name: string;
  regionCode: string;
}

/**
 * What other features (casework) ask of sites and regions for rows they already hold: a site's
 * name and region code by id, the sites inside a region (a code covers every division below
 * it), region names by code. No scope check: the callers have filtered their own rows.
 */
@Injectable()
export class RegionsDirectory {
  constructor(private readonly repo: RegionsDirectoryRepository) {}

  async sitesOf(ids: readonly string[]): Promise<Map<string, SiteCard>> {
    const rows = await this.repo.sitesOf([...new Set(ids)]);
    return new Map(rows.map((s) => [s.id, s]));
  }

  siteIdsWithin(regionCode: string): Promise<string[]> {
    return this.repo.siteIdsWithin(regionCode);
  }

  /** Names by region code; unknown codes are left out. */
  async namesOf(codes: readonly string[]): Promise<Map<string, string>> {
    const rows = await this.repo.namesOf([...new Set(codes)]);
    return new Map(rows.map((r) => [r.code, r.name]));
  }
}
