import type { DataSource } from 'typeorm';
import { getDataSourceToken } from '@nestjs/typeorm';
import { createTestApp, type TestApp } from '../support/app';
import { employerAccount, loginAdmin, staff, type Session } from '../support/factories';
import {
  employerBody,
  employerWithRecord,
  validCreditCode,
  withWrongCheckChar,
} from '../support/postings-factories';

jest.setTimeout(60_000);

describe('employers (API.md: POST/GET/PATCH /employers, verification)', () => {
  let t: TestApp;
  let ds: DataSource;
  let admin: Session;
  let officer: Session;
  let farOfficer: Session;

  beforeAll(async () => {
    t = await createTestApp();
    ds = t.app.get<DataSource>(getDataSourceToken());
    admin = await loginAdmin(t.http);
    officer = await staff(t.http, admin, 'officer', { regionCodes: ['422802'] }); // 利川市
    farOfficer = await staff(t.http, admin, 'officer', { regionCodes: ['422801'] }); // 恩施市
  });
  afterAll(async () => {
    await t.close();
  });

  const countByCode = async (code: string) =>
    Number((await ds.query('SELECT count(*) AS n FROM employer WHERE credit_code = $1', [code]))[0].n);

  it('registers an unverified employer and links the account to it', async () => {
    const s = await employerAccount(t.http);
    const body = employerBody({ creditCode: ` ${validCreditCode().toLowerCase()} ` });
    const res = await t.http.post('/api/v1/employers').set(s.auth).send(body);
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      name: body.name,
      kind: 'cooperative',
      industry: 'tea',
      verified: false,
    });
    expect(res.body.creditCode).toBe(String(body.creditCode).trim().toUpperCase());
    expect(res.body.verifiedAt).toBeNull();

    const me = await t.http.get('/api/v1/me').set(s.auth);
    expect(me.body.employerId).toBe(res.body.id);
    expect((await t.http.get(`/api/v1/employers/${res.body.id}`).set(s.auth)).status).toBe(200);

    // one employer per account
    const again = await t.http.post('/api/v1/employers').set(s.auth).send(employerBody());
    expect(again.status).toBe(409);
  });

  it('rejects a credit code with a wrong check character (400 on creditCode) and leaves nothing behind', async () => {
    const s = await employerAccount(t.http);
    const bad = withWrongCheckChar(validCreditCode());
    const res = await t.http
      .post('/api/v1/employers')
      .set(s.auth)
      .send(employerBody({ creditCode: bad }));
    expect(res.status).toBe(400);
    expect(res.body.details).toEqual([expect.objectContaining({ field: 'creditCode' })]);
    expect(await countByCode(bad)).toBe(0);
    expect((await t.http.get('/api/v1/me').set(s.auth)).body.employerId).toBeUndefined();
  });

  it('rejects other bad fields with their names', async () => {
    const s = await employerAccount(t.http);
    const res = await t.http
      .post('/api/v1/employers')
      .set(s.auth)
      .send(employerBody({ kind: 'company', industry: 'mining', latitude: 95, regionCode: '999999107' }));
    expect(res.status).toBe(400);
    const fields = (res.body.details as { field: string }[]).map((d) => d.field);
    expect(fields).toEqual(expect.arrayContaining(['kind', 'industry', 'latitude']));

    const unknownRegion = await t.http
      .post('/api/v1/employers')
      .set(s.auth)
      .send(employerBody({ regionCode: '999999107' }));
    expect(unknownRegion.status).toBe(400);
    expect(unknownRegion.body.details[0].field).toBe('regionCode');
  });

  it('answers 409 to a duplicate credit code, and the second account stays unlinked', async () => {
    const code = validCreditCode();
    const first = await employerWithRecord(t.http, { body: { creditCode: code } });
    const s2 = await employerAccount(t.http);
    const dup = await t.http
      .post('/api/v1/employers')
      .set(s2.auth)
      .send(employerBody({ creditCode: code }));
    expect(dup.status).toBe(409);
    expect(dup.body.code).toBe('employer.duplicate_credit_code');
    expect(await countByCode(code)).toBe(1);
    expect((await t.http.get('/api/v1/me').set(s2.auth)).body.employerId).toBeUndefined();

    // and a PATCH to someone else's code as well
    const other = await employerWithRecord(t.http);
    const patch = await t.http
      .patch(`/api/v1/employers/${other.employer.id}`)
      .set(other.session.auth)
      .send({ creditCode: code });
    expect(patch.status).toBe(409);
    expect(first.employer.creditCode).toBe(code);
  });

  it('never lets an employer set its own verification (mass assignment)', async () => {
    const s = await employerAccount(t.http);
    const post = await t.http
      .post('/api/v1/employers')
      .set(s.auth)
      .send(employerBody({ verifiedAt: new Date().toISOString(), verifiedBy: s.userId }));
    expect(post.status).toBe(400);
    expect((post.body.details as { field: string }[]).map((d) => d.field).sort()).toEqual([
      'verifiedAt',
      'verifiedBy',
    ]);

    const { session, employer } = await employerWithRecord(t.http);
    const patch = await t.http
      .patch(`/api/v1/employers/${employer.id}`)
      .set(session.auth)
      .send({ verified: true });
    expect(patch.status).toBe(400);
    expect(patch.body.details[0].field).toBe('verified');
    // and it may not call the verify endpoint
    expect((await t.http.post(`/api/v1/employers/${employer.id}/verify`).set(session.auth)).status).toBe(403);
    expect((await t.http.get(`/api/v1/employers/${employer.id}`).set(session.auth)).body.verified).toBe(
      false,
    );
  });

  it('is verified by an officer of its area; officers elsewhere get 404', async () => {
    const { session, employer } = await employerWithRecord(t.http);

    // the verification queue of each officer
    const queue = await t.http.get('/api/v1/employers?verified=false&pageSize=100').set(officer.auth);
    expect(queue.status).toBe(200);
    expect((queue.body.items as { id: string }[]).map((e) => e.id)).toContain(employer.id);
    const farQueue = await t.http.get('/api/v1/employers?verified=false&pageSize=100').set(farOfficer.auth);
    expect((farQueue.body.items as { id: string }[]).map((e) => e.id)).not.toContain(employer.id);

    expect((await t.http.get(`/api/v1/employers/${employer.id}`).set(farOfficer.auth)).status).toBe(404);
    expect((await t.http.post(`/api/v1/employers/${employer.id}/verify`).set(farOfficer.auth)).status).toBe(
      404,
    );

    const v = await t.http.post(`/api/v1/employers/${employer.id}/verify`).set(officer.auth);
    expect(v.status).toBe(200);
    expect(v.body.verified).toBe(true);
    expect(v.body.verifiedAt).toBeTruthy();
    const row = await ds.query('SELECT verified_by FROM employer WHERE id = $1', [employer.id]);
    expect(row[0].verified_by).toBe(officer.userId);

    const after = await t.http.get('/api/v1/employers?verified=false&pageSize=100').set(officer.auth);
    expect((after.body.items as { id: string }[]).map((e) => e.id)).not.toContain(employer.id);

    // another employer cannot see or change it
    const other = await employerWithRecord(t.http);
    expect((await t.http.get(`/api/v1/employers/${employer.id}`).set(other.session.auth)).status).toBe(404);
    expect(
      (
        await t.http
          .patch(`/api/v1/employers/${employer.id}`)
          .set(other.session.auth)
          .send({ address: '别处' })
      ).status,
    ).toBe(404);

    // an address change keeps the verification; a new name resets it
    const addr = await t.http
      .patch(`/api/v1/employers/${employer.id}`)
      .set(session.auth)
      .send({ address: '利川市文斗镇青山村 1 组' });
    expect(addr.status).toBe(200);
    expect(addr.body.verified).toBe(true);
    const renamed = await t.http
      .patch(`/api/v1/employers/${employer.id}`)
      .set(session.auth)
      .send({ name: '利川市文斗镇新茶叶公司' });
    expect(renamed.status).toBe(200);
    expect(renamed.body).toMatchObject({ name: '利川市文斗镇新茶叶公司', verified: false, verifiedAt: null });
  });

  it('refuses null for a required field on PATCH (400, not 500)', async () => {
    const { session, employer } = await employerWithRecord(t.http);
    const res = await t.http.patch(`/api/v1/employers/${employer.id}`).set(session.auth).send({ name: null });
    expect(res.status).toBe(400);
    expect(res.body.details[0].field).toBe('name');
  });
});
