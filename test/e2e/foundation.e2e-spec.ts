import { Client } from 'pg';
import { createTestApp, type TestApp } from '../support/app';
import { ADMIN, createSite, loginAdmin, staff } from '../support/factories';
import { webAgent } from '../support/web-factories';

/*
 * Issue 2 "Operations" and issue 7 "Hardening": health, metrics, request ids, the queue
 * dashboard for admins only, security headers, the body limit, the append-only audit log.
 */
describe('foundation: operations and hardening', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  it('/health/live is 200 and /health/ready checks PostgreSQL and Redis', async () => {
    expect((await t.http.get('/health/live')).status).toBe(200);
    const ready = await t.http.get('/health/ready');
    expect(ready.status).toBe(200);
    expect(ready.body).toMatchObject({
      status: 'ok',
      checks: { postgres: { status: 'up' }, redis: { status: 'up' } },
    });
  });

  it('/metrics has the HTTP latency histogram and the queue depths', async () => {
    await t.http.get('/health/live');
    const res = await t.http.get('/metrics').set('Authorization', `Bearer ${process.env.METRICS_TOKEN}`);
    expect(res.status).toBe(200);
    expect(res.text).toContain('leye_http_request_duration_seconds_bucket');
    expect(res.text).toMatch(/leye_queue_jobs\{queue="maintenance",state="waiting"\}/);
  });

  it('echoes a sane X-Request-Id, makes one up otherwise, and errors carry it', async () => {
    const echoed = await t.http.get('/api/v1/me').set('X-Request-Id', 'trace-abc.123');
    expect(echoed.headers['x-request-id']).toBe('trace-abc.123');
    expect(echoed.status).toBe(401);
    expect(echoed.body).toMatchObject({ statusCode: 401, error: 'Unauthorized', requestId: 'trace-abc.123' });
    const made = await t.http.get('/api/v1/me').set('X-Request-Id', 'bad id with spaces <script>');
    expect(made.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    expect(made.body.requestId).toBe(made.headers['x-request-id']);
  });

  it('/admin/queues: 401 anonymous, 403 for an officer, 200 for the admin', async () => {
    const admin = await loginAdmin(t.http);
    const site = await createSite(t.http, admin);
    const officer = await staff(t.http, admin, 'officer', { siteIds: [site.id] });
    const anon = await t.http.get('/admin/queues');
    expect(anon.status).toBe(401);
    expect(anon.body).toMatchObject({ statusCode: 401, requestId: expect.any(String) });
    expect((await t.http.get('/admin/queues').set(officer.auth)).status).toBe(403);
    const ok = await t.http.get('/admin/queues').set(admin.auth).redirects(2);
    expect(ok.status).toBe(200);
    expect(ok.headers['content-type']).toMatch(/text\/html/);
  });

  it("/admin/queues refuses a state change riding the admin's web cookie from another site", async () => {
    const agent = await webAgent(t, ADMIN.phone, ADMIN.password);
    const forged = await agent.put('/admin/queues/api/queues/resume').set('Host', 'leye.test');
    expect(forged.status).toBe(403);
    const crossSite = await agent
      .put('/admin/queues/api/queues/resume')
      .set('Host', 'leye.test')
      .set('Origin', 'https://evil.example');
    expect(crossSite.status).toBe(403);
    const own = await agent
      .put('/admin/queues/api/queues/resume')
      .set('Host', 'leye.test')
      .set('Origin', 'http://leye.test');
    expect(own.status).toBe(200);
  });

  it('sends security headers, with a CSP without unsafe-inline on API responses', async () => {
    const res = await t.http.get('/api/v1/regions');
    const csp = res.headers['content-security-policy'];
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toContain('unsafe-inline');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['strict-transport-security']).toBeDefined();
    expect(res.headers['x-frame-options']).toBeDefined();
    expect(res.headers['x-powered-by']).toBeUndefined();
  });

  it('refuses a body over the limit with 413 in the error format', async () => {
    const big = JSON.stringify({ phone: '13900000000', password: 'x'.repeat(300 * 1024) });
    const res = await t.http.post('/api/v1/auth/login').set('Content-Type', 'application/json').send(big);
    expect(res.status).toBe(413);
    expect(res.body).toMatchObject({ statusCode: 413, requestId: expect.any(String) });
  });

  it('audit_entry refuses UPDATE and DELETE', async () => {
    await loginAdmin(t.http);
    const c = new Client({ connectionString: process.env.DATABASE_URL });
    await c.connect();
    try {
      const rows = await c.query<{ id: string }>('SELECT id FROM audit_entry ORDER BY id DESC LIMIT 1');
      expect(rows.rowCount).toBe(1);
      const id = rows.rows[0].id;
      await expect(c.query(`UPDATE audit_entry SET action = 'tampered' WHERE id = $1`, [id])).rejects.toThrow(
        /append-only/,
      );
      await expect(c.query('DELETE FROM audit_entry WHERE id = $1', [id])).rejects.toThrow(/append-only/);
      const still = await c.query<{ action: string }>('SELECT action FROM audit_entry WHERE id = $1', [id]);
      expect(still.rows[0].action).not.toBe('tampered');
    } finally {
      await c.end();
    }
  });
});
