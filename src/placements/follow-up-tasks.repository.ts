import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { positionalBind, type Bind } from '../access/scope/scope-sql';
import type { FollowUpMonth, PlacementKind } from './placement-kind';

/*
 * The follow-up tasks' SQL (follow_up_task, read with its placement), for FollowUpsService.
 * Methods that take a manager run in the caller's transaction; the others on the pool.
 */

/** A task the daily run just added, with what its notification says. */
export interface NewTask {
  id: string;
  placement_id: string;
  site_id: string;
  due_month: FollowUpMonth;
  due_date: string;
  start_date: string;
  kind: PlacementKind;
}

/** A task as the officers' queue lists it (the resident's name comes from the residents feature). */
export interface TaskRow {
  id: string;
  placement_id: string;
  due_month: number;
  due_date: string;
  site_id: string;
  status: 'open' | 'done';
  done_follow_up_id: string | null;
  resident_id: string;
  kind: PlacementKind;
  employer_name: string | null;
  start_date: string;
}

export interface TaskFilter {
  status: 'open' | 'done';
  siteId?: string;
  /** The caller's scope as a condition on `t.site_id` (access/scope/scope-sql.ts managesSiteSql). */
  scope: (bind: Bind) => string;
}

@Injectable()
export class FollowUpTasksRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  transaction<T>(work: (m: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }

  /**
   * Adds up to `batchSize` of the tasks of active placements due by `today` (1, 3 and 6 months
   * after the start), the earliest first. The unique (placement, month) makes a re-run add nothing.
   */
  addDue(m: EntityManager, today: string, batchSize: number): Promise<NewTask[]> {
    // idx_placement_site serves the scan of active placements; uq_follow_up_task the NOT EXISTS.
    return m.query(
      `WITH due AS (
         SELECT p.id AS placement_id, p.site_id, mo.month AS due_month,
                (p.start_date + make_interval(months => mo.month))::date AS due_date
           FROM placement p CROSS JOIN unnest(ARRAY[1, 3, 6]) AS mo(month)
          WHERE p.end_date IS NULL
            AND (p.start_date + make_interval(months => mo.month))::date <= $1::date
            AND NOT EXISTS (SELECT 1 FROM follow_up_task t WHERE t.placement_id = p.id AND t.due_month = mo.month)
          ORDER BY due_date, p.id
          LIMIT $2)
       , ins AS (
         INSERT INTO follow_up_task (placement_id, due_month, due_date, site_id)
         SELECT placement_id, due_month, due_date, site_id FROM due
         ON CONFLICT (placement_id, due_month) DO NOTHING
         RETURNING id, placement_id, site_id, due_month, due_date)
       SELECT ins.id, ins.placement_id, ins.site_id, ins.due_month,
              to_char(ins.due_date, 'YYYY-MM-DD') AS due_date,
              to_char(p.start_date, 'YYYY-MM-DD') AS start_date, p.kind
         FROM ins JOIN placement p ON p.id = ins.placement_id`,
      [today, batchSize],
    );
  }

  /** Marks done the placement's open tasks due by `dueBy`; returns their ids, sorted. */
  async closeDue(m: EntityManager, placementId: string, followUpId: string, dueBy: string): Promise<string[]> {
    const rows: { id: string }[] = await m.query(
      `UPDATE follow_up_task SET status = 'done', done_follow_up_id = $2, updated_at = now()
        WHERE placement_id = $1 AND status = 'open' AND due_date <= $3::date
        RETURNING id`,
      [placementId, followUpId, dueBy],
    );
    return rows.map((r) => r.id).sort();
  }

  /** One page of the tasks, the most overdue first, and the total. */
  async page(f: TaskFilter, skip: number, take: number): Promise<[TaskRow[], number]> {
    const params: unknown[] = [f.status];
    let where = 't.status = $1';
    if (f.siteId) {
      params.push(f.siteId);
      where += ` AND t.site_id = $${params.length}`;
    }
    where += ` AND ${f.scope(positionalBind(params))}`;
    const from = 'FROM follow_up_task t JOIN placement p ON p.id = t.placement_id';
    const [{ total }]: { total: string }[] = await this.dataSource.query(
      `SELECT count(*) AS total ${from} WHERE ${where}`,
      params,
    );
    const rows: TaskRow[] = await this.dataSource.query(
      `SELECT t.id, t.placement_id, t.due_month, to_char(t.due_date, 'YYYY-MM-DD') AS due_date, t.site_id,
              t.status, t.done_follow_up_id, p.resident_id, p.kind,
              p.employer_name, to_char(p.start_date, 'YYYY-MM-DD') AS start_date
         ${from} WHERE ${where}
        ORDER BY t.due_date, t.id
        LIMIT $${params.length + 1} OFFSET $${params.length + 2}`,
      [...params, take, skip],
    );
    return [rows, Number(total)];
  }
}
