/*
 * FOR HELPER S (subsidies) and any other feature: the months of work a cooperation member has
 * behind them is `CooperationReadsService.workMonthsOf(residentIds)` (exported by
 * CooperationModule). It answers, per resident with a confirmed arrival, the partner city, the
 * arrival date, the away-from-home placement it started, and the outcome of the retention check
 * configured as `cooperation.subsidyCheckMonth` (default 3; the batch site's jurisdiction):
 * `monthsOfWork` is that month when the check found them still at work, else null. No scope check: the caller has already checked the
 * residents (ScopePolicy) it asks about. The check also records a placement follow-up
 * (stillEmployed) on the same date, so evidence read from the placements' follow-ups agrees.
 */
import { Injectable } from '@nestjs/common';
import type { AuthUser } from '../../access/auth-user';
import { ScopePolicy } from '../../access/scope/scope-policy';
import { AuditService } from '../../audit/audit.service';
import { todayInPilotZone } from '../../kernel/clock';
import { ResidentsDirectory } from '../../residents/residents-directory';
import { CooperationRepository } from './cooperation.repository';
import { CooperationSettings } from './cooperation-settings';
import { batchDto, memberDto } from './cooperation-view';
import type { BatchDetailDto, BatchDto, OutcomeListDto } from './dto/cooperation.dto';

export interface WorkMonthsEvidence {
  residentId: string;
  partnerCity: string;
  arrivedOn: string;
  placementId: string | null;
  /** The configured months-of-work check (3 by default). */
  checkMonth: number;
  checkDueOn: string | null;
  checkedOn: string | null;
  /** `checkMonth` when that check found the resident still at work; null otherwise. */
  monthsOfWork: number | null;
}

@Injectable()
export class CooperationReadsService {
  constructor(
    private readonly repo: CooperationRepository,
    private readonly settings: CooperationSettings,
    private readonly policy: ScopePolicy,
    private readonly audit: AuditService,
    private readonly residents: ResidentsDirectory,
  ) {}

  /** See the comment at the top of this file. */
  async workMonthsOf(residentIds: string[]): Promise<Map<string, WorkMonthsEvidence>> {
    const rows = await this.repo.workMonths([...new Set(residentIds)]);
    return new Map(
      rows.map((r) => {
        // The site's jurisdiction says which check is the months-of-work evidence.
        const month = this.settings.rules(r.siteRegionCode).subsidyCheckMonth;
        const c = r.checks.find((x) => x.month === month);
        return [
          r.residentId,
          {
            residentId: r.residentId,
            partnerCity: r.partnerCity,
            arrivedOn: r.arrivedOn,
            placementId: r.placementId,
            checkMonth: month,
            checkDueOn: c?.dueOn ?? null,
            checkedOn: c?.checkedOn ?? null,
            monthsOfWork: c?.stillAtWork ? month : null,
          },
        ];
      }),
    );
  }

  async list(actor: AuthUser, siteId?: string): Promise<BatchDto[]> {
    const batches = await this.repo.batches(actor, siteId);
    const members = await this.repo.members(batches.map((b) => b.id));
    const liaison = actor.role === 'liaison';
    return batches.map((b) =>
      batchDto(
        b,
        members.filter((m) => m.batchId === b.id),
        liaison,
      ),
    );
  }

  /** Officers of the site and the batch's own liaison officer; anyone else 404. */
  async get(actor: AuthUser, id: string): Promise<BatchDetailDto> {
    const b = await this.repo.batch(id);
    const ref = b ? { site: { id: b.siteId, regionCode: b.siteRegionCode }, liaisonUserId: b.liaisonUserId } : null;
    const liaison = !!ref && this.policy.liaisonSeesBatch(actor, ref);
    this.policy.require(!!ref && (liaison || this.policy.managesBatch(actor, ref)), 'Batch');
    const members = await this.repo.members([b!.id]);
    const checks = await this.repo.checks(members.map((m) => m.id));
    const names = await this.residents.namesOf(members.map((m) => m.residentId));
    await this.audit.recordReads(
      actor,
      'resident',
      members.map((m) => m.residentId),
      'resident.read_cooperation_batch',
    );
    const today = todayInPilotZone();
    return {
      ...batchDto(b!, members, liaison),
      members: members.map((m) =>
        memberDto(
          m,
          names.get(m.residentId) ?? '',
          checks.filter((c) => c.memberId === m.id),
          today,
          liaison,
        ),
      ),
    };
  }

  async outcomes(actor: AuthUser, by: 'fair' | 'employer' | 'city', siteId?: string): Promise<OutcomeListDto> {
    return { by, items: await this.repo.outcomes(actor, by, siteId) };
  }
}
