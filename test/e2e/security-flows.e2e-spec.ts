import { DataSource } from 'typeorm';
import { todayInPilotZone } from '../../src/kernel/clock';
import { createTestApp, type TestApp } from '../support/app';
import {
  apply,
  hiringWorld,
  householdWithResident,
  inbox,
  moveApplication,
  type HiringWorld,
} from '../support/applications-factories';
import { staff } from '../support/factories';
import { createPosting, employerWithRecord, openPosting, postingBody } from '../support/postings-factories';
import { csrfOf, webAgent } from '../support/web-factories';

/**
 * Issue 12 findings 4, 9, 11 and 12: each flow as an attacker would try it, against the real app
 * (PostgreSQL, Redis). Every test here failed before its fix.
 */
describe('security flows (e2e)', () => {
  let t: TestApp;
  let w: HiringWorld;
  let ds: DataSource;

  beforeAll(async () => {
    t = await createTestApp();
    w = await hiringWorld(t.http);
    ds = t.app.get(DataSource);
  });
  afterAll(() => t.close());

  const invite = (postingId: string, residentId: string) =>
    t.http.post('/api/v1/applications/invite').set(w.employer.session.auth).send({ postingId, residentId });
  const employerView = async (postingId: string) => {
    const res = await t.http
      .get(`/api/v1/applications?postingId=${postingId}`)
      .set(w.employer.session.auth)
      .expect(200);
    return res.body as { items: { id: string; status: string; applicant: Record<string, unknown> }[] };
  };

  describe('finding 4: an invitation is not an application', () => {
    it('the employer sees a masked candidate until the resident accepts, and again after a withdrawal', async () => {
      const { resident, session } = await householdWithResident(t.http, w);
      const posting = await openPosting(t.http, w.employer.session);
      const name = resident.name as string;
      const phone = resident.phoneClear!;

      const invited = await invite(posting.id, resident.id);
      expect(invited.status).toBe(201);
      expect(invited.body).toMatchObject({ status: 'invited', source: 'employer_invitation' });
      expect(invited.body.applicant).toEqual({
        name: `${name[0]}${'*'.repeat(name.length - 1)}`,
        phone: null,
        phoneMasked: true,
      });
      let list = JSON.stringify(await employerView(posting.id));
      expect(list).not.toContain(name);
      expect(list).not.toContain(phone);
      expect(list).not.toContain(phone.slice(-4));
      // The resident is told it is an invitation to answer, not that they were entered.
      const notes = await inbox(t.http, session, 'application.status_changed');
      const note = notes.find((n) => n.payload.applicationId === invited.body.id)!;
      expect(note.body).toContain('接受');
      expect(note.body).not.toContain('已为您报名');

      // The employer cannot push an invitation down the pipeline, nor accept it for the resident.
      const pushed = await moveApplication(t.http, w.employer.session, invited.body.id, 'viewed');
      expect(pushed.status).toBe(409);
      expect(pushed.body.code).toBe('application.illegal_transition');
      expect((await moveApplication(t.http, w.employer.session, invited.body.id, 'applied')).status).toBe(
        409,
      );
      expect(
        (await t.http.post(`/api/v1/applications/${invited.body.id}/accept`).set(w.employer.session.auth))
          .status,
      ).toBe(403);
      // Another resident cannot answer it.
      const stranger = await householdWithResident(t.http, w);
      expect(
        (await t.http.post(`/api/v1/applications/${invited.body.id}/accept`).set(stranger.session.auth))
          .status,
      ).toBe(404);

      const accepted = await t.http.post(`/api/v1/applications/${invited.body.id}/accept`).set(session.auth);
      expect(accepted.status).toBe(200);
      expect(accepted.body.status).toBe('applied');
      expect(accepted.body.history.map((h: { to: string }) => h.to)).toEqual(['invited', 'applied']);
      const told = await inbox(t.http, w.employer.session, 'application.invitation_answered');
      expect(told.filter((n) => n.payload.applicationId === invited.body.id)).toHaveLength(1);
      expect(JSON.stringify(told)).not.toContain(name);
      // Accepting twice is not a transition.
      expect(
        (await t.http.post(`/api/v1/applications/${invited.body.id}/accept`).set(session.auth)).status,
      ).toBe(409);
      expect((await employerView(posting.id)).items[0].applicant).toEqual({
        name,
        phone,
        phoneMasked: false,
      });

      const withdrawn = await moveApplication(t.http, session, invited.body.id, 'withdrawn');
      expect(withdrawn.status).toBe(200);
      list = JSON.stringify(await employerView(posting.id));
      expect(list).not.toContain(name);
      expect(list).not.toContain(phone);

      // After a withdrawal the resident may apply again: a new application, the old one kept.
      const again = await apply(t.http, session, posting.id);
      expect(again.status).toBe('applied');
      expect(again.id).not.toBe(invited.body.id);
      const both = await employerView(posting.id);
      expect(both.items.map((a) => a.status).sort()).toEqual(['applied', 'withdrawn']);
      // Only one open application at a time.
      const third = await t.http
        .post('/api/v1/applications')
        .set(session.auth)
        .send({ postingId: posting.id });
      expect(third.status).toBe(409);
      expect(third.body.code).toBe('application.duplicate');
    });

    it('a declined invitation stays masked and cannot be sent again', async () => {
      const { resident, session } = await householdWithResident(t.http, w);
      const posting = await openPosting(t.http, w.employer.session);
      const invited = await invite(posting.id, resident.id);
      const declined = await t.http.post(`/api/v1/applications/${invited.body.id}/decline`).set(session.auth);
      expect(declined.status).toBe(200);
      expect(declined.body.status).toBe('declined');
      expect(JSON.stringify(await employerView(posting.id))).not.toContain(resident.name as string);
      const twice = await invite(posting.id, resident.id);
      expect(twice.status).toBe(409);
      expect(twice.body.code).toBe('application.invitation_declined');
      // The resident may still apply on their own.
      expect((await apply(t.http, session, posting.id)).status).toBe('applied');
    });

    it('an officer of the site accepts for the resident, audited with both identities; others cannot', async () => {
      const { resident } = await householdWithResident(t.http, w);
      const posting = await openPosting(t.http, w.employer.session);
      const invited = await invite(posting.id, resident.id);
      const outsider = await t.http
        .post(`/api/v1/applications/${invited.body.id}/accept`)
        .set(w.otherOfficer.auth);
      expect(outsider.status).toBe(404);
      const onBehalf = await t.http
        .post(`/api/v1/applications/${invited.body.id}/accept`)
        .set(w.siteOfficer.auth);
      expect(onBehalf.status).toBe(200);
      expect(onBehalf.body.status).toBe('applied');
      const audit = await ds.query<{ actor_id: string; on_behalf_of_resident_id: string }[]>(
        `SELECT actor_id, on_behalf_of_resident_id FROM audit_entry
          WHERE action = 'application.status' AND entity_id = $1`,
        [invited.body.id],
      );
      expect(audit).toEqual([{ actor_id: w.siteOfficer.userId, on_behalf_of_resident_id: resident.id }]);
    });

    it('web: the resident answers with plain forms (接受 / 不了), the employer sees 已邀请 without a name', async () => {
      const r = await householdWithResident(t.http, w);
      const posting = await openPosting(t.http, w.employer.session, { title: '邀请测试包装工' });
      const invited = await invite(posting.id, r.resident.id);
      const agent = await webAgent(t, (r.session as unknown as { phone: string }).phone);
      const page = await agent.get('/my/applications').expect(200);
      expect(page.text).toContain(`action="/my/applications/${invited.body.id}/accept"`);
      expect(page.text).toContain(`action="/my/applications/${invited.body.id}/decline"`);
      expect(page.text).toContain('不了');
      expect(page.text).not.toContain(`/my/applications/${invited.body.id}/withdraw`);

      const employerAgent = await webAgent(t, w.employer.session.phone);
      const applicants = await employerAgent.get(`/employer/postings/${posting.id}/applicants`).expect(200);
      expect(applicants.text).toContain('已邀请');
      expect(applicants.text).not.toContain(r.resident.name as string);

      const res = await agent
        .post(`/my/applications/${invited.body.id}/accept`)
        .type('form')
        .send({ _csrf: csrfOf(page.text) });
      expect(res.status).toBe(303);
      expect(res.headers.location).toBe('/my/applications?done=accepted');
      const after = await t.http.get(`/api/v1/applications/${invited.body.id}`).set(r.session.auth);
      expect(after.body.status).toBe('applied');
      const now = await employerAgent.get(`/employer/postings/${posting.id}/applicants`).expect(200);
      expect(now.text).toContain(r.resident.name as string);
    });
  });

  describe('finding 9: only public-welfare sponsors offer public-welfare posts', () => {
    it('refuses publicWelfare from an ordinary employer (400 naming the field), on create and on edit', async () => {
      const created = await t.http
        .post('/api/v1/postings')
        .set(w.employer.session.auth)
        .send(postingBody({ publicWelfare: true }));
      expect(created.status).toBe(400);
      expect(created.body.details.map((d: { field: string }) => d.field)).toEqual(['publicWelfare']);
      const draft = await createPosting(t.http, w.employer.session);
      const edited = await t.http
        .patch(`/api/v1/postings/${draft.id}`)
        .set(w.employer.session.auth)
        .send({ publicWelfare: true });
      expect(edited.status).toBe(400);
      expect(edited.body.details[0].field).toBe('publicWelfare');
      const still = await t.http.get(`/api/v1/postings/${draft.id}`).set(w.employer.session.auth);
      expect(still.body.publicWelfare).toBe(false);

      // A sponsor of kind public_welfare may; an admin may approve another employer's posting as one.
      const sponsor = await employerWithRecord(t.http, {
        verifiedBy: w.siteOfficer,
        body: { kind: 'public_welfare', industry: 'public_welfare' },
      });
      expect((await createPosting(t.http, sponsor.session, { publicWelfare: true })).status).toBe('draft');
      const approved = await t.http
        .patch(`/api/v1/postings/${draft.id}`)
        .set(w.admin.auth)
        .send({ publicWelfare: true });
      expect(approved.status).toBe(200);
      expect(approved.body.publicWelfare).toBe(true);
    });

    it('an employer that switches its kind to public_welfare cannot turn its live postings into ones before review', async () => {
      const e = await employerWithRecord(t.http, { verifiedBy: w.siteOfficer });
      const live = await openPosting(t.http, e.session);
      await t.http
        .patch(`/api/v1/employers/${e.employer.id}`)
        .set(e.session.auth)
        .send({ kind: 'public_welfare' })
        .expect(200);
      const flip = await t.http
        .patch(`/api/v1/postings/${live.id}`)
        .set(e.session.auth)
        .send({ publicWelfare: true });
      expect(flip.status).toBe(400);
      expect(flip.body.details[0].field).toBe('publicWelfare');
      // Once an officer has verified the new kind, it may.
      await t.http.post(`/api/v1/employers/${e.employer.id}/verify`).set(w.siteOfficer.auth).expect(200);
      const after = await t.http
        .patch(`/api/v1/postings/${live.id}`)
        .set(e.session.auth)
        .send({ publicWelfare: true });
      expect(after.status).toBe(200);
    });
  });

  describe('finding 11: a material change sends a verified employer back to review', () => {
    it.each([
      ['kind', { kind: 'workshop' }],
      ['regionCode', { regionCode: '422802101' }],
    ])('%s: unverified again, new postings wait, existing ones stay open', async (_field, change) => {
      const e = await employerWithRecord(t.http, { verifiedBy: w.siteOfficer });
      const open = await openPosting(t.http, e.session);
      const res = await t.http.patch(`/api/v1/employers/${e.employer.id}`).set(e.session.auth).send(change);
      expect(res.status).toBe(200);
      expect(res.body.verified).toBe(false);
      const queue = await t.http.get('/api/v1/employers?verified=false&pageSize=100').set(w.siteOfficer.auth);
      expect(queue.body.items.map((x: { id: string }) => x.id)).toContain(e.employer.id);
      const draft = await createPosting(t.http, e.session);
      const publish = await t.http.post(`/api/v1/postings/${draft.id}/publish`).set(e.session.auth);
      expect(publish.status).toBe(409);
      expect(publish.body.code).toBe('employer.unverified');
      expect((await t.http.get(`/api/v1/postings/${open.id}`)).body.status).toBe('open');
      // Until an officer has looked, a hire there does not count as the new kind (a workshop's).
      const { session } = await householdWithResident(t.http, w);
      const a = await apply(t.http, session, open.id);
      for (const s of ['interview', 'offered', 'hired']) {
        expect((await moveApplication(t.http, e.session, a.id, s)).status).toBe(200);
      }
      const hired = await t.http.get(`/api/v1/applications/${a.id}`).set(w.siteOfficer.auth);
      const placements = await t.http
        .get(`/api/v1/placements?residentId=${hired.body.residentId}`)
        .set(w.siteOfficer.auth);
      expect(placements.body.items[0].kind).toBe('local_enterprise');
    });

    it('an address change is not material: still verified', async () => {
      const e = await employerWithRecord(t.http, { verifiedBy: w.siteOfficer });
      const res = await t.http
        .patch(`/api/v1/employers/${e.employer.id}`)
        .set(e.session.auth)
        .send({ address: '利川市文斗镇长顺村 5 组' });
      expect(res.body.verified).toBe(true);
    });

    it('an officer refuses with a reason the employer reads; a change puts it back in the queue', async () => {
      const e = await employerWithRecord(t.http);
      const far = await staff(t.http, w.admin, 'officer', { regionCodes: ['422801'] });
      const reason = '营业执照照片看不清，请重新上传';
      expect(
        (await t.http.post(`/api/v1/employers/${e.employer.id}/reject`).set(far.auth).send({ reason }))
          .status,
      ).toBe(404);
      const noReason = await t.http
        .post(`/api/v1/employers/${e.employer.id}/reject`)
        .set(w.siteOfficer.auth)
        .send({});
      expect(noReason.status).toBe(400);
      expect(noReason.body.details[0].field).toBe('reason');
      const refused = await t.http
        .post(`/api/v1/employers/${e.employer.id}/reject`)
        .set(w.siteOfficer.auth)
        .send({ reason });
      expect(refused.status).toBe(200);
      expect(refused.body).toMatchObject({ verified: false, rejection: { reason } });
      const own = await t.http.get(`/api/v1/employers/${e.employer.id}`).set(e.session.auth);
      expect(own.body.rejection.reason).toBe(reason);
      const page = await (await webAgent(t, e.session.phone)).get('/employer').expect(200);
      expect(page.text).toContain(reason);
      const queue = async () =>
        (
          await t.http.get('/api/v1/employers?verified=false&pageSize=100').set(w.siteOfficer.auth)
        ).body.items.map((x: { id: string }) => x.id);
      expect(await queue()).not.toContain(e.employer.id);
      const fixed = await t.http
        .patch(`/api/v1/employers/${e.employer.id}`)
        .set(e.session.auth)
        .send({ name: '利川市文斗镇星斗茶叶合作社（更正）' });
      expect(fixed.body.rejection).toBeNull();
      expect(await queue()).toContain(e.employer.id);
    });
  });

  describe('finding 11, officer page: refusing a verification without JavaScript', () => {
    it('the queue has a refusal form; no reason is a 400 page, a reason refuses', async () => {
      const e = await employerWithRecord(t.http);
      const officerPhone = (w.siteOfficer as unknown as { phone: string }).phone;
      const agent = await webAgent(t, officerPhone);
      const queue = await agent.get('/officer/employers?pageSize=100').expect(200);
      const action = `/officer/employers/${e.employer.id}/reject`;
      expect(queue.text).toContain(`action="${action}"`);
      const empty = await agent
        .post(action)
        .type('form')
        .send({ _csrf: csrfOf(queue.text), reason: ' ' });
      expect(empty.status).toBe(400);
      const done = await agent
        .post(action)
        .type('form')
        .send({ _csrf: csrfOf(queue.text), reason: '信用代码与执照不符' });
      expect(done.status).toBe(303);
      const own = await t.http.get(`/api/v1/employers/${e.employer.id}`).set(e.session.auth);
      expect(own.body.rejection.reason).toBe('信用代码与执照不符');
    });
  });

  describe('finding 12: every id a request names is checked through the scope policy', () => {
    it("an officer cannot cite another area's draft posting in a placement (404), an open one is fine", async () => {
      const farEmployer = await employerWithRecord(t.http, { body: { regionCode: '422801' } });
      const farDraft = await createPosting(t.http, farEmployer.session, { regionCode: '422801' });
      const { resident } = await householdWithResident(t.http, w);
      const body = { residentId: resident.id, kind: 'local_enterprise', startDate: todayInPilotZone() };
      const cited = await t.http
        .post('/api/v1/placements')
        .set(w.siteOfficer.auth)
        .send({ ...body, postingId: farDraft.id });
      expect(cited.status).toBe(404);
      expect(JSON.stringify(cited.body)).not.toContain(farEmployer.employer.name);
      const open = await openPosting(t.http, w.employer.session);
      const ok = await t.http
        .post('/api/v1/placements')
        .set(w.siteOfficer.auth)
        .send({ ...body, postingId: open.id });
      expect(ok.status).toBe(201);
      expect(ok.body.employerName).toBe(w.employer.employer.name);
    });

    it("another area's posting that was published may be cited (a hire there is real), its draft not", async () => {
      const farOfficer = await staff(t.http, w.admin, 'officer', { regionCodes: ['422801'] });
      const farEmployer = await employerWithRecord(t.http, {
        verifiedBy: farOfficer,
        body: { regionCode: '422801' },
      });
      const farPosting = await openPosting(t.http, farEmployer.session, { regionCode: '422801' });
      await t.http.post(`/api/v1/postings/${farPosting.id}/close`).set(farEmployer.session.auth).expect(200);
      const farDraft = await createPosting(t.http, farEmployer.session, { regionCode: '422801' });
      const { resident } = await householdWithResident(t.http, w);
      const body = { residentId: resident.id, kind: 'local_enterprise', startDate: todayInPilotZone() };
      const closed = await t.http
        .post('/api/v1/placements')
        .set(w.siteOfficer.auth)
        .send({ ...body, postingId: farPosting.id });
      expect(closed.status).toBe(201);
      expect(closed.body.employerName).toBe(farEmployer.employer.name);
      const referral = await t.http
        .post('/api/v1/applications')
        .set(w.siteOfficer.auth)
        .send({ postingId: farDraft.id, residentId: resident.id });
      expect(referral.status).toBe(404);
    });
  });
});
