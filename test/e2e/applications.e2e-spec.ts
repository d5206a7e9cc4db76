import {
  apply,
  hiringWorld,
  householdWithResident,
  inbox,
  moveApplication,
  openPosting,
  type HiringWorld,
} from '../support/applications-factories';
import { createHousehold, createResident, residentAccount, yearsAgo } from '../support/residents-factories';
import { createTestApp, type TestApp } from '../support/app';
import { employerWithRecord, type EmployerFixture } from '../support/postings-factories';

describe('applications (e2e)', () => {
  let t: TestApp;
  let w: HiringWorld;

  beforeAll(async () => {
    t = await createTestApp();
    w = await hiringWorld(t.http);
  });
  afterAll(() => t.close());

  it('apply → viewed → interview → offered → hired: placement, headcount filled, household at work', async () => {
    const { householdId, session, resident } = await householdWithResident(t.http, w);
    const before = await t.http.get(`/api/v1/households/${householdId}`).set(w.siteOfficer.auth);
    expect(before.body.zeroEmployment).toBe(true);
    const posting = await openPosting(t.http, w.employer.session, {
      headcount: 1,
      wageMin: 100,
      wageMax: 140,
      wageUnit: 'day',
    });

    const created = await t.http
      .post('/api/v1/applications')
      .set(session.auth)
      .send({ postingId: posting.id });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ status: 'applied', source: 'self', residentId: resident.id });
    const again = await t.http.post('/api/v1/applications').set(session.auth).send({ postingId: posting.id });
    expect(again.status).toBe(409);

    // The employer sees the applicant's name and (consenting resident) phone, never a national ID.
    const list = await t.http
      .get(`/api/v1/applications?postingId=${posting.id}`)
      .set(w.employer.session.auth);
    expect(list.status).toBe(200);
    expect(list.body.total).toBe(1);
    expect(list.body.items[0].applicant).toEqual({
      name: resident.name,
      phone: resident.phoneClear,
      phoneMasked: false,
    });
    expect(JSON.stringify(list.body)).not.toContain(resident.nationalId);
    expect(list.body.items[0].priority).toBeUndefined();

    const id = created.body.id as string;
    for (const status of ['viewed', 'interview', 'offered']) {
      const r = await moveApplication(t.http, w.employer.session, id, status);
      expect(r.status).toBe(200);
      expect(r.body.status).toBe(status);
    }
    const illegal = await moveApplication(t.http, w.employer.session, id, 'viewed');
    expect(illegal.status).toBe(409);
    expect(illegal.body.code).toBe('application.illegal_transition');
    expect(illegal.body.message).toMatch(/offered to viewed/);

    const hired = await moveApplication(t.http, w.employer.session, id, 'hired');
    expect(hired.status).toBe(200);
    expect(hired.body.status).toBe('hired');
    expect(hired.body.history.map((h: { to: string }) => h.to)).toEqual([
      'applied',
      'viewed',
      'interview',
      'offered',
      'hired',
    ]);

    const placement = await t.http
      .get(`/api/v1/placements/${hired.body.placementId}`)
      .set(w.siteOfficer.auth);
    expect(placement.status).toBe(200);
    expect(placement.body).toMatchObject({
      residentId: resident.id,
      householdId,
      postingId: posting.id,
      applicationId: id,
      kind: 'local_enterprise',
      employerName: w.employer.employer.name,
      monthlyIncome: 120 * 22,
      active: true,
    });

    const p = await t.http.get(`/api/v1/postings/${posting.id}`).set(w.employer.session.auth);
    expect(p.body).toMatchObject({ hiredCount: 1, status: 'filled' });
    const after = await t.http.get(`/api/v1/households/${householdId}`).set(w.siteOfficer.auth);
    expect(after.body.zeroEmployment).toBe(false);
    const me = await t.http.get(`/api/v1/residents/${resident.id}`).set(w.siteOfficer.auth);
    expect(me.body.employmentStatus).toBe('employed');

    const notes = await inbox(t.http, session, 'application.status_changed');
    expect(notes.map((n) => n.payload.status).sort()).toEqual(['hired', 'interview', 'offered', 'viewed']);
    expect(notes.every((n) => n.payload.applicationId === id)).toBe(true);

    // Final: nothing moves a hired application again.
    const afterFinal = await moveApplication(t.http, w.employer.session, id, 'rejected');
    expect(afterFinal.status).toBe(409);
    expect(afterFinal.body.message).toMatch(/hired to rejected/);
  });

  it("another employer cannot read or move this employer's applicants (404)", async () => {
    const { session } = await householdWithResident(t.http, w);
    const posting = await openPosting(t.http, w.employer.session);
    const a = await apply(t.http, session, posting.id);
    const other = w.otherEmployer.session;
    expect((await t.http.get(`/api/v1/applications/${a.id}`).set(other.auth)).status).toBe(404);
    expect((await t.http.get(`/api/v1/applications?postingId=${posting.id}`).set(other.auth)).status).toBe(
      404,
    );
    const all = await t.http.get('/api/v1/applications').set(other.auth);
    expect(all.body.items.map((x: { id: string }) => x.id)).not.toContain(a.id);
    expect((await moveApplication(t.http, other, a.id, 'viewed')).status).toBe(404);
    // The owner still can.
    expect((await t.http.get(`/api/v1/applications/${a.id}`).set(w.employer.session.auth)).status).toBe(200);
  });

  it('a resident may only withdraw, and a withdrawn application is final', async () => {
    const { session } = await householdWithResident(t.http, w);
    const posting = await openPosting(t.http, w.employer.session);
    const a = await apply(t.http, session, posting.id);
    const self = await moveApplication(t.http, session, a.id, 'interview');
    expect(self.status).toBe(409);
    expect(self.body.message).toMatch(/only withdraw/);
    const withdrawn = await moveApplication(t.http, session, a.id, 'withdrawn');
    expect(withdrawn.status).toBe(200);
    expect(withdrawn.body.status).toBe('withdrawn');
    expect((await moveApplication(t.http, w.employer.session, a.id, 'viewed')).status).toBe(409);
    // Another resident never sees it.
    const stranger = await householdWithResident(t.http, w);
    expect((await t.http.get(`/api/v1/applications/${a.id}`).set(stranger.session.auth)).status).toBe(404);
  });

  it('an officer in scope refers a resident; an officer of another site cannot', async () => {
    const { resident } = await householdWithResident(t.http, w);
    const posting = await openPosting(t.http, w.employer.session);
    const outsider = await t.http
      .post('/api/v1/applications')
      .set(w.otherOfficer.auth)
      .send({ postingId: posting.id, residentId: resident.id });
    expect(outsider.status).toBe(404);
    const ref = await t.http
      .post('/api/v1/applications')
      .set(w.siteOfficer.auth)
      .send({ postingId: posting.id, residentId: resident.id });
    expect(ref.status).toBe(201);
    expect(ref.body).toMatchObject({ source: 'officer_referral', status: 'applied' });
    const noResident = await t.http
      .post('/api/v1/applications')
      .set(w.siteOfficer.auth)
      .send({ postingId: posting.id });
    expect(noResident.status).toBe(400);
    expect(noResident.body.details[0].field).toBe('residentId');
  });

  it('refuses applications to a posting that is not open (409)', async () => {
    const { session } = await householdWithResident(t.http, w);
    const posting = await openPosting(t.http, w.employer.session);
    await t.http.post(`/api/v1/postings/${posting.id}/close`).set(w.employer.session.auth).expect(200);
    const res = await t.http.post('/api/v1/applications').set(session.auth).send({ postingId: posting.id });
    expect(res.status).toBe(409);
  });

  it('an employer invites a consenting resident (status invited, source employer_invitation), not a non-consenting one', async () => {
    const { resident, session } = await householdWithResident(t.http, w);
    const shy = await householdWithResident(t.http, w, { resident: { consentToShare: false } });
    const posting = await openPosting(t.http, w.employer.session);
    const no = await t.http
      .post('/api/v1/applications/invite')
      .set(w.employer.session.auth)
      .send({ postingId: posting.id, residentId: shy.resident.id });
    expect(no.status).toBe(404);
    const yes = await t.http
      .post('/api/v1/applications/invite')
      .set(w.employer.session.auth)
      .send({ postingId: posting.id, residentId: resident.id });
    expect(yes.status).toBe(201);
    // An invitation, not an application: the resident answers it (test/e2e/security-flows).
    expect(yes.body).toMatchObject({ source: 'employer_invitation', status: 'invited' });
    const notes = await inbox(t.http, session, 'application.status_changed');
    expect(notes.filter((n) => n.payload.applicationId === yes.body.id)).toHaveLength(1);
  });

  describe('public-welfare posts', () => {
    // Only a sponsor of public-welfare posts (kind public_welfare) offers them.
    let welfare: EmployerFixture;
    beforeAll(async () => {
      welfare = await employerWithRecord(t.http, {
        verifiedBy: w.siteOfficer,
        body: { kind: 'public_welfare', industry: 'public_welfare' },
      });
    });

    it('refuses an applicant over the age limit (public_welfare.age_limit)', async () => {
      const old = await householdWithResident(t.http, w, { resident: { birthDate: yearsAgo(62) } });
      const posting = await openPosting(t.http, welfare.session, {
        publicWelfare: true,
        industry: 'public_welfare',
      });
      const res = await t.http
        .post('/api/v1/applications')
        .set(old.session.auth)
        .send({ postingId: posting.id });
      expect(res.status).toBe(409);
      expect(res.body.code).toBe('public_welfare.age_limit');
    });

    it('one post per person and one per household (409 naming the rule)', async () => {
      const { householdId, session, resident } = await householdWithResident(t.http, w);
      const sibling = await residentAccount(t.http, w.siteOfficer, householdId);
      const post1 = await openPosting(t.http, welfare.session, {
        publicWelfare: true,
        industry: 'public_welfare',
      });
      const post2 = await openPosting(t.http, welfare.session, {
        publicWelfare: true,
        industry: 'public_welfare',
      });
      const a = await apply(t.http, session, post1.id);
      for (const s of ['interview', 'offered', 'hired']) {
        expect((await moveApplication(t.http, welfare.session, a.id, s)).status).toBe(200);
      }
      const placement = await t.http
        .get(`/api/v1/placements?residentId=${resident.id}&active=true`)
        .set(w.siteOfficer.auth);
      expect(placement.body.items[0].kind).toBe('public_welfare');

      const twice = await t.http.post('/api/v1/applications').set(session.auth).send({ postingId: post2.id });
      expect(twice.status).toBe(409);
      expect(twice.body.code).toBe('public_welfare.one_per_person');
      const household = await t.http
        .post('/api/v1/applications')
        .set(sibling.session.auth)
        .send({ postingId: post2.id });
      expect(household.status).toBe(409);
      expect(household.body.code).toBe('public_welfare.one_per_household');
      // An ordinary posting is not concerned.
      const ordinary = await openPosting(t.http, welfare.session);
      expect(
        (await t.http.post('/api/v1/applications').set(sibling.session.auth).send({ postingId: ordinary.id }))
          .status,
      ).toBe(201);
    });

    it('lists zero-employment and monitored households first for officers, never for the employer', async () => {
      const posting = await openPosting(t.http, welfare.session, {
        publicWelfare: true,
        industry: 'public_welfare',
      });
      // Household with someone at work: no priority.
      const working = await createHousehold(t.http, w.siteOfficer, w.site.id);
      await createResident(t.http, w.siteOfficer, working.id, { employmentStatus: 'employed' });
      const first = await residentAccount(t.http, w.siteOfficer, working.id);
      // Zero-employment, monitored household: applies second, listed first.
      const zero = await householdWithResident(t.http, w, { household: { monitoringStatus: 'marginal' } });
      await apply(t.http, first.session, posting.id);
      await apply(t.http, zero.session, posting.id);
      // The employer reads applicants in the order they came: an order by priority would tell it
      // which household is in hardship (issue 12 finding 3).
      const list = await t.http.get(`/api/v1/applications?postingId=${posting.id}`).set(welfare.session.auth);
      expect(list.body.items.map((x: { residentId: string }) => x.residentId)).toEqual([
        first.resident.id,
        zero.resident.id,
      ]);
      expect(list.body.items[0].priority).toBeUndefined();
      const officerView = await t.http
        .get(`/api/v1/applications?postingId=${posting.id}`)
        .set(w.siteOfficer.auth);
      expect(officerView.body.items.map((x: { residentId: string }) => x.residentId)).toEqual([
        zero.resident.id,
        first.resident.id,
      ]);
      expect(officerView.body.items[0].priority).toBeGreaterThan(officerView.body.items[1].priority);
    });
  });
});
