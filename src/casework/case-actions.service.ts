import { Injectable } from '@nestjs/common';
import type { AuthUser } from '../access/auth-user';
import { ScopePolicy } from '../access/scope/scope-policy';
import { AuditService } from '../audit/audit.service';
import { todayInPilotZone } from '../kernel/clock';
import { ConflictError, InvalidInputError } from '../kernel/domain-errors';
import { CaseAccess } from './case-access';
import { CaseworkRepository, type ActionRow, type CaseRow, type LedgerFields } from './casework.repository';
import type { CloseReason } from './case-vocabulary';
import type {
  CaseActionDto,
  CloseCaseDto,
  CreateCaseActionDto,
  LedgerDto,
  UpdateLedgerDto,
} from './dto/case.dto';
import type { QueueReferral } from './case-services.repository';
import { CaseRecords } from './case-records';
import { PostingsDirectory } from '../postings/postings-directory';
import { CoursesService } from '../training/courses.service';
import { refusedReferrals } from './member-services';
import { addCalendarDays } from './working-days';

/** Three months in a row, as calendar days (the shortest three consecutive months are 89 days). */
const UNREACHABLE_DAYS = 89;
const REFUSALS_NEEDED = 3;

/**
 * What is missing for a close reason (POLICY.md "Recognised exit reasons"), or null when the
 * record proves it. Pure over the case's actions so the rule reads in one place.
 */
export function missingEvidence(
  reason: CloseReason,
  actions: (Pick<ActionRow, 'kind' | 'date' | 'outcome'> &
    Partial<Pick<ActionRow, 'residentId' | 'postingId'>>)[],
  activePlacements: number,
  note: string | undefined,
  queue: Omit<QueueReferral, 'caseId'>[] = [],
): string | null {
  switch (reason) {
    case 'employed':
      return activePlacements > 0 ? null : 'an active placement of a member of the household';
    case 'refused_referrals': {
      const refused = refusedReferrals(
        actions.map((a) => ({ residentId: null, postingId: null, ...a })),
        queue,
      );
      return refused >= REFUSALS_NEEDED
        ? null
        : `${REFUSALS_NEEDED} refused referrals on record (${refused} so far)`;
    }
    case 'unreachable': {
      const failed = actions
        .filter((a) => a.outcome === 'unreachable')
        .map((a) => a.date)
        .sort();
      if (!failed.length) return 'failed contacts spanning three months (none on record)';
      const first = failed[0];
      const last = failed[failed.length - 1];
      const reachedSince = actions.some(
        (a) => a.outcome !== 'unreachable' && a.outcome !== null && a.date >= first,
      );
      if (reachedSince) return 'failed contacts spanning three months (the household was reached since)';
      return last >= addCalendarDays(first, UNREACHABLE_DAYS)
        ? null
        : `failed contacts spanning three months (${first} to ${last} so far)`;
    }
    case 'no_capacity_or_will':
      return note?.trim() ? null : 'a note recording why no member is able or willing to work';
  }
}

/** Officers act on a case: the ledger's lines, the five things known, closing with evidence. */
@Injectable()
export class CaseActionsService {
  constructor(
    private readonly repo: CaseworkRepository,
    private readonly records: CaseRecords,
    private readonly postings: PostingsDirectory,
    private readonly courses: CoursesService,
    private readonly access: CaseAccess,
    private readonly policy: ScopePolicy,
    private readonly audit: AuditService,
  ) {}

  private open(c: CaseRow): void {
    if (c.status === 'closed') throw new ConflictError('The case is closed', 'case.closed');
  }

  async logAction(actor: AuthUser, id: string, dto: CreateCaseActionDto): Promise<CaseActionDto> {
    const today = todayInPilotZone();
    const c = await this.access.require(actor, id, today);
    this.open(c);
    if (dto.date > today) throw new InvalidInputError('date', 'must not be in the future');
    if (dto.date < c.openedOn)
      throw new InvalidInputError('date', `must not be before the case opened (${c.openedOn})`);
    await this.checkReferences(actor, c, dto);
    const action: Omit<ActionRow, 'id'> = {
      caseId: c.id,
      kind: dto.kind,
      date: dto.date,
      residentId: dto.residentId ?? null,
      postingId: dto.postingId ?? null,
      courseId: dto.courseId ?? null,
      outcome: dto.outcome ?? null,
      note: dto.note ?? null,
      officerId: actor.id,
    };
    const actionId = await this.repo.transaction(async (m) => {
      const inserted = await this.repo.insertAction(m, action);
      // Any action that reached the household is its first contact; a failed call is not.
      if (action.outcome !== 'unreachable') await this.repo.setFirstContact(m, c.id, action.date);
      await this.audit.record(
        actor,
        {
          action: 'case.action',
          entityType: 'case',
          entityId: c.id,
          onBehalfOfResidentId: action.residentId,
          details: { actionId: inserted, kind: action.kind, outcome: action.outcome },
        },
        m,
      );
      return inserted;
    });
    const { caseId: _caseId, ...rest } = action;
    return { id: actionId, ...rest };
  }

  /** Every id the request names is checked through the scope policy: out of scope → 404. */
  private async checkReferences(actor: AuthUser, c: CaseRow, dto: CreateCaseActionDto): Promise<void> {
    if (dto.residentId) {
      const h = await this.records.householdOfResident(dto.residentId);
      this.policy.require(
        !!h && this.policy.readsResident(actor, { id: dto.residentId, household: h }),
        'Resident',
      );
      if (h!.id !== c.householdId)
        throw new InvalidInputError('residentId', 'is not a member of this household');
    }
    if (dto.postingId) {
      const p = await this.postings.postingRef(dto.postingId);
      this.policy.require(!!p && this.policy.citesPosting(actor, p), 'Posting');
    }
    if (dto.courseId) {
      // Courses are public (GET /courses): any course that exists may be offered (404 otherwise).
      await this.courses.get(dto.courseId);
    }
  }

  async putLedger(actor: AuthUser, id: string, dto: UpdateLedgerDto): Promise<LedgerDto> {
    const c = await this.access.require(actor, id);
    const fields: Partial<LedgerFields> = {};
    for (const k of [
      'familySituation',
      'unemploymentCause',
      'skillsNote',
      'trainingWish',
      'jobIntention',
    ] as const) {
      const v = dto[k];
      if (v !== undefined) fields[k] = v === null || v.trim() === '' ? null : v.trim();
    }
    await this.repo.transaction(async (m) => {
      await this.repo.upsertLedger(m, c.householdId, fields, actor.id);
      await this.audit.record(
        actor,
        {
          action: 'case.ledger',
          entityType: 'case',
          entityId: c.id,
          details: { fields: Object.keys(fields) },
        },
        m,
      );
    });
    return (await this.repo.ledger(c.householdId))!;
  }

  async close(
    actor: AuthUser,
    id: string,
    dto: CloseCaseDto,
  ): Promise<{ id: string; status: 'closed'; closedReason: CloseReason }> {
    const c = await this.access.require(actor, id);
    this.open(c);
    const [actions, placements, queue] = await Promise.all([
      this.repo.actions([c.id]),
      this.records.activePlacements(c.householdId),
      this.records.queueReferrals([c.id]),
    ]);
    const missing = missingEvidence(dto.reason, actions, placements, dto.note, queue);
    if (missing) {
      throw new ConflictError(`Closing as ${dto.reason} needs ${missing}`, 'case.evidence_missing', [
        { field: 'reason', message: `missing evidence: ${missing}` },
      ]);
    }
    await this.repo.transaction(async (m) => {
      await this.repo.close(m, c.id, dto.reason, dto.note?.trim() || null, actor.id);
      await this.audit.record(
        actor,
        { action: 'case.close', entityType: 'case', entityId: c.id, details: { reason: dto.reason } },
        m,
      );
    });
    return { id: c.id, status: 'closed', closedReason: dto.reason };
  }
}
