import { createTestApp, type TestApp } from '../support/app';
import {
  ADMIN,
  createSite,
  login,
  loginAdmin,
  PASSWORD,
  registerAccount,
  staff,
  uniquePhone,
} from '../support/factories';
import { devSmsTo } from '../../src/platform/sms/sms-dev-outbox';

describe('identity and access (API.md "Bootstrap", auth endpoints)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  it('registers, logs in, reads /me with a masked phone, refreshes and logs out', async () => {
    const phone = uniquePhone();
    const reg = await registerAccount(t.http, { phone, name: '张老板', role: 'employer' });
    expect(reg.status).toBe(201);
    expect(reg.body.user).toMatchObject({ role: 'employer', name: '张老板' });

    const s = await login(t.http, phone);
    const me = await t.http.get('/api/v1/me').set(s.auth);
    expect(me.status).toBe(200);
    expect(me.body).toMatchObject({ id: s.userId, role: 'employer', name: '张老板' });
    expect(me.body.phone).toBe(`${phone.slice(0, 3)}****${phone.slice(-4)}`);

    const r1 = await t.http.post('/api/v1/auth/refresh').send({ refreshToken: s.refreshToken });
    expect(r1.status).toBe(200);
    expect(r1.body.refreshToken).not.toBe(s.refreshToken);
    const newAuth = { Authorization: `Bearer ${r1.body.accessToken}` };
    expect((await t.http.get('/api/v1/me').set(newAuth)).status).toBe(200);

    expect((await t.http.post('/api/v1/auth/logout').set(newAuth)).status).toBe(204);
    expect((await t.http.get('/api/v1/me').set(newAuth)).status).toBe(401);
    expect(
      (await t.http.post('/api/v1/auth/refresh').send({ refreshToken: r1.body.refreshToken })).status,
    ).toBe(401);
  });

  it('reuse of an old refresh token revokes the whole family', async () => {
    const phone = uniquePhone();
    expect((await registerAccount(t.http, { phone, name: '李四', role: 'employer' })).status).toBe(201);
    const s = await login(t.http, phone);
    const r1 = await t.http.post('/api/v1/auth/refresh').send({ refreshToken: s.refreshToken }).expect(200);
    // The thief replays the first token: refused, and the owner's newer tokens die with it.
    const replay = await t.http.post('/api/v1/auth/refresh').send({ refreshToken: s.refreshToken });
    expect(replay.status).toBe(401);
    expect(
      (await t.http.post('/api/v1/auth/refresh').send({ refreshToken: r1.body.refreshToken })).status,
    ).toBe(401);
    expect(
      (await t.http.get('/api/v1/me').set({ Authorization: `Bearer ${r1.body.accessToken}` })).status,
    ).toBe(401);
    // A fresh login still works.
    await login(t.http, phone);
  });

  it('wrong password is 401 in the error format', async () => {
    const res = await t.http
      .post('/api/v1/auth/login')
      .send({ phone: ADMIN.phone, password: 'not-the-password1' });
    expect(res.status).toBe(401);
    expect(res.body).toMatchObject({ statusCode: 401, error: 'Unauthorized' });
    expect(typeof res.body.requestId).toBe('string');
  });

  it('unknown and bad fields are 400 with one detail per field', async () => {
    const res = await t.http
      .post('/api/v1/auth/register')
      .send({ phone: '123', password: 'short', name: '', role: 'admin', isAdmin: true });
    expect(res.status).toBe(400);
    const fields = (res.body.details as { field: string }[]).map((d) => d.field).sort();
    expect(fields).toEqual(expect.arrayContaining(['isAdmin', 'name', 'password', 'phone', 'role']));
  });

  it('malformed and forged tokens are 401', async () => {
    expect((await t.http.get('/api/v1/me').set('Authorization', 'Bearer nonsense')).status).toBe(401);
    expect((await t.http.get('/api/v1/me').set('Authorization', 'Basic abc')).status).toBe(401);
    const forged =
      Buffer.from(JSON.stringify({ alg: 'HS256', typ: 'JWT' })).toString('base64url') +
      '.' +
      Buffer.from(
        JSON.stringify({ sub: '00000000-0000-4000-8000-000000000000', sid: 'x', role: 'admin' }),
      ).toString('base64url') +
      '.c2lnbmF0dXJl';
    expect((await t.http.get('/api/v1/me').set('Authorization', `Bearer ${forged}`)).status).toBe(401);
    expect((await t.http.get('/api/v1/me')).status).toBe(401);
  });

  it('only admins create staff; the staff user gets its scope', async () => {
    const admin = await loginAdmin(t.http);
    const site = await createSite(t.http, admin);
    const officer = await staff(t.http, admin, 'officer', { siteIds: [site.id] });
    const me = await t.http.get('/api/v1/me').set(officer.auth).expect(200);
    expect(me.body.scope).toEqual({ siteIds: [site.id], regionCodes: [] });
    const res = await t.http
      .post('/api/v1/users')
      .set(officer.auth)
      .send({ phone: uniquePhone(), password: PASSWORD, name: 'x', role: 'admin' });
    expect(res.status).toBe(403);
    const bad = await t.http
      .post('/api/v1/users')
      .set(admin.auth)
      .send({
        phone: uniquePhone(),
        password: PASSWORD,
        name: 'x',
        role: 'officer',
        scope: { siteIds: [], regionCodes: ['999999'] },
      });
    expect(bad.status).toBe(400);
    expect(bad.body.details[0].field).toBe('scope.regionCodes');
  });

  it('a taken phone gets the same answer as a new one; only the SMS to the owner differs', async () => {
    const phone = uniquePhone();
    expect((await registerAccount(t.http, { phone, name: 'a', role: 'employer' })).status).toBe(201);
    const fresh = uniquePhone();
    const taken = await t.http
      .post('/api/v1/auth/register')
      .send({ phone, password: PASSWORD, name: 'b', role: 'employer' });
    const anew = await t.http
      .post('/api/v1/auth/register')
      .send({ phone: fresh, password: PASSWORD, name: 'b', role: 'employer' });
    expect(taken.status).toBe(202);
    expect(anew.status).toBe(202);
    // The same answer: the same message, and a random ticket either way.
    expect({ ...taken.body, ticket: 't' }).toEqual({ ...anew.body, ticket: 't' });
    expect(taken.body.ticket).toMatch(/^[A-Za-z0-9_-]{32}$/);
    expect(devSmsTo(phone).at(-1)!.text).toContain('已经有账号');
    // No code went to the taken phone: whatever an attacker types, the same 400 as a wrong code.
    const verify = await t.http
      .post('/api/v1/auth/register/verify')
      .send({ phone, code: '000000', ticket: taken.body.ticket });
    expect(verify.status).toBe(400);
    expect((await t.http.post('/api/v1/auth/login').send({ phone, password: PASSWORD })).status).toBe(200);
  });

  it('a wrong code is 400 and five wrong codes kill the registration', async () => {
    const phone = uniquePhone();
    const { ticket } = (
      await t.http
        .post('/api/v1/auth/register')
        .send({ phone, password: PASSWORD, name: 'c', role: 'employer' })
        .expect(202)
    ).body as { ticket: string };
    const code = /\d{6}/.exec(devSmsTo(phone).at(-1)!.text)![0];
    const wrong = code === '111111' ? '222222' : '111111';
    for (let i = 0; i < 5; i++) {
      const res = await t.http.post('/api/v1/auth/register/verify').send({ phone, code: wrong, ticket });
      expect(res.status).toBe(400);
      expect(res.body.details[0].field).toBe('code');
    }
    expect((await t.http.post('/api/v1/auth/register/verify').send({ phone, code, ticket })).status).toBe(
      400,
    );
    expect((await t.http.post('/api/v1/auth/login').send({ phone, password: PASSWORD })).status).toBe(401);
  });

  it('an officer of site A gets 404 on site B', async () => {
    const admin = await loginAdmin(t.http);
    const a = await createSite(t.http, admin);
    const b = await createSite(t.http, admin, { regionCode: '422802101' });
    const officer = await staff(t.http, admin, 'officer', { siteIds: [a.id] });
    expect((await t.http.get(`/api/v1/sites/${a.id}`).set(officer.auth)).status).toBe(200);
    const res = await t.http.get(`/api/v1/sites/${b.id}`).set(officer.auth);
    expect(res.status).toBe(404);
    const list = await t.http.get('/api/v1/sites').set(officer.auth).expect(200);
    expect(list.body.items.map((s: { id: string }) => s.id)).toEqual([a.id]);
  });
});

describe('login rate limits', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ env: { LOGIN_MAX_FAILURES: '3' } });
  });
  afterAll(async () => {
    await t.close();
  });

  it('answers 429 with Retry-After after repeated failed logins for a phone from one address', async () => {
    const phone = uniquePhone();
    expect((await registerAccount(t.http, { phone, name: 'c', role: 'employer' })).status).toBe(201);
    for (let i = 0; i < 3; i++) {
      expect((await t.http.post('/api/v1/auth/login').send({ phone, password: 'wrong-pass1' })).status).toBe(
        401,
      );
    }
    const res = await t.http.post('/api/v1/auth/login').send({ phone, password: PASSWORD });
    expect(res.status).toBe(429);
    expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
  });

  it('limits attempts per IP', async () => {
    const limited = await createTestApp({
      env: { AUTH_IP_REQUESTS_PER_MINUTE: '3', LEYE_QUEUE_PREFIX: `ip_${Date.now()}` },
    });
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 5; i++) {
        statuses.push(
          (
            await limited.http
              .post('/api/v1/auth/login')
              .send({ phone: uniquePhone(), password: 'whatever1' })
          ).status,
        );
      }
      expect(statuses.slice(0, 3)).toEqual([401, 401, 401]);
      expect(statuses.slice(3)).toEqual([429, 429]);
    } finally {
      await limited.close();
    }
  });
});
