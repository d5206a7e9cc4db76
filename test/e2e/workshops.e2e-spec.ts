import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { todayInPilotZone } from '../../src/kernel/clock';
import { WorkshopsDailyJob } from '../../src/programmes/workshops/workshops-daily.job';
import { addMonths } from '../../src/programmes/workshops/workshop-rules';
import { inbox, monthsAgo } from '../support/applications-factories';
import { createTestApp, type TestApp } from '../support/app';
import { createSite, loginAdmin, staff, type Session } from '../support/factories';
import { employerWithRecord, openPosting, type EmployerFixture } from '../support/postings-factories';
import { createHousehold, createResident } from '../support/residents-factories';

interface Quarter {
  year: number;
  quarter: number;
  workers: number;
  supportedWorkers: number;
  state: 'normal' | 'pending' | 'cleared';
  bufferUntil: string | null;
  shortfalls: string[];
}

describe('poverty-alleviation workshops (e2e)', () => {
  let t: TestApp;
  let admin: Session;
  let officer: Session;
  let otherOfficer: Session;
  let site: { id: string };
  let otherSite: { id: string };
  let workshopEmployer: EmployerFixture;
  let cooperative: EmployerFixture;
  let postingId: string;
  const placementIds: string[] = [];
  let workshopId: string;
  const today = todayInPilotZone();

  beforeAll(async () => {
    t = await createTestApp();
    admin = await loginAdmin(t.http);
    site = await createSite(t.http, admin);
    otherSite = await createSite(t.http, admin);
    officer = await staff(t.http, admin, 'officer', { siteIds: [site.id] });
    otherOfficer = await staff(t.http, admin, 'officer', { siteIds: [otherSite.id] });
    workshopEmployer = await employerWithRecord(t.http, {
      verifiedBy: officer,
      body: { kind: 'workshop', name: '文斗镇社区鞋业帮扶车间' },
    });
    cooperative = await employerWithRecord(t.http, { verifiedBy: officer });
    postingId = (
      await openPosting(t.http, workshopEmployer.session, { title: '鞋面缝纫工', schedule: 'full_time' })
    ).id;
    // Five workers from five households of the site, at work for four months (they count).
    for (let i = 0; i < 5; i += 1) {
      const h = await createHousehold(t.http, officer, site.id, {
        monitoringStatus: i === 0 ? 'unstable' : 'none',
      });
      const r = await createResident(t.http, officer, h.id);
      const p = await t.http
        .post('/api/v1/placements')
        .set(officer.auth)
        .send({
          residentId: r.id,
          postingId,
          kind: 'workshop',
          startDate: monthsAgo(4),
          monthlyIncome: 2400,
        });
      expect(p.status).toBe(201);
      placementIds.push(p.body.id);
    }
  });
  afterAll(() => t.close());

  const register = (who: Session, body: Record<string, unknown>) =>
    t.http.post('/api/v1/workshops').set(who.auth).send(body);
  const body = (over: Record<string, unknown> = {}) => ({
    employerId: workshopEmployer.employer.id,
    siteId: site.id,
    type: 'factory',
    recognisedOn: monthsAgo(6),
    documentNo: '利人社〔2026〕12号',
    capacity: 30,
    insuranceYuanPerWorkerMonth: 20,
    ...over,
  });
  async function listed(http = t.http): Promise<{ id: string; quarter: Quarter }[]> {
    const res = await http.get(`/api/v1/workshops?siteId=${site.id}`).set(officer.auth);
    expect(res.status).toBe(200);
    return res.body.items;
  }

  it('refuses bad input naming the field, and employers that are not verified workshops', async () => {
    const noType = await register(officer, body({ type: undefined }));
    expect(noType.status).toBe(400);
    expect(noType.body.details.map((d: { field: string }) => d.field)).toContain('type');
    const badMonth = await register(officer, body({ seasonalMonths: [3, 13] }));
    expect(badMonth.status).toBe(400);
    expect(badMonth.body.details[0].field).toBe('seasonalMonths');
    const future = await register(officer, body({ recognisedOn: addMonths(today, 1) }));
    expect(future.status).toBe(400);
    expect(future.body.details[0].field).toBe('recognisedOn');
    const notWorkshop = await register(officer, body({ employerId: cooperative.employer.id }));
    expect(notWorkshop.status).toBe(400);
    expect(notWorkshop.body.details[0].field).toBe('employerId');
    const unverified = await employerWithRecord(t.http, { body: { kind: 'workshop' } });
    const notVerified = await register(officer, body({ employerId: unverified.employer.id }));
    expect(notVerified.status).toBe(400);
    expect(notVerified.body.details[0].field).toBe('employerId');
  });

  it('another site’s officer gets 404 for the site; an employer may not call it', async () => {
    expect((await register(otherOfficer, body())).status).toBe(404);
    expect((await register(workshopEmployer.session, body())).status).toBe(403);
  });

  it('five supported workers insured at 20 yuan: normal in its quarter; the same employer again is 409', async () => {
    const res = await register(officer, body());
    expect(res.status).toBe(201);
    workshopId = res.body.id;
    expect(res.body).toMatchObject({
      employerName: '文斗镇社区鞋业帮扶车间',
      type: 'factory',
      capacity: 30,
      quarter: { workers: 5, supportedWorkers: 5, state: 'normal', bufferUntil: null, shortfalls: [] },
    });
    expect(res.body.quarter.quarter).toBe(Math.floor((Number(today.slice(5, 7)) - 1) / 3) + 1);
    expect(res.body.upgrade.map((u: { item: string; met: boolean | null }) => [u.item, u.met])).toEqual([
      ['long_term_workers', false],
      ['paid_workers', false],
      ['operating_months', false],
      ['revenue', null],
    ]);
    const again = await register(officer, body({ type: 'home_based' }));
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('workshop.duplicate_employer');
  });

  it('two workers leave: pending with a six-month buffer, and the site’s officers are told', async () => {
    for (const id of placementIds.slice(0, 2)) {
      const end = await t.http
        .post(`/api/v1/placements/${id}/end`)
        .set(officer.auth)
        .send({ endDate: today, reason: '回家照顾老人' });
      expect(end.status).toBe(200);
    }
    const [w] = (await listed()).filter((x) => x.id === workshopId);
    expect(w.quarter).toMatchObject({
      workers: 3,
      supportedWorkers: 3,
      state: 'pending',
      bufferUntil: addMonths(today, 6),
      shortfalls: ['supported_workers'],
    });
    const notes = await inbox(t.http, officer, 'workshop.state_changed');
    expect(notes).toHaveLength(1);
    expect(notes[0].payload).toMatchObject({ workshopId, state: 'pending' });
    // Read again: the same state, no second notice.
    await listed();
    expect(await inbox(t.http, officer, 'workshop.state_changed')).toHaveLength(1);
    expect(await inbox(t.http, otherOfficer, 'workshop.state_changed')).toHaveLength(0);
  });

  it('is hidden from officers of other sites (404) and listed per site', async () => {
    expect((await t.http.get(`/api/v1/workshops/${workshopId}`).set(otherOfficer.auth)).status).toBe(404);
    expect((await t.http.get(`/api/v1/workshops?siteId=${site.id}`).set(otherOfficer.auth)).status).toBe(404);
    const own = await t.http.get('/api/v1/workshops').set(otherOfficer.auth);
    expect(own.status).toBe(200);
    expect(own.body.items).toEqual([]);
    const detail = await t.http.get(`/api/v1/workshops/${workshopId}`).set(officer.auth);
    expect(detail.status).toBe(200);
    expect(detail.body.rules).toEqual({
      minSupportedWorkers: 5,
      minInsuranceYuanPerWorkerMonth: 15,
      bufferMonths: 6,
      upgrade: {
        minWorkers: 10,
        minContractMonths: 12,
        minYearlyWagesYuan: 20000,
        minOperatingMonths: 12,
        minRevenueYuan: 500000,
      },
    });
    expect(detail.body.history[0]).toMatchObject({ workers: 3, state: 'pending' });
  });

  it('a lower threshold in config/programmes.yaml makes the same three workers normal', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'leye-workshops-'));
    cpSync(join(__dirname, '../../config'), dir, { recursive: true });
    const file = join(dir, 'programmes.yaml');
    const yaml = readFileSync(file, 'utf8');
    expect(yaml).toContain('    minSupportedWorkers: 5\n');
    writeFileSync(file, yaml.replace('    minSupportedWorkers: 5\n', '    minSupportedWorkers: 3\n'));
    const changed = await createTestApp({ env: { LEYE_CONFIG_DIR: dir } });
    try {
      const res = await changed.http.get(`/api/v1/workshops/${workshopId}`).set(officer.auth);
      expect(res.status).toBe(200);
      expect(res.body.quarter).toMatchObject({ supportedWorkers: 3, state: 'normal', bufferUntil: null });
      expect(res.body.rules.minSupportedWorkers).toBe(3);
    } finally {
      await changed.close();
    }
  });

  it('past its buffer the daily job clears the workshop once and tells the officers; its employer may be registered again', async () => {
    const db = t.app.get<DataSource>(getDataSourceToken());
    await db.query(`UPDATE workshop SET state = 'pending', pending_since = $2 WHERE id = $1`, [
      workshopId,
      addMonths(today, -7),
    ]);
    const run = await t.app.get(WorkshopsDailyJob).process();
    expect(run.judged).toBeGreaterThanOrEqual(1);
    const detail = await t.http.get(`/api/v1/workshops/${workshopId}`).set(officer.auth);
    expect(detail.body.quarter).toMatchObject({ state: 'cleared', bufferUntil: addMonths(today, -1) });
    const cleared = (await inbox(t.http, officer, 'workshop.state_changed')).filter(
      (n) => n.payload.state === 'cleared',
    );
    expect(cleared).toHaveLength(1);
    await t.app.get(WorkshopsDailyJob).process();
    expect(
      (await inbox(t.http, officer, 'workshop.state_changed')).filter((n) => n.payload.state === 'cleared'),
    ).toHaveLength(1);
    expect((await register(officer, body())).status).toBe(201);
  });
});
