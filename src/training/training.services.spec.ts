import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { ScopePolicy, type ResidentRef } from '../access/scope/scope-policy';
import type { AuditService } from '../audit/audit.service';
import { todayInPilotZone } from '../kernel/clock';
import { InvalidInputError, NotFoundError } from '../kernel/domain-errors';
import type { OutboxService } from '../platform/database/outbox.service';
import type { RegionsService } from '../regions/regions.service';
import type { ResidentsDirectory } from '../residents/residents-directory';
import type { SkillsService } from '../skills/skills.service';
import type { Course } from './course.entity';
import type { CoursesRepository } from './courses.repository';
import { CoursesService } from './courses.service';
import type { CreateCourseDto } from './dto/course.dto';
import { SEAT_HOLDING } from './enrollment-transitions';
import type { Enrollment } from './enrollment.entity';
import type { EnrollmentsRepository } from './enrollments.repository';
import { EnrollmentsService } from './enrollments.service';
import { testUser as user } from '../access/testing/test-user';

/*
 * CoursesService and EnrollmentsService over in-memory repositories (issue 14 item 4): what a
 * provider, an officer and a resident notice — a full, cancelled or ended course refuses an
 * enrolment, a drop frees the seat, a completion grants the course's skills once and asks for a
 * re-rank, a resident may leave a course but not mark it done, a course cannot shrink below its
 * enrolments — without PostgreSQL. The SQL is proved by test/e2e/training.
 */

const M = {} as EntityManager;
const SITE = { id: 'site-1', regionCode: '522601101' };
const today = todayInPilotZone();

const officer = user('officer', {
  scope: { siteIds: [SITE.id], regionCodes: [], siteRegionCodes: [SITE.regionCode] },
});
const provider = user('provider');

class FakeCourses {
  readonly rows = new Map<string, Course>();
  transaction<T>(work: (m: EntityManager) => Promise<T>): Promise<T> {
    return work(M);
  }
  findById(id: string) {
    return Promise.resolve(this.copy(id));
  }
  lockById(_m: EntityManager, id: string) {
    return Promise.resolve(this.copy(id));
  }
  findByIds(ids: string[]) {
    return Promise.resolve(ids.map((id) => this.copy(id)).filter((c) => c !== null));
  }
  insert(_m: EntityManager, c: Omit<Course, 'id' | 'createdAt' | 'updatedAt'>) {
    const row = { ...c, id: randomUUID(), createdAt: new Date(), updatedAt: new Date() } as Course;
    this.rows.set(row.id, row);
    return Promise.resolve({ ...row });
  }
  save(_m: EntityManager, c: Course) {
    this.rows.set(c.id, { ...c, updatedAt: new Date() });
    return Promise.resolve(this.copy(c.id)!);
  }
  setEnrolledCount(_m: EntityManager, id: string, enrolledCount: number) {
    this.rows.get(id)!.enrolledCount = enrolledCount;
    return Promise.resolve();
  }
  sessionsOf() {
    return Promise.resolve([]);
  }
  private copy(id: string): Course | null {
    const c = this.rows.get(id);
    return c ? { ...c } : null;
  }
}

class FakeEnrollments {
  readonly rows = new Map<string, Enrollment>();
  transaction<T>(work: (m: EntityManager) => Promise<T>): Promise<T> {
    return work(M);
  }
  findById(id: string) {
    return Promise.resolve(this.copy(id));
  }
  lockById(_m: EntityManager, id: string) {
    return Promise.resolve(this.copy(id));
  }
  seatHoldersOf(_m: EntityManager, courseId: string) {
    return Promise.resolve(
      [...this.rows.values()].filter((e) => e.courseId === courseId && SEAT_HOLDING.includes(e.status)),
    );
  }
  insert(
    _m: EntityManager,
    e: Pick<Enrollment, 'courseId' | 'residentId' | 'status' | 'history' | 'completedAt'>,
  ) {
    const row = { ...e, id: randomUUID(), createdAt: new Date(), updatedAt: new Date() } as Enrollment;
    this.rows.set(row.id, row);
    return Promise.resolve({ ...row });
  }
  save(_m: EntityManager, e: Enrollment) {
    this.rows.set(e.id, { ...e });
    return Promise.resolve({ ...e });
  }
  private copy(id: string): Enrollment | null {
    const e = this.rows.get(id);
    return e ? { ...e } : null;
  }
}

function setup() {
  const courses = new FakeCourses();
  const enrollments = new FakeEnrollments();
  const residents = new Map<string, ResidentRef>();
  const addResident = () => {
    const id = randomUUID();
    residents.set(id, { id, household: { id: randomUUID(), site: SITE, originRegionCode: '522601' } });
    return id;
  };
  const granted: { residentId: string; skills: { code: string; level: number }[] }[] = [];
  const directory = {
    residentRef: (id: string) => Promise.resolve(residents.get(id) ?? null),
    grantSkillsFromCourse: (
      _m: EntityManager,
      residentId: string,
      skills: { code: string; level: number }[],
    ) => Promise.resolve(void granted.push({ residentId, skills })),
  } as unknown as ResidentsDirectory;
  const events: { kind: string; payload: unknown }[] = [];
  const outbox = {
    add: (_m: EntityManager, e: { kind: string; payload: unknown }) => Promise.resolve(void events.push(e)),
  } as unknown as OutboxService;
  const audit = {
    record: () => Promise.resolve(),
    recordReads: () => Promise.resolve(),
  } as unknown as AuditService;
  const regions = {
    assertRegion: (_f: string, code: string) =>
      Promise.resolve({ code, level: code.length === 6 ? 'county' : 'township' }),
  } as unknown as RegionsService;
  const skills = {
    all: () => Promise.resolve(new Map()),
    requireCodes: () => Promise.resolve(),
  } as unknown as SkillsService;
  const courseService = new CoursesService(
    courses as unknown as CoursesRepository,
    new ScopePolicy(),
    audit,
    regions,
    skills,
  );
  const enrollmentService = new EnrollmentsService(
    enrollments as unknown as EnrollmentsRepository,
    courses as unknown as CoursesRepository,
    new ScopePolicy(),
    audit,
    outbox,
    directory,
  );
  return { courses, enrollments, courseService, enrollmentService, addResident, granted, events };
}

const course = (over: Partial<CreateCourseDto> = {}): CreateCourseDto => ({
  title: '茶叶加工',
  skills: [{ code: 'tea.processing', level: 2 }],
  startDate: today,
  endDate: today,
  regionCode: SITE.regionCode,
  address: '镇文化站',
  capacity: 2,
  subsidized: true,
  ...over,
});

describe('EnrollmentsService', () => {
  it('fills a course seat by seat, refuses a full course and a second enrolment of one resident', async () => {
    const { courses, courseService, enrollmentService, addResident } = setup();
    const c = await courseService.create(provider, course());
    const [a, b, d] = [addResident(), addResident(), addResident()];
    await enrollmentService.enroll(officer, c.id, a);
    await expect(enrollmentService.enroll(officer, c.id, a)).rejects.toMatchObject({
      code: 'enrollment.duplicate',
    });
    await enrollmentService.enroll(officer, c.id, b);
    expect(courses.rows.get(c.id)!.enrolledCount).toBe(2);
    await expect(enrollmentService.enroll(officer, c.id, d)).rejects.toMatchObject({ code: 'course.full' });
  });

  it('frees the seat of a resident who drops, so the next one gets it', async () => {
    const { courses, courseService, enrollmentService, addResident } = setup();
    const c = await courseService.create(provider, course({ capacity: 1 }));
    const [a, b] = [addResident(), addResident()];
    const e = await enrollmentService.enroll(officer, c.id, a);
    await expect(enrollmentService.enroll(officer, c.id, b)).rejects.toMatchObject({ code: 'course.full' });
    const resident = user('resident', { residentId: a });
    expect((await enrollmentService.drop(resident, e.id)).status).toBe('dropped');
    expect(courses.rows.get(c.id)!.enrolledCount).toBe(0);
    expect((await enrollmentService.enroll(officer, c.id, b)).status).toBe('enrolled');
  });

  it('refuses enrolments in a cancelled or an ended course, and residents out of scope (404)', async () => {
    const { courses, courseService, enrollmentService, addResident } = setup();
    const c = await courseService.create(provider, course());
    const id = addResident();
    courses.rows.get(c.id)!.status = 'cancelled';
    await expect(enrollmentService.enroll(officer, c.id, id)).rejects.toMatchObject({
      code: 'course.cancelled',
    });
    Object.assign(courses.rows.get(c.id)!, {
      status: 'open',
      startDate: '2020-03-01',
      endDate: '2020-03-05',
    });
    await expect(enrollmentService.enroll(officer, c.id, id)).rejects.toMatchObject({ code: 'course.ended' });
    const stranger = user('officer', { scope: { siteIds: ['site-2'], regionCodes: [] } });
    await expect(enrollmentService.enroll(stranger, c.id, id)).rejects.toBeInstanceOf(NotFoundError);
  });

  it('grants the skills on completion and asks for a re-rank; a completed enrolment is final', async () => {
    const { courseService, enrollmentService, addResident, granted, events } = setup();
    const c = await courseService.create(provider, course());
    const id = addResident();
    const e = await enrollmentService.enroll(officer, c.id, id);
    // The resident may leave the course, not mark it attended or done.
    await expect(
      enrollmentService.complete(user('resident', { residentId: id }), e.id),
    ).rejects.toBeInstanceOf(NotFoundError);
    expect((await enrollmentService.attend(provider, e.id)).status).toBe('attending');
    const done = await enrollmentService.complete(provider, e.id);
    expect(done.status).toBe('completed');
    expect(done.completedAt).not.toBeNull();
    expect(granted).toEqual([{ residentId: id, skills: [{ code: 'tea.processing', level: 2 }] }]);
    expect(events).toEqual([
      expect.objectContaining({ kind: 'enrollment.completed', payload: { residentId: id, courseId: c.id } }),
    ]);
    await expect(enrollmentService.drop(provider, e.id)).rejects.toMatchObject({
      code: 'enrollment.illegal_transition',
    });
  });
});

describe('CoursesService', () => {
  it('keeps a course from shrinking below its enrolments, and an ended cancelled course closed', async () => {
    const { courses, courseService, enrollmentService, addResident } = setup();
    const c = await courseService.create(provider, course({ capacity: 3 }));
    await enrollmentService.enroll(officer, c.id, addResident());
    await enrollmentService.enroll(officer, c.id, addResident());
    await expect(courseService.update(provider, c.id, { capacity: 1 })).rejects.toEqual(
      new InvalidInputError('capacity', 'must be at least the 2 enrolled residents'),
    );
    expect((await courseService.update(provider, c.id, { capacity: 2 })).seatsLeft).toBe(0);
    Object.assign(courses.rows.get(c.id)!, {
      status: 'cancelled',
      startDate: '2020-03-01',
      endDate: '2020-03-05',
    });
    await expect(courseService.update(provider, c.id, { status: 'open' })).rejects.toMatchObject({
      code: 'course.ended',
    });
  });

  it('lets a provider change only their own course, and an officer only courses of their area', async () => {
    const { courseService } = setup();
    const c = await courseService.create(provider, course());
    await expect(courseService.update(user('provider'), c.id, { title: '别人的课' })).rejects.toBeInstanceOf(
      NotFoundError,
    );
    await expect(courseService.create(officer, course({ regionCode: '520102' }))).rejects.toMatchObject({
      message: 'The region is outside your scope',
    });
    expect((await courseService.update(officer, c.id, { title: '茶叶精加工' })).title).toBe('茶叶精加工');
  });
});
