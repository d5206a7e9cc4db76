import { Injectable, Logger } from '@nestjs/common';
import { WORKSHOP_ZH } from '../../i18n/web/workshop-messages';
import { todayInPilotZone } from '../../kernel/clock';
import { NotificationsService } from '../../notifications/notifications.service';
import { EmployerPlacements } from '../../placements/employer-placements';
import {
  addMonths,
  judge,
  quarterFigures,
  quarterOf,
  upgradeChecklist,
  type Judgement,
  type Quarter,
  type QuarterFigures,
  type UpgradeCheck,
  type WorkshopRules,
} from './workshop-rules';
import { WorkshopSettings } from './workshop-settings';
import type { Workshop } from './workshop.entity';
import { WorkshopsRepository } from './workshops.repository';

export interface WorkshopEvaluation {
  quarter: Quarter;
  asOf: string;
  figures: QuarterFigures;
  judgement: Judgement;
  upgrade: UpgradeCheck[];
  rules: WorkshopRules;
}

/**
 * Judges a workshop's current quarter from the placements of kind `workshop` at its employer,
 * stores the quarter's figures and moves its state; a change notifies the officers of the site
 * once (the conditional update in WorkshopsRepository.moveState decides who announces it).
 * Called when the register is read and by the daily job, so a buffer that runs out while nobody
 * looks still clears the workshop and tells the officers.
 */
@Injectable()
export class WorkshopMonitor {
  private readonly log = new Logger(WorkshopMonitor.name);

  constructor(
    private readonly repo: WorkshopsRepository,
    private readonly settings: WorkshopSettings,
    private readonly placements: EmployerPlacements,
    private readonly notifications: NotificationsService,
  ) {}

  async evaluate(
    w: Workshop,
    siteRegionCode: string,
    asOf = todayInPilotZone(),
  ): Promise<WorkshopEvaluation> {
    const rules = this.settings.rules(siteRegionCode);
    const quarter = quarterOf(asOf);
    const ps = await this.placements.overlapping(w.employerId, 'workshop', quarter.start, asOf);
    const figures = quarterFigures(ps, rules, quarter, asOf);
    const judgement = judge({
      rules,
      figures,
      insuranceYuanPerWorkerMonth: w.insuranceYuanPerWorkerMonth,
      seasonalMonths: w.seasonalMonths,
      quarter,
      asOf,
      before: { state: w.state, pendingSince: w.pendingSince },
    });
    return {
      quarter,
      asOf,
      figures,
      judgement,
      upgrade: upgradeChecklist(ps, rules, w.recognisedOn, asOf),
      rules,
    };
  }

  /**
   * The previous quarter's figures as of its last day, once (the first daily run of a quarter):
   * a placement ended on the quarter's last evening is in the record, which the last in-quarter
   * run could not see. The state stays the one judged inside that quarter.
   */
  async closePreviousQuarter(
    w: Workshop,
    siteRegionCode: string,
    today = todayInPilotZone(),
  ): Promise<boolean> {
    const prev = quarterOf(addMonths(quarterOf(today).start, -1));
    const stored = await this.repo.quarter(w.id, prev);
    if (stored?.asOf === prev.end) return false;
    const rules = this.settings.rules(siteRegionCode);
    const ps = await this.placements.overlapping(w.employerId, 'workshop', prev.start, prev.end);
    const figures = quarterFigures(ps, rules, prev, prev.end);
    const bufferUntil = w.pendingSince ? addMonths(w.pendingSince, rules.bufferMonths) : null;
    await this.repo.transaction((m) =>
      this.repo.saveQuarter(
        m,
        w.id,
        prev,
        prev.end,
        figures,
        stored?.state ?? w.state,
        stored ? stored.bufferUntil : bufferUntil,
      ),
    );
    return true;
  }

  /** evaluate, then store the quarter and the state; `w` is updated in place. */
  async refresh(w: Workshop, siteRegionCode: string, asOf = todayInPilotZone()): Promise<WorkshopEvaluation> {
    const ev = await this.evaluate(w, siteRegionCode, asOf);
    const j = ev.judgement;
    const changed = j.state !== w.state;
    await this.repo.transaction(async (m) => {
      await this.repo.saveQuarter(m, w.id, ev.quarter, asOf, ev.figures, j.state, j.bufferUntil);
      if (!changed && j.pendingSince === w.pendingSince) return;
      const moved = await this.repo.moveState(m, w, j, asOf);
      if (!moved || !changed) return;
      const recipients = (await this.notifications.officersOfSites([w.siteId])).map((o) => o.userId);
      await this.notifications.notifyUsers(m, {
        recipients,
        kind: 'workshop.state_changed',
        title: `帮扶车间${WORKSHOP_ZH[`workshop.state.${j.state}`]}`,
        body:
          j.state === 'normal'
            ? `一个帮扶车间恢复正常运行（${ev.quarter.year} 年第 ${ev.quarter.quarter} 季度）。`
            : j.state === 'pending'
              ? `一个帮扶车间低于认定条件，进入监测待处置，缓冲期到 ${j.bufferUntil}。`
              : `一个帮扶车间缓冲期（到 ${j.bufferUntil}）已过仍未达标，已清理。`,
        payload: {
          workshopId: w.id,
          siteId: w.siteId,
          state: j.state,
          link: `/officer/programmes/workshops/${w.id}`,
        },
        dedupKeyPrefix: `workshop-state:${w.id}:${j.state}:${j.pendingSince ?? asOf}`,
      });
    });
    if (changed) this.log.log({ workshopId: w.id, from: w.state, to: j.state }, 'workshop state changed');
    Object.assign(w, { state: j.state, pendingSince: j.pendingSince });
    return ev;
  }
}
