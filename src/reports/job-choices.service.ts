import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { AuthUser } from '../access/auth-user';
import { POSTINGS_IN_REACH } from './indicators-sql';
import { IndicatorsService } from './indicators.service';

export interface JobChoice {
  id: string;
  title: string;
  employerName: string;
}

/**
 * What an officer may refer a resident of a site to: the open postings within the indicators'
 * reach of the site (the same set as openPostingsInReach), newest first, at most 50.
 */
@Injectable()
export class JobChoicesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly indicators: IndicatorsService,
  ) {}

  async openPostingsNear(actor: AuthUser, siteId: string): Promise<JobChoice[]> {
    await this.indicators.requireSite(actor, siteId);
    return this.dataSource.query<JobChoice[]>(
      `SELECT p.id, p.title, e.name AS "employerName"
         FROM (${POSTINGS_IN_REACH}) p JOIN employer e ON e.id = p.employer_id
        ORDER BY p.created_at DESC, p.id LIMIT 50`,
      [[siteId], this.indicators.settings.postingReachKm],
    );
  }
}
