import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { addCalendarDays, addWorkingDays } from '../../src/casework/working-days';
import { todayInPilotZone } from '../../src/kernel/clock';
import {
  hiringWorld,
  householdWithResident,
  moveApplication,
  monthsAgo,
  openPosting,
  ORIGIN_TOWNSHIP,
  type HiringWorld,
} from '../support/applications-factories';
import { createTestApp, type TestApp } from '../support/app';
import { staff } from '../support/factories';
import { eventually } from '../support/notifications-factories';
import { createCourse } from '../support/training-factories';
import { webAgent } from '../support/web-factories';

interface Group {
  id: string;
  name: string;
  open: number;
  overdue: number;
  medianWorkingDaysToFirstContact: number | null;
  contacted: number;
  clearedWithinDeadline: number | null;
  judged: number;
  bundle: { members: number; complete: number; share: number | null };
  links: { cases: string; overdue: string; all: string };
}

/** Issue 15 item 4 (the dashboard), and the queue's referrals in the bundle and the refusals. */
describe('casework dashboard and queue referrals (e2e)', () => {
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

  async function openCase(): Promise<{ caseId: string; householdId: string; residentId: string }> {
    const { householdId, resident } = await householdWithResident(t.http, w);
    const caseId = await eventually(async () => {
      const res = await t.http.get(`/api/v1/cases?siteId=${w.site.id}&pageSize=100`).set(w.siteOfficer.auth);
      return (res.body.items as { id: string; householdId: string }[]).find(
        (c) => c.householdId === householdId,
      )?.id;
    });
    return { caseId, householdId, residentId: resident.id };
  }

  const act = (caseId: string, body: Record<string, unknown>) =>
    t.http
      .post(`/api/v1/cases/${caseId}/actions`)
      .set(w.siteOfficer.auth)
      .send({ date: today, ...body });

  async function dashboard(): Promise<{ today: string; sites: Group[]; townships: Group[] }> {
    const res = await t.http.get('/api/v1/cases/dashboard').set(w.siteOfficer.auth);
    expect(res.status).toBe(200);
    return res.body;
  }

  /** A recognition day far enough back that its 4th working day has come. */
  function recognisedOn(): string {
    for (let k = 5; ; k++) {
      const d = addCalendarDays(today, -k);
      if (addWorkingDays(d, 4) < today) return d;
    }
  }

  it('per site: one household contacted on working day 1 and one on day 4 → median 2.5; one cleared in time of two due → 50 %; each number links to its list', async () => {
    const d0 = recognisedOn();
    const a = await openCase();
    const b = await openCase();
    // Both recognised on d0; A is due to be cleared today, B was due yesterday.
    for (const [c, clearDueOn] of [
      [a, today],
      [b, addCalendarDays(today, -1)],
    ] as const) {
      await db.query(
        `UPDATE casework_case SET opened_on = $2, first_contact_due_on = $3, clear_due_on = $4 WHERE id = $1`,
        [c.caseId, d0, addWorkingDays(d0, 3), clearDueOn],
      );
    }
    expect(
      (await act(a.caseId, { kind: 'phone', outcome: 'reached', date: addWorkingDays(d0, 1) })).status,
    ).toBe(201);
    expect(
      (await act(b.caseId, { kind: 'visit', outcome: 'reached', date: addWorkingDays(d0, 4) })).status,
    ).toBe(201);
    // A's member starts work today: cleared by its due date.
    const placed = await t.http
      .post('/api/v1/placements')
      .set(w.siteOfficer.auth)
      .send({
        residentId: a.residentId,
        kind: 'local_enterprise',
        employerName: '文斗镇鞋厂',
        startDate: monthsAgo(0),
      });
    expect(placed.status).toBe(201);

    const site = await eventually(async () => {
      const g = (await dashboard()).sites.find((s) => s.id === w.site.id);
      return g && g.open === 1 ? g : undefined;
    });
    expect(site).toMatchObject({
      open: 1, // B (A is employed)
      overdue: 1, // B, past its clearing date
      medianWorkingDaysToFirstContact: 2.5,
      contacted: 2,
      clearedWithinDeadline: 0.5,
      judged: 2,
    });
    expect(site.links).toEqual({
      cases: `/api/v1/cases?siteId=${w.site.id}&active=true`,
      overdue: `/api/v1/cases?siteId=${w.site.id}&overdue=true`,
      all: `/api/v1/cases?siteId=${w.site.id}`,
    });
    const listed = async (href: string) =>
      ((await t.http.get(href).set(w.siteOfficer.auth)).body.items as { id: string }[]).map((c) => c.id);
    expect(await listed(site.links.cases)).toEqual([b.caseId]);
    expect(await listed(site.links.overdue)).toEqual([b.caseId]);
    expect((await listed(site.links.all)).sort()).toEqual([a.caseId, b.caseId].sort());

    // The township row counts the same cases as the list it links to (the origin township only).
    const town = (await dashboard()).townships.find((x) => x.id === ORIGIN_TOWNSHIP)!;
    expect(town.links.cases).toBe(`/api/v1/cases?originRegionCode=${ORIGIN_TOWNSHIP}&active=true`);
    const inTown = await t.http.get(`${town.links.cases}&pageSize=100`).set(w.siteOfficer.auth);
    expect(inTown.body.total).toBe(town.open);
    expect(town.name).not.toBe(ORIGIN_TOWNSHIP); // the region's name

    // Another site's officer sees none of it; the origin township's officer sees the township.
    const theirs = await t.http.get('/api/v1/cases/dashboard').set(w.otherOfficer.auth);
    expect((theirs.body.sites as Group[]).map((s) => s.id)).not.toContain(w.site.id);
    const origin = await t.http.get('/api/v1/cases/dashboard').set(w.originOfficer.auth);
    expect((origin.body.townships as Group[]).map((s) => s.id)).toContain(ORIGIN_TOWNSHIP);

    // The officer's page shows the same figures, each a link to the filtered queue.
    const officer = await staff(t.http, w.admin, 'officer', { siteIds: [w.site.id] });
    const agent = await webAgent(t, officer.phone);
    const page = await agent.get('/officer/cases/dashboard').expect(200);
    expect(page.text).toContain('2.5 个工作日');
    expect(page.text).toContain('>50%</a>');
    expect(page.text).toContain(`href="/officer/cases?siteId=${w.site.id}&amp;overdue=true"`);
    const queue = await agent.get(`/officer/cases?siteId=${w.site.id}&overdue=true`).expect(200);
    expect(queue.text).toContain(`/officer/cases/${b.caseId}`);
    expect(queue.text).not.toContain(`/officer/cases/${a.caseId}`);
  });

  it("a member's bundle counts referrals made from the queue: complete after guidance, 3 referrals (1 from the queue) and a training offer", async () => {
    const c = await openCase();
    const before = (await dashboard()).sites.find((s) => s.id === w.site.id)!;
    const posting = await openPosting(t.http, w.employer.session);
    const course = await createCourse(t.http, w.siteOfficer);
    const queued = await t.http
      .post('/api/v1/applications')
      .set(w.siteOfficer.auth)
      .send({ postingId: posting.id, residentId: c.residentId });
    expect(queued.status).toBe(201);
    const more = [
      await openPosting(t.http, w.employer.session),
      await openPosting(t.http, w.employer.session),
    ];
    for (const p of more)
      expect(
        (await act(c.caseId, { kind: 'referral', residentId: c.residentId, postingId: p.id })).status,
      ).toBe(201);
    expect((await act(c.caseId, { kind: 'guidance', residentId: c.residentId })).status).toBe(201);
    const partial = await t.http.get(`/api/v1/cases/${c.caseId}`).set(w.siteOfficer.auth);
    expect(partial.body.members).toEqual([
      expect.objectContaining({
        residentId: c.residentId,
        referrals: 3,
        trainingOffers: 0,
        bundleComplete: false,
      }),
    ]);
    expect(
      (await act(c.caseId, { kind: 'training_offer', residentId: c.residentId, courseId: course.id })).status,
    ).toBe(201);
    const full = await t.http.get(`/api/v1/cases/${c.caseId}`).set(w.siteOfficer.auth);
    expect(full.body.members).toEqual([
      expect.objectContaining({
        residentId: c.residentId,
        guidance: 1,
        referrals: 3,
        trainingOffers: 1,
        bundleComplete: true,
      }),
    ]);
    const after = (await dashboard()).sites.find((s) => s.id === w.site.id)!;
    expect(after.bundle.members).toBe(before.bundle.members); // the member was counted from the start
    expect(after.bundle.complete).toBe(before.bundle.complete + 1);
  });

  it('a referral from the queue the member withdrew counts as a refused referral for closing', async () => {
    const c = await openCase();
    for (let i = 0; i < 2; i++) {
      const p = await openPosting(t.http, w.employer.session);
      expect(
        (
          await act(c.caseId, {
            kind: 'referral',
            residentId: c.residentId,
            postingId: p.id,
            outcome: 'refused',
          })
        ).status,
      ).toBe(201);
    }
    const posting = await openPosting(t.http, w.employer.session);
    const referred = await t.http
      .post('/api/v1/applications')
      .set(w.siteOfficer.auth)
      .send({ postingId: posting.id, residentId: c.residentId });
    expect(referred.status).toBe(201);
    const close = () =>
      t.http
        .post(`/api/v1/cases/${c.caseId}/close`)
        .set(w.siteOfficer.auth)
        .send({ reason: 'refused_referrals' });
    const early = await close();
    expect(early.status).toBe(409);
    expect(early.body.message).toContain('2 so far');
    expect((await moveApplication(t.http, w.siteOfficer, referred.body.id, 'withdrawn')).status).toBe(200);
    const closed = await close();
    expect(closed.status).toBe(200);
    expect(closed.body).toMatchObject({ status: 'closed', closedReason: 'refused_referrals' });
  });
});
