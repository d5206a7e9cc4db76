import { Injectable, Logger } from '@nestjs/common';
import { todayInPilotZone } from '../kernel/clock';
import { JobName } from '../platform/queue/job-name';
import type { OutboxEvent } from '../platform/database/outbox-event.entity';
import { OutboxRoute, type RouteContext, type RoutedJob } from '../platform/queue/outbox-routes';
import { MAINTENANCE_RETRY } from '../platform/queue/retry-policy';
import { CaseRecords } from './case-records';
import { CaseworkRepository } from './casework.repository';
import { CaseworkSettings } from './casework-settings';
import type { CaseCause } from './case-vocabulary';
import { addWorkingDays } from './working-days';

export type SyncOutcome = 'opened' | 'reopened' | 'employed' | 'unchanged';

/**
 * Cases open themselves (issue 15 item 1). The household recompute writes a
 * `household.employment_changed` outbox event in the transaction that flips the flag; the job
 * it becomes calls sync(), which re-reads the household and brings its case in step:
 * zero-employment with no case (or a closed one) → a new case; with an employed or stabilised
 * case → that case reopens with a fresh clock; back at work → an open case moves to employed.
 * The daily job runs the same sync over every household out of step (a bulk recompute, the
 * households that were zero-employment before casework existed).
 */
@Injectable()
export class CaseOpeningService {
  private readonly logger = new Logger('Casework');

  constructor(
    private readonly repo: CaseworkRepository,
    private readonly records: CaseRecords,
    private readonly settings: CaseworkSettings,
  ) {}

  /** The outbox row id names the job: every flip is its own event (the version is always 0). */
  @OutboxRoute('household.employment_changed')
  employmentChangedRoute(e: OutboxEvent, ctx: RouteContext): RoutedJob[] {
    return [
      {
        name: JobName.CaseworkSyncHousehold,
        data: { householdId: e.entityId },
        opts: {
          ...MAINTENANCE_RETRY,
          jobId: `household.employment_changed.${e.id}.${ctx.deploymentShortId}`,
        },
      },
    ];
  }

  async sync(householdId: string, fallbackCause: CaseCause = 'members_changed'): Promise<SyncOutcome> {
    const today = todayInPilotZone();
    return this.repo.transaction(async (m) => {
      const h = await this.records.household(householdId, m, true);
      if (!h) return 'unchanged';
      const active = await this.repo.activeCase(householdId, m);
      if (h.zeroEmployment) {
        if (active && (active.status === 'open' || active.status === 'assisting')) return 'unchanged';
        const rules = this.settings.rules(h.originRegionCode, h.site.regionCode);
        const cause: CaseCause = (await this.records.placementEndedRecently(householdId, today, m))
          ? 'placement_ended'
          : fallbackCause;
        const clock = {
          cause,
          openedOn: today,
          firstContactDueOn: addWorkingDays(today, rules.firstContactWorkingDays),
          clearDueOn: addWorkingDays(today, rules.clearWorkingDays),
        };
        if (active) {
          await this.repo.reopen(m, active.id, clock);
          return 'reopened';
        }
        await this.repo.insertCase(m, { householdId, ...clock });
        return 'opened';
      }
      if (active && (active.status === 'open' || active.status === 'assisting')) {
        await this.repo.setEmployed(m, active.id, today);
        return 'employed';
      }
      return 'unchanged';
    });
  }

  /** Every household whose case is out of step with its flag; returns how many changed. */
  async sweep(cause: CaseCause): Promise<number> {
    let changed = 0;
    for (const id of await this.records.outOfStep()) {
      if ((await this.sync(id, cause)) !== 'unchanged') changed += 1;
    }
    if (changed) this.logger.log(`casework: ${changed} household case(s) brought in step`);
    return changed;
  }
}
