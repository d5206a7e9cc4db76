import { Injectable } from '@nestjs/common';
import { CASE_WORDS_ZH } from '../i18n/casework-vocabulary';
import { todayInPilotZone } from '../kernel/clock';
import { NotificationsService } from '../notifications/notifications.service';
import { CaseRecords } from './case-records';
import { CaseworkRepository } from './casework.repository';
import { CaseworkSettings } from './casework-settings';
import { addCalendarDays, workingDaysBetween } from './working-days';

/** The daily side of the clock: stabilisation after the configured period, overdue notices. */
@Injectable()
export class CaseClockService {
  constructor(
    private readonly repo: CaseworkRepository,
    private readonly records: CaseRecords,
    private readonly settings: CaseworkSettings,
    private readonly notifications: NotificationsService,
  ) {}

  /** Cases in work for the configured number of calendar days or more become stabilised. */
  async stabilise(today = todayInPilotZone()): Promise<number> {
    const due = (await this.records.employedCases()).filter(
      (r) =>
        addCalendarDays(r.employedOn, this.settings.rules(r.originRegionCode, r.siteRegionCode).stableAfterDays) <=
        today,
    );
    await this.repo.markStabilised(
      due.map((r) => r.id),
      today,
    );
    return due.length;
  }

  /**
   * Each overdue case notifies the officers of its site and of the household's origin region,
   * once per deadline: the dedup key names the case, the deadline and its date, so the next
   * day's run adds nothing and a reopened case (new dates) is announced again.
   */
  async notifyOverdue(today = todayInPilotZone()): Promise<number> {
    let notified = 0;
    for (const { row, deadline, dueOn } of await this.records.overdue(today)) {
      const [ofSite, ofRegion] = await Promise.all([
        this.notifications.officersOfSites([row.siteId]),
        this.notifications.officersOfRegion(row.originRegionCode),
      ]);
      const recipients = [...new Set([...ofSite, ...ofRegion].map((o) => o.userId))];
      const late = -workingDaysBetween(today, dueOn);
      notified += await this.repo.transaction((m) =>
        this.notifications.notifyUsers(m, {
          recipients,
          kind: 'casework.overdue',
          title: '零就业家庭帮扶已超期',
          body: `${row.householdNumber} 号家庭的${CASE_WORDS_ZH.deadline[deadline]}期限（${dueOn}）已过 ${late} 个工作日，请尽快联系帮扶。`,
          payload: {
            caseId: row.id,
            householdId: row.householdId,
            deadline,
            dueOn,
            link: `/officer/cases/${row.id}`,
          },
          dedupKeyPrefix: `casework-overdue:${row.id}:${deadline}:${dueOn}`,
        }),
      );
    }
    return notified;
  }
}
