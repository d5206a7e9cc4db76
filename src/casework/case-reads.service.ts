import { Injectable } from '@nestjs/common';
import type { AuthUser } from '../access/auth-user';
import { AuditService } from '../audit/audit.service';
import { todayInPilotZone } from '../kernel/clock';
import { page, type Page } from '../kernel/pagination';
import { CaseAccess } from './case-access';
import { caseFigures, type CaseFigures } from './case-figures';
import { toCaseDto } from './case-view';
import { CaseRecords } from './case-records';
import { CaseworkRepository, type CaseRow } from './casework.repository';
import { CaseworkSettings } from './casework-settings';
import type { CaseDetailDto, CaseDto, CaseQuery } from './dto/case.dto';
import { memberServices } from './member-services';

const EMPTY_LEDGER = {
  familySituation: null,
  unemploymentCause: null,
  skillsNote: null,
  trainingWish: null,
  jobIntention: null,
};

/** Officers read the queue and a case; the household head's name is personal data: audited. */
@Injectable()
export class CaseReadsService {
  constructor(
    private readonly repo: CaseworkRepository,
    private readonly records: CaseRecords,
    private readonly access: CaseAccess,
    private readonly settings: CaseworkSettings,
    private readonly audit: AuditService,
  ) {}

  /** `activeOnly`: the work queue (open and assisting cases only). */
  async list(actor: AuthUser, q: CaseQuery, opts: { activeOnly?: boolean } = {}): Promise<Page<CaseDto>> {
    const today = todayInPilotZone();
    const { rows, total } = await this.records.list(actor, {
      siteId: q.siteId,
      regionCode: q.regionCode,
      originRegionCode: q.originRegionCode,
      status: q.status,
      overdue: q.overdue,
      active: opts.activeOnly ? true : q.active,
      today,
      offset: (q.page - 1) * q.pageSize,
      limit: q.pageSize,
    });
    await this.auditHeads(actor, rows);
    return page(
      rows.map((r) => toCaseDto(r, today)),
      total,
      q,
    );
  }

  /** The clock's figures over the cases the actor reads (the officer's queue). */
  async figures(actor: AuthUser): Promise<CaseFigures> {
    const today = todayInPilotZone();
    return caseFigures(await this.records.dashboardCases(actor, today, {}), today);
  }

  async get(actor: AuthUser, id: string): Promise<CaseDetailDto> {
    const today = todayInPilotZone();
    const row = await this.access.require(actor, id, today);
    const [actions, ledger, members, queue] = await Promise.all([
      this.repo.actions([row.id]),
      this.repo.ledger(row.householdId),
      this.records.members([row.householdId]),
      this.records.queueReferrals([row.id]),
    ]);
    await this.auditHeads(actor, [row]);
    const bundle = this.settings.rules(row.originRegionCode, row.siteRegionCode).serviceBundle;
    return {
      ...toCaseDto(row, today),
      actions: actions.map(({ caseId: _caseId, ...a }) => a),
      ledger: ledger ?? EMPTY_LEDGER,
      serviceBundle: bundle.name,
      members: memberServices(members, actions, bundle, queue),
    };
  }

  private async auditHeads(actor: AuthUser, rows: CaseRow[]): Promise<void> {
    await this.audit.recordReads(
      actor,
      'resident',
      rows.flatMap((r) => (r.headId ? [r.headId] : [])),
    );
  }
}
