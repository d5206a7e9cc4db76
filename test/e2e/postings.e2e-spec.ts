import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { ExpirePostingsJob } from '../../src/postings/expire-postings.job';
import { PostingsDirectory } from '../../src/postings/postings-directory';
import { createTestApp, type TestApp } from '../support/app';
import { loginAdmin, staff, type Session } from '../support/factories';
import {
  createPosting,
  employerWithRecord,
  openPosting,
  postingBody,
  type EmployerFixture,
} from '../support/postings-factories';

jest.setTimeout(60_000);

describe('postings (API.md: POST/PATCH /postings, publish, close, lifecycle)', () => {
  let t: TestApp;
  let ds: DataSource;
  let admin: Session;
  let officer: Session;
  let farOfficer: Session;
  let verified: EmployerFixture;

  beforeAll(async () => {
    t = await createTestApp();
    ds = t.app.get<DataSource>(getDataSourceToken());
    admin = await loginAdmin(t.http);
    officer = await staff(t.http, admin, 'officer', { regionCodes: ['422802'] });
    farOfficer = await staff(t.http, admin, 'officer', { regionCodes: ['422801'] });
    verified = await employerWithRecord(t.http, { verifiedBy: officer });
  });
  afterAll(async () => {
    await t.close();
  });

  const outboxOf = async (id: string): Promise<{ kind: string; version: number }[]> =>
    ds.query('SELECT kind, version FROM outbox_event WHERE entity_id = $1 ORDER BY id', [id]);
  const postingCount = async (employerId: string): Promise<number> =>
    Number((await ds.query('SELECT count(*) AS n FROM posting WHERE employer_id = $1', [employerId]))[0].n);

  it('creates a draft (201 {id, status: draft, version: 1}) that only its employer and officers see', async () => {
    const res = await t.http.post('/api/v1/postings').set(verified.session.auth).send(postingBody());
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      status: 'draft',
      version: 1,
      hiredCount: 0,
      employerId: verified.employer.id,
    });
    expect(res.body.skills).toEqual([{ code: 'tea.picking', nameZh: '采茶', minLevel: 1, required: true }]);
    const id = res.body.id as string;

    expect((await t.http.get(`/api/v1/postings/${id}`)).status).toBe(404);
    const other = await employerWithRecord(t.http);
    expect((await t.http.get(`/api/v1/postings/${id}`).set(other.session.auth)).status).toBe(404);
    expect((await t.http.get(`/api/v1/postings/${id}`).set(verified.session.auth)).status).toBe(200);
    expect((await t.http.get(`/api/v1/postings/${id}`).set(officer.auth)).status).toBe(200);
    expect((await t.http.get(`/api/v1/postings/${id}`).set(farOfficer.auth)).status).toBe(404);

    const mine = await t.http.get('/api/v1/postings/mine?pageSize=100').set(verified.session.auth);
    expect(mine.status).toBe(200);
    expect((mine.body.items as { id: string }[]).map((p) => p.id)).toContain(id);
    const ofEmployer = await t.http
      .get(`/api/v1/employers/${verified.employer.id}/postings?status=draft&pageSize=100`)
      .set(officer.auth);
    expect((ofEmployer.body.items as { id: string }[]).map((p) => p.id)).toContain(id);
    expect(
      (await t.http.get(`/api/v1/employers/${verified.employer.id}/postings`).set(other.session.auth)).status,
    ).toBe(404);
    // a draft writes no outbox row: nobody is matched against it yet
    expect(await outboxOf(id)).toEqual([]);
  });

  it.each([
    ['a negative wage', { wageMin: -1 }, 'wageMin'],
    ['wageMin > wageMax', { wageMin: 200, wageMax: 100 }, 'wageMax'],
    [
      'an unknown skill code',
      {
        skills: [
          { code: 'tea.picking', minLevel: 1 },
          { code: 'no.such.skill', minLevel: 2 },
        ],
      },
      'skills[1].code',
    ],
    ['a skill level of 5', { skills: [{ code: 'tea.picking', minLevel: 5 }] }, 'skills.0.minLevel'],
    ['a headcount of 0', { headcount: 0 }, 'headcount'],
    ['an age below 16', { ageMin: 15 }, 'ageMin'],
    ['ageMin > ageMax', { ageMin: 50, ageMax: 40 }, 'ageMax'],
    ['an expiry in the past', { expiresAt: '2020-01-01T00:00:00Z' }, 'expiresAt'],
    ['a latitude off the globe', { latitude: 91 }, 'latitude'],
    ['an unknown wage unit', { wageUnit: 'year' }, 'wageUnit'],
    ['a status (mass assignment)', { status: 'open' }, 'status'],
    ['an employerId (mass assignment)', { employerId: '00000000-0000-4000-8000-000000000000' }, 'employerId'],
  ])('POST rejects %s with 400 naming the field, and writes nothing', async (_what, over, field) => {
    const before = await postingCount(verified.employer.id);
    const res = await t.http.post('/api/v1/postings').set(verified.session.auth).send(postingBody(over));
    expect(res.status).toBe(400);
    expect((res.body.details as { field: string }[]).map((d) => d.field)).toContain(field);
    expect(await postingCount(verified.employer.id)).toBe(before);
  });

  it('PATCH refuses status, employerId, version and hiredCount (400 unknown field)', async () => {
    const p = await createPosting(t.http, verified.session);
    for (const body of [
      { status: 'open' },
      { employerId: verified.employer.id },
      { version: 9 },
      { hiredCount: 3 },
    ]) {
      const res = await t.http.patch(`/api/v1/postings/${p.id}`).set(verified.session.auth).send(body);
      expect(res.status).toBe(400);
      expect(res.body.details[0].field).toBe(Object.keys(body)[0]);
    }
    const wage = await t.http
      .patch(`/api/v1/postings/${p.id}`)
      .set(verified.session.auth)
      .send({ wageMax: 100 });
    expect(wage.status).toBe(400);
    expect(wage.body.details[0].field).toBe('wageMax');
    const nulled = await t.http
      .patch(`/api/v1/postings/${p.id}`)
      .set(verified.session.auth)
      .send({ title: null });
    expect(nulled.status).toBe(400);
    const row = await ds.query('SELECT status, version, wage_max FROM posting WHERE id = $1', [p.id]);
    expect(row[0]).toMatchObject({ status: 'draft', version: 1, wage_max: '180.00' });
  });

  it('another employer gets 404 on PATCH, publish and close', async () => {
    const p = await createPosting(t.http, verified.session);
    const other = await employerWithRecord(t.http, { verifiedBy: officer });
    expect(
      (await t.http.patch(`/api/v1/postings/${p.id}`).set(other.session.auth).send({ headcount: 2 })).status,
    ).toBe(404);
    expect((await t.http.post(`/api/v1/postings/${p.id}/publish`).set(other.session.auth)).status).toBe(404);
    expect((await t.http.post(`/api/v1/postings/${p.id}/close`).set(other.session.auth)).status).toBe(404);
    expect((await t.http.post(`/api/v1/postings/${p.id}/publish`).set(farOfficer.auth)).status).toBe(404);
  });

  it('publishing needs a verified employer (409)', async () => {
    const unverified = await employerWithRecord(t.http);
    const p = await createPosting(t.http, unverified.session);
    const res = await t.http.post(`/api/v1/postings/${p.id}/publish`).set(unverified.session.auth);
    expect(res.status).toBe(409);
    expect(res.body.code).toBe('employer.unverified');
    const row = await ds.query('SELECT status, version FROM posting WHERE id = $1', [p.id]);
    expect(row[0]).toEqual({ status: 'draft', version: 1 });
    expect(await outboxOf(p.id)).toEqual([]);

    await t.http.post(`/api/v1/employers/${unverified.employer.id}/verify`).set(officer.auth).expect(200);
    // an officer of the area may publish it too
    const ok = await t.http.post(`/api/v1/postings/${p.id}/publish`).set(officer.auth);
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ status: 'open', version: 2 });
  });

  it('walks the lifecycle with checked transitions, a new version and an outbox row per change', async () => {
    const p = await createPosting(t.http, verified.session);
    // editing a draft changes no version
    await t.http
      .patch(`/api/v1/postings/${p.id}`)
      .set(verified.session.auth)
      .send({ wageMax: 200 })
      .expect(200);
    expect((await t.http.get(`/api/v1/postings/${p.id}`).set(verified.session.auth)).body.version).toBe(1);
    expect((await t.http.post(`/api/v1/postings/${p.id}/close`).set(verified.session.auth)).status).toBe(409);

    const pub = await t.http.post(`/api/v1/postings/${p.id}/publish`).set(verified.session.auth);
    expect(pub.status).toBe(200);
    expect(pub.body).toMatchObject({ status: 'open', version: 2 });
    expect(await outboxOf(p.id)).toEqual([{ kind: 'posting.changed', version: 2 }]);
    const again = await t.http.post(`/api/v1/postings/${p.id}/publish`).set(verified.session.auth);
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('posting.illegal_transition');

    // now public
    const pub1 = await t.http.get(`/api/v1/postings/${p.id}`);
    expect(pub1.status).toBe(200);
    expect(pub1.body).toMatchObject({ status: 'open', wageMax: 200, employerName: verified.employer.name });

    // a wage edit while open matters for matching: version 3 and its outbox row
    const edit = await t.http
      .patch(`/api/v1/postings/${p.id}`)
      .set(verified.session.auth)
      .send({ wageMin: 150 });
    expect(edit.status).toBe(200);
    expect(edit.body.version).toBe(3);
    // a title edit does not
    const title = await t.http
      .patch(`/api/v1/postings/${p.id}`)
      .set(verified.session.auth)
      .send({ title: '春茶采茶工（包午餐）' });
    expect(title.body).toMatchObject({ version: 3, title: '春茶采茶工（包午餐）' });
    // a same-value edit neither
    await t.http
      .patch(`/api/v1/postings/${p.id}`)
      .set(verified.session.auth)
      .send({ wageMin: 150 })
      .expect(200);
    expect(await outboxOf(p.id)).toEqual([
      { kind: 'posting.changed', version: 2 },
      { kind: 'posting.changed', version: 3 },
    ]);

    const closed = await t.http.post(`/api/v1/postings/${p.id}/close`).set(verified.session.auth);
    expect(closed.body).toMatchObject({ status: 'closed', version: 4 });
    expect((await outboxOf(p.id)).at(-1)).toEqual({ kind: 'posting.changed', version: 4 });
    for (const action of ['publish', 'close']) {
      const r = await t.http.post(`/api/v1/postings/${p.id}/${action}`).set(verified.session.auth);
      expect(r.status).toBe(409);
      expect(r.body.code).toBe('posting.illegal_transition');
    }
    expect(
      (await t.http.patch(`/api/v1/postings/${p.id}`).set(verified.session.auth).send({ headcount: 3 }))
        .status,
    ).toBe(409);
    // closed: no longer public
    expect((await t.http.get(`/api/v1/postings/${p.id}`)).status).toBe(404);
  });

  it('counts hires and fills the posting when the headcount is reached', async () => {
    const p = await openPosting(t.http, verified.session, { headcount: 2 });
    const postings = t.app.get(PostingsDirectory);
    expect(await ds.transaction((m) => postings.recordHire(m, p.id))).toEqual({ status: 'open' });
    expect(await ds.transaction((m) => postings.recordHire(m, p.id))).toEqual({ status: 'filled' });
    const row = await ds.query('SELECT status, version, hired_count FROM posting WHERE id = $1', [p.id]);
    expect(row[0]).toEqual({ status: 'filled', version: 3, hired_count: 2 });
    expect((await outboxOf(p.id)).at(-1)).toEqual({ kind: 'posting.changed', version: 3 });
    await expect(ds.transaction((m) => postings.recordHire(m, p.id))).rejects.toMatchObject({
      status: 409,
      code: 'posting.not_open',
    });
    expect(await postings.postingRef(p.id)).toMatchObject({
      id: p.id,
      status: 'filled',
      employerId: verified.employer.id,
    });
  });

  it('the daily job expires open postings past their expiry date, and only those', async () => {
    const due = await openPosting(t.http, verified.session, {
      expiresAt: new Date(Date.now() + 86_400_000).toISOString(),
    });
    const later = await openPosting(t.http, verified.session, {
      expiresAt: new Date(Date.now() + 30 * 86_400_000).toISOString(),
    });
    const draft = await createPosting(t.http, verified.session, {
      expiresAt: new Date(Date.now() + 86_400_000).toISOString(),
    });
    // time passes: the expiry date of `due` and of the draft is now behind us
    await ds.query(`UPDATE posting SET expires_at = now() - interval '1 hour' WHERE id = ANY($1)`, [
      [due.id, draft.id],
    ]);

    const result = await t.app.get(ExpirePostingsJob).process();
    expect(result.expired).toBeGreaterThanOrEqual(1);
    const rows: { id: string; status: string; version: number }[] = await ds.query(
      'SELECT id, status, version FROM posting WHERE id = ANY($1)',
      [[due.id, later.id, draft.id]],
    );
    const byId = new Map(rows.map((r) => [r.id, r]));
    expect(byId.get(due.id)).toMatchObject({ status: 'expired', version: 3 });
    expect(byId.get(later.id)).toMatchObject({ status: 'open', version: 2 });
    expect(byId.get(draft.id)).toMatchObject({ status: 'draft', version: 1 });
    expect((await outboxOf(due.id)).at(-1)).toEqual({ kind: 'posting.changed', version: 3 });
    // running again changes nothing
    await t.app.get(ExpirePostingsJob).process();
    expect((await ds.query('SELECT version FROM posting WHERE id = $1', [due.id]))[0].version).toBe(3);
    expect((await t.http.get(`/api/v1/postings/${due.id}`)).status).toBe(404);
  });

  it('an employer account without an employer record cannot post (409)', async () => {
    const { employerAccount } = await import('../support/factories');
    const s = await employerAccount(t.http);
    const res = await t.http.post('/api/v1/postings').set(s.auth).send(postingBody());
    expect(res.status).toBe(409);
    expect(res.body.code).toBe('employer.missing');
  });
});
