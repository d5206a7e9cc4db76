import type { DataSource } from 'typeorm';
import { getDataSourceToken } from '@nestjs/typeorm';
import { FollowUpsService } from '../../src/placements/follow-ups.service';
import {
  hiringWorld,
  householdWithResident,
  inbox,
  monthsAgo,
  type HiringWorld,
} from '../support/applications-factories';
import { createTestApp, type TestApp } from '../support/app';
import type { Session } from '../support/factories';

describe('placements (e2e)', () => {
  let t: TestApp;
  let w: HiringWorld;

  beforeAll(async () => {
    t = await createTestApp();
    w = await hiringWorld(t.http);
  });
  afterAll(() => t.close());

  async function place(officer: Session, body: Record<string, unknown>) {
    return t.http
      .post('/api/v1/placements')
      .set(officer.auth)
      .send({ kind: 'local_enterprise', employerName: '文斗镇鞋厂', startDate: monthsAgo(0, 10), ...body });
  }

  async function zeroEmployment(householdId: string): Promise<boolean> {
    const res = await t.http.get(`/api/v1/households/${householdId}`).set(w.siteOfficer.auth);
    return res.body.zeroEmployment as boolean;
  }

  it('ending the only placement makes the household zero-employment and alerts each officer in scope once', async () => {
    const { householdId, resident } = await householdWithResident(t.http, w);
    expect(await zeroEmployment(householdId)).toBe(true);
    const started = await place(w.siteOfficer, { residentId: resident.id, monthlyIncome: 2800 });
    expect(started.status).toBe(201);
    expect(started.body).toMatchObject({
      residentId: resident.id,
      householdId,
      siteId: w.site.id,
      active: true,
    });
    expect(await zeroEmployment(householdId)).toBe(false);

    const early = await t.http
      .post(`/api/v1/placements/${started.body.id}/end`)
      .set(w.siteOfficer.auth)
      .send({ endDate: monthsAgo(1), reason: '工厂停工' });
    expect(early.status).toBe(400);
    expect(early.body.details[0].field).toBe('endDate');

    const ended = await t.http
      .post(`/api/v1/placements/${started.body.id}/end`)
      .set(w.siteOfficer.auth)
      .send({ endDate: monthsAgo(0), reason: '工厂停工' });
    expect(ended.status).toBe(200);
    expect(ended.body).toMatchObject({ active: false, endReason: '工厂停工', householdZeroEmployment: true });
    expect(await zeroEmployment(householdId)).toBe(true);

    const again = await t.http
      .post(`/api/v1/placements/${started.body.id}/end`)
      .set(w.siteOfficer.auth)
      .send({ endDate: monthsAgo(0), reason: '重复' });
    expect(again.status).toBe(409);

    const alertsOf = async (s: Session) =>
      (await inbox(t.http, s, 'household.at_risk')).filter((n) => n.payload.householdId === householdId);
    const site = await alertsOf(w.siteOfficer);
    const origin = await alertsOf(w.originOfficer);
    expect(site).toHaveLength(1);
    expect(origin).toHaveLength(1);
    expect(await alertsOf(w.otherOfficer)).toHaveLength(0);
    expect(site[0].body).toContain('3 天内');
    expect(site[0].payload).toMatchObject({
      householdId,
      siteId: w.site.id,
      link: `/households/${householdId}`,
    });

    // The outbox tells matching to re-rank the resident (the household now has priority).
    const ds = t.app.get<DataSource>(getDataSourceToken());
    const events: { kind: string }[] = await ds.query(
      `SELECT kind FROM outbox_event WHERE kind = 'placement.ended' AND entity_id = $1`,
      [resident.id],
    );
    expect(events).toHaveLength(1);
  });

  it('a resident with another active placement stays employed: no alert', async () => {
    const { householdId, resident } = await householdWithResident(t.http, w);
    const a = await place(w.siteOfficer, { residentId: resident.id });
    const b = await place(w.siteOfficer, {
      residentId: resident.id,
      kind: 'self_employed',
      employerName: undefined,
    });
    expect(b.status).toBe(201);
    const ended = await t.http
      .post(`/api/v1/placements/${a.body.id}/end`)
      .set(w.siteOfficer.auth)
      .send({ endDate: monthsAgo(0), reason: '合同到期' });
    expect(ended.body).toMatchObject({ householdZeroEmployment: false, atRiskNotified: 0 });
    expect(await zeroEmployment(householdId)).toBe(false);
    const alerts = (await inbox(t.http, w.siteOfficer, 'household.at_risk')).filter(
      (n) => n.payload.householdId === householdId,
    );
    expect(alerts).toHaveLength(0);
  });

  it('validates: away_from_home needs partnerCity; officers of another site get 404', async () => {
    const { resident } = await householdWithResident(t.http, w);
    const noCity = await place(w.siteOfficer, { residentId: resident.id, kind: 'away_from_home' });
    expect(noCity.status).toBe(400);
    expect(noCity.body.details.map((d: { field: string }) => d.field)).toContain('partnerCity');
    const away = await place(w.siteOfficer, {
      residentId: resident.id,
      kind: 'away_from_home',
      partnerCity: '杭州',
    });
    expect(away.status).toBe(201);
    expect(away.body.partnerCity).toBe('杭州');
    expect((await place(w.otherOfficer, { residentId: resident.id })).status).toBe(404);
    expect((await t.http.get(`/api/v1/placements/${away.body.id}`).set(w.otherOfficer.auth)).status).toBe(
      404,
    );
    const listed = await t.http
      .get(`/api/v1/placements?siteId=${w.site.id}&active=true`)
      .set(w.otherOfficer.auth);
    expect(listed.body.items.map((p: { id: string }) => p.id)).not.toContain(away.body.id);
    // The origin-region officer reads it (dual jurisdiction).
    expect((await t.http.get(`/api/v1/placements/${away.body.id}`).set(w.originOfficer.auth)).status).toBe(
      200,
    );
  });

  it('the follow-up job creates the due tasks once; a recorded follow-up closes them and keeps history', async () => {
    const { resident } = await householdWithResident(t.http, w);
    const started = await place(w.siteOfficer, { residentId: resident.id, startDate: monthsAgo(4) });
    const id = started.body.id as string;
    const job = t.app.get(FollowUpsService);
    await job.createDue();
    await job.createDue();

    const tasksOf = async (status: 'open' | 'done') => {
      const res = await t.http
        .get(`/api/v1/follow-ups?siteId=${w.site.id}&status=${status}&pageSize=100`)
        .set(w.siteOfficer.auth);
      expect(res.status).toBe(200);
      return (res.body.items as { placementId: string; dueMonth: number; id: string }[]).filter(
        (x) => x.placementId === id,
      );
    };
    const open = await tasksOf('open');
    expect(open.map((x) => x.dueMonth).sort()).toEqual([1, 3]);
    const notes = (await inbox(t.http, w.siteOfficer, 'followup.due')).filter(
      (n) => n.payload.placementId === id,
    );
    expect(notes).toHaveLength(2);
    expect((await t.http.get(`/api/v1/follow-ups?siteId=${w.site.id}`).set(w.otherOfficer.auth)).status).toBe(
      404,
    );

    for (const stillEmployed of [true, false]) {
      const fu = await t.http
        .post(`/api/v1/placements/${id}/follow-ups`)
        .set(w.siteOfficer.auth)
        .send({ date: monthsAgo(0), stillEmployed, monthlyIncome: 3000, note: '电话回访' });
      expect(fu.status).toBe(201);
    }
    expect(await tasksOf('open')).toHaveLength(0);
    expect((await tasksOf('done')).map((x) => x.dueMonth).sort()).toEqual([1, 3]);
    const detail = await t.http.get(`/api/v1/placements/${id}`).set(w.siteOfficer.auth);
    expect(detail.body.followUps.map((f: { stillEmployed: boolean }) => f.stillEmployed)).toEqual([
      true,
      false,
    ]);

    const future = await t.http
      .post(`/api/v1/placements/${id}/follow-ups`)
      .set(w.siteOfficer.auth)
      .send({ date: '2999-01-01', stillEmployed: true });
    expect(future.status).toBe(400);
  });
});
