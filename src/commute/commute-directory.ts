import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { CommutePlanner } from './commute-planner';
import { CommuteRepository } from './commute.repository';
import { CommuteSettings } from './commute-settings';

/**
 * The commute read service other features call (matching, search, pages): one query for the sites of a
 * pass, then a pure planner. Never cached across passes, so an officer's new row counts at the next ranking.
 */
@Injectable()
export class CommuteDirectory {
  constructor(
    private readonly repo: CommuteRepository,
    readonly settings: CommuteSettings,
  ) {}

  async plannerFor(siteIds: string[], m?: EntityManager): Promise<CommutePlanner> {
    return new CommutePlanner(this.settings.config, await this.repo.forSites(siteIds, m));
  }
}
