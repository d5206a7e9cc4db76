import { DataSource } from 'typeorm';
import { dropDatabase, ensureDatabase } from '../../src/platform/database/create-database';
import { dataSourceOptions } from '../../src/platform/database/data-source-options';
import { DEMO_ACCOUNTS, DEMO_PASSWORD, ORIGIN_TOWNSHIP } from '../../tools/demo/demo-scenario';
import { createTestApp, type TestApp } from '../support/app';
import { createSite, login, loginAdmin } from '../support/factories';
import { createHousehold } from '../support/residents-factories';

/**
 * Issue 12 item 6: the demo accounts (passwords in the README) never reach real data. Each case
 * in a database of its own: the demo loads only into an empty one.
 */
function databaseUrl(suffix: string): string {
  const url = new URL(process.env.DATABASE_URL!);
  url.pathname = `${url.pathname}_${suffix}`;
  return url.toString();
}

async function migrated(url: string): Promise<void> {
  await dropDatabase(url);
  await ensureDatabase(url);
  const ds = new DataSource(dataSourceOptions(url));
  await ds.initialize();
  try {
    await ds.runMigrations({ transaction: 'each' });
  } finally {
    await ds.destroy();
  }
}

async function count(url: string, sql: string): Promise<number> {
  const ds = new DataSource(dataSourceOptions(url));
  await ds.initialize();
  try {
    const rows: { n: number }[] = await ds.query(sql);
    return rows[0].n;
  } finally {
    await ds.destroy();
  }
}

describe('demo data and production (issue 12 item 6)', () => {
  it('a production start with the secrets set and LEYE_DEMO unset loads no demo data', async () => {
    const url = databaseUrl('proddemo');
    await migrated(url);
    const t = await createTestApp({
      env: {
        DATABASE_URL: url,
        NODE_ENV: 'production',
        // Test-only switches of test/support/env.ts are refused in production.
        ROBOT_WEBHOOK_ALLOW_LOCAL_FOR_TESTS: '',
        LEYE_SMS_DEV_OUTBOX: '',
        LEYE_SMS_DEV_OUTBOX_FILE: '',
        LEYE_DEMO: '', // unset: the production default must apply
        LEYE_BOOTSTRAP: 'true',
        JWT_SECRET: 'production-test-jwt-secret-0123456789abcdef',
        LEYE_PII_KEYS: 'prod1:' + Buffer.alloc(32, 3).toString('base64'),
        LEYE_PII_HMAC_KEY: Buffer.alloc(32, 4).toString('base64'),
        LEYE_ADMIN_PASSWORD: 'Production-admin-2026',
      },
    });
    try {
      const res = await t.http
        .post('/api/v1/auth/login')
        .send({ phone: DEMO_ACCOUNTS.siteOfficer, password: DEMO_PASSWORD });
      expect(res.status).toBe(401);
    } finally {
      await t.close();
    }
    expect(await count(url, 'SELECT count(*)::int AS n FROM household')).toBe(0);
    expect(await count(url, "SELECT count(*)::int AS n FROM app_user WHERE role <> 'admin'")).toBe(0);
    await dropDatabase(url);
  }, 120_000);

  describe('beside real data', () => {
    const url = databaseUrl('demoscope');
    let t: TestApp;

    beforeAll(async () => {
      await migrated(url);
      t = await createTestApp({ env: { DATABASE_URL: url, LEYE_DEMO: 'true', LEYE_BOOTSTRAP: 'true' } });
    }, 120_000);

    afterAll(async () => {
      await t?.close();
      await dropDatabase(url);
    }, 60_000);

    it('no demo officer reads a household of a real site in the same township, from the same origin', async () => {
      const admin = await loginAdmin(t.http);
      const real = await createSite(t.http, admin, { name: '文斗镇真实安置点', regionCode: '422802107' });
      const household = await createHousehold(t.http, admin, real.id, { originRegionCode: ORIGIN_TOWNSHIP });
      // The admin reads it: the household exists.
      expect((await t.http.get(`/api/v1/households/${household.id}`).set(admin.auth)).status).toBe(200);

      for (const phone of [DEMO_ACCOUNTS.siteOfficer, DEMO_ACCOUNTS.originOfficer]) {
        const officer = await login(t.http, phone, DEMO_PASSWORD);
        const one = await t.http.get(`/api/v1/households/${household.id}`).set(officer.auth);
        expect(one.status).toBe(404);
        const list = await t.http.get(`/api/v1/households?siteId=${real.id}`).set(officer.auth);
        expect(list.status).toBe(200);
        expect(list.body.total).toBe(0);
      }
    });

    it('a demo officer seeded by an older version with a region scope loses it at the next start', async () => {
      const admin = await loginAdmin(t.http);
      const real = await createSite(t.http, admin, { name: '文斗镇真实安置点二', regionCode: '422802107' });
      const household = await createHousehold(t.http, admin, real.id, { originRegionCode: ORIGIN_TOWNSHIP });
      await t.close();
      // What the demo of an older version wrote: the origin officer scoped to the real township.
      await count(
        url,
        `WITH u AS (UPDATE app_user SET scope_region_codes = '{${ORIGIN_TOWNSHIP}}' WHERE name LIKE '沙溪乡%' OR name LIKE '%帮扶专干%' RETURNING 1)
         SELECT count(*)::int AS n FROM u`,
      );
      t = await createTestApp({ env: { DATABASE_URL: url, LEYE_DEMO: 'true', LEYE_BOOTSTRAP: 'true' } });
      const officer = await login(t.http, DEMO_ACCOUNTS.originOfficer, DEMO_PASSWORD);
      expect((await t.http.get(`/api/v1/households/${household.id}`).set(officer.auth)).status).toBe(404);
    });

    it('a production start closes the demo accounts a database was seeded with earlier', async () => {
      await t.close();
      t = await createTestApp({
        env: {
          DATABASE_URL: url,
          NODE_ENV: 'production',
          // Test-only switches of test/support/env.ts are refused in production.
          ROBOT_WEBHOOK_ALLOW_LOCAL_FOR_TESTS: '',
          LEYE_SMS_DEV_OUTBOX: '',
          LEYE_SMS_DEV_OUTBOX_FILE: '',
          LEYE_DEMO: '',
          // The keys the demo was seeded with, so the accounts are still found by phone.
          JWT_SECRET: 'production-test-jwt-secret-0123456789abcdef',
          LEYE_PII_KEYS: 'dev1:' + Buffer.alloc(32, 7).toString('base64'),
          LEYE_PII_HMAC_KEY: Buffer.alloc(32, 9).toString('base64'),
          LEYE_ADMIN_PASSWORD: 'Production-admin-2026',
        },
      });
      for (const phone of Object.values(DEMO_ACCOUNTS)) {
        const res = await t.http.post('/api/v1/auth/login').send({ phone, password: DEMO_PASSWORD });
        expect(res.status).toBeGreaterThanOrEqual(400);
        expect(res.body.accessToken).toBeUndefined();
      }
    });
  });
});
