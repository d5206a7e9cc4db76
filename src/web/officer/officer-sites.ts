import { Injectable } from '@nestjs/common';
import type { AuthUser } from '../../access/auth-user';
import { SiteQuery } from '../../regions/dto/site.dto';
import { RegionsService } from '../../regions/regions.service';
import type { SiteOption } from './officer-layout';

/** The sites an officer manages, as the site pickers and lists of the officer's pages show them. */
@Injectable()
export class OfficerSites {
  constructor(private readonly regions: RegionsService) {}

  async list(user: AuthUser): Promise<SiteOption[]> {
    const list = await this.regions.listSites(
      user,
      Object.assign(new SiteQuery(), { page: 1, pageSize: 100 }),
    );
    return list.items.map((x) => ({ id: x.id, name: x.name }));
  }

  /** Site id → name. */
  async names(user: AuthUser): Promise<Map<string, string>> {
    return new Map((await this.list(user)).map((x) => [x.id, x.name]));
  }
}
