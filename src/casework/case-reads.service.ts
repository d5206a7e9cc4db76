import { Injectable } from '@nestjs/common';
import type { AuthUser } from '../access/auth-user';
import { AuditService } from '../audit/audit.service';
import { todayInPilotZone } from '../common/clock';
import { page, type Page } from '../common/pagination';
import { CaseAccess } from './case-access';
import { caseFigures, type CaseFigures } from './case-figures';
import { toCaseDto } from './case-view';
import { CaseworkRepository, type ActionRow, type CaseRow } from './casework.repository';
import { CaseworkSettings } from './casework-settings';
import type { CaseDetailDto, CaseDto, CaseQuery, MemberServicesDto } from './dto/case.dto';

const EMPTY_LEDGER = {
  familySituation: null,
  unemploymentCause: null,
  skillsNote: null,
  trainingWish: null,
  jobIntention: null,
};

/** Services counted per member from the actions that name one. */
export function memberServices(
  members: { id: string }[],
  actions: ActionRow[],
  bundle: { policyBriefing: number; guidance: number; referrals: number; trainingOffers: number },
): MemberServicesDto[] {
  return members.map((m) => {
    const of = actions.filter((a) => a.residentId === m.id);
    const n = (k: ActionRow['kind']) => of.filter((a) => a.kind === k).length;
    const s = {
      policyBriefing: n('policy_briefing'),
      guidance: n('guidance'),
      referrals: n('referral'),
      trainingOffers: n('training_offer'),
    };
    const bundleComplete =
      s.policyBriefing >= bundle.policyBriefing &&
      s.guidance >= bundle.guidance &&
      s.referrals >= bundle.referrals &&
      s.trainingOffers >= bundle.trainingOffers;
    return { residentId: m.id, ...s, bundleComplete };
  });
}

/** Officers read the queue and a case; the household head's name is personal data: audited. */
@Injectable()
export class CaseReadsService {
  constructor(
    private readonly repo: CaseworkRepository,
    private readonly access: CaseAccess,
    private readonly settings: CaseworkSettings,
    private readonly audit: AuditService,
  ) {}

  /** `activeOnly`: the work queue (open and assisting cases only). */
  async list(actor: AuthUser, q: CaseQuery, opts: { activeOnly?: boolean } = {}): Promise<Page<CaseDto>> {
    const today = todayInPilotZone();
    const { rows, total } = await this.repo.list(actor, {
      siteId: q.siteId,
      regionCode: q.regionCode,
      status: q.status,
      overdue: q.overdue,
      activeOnly: opts.activeOnly,
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
    return caseFigures(await this.repo.figureRows(actor, today), today);
  }

  async get(actor: AuthUser, id: string): Promise<CaseDetailDto> {
    const today = todayInPilotZone();
    const row = await this.access.require(actor, id, today);
    const [actions, ledger, members] = await Promise.all([
      this.repo.actions([row.id]),
      this.repo.ledger(row.householdId),
      this.repo.members([row.householdId]),
    ]);
    await this.auditHeads(actor, [row]);
    const bundle = this.settings.rules(row.originRegionCode, row.siteRegionCode).serviceBundle;
    return {
      ...toCaseDto(row, today),
      actions: actions.map(({ caseId: _caseId, ...a }) => a),
      ledger: ledger ?? EMPTY_LEDGER,
      serviceBundle: bundle.name,
      members: memberServices(members, actions, bundle),
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
