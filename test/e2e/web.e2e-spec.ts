import request from 'supertest';
import { createTestApp, type TestApp } from '../support/app';
import { lastSmsCode, PASSWORD, uniquePhone } from '../support/factories';

/** The registration ticket the code page carries (a hidden field). */
const ticketOf = (html: string) => /name="ticket" value="([^"]+)"/.exec(html)![1];

/** Pulls the CSRF token out of a page. */
function csrfOf(html: string): string {
  const m = /name="_csrf" value="([^"]+)"/.exec(html);
  if (!m) throw new Error('no CSRF field in page');
  return m[1];
}

describe('web pages (server-rendered)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  it('serves the home page as HTML in Chinese with a strict CSP and no inline script', async () => {
    const res = await t.http.get('/').expect(200);
    expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(res.text.startsWith('<!doctype html>')).toBe(true);
    expect(res.text).toContain('lang="zh-CN"');
    expect(res.text).toContain('附近有什么工作？');
    expect(res.headers['content-security-policy']).toContain("script-src 'self'");
    expect(res.headers['content-security-policy']).not.toContain('unsafe-inline');
    expect(res.text).not.toMatch(/<script(?![^>]*\bsrc=)/);
    expect(res.text).not.toMatch(/\sstyle="/);
  });

  it('keeps the JSON API under /api/v1, including /me', async () => {
    await t.http.get('/api/v1/me').expect(401);
    const res = await t.http.get('/api/v1/no-such-thing').expect(404);
    expect(res.body.statusCode).toBe(404);
  });

  it('answers an unknown page with a 404 page in the layout', async () => {
    const res = await t.http.get('/no-such-page').expect(404);
    expect(res.headers['content-type']).toContain('text/html');
    expect(res.text).toContain('找不到这个页面');
  });

  it('serves the stylesheet compressed, with a content hash and a year of caching', async () => {
    const home = await t.http.get('/').expect(200);
    const href = /href="(\/static\/app\.css\?v=[0-9a-f]+)"/.exec(home.text)?.[1];
    expect(href).toBeDefined();
    const css = await t.http.get(href!).set('Accept-Encoding', 'gzip').expect(200);
    expect(css.headers['cache-control']).toContain('max-age=31536000');
    expect(css.headers['cache-control']).toContain('immutable');
    expect(css.headers['content-encoding']).toBe('gzip');
  });

  it('switches the language with a link and remembers it', async () => {
    const agent = request.agent(t.app.getHttpServer());
    const sw = await agent.get('/lang/en?next=%2Flogin').expect(303);
    expect(sw.headers.location).toBe('/login');
    const page = await agent.get('/login').expect(200);
    expect(page.text).toContain('lang="en"');
    expect(page.text).toContain('Mobile number');
    // An outside address is never a redirect target.
    const evil = await agent.get('/lang/zh?next=%2F%2Fevil.example').expect(303);
    expect(evil.headers.location).toBe('/');
  });

  it('refuses a form POST without its CSRF token with a 403 page', async () => {
    const agent = request.agent(t.app.getHttpServer());
    await agent.get('/login').expect(200);
    const res = await agent
      .post('/login')
      .type('form')
      .send({ phone: '13800000000', password: 'whatever1' })
      .expect(403);
    expect(res.text).toContain('页面已过期');
    const forged = await agent
      .post('/login')
      .type('form')
      .send({
        phone: '13800000000',
        password: 'whatever1',
        _csrf: 'forged-token-forged-token-forged-token-123',
      })
      .expect(403);
    expect(forged.headers['content-type']).toContain('text/html');
  });

  it('sends a signed-out visitor of a protected page to sign in, and back there afterwards', async () => {
    const res = await t.http.get('/account').expect(303);
    expect(res.headers.location).toBe('/login?next=%2Faccount');
  });

  it('registers an employer, signs in with a session cookie, signs out', async () => {
    const agent = request.agent(t.app.getHttpServer());
    const phone = uniquePhone();
    const form = await agent.get('/register').expect(200);
    // A bad phone keeps what was typed and says what is wrong next to the field.
    const bad = await agent
      .post('/register')
      .type('form')
      .send({
        _csrf: csrfOf(form.text),
        role: 'employer',
        name: '王老板',
        phone: '12345',
        password: PASSWORD,
      })
      .expect(400);
    expect(bad.text).toContain('value="王老板"');
    expect(bad.text).toContain('value="12345"');
    expect(bad.text).toContain('请填写 11 位手机号');
    expect(bad.text).not.toContain(PASSWORD);

    // Step two, the SMS code: a wrong one says so; the right one signs in.
    const codePage = await agent
      .post('/register')
      .type('form')
      .send({ _csrf: csrfOf(bad.text), role: 'employer', name: '王老板', phone, password: PASSWORD })
      .expect(200);
    expect(codePage.text).toContain(`${phone.slice(0, 3)}****${phone.slice(-4)}`);
    expect(codePage.text).toContain('name="code"');
    const code = lastSmsCode(phone);
    const wrongCode = await agent
      .post('/register/verify')
      .type('form')
      .send({
        _csrf: csrfOf(codePage.text),
        phone,
        ticket: ticketOf(codePage.text),
        code: code === '000000' ? '000001' : '000000',
      })
      .expect(400);
    expect(wrongCode.text).toContain('验证码不对');
    const ok = await agent
      .post('/register/verify')
      .type('form')
      .send({ _csrf: csrfOf(wrongCode.text), phone, ticket: ticketOf(wrongCode.text), code })
      .expect(303);
    expect(ok.headers.location).toBe('/employer');
    const cookie = String(ok.headers['set-cookie']);
    expect(cookie).toMatch(/leye_sid=[A-Za-z0-9_-]{43}/);
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);

    const home = await agent.get('/employer').expect(200);
    expect(home.text).toContain('王老板');
    const account = await agent.get('/account').expect(200);
    expect(account.text).toContain(`${phone.slice(0, 3)}****${phone.slice(-4)}`);
    // A resident page is not for employers: the home sends them to their own.
    expect((await agent.get('/').expect(303)).headers.location).toBe('/employer');
    await agent.get('/officer').expect(403);

    // The token of the signed-in page differs from the one before sign-in.
    const out = await agent
      .post('/logout')
      .type('form')
      .send({ _csrf: csrfOf(home.text) })
      .expect(303);
    expect(out.headers.location).toBe('/');
    await agent.get('/account').expect(303);

    // Signing in again with a wrong password says so and keeps the phone.
    const login = await agent.get('/login?next=%2Faccount').expect(200);
    const wrong = await agent
      .post('/login')
      .type('form')
      .send({ _csrf: csrfOf(login.text), phone, password: 'wrong-pass-1', next: '/account' })
      .expect(401);
    expect(wrong.text).toContain('手机号或密码不对');
    expect(wrong.text).toContain(`value="${phone}"`);
    const right = await agent
      .post('/login')
      .type('form')
      .send({ _csrf: csrfOf(wrong.text), phone, password: PASSWORD, next: '/account' })
      .expect(303);
    expect(right.headers.location).toBe('/account');
    await agent.get('/account').expect(200);
  });

  it('ends the session on sign-out: a copied cookie opens nothing afterwards', async () => {
    const agent = request.agent(t.app.getHttpServer());
    const phone = uniquePhone();
    const form = await agent.get('/register').expect(200);
    const codePage = await agent
      .post('/register')
      .type('form')
      .send({ _csrf: csrfOf(form.text), role: 'employer', name: '李会计', phone, password: PASSWORD })
      .expect(200);
    const reg = await agent
      .post('/register/verify')
      .type('form')
      .send({
        _csrf: csrfOf(codePage.text),
        phone,
        ticket: ticketOf(codePage.text),
        code: lastSmsCode(phone),
      })
      .expect(303);
    const sid = /leye_sid=([A-Za-z0-9_-]+)/.exec(String(reg.headers['set-cookie']))![1];
    await t.http.get('/account').set('Cookie', `leye_sid=${sid}`).expect(200);
    const page = await agent.get('/account').expect(200);
    await agent
      .post('/logout')
      .type('form')
      .send({ _csrf: csrfOf(page.text) })
      .expect(303);
    await t.http.get('/account').set('Cookie', `leye_sid=${sid}`).expect(303);
  });
});
