import { devSmsTo } from '../../src/platform/sms/sms-dev-outbox';
import { createTestApp, type TestApp } from '../support/app';
import {
  createSite,
  lastSmsCode,
  login,
  loginAdmin,
  PASSWORD,
  registerAccount,
  staff,
  uniquePhone,
  type Session,
} from '../support/factories';
import {
  accountForResident,
  createHousehold,
  createResident,
  uniqueNationalId,
} from '../support/residents-factories';
import { csrfOf, webAgent } from '../support/web-factories';

/*
 * Issue 12 (security pass), findings 1, 2, 10, 13, 14, 15 and 16: each test here is an attack
 * that worked before the fix.
 */

jest.setTimeout(60_000);

type Http = TestApp['http'];

async function registerStart(http: Http, body: Record<string, unknown>) {
  return http.post('/api/v1/auth/register').send({ password: PASSWORD, ...body });
}

/** Registers with `phone` (the attacker's own, so the attacker reads its code) and signs in. */
async function registerAndLogin(http: Http, body: { phone: string; name: string; [k: string]: unknown }) {
  const res = await registerAccount(http, { role: 'resident', ...body });
  expect(res.status).toBe(201);
  return { verify: res, session: await login(http, body.phone) };
}

describe('security: registration, sign-in and the API surface (issue 12)', () => {
  let t: TestApp;
  let admin: Session;
  let site: { id: string };
  let officer: Session;
  let householdId: string;

  beforeAll(async () => {
    t = await createTestApp();
    admin = await loginAdmin(t.http);
    site = await createSite(t.http, admin);
    officer = await staff(t.http, admin, 'officer', { siteIds: [site.id] });
    householdId = (await createHousehold(t.http, officer, site.id)).id;
  });
  afterAll(async () => {
    await t.close();
  });

  describe('finding 1: a national ID alone takes over no one', () => {
    it('an attacker who knows the ID gets a pending account that sees nothing of the record', async () => {
      const victim = await createResident(t.http, officer, householdId);
      const attackerPhone = uniquePhone();
      const { verify, session } = await registerAndLogin(t.http, {
        phone: attackerPhone,
        name: String(victim.name),
        nationalId: victim.nationalId,
      });
      expect(verify.body.user.residentId).toBeUndefined();
      const me = await t.http.get('/api/v1/me').set(session.auth).expect(200);
      expect(me.body.residentId).toBeUndefined();
      // The export that leaked the phone and the household's monitoring status, the profile,
      // the recommendations, edits and erasure: all refused.
      expect((await t.http.get(`/api/v1/residents/${victim.id}/export`).set(session.auth)).status).toBe(404);
      expect((await t.http.get(`/api/v1/residents/${victim.id}`).set(session.auth)).status).toBe(404);
      expect(
        (await t.http.get(`/api/v1/residents/${victim.id}/recommendations`).set(session.auth)).status,
      ).toBe(404);
      expect(
        (await t.http.patch(`/api/v1/residents/${victim.id}`).set(session.auth).send({ jobAlerts: false }))
          .status,
      ).toBe(404);
      expect((await t.http.post(`/api/v1/residents/${victim.id}/erase`).set(session.auth)).status).toBe(404);
      // The real person was told, on the roster phone, with a code the attacker does not have.
      expect(devSmsTo(victim.phoneClear!).at(-1)!.text).toContain('身份证号');
      const guess = await t.http
        .post('/api/v1/me/resident-link/verify')
        .set(session.auth)
        .send({ code: lastSmsCode(victim.phoneClear!) === '000000' ? '000001' : '000000' });
      expect(guess.status).toBe(400);
      expect((await t.http.get('/api/v1/me').set(session.auth)).body.residentId).toBeUndefined();

      // The real person registers with the roster phone: linked at once (the phone's code proves it).
      const own = await accountForResident(t.http, victim);
      const ownMe = await t.http.get('/api/v1/me').set(own.auth).expect(200);
      expect(ownMe.body.residentId).toBe(victim.id);
      expect((await t.http.get(`/api/v1/residents/${victim.id}/export`).set(own.auth)).status).toBe(200);
    });

    it('the code sent to the roster phone links an account registered with another phone', async () => {
      const resident = await createResident(t.http, officer, householdId);
      const newPhone = uniquePhone();
      const { session } = await registerAndLogin(t.http, {
        phone: newPhone,
        name: String(resident.name),
        nationalId: resident.nationalId,
      });
      const res = await t.http
        .post('/api/v1/me/resident-link/verify')
        .set(session.auth)
        .send({ code: lastSmsCode(resident.phoneClear!) });
      expect(res.status).toBe(200);
      expect(res.body).toEqual({ residentId: resident.id });
      // A new access token carries the link (the session reads the account afresh).
      expect((await t.http.get('/api/v1/me').set(session.auth)).body.residentId).toBe(resident.id);
    });

    it('the web page takes the roster code too (no JavaScript needed)', async () => {
      const resident = await createResident(t.http, officer, householdId);
      const phone = uniquePhone();
      await registerAndLogin(t.http, { phone, name: String(resident.name), nationalId: resident.nationalId });
      const agent = await webAgent(t, phone);
      expect((await agent.get('/my/profile')).text).toContain('/account/link');
      const form = await agent.get('/account/link').expect(200);
      const code = lastSmsCode(resident.phoneClear!);
      const wrong = await agent
        .post('/account/link')
        .type('form')
        .send({ _csrf: csrfOf(form.text), code: code === '000000' ? '000001' : '000000' })
        .expect(400);
      expect(wrong.text).toContain('验证码不对');
      const ok = await agent
        .post('/account/link')
        .type('form')
        .send({ _csrf: csrfOf(wrong.text), code })
        .expect(303);
      expect(ok.headers.location).toBe('/my/profile');
      expect((await agent.get('/api/v1/me')).body.residentId).toBe(resident.id);
    });

    it('without a roster phone only an officer of the site links the account', async () => {
      const resident = await createResident(t.http, officer, householdId, { phone: undefined });
      const { session } = await registerAndLogin(t.http, {
        phone: uniquePhone(),
        name: String(resident.name),
        nationalId: resident.nationalId,
      });
      const admin2 = await loginAdmin(t.http);
      const elsewhere = await createSite(t.http, admin2, { regionCode: '422802101' });
      const stranger = await staff(t.http, admin2, 'officer', { siteIds: [elsewhere.id] });
      const strangerList = await t.http.get('/api/v1/resident-link-claims').set(stranger.auth).expect(200);
      expect(strangerList.body).toEqual([]);
      const list = await t.http.get('/api/v1/resident-link-claims').set(officer.auth).expect(200);
      const claim = (list.body as { id: string; residentId: string; accountPhone: string }[]).find(
        (c) => c.residentId === resident.id,
      );
      expect(claim).toBeDefined();
      expect(claim!.accountPhone).toMatch(/^\d{3}\*{4}\d{4}$/);
      expect(
        (
          await t.http
            .post(`/api/v1/resident-link-claims/${claim!.id}/confirm`)
            .set(stranger.auth)
            .send({ idCardChecked: true })
        ).status,
      ).toBe(404);
      expect((await t.http.get('/api/v1/me').set(session.auth)).body.residentId).toBeUndefined();
      await t.http
        .post(`/api/v1/resident-link-claims/${claim!.id}/confirm`)
        .set(officer.auth)
        .send({ idCardChecked: true })
        .expect(204);
      expect((await t.http.get('/api/v1/me').set(session.auth)).body.residentId).toBe(resident.id);
    });
  });

  describe('finding 1: the officer confirms on a page', () => {
    it('lists the claims of their sites and links the account with one button', async () => {
      const resident = await createResident(t.http, officer, householdId, { phone: undefined });
      const { session } = await registerAndLogin(t.http, {
        phone: uniquePhone(),
        name: '页面确认',
        nationalId: resident.nationalId,
      });
      const admin2 = await loginAdmin(t.http);
      const o2 = await staff(t.http, admin2, 'officer', { siteIds: [site.id] });
      const agent = await webAgent(t, o2.phone);
      const page = await agent.get('/officer/link-claims').expect(200);
      expect(page.text).toContain(String(resident.name));
      expect(page.text).toContain('页面确认');
      const claims = (await t.http.get('/api/v1/resident-link-claims').set(o2.auth)).body as {
        id: string;
        residentId: string;
      }[];
      const claim = claims.find((c) => c.residentId === resident.id)!;
      const done = await agent
        .post(`/officer/link-claims/${claim.id}/confirm`)
        .type('form')
        .send({ _csrf: csrfOf(page.text), idCardChecked: 'true' })
        .expect(303);
      expect(done.headers.location).toBe('/officer/link-claims?done=confirmed');
      expect((await t.http.get('/api/v1/me').set(session.auth)).body.residentId).toBe(resident.id);
    });
  });

  describe('finding 1: no squatting on a national ID before it is on the roster', () => {
    it("a self-registration with someone's ID does not become that person's record later", async () => {
      const id = uniqueNationalId();
      const { nationalId } = id;
      const squatterPhone = uniquePhone();
      const { session } = await registerAndLogin(t.http, {
        phone: squatterPhone,
        name: '抢注',
        nationalId,
        siteId: site.id,
      });
      // An ID on no roster waits for the officer too (no oracle through /me); say they confirm.
      expect((await t.http.get('/api/v1/me').set(session.auth)).body.residentId).toBeUndefined();
      const claims = (await t.http.get('/api/v1/resident-link-claims').set(officer.auth)).body as {
        id: string;
        accountName: string;
      }[];
      const claim = claims.find((c) => c.accountName === '抢注')!;
      await t.http
        .post(`/api/v1/resident-link-claims/${claim.id}/confirm`)
        .set(officer.auth)
        .send({ idCardChecked: true })
        .expect(204);
      const squatted = (await t.http.get('/api/v1/me').set(session.auth)).body.residentId as string;
      expect(squatted).toBeDefined();
      // The officer enters the real person with that ID: a new record, not the squatter's.
      const real = await createResident(t.http, officer, householdId, id);
      expect(real.id).not.toBe(squatted);
      expect((await t.http.get(`/api/v1/residents/${real.id}`).set(session.auth)).status).toBe(404);
      expect((await t.http.get(`/api/v1/residents/${squatted}/export`).set(session.auth)).body.phone).toBe(
        squatterPhone,
      );
    });
  });

  describe('finding 14: a registration started again by someone else does not take the code', () => {
    it("the owner's code creates no account with the other starter's password", async () => {
      const phone = uniquePhone();
      const owner = await registerStart(t.http, { phone, name: '本人', role: 'employer' });
      const other = await registerStart(t.http, {
        phone,
        name: '别人',
        role: 'employer',
        password: 'Other-pass-9',
      });
      expect([owner.status, other.status]).toEqual([202, 202]);
      // The owner types the newest SMS (sent for the other's registration) with their own ticket.
      const res = await t.http
        .post('/api/v1/auth/register/verify')
        .send({ phone, code: lastSmsCode(phone), ticket: owner.body.ticket });
      expect(res.status).toBe(400);
      expect((await t.http.post('/api/v1/auth/login').send({ phone, password: 'Other-pass-9' })).status).toBe(
        401,
      );
      // Registering again works, with the owner's password.
      expect((await registerAccount(t.http, { phone, name: '本人', role: 'employer' })).status).toBe(201);
      await login(t.http, phone);
    });
  });

  describe('findings 2 and 14: registration answers the same for everyone', () => {
    it('not on a roster, on a roster and linked, on a roster and free: the same answers', async () => {
      const free = await createResident(t.http, officer, householdId);
      const linked = await createResident(t.http, officer, householdId);
      await accountForResident(t.http, linked);
      // A valid national ID that no roster holds.
      const unknownId = uniqueNationalId().nationalId;
      const cases = [unknownId, linked.nationalId, free.nationalId];
      const starts = [];
      const verifies = [];
      for (const nationalId of cases) {
        const phone = uniquePhone();
        const start = await registerStart(t.http, { phone, name: '试探', role: 'resident', nationalId });
        starts.push(start);
        verifies.push(
          await t.http
            .post('/api/v1/auth/register/verify')
            .send({ phone, code: lastSmsCode(phone), ticket: start.body.ticket }),
        );
      }
      expect(starts.map((r) => r.status)).toEqual([202, 202, 202]);
      expect(new Set(starts.map((r) => JSON.stringify({ ...r.body, ticket: 't' }))).size).toBe(1);
      expect(verifies.map((r) => r.status)).toEqual([201, 201, 201]);
      expect(verifies.map((r) => Object.keys(r.body.user).sort())).toEqual([
        ['id', 'name', 'role'],
        ['id', 'name', 'role'],
        ['id', 'name', 'role'],
      ]);
    });

    it('a staff phone and a new phone get the same answer; the owner gets an SMS', async () => {
      const staffPhone = (await staff(t.http, admin, 'provider')).phone;
      const taken = await registerStart(t.http, { phone: staffPhone, name: '冒名', role: 'employer' });
      const fresh = await registerStart(t.http, { phone: uniquePhone(), name: '冒名', role: 'employer' });
      expect([taken.status, fresh.status]).toEqual([202, 202]);
      expect({ ...taken.body, ticket: 't' }).toEqual({ ...fresh.body, ticket: 't' });
      expect(devSmsTo(staffPhone).at(-1)!.text).toContain('已经有账号');
      // The staff account is untouched: its password still signs in.
      await login(t.http, staffPhone);
    });
  });

  describe('finding 13: the API takes no state change on the strength of the web cookie', () => {
    it('a form-encoded POST with only the session cookie is refused; reads still work', async () => {
      const phone = uniquePhone();
      expect((await registerAccount(t.http, { phone, name: '企业', role: 'employer' })).status).toBe(201);
      const agent = await webAgent(t, phone);
      expect((await agent.get('/api/v1/me')).status).toBe(200);
      // Before the fix this signed the victim out (and any form could do it from another site).
      const forged = await agent.post('/api/v1/auth/logout').type('form').send({});
      expect(forged.status).toBe(401);
      const created = await agent
        .post('/api/v1/employers')
        .type('form')
        .send({ name: '伪造企业', kind: 'enterprise' });
      expect(created.status).toBe(401);
      expect((await agent.get('/api/v1/me')).status).toBe(200);
    });
  });

  describe('finding 15: /metrics needs its token', () => {
    it('refuses anonymous callers and user tokens; answers the scraper', async () => {
      expect((await t.http.get('/metrics')).status).toBe(401);
      expect((await t.http.get('/metrics').set(admin.auth)).status).toBe(401);
      expect((await t.http.get('/metrics').set('Authorization', 'Bearer wrong-token-123456')).status).toBe(
        401,
      );
      const ok = await t.http.get('/metrics').set('Authorization', `Bearer ${process.env.METRICS_TOKEN}`);
      expect(ok.status).toBe(200);
      expect(ok.text).toContain('leye_http_request_duration_seconds');
    });
  });

  describe('finding 16: deeply nested JSON is a 400, not a 500', () => {
    const nested = (depth: number) => '{"a":'.repeat(depth) + '1' + '}'.repeat(depth);

    it('refuses 4,000 levels on /auth/login anonymously and on a signed-in route', async () => {
      for (const [path, auth] of [
        ['/api/v1/auth/login', {}],
        ['/api/v1/employers', admin.auth],
      ] as const) {
        const res = await t.http
          .post(path)
          .set(auth)
          .set('Content-Type', 'application/json')
          .send(nested(4000));
        expect(res.status).toBe(400);
        expect(res.body.message).toMatch(/deeper than 32/);
      }
      const arrays = '['.repeat(4000) + ']'.repeat(4000);
      const res = await t.http
        .post('/api/v1/auth/login')
        .set('Content-Type', 'application/json')
        .send(arrays);
      expect(res.status).toBe(400);
    });

    it('refuses 33 levels and lets ordinary bodies through', async () => {
      const res = await t.http
        .post('/api/v1/auth/login')
        .set('Content-Type', 'application/json')
        .send(nested(33));
      expect(res.status).toBe(400);
      const fine = await t.http.post('/api/v1/auth/login').send({ phone: uniquePhone(), password: 'x1' });
      expect(fine.status).toBe(401);
    });
  });
});

describe('finding 10: strangers cannot lock an owner out', () => {
  let t: TestApp;
  beforeAll(async () => {
    // The app trusts X-Forwarded-For only behind a proxy (TRUST_PROXY), as here.
    t = await createTestApp({ env: { TRUST_PROXY: 'true', LOGIN_MAX_FAILURES: '3' } });
  });
  afterAll(async () => {
    await t.close();
  });

  it('wrong passwords from address A never stop the right password from address B', async () => {
    const phone = uniquePhone();
    expect((await registerAccount(t.http, { phone, name: '店主', role: 'employer' })).status).toBe(201);
    const from = (ip: string, password: string) =>
      t.http.post('/api/v1/auth/login').set('X-Forwarded-For', ip).send({ phone, password });
    const a = [];
    for (let i = 0; i < 6; i++) a.push((await from('203.0.113.7', 'wrong-pass1')).status);
    expect(a).toEqual([401, 401, 401, 429, 429, 429]);
    // A is stopped, even with the right password; B (the owner) signs in.
    expect((await from('203.0.113.7', PASSWORD)).status).toBe(429);
    expect((await from('198.51.100.20', PASSWORD)).status).toBe(200);
    // And more strangers at more addresses still do not lock the owner out.
    for (const ip of ['192.0.2.1', '192.0.2.2', '192.0.2.3'])
      for (let i = 0; i < 3; i++) expect((await from(ip, 'wrong-pass1')).status).toBe(401);
    expect((await from('198.51.100.21', PASSWORD)).status).toBe(200);
  });

  it('one address guessing many phones is stopped', async () => {
    const statuses: number[] = [];
    // 3 × 20 failures from one address over many phones, then it is refused for any phone.
    for (let i = 0; i < 61; i++) {
      statuses.push(
        (
          await t.http
            .post('/api/v1/auth/login')
            .set('X-Forwarded-For', '203.0.113.99')
            .send({ phone: uniquePhone(), password: 'wrong-pass1' })
        ).status,
      );
    }
    expect(statuses.slice(0, 60).every((s) => s === 401)).toBe(true);
    expect(statuses[60]).toBe(429);
  });
});
