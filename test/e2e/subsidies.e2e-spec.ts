import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { todayInPilotZone } from '../../src/kernel/clock';
import { addDays } from '../../src/kernel/clock';
import { addMonths } from '../../src/programmes/subsidies/subsidy-periods';
import { createTestApp, type TestApp } from '../support/app';
import { courseBody } from '../support/training-factories';
import { createSite, loginAdmin, staff, type Session } from '../support/factories';
import { binaryParser, readXlsx } from '../support/imports-factories';
import { csrfOf, webAgent } from '../support/web-factories';
import { createHousehold, createResident, type CreatedResident } from '../support/residents-factories';

interface Item {
  residentId: string;
  programme: string;
  amount: number;
  eligibleSince: string;
  evidence: { item: string; status: string }[];
  complete: boolean;
  claimId: string | null;
  basis: Record<string, unknown>;
}

describe('subsidies with their evidence (e2e)', () => {
  let t: TestApp;
  let admin: Session;
  let officer: Session & { phone: string };
  let otherOfficer: Session;
  let site: { id: string; regionCode: string };
  const today = todayInPilotZone();
  const year = today.slice(0, 4);

  beforeAll(async () => {
    t = await createTestApp();
    admin = await loginAdmin(t.http);
    site = await createSite(t.http, admin);
    const otherSite = await createSite(t.http, admin);
    officer = await staff(t.http, admin, 'officer', { siteIds: [site.id] });
    otherOfficer = await staff(t.http, admin, 'officer', { siteIds: [otherSite.id] });
  });
  afterAll(() => t.close());

  /** A resident working away in `city` since `days` days ago, with follow-ups on the given days of work. */
  async function workingAway(
    days: number,
    followUpDays: number[],
    city = '杭州',
  ): Promise<CreatedResident & { placementId: string }> {
    const h = await createHousehold(t.http, officer, site.id);
    const r = await createResident(t.http, officer, h.id);
    const start = addDays(today, -days);
    const p = await t.http.post('/api/v1/placements').set(officer.auth).send({
      residentId: r.id,
      kind: 'away_from_home',
      partnerCity: city,
      employerName: '杭州服装厂',
      startDate: start,
    });
    expect(p.status).toBe(201);
    for (const d of followUpDays) {
      const f = await t.http
        .post(`/api/v1/placements/${p.body.id}/follow-ups`)
        .set(officer.auth)
        .send({ date: addDays(start, d), stillEmployed: true, monthlyIncome: 4200 });
      expect(f.status).toBe(201);
    }
    return { ...r, placementId: p.body.id };
  }

  const eligible = async (programme: string, http = t.http, who = officer): Promise<Item[]> => {
    const res = await http
      .get(`/api/v1/subsidies/eligibility?siteId=${site.id}&programme=${programme}`)
      .set(who.auth);
    expect(res.status).toBe(200);
    return res.body.items;
  };
  const mark = (residentId: string, programme: string, item: string, status = 'verified') =>
    t.http.put('/api/v1/subsidies/evidence').set(officer.auth).send({ residentId, programme, item, status });
  const claim = (residentId: string, programme: string, period: string) =>
    t.http.post('/api/v1/subsidies/claims').set(officer.auth).send({ residentId, programme, period });

  let away: CreatedResident & { placementId: string };
  let batchId: string;

  it('100 days away with its 1- and 3-month follow-ups: eligible for the transport subsidy; the checklist completes as the officer marks it', async () => {
    away = await workingAway(100, [30, 95]);
    const tooShort = await workingAway(60, [30]);
    const items = await eligible('transport');
    expect(items.map((i) => i.residentId)).not.toContain(tooShort.id);
    const mine = items.find((i) => i.residentId === away.id)!;
    expect(mine).toMatchObject({
      amount: 600,
      eligibleSince: addMonths(addDays(today, -100), 3),
      basis: { destination: 'outOfProvince', monthsWorked: 3, partnerCity: '杭州' },
      complete: false,
      claimId: null,
    });
    expect(mine.evidence).toEqual([
      { item: 'national_id', status: 'provided' },
      { item: 'proof_of_work', status: 'missing' },
      { item: 'follow_up_1m', status: 'provided' },
      { item: 'follow_up_3m', status: 'provided' },
      { item: 'bank_account', status: 'missing' },
    ]);
    // Claiming before the evidence is complete is refused, naming what is missing.
    const early = await claim(away.id, 'transport', year);
    expect(early.status).toBe(409);
    expect(early.body.message).toContain('proof_of_work');

    expect((await mark(away.id, 'transport', 'proof_of_work', 'provided')).status).toBe(200);
    expect((await mark(away.id, 'transport', 'bank_account')).status).toBe(200);
    expect((await mark(away.id, 'transport', 'national_id')).status).toBe(200);
    const after = (await eligible('transport')).find((i) => i.residentId === away.id)!;
    expect(after.complete).toBe(true);
    expect(after.evidence.find((e) => e.item === 'bank_account')!.status).toBe('verified');
  });

  it('the claim is accepted once and refused the second time, also when both arrive at once', async () => {
    const first = await claim(away.id, 'transport', year);
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ programme: 'transport', period: year, amount: 600, siteId: site.id });
    batchId = first.body.batchId;
    const again = await claim(away.id, 'transport', year);
    expect(again.status).toBe(409);
    expect(again.body.message).toContain(first.body.id);

    const other = await workingAway(100, [30, 95], '恩施');
    for (const item of ['proof_of_work', 'bank_account']) await mark(other.id, 'transport', item);
    const both = await Promise.all([claim(other.id, 'transport', year), claim(other.id, 'transport', year)]);
    expect(both.map((r) => r.status).sort()).toEqual([201, 409]);
    const won = both.find((r) => r.status === 201)!;
    expect(won.body).toMatchObject({ amount: 200, batchId }); // in the prefecture; same site and period, same batch

    const list = await t.http.get(`/api/v1/subsidies/claims?siteId=${site.id}`).set(officer.auth);
    expect(list.status).toBe(200);
    expect(
      (list.body.items as { residentId: string }[]).filter((c) => c.residentId === other.id),
    ).toHaveLength(1);
    expect((await eligible('transport')).find((i) => i.residentId === away.id)!.claimId).toBe(first.body.id);
  });

  it('one person claims under one category: a public-welfare wage the same year is refused, naming the transport claim', async () => {
    const post = await t.http.post('/api/v1/placements').set(officer.auth).send({
      residentId: away.id,
      kind: 'public_welfare',
      employerName: '文斗镇保洁',
      startDate: today,
      monthlyIncome: 1800,
    });
    expect(post.status).toBe(201);
    const pw = (await eligible('public_welfare')).find((i) => i.residentId === away.id)!;
    expect(pw.basis).toMatchObject({ monthlyWage: 1800 });
    for (const item of ['employment_certificate', 'wage_ledger', 'bank_account'])
      await mark(away.id, 'public_welfare', item);
    const quarter = `${year}-Q${Math.ceil(Number(today.slice(5, 7)) / 3)}`;
    const refused = await claim(away.id, 'public_welfare', quarter);
    expect(refused.status).toBe(409);
    expect(refused.body.message).toContain('one category');
    expect(refused.body.message).toContain('transport');
  });

  it('the page refuses in Chinese and keeps what was typed; a second claim names the first', async () => {
    const web = await webAgent(t, officer.phone);
    const bad = await web.get(
      `/officer/programmes/subsidies?siteId=${site.id}&programme=transport&period=${year}-09`,
    );
    expect(bad.status).toBe(400);
    expect(bad.text).toContain(`value="${year}-09"`);
    expect(bad.text).toContain(`这个项目请写成 2026 这样`);

    const page = await web.get(
      `/officer/programmes/subsidies?siteId=${site.id}&programme=transport&period=${year}`,
    );
    expect(page.status).toBe(200);
    expect(page.text).toContain(away.name);
    const again = await web
      .post(`/officer/programmes/subsidies/claims?siteId=${site.id}&programme=transport&period=${year}`)
      .type('form')
      .send({ residentId: away.id, _csrf: csrfOf(page.text) });
    expect(again.status).toBe(409);
    expect(again.text).toContain('这个人这一期已经申报过了');

    const quarter = `${year}-Q${Math.ceil(Number(today.slice(5, 7)) / 3)}`;
    const pw = await web.get(
      `/officer/programmes/subsidies?siteId=${site.id}&programme=public_welfare&period=${quarter}`,
    );
    const conflict = await web
      .post(
        `/officer/programmes/subsidies/claims?siteId=${site.id}&programme=public_welfare&period=${quarter}`,
      )
      .type('form')
      .send({ residentId: away.id, _csrf: csrfOf(pw.text) });
    expect(conflict.status).toBe(409);
    expect(conflict.text).toContain(`一人只能按一个类别申报：已有申报「外出务工交通补贴 ${year}」`);

    const noToken = await web
      .post(`/officer/programmes/subsidies/evidence?siteId=${site.id}&programme=transport&period=${year}`)
      .type('form')
      .send({ residentId: away.id, 'ev.bank_account': 'missing' });
    expect(noToken.status).toBe(403);
    const still = (await eligible('transport')).find((i) => i.residentId === away.id)!;
    expect(still.evidence.find((e) => e.item === 'bank_account')!.status).toBe('verified');
  });

  it('training allowance: 25 yuan per session day attended of a subsidised course, in the month claimed', async () => {
    const h = await createHousehold(t.http, officer, site.id);
    const r = await createResident(t.http, officer, h.id);
    const course = await t.http
      .post('/api/v1/courses')
      .set(officer.auth)
      .send(courseBody({ startDate: addDays(today, -10), endDate: addDays(today, 5), subsidized: true }));
    expect(course.status).toBe(201);
    const days = [-5, -3, 2].map((d) => addDays(today, d));
    for (const day of days) {
      const s = await t.http
        .post(`/api/v1/courses/${course.body.id}/sessions`)
        .set(officer.auth)
        .send({ startsAt: `${day}T09:00:00+08:00`, endsAt: `${day}T11:00:00+08:00` });
      expect(s.status).toBe(201);
    }
    const e = await t.http
      .post(`/api/v1/courses/${course.body.id}/enrollments`)
      .set(officer.auth)
      .send({ residentId: r.id });
    expect(e.status).toBe(201);
    expect((await t.http.post(`/api/v1/enrollments/${e.body.id}/attend`).set(officer.auth)).status).toBe(200);
    const month = days[0].slice(0, 7);
    const res = await t.http
      .get(`/api/v1/subsidies/eligibility?siteId=${site.id}&programme=training_allowance&period=${month}`)
      .set(officer.auth);
    expect(res.status).toBe(200);
    // Past session days of that month count; the one still to come does not.
    const attended = days.slice(0, 2).filter((d) => d.startsWith(month));
    expect((res.body.items as Item[]).find((i) => i.residentId === r.id)).toMatchObject({
      amount: attended.length * 25,
      eligibleSince: attended[0],
      basis: { days: attended.length },
      evidence: [
        { item: 'national_id', status: 'provided' },
        { item: 'attendance', status: 'provided' },
        { item: 'bank_account', status: 'missing' },
      ],
    });
  });

  it('one-time job-seeking subsidy: a student of a monitored household, once per person', async () => {
    const h = await createHousehold(t.http, officer, site.id, { monitoringStatus: 'marginal' });
    const student = await createResident(t.http, officer, h.id, { employmentStatus: 'student' });
    const plain = await createResident(
      t.http,
      officer,
      (await createHousehold(t.http, officer, site.id)).id,
      {
        employmentStatus: 'student',
      },
    );
    const items = await eligible('job_seeking');
    expect(items.map((i) => i.residentId)).not.toContain(plain.id); // household not monitored
    expect(items.find((i) => i.residentId === student.id)).toMatchObject({
      amount: 1500,
      evidence: [
        { item: 'national_id', status: 'provided' },
        { item: 'household_status', status: 'provided' },
        { item: 'bank_account', status: 'missing' },
      ],
    });
    await mark(student.id, 'job_seeking', 'bank_account');
    const first = await claim(student.id, 'job_seeking', year);
    expect(first.status).toBe(201);
    const nextYear = await claim(student.id, 'job_seeking', String(Number(year) + 1));
    expect(nextYear.status).toBe(409);
    expect(nextYear.body.message).toContain(first.body.id);
  });

  it('the notice roster opens with masked national IDs', async () => {
    const res = await t.http
      .get(`/api/v1/exports/subsidy-notice.xlsx?batch=${batchId}`)
      .set(officer.auth)
      .buffer(true)
      .parse(binaryParser as never);
    expect(res.status).toBe(200);
    const ws = (await readXlsx(res.body)).worksheets[0];
    expect(ws.getRow(1).getCell(3).value).toBe('身份证号');
    const rows = ws.getSheetValues().slice(2) as unknown[][];
    expect(rows).toHaveLength(3); // two transport claims and the job-seeking one: same site, same period
    const row = rows.find((r) => r[2] === away.name)!;
    expect(row[3]).toBe(`${away.nationalId.slice(0, 6)}********${away.nationalId.slice(-4)}`);
    expect(row[4]).toBe('外出务工交通补贴');
    expect(row[6]).toBe(600);
    const text = JSON.stringify(rows);
    expect(text).not.toContain(away.nationalId);
  });

  it('a changed amount and threshold in config/programmes.yaml change the answer', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'leye-subsidies-'));
    cpSync(join(__dirname, '../../config'), dir, { recursive: true });
    const file = join(dir, 'programmes.yaml');
    const yaml = readFileSync(file, 'utf8')
      .replace('minMonths: 3 ', 'minMonths: 4 ')
      .replace('outOfProvince: 600', 'outOfProvince: 900');
    expect(yaml).toContain('minMonths: 4');
    writeFileSync(file, yaml);
    const longer = await workingAway(130, [30, 95, 125]);
    const changed = await createTestApp({ env: { LEYE_CONFIG_DIR: dir } });
    try {
      const items = await eligible('transport', changed.http);
      expect(items.map((i) => i.residentId)).not.toContain(away.id); // 3 months are no longer enough
      expect(items.find((i) => i.residentId === longer.id)).toMatchObject({
        amount: 900,
        basis: { monthsWorked: 4 },
      });
    } finally {
      await changed.close();
    }
    expect((await eligible('transport')).find((i) => i.residentId === longer.id)!.amount).toBe(600);
  });

  it("400 naming the field; 404 outside the officer's sites", async () => {
    const bad = await t.http
      .get(`/api/v1/subsidies/eligibility?siteId=${site.id}&programme=lottery`)
      .set(officer.auth);
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body)).toContain('programme');
    const month = await claim(away.id, 'transport', `${year}-09`);
    expect(month.status).toBe(400);
    expect(JSON.stringify(month.body)).toContain('period');
    const item = await mark(away.id, 'transport', 'wage_ledger');
    expect(item.status).toBe(400);

    const o = otherOfficer.auth;
    expect(
      (await t.http.get(`/api/v1/subsidies/eligibility?siteId=${site.id}&programme=transport`).set(o)).status,
    ).toBe(404);
    expect((await t.http.get(`/api/v1/subsidies/claims?siteId=${site.id}`).set(o)).status).toBe(404);
    expect((await t.http.get(`/api/v1/exports/subsidy-notice.xlsx?batch=${batchId}`).set(o)).status).toBe(
      404,
    );
    expect(
      (
        await t.http
          .post('/api/v1/subsidies/claims')
          .set(o)
          .send({ residentId: away.id, programme: 'transport', period: year })
      ).status,
    ).toBe(404);
    expect(
      (
        await t.http
          .put('/api/v1/subsidies/evidence')
          .set(o)
          .send({ residentId: away.id, programme: 'transport', item: 'bank_account', status: 'missing' })
      ).status,
    ).toBe(404);
  });
});
