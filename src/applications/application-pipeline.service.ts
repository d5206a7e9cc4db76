import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { AuthUser } from '../access/auth-user';
import { ScopePolicy } from '../access/scope/scope-policy';
import { AuditService } from '../audit/audit.service';
import { todayInPilotZone } from '../kernel/clock';
import { ConflictError } from '../kernel/domain-errors';
import { EmployersService } from '../employers/employers.service';
import { EmploymentPolicy } from '../placements/employment-policy';
import type { PlacementKind } from '../placements/placement-kind';
import { PlacementsService } from '../placements/placements.service';
import { PostingsDirectory } from '../postings/postings-directory';
import { ResidentsDirectory } from '../residents/residents-directory';
import { mayReadApplication } from './application-access';
import type { Application, ApplicationHistoryEntry } from './application.entity';
import { ApplicationNotices } from './application-notices';
import {
  canTransition,
  isFinal,
  isResidentMove,
  type ApplicationStatus,
  type TransitionActor,
} from './application-status';
import { ApplicationsRepository } from './applications.repository';
import type { UpdateApplicationDto } from './dto/application.dto';

/**
 * How an application moves on: the resident accepts or declines an invitation or withdraws, the
 * employer decides (viewed, interview, offered, hired, rejected), an officer moves as the
 * resident for them. Transitions are checked (application-status.ts), history is appended, the
 * resident is told of every change, and `hired` fills the posting's headcount and creates the
 * placement in the same transaction.
 */
@Injectable()
export class ApplicationPipeline {
  constructor(
    private readonly repo: ApplicationsRepository,
    private readonly policy: ScopePolicy,
    private readonly audit: AuditService,
    private readonly notices: ApplicationNotices,
    private readonly residents: ResidentsDirectory,
    private readonly postings: PostingsDirectory,
    private readonly employers: EmployersService,
    private readonly placements: PlacementsService,
    private readonly rules: EmploymentPolicy,
  ) {}

  /**
   * One transition, checked by the state machine. `expectFrom` (accept, decline) refuses with 409
   * unless the application is in that state, so "accept" never moves anything but an invitation.
   * Returns the placement's id when the move was a hire.
   */
  async move(
    actor: AuthUser,
    id: string,
    dto: UpdateApplicationDto,
    expectFrom?: ApplicationStatus,
  ): Promise<string | undefined> {
    return this.repo.transaction(async (m) => {
      const a = await this.repo.lockById(m, id);
      this.policy.require(
        !!a && (await mayReadApplication(this.policy, this.residents, actor, a, m)),
        'Application',
      );
      const app = a!;
      const onBehalf = actor.role === 'officer' || actor.role === 'admin';
      if (onBehalf) {
        const ref = await this.residents.residentRef(app.residentId, m);
        this.policy.require(!!ref && this.policy.managesResident(actor, ref), 'Application');
      }
      const as: TransitionActor =
        actor.role === 'resident' || (onBehalf && isResidentMove(app.status, dto.status))
          ? 'resident'
          : 'employer';
      if ((expectFrom && app.status !== expectFrom) || !canTransition(as, app.status, dto.status)) {
        const why =
          expectFrom && app.status !== expectFrom
            ? `this application is ${app.status}, not an open invitation`
            : as === 'resident' && app.status === 'invited'
              ? 'an invitation can only be accepted (applied) or declined'
              : as === 'resident' && !isFinal(app.status)
                ? 'a resident may only withdraw an application'
                : `an application cannot move from ${app.status} to ${dto.status}`;
        throw new ConflictError(`Illegal transition: ${why}`, 'application.illegal_transition');
      }
      if (app.status === 'invited' && dto.status === 'applied') await this.assertMayApply(m, app);
      let newPlacementId: string | undefined;
      if (dto.status === 'hired') newPlacementId = await this.hire(m, actor, app);
      const entry: ApplicationHistoryEntry = {
        from: app.status,
        to: dto.status,
        at: new Date().toISOString(),
        by: actor.id,
        role: actor.role,
        note: dto.note?.trim() || null,
      };
      await this.repo.moveTo(m, id, dto.status, entry);
      await this.notices.toResident(m, app, dto.status);
      if (app.status === 'invited') await this.notices.toInviter(m, app, dto.status);
      await this.audit.record(
        actor,
        {
          action: 'application.status',
          entityType: 'application',
          entityId: id,
          onBehalfOfResidentId: onBehalf ? app.residentId : null,
          details: { from: app.status, to: dto.status, placementId: newPlacementId ?? null },
        },
        m,
      );
      return newPlacementId;
    });
  }

  /** Accepting an invitation is applying: the posting must still be open and its rules met. */
  private async assertMayApply(m: EntityManager, a: Application): Promise<void> {
    const posting = await this.postings.hiringTerms(a.postingId, m);
    if (!posting || posting.status !== 'open') {
      throw new ConflictError(`The posting is ${posting?.status ?? 'gone'}, not open`, 'posting.not_open');
    }
    if (posting.publicWelfare) await this.placements.assertPublicWelfareEligible(m, a.residentId, posting);
  }

  /** The hire: headcount (may fill the posting) and the placement, in the change's transaction. */
  private async hire(m: EntityManager, actor: AuthUser, a: Application): Promise<string> {
    const posting = await this.postings.hiringTerms(a.postingId, m);
    if (!posting) throw new Error(`posting ${a.postingId} of application ${a.id} does not exist`);
    if (posting.publicWelfare) await this.placements.assertPublicWelfareEligible(m, a.residentId, posting);
    await this.postings.recordHire(m, a.postingId);
    const employer = await this.employers.summary(a.employerId, m);
    // A workshop counts as one once an officer has verified it as one (a switched kind is in review).
    const kind: PlacementKind = posting.publicWelfare
      ? 'public_welfare'
      : employer?.kind === 'workshop' && employer.verified
        ? 'workshop'
        : 'local_enterprise';
    const today = todayInPilotZone();
    const placement = await this.placements.createFromHire(m, actor, {
      residentId: a.residentId,
      postingId: a.postingId,
      applicationId: a.id,
      employerId: a.employerId,
      employerName: employer?.name ?? '',
      kind,
      startDate: posting.startDate && posting.startDate > today ? posting.startDate : today,
      monthlyIncome: this.rules.monthlyIncomeFromWage(posting.wageMin, posting.wageMax, posting.wageUnit),
    });
    return placement.id;
  }
}
