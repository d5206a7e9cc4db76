import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { JobHandler, type JobProcessor } from '../../queue/job-handler';
import { JobName } from '../../queue/job-name';
import { JobQueue } from '../../queue/job-queue.service';
import { RANKING_RETRY } from '../../queue/retry-policy';
import { chinaToday } from '../ranking.service';

const CHUNK = 500;

/** The nightly job id: one re-rank per posting version and day, however often the fan-out runs. */
export function rerankJobId(postingId: string, version: number, date: string): string {
  return `rerank.${postingId}.v${version}.${date}`;
}

/**
 * Nightly: one rank-posting job per open posting (new residents, aged certificates, birthdays
 * and recent-training windows change scores without any event). Reads in keyset pages so a
 * province's 200k postings never sit in memory at once.
 */
@Injectable()
@JobHandler(JobName.RerankAll)
export class RerankAllJob implements JobProcessor<JobName.RerankAll> {
  private readonly logger = new Logger('RerankAll');

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly queues: JobQueue,
  ) {}

  async process(): Promise<{ enqueued: number }> {
    const date = chinaToday();
    let after = '00000000-0000-0000-0000-000000000000';
    let enqueued = 0;
    for (;;) {
      // Posting ids of open postings in id order: the primary key index serves the keyset page.
      const rows: { id: string; version: number }[] = await this.dataSource.query(
        `SELECT id, version FROM posting WHERE status = 'open' AND id > $1 ORDER BY id LIMIT $2`,
        [after, CHUNK],
      );
      if (!rows.length) break;
      await this.queues.addBulk(
        JobName.RankPosting,
        rows.map((r) => ({
          data: { postingId: r.id, version: Number(r.version) },
          // A lower priority than event-driven jobs (which have none, so run first): a posting
          // published during the nightly re-rank is still ranked and notified within seconds.
          opts: { ...RANKING_RETRY, priority: 10, jobId: rerankJobId(r.id, Number(r.version), date) },
        })),
      );
      enqueued += rows.length;
      after = rows[rows.length - 1].id;
      if (rows.length < CHUNK) break;
    }
    this.logger.log({ enqueued, date }, 'rerank-all fanned out');
    return { enqueued };
  }
}
