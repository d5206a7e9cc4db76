import fc from 'fast-check';
import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import type { AuthUser } from '../../src/access/auth-user';
import type { Role } from '../../src/access/role';
import { ScopePolicy, type SiteRef } from '../../src/access/scope/scope-policy';
import { coversAreaSql, managesSiteSql, positionalBind, readsHouseholdSql } from '../../src/access/scope/scope-sql';

/*
 * The scope rule has two forms: ScopePolicy (one object) and src/access/scope/scope-sql.ts (lists,
 * filtered in SQL before paging). This spec runs both over the same officers, sites, households
 * and region codes, on real PostgreSQL, and requires the same answers for every pair.
 */

const POOL = ['42', '4228', '422802', '422802107', '422802108', '422801', '422801001', '420100'];
const SITES: SiteRef[] = [
  { id: randomUUID(), regionCode: '422802107' }, // Wendou
  { id: randomUUID(), regionCode: '422802108' },
  { id: randomUUID(), regionCode: '422801001' }, // another county of the prefecture
  { id: randomUUID(), regionCode: '420102003' }, // another prefecture
];
const ORIGINS = ['422802107', '422802201', '422801005', '420102003', '500101001'];
const HOUSEHOLDS = SITES.flatMap((site) =>
  ORIGINS.map((originRegionCode) => ({ id: randomUUID(), site, originRegionCode })),
);
const AREA_CODES = ['422802107', '422802999', '422801001', '422800', '420102003', '330100'];

function actor(role: Role, siteIds: string[] = [], regionCodes: string[] = []): AuthUser {
  const siteRegionCodes = SITES.filter((s) => siteIds.includes(s.id)).map((s) => s.regionCode);
  return {
    id: randomUUID(),
    role,
    name: 'x',
    scope: { siteIds, regionCodes, siteRegionCodes },
    residentId: role === 'resident' ? randomUUID() : null,
    employerId: role === 'employer' ? randomUUID() : null,
    sessionId: null,
    ip: '127.0.0.1',
    requestId: 'scope-agreement',
  };
}

describe('scope rule: ScopePolicy and its SQL forms agree', () => {
  const policy = new ScopePolicy();
  const db = new Client({ connectionString: process.env.DATABASE_URL });
  const schema = `scope_agreement_${Date.now()}`;

  beforeAll(async () => {
    await db.connect();
    await db.query(`CREATE SCHEMA ${schema}`);
    await db.query(`SET search_path TO ${schema}`);
    await db.query(`CREATE TABLE site (id uuid PRIMARY KEY, region_code text NOT NULL)`);
    await db.query(
      `CREATE TABLE household (id uuid PRIMARY KEY, site_id uuid NOT NULL REFERENCES site, origin_region_code text NOT NULL)`,
    );
    await db.query(`CREATE TABLE area (code text PRIMARY KEY)`);
    for (const s of SITES) await db.query(`INSERT INTO site VALUES ($1, $2)`, [s.id, s.regionCode]);
    for (const h of HOUSEHOLDS) {
      await db.query(`INSERT INTO household VALUES ($1, $2, $3)`, [h.id, h.site.id, h.originRegionCode]);
    }
    for (const c of AREA_CODES) await db.query(`INSERT INTO area VALUES ($1)`, [c]);
  });

  afterAll(async () => {
    await db.query(`DROP SCHEMA ${schema} CASCADE`);
    await db.end();
  });

  async function ids(sql: string, params: unknown[]): Promise<string[]> {
    const { rows } = await db.query<{ id: string }>(sql, params);
    return rows.map((r) => r.id).sort();
  }

  async function compare(u: AuthUser): Promise<void> {
    let params: unknown[] = [];
    const sitesSql = managesSiteSql(u, positionalBind(params), {
      siteId: 's.id',
      siteRegion: 's.region_code',
    });
    const sites = await ids(`SELECT s.id FROM site s WHERE ${sitesSql}`, params);
    expect(sites).toEqual(
      SITES.filter((s) => policy.managesSite(u, s))
        .map((s) => s.id)
        .sort(),
    );

    params = [];
    const hhSql = readsHouseholdSql(u, positionalBind(params), {
      siteId: 'h.site_id',
      siteRegion: 's.region_code',
      originRegion: 'h.origin_region_code',
    });
    const households = await ids(
      `SELECT h.id FROM household h JOIN site s ON s.id = h.site_id WHERE ${hhSql}`,
      params,
    );
    expect(households).toEqual(
      HOUSEHOLDS.filter((h) => policy.readsHousehold(u, h))
        .map((h) => h.id)
        .sort(),
    );

    // The forms a feature uses: its own site-id column only, the site's region read by access.
    params = [];
    const bySiteId = managesSiteSql(u, positionalBind(params), { siteId: 'h.site_id' });
    const managed = await ids(`SELECT h.id FROM household h WHERE ${bySiteId}`, params);
    expect(managed).toEqual(
      HOUSEHOLDS.filter((h) => policy.managesHousehold(u, h))
        .map((h) => h.id)
        .sort(),
    );
    params = [];
    const readBySiteId = readsHouseholdSql(u, positionalBind(params), {
      siteId: 'h.site_id',
      originRegion: 'h.origin_region_code',
    });
    expect(await ids(`SELECT h.id FROM household h WHERE ${readBySiteId}`, params)).toEqual(households);

    params = [];
    const areaSql = coversAreaSql(u, positionalBind(params), 'a.code');
    const area = await ids(`SELECT a.code AS id FROM area a WHERE ${areaSql}`, params);
    const viaPolicy = AREA_CODES.filter((code) =>
      policy.verifiesEmployer(u, { id: randomUUID(), regionCode: code }),
    );
    expect(area).toEqual(viaPolicy.sort());
  }

  it('for admins, for every role that is not an officer, and for an officer with no scope', async () => {
    for (const role of ['admin', 'resident', 'employer', 'provider', 'officer'] as Role[])
      await compare(actor(role));
  });

  it('for officers of any mix of sites and region codes', async () => {
    await fc.assert(
      fc.asyncProperty(fc.subarray(SITES.map((s) => s.id)), fc.subarray(POOL), async (siteIds, regionCodes) =>
        compare(actor('officer', siteIds, regionCodes)),
      ),
      { numRuns: 120 },
    );
  });

  it('the forms are not vacuous: a county officer reads an origin-region household the site officer does not', async () => {
    const county = actor('officer', [], ['422802']);
    const other = HOUSEHOLDS.find(
      (h) => h.site.regionCode === '422801001' && h.originRegionCode === '422802107',
    )!;
    expect(policy.readsHousehold(county, other)).toBe(true);
    expect(policy.managesHousehold(county, other)).toBe(false);
    await compare(county);
  });
});
