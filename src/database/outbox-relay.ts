import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { AppConfig } from '../config/app-config';
import { JOB_QUEUE } from '../queue/job-name';
import { JobQueue } from '../queue/job-queue.service';
import { OUTBOX_ROUTES } from '../queue/outbox-routes';
import type { OutboxEvent } from './outbox-event.entity';

const BATCH = 200;

/**
 * Moves outbox rows to BullMQ (DESIGN.md "The matching worker", step 2). Many workers can run
 * it at once: `FOR UPDATE SKIP LOCKED` hands each row to one of them, and a row is marked
 * published only after BullMQ accepted its jobs, in the same transaction that locked it. If
 * Redis is away the transaction rolls back and the rows wait; if the process dies after the add
 * but before the commit, the row is published again and the fixed job id makes that harmless.
 */
@Injectable()
export class OutboxRelay {
  private readonly logger = new Logger('OutboxRelay');
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private stopped = true;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly queues: JobQueue,
    private readonly config: AppConfig,
  ) {}

  start(): void {
    this.stopped = false;
    this.schedule(0);
  }

  private schedule(ms: number): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.running = this.tick()
        .then((moved) => this.schedule(moved === BATCH ? 0 : this.config.outboxPollMs))
        .catch((e: Error) => {
          this.logger.warn(`relay paused: ${e.message}`);
          this.schedule(Math.max(2000, this.config.outboxPollMs));
        });
    }, ms);
  }

  /** Publishes one batch; returns how many rows it moved. */
  async tick(): Promise<number> {
    return this.dataSource.transaction(async (m) => {
      const rows: OutboxEvent[] = await m.query(
        `SELECT id, kind, entity_id AS "entityId", version, payload, created_at AS "createdAt"
           FROM outbox_event WHERE published_at IS NULL ORDER BY id LIMIT $1 FOR UPDATE SKIP LOCKED`,
        [BATCH],
      );
      if (!rows.length) return 0;
      const byQueue = new Map<string, { name: string; data: unknown; opts: object }[]>();
      for (const row of rows) {
        const route = OUTBOX_ROUTES[row.kind];
        if (!route) continue;
        for (const job of route(row)) {
          const q = JOB_QUEUE[job.name];
          if (!byQueue.has(q)) byQueue.set(q, []);
          byQueue.get(q)!.push(job);
        }
      }
      for (const [queue, jobs] of byQueue) {
        await this.queues.queue(queue as never).addBulk(jobs);
      }
      await m.query('UPDATE outbox_event SET published_at = now() WHERE id = ANY($1)', [
        rows.map((r) => r.id),
      ]);
      return rows.length;
    });
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    await this.running?.catch(() => undefined);
  }
}
