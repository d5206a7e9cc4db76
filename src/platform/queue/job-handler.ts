import { SetMetadata } from '@nestjs/common';
import type { Job } from 'bullmq';
import type { JobData, JobName } from './job-name';

export const JOB_HANDLER = 'leye:job-handler';

/** One job per file (CONVENTIONS.md): a provider decorated with @JobHandler(JobName.X). */
export interface JobProcessor<N extends JobName> {
  process(data: JobData<N>, job: Job<JobData<N>>): Promise<unknown>;
}

export const JobHandler = (name: JobName): ClassDecorator => SetMetadata(JOB_HANDLER, name);
