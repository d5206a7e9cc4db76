import { DataSource } from 'typeorm';
import { createTestApp, type TestApp } from '../support/app';
import { createSite, loginAdmin, staff, type Session } from '../support/factories';
import { binaryParser, readXlsx } from '../support/imports-factories';
import { employerWithRecord } from '../support/postings-factories';
import { createHousehold, createResident, type CreatedResident } from '../support/residents-factories';
import { csrfOf, webAgent } from '../support/web-factories';

/**
 * Issue 13, officer items 6, 7, 8, 12: the phone read is audited with the officer; households are
 * named by number and head, regions by name (pages and exports); the resident page records a
 * placement and a contact; the dashboard's figures are the indicators'.
 */
jest.setTimeout(60_000);

describe('officer workflows (issue 13)', () => {
  let t: TestApp;
  let ds: DataSource;
  let site: { id: string };
  let officer: Session & { phone: string };
  let otherOfficer: Session & { phone: string };
  let head: CreatedResident;
  let member: CreatedResident;
  let householdId: string;

  beforeAll(async () => {
    t = await createTestApp();
    ds = t.app.get(DataSource);
    const admin = await loginAdmin(t.http);
    site = await createSite(t.http, admin, { name: '工作流测试安置点' });
    const elsewhere = await createSite(t.http, admin);
    officer = await staff(t.http, admin, 'officer', { siteIds: [site.id] });
    otherOfficer = await staff(t.http, admin, 'officer', { siteIds: [elsewhere.id] });
    await createHousehold(t.http, officer, site.id); // number 1: an empty household
    const h = await createHousehold(t.http, officer, site.id);
    householdId = h.id;
    head = await createResident(t.http, officer, h.id, { name: '向大山' });
    member = await createResident(t.http, officer, h.id, { name: '向小梅' });
  });
  afterAll(() => t.close());

  it('numbers households per site in order of registration', async () => {
    const rows: { number: number }[] = await ds.query(
      'SELECT number FROM household WHERE site_id = $1 ORDER BY number',
      [site.id],
    );
    expect(rows.map((r) => r.number)).toEqual([1, 2]);
  });

  it('「显示电话」 shows the phone in clear and audits the read with the officer; out of scope it is 404', async () => {
    const agent = await webAgent(t, officer.phone);
    const page = await agent.get(`/officer/residents/${member.id}`).expect(200);
    expect(page.text).not.toContain(member.phoneClear!);
    expect(page.text).toContain(`action="/officer/residents/${member.id}/phone"`);
    const shown = await agent
      .post(`/officer/residents/${member.id}/phone`)
      .type('form')
      .send({ _csrf: csrfOf(page.text) });
    expect(shown.status).toBe(200);
    expect(shown.text).toContain(`href="tel:${member.phoneClear!}"`);
    const audit: { actor_id: string; actor_role: string; details: unknown }[] = await ds.query(
      `SELECT actor_id, actor_role, details FROM audit_entry
        WHERE action = 'resident.phone.read' AND entity_id = $1`,
      [member.id],
    );
    expect(audit).toEqual([{ actor_id: officer.userId, actor_role: 'officer', details: {} }]);

    const other = await webAgent(t, otherOfficer.phone);
    const own = await other.get('/officer').expect(200);
    const refused = await other
      .post(`/officer/residents/${member.id}/phone`)
      .type('form')
      .send({ _csrf: csrfOf(own.text) });
    expect(refused.status).toBe(404);
    expect(refused.text).not.toContain(member.phoneClear!);
  });

  it('names the household by its number and head on the pages, the origin region by name', async () => {
    const agent = await webAgent(t, officer.phone);
    const household = await agent.get(`/officer/households/${householdId}`).expect(200);
    expect(household.text).toContain('2 号 · 向大山家');
    expect(household.text).toContain('文斗镇');
    expect(household.text).not.toContain('422802107');
    const list = await agent.get(`/officer/households?siteId=${site.id}`).expect(200);
    expect(list.text).toContain('2 号 · 向大山家');
    expect(list.text).toContain('1 号家庭');
    expect(list.text).not.toContain(`家庭 ${householdId.slice(0, 8)}`);
    const resident = await agent.get(`/officer/residents/${member.id}`).expect(200);
    expect(resident.text).toContain('2 号 · 向大山家');
  });

  it('records a placement and a contact from the resident page, confirms each, keeps the fields of a refused form', async () => {
    const employer = await employerWithRecord(t.http, {
      verifiedBy: officer,
      body: { name: '文斗镇茶叶合作社' },
    });
    const agent = await webAgent(t, officer.phone);
    const path = `/officer/residents/${head.id}`;
    const page = await agent.get(path).expect(200);
    const csrf = csrfOf(page.text);

    // One bad field (income): every other field comes back as sent, the kind still ticked.
    const bad = await agent.post(`${path}/placements`).type('form').send({
      _csrf: csrf,
      kind: 'away_from_home',
      employerName: '杭州某电子厂',
      startDate: '2026-01-05',
      monthlyIncome: 'lots',
      partnerCity: '杭州',
    });
    expect(bad.status).toBe(400);
    expect(bad.text).toMatch(/<input type="radio" name="kind" value="away_from_home" checked/);
    expect(bad.text).toContain('value="杭州某电子厂"');
    expect(bad.text).toContain('value="2026-01-05"');
    expect(bad.text).toContain('value="lots"');
    expect(bad.text).toContain('value="杭州"');

    const ok = await agent.post(`${path}/placements`).type('form').send({
      _csrf: csrf,
      kind: 'local_enterprise',
      employerId: employer.employer.id,
      startDate: '2026-01-05',
      monthlyIncome: '3200',
    });
    expect(ok.status).toBe(303);
    expect(ok.headers.location).toBe(`${path}?done=placement`);
    const placed = await agent.get(ok.headers.location).expect(200);
    expect(placed.text).toContain('已登记就业');
    expect(placed.text).toContain('文斗镇茶叶合作社');
    const api = await t.http.get(`/api/v1/placements?residentId=${head.id}`).set(officer.auth);
    expect(api.body.items).toEqual([
      expect.objectContaining({
        kind: 'local_enterprise',
        employerName: '文斗镇茶叶合作社',
        monthlyIncome: 3200,
      }),
    ]);

    const contact = await agent
      .post(`${path}/contacts`)
      .type('form')
      .send({ _csrf: csrf, date: '2026-01-06', kind: 'visit', note: '上门了解情况' });
    expect(contact.status).toBe(303);
    const logged = await agent.get(contact.headers.location).expect(200);
    expect(logged.text).toContain('已记录这次联系');
    expect(logged.text).toContain('上门了解情况');
    const audit: { n: number }[] = await ds.query(
      "SELECT count(*)::int AS n FROM audit_entry WHERE action = 'contact.create' AND actor_id = $1",
      [officer.userId],
    );
    expect(audit[0].n).toBe(1);

    const future = await agent
      .post(`${path}/contacts`)
      .type('form')
      .send({ _csrf: csrf, date: '2999-01-01', kind: 'wechat', note: '约好了' });
    expect(future.status).toBe(400);
    expect(future.text).toMatch(/<input type="radio" name="kind" value="wechat" checked/);
    expect(future.text).toContain('value="约好了"');
  });

  const download = (path: string) =>
    t.http
      .get(path)
      .set(officer.auth)
      .buffer(true)
      .parse(binaryParser as never);

  it('exports name households by number and head and the origin region by name', async () => {
    const res = await download(`/api/v1/exports/zero-employment-households?siteId=${site.id}`);
    expect(res.status).toBe(200);
    const ws = (await readXlsx(res.body)).worksheets[0];
    const header = (ws.getRow(1).values as unknown[]).slice(1);
    expect(header.slice(0, 3)).toEqual(['户号', '户主', '户籍所在地']);
    const texts: string[] = [];
    ws.eachRow((row) => texts.push(...(row.values as unknown[]).map((v) => String(v))));
    expect(texts.join(' ')).not.toContain(householdId);
    const placements = await download(`/api/v1/exports/placements?siteId=${site.id}`);
    const ps = (await readXlsx(placements.body)).worksheets[0];
    expect((ps.getRow(1).values as unknown[]).slice(1, 4)).toEqual(['姓名', '户号', '户主']);
    expect((ps.getRow(2).values as unknown[]).slice(1, 4)).toEqual(['向大山', 2, '向大山']);
  });

  it('the dashboard shows the indicators’ figures with their definitions, months with data only', async () => {
    const agent = await webAgent(t, officer.phone);
    const page = await agent.get(`/officer?siteId=${site.id}`).expect(200);
    const summary = await t.http.get(`/api/v1/sites/${site.id}/summary`).set(officer.auth);
    const figure = (id: string) => new RegExp(`id="${id}"[^>]*>(\\d+)<`).exec(page.text)?.[1];
    expect(Number(figure('employed-count'))).toBe(summary.body.employed);
    expect(Number(figure('active-placements-count'))).toBe(summary.body.activePlacements);
    expect(Number(figure('zero-employment-count'))).toBe(summary.body.zeroEmploymentHouseholds);
    expect(page.text).toContain(summary.body.definitions.activePlacements.zh);
    // The only placement started in 2026-01: the series starts there, labelled with its year.
    const dash = await t.http.get(`/api/v1/sites/${site.id}/dashboard`).set(officer.auth);
    const months = (dash.body.placementsStartedByMonth as { month: string }[]).map((m) => m.month);
    expect(months[0]).toBe('2026-01');
    expect(page.text).toContain('2026年01月');
  });
});
