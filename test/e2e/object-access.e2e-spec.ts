import { createTestApp, type TestApp } from '../support/app';
import { apply } from '../support/applications-factories';
import { employerBody, employerWithRecord, postingBody } from '../support/postings-factories';
import { runUniqueCreditCode, securityWorld, type SecurityWorld } from '../support/security-factories';

/*
 * Issue 7 item 4: object-level checks (API1 of the OWASP API Top 10: another's object is 404,
 * never revealed) and property-level checks (API3, mass assignment: a resident cannot set their
 * own verification, an employer cannot set `status: open` or another employer id).
 */

jest.setTimeout(120_000);

describe('object-level and property-level authorization', () => {
  let t: TestApp;
  let w: SecurityWorld;

  beforeAll(async () => {
    t = await createTestApp();
    w = await securityWorld(t.http);
    await apply(t.http, w.residentB.session, w.openB.id);
  });
  afterAll(async () => {
    await t.close();
  });

  const expect404 = (res: { status: number; body: { statusCode?: number } }, what: string) => {
    expect({ what, status: res.status }).toEqual({ what, status: 404 });
    expect(res.body.statusCode).toBe(404);
  };

  describe('object level (another one’s object is 404)', () => {
    it('resident A cannot read or change resident B', async () => {
      const a = w.residentA.session.auth;
      const b = w.residentB.resident.id;
      expect404(await t.http.get(`/api/v1/residents/${b}`).set(a), 'GET resident B');
      expect404(
        await t.http.patch(`/api/v1/residents/${b}`).set(a).send({ education: 'college' }),
        'PATCH B',
      );
      expect404(await t.http.get(`/api/v1/residents/${b}/export`).set(a), 'export B');
      expect404(await t.http.get(`/api/v1/residents/${b}/recommendations`).set(a), 'recommendations of B');
      const own = await t.http.get(`/api/v1/residents/${w.residentA.resident.id}`).set(a);
      expect(own.status).toBe(200);
      const stored = await t.http.get(`/api/v1/residents/${b}`).set(w.otherOfficer.auth).expect(200);
      expect(stored.body.education).toBe(w.residentB.resident.education);
    });

    it('resident A does not see resident B’s applications', async () => {
      const res = await t.http.get('/api/v1/applications').set(w.residentA.session.auth);
      expect(res.status).toBe(200);
      const ids = (res.body.items as { residentId: string }[]).map((x) => x.residentId);
      expect(ids).not.toContain(w.residentB.resident.id);
    });

    it('employer A cannot read, change, publish or close employer B’s postings, nor see its applicants', async () => {
      const a = w.employerA.session.auth;
      expect404(await t.http.get(`/api/v1/postings/${w.draftB.id}`).set(a), 'GET B draft');
      expect404(
        await t.http.patch(`/api/v1/postings/${w.draftB.id}`).set(a).send({ headcount: 99 }),
        'PATCH B draft',
      );
      expect404(
        await t.http.patch(`/api/v1/postings/${w.openB.id}`).set(a).send({ headcount: 99 }),
        'PATCH B open',
      );
      expect404(await t.http.post(`/api/v1/postings/${w.draftB.id}/publish`).set(a), 'publish B draft');
      expect404(await t.http.post(`/api/v1/postings/${w.openB.id}/close`).set(a), 'close B open');
      expect404(await t.http.get(`/api/v1/postings/${w.openB.id}/matches`).set(a), 'matches of B');
      expect404(await t.http.get(`/api/v1/employers/${w.employerB.employer.id}`).set(a), 'GET employer B');
      expect404(
        await t.http
          .patch(`/api/v1/employers/${w.employerB.employer.id}`)
          .set(a)
          .send({ address: 'x 路 1 号' }),
        'PATCH employer B',
      );
      expect404(
        await t.http.get(`/api/v1/employers/${w.employerB.employer.id}/postings`).set(a),
        'postings of B',
      );
      const apps = await t.http.get('/api/v1/applications').query({ postingId: w.openB.id }).set(a);
      if (apps.status === 200) expect(apps.body.items).toEqual([]);
      else expect404(apps, 'applicants of B');
      // Nothing changed: B's draft is still a draft with its headcount; the open one still open.
      const draft = await t.http
        .get(`/api/v1/postings/${w.draftB.id}`)
        .set(w.employerB.session.auth)
        .expect(200);
      expect(draft.body).toMatchObject({ status: 'draft', headcount: postingBody().headcount });
      const open = await t.http.get(`/api/v1/postings/${w.openB.id}`).expect(200);
      expect(open.body.status).toBe('open');
      // B sees its applicant.
      const own = await t.http
        .get('/api/v1/applications')
        .query({ postingId: w.openB.id })
        .set(w.employerB.session.auth);
      expect(own.status).toBe(200);
      expect(own.body.items.length).toBe(1);
    });

    it('an officer out of scope gets 404 on the households, residents and sites of another site', async () => {
      const o = w.otherOfficer.auth;
      expect404(await t.http.get(`/api/v1/households/${w.householdA}`).set(o), 'household of site A');
      expect404(
        await t.http
          .patch(`/api/v1/households/${w.householdA}`)
          .set(o)
          .send({ monitoringStatus: 'hardship' }),
        'PATCH household of site A',
      );
      expect404(
        await t.http.get(`/api/v1/residents/${w.residentA.resident.id}`).set(o),
        'resident of site A',
      );
      expect404(
        await t.http.patch(`/api/v1/residents/${w.residentA.resident.id}`).set(o).send({ education: 'none' }),
        'PATCH resident of site A',
      );
      expect404(
        await t.http.get(`/api/v1/residents/${w.residentA.resident.id}/recommendations`).set(o),
        'recs',
      );
      expect404(await t.http.get(`/api/v1/sites/${w.site.id}`).set(o), 'site A');
      expect404(
        await t.http.patch(`/api/v1/sites/${w.site.id}`).set(o).send({ capacity: 1 }),
        'PATCH site A',
      );
      const list = await t.http.get('/api/v1/residents').query({ siteId: w.site.id }).set(o);
      if (list.status === 200) expect(list.body.items).toEqual([]);
      else expect([403, 404]).toContain(list.status);
      const households = await t.http.get('/api/v1/households').query({ siteId: w.site.id }).set(o);
      if (households.status === 200) expect(households.body.items).toEqual([]);
      else expect([403, 404]).toContain(households.status);
    });

    it('an officer out of scope sees no resident of another site among a posting’s matches', async () => {
      const res = await t.http.get(`/api/v1/postings/${w.openA.id}/matches`).set(w.otherOfficer.auth);
      if (res.status === 200) {
        const ids = (res.body.items as { residentId: string }[]).map((x) => x.residentId);
        expect(ids).not.toContain(w.residentA.resident.id);
      } else expect(res.status).toBe(404);
    });
  });

  describe('property level (no mass assignment)', () => {
    it('a resident cannot set their own status, household, site, national ID, version or verification', async () => {
      const id = w.residentA.resident.id;
      const before = (await t.http.get(`/api/v1/residents/${id}`).set(w.officer.auth).expect(200)).body;
      const attempts: Record<string, unknown>[] = [
        { status: 'active' },
        { status: 'pending' },
        { householdId: w.householdB },
        { siteId: w.otherSite.id },
        { nationalId: '11010519491231002X' },
        { name: '改名' },
        { employmentStatus: 'employed' },
        { version: 99 },
        { verifiedAt: new Date().toISOString() },
        { verified: true },
        { erasedAt: null },
        { id: w.residentB.resident.id },
      ];
      for (const body of attempts) {
        const res = await t.http.patch(`/api/v1/residents/${id}`).set(w.residentA.session.auth).send(body);
        const refused = res.status === 400 || res.status === 403;
        expect(refused ? 'refused' : `${JSON.stringify(body)} → ${res.status}`).toBe('refused');
      }
      const after = (await t.http.get(`/api/v1/residents/${id}`).set(w.officer.auth).expect(200)).body;
      for (const k of [
        'status',
        'householdId',
        'siteId',
        'nationalIdMasked',
        'name',
        'employmentStatus',
        'version',
      ])
        expect({ k, v: after[k] }).toEqual({ k, v: before[k] });
    });

    it('an employer cannot set status, employerId, hiredCount or version on POST or PATCH /postings', async () => {
      const a = w.employerA.session.auth;
      const forbidden: Record<string, unknown>[] = [
        { status: 'open' },
        { employerId: w.employerB.employer.id },
        { hiredCount: 5 },
        { version: 7 },
        { publishedAt: new Date().toISOString() },
        { id: w.draftB.id },
      ];
      for (const extra of forbidden) {
        const created = await t.http.post('/api/v1/postings').set(a).send(postingBody(extra));
        expect({ extra, status: created.status }).toEqual({ extra, status: 400 });
        const key = Object.keys(extra)[0];
        expect((created.body.details as { field: string }[]).map((d) => d.field)).toContain(key);
        const patched = await t.http.patch(`/api/v1/postings/${w.draftA.id}`).set(a).send(extra);
        expect({ extra, status: patched.status }).toEqual({ extra, status: 400 });
      }
      const stored = await t.http.get(`/api/v1/postings/${w.draftA.id}`).set(a).expect(200);
      expect(stored.body.status).toBe('draft');
      expect(stored.body.version).toBe(1);
      expect(stored.body.employerId ?? w.employerA.employer.id).toBe(w.employerA.employer.id);
      const mine = await t.http.get('/api/v1/postings/mine').set(w.employerB.session.auth).expect(200);
      expect((mine.body.items as { title: string }[]).length).toBe(2);
    });

    it('an employer cannot verify itself (verified, verifiedAt, verifiedBy on POST or PATCH /employers)', async () => {
      const e = await employerWithRecord(t.http, { body: { creditCode: runUniqueCreditCode() } });
      for (const extra of [
        { verified: true },
        { verifiedAt: new Date().toISOString() },
        { verifiedBy: w.admin.userId },
      ]) {
        const patched = await t.http
          .patch(`/api/v1/employers/${e.employer.id}`)
          .set(e.session.auth)
          .send(extra);
        expect({ extra, status: patched.status }).toEqual({ extra, status: 400 });
      }
      const other = await employerWithRecord(t.http, { body: { creditCode: runUniqueCreditCode() } }).catch(
        () => null,
      );
      expect(other).not.toBeNull();
      const fresh = await t.http
        .post('/api/v1/employers')
        .set(other!.session.auth)
        .send(employerBody({ verifiedAt: new Date().toISOString(), creditCode: runUniqueCreditCode() }));
      expect(fresh.status).toBe(400);
      const stored = await t.http.get(`/api/v1/employers/${e.employer.id}`).set(e.session.auth).expect(200);
      expect(stored.body.verified).toBe(false);
      // And so cannot publish.
      const p = await t.http.post('/api/v1/postings').set(e.session.auth).send(postingBody());
      expect(p.status).toBe(201);
      expect((await t.http.post(`/api/v1/postings/${p.body.id}/publish`).set(e.session.auth)).status).toBe(
        409,
      );
    });
  });
});
