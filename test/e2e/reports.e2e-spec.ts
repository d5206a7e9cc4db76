import { DataSource } from 'typeorm';
import { createTestApp, type TestApp } from '../support/app';
import { createSite, loginAdmin, staff, type Session } from '../support/factories';
import { binaryParser, readXlsx } from '../support/imports-factories';
import { employerWithRecord, openPosting } from '../support/postings-factories';
import {
  createHousehold,
  createResident,
  yearsAgo,
  type CreatedResident,
} from '../support/residents-factories';

/*
 * A fixture built by hand, every expected figure worked out below from it.
 * Township 毛坝镇 (422802106) and coordinates far from the other tests' sites (25.0 N, 100.0 E),
 * so no other test's households or postings enter these figures.
 *
 * H1 (unstable): r1 35y full employed · r2 33y partial unemployed · r3 10y none student (not LF)
 * H2 (none):     r4 45y full unemployed · r5 65y full retired (65 and over: not LF)
 * H3 (marginal): r6 64y partial employed · r7 16y full not_seeking (16: LF)
 * laborForce = r1 r2 r4 r6 r7 = 5; employed = r1 r6 = 2; rate 0.4
 * zero-employment: H2 only (LF 1, employed 0); households with a worker: H1, H3; monitored: H1, H3
 * placements: P1 r1 started 8 months ago, active; P2 r4 started 7 months ago, ended 4 months after start
 * active 1; retention 3m: both started ≥ 3 months ago, both lasted 3 months → 1;
 * retention 6m: both started ≥ 6 months ago, P2 ended before start + 6 months → 0.5
 * postings: open at ~5.6 km (in reach, requires 采茶, 10 places) and at ~55 km (out of reach)
 */
describe('indicators, dashboard and exports (issue 5 items 5 and 6)', () => {
  let t: TestApp;
  let ds: DataSource;
  let admin: Session;
  let site: { id: string };
  let site2: { id: string };
  let officer: Session;
  let regionOfficer: Session;
  let otherOfficer: Session;
  const r: Record<string, CreatedResident> = {};
  const SITE_AT = { latitude: 25.0, longitude: 100.0, regionCode: '422802106' };

  beforeAll(async () => {
    t = await createTestApp();
    ds = t.app.get(DataSource);
    admin = await loginAdmin(t.http);
    site = await createSite(t.http, admin, SITE_AT);
    site2 = await createSite(t.http, admin, { ...SITE_AT, latitude: 25.01 });
    const elsewhere = await createSite(t.http, admin);
    officer = await staff(t.http, admin, 'officer', { siteIds: [site.id] });
    regionOfficer = await staff(t.http, admin, 'officer', { regionCodes: ['422802106'] });
    otherOfficer = await staff(t.http, admin, 'officer', { siteIds: [elsewhere.id] });

    const h1 = await createHousehold(t.http, officer, site.id, { monitoringStatus: 'unstable' });
    const h2 = await createHousehold(t.http, officer, site.id, { monitoringStatus: 'none' });
    const h3 = await createHousehold(t.http, officer, site.id, { monitoringStatus: 'marginal' });
    const make = async (
      key: string,
      h: string,
      years: number,
      laborCapacity: string,
      employmentStatus: string,
    ) => {
      r[key] = await createResident(t.http, officer, h, {
        name: `指标${key}`,
        birthDate: yearsAgo(years),
        laborCapacity: laborCapacity as never,
        employmentStatus: employmentStatus as never,
      });
    };
    await make('r1', h1.id, 35, 'full', 'employed');
    await make('r2', h1.id, 33, 'partial', 'unemployed');
    await make('r3', h1.id, 10, 'none', 'student');
    await make('r4', h2.id, 45, 'full', 'unemployed');
    await make('r5', h2.id, 65, 'full', 'retired');
    await make('r6', h3.id, 64, 'partial', 'employed');
    await make('r7', h3.id, 16, 'full', 'not_seeking');

    const insertPlacement = (res: CreatedResident, start: string, end: string | null) =>
      ds.query(
        `INSERT INTO placement (resident_id, household_id, site_id, kind, employer_name, start_date, end_date, end_reason, monthly_income, created_by)
         VALUES ($1, $2, $3, 'workshop', '毛坝镇帮扶车间', ${start}, ${end ?? 'NULL'}, ${end ? "'合同到期'" : 'NULL'}, 2600, $4)`,
        [res.id, res.householdId, site.id, officer.userId],
      );
    await insertPlacement(r.r1, "current_date - interval '8 months'", null);
    await insertPlacement(r.r4, "current_date - interval '7 months'", "current_date - interval '3 months'");

    // The second site of the township: one household, one employed worker.
    const officer2 = await staff(t.http, admin, 'officer', { siteIds: [site2.id] });
    const h4 = await createHousehold(t.http, officer2, site2.id);
    await createResident(t.http, officer2, h4.id, { birthDate: yearsAgo(40), employmentStatus: 'employed' });

    const { session: employer } = await employerWithRecord(t.http, { verifiedBy: admin });
    await openPosting(t.http, employer, {
      latitude: 25.05,
      longitude: 100.0,
      headcount: 10,
    });
    await openPosting(t.http, employer, { latitude: 25.5, longitude: 100.0 });
  }, 120_000);
  afterAll(async () => {
    await t.close();
  });

  it('GET /sites/:id/summary: every figure equals the hand count, each with a definition', async () => {
    const res = await t.http.get(`/api/v1/sites/${site.id}/summary`).set(officer.auth);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      siteId: site.id,
      households: 3,
      laborForce: 5,
      employed: 2,
      employmentRate: 0.4,
      zeroEmploymentHouseholds: 1,
      householdsWithWorker: 2,
      monitoredHouseholds: 2,
      activePlacements: 1,
      retention3m: 1,
      retention6m: 0.5,
      openPostingsInReach: 1,
      trainingCompletions: 0,
    });
    expect(Date.parse(res.body.asOf)).not.toBeNaN();
    for (const f of ['households', 'laborForce', 'employmentRate', 'retention3m', 'openPostingsInReach']) {
      expect(res.body.definitions[f]).toEqual({ zh: expect.any(String), en: expect.any(String) });
    }
    // The summary agrees with the households module's own figures.
    const zero = await t.http
      .get(`/api/v1/households?siteId=${site.id}&zeroEmployment=true`)
      .set(officer.auth);
    expect(zero.body.total).toBe(1);
  });

  it('GET /regions/:code/summary aggregates the township’s sites; only officers whose regions cover it', async () => {
    const res = await t.http.get('/api/v1/regions/422802106/summary').set(regionOfficer.auth);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      regionCode: '422802106',
      sites: 2,
      households: 4,
      laborForce: 6,
      employed: 3,
      employmentRate: 0.5,
      zeroEmploymentHouseholds: 1,
      householdsWithWorker: 3,
      monitoredHouseholds: 2,
      activePlacements: 1,
      openPostingsInReach: 1, // one posting near both sites counts once
    });
    expect((await t.http.get('/api/v1/regions/422802106/summary').set(officer.auth)).status).toBe(404);
    expect((await t.http.get('/api/v1/regions/422802/summary').set(regionOfficer.auth)).status).toBe(404);
    expect((await t.http.get('/api/v1/regions/422802/summary').set(admin.auth)).status).toBe(200);
  });

  it('an officer of another site gets 404 for the summary, the dashboard and the exports', async () => {
    for (const path of [
      `/api/v1/sites/${site.id}/summary`,
      `/api/v1/sites/${site.id}/dashboard`,
      `/api/v1/exports/placements?siteId=${site.id}`,
      `/api/v1/exports/zero-employment-households?siteId=${site.id}`,
      `/api/v1/exports/site-indicators?siteId=${site.id}`,
    ]) {
      expect((await t.http.get(path).set(otherOfficer.auth)).status).toBe(404);
    }
    expect((await t.http.get('/api/v1/exports/placements?siteId=nope').set(officer.auth)).status).toBe(400);
  });

  it('GET /sites/:id/dashboard: series for the charts', async () => {
    const res = await t.http.get(`/api/v1/sites/${site.id}/dashboard`).set(officer.auth);
    expect(res.status).toBe(200);
    expect(res.body.employmentRateBySite).toEqual([
      { siteId: site.id, name: expect.any(String), laborForce: 5, employed: 2, employmentRate: 0.4 },
    ]);
    // Months start at the site's first placement (P1, 8 months ago): none before it (issue 13 item 12).
    const months = res.body.placementsStartedByMonth as { month: string; placements: number }[];
    expect(months).toHaveLength(9);
    expect(months[0].placements).toBe(1);
    expect(months.reduce((s, m) => s + m.placements, 0)).toBe(2);
    const zero = res.body.zeroEmploymentHouseholdsByMonth as { month: string; households: number }[];
    expect(zero.map((m) => m.month)).toEqual(months.map((m) => m.month));
    expect(zero[8].households).toBe(1); // today: H2 (its placement ended)
    expect(zero[3].households).toBe(0); // 5 months ago: P1 and P2 both running
    expect(res.body.skillGaps).toEqual([
      expect.objectContaining({ code: 'tea.picking', postings: 1, openings: 10, residentsHolding: 7 }),
    ]);
  });

  const download = (path: string) =>
    t.http
      .get(path)
      .set(officer.auth)
      .buffer(true)
      .parse(binaryParser as never);

  it('exports placements as .xlsx with Chinese headers and masked IDs and phones, and audits it', async () => {
    const res = await download(`/api/v1/exports/placements?siteId=${site.id}`);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    expect(res.headers['content-disposition']).toContain('attachment');
    const ws = (await readXlsx(res.body)).worksheets[0];
    expect((ws.getRow(1).values as unknown[]).slice(1)).toEqual([
      '姓名',
      '户号',
      '户主',
      '身份证号',
      '手机号',
      '就业类型',
      '就业单位',
      '务工城市',
      '开始日期',
      '结束日期',
      '结束原因',
      '月收入（元）',
    ]);
    expect(ws.actualRowCount).toBe(3);
    const rows = [2, 3].map((i) => ws.getRow(i).values as unknown[]);
    const names = rows.map((v) => v[1]).sort();
    expect(names).toEqual(['指标r1', '指标r4']);
    for (const v of rows) {
      expect(v[2]).toEqual(expect.any(Number));
      expect(String(v[4])).toMatch(/^\d{6}\*{8}[\dX]{4}$/);
      expect(String(v[5])).toMatch(/^1\d{2}\*{4}\d{4}$/);
      expect(v[6]).toBe('就业帮扶车间');
    }
    const body = (res.body as Buffer).toString('latin1');
    expect(body).not.toContain(r.r1.nationalId);
    const audit = await ds.query(
      "SELECT actor_id FROM audit_entry WHERE action = 'export.placements' AND entity_id = $1",
      [site.id],
    );
    expect(audit).toEqual([{ actor_id: officer.userId }]);
  });

  it('exports the zero-employment households and the site indicators', async () => {
    const zero = await download(`/api/v1/exports/zero-employment-households?siteId=${site.id}`);
    expect(zero.status).toBe(200);
    const zs = (await readXlsx(zero.body)).worksheets[0];
    // Households by their site number and head, the origin region by its name (issue 13 item 6).
    expect((zs.getRow(1).values as unknown[]).slice(1, 4)).toEqual(['户号', '户主', '户籍所在地']);
    expect(zs.actualRowCount).toBe(2);
    expect(zs.getRow(2).getCell(1).value).toBe(2); // H2, the site's second household
    expect(zs.getRow(2).getCell(2).text).toBe('指标r4');
    expect(zs.getRow(2).getCell(3).text).toBe('文斗镇'); // 422802107, the factory's origin
    expect(zs.getRow(2).getCell(7).text).toBe('指标r4、指标r5');
    expect(zs.getRow(2).getCell(8).text).toMatch(/^\d{6}\*{8}[\dX]{4}$/);

    const ind = await download(`/api/v1/exports/site-indicators?siteId=${site.id}`);
    const is = (await readXlsx(ind.body)).worksheets[0];
    expect((is.getRow(1).values as unknown[]).slice(1)).toEqual(['指标', '数值', '口径说明']);
    const values = new Map<string, unknown>();
    is.eachRow((row, n) => {
      if (n > 1) values.set(row.getCell(1).text, row.getCell(2).value);
    });
    expect(values.get('劳动力人数')).toBe(5);
    expect(values.get('就业率')).toBe(0.4);
    expect(values.get('零就业家庭户数')).toBe(1);
  });
});
