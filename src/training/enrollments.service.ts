import { Injectable } from '@nestjs/common';
import { QueryFailedError, type EntityManager } from 'typeorm';
import type { AuthUser } from '../access/auth-user';
import { ScopePolicy, type ResidentRef } from '../access/scope/scope-policy';
import { AuditService } from '../audit/audit.service';
import { ConflictError, NotFoundError } from '../kernel/domain-errors';
import { page, type Page, type PageQuery } from '../kernel/pagination';
import { OutboxService } from '../platform/database/outbox.service';
import { ResidentsDirectory } from '../residents/residents-directory';
import { todayInPilotZone as chinaToday } from '../kernel/clock';
import type { Course } from './course.entity';
import { CoursesRepository } from './courses.repository';
import type { EnrollmentDto, EnrollmentQuery } from './dto/enrollment.dto';
import { canTransition } from './enrollment-transitions';
import { enrollmentView } from './enrollment-view';
import type { Enrollment, EnrollmentStatus } from './enrollment.entity';
import { EnrollmentsRepository } from './enrollments.repository';

type Step = Exclude<EnrollmentStatus, 'enrolled'>;

@Injectable()
export class EnrollmentsService {
  constructor(
    private readonly repo: EnrollmentsRepository,
    private readonly courses: CoursesRepository,
    private readonly policy: ScopePolicy,
    private readonly audit: AuditService,
    private readonly outbox: OutboxService,
    private readonly residents: ResidentsDirectory,
  ) {}

  /**
   * Enrols a resident (the resident itself, or an officer in their scope). The course row is
   * locked while the seats are counted, so two requests for the last seat cannot both win.
   */
  async enroll(actor: AuthUser, courseId: string, residentId: string): Promise<EnrollmentDto> {
    const ref = await this.requireManagedResident(actor, residentId);
    try {
      return await this.repo.transaction(async (m) => {
        const course = await this.courses.lockById(m, courseId);
        if (!course) throw new NotFoundError('Course');
        if (course.status !== 'open') throw new ConflictError('The course is cancelled', 'course.cancelled');
        if (course.endDate < chinaToday()) throw new ConflictError('The course has ended', 'course.ended');
        const held = await this.repo.seatHoldersOf(m, courseId);
        if (held.some((e) => e.residentId === residentId))
          throw new ConflictError('The resident is already enrolled in this course', 'enrollment.duplicate');
        if (held.length >= course.capacity) throw new ConflictError('The course is full', 'course.full');
        const enrollment = await this.repo.insert(m, {
          courseId,
          residentId,
          status: 'enrolled',
          history: [{ status: 'enrolled', at: new Date().toISOString(), by: actor.id }],
          completedAt: null,
        });
        await this.courses.setEnrolledCount(m, courseId, held.length + 1);
        await this.audit.record(
          actor,
          {
            action: 'enrollment.create',
            entityType: 'enrollment',
            entityId: enrollment.id,
            onBehalfOfResidentId: this.policy.actsOnBehalf(actor, ref) ? residentId : null,
            details: { courseId },
          },
          m,
        );
        return enrollmentView(enrollment);
      });
    } catch (e) {
      // The partial unique index is the last word on duplicates.
      if (e instanceof QueryFailedError && (e.driverError as { code?: string }).code === '23505')
        throw new ConflictError('The resident is already enrolled in this course', 'enrollment.duplicate');
      throw e;
    }
  }

  /** attend / complete: whoever runs the course (owner, officer of its area) or an officer of the resident. */
  async attend(actor: AuthUser, id: string): Promise<EnrollmentDto> {
    return this.move(actor, id, 'attending');
  }

  /** Completion grants the course's skills (never lowering a higher level) and triggers re-matching. */
  async complete(actor: AuthUser, id: string): Promise<EnrollmentDto> {
    return this.move(actor, id, 'completed');
  }

  /** Drop: also the resident itself. Frees the seat. */
  async drop(actor: AuthUser, id: string): Promise<EnrollmentDto> {
    return this.move(actor, id, 'dropped');
  }

  private async move(actor: AuthUser, id: string, to: Step): Promise<EnrollmentDto> {
    const found = await this.repo.findById(id);
    if (!found) throw new NotFoundError('Enrollment');
    const ref = await this.residents.residentRef(found.residentId);
    return this.repo.transaction(async (m) => {
      // Lock order course → enrolment, the same as enroll(), so the two never deadlock.
      const course = await this.courses.lockById(m, found.courseId);
      const e = await this.repo.lockById(m, id);
      if (!course || !e) throw new NotFoundError('Enrollment');
      this.policy.require(this.mayMove(actor, to, course, ref), 'Enrollment');
      if (course.status === 'cancelled' && to !== 'dropped')
        throw new ConflictError('The course is cancelled', 'course.cancelled');
      if (!canTransition(e.status, to))
        throw new ConflictError(
          `An enrolment cannot go from ${e.status} to ${to}`,
          'enrollment.illegal_transition',
        );
      const now = new Date();
      e.status = to;
      e.history = [...e.history, { status: to, at: now.toISOString(), by: actor.id }];
      if (to === 'completed') e.completedAt = now;
      const saved = await this.repo.save(m, e);
      if (to === 'dropped')
        await this.courses.setEnrolledCount(m, course.id, Math.max(0, course.enrolledCount - 1));
      if (to === 'completed') await this.grant(m, course, e);
      await this.audit.record(
        actor,
        {
          action: `enrollment.${to === 'attending' ? 'attend' : to === 'completed' ? 'complete' : 'drop'}`,
          entityType: 'enrollment',
          entityId: e.id,
          onBehalfOfResidentId: ref && this.policy.actsOnBehalf(actor, ref) ? e.residentId : null,
          details: { courseId: course.id },
        },
        m,
      );
      return enrollmentView(saved);
    });
  }

  private async grant(m: EntityManager, course: Course, e: Enrollment): Promise<void> {
    await this.residents.grantSkillsFromCourse(m, e.residentId, course.skills, course.id);
    // A completion changes what the resident can do: re-rank them (DESIGN.md "The matching worker").
    await this.outbox.add(m, {
      kind: 'enrollment.completed',
      entityId: e.id,
      version: 1,
      payload: { residentId: e.residentId, courseId: course.id },
    });
  }

  private mayMove(actor: AuthUser, to: Step, course: Course, ref: ResidentRef | null): boolean {
    if (this.policy.managesCourse(actor, course)) return true;
    if (!ref) return false;
    // The resident may leave a course, not mark their own attendance or completion.
    if (actor.role === 'resident') return to === 'dropped' && this.policy.managesResident(actor, ref);
    return actor.role === 'officer' && this.policy.managesResident(actor, ref);
  }

  /** The enrolments of a course: its owner and officers of its area. */
  async listForCourse(actor: AuthUser, courseId: string, q: PageQuery): Promise<Page<EnrollmentDto>> {
    const course = await this.courses.findById(courseId);
    this.policy.require(!!course && this.policy.managesCourse(actor, course), 'Course');
    const [rows, total] = await this.repo.pageOfCourse(courseId, (q.page - 1) * q.pageSize, q.pageSize);
    await this.audit.recordReads(
      actor,
      'resident',
      rows.map((e) => e.residentId),
      'course.enrollments.read',
    );
    // Providers take attendance by name; no other personal data leaves here.
    const names = new Map<string, string>();
    for (const id of new Set(rows.map((e) => e.residentId))) {
      const summary = await this.residents.summaryFor(id);
      if (summary) names.set(id, summary.name);
    }
    return page(
      rows.map((e) => ({ ...enrollmentView(e), residentName: names.get(e.residentId) ?? null })),
      total,
      q,
    );
  }

  /** A resident's enrolments: the resident, officers who read them. */
  async listForResident(actor: AuthUser, q: EnrollmentQuery): Promise<Page<EnrollmentDto>> {
    const ref = await this.residents.residentRef(q.residentId);
    this.policy.require(!!ref && this.policy.readsResident(actor, ref), 'Resident');
    const [rows, total] = await this.repo.pageOfResident(q.residentId, (q.page - 1) * q.pageSize, q.pageSize);
    if (actor.role !== 'resident')
      await this.audit.record(actor, {
        action: 'resident.enrollments.read',
        entityType: 'resident',
        entityId: q.residentId,
      });
    const courses = await this.courses.findByIds([...new Set(rows.map((e) => e.courseId))]);
    const byId = new Map(courses.map((c) => [c.id, c]));
    return page(
      rows.map((e) => enrollmentView(e, byId.get(e.courseId))),
      total,
      q,
    );
  }

  private async requireManagedResident(actor: AuthUser, residentId: string): Promise<ResidentRef> {
    const ref = await this.residents.residentRef(residentId);
    this.policy.require(!!ref && this.policy.managesResident(actor, ref), 'Resident');
    return ref!;
  }
}
