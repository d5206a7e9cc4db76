import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import type { AuthUser } from '../access/auth-user';
import { ScopePolicy } from '../access/scope-policy';
import { AuditService } from '../audit/audit.service';
import { page, type Page } from '../kernel/pagination';
import { NotificationsService } from '../notifications/notifications.service';
import { RegionsService } from '../regions/regions.service';
import type { FollowUpTaskDto, FollowUpTaskQuery } from './dto/follow-up.dto';
import { todayInPilotZone as todayInChina } from '../kernel/clock';
import type { FollowUpMonth, PlacementKind } from './placement-kind';
import { managesSiteSql, positionalBind } from '../access/scope-sql';

/** A visit up to two weeks before the due date counts for that follow-up. */
const EARLY_DAYS = 14;

const KIND_ZH: Record<PlacementKind, string> = {
  local_enterprise: '本地企业',
  workshop: '帮扶车间',
  public_welfare: '公益性岗位',
  self_employed: '自主创业',
  away_from_home: '外出务工',
};

interface NewTask {
  id: string;
  placement_id: string;
  site_id: string;
  due_month: FollowUpMonth;
  due_date: string;
  start_date: string;
  kind: PlacementKind;
}

interface TaskRow {
  id: string;
  placement_id: string;
  due_month: number;
  due_date: string;
  site_id: string;
  status: 'open' | 'done';
  done_follow_up_id: string | null;
  resident_id: string;
  resident_name: string;
  kind: PlacementKind;
  employer_name: string | null;
  start_date: string;
}

/**
 * Follow-ups 1, 3 and 6 months after a placement starts (DESIGN.md "Domain": Placement), as
 * officer tasks. The daily job adds the tasks that have come due; the unique (placement, month)
 * makes a re-run add nothing, and each task's notification has its own dedup key.
 */
@Injectable()
export class FollowUpsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly policy: ScopePolicy,
    private readonly audit: AuditService,
    private readonly notifications: NotificationsService,
    private readonly regions: RegionsService,
  ) {}

  /** Creates the due tasks of active placements (batch by batch); returns how many were new. */
  async createDue(today = todayInChina(), batchSize = 500): Promise<number> {
    let total = 0;
    for (;;) {
      const n = await this.dataSource.transaction(async (m) => {
        // idx_placement_site serves the scan of active placements; uq_follow_up_task the NOT EXISTS.
        const rows: NewTask[] = await m.query(
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
        await this.announce(m, rows);
        return rows.length;
      });
      total += n;
      if (n < batchSize) return total;
    }
  }

  /** A recorded follow-up closes the placement's open tasks due by its date (+ EARLY_DAYS). */
  async closeDue(m: EntityManager, placementId: string, followUpId: string, date: string): Promise<string[]> {
    const rows: { id: string }[] = await m.query(
      `UPDATE follow_up_task SET status = 'done', done_follow_up_id = $2, updated_at = now()
        WHERE placement_id = $1 AND status = 'open' AND due_date <= ($3::date + $4::int)
        RETURNING id`,
      [placementId, followUpId, date, EARLY_DAYS],
    );
    return rows.map((r) => r.id).sort();
  }

  /** The officer's follow-up queue: tasks of the sites they manage, the most overdue first. */
  async list(actor: AuthUser, q: FollowUpTaskQuery): Promise<Page<FollowUpTaskDto>> {
    if (q.siteId) {
      const site = await this.regions.findSite(q.siteId);
      this.policy.require(!!site && this.policy.managesSite(actor, site), 'Site');
    }
    const params: unknown[] = [q.status ?? 'open'];
    let where = 't.status = $1';
    if (q.siteId) {
      params.push(q.siteId);
      where += ` AND t.site_id = $${params.length}`;
    }
    if (actor.role !== 'admin') {
      where += ` AND ${managesSiteSql(actor, positionalBind(params), { siteId: 't.site_id', siteRegion: 's.region_code' })}`;
    }
    const from = `FROM follow_up_task t JOIN site s ON s.id = t.site_id
                  JOIN placement p ON p.id = t.placement_id JOIN resident r ON r.id = p.resident_id`;
    const [{ total }]: { total: string }[] = await this.dataSource.query(
      `SELECT count(*) AS total ${from} WHERE ${where}`,
      params,
    );
    const rows: TaskRow[] = await this.dataSource.query(
      `SELECT t.id, t.placement_id, t.due_month, to_char(t.due_date, 'YYYY-MM-DD') AS due_date, t.site_id,
              t.status, t.done_follow_up_id, p.resident_id, r.name AS resident_name, p.kind,
              p.employer_name, to_char(p.start_date, 'YYYY-MM-DD') AS start_date
         ${from} WHERE ${where}
        ORDER BY t.due_date, t.id
        LIMIT $${params.length + 1} OFFSET $${params.length + 2}`,
      [...params, q.pageSize, (q.page - 1) * q.pageSize],
    );
    await this.audit.recordReads(
      actor,
      'resident',
      rows.map((r) => r.resident_id),
      'resident.read_follow_up',
    );
    return page(
      rows.map((r) => ({
        id: r.id,
        placementId: r.placement_id,
        dueMonth: Number(r.due_month) as FollowUpMonth,
        dueDate: r.due_date,
        siteId: r.site_id,
        status: r.status,
        doneFollowUpId: r.done_follow_up_id,
        residentId: r.resident_id,
        residentName: r.resident_name,
        kind: r.kind,
        employerName: r.employer_name,
        startDate: r.start_date,
      })),
      Number(total),
      q,
    );
  }

  /** One in-app notification per new task to the officers of its site (no names: ids and a link). */
  private async announce(m: EntityManager, tasks: NewTask[]): Promise<void> {
    if (!tasks.length) return;
    const officers = await this.notifications.officersOfSites([...new Set(tasks.map((t) => t.site_id))]);
    const bySite = new Map<string, string[]>();
    for (const o of officers) bySite.set(o.siteId, [...(bySite.get(o.siteId) ?? []), o.userId]);
    for (const t of tasks) {
      const recipients = bySite.get(t.site_id) ?? [];
      if (!recipients.length) continue;
      await this.notifications.notifyUsers(m, {
        recipients,
        kind: 'followup.due',
        title: `${t.due_month} 个月就业回访到期`,
        body:
          `一位居民自 ${t.start_date} 起就业（${KIND_ZH[t.kind]}），今天到了 ${t.due_month} 个月回访时间。` +
          '请联系了解是否仍在岗、月收入多少，并在系统中记录回访。',
        payload: {
          followUpTaskId: t.id,
          placementId: t.placement_id,
          siteId: t.site_id,
          dueMonth: Number(t.due_month),
          link: `/placements/${t.placement_id}`,
        },
        dedupKeyPrefix: `followup:${t.id}`,
      });
    }
  }
}
