import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { AppConfig } from '../config/app-config';
import { JOB_QUEUE, type JobName } from '../queue/job-name';
import { JobQueue } from '../queue/job-queue.service';
import { OutboxRouter } from '../queue/outbox-router';
import type { QueueName } from '../queue/queue-name';
import { Deployment } from './deployment';
import type { OutboxEvent } from './outbox-event.entity';

const BATCH = 200;
/** How often the relay looks for events that have no route (and logs a kind it had not seen). */
const UNROUTED_CHECK_MS = 30_000;

/**
 * Moves outbox rows to BullMQ (DESIGN.md "The matching worker", step 2). Many workers can run
 * it at once: `FOR UPDATE SKIP LOCKED` hands each row to one of them, and a row is marked
 * published only after BullMQ accepted its jobs, in the same transaction that locked it. If
 * Redis is away the transaction rolls back and the rows wait; if the process dies after the add
 * but before the commit, the row is published again and the fixed job id makes that harmless.
 *
 * Only kinds with a route are taken (OutboxRouter: the @OutboxRoute methods found at start). An
 * event whose kind has none (the module declaring it is not loaded, a kind written by a newer
 * release) stays unpublished — it is
 * published as soon as a process with the route runs — and is reported: logged once per kind,
 * counted in /health/ready and /metrics (`leye_outbox_unrouted_events`).
 */
@Injectable()
export class OutboxRelay {
  private readonly logger = new Logger('OutboxRelay');
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private stopped = true;
  private lastUnroutedCheck = 0;
  private readonly reportedKinds = new Set<string>();

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly queues: JobQueue,
    private readonly config: AppConfig,
    private readonly deployment: Deployment,
    private readonly router: OutboxRouter,
  ) {}

  start(): void {
    this.stopped = false;
    this.schedule(0);
  }

  private schedule(ms: number): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.running = this.tick()
        .then(async (moved) => {
          if (Date.now() - this.lastUnroutedCheck >= UNROUTED_CHECK_MS) await this.reportUnrouted();
          this.schedule(moved === BATCH ? 0 : this.config.outboxPollMs);
        })
        .catch((e: Error) => {
          this.logger.warn(`relay paused: ${e.message}`);
          this.schedule(Math.max(2000, this.config.outboxPollMs));
        });
    }, ms);
  }

  /** The kinds this process can publish. */
  routedKinds(): string[] {
    return this.router.kinds();
  }

  /** Publishes one batch of routed events; returns how many rows it moved. */
  async tick(): Promise<number> {
    return this.dataSource.transaction(async (m) => {
      const rows: OutboxEvent[] = await m.query(
        `SELECT id, kind, entity_id AS "entityId", version, payload, created_at AS "createdAt"
           FROM outbox_event WHERE published_at IS NULL AND kind = ANY($2)
          ORDER BY id LIMIT $1 FOR UPDATE SKIP LOCKED`,
        [BATCH, this.routedKinds()],
      );
      if (!rows.length) return 0;
      const ctx = { deploymentShortId: this.deployment.short };
      const byQueue = new Map<QueueName, { name: JobName; data: unknown; opts: object }[]>();
      for (const row of rows) {
        const jobs = this.router.route(row, ctx);
        if (!jobs) throw new Error(`no route for ${row.kind}, although it was selected as routed`);
        for (const job of jobs) {
          const q = JOB_QUEUE[job.name];
          if (!byQueue.has(q)) byQueue.set(q, []);
          byQueue.get(q)!.push(job);
        }
      }
      for (const [queue, jobs] of byQueue) await this.queues.addToQueue(queue, jobs);
      await m.query('UPDATE outbox_event SET published_at = now() WHERE id = ANY($1)', [
        rows.map((r) => r.id),
      ]);
      return rows.length;
    });
  }

  /** Unpublished events per kind that has no route in this process. */
  async unrouted(): Promise<Record<string, number>> {
    const rows: { kind: string; n: number }[] = await this.dataSource.query(
      `SELECT kind, count(*)::int AS n FROM outbox_event
        WHERE published_at IS NULL AND NOT (kind = ANY($1)) GROUP BY kind ORDER BY kind`,
      [this.routedKinds()],
    );
    return Object.fromEntries(rows.map((r) => [r.kind, r.n]));
  }

  /** Logs each kind without a route once per process (not per row, not per tick). */
  async reportUnrouted(): Promise<Record<string, number>> {
    this.lastUnroutedCheck = Date.now();
    const found = await this.unrouted();
    for (const [kind, n] of Object.entries(found)) {
      if (this.reportedKinds.has(kind)) continue;
      this.reportedKinds.add(kind);
      this.logger.error(
        { kind, unpublished: n },
        `outbox events of kind "${kind}" have no route: kept unpublished until a route for it is registered`,
      );
    }
    return found;
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    await this.running?.catch(() => undefined);
  }
}
