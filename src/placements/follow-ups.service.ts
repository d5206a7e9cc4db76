import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { AuthUser } from '../access/auth-user';
import { ScopePolicy } from '../access/scope/scope-policy';
import { managesSiteSql } from '../access/scope/scope-sql';
import { AuditService } from '../audit/audit.service';
import { PLACEMENT_KIND_WORDS_ZH } from '../i18n/placement-vocabulary';
import { page, type Page } from '../kernel/pagination';
import { NotificationsService } from '../notifications/notifications.service';
import { RegionsService } from '../regions/regions.service';
import { ResidentsDirectory } from '../residents/residents-directory';
import type { FollowUpTaskDto, FollowUpTaskQuery } from './dto/follow-up.dto';
import { todayInPilotZone as todayInChina } from '../kernel/clock';
import type { FollowUpMonth } from './placement-kind';
import { addDays } from '../kernel/clock';
import { FollowUpTasksRepository, type NewTask } from './follow-up-tasks.repository';

/** A visit up to two weeks before the due date counts for that follow-up. */
const EARLY_DAYS = 14;

/**
 * Follow-ups 1, 3 and 6 months after a placement starts (DESIGN.md "Domain": Placement), as
 * officer tasks. The daily job adds the tasks that have come due; the unique (placement, month)
 * makes a re-run add nothing, and each task's notification has its own dedup key.
 */
@Injectable()
export class FollowUpsService {
  constructor(
    private readonly repo: FollowUpTasksRepository,
    private readonly policy: ScopePolicy,
    private readonly audit: AuditService,
    private readonly notifications: NotificationsService,
    private readonly regions: RegionsService,
    private readonly residents: ResidentsDirectory,
  ) {}

  /** Creates the due tasks of active placements (batch by batch); returns how many were new. */
  async createDue(today = todayInChina(), batchSize = 500): Promise<number> {
    let total = 0;
    for (;;) {
      const n = await this.repo.transaction(async (m) => {
        const rows = await this.repo.addDue(m, today, batchSize);
        await this.announce(m, rows);
        return rows.length;
      });
      total += n;
      if (n < batchSize) return total;
    }
  }

  /** A recorded follow-up closes the placement's open tasks due by its date (+ EARLY_DAYS). */
  async closeDue(m: EntityManager, placementId: string, followUpId: string, date: string): Promise<string[]> {
    return this.repo.closeDue(m, placementId, followUpId, addDays(date, EARLY_DAYS));
  }

  /** The officer's follow-up queue: tasks of the sites they manage, the most overdue first. */
  async list(actor: AuthUser, q: FollowUpTaskQuery): Promise<Page<FollowUpTaskDto>> {
    if (q.siteId) {
      const site = await this.regions.findSite(q.siteId);
      this.policy.require(!!site && this.policy.managesSite(actor, site), 'Site');
    }
    const [rows, total] = await this.repo.page(
      {
        status: q.status ?? 'open',
        siteId: q.siteId,
        scope: (bind) => managesSiteSql(actor, bind, { siteId: 't.site_id' }),
      },
      (q.page - 1) * q.pageSize,
      q.pageSize,
    );
    const names = await this.residents.namesOf(rows.map((r) => r.resident_id));
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
        residentName: names.get(r.resident_id) ?? '',
        kind: r.kind,
        employerName: r.employer_name,
        startDate: r.start_date,
      })),
      total,
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
          `一位居民自 ${t.start_date} 起就业（${PLACEMENT_KIND_WORDS_ZH[t.kind]}），今天到了 ${t.due_month} 个月回访时间。` +
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
