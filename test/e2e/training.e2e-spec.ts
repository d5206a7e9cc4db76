import { DataSource } from 'typeorm';
import { TrainingService } from '../../src/training/training.service';
import { createTestApp, type TestApp } from '../support/app';
import { createSite, loginAdmin, staff, type Session } from '../support/factories';
import { createHousehold, createResident, residentAccount } from '../support/residents-factories';
import { courseBody, createCourse, daysFromNow } from '../support/training-factories';

// Booting the app (reference data, bootstrap steps) can take seconds on a shared machine.
jest.setTimeout(60_000);

describe('training: courses (API.md "POST /courses", "GET /courses")', () => {
  let t: TestApp;
  let admin: Session;
  let provider: Session;
  let otherProvider: Session;
  let officer: Session;

  beforeAll(async () => {
    t = await createTestApp();
    admin = await loginAdmin(t.http);
    provider = await staff(t.http, admin, 'provider');
    otherProvider = await staff(t.http, admin, 'provider');
    const site = await createSite(t.http, admin);
    officer = await staff(t.http, admin, 'officer', { siteIds: [site.id] });
  });
  afterAll(async () => {
    await t.close();
  });

  it('a provider creates a course it owns; anyone reads it and finds it in the public list', async () => {
    const body = courseBody({ skills: [{ code: 'tea.picking', level: 3 }], subsidyNote: '免费' });
    const res = await t.http.post('/api/v1/courses').set(provider.auth).send(body);
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      providerUserId: provider.userId,
      title: body.title,
      status: 'open',
      capacity: 30,
      enrolledCount: 0,
      seatsLeft: 30,
      subsidized: true,
      subsidyNote: '免费',
      startDate: body.startDate,
      endDate: body.endDate,
    });
    expect(res.body.skills).toEqual([
      { code: 'tea.picking', level: 3, nameZh: '采茶', nameEn: 'Tea picking' },
    ]);

    const one = await t.http.get(`/api/v1/courses/${res.body.id}`);
    expect(one.status).toBe(200);
    expect(one.body).toMatchObject({ id: res.body.id, title: body.title, sessions: [] });

    const list = await t.http
      .get('/api/v1/courses')
      .query({ skill: 'tea.picking', upcoming: 'true', pageSize: 100 });
    expect(list.status).toBe(200);
    expect(list.body).toMatchObject({ page: 1, pageSize: 100 });
    expect(list.body.items.map((c: { id: string }) => c.id)).toContain(res.body.id);
  });

  it('filters the list by skill, region and upcoming', async () => {
    const herbal = await createCourse(t.http, provider, {
      skills: [{ code: 'herbal.planting', level: 2 }],
      regionCode: '422801',
      latitude: undefined,
      longitude: undefined,
    });
    const past = await createCourse(t.http, provider, {
      skills: [{ code: 'herbal.planting', level: 1 }],
      startDate: daysFromNow(-30),
      endDate: daysFromNow(-20),
    });
    const ids = async (q: Record<string, string>) => {
      const r = await t.http.get('/api/v1/courses').query({ pageSize: 100, ...q });
      expect(r.status).toBe(200);
      return (r.body.items as { id: string }[]).map((c) => c.id);
    };
    expect(await ids({ skill: 'herbal.planting' })).toEqual(expect.arrayContaining([herbal.id, past.id]));
    expect(await ids({ skill: 'herbal.planting', upcoming: 'true' })).toEqual([herbal.id]);
    expect(await ids({ skill: 'herbal.planting', regionCode: '422802' })).toEqual([past.id]);
    expect(await ids({ skill: 'tea.picking' })).not.toContain(herbal.id);
    const bad = await t.http.get('/api/v1/courses').query({ upcoming: 'perhaps' });
    expect(bad.status).toBe(400);
    expect(bad.body.details.map((d: { field: string }) => d.field)).toContain('upcoming');
  });

  it.each([
    ['unknown skill code', { skills: [{ code: 'no.such.skill', level: 2 }] }, 'skills[0].code'],
    ['skill level out of range', { skills: [{ code: 'tea.picking', level: 5 }] }, 'skills.0.level'],
    ['endDate before startDate', { startDate: daysFromNow(10), endDate: daysFromNow(5) }, 'endDate'],
    ['zero capacity', { capacity: 0 }, 'capacity'],
    ['negative capacity', { capacity: -3 }, 'capacity'],
    ['unknown region', { regionCode: '999999999' }, 'regionCode'],
    ['latitude without longitude', { longitude: undefined }, 'longitude'],
    ['an unknown field', { price: 100 }, 'price'],
  ])('400 on %s, naming the field, and nothing is written', async (_name, over, field) => {
    const before = await t.http.get('/api/v1/courses').query({ pageSize: 1 });
    const res = await t.http
      .post('/api/v1/courses')
      .set(provider.auth)
      .send({ ...courseBody(), ...over });
    expect(res.status).toBe(400);
    expect(res.body.details.map((d: { field: string }) => d.field)).toContain(field);
    const after = await t.http.get('/api/v1/courses').query({ pageSize: 1 });
    expect(after.body.total).toBe(before.body.total);
  });

  it('only providers and officers create courses; an officer only in their area', async () => {
    const anon = await t.http.post('/api/v1/courses').send(courseBody());
    expect(anon.status).toBe(401);
    const asOfficer = await t.http.post('/api/v1/courses').set(officer.auth).send(courseBody());
    expect(asOfficer.status).toBe(201);
    expect(asOfficer.body.providerUserId).toBe(officer.userId);
    // 文斗镇 lies in 利川市 (422802); 恩施市 (422801) is outside this officer's area.
    const outside = await t.http
      .post('/api/v1/courses')
      .set(officer.auth)
      .send(courseBody({ regionCode: '422801' }));
    expect(outside.status).toBe(403);
  });

  it('the owner edits and adds sessions; another provider gets 404', async () => {
    const c = await createCourse(t.http, provider);
    const edit = await t.http
      .patch(`/api/v1/courses/${c.id}`)
      .set(provider.auth)
      .send({ capacity: 12, skills: [{ code: 'tea.processing', level: 3 }] });
    expect(edit.status).toBe(200);
    expect(edit.body).toMatchObject({ capacity: 12, seatsLeft: 12 });
    expect(edit.body.skills[0]).toMatchObject({ code: 'tea.processing', level: 3 });

    const start = `${daysFromNow(10)}T08:30:00+08:00`;
    const end = `${daysFromNow(10)}T11:30:00+08:00`;
    const s = await t.http
      .post(`/api/v1/courses/${c.id}/sessions`)
      .set(provider.auth)
      .send({ startsAt: start, endsAt: end, place: '茶叶加工车间' });
    expect(s.status).toBe(201);
    expect(s.body).toMatchObject({ courseId: c.id, place: '茶叶加工车间' });
    const backwards = await t.http
      .post(`/api/v1/courses/${c.id}/sessions`)
      .set(provider.auth)
      .send({ startsAt: end, endsAt: start });
    expect(backwards.status).toBe(400);
    expect(backwards.body.details[0].field).toBe('endsAt');
    const got = await t.http.get(`/api/v1/courses/${c.id}`);
    expect(got.body.sessions).toHaveLength(1);

    expect(
      (await t.http.patch(`/api/v1/courses/${c.id}`).set(otherProvider.auth).send({ capacity: 5 })).status,
    ).toBe(404);
    expect(
      (
        await t.http
          .post(`/api/v1/courses/${c.id}/sessions`)
          .set(otherProvider.auth)
          .send({ startsAt: start, endsAt: end })
      ).status,
    ).toBe(404);
    expect((await t.http.get(`/api/v1/courses/${c.id}/enrollments`).set(otherProvider.auth)).status).toBe(
      404,
    );
    // The officer of the area manages it too.
    expect(
      (await t.http.patch(`/api/v1/courses/${c.id}`).set(officer.auth).send({ title: '茶叶加工（春季班）' }))
        .status,
    ).toBe(200);
  });

  it('a cancelled course leaves the public list but can still be read', async () => {
    const c = await createCourse(t.http, provider, { skills: [{ code: 'care.elderly', level: 2 }] });
    const res = await t.http
      .patch(`/api/v1/courses/${c.id}`)
      .set(provider.auth)
      .send({ status: 'cancelled' });
    expect(res.status).toBe(200);
    const list = await t.http.get('/api/v1/courses').query({ skill: 'care.elderly' });
    expect(list.body.items.map((x: { id: string }) => x.id)).not.toContain(c.id);
    expect((await t.http.get(`/api/v1/courses/${c.id}`)).body.status).toBe('cancelled');
  });

  it('404 for an unknown course, 400 for a malformed id', async () => {
    expect((await t.http.get('/api/v1/courses/00000000-0000-4000-8000-000000000000')).status).toBe(404);
    expect((await t.http.get('/api/v1/courses/not-a-uuid')).status).toBe(400);
  });
});

describe('training: TrainingService.upcomingCoursesTeaching (skill-gap courses for matching)', () => {
  let t: TestApp;
  let provider: Session;

  beforeAll(async () => {
    t = await createTestApp();
    const admin = await loginAdmin(t.http);
    provider = await staff(t.http, admin, 'provider');
  });
  afterAll(async () => {
    await t.close();
  });

  it('returns open upcoming courses with seats that teach the skill and are reachable from the site', async () => {
    const skill = 'sewing.machine';
    // The site: 文斗镇, 利川市 (county 422802).
    const near = { latitude: 30.06, longitude: 108.75, regionCode: '422802107' };
    const sameCountyNoCoords = await createCourse(t.http, provider, {
      skills: [{ code: skill, level: 2 }],
      regionCode: '422802',
      latitude: undefined,
      longitude: undefined,
    });
    // About 11 km east, but in another county: reachable only through the distance.
    const close = await createCourse(t.http, provider, {
      skills: [{ code: skill, level: 2 }],
      regionCode: '422801',
      latitude: 30.06,
      longitude: 108.864,
    });
    // Far away in another county: out of reach.
    const far = await createCourse(t.http, provider, {
      skills: [{ code: skill, level: 2 }],
      regionCode: '422801',
      latitude: 30.3,
      longitude: 109.48,
    });
    const started = await createCourse(t.http, provider, {
      skills: [{ code: skill, level: 2 }],
      startDate: daysFromNow(-2),
      endDate: daysFromNow(5),
    });
    const otherSkill = await createCourse(t.http, provider, { skills: [{ code: 'driving.c1', level: 2 }] });
    const cancelled = await createCourse(t.http, provider, { skills: [{ code: skill, level: 2 }] });
    await t.http
      .patch(`/api/v1/courses/${cancelled.id}`)
      .set(provider.auth)
      .send({ status: 'cancelled' })
      .expect(200);

    const training = t.app.get(TrainingService);
    const found = await training.upcomingCoursesTeaching([skill, 'no.such'], near, {
      withinKm: 20,
      limit: 10,
    });
    const ids = found.map((c) => c.id);
    expect(ids).toEqual([close.id, sameCountyNoCoords.id]);
    for (const id of [far.id, started.id, otherSkill.id, cancelled.id]) expect(ids).not.toContain(id);
    expect(found[0].distanceKm).toBeCloseTo(11, 0);
    expect(found[0]).toMatchObject({
      regionCode: '422801',
      seatsLeft: 30,
      skills: [{ code: skill, level: 2 }],
    });
    expect(found[1].distanceKm).toBeNull();

    const narrow = await training.upcomingCoursesTeaching([skill], near, { withinKm: 5, limit: 10 });
    expect(narrow.map((c) => c.id)).toEqual([sameCountyNoCoords.id]);
    expect(await training.upcomingCoursesTeaching([], near, { withinKm: 20, limit: 10 })).toEqual([]);
  });
});

describe('training: enrolments (API.md "POST /courses/:id/enrollments", "POST /enrollments/:id/complete")', () => {
  let t: TestApp;
  let admin: Session;
  let provider: Session;
  let otherProvider: Session;
  let officer: Session;
  let otherOfficer: Session;
  let householdId: string;

  beforeAll(async () => {
    t = await createTestApp();
    admin = await loginAdmin(t.http);
    provider = await staff(t.http, admin, 'provider');
    otherProvider = await staff(t.http, admin, 'provider');
    const site = await createSite(t.http, admin);
    const otherSite = await createSite(t.http, admin);
    officer = await staff(t.http, admin, 'officer', { siteIds: [site.id] });
    otherOfficer = await staff(t.http, admin, 'officer', { siteIds: [otherSite.id] });
    householdId = (await createHousehold(t.http, officer, site.id)).id;
  });
  afterAll(async () => {
    await t.close();
  });

  const enrol = (who: Session, courseId: string, residentId: string) =>
    t.http.post(`/api/v1/courses/${courseId}/enrollments`).set(who.auth).send({ residentId });
  const step = (who: Session, enrollmentId: string, action: 'attend' | 'complete' | 'drop') =>
    t.http.post(`/api/v1/enrollments/${enrollmentId}/${action}`).set(who.auth).send();

  it('a resident enrols themself, once; sees it in their list; cannot enrol someone else', async () => {
    const { session, resident } = await residentAccount(t.http, officer, householdId);
    const neighbour = await createResident(t.http, officer, householdId);
    const c = await createCourse(t.http, provider);

    const res = await enrol(session, c.id, resident.id);
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ status: 'enrolled', courseId: c.id, residentId: resident.id });
    expect(typeof res.body.id).toBe('string');
    expect((await t.http.get(`/api/v1/courses/${c.id}`)).body).toMatchObject({
      enrolledCount: 1,
      seatsLeft: 29,
    });

    const again = await enrol(session, c.id, resident.id);
    expect(again.status).toBe(409);
    expect((await enrol(session, c.id, neighbour.id)).status).toBe(404);

    const mine = await t.http.get('/api/v1/enrollments').query({ residentId: resident.id }).set(session.auth);
    expect(mine.status).toBe(200);
    expect(mine.body.total).toBe(1);
    expect(mine.body.items[0]).toMatchObject({
      id: res.body.id,
      status: 'enrolled',
      course: { title: c.title },
    });
    const theirs = await t.http
      .get('/api/v1/enrollments')
      .query({ residentId: neighbour.id })
      .set(session.auth);
    expect(theirs.status).toBe(404);
  });

  it('an officer enrols a resident of their site; an officer of another site gets 404', async () => {
    const resident = await createResident(t.http, officer, householdId);
    const c = await createCourse(t.http, provider);
    const outside = await enrol(otherOfficer, c.id, resident.id);
    expect(outside.status).toBe(404);
    const res = await enrol(officer, c.id, resident.id);
    expect(res.status).toBe(201);
    expect(res.body.status).toBe('enrolled');
    const list = await t.http.get(`/api/v1/courses/${c.id}/enrollments`).set(provider.auth);
    expect(list.status).toBe(200);
    expect(list.body.items).toEqual([
      expect.objectContaining({ id: res.body.id, residentId: resident.id, residentName: resident.name }),
    ]);
    expect((await enrol(officer, '00000000-0000-4000-8000-000000000000', resident.id)).status).toBe(404);
    expect((await enrol(officer, c.id, 'not-a-uuid')).status).toBe(400);
  });

  it('a full course answers 409; a dropped seat can be taken again', async () => {
    const a = await createResident(t.http, officer, householdId);
    const b = await createResident(t.http, officer, householdId);
    const c = await createCourse(t.http, provider, { capacity: 1 });
    const first = await enrol(officer, c.id, a.id);
    expect(first.status).toBe(201);
    const second = await enrol(officer, c.id, b.id);
    expect(second.status).toBe(409);
    expect((await t.http.get(`/api/v1/courses/${c.id}`)).body).toMatchObject({
      enrolledCount: 1,
      seatsLeft: 0,
    });

    expect((await step(officer, first.body.id, 'drop')).status).toBe(200);
    expect((await t.http.get(`/api/v1/courses/${c.id}`)).body.seatsLeft).toBe(1);
    expect((await enrol(officer, c.id, b.id)).status).toBe(201);
    // The dropped resident may come back once a seat is free again; here there is none.
    expect((await enrol(officer, c.id, a.id)).status).toBe(409);
  });

  it('two concurrent enrolments for the last seat: exactly one wins', async () => {
    const a = await createResident(t.http, officer, householdId);
    const b = await createResident(t.http, officer, householdId);
    const c = await createCourse(t.http, provider, { capacity: 1 });
    const results = await Promise.all([enrol(officer, c.id, a.id), enrol(officer, c.id, b.id)]);
    expect(results.map((r) => r.status).sort()).toEqual([201, 409]);
    const list = await t.http.get(`/api/v1/courses/${c.id}/enrollments`).set(provider.auth);
    expect(list.body.total).toBe(1);
    expect((await t.http.get(`/api/v1/courses/${c.id}`)).body.enrolledCount).toBe(1);
  });

  it('the same resident enrolled twice at once: one enrolment', async () => {
    const a = await createResident(t.http, officer, householdId);
    const c = await createCourse(t.http, provider, { capacity: 10 });
    const results = await Promise.all([enrol(officer, c.id, a.id), enrol(officer, c.id, a.id)]);
    expect(results.map((r) => r.status).sort()).toEqual([201, 409]);
    expect((await t.http.get(`/api/v1/courses/${c.id}`)).body.enrolledCount).toBe(1);
  });

  it('transitions are checked: enrolled → attending → completed; anything else from a final status is 409', async () => {
    const { session, resident } = await residentAccount(t.http, officer, householdId);
    const c = await createCourse(t.http, provider, { skills: [{ code: 'sewing.machine', level: 2 }] });
    const e = (await enrol(session, c.id, resident.id)).body;

    // A resident may leave, but not record their own attendance or completion.
    expect((await step(session, e.id, 'attend')).status).toBe(403);
    expect((await step(session, e.id, 'complete')).status).toBe(403);

    const attend = await step(provider, e.id, 'attend');
    expect(attend.status).toBe(200);
    expect(attend.body.status).toBe('attending');
    expect((await step(provider, e.id, 'attend')).status).toBe(409);
    const done = await step(provider, e.id, 'complete');
    expect(done.status).toBe(200);
    expect(done.body.status).toBe('completed');
    expect(done.body.completedAt).not.toBeNull();
    expect(done.body.history.map((h: { status: string }) => h.status)).toEqual([
      'enrolled',
      'attending',
      'completed',
    ]);
    const illegal = await step(provider, e.id, 'drop');
    expect(illegal.status).toBe(409);
    expect((await step(session, e.id, 'drop')).status).toBe(409);
    expect((await step(provider, e.id, 'complete')).status).toBe(409);

    // dropped is final too
    const c2 = await createCourse(t.http, provider);
    const e2 = (await enrol(session, c2.id, resident.id)).body;
    expect((await step(session, e2.id, 'drop')).status).toBe(200);
    expect((await step(provider, e2.id, 'attend')).status).toBe(409);
    expect((await step(provider, e2.id, 'complete')).status).toBe(409);
  });

  it('a cancelled course takes no enrolments and records no progress; dropping still works', async () => {
    const a = await createResident(t.http, officer, householdId);
    const b = await createResident(t.http, officer, householdId);
    const c = await createCourse(t.http, provider);
    const e = (await enrol(officer, c.id, a.id)).body;
    await t.http
      .patch(`/api/v1/courses/${c.id}`)
      .set(provider.auth)
      .send({ status: 'cancelled' })
      .expect(200);
    expect((await enrol(officer, c.id, b.id)).status).toBe(409);
    expect((await step(provider, e.id, 'attend')).status).toBe(409);
    expect((await step(provider, e.id, 'complete')).status).toBe(409);
    expect((await step(officer, e.id, 'drop')).status).toBe(200);
  });

  it('the provider of another course gets 404 on its enrolments', async () => {
    const resident = await createResident(t.http, officer, householdId);
    const c = await createCourse(t.http, provider);
    const e = (await enrol(officer, c.id, resident.id)).body;
    expect((await step(otherProvider, e.id, 'attend')).status).toBe(404);
    expect((await step(otherProvider, e.id, 'complete')).status).toBe(404);
    expect((await step(otherProvider, e.id, 'drop')).status).toBe(404);
    expect((await t.http.get(`/api/v1/courses/${c.id}/enrollments`).set(otherProvider.auth)).status).toBe(
      404,
    );
    // An officer of any site in the course's county runs courses there (ScopePolicy.managesCourse).
    expect((await step(otherOfficer, e.id, 'complete')).status).toBe(200);
  });

  it('completion grants the skills at the course level, never lowers a higher one, and writes outbox rows', async () => {
    const resident = await createResident(t.http, officer, householdId, {
      skills: [
        { code: 'tea.picking', level: 2 },
        { code: 'cooking.chinese', level: 4 },
      ],
    });
    const c = await createCourse(t.http, provider, {
      skills: [
        { code: 'tea.picking', level: 3 },
        { code: 'tea.processing', level: 3 },
        { code: 'cooking.chinese', level: 2 },
      ],
    });
    const e = (await enrol(officer, c.id, resident.id)).body;
    const ds = t.app.get(DataSource);
    const residentChanges = async (): Promise<number> => {
      const rows = await ds.query<{ n: number }[]>(
        `SELECT count(*)::int AS n FROM outbox_event WHERE kind = 'resident.changed' AND entity_id = $1`,
        [resident.id],
      );
      return rows[0].n;
    };
    const changesBefore = await residentChanges();
    // enrolled → completed directly: a short course without an attendance step
    expect((await step(provider, e.id, 'complete')).status).toBe(200);

    type Skill = { code: string; level: number; source: string; sourceRef: string | null };
    const skillsOf = async (): Promise<Map<string, Skill>> => {
      const r = await t.http.get(`/api/v1/residents/${resident.id}`).set(officer.auth);
      expect(r.status).toBe(200);
      return new Map((r.body.skills as Skill[]).map((s) => [s.code, s]));
    };
    let skills = await skillsOf();
    expect(skills.get('tea.picking')).toMatchObject({ level: 3, source: 'training', sourceRef: c.id });
    expect(skills.get('tea.processing')).toMatchObject({ level: 3, source: 'training', sourceRef: c.id });
    expect(skills.get('cooking.chinese')?.level).toBe(4);

    // A lower-level course does not lower the level.
    const basic = await createCourse(t.http, provider, { skills: [{ code: 'tea.picking', level: 1 }] });
    const e2 = (await enrol(officer, basic.id, resident.id)).body;
    expect((await step(officer, e2.id, 'complete')).status).toBe(200);
    skills = await skillsOf();
    expect(skills.get('tea.picking')?.level).toBe(3);

    // The resident's own change event (re-ranking) is written with the completion.
    expect(await residentChanges()).toBeGreaterThan(changesBefore);
    const completed: { entity_id: string; version: number; payload: Record<string, unknown> }[] =
      await ds.query(
        `SELECT entity_id, version, payload FROM outbox_event WHERE kind = 'enrollment.completed' AND entity_id = ANY($1)`,
        [[e.id, e2.id]],
      );
    expect(completed).toHaveLength(2);
    expect(completed.find((r) => r.entity_id === e.id)).toMatchObject({
      version: 1,
      payload: { residentId: resident.id, courseId: c.id },
    });
    const audit: { n: number }[] = await ds.query(
      `SELECT count(*)::int AS n FROM audit_entry WHERE action = 'enrollment.complete' AND entity_id = ANY($1)`,
      [[e.id, e2.id]],
    );
    expect(audit[0].n).toBe(2);
  });
});
