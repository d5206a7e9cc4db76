import { JwtService } from '@nestjs/jwt';
import { DataSource } from 'typeorm';
import { AppConfig } from '../../src/platform/config/app-config';
import { createTestApp, type TestApp } from '../support/app';
import { login, PASSWORD, uniquePhone } from '../support/factories';
import { createPosting, employerWithRecord } from '../support/postings-factories';
import { residentAccount } from '../support/residents-factories';
import {
  runUniqueCreditCode,
  runUniqueIdentity,
  errorFormatProblem,
  securityWorld,
  tableCounts,
  type SecurityWorld,
} from '../support/security-factories';

/*
 * Issue 7 item 3 "Hostile input": oversized bodies and uploads 413, malformed JSON 400, a wrong
 * content type 415/400 (never 500); SQL and script injection in text fields stored and shown as
 * text; malformed and forged tokens 401.
 */

jest.setTimeout(120_000);

const UPLOAD_LIMIT = 64 * 1024;
const SQL = "'; DROP TABLE posting; --";
const SCRIPT = '<script>alert(1)</script>';
const IMG = '<img src=x onerror=alert(1)>';
const LIKE = "%' OR 1=1 --";

describe('hostile input: sizes, formats, injection, tokens', () => {
  let t: TestApp;
  let ds: DataSource;
  let w: SecurityWorld;

  beforeAll(async () => {
    t = await createTestApp({ env: { UPLOAD_LIMIT_BYTES: String(UPLOAD_LIMIT) } });
    ds = t.app.get(DataSource);
    w = await securityWorld(t.http);
  });
  afterAll(async () => {
    await t.close();
  });

  const expectError = (res: { status: number; body: unknown }, status: number | number[]) => {
    expect([status].flat()).toContain(res.status);
    expect(errorFormatProblem(res.status, res.body)).toBeNull();
  };

  describe('sizes and formats', () => {
    it('a JSON body over BODY_LIMIT_BYTES is 413 on any write route, and nothing is stored', async () => {
      const before = await tableCounts(ds);
      const big = JSON.stringify({ ...{ title: 'x'.repeat(300 * 1024) } });
      const res = await t.http
        .post('/api/v1/postings')
        .set(w.employerA.session.auth)
        .set('Content-Type', 'application/json')
        .send(big);
      expectError(res, 413);
      const reg = await t.http
        .post('/api/v1/auth/register')
        .set('Content-Type', 'application/json')
        .send(
          JSON.stringify({
            phone: uniquePhone(),
            password: PASSWORD,
            name: 'x'.repeat(400 * 1024),
            role: 'employer',
          }),
        );
      expectError(reg, 413);
      expect(await tableCounts(ds)).toEqual(before);
    });

    it('malformed JSON is 400 in the error format', async () => {
      for (const text of ['{', '{"title": }', '{"a":1,}', "{'a':1}", '\u0000', '{"a":"\\uZZZZ"}']) {
        const res = await t.http
          .post('/api/v1/postings')
          .set(w.employerA.session.auth)
          .set('Content-Type', 'application/json')
          .send(text);
        expectError(res, 400);
      }
    });

    it('prototype pollution keys are refused (400), not merged', async () => {
      for (const text of [
        '{"__proto__":{"status":"open"}}',
        '{"constructor":{"prototype":{"status":"open"}}}',
      ]) {
        const res = await t.http
          .post('/api/v1/postings')
          .set(w.employerA.session.auth)
          .set('Content-Type', 'application/json')
          .send(text);
        expectError(res, 400);
      }
      expect(({} as Record<string, unknown>).status).toBeUndefined();
    });

    it('a wrong content type is 415 or 400, never 500', async () => {
      for (const type of ['text/plain', 'application/xml', 'image/png', 'application/json; charset=latin1']) {
        const res = await t.http.post('/api/v1/auth/login').set('Content-Type', type).send('<a>1</a>');
        expectError(res, [400, 415]);
      }
      // Form posts are parsed (the web pages use them) and then judged like JSON: no 500.
      const form = await t.http
        .post('/api/v1/auth/login')
        .set('Content-Type', 'application/x-www-form-urlencoded')
        .send('phone=13800000000&password=x&password=y');
      expectError(form, [400, 401, 415]);
      const multipart = await t.http
        .post('/api/v1/postings')
        .set(w.employerA.session.auth)
        .field('title', 'x');
      expectError(multipart, [400, 415]);
    });

    it('a roster upload over UPLOAD_LIMIT_BYTES is 413, and no import is stored', async () => {
      const before = await tableCounts(ds);
      const csv = Buffer.from('姓名,身份证号\n' + '张三,110105194912310021\n'.repeat(UPLOAD_LIMIT / 20));
      expect(csv.length).toBeGreaterThan(UPLOAD_LIMIT);
      const res = await t.http
        .post('/api/v1/imports/roster')
        .set(w.officer.auth)
        .field('siteId', w.site.id)
        .attach('file', csv, { filename: 'roster.csv', contentType: 'text/csv' });
      expectError(res, 413);
      expect(await tableCounts(ds)).toEqual(before);
    });
  });

  describe('SQL and script injection is stored and shown as text', () => {
    it('a posting titled with SQL and described with a script comes back verbatim; the table is still there', async () => {
      const p = await createPosting(t.http, w.employerA.session, {
        title: SQL,
        description: SCRIPT,
        address: LIKE,
      });
      const res = await t.http.get(`/api/v1/postings/${p.id}`).set(w.employerA.session.auth).expect(200);
      expect(res.headers['content-type']).toMatch(/^application\/json/);
      expect(res.body).toMatchObject({ title: SQL, description: SCRIPT, address: LIKE });
      const [row] = await ds.query<{ title: string; description: string }[]>(
        'SELECT title, description FROM posting WHERE id = $1',
        [p.id],
      );
      expect(row).toEqual({ title: SQL, description: SCRIPT });
      expect(
        (await ds.query<{ t: string | null }[]>(`SELECT to_regclass('public.posting')::text AS t`))[0].t,
      ).toBe('posting');
      await t.http.post(`/api/v1/postings/${p.id}/publish`).set(w.employerA.session.auth).expect(200);
      const patched = await t.http
        .patch(`/api/v1/postings/${p.id}`)
        .set(w.employerA.session.auth)
        .send({ description: `${SCRIPT} ${SQL}` })
        .expect(200);
      expect(patched.body.description).toBe(`${SCRIPT} ${SQL}`);
    });

    it('search with an injection in q answers 200 and matches nothing it should not', async () => {
      const open = await t.http.get('/api/v1/postings?pageSize=100').expect(200);
      for (const q of [
        SQL,
        LIKE,
        SCRIPT,
        "1' OR '1'='1",
        '%',
        '_',
        '\\',
        "' UNION SELECT national_id_encrypted FROM resident --",
      ]) {
        const res = await t.http.get('/api/v1/postings').query({ q });
        expect(res.status).toBe(200);
        expect(res.body.total).toBeLessThanOrEqual(open.body.total);
        const residents = await t.http.get('/api/v1/residents').query({ q }).set(w.officer.auth);
        // q is at most 50 characters: a longer one is 400, a shorter one a search.
        expect(residents.status).toBe(q.length > 50 ? 400 : 200);
        // "%' OR 1=1 --" is a literal name fragment: no resident's name contains it.
        if (q === LIKE || q === "1' OR '1'='1") expect(residents.body.total).toBe(0);
      }
      expect((await ds.query<{ n: string }[]>('SELECT count(*) AS n FROM resident'))[0].n).not.toBe('0');
    });

    it('an employer named with a LIKE injection and a resident named with an <img> tag are stored verbatim', async () => {
      const e = await employerWithRecord(t.http, {
        body: { name: LIKE, address: SCRIPT, creditCode: runUniqueCreditCode() },
      });
      const got = await t.http.get(`/api/v1/employers/${e.employer.id}`).set(e.session.auth).expect(200);
      expect(got.body).toMatchObject({ name: LIKE, address: SCRIPT });
      const { session, resident } = await residentAccount(t.http, w.officer, w.householdA, {
        ...runUniqueIdentity(),
        name: IMG,
      });
      const mine = await t.http.get(`/api/v1/residents/${resident.id}`).set(session.auth).expect(200);
      expect(mine.body.name).toBe(IMG);
      const me = await t.http.get('/api/v1/me').set(session.auth).expect(200);
      expect(me.body.name).toBe(IMG);
    });

    it('web pages show such a name escaped, never as markup', async () => {
      const { session } = await residentAccount(t.http, w.officer, w.householdA, {
        ...runUniqueIdentity(),
        name: IMG,
      });
      const page = await t.http.get('/').set(session.auth).expect(200);
      expect(page.headers['content-type']).toMatch(/text\/html/);
      // Text content: "<" escaped (a ">" in text is inert), so the tag is never markup.
      expect(page.text).toMatch(/&lt;img src=x onerror=alert\(1\)(&gt;|>)/);
      expect(page.text).not.toContain('<img');
    });
  });

  describe('malformed and forged tokens are 401', () => {
    let jwtSecret: string;
    let real: { token: string; claims: Record<string, unknown> };

    beforeAll(() => {
      jwtSecret = t.app.get(AppConfig).jwtSecret;
      const token = w.employerA.session.token;
      real = { token, claims: JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString()) };
    });

    const b64 = (o: unknown) => Buffer.from(JSON.stringify(o)).toString('base64url');

    async function expect401(headers: Record<string, string>) {
      const res = await t.http.get('/api/v1/me').set(headers);
      expectError(res, 401);
      const write = await t.http.post('/api/v1/postings').set(headers).send({});
      expectError(write, 401);
    }

    it('the real token works (the forgeries below differ from it in one way each)', async () => {
      await t.http.get('/api/v1/me').set(w.employerA.session.auth).expect(200);
    });

    it('no token, an empty or junk Authorization header', async () => {
      await expect401({});
      for (const h of [
        'Bearer',
        'Bearer ',
        'Bearer x',
        'Basic YWRtaW46YWRtaW4=',
        `bearer ${real.token}`,
        `Bearer ${real.token} x`,
        `Bearer ${'a'.repeat(5000)}`,
        'Bearer a.b.c',
      ])
        await expect401({ Authorization: h });
    });

    it('a JWT signed with another secret', async () => {
      const forged = await new JwtService({ secret: 'another-secret-of-at-least-32-characters!!' }).signAsync(
        { ...real.claims },
        { noTimestamp: true },
      );
      await expect401({ Authorization: `Bearer ${forged}` });
    });

    it('alg: none, and a real signature on a changed payload', async () => {
      const none = `${b64({ alg: 'none', typ: 'JWT' })}.${b64(real.claims)}.`;
      await expect401({ Authorization: `Bearer ${none}` });
      const [h, , s] = real.token.split('.');
      const admin = `${h}.${b64({ ...real.claims, role: 'admin', sub: w.admin.userId })}.${s}`;
      await expect401({ Authorization: `Bearer ${admin}` });
    });

    it('an expired token made with the real secret', async () => {
      const now = Math.floor(Date.now() / 1000);
      const expired = await new JwtService({ secret: jwtSecret }).signAsync(
        {
          sub: real.claims.sub,
          sid: real.claims.sid,
          role: real.claims.role,
          iat: now - 7200,
          exp: now - 3600,
        },
        { algorithm: 'HS256' },
      );
      await expect401({ Authorization: `Bearer ${expired}` });
    });

    it('the token of a logged-out session, and a refresh token used as an access token', async () => {
      const e = await employerWithRecord(t.http, { body: { creditCode: runUniqueCreditCode() } });
      const s = await login(t.http, e.session.phone);
      await t.http.get('/api/v1/me').set(s.auth).expect(200);
      expect((await t.http.post('/api/v1/auth/logout').set(s.auth)).status).toBe(204);
      await expect401(s.auth);
      await expect401({ Authorization: `Bearer ${s.refreshToken}` });
    });
  });
});
