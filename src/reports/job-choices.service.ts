import { Injectable } from '@nestjs/common';
import type { AuthUser } from '../access/auth-user';
import { IndicatorsRepository, type JobChoice } from './indicators.repository';
import { IndicatorsService } from './indicators.service';

export type { JobChoice } from './indicators.repository';

/**
 * What an officer may refer a resident of a site to: the open postings within the indicators'
 * reach of the site (the same set as openPostingsInReach), newest first, at most 50.
 */
@Injectable()
export class JobChoicesService {
  constructor(
    private readonly repo: IndicatorsRepository,
    private readonly indicators: IndicatorsService,
  ) {}

  async openPostingsNear(actor: AuthUser, siteId: string): Promise<JobChoice[]> {
    await this.indicators.requireSite(actor, siteId);
    return this.repo.openPostingsNear(siteId, this.indicators.settings.postingReachKm);
  }
}
