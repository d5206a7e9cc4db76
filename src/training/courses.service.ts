import { Injectable } from '@nestjs/common';
import type { AuthUser } from '../access/auth-user';
import { ScopePolicy } from '../access/scope/scope-policy';
import { AuditService } from '../audit/audit.service';
import { ConflictError, ForbiddenError, InvalidInputError, NotFoundError } from '../kernel/domain-errors';
import { page, type Page } from '../kernel/pagination';
import { RegionsService } from '../regions/regions.service';
import { SkillsService } from '../skills/skills.service';
import { todayInPilotZone as chinaToday } from '../kernel/clock';
import { courseView, sessionView } from './course-view';
import { CoursesRepository } from './courses.repository';
import type {
  CourseDto,
  CourseQuery,
  CourseSessionDto,
  CourseSkillDto,
  CreateCourseDto,
  CreateSessionDto,
  UpdateCourseDto,
} from './dto/course.dto';

@Injectable()
export class CoursesService {
  constructor(
    private readonly repo: CoursesRepository,
    private readonly policy: ScopePolicy,
    private readonly audit: AuditService,
    private readonly regions: RegionsService,
    private readonly skills: SkillsService,
  ) {}

  async create(actor: AuthUser, dto: CreateCourseDto): Promise<CourseDto> {
    const fields = await this.checkFields(dto);
    // An officer's course is owned by the officer's user and must lie in their area.
    const ref = { providerUserId: actor.id, regionCode: dto.regionCode };
    if (!this.policy.managesCourse(actor, ref)) throw new ForbiddenError('The region is outside your scope');
    return this.repo.transaction(async (m) => {
      const course = await this.repo.insert(m, {
        providerUserId: actor.id,
        title: dto.title,
        description: dto.description ?? '',
        skills: fields.skills!,
        skillCodes: fields.skillCodes!,
        certificate: dto.certificate ?? null,
        startDate: dto.startDate,
        endDate: dto.endDate,
        regionCode: dto.regionCode,
        address: dto.address,
        latitude: dto.latitude ?? null,
        longitude: dto.longitude ?? null,
        capacity: dto.capacity,
        subsidized: dto.subsidized,
        subsidyNote: dto.subsidyNote ?? null,
        status: 'open',
        enrolledCount: 0,
      });
      await this.audit.record(
        actor,
        { action: 'course.create', entityType: 'course', entityId: course.id },
        m,
      );
      return courseView(course, await this.skills.all());
    });
  }

  async update(actor: AuthUser, id: string, dto: UpdateCourseDto): Promise<CourseDto> {
    const fields = await this.checkFields(dto);
    return this.repo.transaction(async (m) => {
      const course = await this.repo.lockById(m, id);
      this.policy.require(!!course && this.policy.managesCourse(actor, course), 'Course');
      const c = course!;
      if (dto.regionCode && dto.regionCode !== c.regionCode) {
        if (
          !this.policy.managesCourse(actor, { providerUserId: c.providerUserId, regionCode: dto.regionCode })
        )
          throw new ForbiddenError('The region is outside your scope');
      }
      const startDate = dto.startDate ?? c.startDate;
      const endDate = dto.endDate ?? c.endDate;
      if (endDate < startDate) throw new InvalidInputError('endDate', 'must be on or after startDate');
      if (dto.capacity !== undefined && dto.capacity < c.enrolledCount)
        throw new InvalidInputError('capacity', `must be at least the ${c.enrolledCount} enrolled residents`);
      const lat = dto.latitude !== undefined ? dto.latitude : c.latitude;
      const lon = dto.longitude !== undefined ? dto.longitude : c.longitude;
      if ((lat === null) !== (lon === null))
        throw new InvalidInputError('longitude', 'latitude and longitude go together');
      if (c.status === 'cancelled' && dto.status === 'open' && endDate < chinaToday())
        throw new ConflictError('A course that has ended cannot be reopened', 'course.ended');
      Object.assign(c, { ...dto, ...fields });
      const saved = await this.repo.save(m, c);
      await this.audit.record(
        actor,
        {
          action: 'course.update',
          entityType: 'course',
          entityId: id,
          details: { fields: Object.keys(dto) },
        },
        m,
      );
      return courseView(saved, await this.skills.all());
    });
  }

  async get(id: string): Promise<CourseDto> {
    const course = await this.repo.findById(id);
    if (!course) throw new NotFoundError('Course');
    const sessions = await this.repo.sessionsOf(id);
    return courseView(course, await this.skills.all(), sessions);
  }

  /** Public list. Cancelled courses are left out; `upcoming` keeps those starting today or later. */
  async list(q: CourseQuery): Promise<Page<CourseDto>> {
    const [rows, total] = await this.repo.pageOpen(
      { skill: q.skill, regionCode: q.regionCode, startingFrom: q.upcoming ? chinaToday() : undefined },
      (q.page - 1) * q.pageSize,
      q.pageSize,
    );
    const skills = await this.skills.all();
    return page(
      rows.map((c) => courseView(c, skills)),
      total,
      q,
    );
  }

  /** The courses a provider runs, cancelled ones included, latest start first (the provider pages). */
  async listOwned(actor: AuthUser, q: { page: number; pageSize: number }): Promise<Page<CourseDto>> {
    const [rows, total] = await this.repo.pageOwned(actor.id, (q.page - 1) * q.pageSize, q.pageSize);
    const skills = await this.skills.all();
    return page(
      rows.map((c) => courseView(c, skills)),
      total,
      q,
    );
  }

  async addSession(actor: AuthUser, courseId: string, dto: CreateSessionDto): Promise<CourseSessionDto> {
    const startsAt = new Date(dto.startsAt);
    const endsAt = new Date(dto.endsAt);
    if (!(endsAt > startsAt)) throw new InvalidInputError('endsAt', 'must be after startsAt');
    return this.repo.transaction(async (m) => {
      const course = await this.repo.findById(courseId, m);
      this.policy.require(!!course && this.policy.managesCourse(actor, course), 'Course');
      const session = await this.repo.insertSession(m, { courseId, startsAt, endsAt, place: dto.place ?? null });
      await this.audit.record(
        actor,
        {
          action: 'course.session.create',
          entityType: 'course',
          entityId: courseId,
          details: { sessionId: session.id },
        },
        m,
      );
      return sessionView(session);
    });
  }

  /** Checks what a DTO cannot (skill codes, region, date order, coordinates) and derives skillCodes. */
  private async checkFields(
    dto: UpdateCourseDto,
  ): Promise<{ skills?: CourseSkillDto[]; skillCodes?: string[] }> {
    if (dto.startDate && dto.endDate && dto.endDate < dto.startDate)
      throw new InvalidInputError('endDate', 'must be on or after startDate');
    if ((dto.latitude === undefined) !== (dto.longitude === undefined))
      throw new InvalidInputError(
        dto.latitude === undefined ? 'latitude' : 'longitude',
        'latitude and longitude go together',
      );
    if (dto.regionCode) {
      const region = await this.regions.assertRegion('regionCode', dto.regionCode);
      if (region.level !== 'county' && region.level !== 'township')
        throw new InvalidInputError('regionCode', 'must be a county or a township');
    }
    if (!dto.skills) return {};
    await this.skills.requireCodes(
      dto.skills.map((s) => s.code),
      'skills',
    );
    const seen = new Set<string>();
    dto.skills.forEach((s, i) => {
      if (seen.has(s.code)) throw new InvalidInputError(`skills[${i}].code`, `${s.code} is listed twice`);
      seen.add(s.code);
    });
    const skills = dto.skills.map((s) => ({ code: s.code, level: s.level }));
    return { skills, skillCodes: skills.map((s) => s.code) };
  }
}
