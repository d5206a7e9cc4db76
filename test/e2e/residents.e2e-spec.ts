import { DataSource } from 'typeorm';
import { HouseholdsService } from '../../src/residents/households.service';
import { ResidentsDirectory } from '../../src/residents/residents-directory';
import { createTestApp, type TestApp } from '../support/app';
import {
  createSite,
  lastSmsCode,
  login,
  loginAdmin,
  PASSWORD,
  staff,
  uniquePhone,
  type Session,
} from '../support/factories';
import {
  createHousehold,
  createResident,
  makeNationalId,
  residentAccount,
  residentBody,
  uniqueNationalId,
  yearsAgo,
} from '../support/residents-factories';

type Officer = Session & { phone: string };

describe('households and residents (API.md, issue 3 item 2, issue 7 item 5)', () => {
  let t: TestApp;
  let ds: DataSource;
  let admin: Session;
  let siteA: { id: string; regionCode: string };
  let siteB: { id: string; regionCode: string };
  let officerA: Officer;
  let officerB: Officer;
  /** Officer of 白杨坝镇 (422802101): the origin region of `originHousehold`, not of site A. */
  let originOfficer: Officer;

  beforeAll(async () => {
    t = await createTestApp();
    ds = t.app.get(DataSource);
    admin = await loginAdmin(t.http);
    siteA = await createSite(t.http, admin);
    siteB = await createSite(t.http, admin, { regionCode: '422802103' });
    officerA = await staff(t.http, admin, 'officer', { siteIds: [siteA.id] });
    officerB = await staff(t.http, admin, 'officer', { siteIds: [siteB.id] });
    originOfficer = await staff(t.http, admin, 'officer', { regionCodes: ['422802101'] });
  }, 60_000);
  afterAll(async () => {
    await t.close();
  });

  const household = (id: string) => t.http.get(`/api/v1/households/${id}`).set(officerA.auth);

  it('creates a household and a resident; the national ID is encrypted, masked and never returned', async () => {
    const h = await createHousehold(t.http, officerA, siteA.id, { monitoringStatus: 'marginal' });
    expect(h).toMatchObject({
      siteId: siteA.id,
      originRegionCode: '422802107',
      monitoringStatus: 'marginal',
      laborCapableMembers: 0,
      zeroEmployment: false,
    });
    const body = residentBody(h.id, { certificates: [{ type: 'health', expiresAt: '2030-01-31' }] });
    const res = await t.http.post('/api/v1/residents').set(officerA.auth).send(body);
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      householdId: h.id,
      siteId: siteA.id,
      name: body.name,
      status: 'active',
      version: 1,
      nationalIdMasked: `${body.nationalId.slice(0, 6)}********${body.nationalId.slice(-4)}`,
      phoneMasked: `${body.phone!.slice(0, 3)}****${body.phone!.slice(-4)}`,
      preferences: { industries: ['tea', 'garments'], wageMin: 2500, schedules: ['full_time', 'flexible'] },
      skills: [{ code: 'tea.picking', level: 2, source: 'officer', sourceRef: null }],
      certificates: [{ type: 'health', expiresAt: '2030-01-31' }],
    });
    expect(res.body.nationalId).toBeUndefined();
    expect(JSON.stringify(res.body)).not.toContain(body.nationalId);
    expect(JSON.stringify(res.body)).not.toContain(body.phone);

    // The raw table holds neither the clear ID nor the clear phone.
    const raw: Record<string, unknown>[] = await ds.query('SELECT * FROM resident WHERE id = $1', [
      res.body.id,
    ]);
    expect(raw).toHaveLength(1);
    const dump = JSON.stringify(raw);
    expect(dump).not.toContain(body.nationalId);
    expect(dump).not.toContain(body.nationalId.slice(6, 14) + body.nationalId.slice(14, 17));
    expect(dump).not.toContain(body.phone);
    expect(String(raw[0].national_id_encrypted)).toMatch(/^v1\./);

    const get = await t.http.get(`/api/v1/residents/${res.body.id}`).set(officerA.auth).expect(200);
    expect(JSON.stringify(get.body)).not.toContain(body.nationalId);

    // One new labour-capable member, unemployed: a zero-employment household.
    const hh = await household(h.id).expect(200);
    expect(hh.body).toMatchObject({ laborCapableMembers: 1, employedMembers: 0, zeroEmployment: true });
    expect(hh.body.atRiskSince).toEqual(expect.any(String));
    expect(hh.body.members).toEqual([expect.objectContaining({ id: res.body.id, name: body.name })]);

    // The creation wrote an outbox event for the matching worker.
    const events: { kind: string; version: number }[] = await ds.query(
      'SELECT kind, version FROM outbox_event WHERE entity_id = $1',
      [res.body.id],
    );
    expect(events).toEqual([{ kind: 'resident.changed', version: 1 }]);
  });

  it('answers 400 naming the field for bad IDs, mismatched dates, unknown skills, unknown fields and bad enums', async () => {
    const h = await createHousehold(t.http, officerA, siteA.id);
    const post = (over: Record<string, unknown>) =>
      t.http
        .post('/api/v1/residents')
        .set(officerA.auth)
        .send({ ...residentBody(h.id), ...over });
    const fieldsOf = (res: { body: { details?: { field: string }[] } }) =>
      (res.body.details ?? []).map((d) => d.field);

    const good = uniqueNationalId({ birthDate: '1990-05-20', gender: 'female' }).nationalId;
    const badCheck = good.slice(0, 17) + (good[17] === '1' ? '2' : '1');
    const r1 = await post({ nationalId: badCheck, birthDate: '1990-05-20', gender: 'female' });
    expect(r1.status).toBe(400);
    expect(fieldsOf(r1)).toEqual(['nationalId']);
    expect(r1.body.details[0].message).toMatch(/check character/);

    const r2 = await post({ nationalId: makeNationalId('422802', '1990-02-30', 2) });
    expect(r2.status).toBe(400);
    expect(fieldsOf(r2)).toEqual(['nationalId']);
    expect(r2.body.details[0].message).toMatch(/birth date/);

    const r3 = await post({ nationalId: good, birthDate: '1990-05-21', gender: 'female' });
    expect(r3.status).toBe(400);
    expect(fieldsOf(r3)).toEqual(['birthDate']);

    const r4 = await post({ nationalId: good, birthDate: '1990-05-20', gender: 'male' });
    expect(r4.status).toBe(400);
    expect(fieldsOf(r4)).toEqual(['gender']);

    const name = `未知技能 ${Date.now()}`;
    const r5 = await post({
      name,
      skills: [
        { code: 'tea.picking', level: 1 },
        { code: 'no.such.skill', level: 2 },
      ],
    });
    expect(r5.status).toBe(400);
    expect(fieldsOf(r5)).toEqual(['skills[1].code']);
    // Nothing half-written: no resident, household figures untouched.
    expect(await ds.query('SELECT id FROM resident WHERE name = $1', [name])).toEqual([]);
    expect((await household(h.id)).body.laborCapableMembers).toBe(0);

    const r6 = await post({ isAdmin: true });
    expect(r6.status).toBe(400);
    expect(fieldsOf(r6)).toEqual(['isAdmin']);

    const r7 = await post({ laborCapacity: 'some', employmentStatus: 'busy', education: 'phd' });
    expect(r7.status).toBe(400);
    expect(fieldsOf(r7).sort()).toEqual(['education', 'employmentStatus', 'laborCapacity']);

    const r8 = await post({
      preferences: { industries: ['mining'], schedules: ['nights'], willingToWorkAway: 'yes' },
      skills: [{ code: 'tea.picking', level: 5 }],
      phone: '12345',
    });
    expect(r8.status).toBe(400);
    expect(fieldsOf(r8)).toEqual(
      expect.arrayContaining([
        'preferences.industries',
        'preferences.schedules',
        'preferences.willingToWorkAway',
        'skills.0.level',
        'phone',
      ]),
    );

    const r9 = await t.http
      .post('/api/v1/households')
      .set(officerA.auth)
      .send({ siteId: siteA.id, originRegionCode: '999999', monitoringStatus: 'poor' });
    expect(r9.status).toBe(400);
    expect(fieldsOf(r9)).toEqual(['monitoringStatus']);
    const r10 = await t.http
      .post('/api/v1/households')
      .set(officerA.auth)
      .send({ siteId: siteA.id, originRegionCode: '999999', monitoringStatus: 'none' });
    expect(r10.status).toBe(400);
    expect(fieldsOf(r10)).toEqual(['originRegionCode']);
  });

  it('a duplicate national ID is 409 and leaves no second record', async () => {
    const h = await createHousehold(t.http, officerA, siteA.id);
    const first = await createResident(t.http, officerA, h.id);
    const h2 = await createHousehold(t.http, officerA, siteA.id);
    const res = await t.http
      .post('/api/v1/residents')
      .set(officerA.auth)
      .send(
        residentBody(h2.id, {
          nationalId: first.nationalId,
          birthDate: String(first.birthDate),
          gender: first.gender as 'female',
        }),
      );
    expect(res.status).toBe(409);
    expect((await household(h2.id)).body.members).toEqual([]);
  });

  it('officers of another site get 404; origin-region officers read but may not change', async () => {
    const h = await createHousehold(t.http, officerA, siteA.id, { originRegionCode: '422802101' });
    const r = await createResident(t.http, officerA, h.id);

    expect((await t.http.get(`/api/v1/residents/${r.id}`).set(officerB.auth)).status).toBe(404);
    expect(
      (await t.http.patch(`/api/v1/residents/${r.id}`).set(officerB.auth).send({ careDuties: true })).status,
    ).toBe(404);
    expect((await t.http.get(`/api/v1/households/${h.id}`).set(officerB.auth)).status).toBe(404);
    expect(
      (
        await t.http
          .patch(`/api/v1/households/${h.id}`)
          .set(officerB.auth)
          .send({ monitoringStatus: 'unstable' })
      ).status,
    ).toBe(404);
    const listB = await t.http
      .get('/api/v1/residents')
      .query({ siteId: siteA.id })
      .set(officerB.auth)
      .expect(200);
    expect(listB.body.total).toBe(0);
    // A household at site B cannot be created by an officer of site A.
    expect(
      (
        await t.http
          .post('/api/v1/households')
          .set(officerA.auth)
          .send({ siteId: siteB.id, originRegionCode: '422802107', monitoringStatus: 'none' })
      ).status,
    ).toBe(403);
    // Nor a resident put into a household they cannot see.
    const hb = await createHousehold(t.http, officerB, siteB.id);
    const intoB = await t.http.post('/api/v1/residents').set(officerA.auth).send(residentBody(hb.id));
    expect(intoB.status).toBe(400);
    expect(intoB.body.details[0].field).toBe('householdId');

    expect((await t.http.get(`/api/v1/households/${h.id}`).set(originOfficer.auth)).status).toBe(200);
    expect((await t.http.get(`/api/v1/residents/${r.id}`).set(originOfficer.auth)).status).toBe(200);
    const listO = await t.http.get('/api/v1/households').set(originOfficer.auth).expect(200);
    expect(listO.body.items.map((x: { id: string }) => x.id)).toContain(h.id);
    expect(
      (
        await t.http
          .patch(`/api/v1/households/${h.id}`)
          .set(originOfficer.auth)
          .send({ monitoringStatus: 'hardship' })
      ).status,
    ).toBe(403);
    expect(
      (await t.http.patch(`/api/v1/residents/${r.id}`).set(originOfficer.auth).send({ careDuties: true }))
        .status,
    ).toBe(403);
    expect(
      (await t.http.post('/api/v1/residents').set(originOfficer.auth).send(residentBody(h.id))).status,
    ).toBe(403);
  });

  it('lists residents by site and name, auditing every record read', async () => {
    const h = await createHousehold(t.http, officerA, siteA.id);
    const r = await createResident(t.http, officerA, h.id, { name: `向红梅${process.pid}` });
    const list = await t.http
      .get('/api/v1/residents')
      .query({ siteId: siteA.id, q: '红梅' })
      .set(officerA.auth)
      .expect(200);
    expect(list.body).toMatchObject({ total: 1, page: 1, pageSize: 20 });
    expect(list.body.items[0]).toMatchObject({ id: r.id, nationalIdMasked: r.nationalIdMasked });
    expect(JSON.stringify(list.body)).not.toContain(r.nationalId);
    await t.http.get(`/api/v1/residents/${r.id}`).set(officerA.auth).expect(200);
    const audit: { action: string; actor_id: string }[] = await ds.query(
      "SELECT action, actor_id FROM audit_entry WHERE entity_type = 'resident' AND entity_id = $1 AND action = 'resident.read'",
      [r.id],
    );
    expect(audit.length).toBeGreaterThanOrEqual(2);
    expect(audit.every((a) => a.actor_id === officerA.userId)).toBe(true);
    const bad = await t.http.get('/api/v1/households').query({ zeroEmployment: 'maybe' }).set(officerA.auth);
    expect(bad.status).toBe(400);
  });

  it('keeps household figures right through every change; the zero-employment flag flips', async () => {
    const h = await createHousehold(t.http, officerA, siteA.id);
    const a = await createResident(t.http, officerA, h.id, { employmentStatus: 'unemployed' });
    const b = await createResident(t.http, officerA, h.id, {
      employmentStatus: 'student',
      laborCapacity: 'partial',
    });
    // Outside working age or without labour capacity: not counted.
    await createResident(t.http, officerA, h.id, { birthDate: yearsAgo(70), employmentStatus: 'retired' });
    await createResident(t.http, officerA, h.id, { birthDate: yearsAgo(12), employmentStatus: 'student' });
    await createResident(t.http, officerA, h.id, { laborCapacity: 'none', employmentStatus: 'not_seeking' });
    let hh = (await household(h.id)).body;
    expect(hh).toMatchObject({ laborCapableMembers: 2, employedMembers: 0, zeroEmployment: true });

    const zeroList = await t.http
      .get('/api/v1/households')
      .query({ siteId: siteA.id, zeroEmployment: 'true', pageSize: 100 })
      .set(officerA.auth)
      .expect(200);
    expect(zeroList.body.items.map((x: { id: string }) => x.id)).toContain(h.id);

    await t.http
      .patch(`/api/v1/residents/${a.id}`)
      .set(officerA.auth)
      .send({ employmentStatus: 'employed' })
      .expect(200);
    hh = (await household(h.id)).body;
    expect(hh).toMatchObject({
      laborCapableMembers: 2,
      employedMembers: 1,
      zeroEmployment: false,
      atRiskSince: null,
    });
    const notZero = await t.http
      .get('/api/v1/households')
      .query({ siteId: siteA.id, zeroEmployment: 'true', pageSize: 100 })
      .set(officerA.auth)
      .expect(200);
    expect(notZero.body.items.map((x: { id: string }) => x.id)).not.toContain(h.id);

    // The only employed member loses labour capacity: the other one is left without work.
    await t.http
      .patch(`/api/v1/residents/${a.id}`)
      .set(officerA.auth)
      .send({ laborCapacity: 'none' })
      .expect(200);
    hh = (await household(h.id)).body;
    expect(hh).toMatchObject({ laborCapableMembers: 1, employedMembers: 0, zeroEmployment: true });

    // Moving b to another household recomputes both.
    const h2 = await createHousehold(t.http, officerA, siteA.id);
    await t.http
      .patch(`/api/v1/residents/${b.id}`)
      .set(officerA.auth)
      .send({ householdId: h2.id })
      .expect(200);
    expect((await household(h.id)).body).toMatchObject({ laborCapableMembers: 0, zeroEmployment: false });
    expect((await household(h2.id)).body).toMatchObject({ laborCapableMembers: 1, zeroEmployment: true });
  });

  it('officer edits are audited with both identities and bump the version with an outbox event', async () => {
    const h = await createHousehold(t.http, officerA, siteA.id);
    const r = await createResident(t.http, officerA, h.id);
    const res = await t.http
      .patch(`/api/v1/residents/${r.id}`)
      .set(officerA.auth)
      .send({ skills: [{ code: 'tea.processing', level: 3 }], preferences: { wageMin: null } })
      .expect(200);
    expect(res.body.version).toBe(2);
    expect(res.body.skills).toEqual([
      { code: 'tea.processing', level: 3, source: 'officer', sourceRef: null },
    ]);
    expect(res.body.preferences).toMatchObject({ wageMin: null, industries: ['tea', 'garments'] });
    const audit: { actor_id: string; on_behalf_of_resident_id: string; details: { fields: string[] } }[] =
      await ds.query(
        "SELECT actor_id, on_behalf_of_resident_id, details FROM audit_entry WHERE action = 'resident.update' AND entity_id = $1",
        [r.id],
      );
    expect(audit).toEqual([
      {
        actor_id: officerA.userId,
        on_behalf_of_resident_id: r.id,
        details: { fields: ['preferences', 'skills'] },
      },
    ]);
    const events: { version: number }[] = await ds.query(
      "SELECT version FROM outbox_event WHERE kind = 'resident.changed' AND entity_id = $1 ORDER BY id",
      [r.id],
    );
    expect(events.map((e) => e.version)).toEqual([1, 2]);

    // A name-only change does not disturb matching.
    const renamed = await t.http
      .patch(`/api/v1/residents/${r.id}`)
      .set(officerA.auth)
      .send({ name: '改名' })
      .expect(200);
    expect(renamed.body.version).toBe(2);

    // A household's monitoring status change re-ranks each member.
    await t.http
      .patch(`/api/v1/households/${h.id}`)
      .set(officerA.auth)
      .send({ monitoringStatus: 'hardship' })
      .expect(200);
    expect((await t.http.get(`/api/v1/residents/${r.id}`).set(officerA.auth)).body.version).toBe(3);
  });

  it('a resident reads and edits their own profile, but not verified fields nor anyone else', async () => {
    const h = await createHousehold(t.http, officerA, siteA.id);
    const { session, resident } = await residentAccount(t.http, officerA, h.id);
    const other = await createResident(t.http, officerA, h.id);

    const own = await t.http.get(`/api/v1/residents/${resident.id}`).set(session.auth).expect(200);
    expect(own.body.id).toBe(resident.id);
    expect((await t.http.get(`/api/v1/residents/${other.id}`).set(session.auth)).status).toBe(404);
    expect(
      (await t.http.patch(`/api/v1/residents/${other.id}`).set(session.auth).send({ jobAlerts: false }))
        .status,
    ).toBe(404);
    expect((await t.http.get('/api/v1/residents').set(session.auth)).status).toBe(403);

    const phone = uniquePhone();
    const edited = await t.http
      .patch(`/api/v1/residents/${resident.id}`)
      .set(session.auth)
      .send({
        phone,
        consentToShare: false,
        jobAlerts: false,
        preferences: { industries: ['catering'], schedules: ['part_time'] },
        skills: [{ code: 'tea.picking', level: 1 }],
      });
    expect(edited.status).toBe(200);
    expect(edited.body).toMatchObject({
      consentToShare: false,
      jobAlerts: false,
      phoneMasked: `${phone.slice(0, 3)}****${phone.slice(-4)}`,
      preferences: { industries: ['catering'], schedules: ['part_time'], wageMin: 2500 },
    });
    // The officer-recorded level stays: a resident cannot lower what an officer established.
    expect(edited.body.skills).toEqual([
      { code: 'tea.picking', level: 2, source: 'officer', sourceRef: null },
    ]);
    const added = await t.http
      .patch(`/api/v1/residents/${resident.id}`)
      .set(session.auth)
      .send({ skills: [{ code: 'tea.processing', level: 1 }] })
      .expect(200);
    expect(added.body.skills).toEqual([
      { code: 'tea.picking', level: 2, source: 'officer', sourceRef: null },
      { code: 'tea.processing', level: 1, source: 'self', sourceRef: null },
    ]);
    // A self-edit is recorded without an on-behalf identity.
    const audit: { actor_id: string; on_behalf_of_resident_id: string | null }[] = await ds.query(
      "SELECT actor_id, on_behalf_of_resident_id FROM audit_entry WHERE action = 'resident.update' AND entity_id = $1",
      [resident.id],
    );
    expect(audit[0]).toEqual({ actor_id: session.userId, on_behalf_of_resident_id: null });

    for (const body of [
      { laborCapacity: 'none' },
      { employmentStatus: 'employed' },
      { householdId: h.id },
      { name: '别人' },
      { certificates: [{ type: 'electrician' }] },
    ]) {
      const res = await t.http.patch(`/api/v1/residents/${resident.id}`).set(session.auth).send(body);
      expect(res.status).toBe(403);
    }
    const status = await t.http
      .patch(`/api/v1/residents/${resident.id}`)
      .set(session.auth)
      .send({ status: 'active' });
    expect(status.status).toBe(400);
  });

  it('registration links a roster resident proven by the roster phone, else creates a pending one to confirm', async () => {
    const h = await createHousehold(t.http, officerA, siteA.id);
    const r = await createResident(t.http, officerA, h.id);
    /** Both steps (the code read from the dev SMS outbox); a refused first step is returned as is. */
    const register = async (over: Record<string, unknown>) => {
      const body = { phone: uniquePhone(), password: PASSWORD, name: '田小梅', role: 'resident', ...over };
      const start = await t.http.post('/api/v1/auth/register').send(body);
      if (start.status !== 202) return start;
      return t.http
        .post('/api/v1/auth/register/verify')
        .send({ phone: body.phone, code: lastSmsCode(String(body.phone)), ticket: start.body.ticket });
    };
    const residentOf = async (phone: string) =>
      (await t.http.get('/api/v1/me').set((await login(t.http, phone)).auth)).body.residentId as
        string | undefined;

    // The roster phone proves it is the person: linked.
    expect((await register({ phone: r.phoneClear, nationalId: r.nationalId })).status).toBe(201);
    expect(await residentOf(r.phoneClear!)).toBe(r.id);
    // The same person cannot be claimed by a second account: it gets no record (and is not told).
    const secondPhone = uniquePhone();
    expect((await register({ phone: secondPhone, nationalId: r.nationalId })).status).toBe(201);
    expect(await residentOf(secondPhone)).toBeUndefined();

    const bad = await register({
      nationalId: r.nationalId.slice(0, 17) + (r.nationalId[17] === '1' ? '2' : '1'),
    });
    expect(bad.status).toBe(400);
    expect(bad.body.details[0].field).toBe('nationalId');

    // Not on a roster and no site: an account without a record (the same answer as on a roster).
    const newcomer = uniqueNationalId({ birthDate: '1992-08-08', gender: 'male' });
    const noSitePhone = uniquePhone();
    expect((await register({ phone: noSitePhone, nationalId: newcomer.nationalId })).status).toBe(201);
    expect(await residentOf(noSitePhone)).toBeUndefined();

    const phone = uniquePhone();
    const pending = await register({
      phone,
      nationalId: newcomer.nationalId,
      siteId: siteA.id,
      name: '新来的',
    });
    expect(pending.status).toBe(201);
    // A typed ID on no roster waits for the site's officer as a roster ID does: linked at once, /me
    // would tell the registrant which IDs are on no roster (issue 12 finding 2, second pass).
    expect(await residentOf(phone)).toBeUndefined();
    const me = await login(t.http, phone);
    const claims: { residentId: string }[] = await ds.query(
      'SELECT resident_id AS "residentId" FROM resident_link_claim WHERE user_id = $1',
      [me.userId],
    );
    const pendingId = claims[0].residentId;
    expect((await t.http.get(`/api/v1/residents/${pendingId}`).set(me.auth)).status).toBe(404);
    const own = await t.http.get(`/api/v1/residents/${pendingId}`).set(officerA.auth).expect(200);
    expect(own.body).toMatchObject({
      status: 'pending',
      name: '新来的',
      birthDate: '1992-08-08',
      gender: 'male',
    });
    const ownHousehold = own.body.householdId as string;
    expect((await household(ownHousehold)).body).toMatchObject({ siteId: siteA.id, laborCapableMembers: 0 });

    const list = await t.http
      .get('/api/v1/residents')
      .query({ siteId: siteA.id, status: 'pending', pageSize: 100 })
      .set(officerA.auth)
      .expect(200);
    expect(list.body.items.map((x: { id: string }) => x.id)).toContain(pendingId);

    // The officer confirms and moves them into the right household; the placeholder goes away.
    expect(
      (await t.http.post(`/api/v1/residents/${pendingId}/confirm`).set(officerB.auth).send({})).status,
    ).toBe(404);
    // The ID typed at registration is not kept (it would let a later roster entry of that person
    // merge into the registrant's record): the officer enters it from the ID card.
    expect(
      (
        await t.http
          .post(`/api/v1/residents/${pendingId}/confirm`)
          .set(officerA.auth)
          .send({ householdId: h.id })
      ).status,
    ).toBe(400);
    const confirmed = await t.http
      .post(`/api/v1/residents/${pendingId}/confirm`)
      .set(officerA.auth)
      .send({ householdId: h.id, nationalId: newcomer.nationalId })
      .expect(200);
    expect(confirmed.body).toMatchObject({ status: 'active', householdId: h.id });
    expect((await household(ownHousehold)).status).toBe(404);
    expect((await household(h.id)).body.laborCapableMembers).toBe(2);
    expect(
      (await t.http.post(`/api/v1/residents/${pendingId}/confirm`).set(officerA.auth).send({})).status,
    ).toBe(409);

    // Without any national ID: pending, and confirmation needs one.
    const noIdPhone = uniquePhone();
    const noId = await register({ phone: noIdPhone, siteId: siteA.id, name: '无证' });
    expect(noId.status).toBe(201);
    const noIdResident = (await residentOf(noIdPhone))!;
    const refused = await t.http
      .post(`/api/v1/residents/${noIdResident}/confirm`)
      .set(officerA.auth)
      .send({});
    expect(refused.status).toBe(400);
    expect(refused.body.details[0].field).toBe('nationalId');
    const later = uniqueNationalId({ birthDate: '1980-01-15', gender: 'female' });
    const ok = await t.http
      .post(`/api/v1/residents/${noIdResident}/confirm`)
      .set(officerA.auth)
      .send({ nationalId: later.nationalId })
      .expect(200);
    expect(ok.body).toMatchObject({ status: 'active', birthDate: '1980-01-15', gender: 'female' });
    expect(JSON.stringify(ok.body)).not.toContain(later.nationalId);
  });

  it('a resident exports their own data and has it erased; the row stays, anonymous', async () => {
    const h = await createHousehold(t.http, officerA, siteA.id);
    const { session, resident } = await residentAccount(t.http, officerA, h.id);
    const other = await createResident(t.http, officerA, h.id);
    expect((await household(h.id)).body.laborCapableMembers).toBe(2);

    const exp = await t.http.get(`/api/v1/residents/${resident.id}/export`).set(session.auth).expect(200);
    expect(exp.body).toMatchObject({
      id: resident.id,
      phone: resident.phoneClear,
      nationalIdMasked: resident.nationalIdMasked,
      household: { id: h.id },
    });
    expect(JSON.stringify(exp.body)).not.toContain(resident.nationalId);
    expect((await t.http.get(`/api/v1/residents/${other.id}/export`).set(session.auth)).status).toBe(404);
    expect((await t.http.post(`/api/v1/residents/${other.id}/erase`).set(session.auth)).status).toBe(404);
    expect((await t.http.post(`/api/v1/residents/${resident.id}/erase`).set(officerA.auth)).status).toBe(403);

    const erased = await t.http.post(`/api/v1/residents/${resident.id}/erase`).set(session.auth).expect(200);
    expect(erased.body.erasedAt).toEqual(expect.any(String));
    const raw: Record<string, unknown>[] = await ds.query('SELECT * FROM resident WHERE id = $1', [
      resident.id,
    ]);
    expect(raw[0]).toMatchObject({
      name: '已注销',
      national_id_encrypted: null,
      national_id_hmac: null,
      national_id_masked: null,
      phone_encrypted: null,
      phone_hmac: null,
    });
    // The account is gone: the old token and the password no longer work.
    expect((await t.http.get(`/api/v1/residents/${resident.id}`).set(session.auth)).status).toBe(401);
    expect(
      (await t.http.post('/api/v1/auth/login').send({ phone: session.phone, password: PASSWORD })).status,
    ).toBe(401);
    expect((await household(h.id)).body.laborCapableMembers).toBe(1);
    const seen = await t.http.get(`/api/v1/residents/${resident.id}`).set(officerA.auth).expect(200);
    expect(seen.body).toMatchObject({ name: '已注销', nationalIdMasked: null, phoneMasked: null });
    expect(
      (await t.http.patch(`/api/v1/residents/${resident.id}`).set(officerA.auth).send({ careDuties: true }))
        .status,
    ).toBe(409);
    // The national ID is free again (the person could be registered anew).
    const again = await t.http
      .post('/api/v1/residents')
      .set(officerA.auth)
      .send(
        residentBody(h.id, {
          nationalId: resident.nationalId,
          birthDate: String(resident.birthDate),
          gender: resident.gender as 'female',
        }),
      );
    expect(again.status).toBe(201);
    // Admins may erase too.
    await t.http.post(`/api/v1/residents/${other.id}/erase`).set(admin.auth).expect(200);
  });

  it('service methods for other modules: residentRef, summaryFor, setEmployment, grantSkillsFromCourse', async () => {
    const svc = t.app.get(ResidentsDirectory);
    const h = await createHousehold(t.http, officerA, siteA.id, { originRegionCode: '422802101' });
    const r = await createResident(t.http, officerA, h.id, {
      skills: [
        { code: 'tea.picking', level: 3 },
        { code: 'tea.processing', level: 1 },
      ],
    });
    expect(await svc.residentRef(r.id)).toEqual({
      id: r.id,
      household: { id: h.id, originRegionCode: '422802101', site: { id: siteA.id, regionCode: '422802107' } },
    });
    expect(await svc.summaryFor(r.id)).toEqual({
      id: r.id,
      name: r.name,
      siteId: siteA.id,
      householdId: h.id,
      consentToShare: true,
      jobAlerts: true,
    });
    expect(await svc.residentRef('00000000-0000-4000-8000-000000000000')).toBeNull();

    const hired = await ds.transaction((m) => svc.setEmployment(m, r.id, true));
    expect(hired).toEqual({ householdId: h.id, zeroEmploymentBefore: true, zeroEmploymentAfter: false });
    const ended = await ds.transaction((m) => svc.setEmployment(m, r.id, false));
    expect(ended).toEqual({ householdId: h.id, zeroEmploymentBefore: false, zeroEmploymentAfter: true });

    const courseId = '11111111-1111-4111-8111-111111111111';
    await ds.transaction((m) =>
      svc.grantSkillsFromCourse(
        m,
        r.id,
        [
          { code: 'tea.picking', level: 2 },
          { code: 'tea.processing', level: 2 },
        ],
        courseId,
      ),
    );
    const after = await t.http.get(`/api/v1/residents/${r.id}`).set(officerA.auth).expect(200);
    expect(after.body.skills).toEqual([
      { code: 'tea.picking', level: 3, source: 'officer', sourceRef: null },
      { code: 'tea.processing', level: 2, source: 'training', sourceRef: courseId },
    ]);
    // create (1), two employment changes, one grant: each bumped the version with an outbox event.
    expect(after.body.version).toBe(4);
    const events: { version: number }[] = await ds.query(
      "SELECT version FROM outbox_event WHERE kind = 'resident.changed' AND entity_id = $1 ORDER BY id",
      [r.id],
    );
    expect(events.map((e) => e.version)).toEqual([1, 2, 3, 4]);

    // Ageing out of working age changes the figures without any write: the periodic recompute
    // catches it (simulated by moving the birth date).
    await ds.query(`UPDATE resident SET birth_date = current_date - interval '66 years' WHERE id = $1`, [
      r.id,
    ]);
    expect(await t.app.get(HouseholdsService).recomputeAll()).toBeGreaterThanOrEqual(1);
    expect((await household(h.id)).body).toMatchObject({ laborCapableMembers: 0, zeroEmployment: false });
  });
});
