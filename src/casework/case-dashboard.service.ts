import { Injectable } from '@nestjs/common';
import type { AuthUser } from '../access/auth-user';
import { todayInPilotZone } from '../kernel/clock';
import { caseFigures } from './case-figures';
import type { DashboardCaseRow } from './case-services.repository';
import { CaseRecords } from './case-records';
import { CaseworkRepository } from './casework.repository';
import { CaseworkSettings } from './casework-settings';
import type { CaseDashboardDto, DashboardGroupDto } from './dto/case-dashboard.dto';
import { memberServices } from './member-services';

const ACTIVE = new Set(['open', 'assisting']);

/**
 * The casework dashboard (issue 15 item 4): per site and per origin township, the open and
 * overdue cases, the median working days to first contact, the share cleared within the
 * deadline and the service-bundle completion of the members still waiting. Every figure is
 * computed from the cases the actor reads (the dual jurisdiction), and each group links to the
 * GET /cases filter that lists exactly the cases it counts.
 */
@Injectable()
export class CaseDashboardService {
  constructor(
    private readonly cases: CaseworkRepository,
    private readonly records: CaseRecords,
    private readonly settings: CaseworkSettings,
  ) {}

  async dashboard(actor: AuthUser): Promise<CaseDashboardDto> {
    const today = todayInPilotZone();
    const rows = await this.records.dashboardCases(actor, today, {});
    const complete = await this.bundleCompletion(rows);
    const group = (
      by: (r: DashboardCaseRow) => string,
      name: (r: DashboardCaseRow) => string,
      filter: string,
    ): DashboardGroupDto[] => {
      const groups = new Map<string, DashboardCaseRow[]>();
      for (const r of rows) groups.set(by(r), [...(groups.get(by(r)) ?? []), r]);
      return [...groups.entries()]
        .map(([id, of]) => {
          const f = caseFigures(of, today);
          const members = of.flatMap((r) => complete.get(r.caseId) ?? []);
          const done = members.filter(Boolean).length;
          const list = `/api/v1/cases?${filter}=${encodeURIComponent(id)}`;
          return {
            id,
            name: name(of[0]),
            open: f.open,
            overdue: f.overdue,
            medianWorkingDaysToFirstContact: f.medianWorkingDaysToFirstContact,
            contacted: f.contacted,
            clearedWithinDeadline: f.clearedWithinDeadline,
            judged: f.judged,
            bundle: {
              members: members.length,
              complete: done,
              share: members.length ? done / members.length : null,
            },
            links: { cases: `${list}&active=true`, overdue: `${list}&overdue=true`, all: list },
          };
        })
        .sort((a, b) => b.overdue - a.overdue || b.open - a.open || a.name.localeCompare(b.name, 'zh'));
    };
    return {
      today,
      sites: group(
        (r) => r.siteId,
        (r) => r.siteName,
        'siteId',
      ),
      townships: group(
        (r) => r.township,
        (r) => r.townshipName ?? r.township,
        'originRegionCode',
      ),
    };
  }

  /** Per open case, one flag per labour-capable member: has the bundle been given in full? */
  private async bundleCompletion(rows: DashboardCaseRow[]): Promise<Map<string, boolean[]>> {
    const active = rows.filter((r) => ACTIVE.has(r.status));
    const ids = active.map((r) => r.caseId);
    const [members, actions, queue] = await Promise.all([
      this.records.capableMembers(active),
      this.cases.actions(ids),
      this.records.queueReferrals(ids),
    ]);
    const out = new Map<string, boolean[]>();
    for (const r of active) {
      const bundle = this.settings.rules(r.originRegionCode, r.siteRegionCode).serviceBundle;
      const counted = memberServices(
        members.filter((m) => m.caseId === r.caseId),
        actions.filter((a) => a.caseId === r.caseId),
        bundle,
        queue.filter((q) => q.caseId === r.caseId),
      );
      out.set(
        r.caseId,
        counted.map((m) => m.bundleComplete),
      );
    }
    return out;
  }
}
