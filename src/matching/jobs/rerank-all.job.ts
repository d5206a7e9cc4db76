import { Injectable, Logger } from '@nestjs/common';
import { JobHandler, type JobProcessor } from '../../platform/queue/job-handler';
import { JobName } from '../../platform/queue/job-name';
import { JobQueue } from '../../platform/queue/job-queue.service';
import { RANKING_RETRY } from '../../platform/queue/retry-policy';
import { todayInPilotZone as chinaToday } from '../../kernel/clock';
import { MatchingJobsRepository } from './matching-jobs.repository';

/**
 * Postings per re-rank batch. A batch loads the candidates its postings reach once and ranks them
 * all in memory; smaller batches spread a county over more workers, larger ones load less often.
 * Each batch also reads and rewrites the recommendation lists of every seeker it reaches, most of
 * the county's: a first night of the bench county (10k postings, in process, one batch at a time,
 * 2026-12-03) took 80 s in batches of 250, 66 s in 500 and 55 s in 1000, with a peak RSS of
 * 710–790, 794 and 918 MiB. 500: the worker runs two batches at once and must stay under 1 GiB.
 */
export const RERANK_BATCH = 500;

/** The batch's job id: one per county, first posting and day, however often the fan-out runs. */
export function rerankJobId(county: string, firstPostingId: string, date: string): string {
  return `rerank.${county}.${firstPostingId}.${date}`;
}

/**
 * Nightly: every open posting is ranked again (new residents, aged certificates, birthdays and
 * recent-training windows change scores without any event). Partitioned by the posting's county
 * (the first six digits of its GB/T 2260 code): each rerank-postings job holds up to RERANK_BATCH
 * postings of one county, so a worker loads the seekers one county's postings can reach, never a
 * province. Keyset pages per county, so a province's 200k postings never sit in memory at once.
 */
@Injectable()
@JobHandler(JobName.RerankAll)
export class RerankAllJob implements JobProcessor<JobName.RerankAll> {
  private readonly logger = new Logger('RerankAll');

  constructor(
    private readonly repository: MatchingJobsRepository,
    private readonly queues: JobQueue,
  ) {}

  async process(): Promise<{ enqueued: number; batches: number }> {
    const date = chinaToday();
    let enqueued = 0;
    let batches = 0;
    const counties = await this.repository.countiesWithOpenPostings();
    for (const county of counties) {
      let after = '00000000-0000-0000-0000-000000000000';
      for (;;) {
        const ids = await this.repository.openPostingsOfCounty(county, after, RERANK_BATCH);
        if (!ids.length) break;
        await this.queues.add(
          JobName.RerankPostings,
          { postingIds: ids },
          // A lower priority than event-driven jobs (which have none, so run first): a posting
          // published during the nightly re-rank is still ranked and notified within seconds.
          { ...RANKING_RETRY, priority: 10, jobId: rerankJobId(county, ids[0], date) },
        );
        enqueued += ids.length;
        batches += 1;
        after = ids[ids.length - 1];
        if (ids.length < RERANK_BATCH) break;
      }
    }
    this.logger.log({ enqueued, batches, counties: counties.length, date }, 'rerank-all fanned out');
    return { enqueued, batches };
  }
}
