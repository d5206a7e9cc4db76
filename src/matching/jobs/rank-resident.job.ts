import { Injectable } from '@nestjs/common';
import { JobHandler, type JobProcessor } from '../../platform/queue/job-handler';
import { JobName, type JobData } from '../../platform/queue/job-name';
import { RankingService, type RankResidentOutcome } from '../ranking.service';

export type RankResidentJobData = JobData<JobName.RankResident>;

/** A resident's recommended postings and skill gaps (resident.changed, placement.ended). */
@Injectable()
@JobHandler(JobName.RankResident)
export class RankResidentJob implements JobProcessor<JobName.RankResident> {
  constructor(private readonly ranking: RankingService) {}

  process(data: RankResidentJobData): Promise<RankResidentOutcome> {
    return this.ranking.rankResident(data.residentId, data.version);
  }
}
