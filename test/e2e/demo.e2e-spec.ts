import { DataSource } from 'typeorm';
import { PiiCipher } from '../../src/platform/crypto/pii-cipher';
import { dropDatabase, ensureDatabase } from '../../src/platform/database/create-database';
import { dataSourceOptions } from '../../src/platform/database/data-source-options';
import { DemoDataStep } from '../../tools/demo/demo-data.step';
import { DEMO_ACCOUNTS, DEMO_PASSWORD, ORIGIN_TOWNSHIP } from '../../tools/demo/demo-scenario';
import { generateDatabase } from '../../tools/demo/generate';
import { checkNationalId } from '../../src/residents/national-id';
import { createTestApp, type TestApp } from '../support/app';
import { login } from '../support/factories';

/**
 * The demo data and the generator, each in databases of their own (the run's database is shared
 * by every test file, and the demo only loads into an empty one).
 */
function databaseUrl(suffix: string): string {
  const url = new URL(process.env.DATABASE_URL!);
  url.pathname = `${url.pathname}_${suffix}`;
  return url.toString();
}

async function migrated(url: string): Promise<void> {
  await ensureDatabase(url);
  const ds = new DataSource(dataSourceOptions(url));
  await ds.initialize();
  try {
    await ds.runMigrations({ transaction: 'each' });
  } finally {
    await ds.destroy();
  }
}

async function withDataSource<T>(url: string, fn: (ds: DataSource) => Promise<T>): Promise<T> {
  const ds = new DataSource(dataSourceOptions(url));
  await ds.initialize();
  try {
    return await fn(ds);
  } finally {
    await ds.destroy();
  }
}

const POPULATION_COUNTS = `SELECT (SELECT count(*) FROM site)::int AS sites, (SELECT count(*) FROM household)::int AS households,
  (SELECT count(*) FROM resident)::int AS residents, (SELECT count(*) FROM resident_skill)::int AS skills,
  (SELECT count(*) FROM employer)::int AS employers, (SELECT count(*) FROM posting)::int AS postings,
  (SELECT count(*) FROM course)::int AS courses, (SELECT count(*) FROM app_user)::int AS users,
  (SELECT count(*) FROM outbox_event)::int AS outbox`;

describe('demo data (npm start on an empty database)', () => {
  const url = databaseUrl('demo');
  let t: TestApp;

  beforeAll(async () => {
    await dropDatabase(url);
    await migrated(url);
    t = await createTestApp({ env: { DATABASE_URL: url, LEYE_DEMO: 'true', LEYE_BOOTSTRAP: 'true' } });
  }, 120_000);

  afterAll(async () => {
    await t?.close();
    await dropDatabase(url);
  }, 60_000);

  it('signs in every README demo account with its role', async () => {
    const expected: [string, string][] = [
      [DEMO_ACCOUNTS.siteOfficer, 'officer'],
      [DEMO_ACCOUNTS.originOfficer, 'officer'],
      [DEMO_ACCOUNTS.teaEmployer, 'employer'],
      [DEMO_ACCOUNTS.workshopEmployer, 'employer'],
      [DEMO_ACCOUNTS.provider, 'provider'],
      [DEMO_ACCOUNTS.resident, 'resident'],
    ];
    for (const [phone, role] of expected) {
      const res = await t.http.post('/api/v1/auth/login').send({ phone, password: DEMO_PASSWORD });
      expect(res.status).toBe(200);
      expect(res.body.user.role).toBe(role);
    }
  });

  it('lets the site officer see the households of both demo sites and the second officer those of the 文斗镇 site', async () => {
    const officer = await login(t.http, DEMO_ACCOUNTS.siteOfficer, DEMO_PASSWORD);
    const sites = await t.http.get('/api/v1/sites').set(officer.auth);
    expect(sites.status).toBe(200);
    const wendou = sites.body.items.find((s: { regionCode: string }) => s.regionCode === '422802107');
    expect(wendou.name).toContain('演示');
    const households = await t.http.get(`/api/v1/households?siteId=${wendou.id}`).set(officer.auth);
    expect(households.status).toBe(200);
    expect(households.body.total).toBeGreaterThan(100);

    const origin = await login(t.http, DEMO_ACCOUNTS.originOfficer, DEMO_PASSWORD);
    const registered = await t.http.get('/api/v1/households').set(origin.auth);
    expect(registered.status).toBe(200);
    expect(registered.body.total).toBeGreaterThan(0);
    // Demo accounts reach demo sites only (issue 12 item 6; test/e2e/security-demo.e2e-spec.ts).
    expect(registered.body.items.every((h: { siteId: string }) => h.siteId === wendou.id)).toBe(true);
    expect(
      registered.body.items.some((h: { originRegionCode: string }) => h.originRegionCode.startsWith(ORIGIN_TOWNSHIP)),
    ).toBe(true);
  });

  it('links the demo resident and the demo employers to their records', async () => {
    const resident = await login(t.http, DEMO_ACCOUNTS.resident, DEMO_PASSWORD);
    const me = await t.http.get('/api/v1/me').set(resident.auth);
    expect(me.body.residentId).toBeDefined();
    const own = await t.http.get(`/api/v1/residents/${me.body.residentId}`).set(resident.auth);
    expect(own.status).toBe(200);
    expect(own.body.nationalIdMasked).toMatch(/^\d{6}\*+\d{3}[\dX]$/);

    const employer = await login(t.http, DEMO_ACCOUNTS.teaEmployer, DEMO_PASSWORD);
    const emp = await t.http.get('/api/v1/me').set(employer.auth);
    const record = await t.http.get(`/api/v1/employers/${emp.body.employerId}`).set(employer.auth);
    expect(record.status).toBe(200);
    expect(record.body.verified).toBe(true);
  });

  it('publishes about 30 open postings that anyone finds, and upcoming courses', async () => {
    const postings = await t.http.get('/api/v1/postings?pageSize=100');
    expect(postings.status).toBe(200);
    expect(postings.body.total).toBeGreaterThanOrEqual(25);
    const tea = await t.http.get(`/api/v1/postings?q=${encodeURIComponent('摘茶')}`);
    expect(tea.body.total).toBeGreaterThan(0);
    const courses = await t.http.get('/api/v1/courses');
    expect(courses.status).toBe(200);
    expect(courses.body.total ?? courses.body.items?.length ?? courses.body.length).toBeGreaterThanOrEqual(5);
  });

  it('stores no national ID in clear and writes outbox events for the worker', async () => {
    await withDataSource(url, async (ds) => {
      const rows: { row: string; encrypted: string }[] = await ds.query(
        'SELECT row_to_json(r)::text AS row, r.national_id_encrypted AS encrypted FROM resident r',
      );
      expect(rows.length).toBeGreaterThan(800);
      const pii = t.app.get(PiiCipher);
      const ids = rows.map((r) => pii.decrypt(r.encrypted));
      expect(ids.every((id) => checkNationalId(id) === null)).toBe(true);
      const all = rows.map((r) => r.row).join('\n');
      expect(ids.filter((id) => all.includes(id))).toEqual([]);
      const [{ n }]: { n: number }[] = await ds.query(
        `SELECT count(*)::int AS n FROM outbox_event WHERE kind = 'posting.changed'`,
      );
      expect(n).toBeGreaterThanOrEqual(25);
    });
  });

  it('adds nothing when the step runs again', async () => {
    const before = await withDataSource(url, (ds) => ds.query(POPULATION_COUNTS));
    expect(await t.app.get(DemoDataStep).seed()).toBeNull();
    await t.app.get(DemoDataStep).run();
    const after = await withDataSource(url, (ds) => ds.query(POPULATION_COUNTS));
    expect(after).toEqual(before);
  });
});

describe('generator (npm run generate)', () => {
  const a = databaseUrl('gen_a');
  const b = databaseUrl('gen_b');

  afterAll(async () => {
    await dropDatabase(a);
    await dropDatabase(b);
  }, 60_000);

  it('is reproducible: the same seed gives the same counts and the same national-ID hmacs', async () => {
    const opts = { residents: 2000, postings: 200, sites: 10, seed: 42, asOf: '2026-06-01' };
    await dropDatabase(a);
    await dropDatabase(b);
    const first = await generateDatabase(a, opts);
    const second = await generateDatabase(b, opts);
    expect(first.counts.residents).toBe(2000);
    expect(second.counts).toEqual(first.counts);
    const hmacs = (url: string) =>
      withDataSource(url, async (ds) =>
        (await ds.query('SELECT national_id_hmac AS h FROM resident ORDER BY 1')).map(
          (r: { h: string }) => r.h,
        ),
      );
    const [ha, hb] = [await hmacs(a), await hmacs(b)];
    expect(ha).toHaveLength(2000);
    expect(hb).toEqual(ha);
    const [ca, cb] = [
      await withDataSource(a, (ds) => ds.query(POPULATION_COUNTS)),
      await withDataSource(b, (ds) => ds.query(POPULATION_COUNTS)),
    ];
    expect(cb).toEqual(ca);
  }, 180_000);

  it('refuses to generate into a database that already has a population', async () => {
    await expect(generateDatabase(a, { residents: 10, postings: 1, sites: 1, seed: 1 })).rejects.toThrow(
      /already holds households or postings/,
    );
  }, 60_000);
});
