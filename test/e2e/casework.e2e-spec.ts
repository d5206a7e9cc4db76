import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { CaseClockService } from '../../src/casework/case-clock.service';
import { addWorkingDays, workingDaysBetween } from '../../src/casework/working-days';
import { todayInPilotZone } from '../../src/kernel/clock';
import {
  hiringWorld,
  householdWithResident,
  inbox,
  monthsAgo,
  openPosting,
  type HiringWorld,
} from '../support/applications-factories';
import { createTestApp, type TestApp } from '../support/app';
import { staff, type Session } from '../support/factories';
import { binaryParser, readXlsx } from '../support/imports-factories';
import { eventually } from '../support/notifications-factories';
import { csrfOf, webAgent } from '../support/web-factories';

interface CaseItem {
  id: string;
  householdId: string;
  status: string;
  cause: string;
  firstContactDueOn: string;
  clearDueOn: string;
  firstContactOn: string | null;
  overdue: boolean;
  services: { policyBriefing: number; guidance: number; referrals: number; trainingOffers: number };
  closedReason: string | null;
}

describe('zero-employment casework (e2e)', () => {
  let t: TestApp;
  let w: HiringWorld;
  let db: DataSource;
  const today = todayInPilotZone();

  beforeAll(async () => {
    t = await createTestApp({ worker: true });
    w = await hiringWorld(t.http);
    db = t.app.get<DataSource>(getDataSourceToken());
  });
  afterAll(() => t.close());

  async function casesOf(householdId: string, who: Session = w.siteOfficer): Promise<CaseItem[]> {
    const res = await t.http.get(`/api/v1/cases?siteId=${w.site.id}&pageSize=100`).set(who.auth);
    expect(res.status).toBe(200);
    return (res.body.items as CaseItem[]).filter((c) => c.householdId === householdId);
  }

  /** Waits for the household's case (written by the worker from the outbox) to reach `status`. */
  function caseIn(householdId: string, status: string): Promise<CaseItem> {
    return eventually(async () => (await casesOf(householdId)).find((c) => c.status === status));
  }

  const place = (residentId: string) =>
    t.http
      .post('/api/v1/placements')
      .set(w.siteOfficer.auth)
      .send({
        residentId,
        kind: 'local_enterprise',
        employerName: '文斗镇鞋厂',
        startDate: monthsAgo(0, 10),
      });

  const end = (placementId: string) =>
    t.http
      .post(`/api/v1/placements/${placementId}/end`)
      .set(w.siteOfficer.auth)
      .send({ endDate: monthsAgo(0), reason: '工厂停工' });

  const act = (who: Session, caseId: string, body: Record<string, unknown>) =>
    t.http
      .post(`/api/v1/cases/${caseId}/actions`)
      .set(who.auth)
      .send({ date: today, ...body });

  const close = (caseId: string, body: Record<string, unknown>) =>
    t.http.post(`/api/v1/cases/${caseId}/close`).set(w.siteOfficer.auth).send(body);

  it('ending the only placement leaves one open case, due in working days; a placement moves it to employed', async () => {
    const { householdId, resident } = await householdWithResident(t.http, w);
    await caseIn(householdId, 'open'); // recognised when the unemployed member was registered
    const placed = await place(resident.id);
    expect(placed.status).toBe(201);
    await caseIn(householdId, 'employed');

    expect((await end(placed.body.id)).status).toBe(200);
    const reopened = await caseIn(householdId, 'open');
    const all = await casesOf(householdId);
    expect(all).toHaveLength(1);
    expect(reopened).toMatchObject({
      cause: 'placement_ended',
      firstContactDueOn: addWorkingDays(today, 3),
      clearDueOn: addWorkingDays(today, 5),
      firstContactOn: null,
      overdue: false,
    });
  });

  it('a phone contact is the first contact and clears "overdue"; three referrals count; closing needs evidence; zero-employment again reopens', async () => {
    const { householdId, resident } = await householdWithResident(t.http, w);
    const opened = await caseIn(householdId, 'open');
    // The first-contact deadline passed yesterday.
    await db.query(`UPDATE casework_case SET first_contact_due_on = $2::date - 1 WHERE id = $1`, [
      opened.id,
      today,
    ]);
    expect((await t.http.get(`/api/v1/cases/${opened.id}`).set(w.siteOfficer.auth)).body.overdue).toBe(true);
    const overdueList = await t.http
      .get(`/api/v1/cases?siteId=${w.site.id}&overdue=true&pageSize=100`)
      .set(w.siteOfficer.auth);
    expect((overdueList.body.items as CaseItem[]).map((c) => c.id)).toContain(opened.id);

    const unreachable = await act(w.siteOfficer, opened.id, { kind: 'phone', outcome: 'unreachable' });
    expect(unreachable.status).toBe(201);
    expect(
      (await t.http.get(`/api/v1/cases/${opened.id}`).set(w.siteOfficer.auth)).body.firstContactOn,
    ).toBeNull();

    const phone = await act(w.siteOfficer, opened.id, {
      kind: 'phone',
      residentId: resident.id,
      outcome: 'reached',
      note: '已电话联系，愿意在附近就业',
    });
    expect(phone.status).toBe(201);
    const afterPhone = await t.http.get(`/api/v1/cases/${opened.id}`).set(w.siteOfficer.auth);
    expect(afterPhone.body).toMatchObject({ status: 'assisting', firstContactOn: today, overdue: false });

    const posting = await openPosting(t.http, w.employer.session);
    for (let i = 0; i < 2; i++) {
      expect(
        (
          await act(w.siteOfficer, opened.id, {
            kind: 'referral',
            residentId: resident.id,
            postingId: posting.id,
            outcome: 'refused',
          })
        ).status,
      ).toBe(201);
    }
    const twoRefused = await close(opened.id, { reason: 'refused_referrals' });
    expect(twoRefused.status).toBe(409);
    expect(twoRefused.body.message).toContain('3 refused referrals');
    const third = await act(w.siteOfficer, opened.id, {
      kind: 'referral',
      residentId: resident.id,
      postingId: posting.id,
    });
    expect(third.status).toBe(201);
    const detail = await t.http.get(`/api/v1/cases/${opened.id}`).set(w.siteOfficer.auth);
    expect(detail.body.services.referrals).toBe(3);
    expect(detail.body.members).toEqual([
      expect.objectContaining({ residentId: resident.id, referrals: 3, bundleComplete: false }),
    ]);
    // A referral needs its posting.
    const noPosting = await act(w.siteOfficer, opened.id, { kind: 'referral' });
    expect(noPosting.status).toBe(400);

    const withoutPlacement = await close(opened.id, { reason: 'employed' });
    expect(withoutPlacement.status).toBe(409);
    expect(withoutPlacement.body.message).toContain('active placement');
    expect((await close(opened.id, { reason: 'no_capacity_or_will' })).status).toBe(409);

    const ledger = await t.http
      .put(`/api/v1/cases/${opened.id}/ledger`)
      .set(w.siteOfficer.auth)
      .send({ familySituation: '夫妻二人，孩子上学', jobIntention: '附近工厂' });
    expect(ledger.status).toBe(200);
    expect(ledger.body).toMatchObject({
      familySituation: '夫妻二人，孩子上学',
      jobIntention: '附近工厂',
      skillsNote: null,
    });

    const placed = await place(resident.id);
    expect(placed.status).toBe(201);
    await caseIn(householdId, 'employed');
    const closed = await close(opened.id, { reason: 'employed' });
    expect(closed.status).toBe(200);
    expect(closed.body).toMatchObject({ status: 'closed', closedReason: 'employed' });
    expect((await close(opened.id, { reason: 'employed' })).status).toBe(409);

    expect((await end(placed.body.id)).status).toBe(200);
    const again = await caseIn(householdId, 'open');
    expect(again.id).not.toBe(opened.id);
    expect((await casesOf(householdId)).filter((c) => c.status !== 'closed')).toHaveLength(1);
    // The five things known belong to the household and carry over.
    const next = await t.http.get(`/api/v1/cases/${again.id}`).set(w.siteOfficer.auth);
    expect(next.body.ledger.familySituation).toBe('夫妻二人，孩子上学');
  });

  it('a referral made through the matching queue counts as a referral of the case', async () => {
    const { householdId, resident } = await householdWithResident(t.http, w);
    const c = await caseIn(householdId, 'open');
    const posting = await openPosting(t.http, w.employer.session);
    const referred = await t.http
      .post('/api/v1/applications')
      .set(w.siteOfficer.auth)
      .send({ postingId: posting.id, residentId: resident.id });
    expect(referred.status).toBe(201);
    const after = await t.http.get(`/api/v1/cases/${c.id}`).set(w.siteOfficer.auth);
    expect(after.body.services.referrals).toBe(1);
    // Logging the same referral on the case does not count it twice.
    await act(w.siteOfficer, c.id, { kind: 'referral', residentId: resident.id, postingId: posting.id });
    const logged = await t.http.get(`/api/v1/cases/${c.id}`).set(w.siteOfficer.auth);
    expect(logged.body.services.referrals).toBe(1);
  });

  it("another site's officer gets 404; the origin township's officer reads and acts on the same ledger", async () => {
    const { householdId } = await householdWithResident(t.http, w);
    const c = await caseIn(householdId, 'open');
    expect((await t.http.get(`/api/v1/cases/${c.id}`).set(w.otherOfficer.auth)).status).toBe(404);
    expect((await act(w.otherOfficer, c.id, { kind: 'visit' })).status).toBe(404);
    const theirs = await t.http.get('/api/v1/cases?pageSize=100').set(w.otherOfficer.auth);
    expect((theirs.body.items as CaseItem[]).map((x) => x.id)).not.toContain(c.id);

    const origin = await t.http.get(`/api/v1/cases/${c.id}`).set(w.originOfficer.auth);
    expect(origin.status).toBe(200);
    const visit = await act(w.originOfficer, c.id, { kind: 'visit', note: '户籍地乡镇上门走访' });
    expect(visit.status).toBe(201);
    const seen = await t.http.get(`/api/v1/cases/${c.id}`).set(w.siteOfficer.auth);
    expect(seen.body.actions).toEqual([
      expect.objectContaining({ kind: 'visit', officerId: visit.body.officerId, note: '户籍地乡镇上门走访' }),
    ]);
    // A resident of a household outside the officer's scope is hidden too.
    const elsewhere = await householdWithResident(t.http, w);
    const foreign = await act(w.otherOfficer, c.id, { kind: 'visit', residentId: elsewhere.resident.id });
    expect(foreign.status).toBe(404);
    const notMember = await act(w.siteOfficer, c.id, { kind: 'visit', residentId: elsewhere.resident.id });
    expect(notMember.status).toBe(400);
    expect(notMember.body.details[0].field).toBe('residentId');
  });

  it('the daily job notifies the officers of the site and the origin township once per deadline', async () => {
    const { householdId } = await householdWithResident(t.http, w);
    const c = await caseIn(householdId, 'open');
    await db.query(`UPDATE casework_case SET first_contact_due_on = $2::date - 1 WHERE id = $1`, [
      c.id,
      today,
    ]);
    const clock = t.app.get(CaseClockService);
    await clock.notifyOverdue();
    await clock.notifyOverdue();
    const of = async (s: Session) =>
      (await inbox(t.http, s, 'casework.overdue')).filter((n) => n.payload.caseId === c.id);
    expect(await of(w.siteOfficer)).toHaveLength(1);
    expect(await of(w.originOfficer)).toHaveLength(1);
    expect(await of(w.otherOfficer)).toHaveLength(0);
    expect((await of(w.siteOfficer))[0].payload).toMatchObject({ deadline: 'first_contact' });
  });

  it('exports the ledger: one row per household and member with the five things known, services and dates', async () => {
    const { householdId, resident } = await householdWithResident(t.http, w);
    const c = await caseIn(householdId, 'open');
    await t.http
      .put(`/api/v1/cases/${c.id}/ledger`)
      .set(w.siteOfficer.auth)
      .send({ unemploymentCause: '照顾老人', trainingWish: '电商培训' });
    expect((await act(w.siteOfficer, c.id, { kind: 'guidance', residentId: resident.id })).status).toBe(201);

    expect((await t.http.get('/api/v1/exports/cases.xlsx').set(w.siteOfficer.auth)).status).toBe(400);
    const res = await t.http
      .get(`/api/v1/exports/cases.xlsx?siteId=${w.site.id}`)
      .set(w.siteOfficer.auth)
      .buffer(true)
      .parse(binaryParser as never);
    expect(res.status).toBe(200);
    const ws = (await readXlsx(res.body)).worksheets[0];
    const header = (ws.getRow(1).values as unknown[]).slice(1);
    const col = (name: string) => header.indexOf(name) + 1;
    const rows: unknown[][] = [];
    ws.eachRow((row, n) => {
      if (n > 1) rows.push(row.values as unknown[]);
    });
    const mine = rows.filter((v) => v[col('成员')] === resident.name);
    expect(mine).toHaveLength(1);
    const row = mine[0];
    expect(row[col('失业原因')]).toBe('照顾老人');
    expect(row[col('培训意愿')]).toBe('电商培训');
    expect(row[col('职业指导')]).toBe(1);
    expect(row[col('岗位推荐')]).toBe(0);
    expect(row[col('首次联系日期')]).toBe(today);
    expect(row[col('清零期限')]).toBe(c.clearDueOn);
    expect(row[col('服务包')]).toBe('131');
    // The other site's officer exports nothing of this site.
    const other = await t.http
      .get(`/api/v1/exports/cases.xlsx?siteId=${w.site.id}`)
      .set(w.otherOfficer.auth)
      .buffer(true)
      .parse(binaryParser as never);
    expect((await readXlsx(other.body)).worksheets[0].actualRowCount).toBe(1);
  });

  it("the officer's pages: the queue shows the clock, a case page logs a phone call (no JavaScript)", async () => {
    const { householdId } = await householdWithResident(t.http, w);
    const c = await caseIn(householdId, 'open');
    const officer = await staff(t.http, w.admin, 'officer', { siteIds: [w.site.id] });
    const agent = await webAgent(t, officer.phone);
    const queue = await agent.get('/officer/cases').expect(200);
    const card = queue.text.slice(queue.text.indexOf(`/officer/cases/${c.id}`));
    expect(card.slice(0, 600)).toContain(`还剩 ${workingDaysBetween(today, c.firstContactDueOn)} 个工作日`);
    expect(queue.text).toMatch(/待清零 \d+ 户/);
    expect(queue.text).toContain('href="/officer/cases?overdue=true"');
    const page = await agent.get(`/officer/cases/${c.id}`).expect(200);
    const posted = await agent
      .post(`/officer/cases/${c.id}/actions`)
      .type('form')
      .send({
        _csrf: csrfOf(page.text),
        kind: 'phone',
        outcome: 'reached',
        date: today,
        note: '电话联系，想去茶厂',
      });
    expect(posted.status).toBe(303);
    expect(posted.headers.location).toBe(`/officer/cases/${c.id}?done=action`);
    const after = await agent.get(`/officer/cases/${c.id}?done=action`).expect(200);
    expect(after.text).toContain('电话（已联系上）：电话联系，想去茶厂');
    expect(after.text).toContain('帮扶中');
    const bad = await agent
      .post(`/officer/cases/${c.id}/actions`)
      .type('form')
      .send({ _csrf: csrfOf(page.text), kind: 'phone', date: 'gestern' });
    expect(bad.status).toBe(400);
    expect(bad.text).toContain('请检查：日期');
    const other = await staff(t.http, w.admin, 'officer', { siteIds: [w.otherSite.id] });
    await (await webAgent(t, other.phone)).get(`/officer/cases/${c.id}`).expect(404);
  });
});
