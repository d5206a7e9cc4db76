import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { parse as parseYaml } from 'yaml';
import { todayInPilotZone } from '../../src/kernel/clock';
import { parseCooperationSection } from '../../src/programmes/cooperation/cooperation-config';
import { CooperationReadsService } from '../../src/programmes/cooperation/cooperation-reads.service';
import { CooperationSettings } from '../../src/programmes/cooperation/cooperation-settings';
import { parseProgrammeSection } from '../../src/programmes/programmes-config';
import { hiringWorld, householdWithResident, openPosting, type HiringWorld } from '../support/applications-factories';
import { createTestApp, type TestApp } from '../support/app';
import { staff, type Session } from '../support/factories';
import { eventually } from '../support/notifications-factories';
import { createResident } from '../support/residents-factories';
import { csrfOf, webAgent } from '../support/web-factories';

/*
 * Issue 17 §3 "How we will know": a batch of two residents with one arrival has retention checks
 * due at 1, 3 and 6 months, and the liaison officer sees only that batch. Due dates are the
 * pilot's calendar days, computed here by PostgreSQL (`date + n months`, as the placements'
 * follow-ups count), not by the code under test.
 */

type Member = Record<string, unknown> & { name: string; workStatus: string; retention?: { month: number; dueOn: string; status: string }[] };

describe('east–west labour cooperation (e2e)', () => {
  let t: TestApp;
  let w: HiringWorld;
  let db: DataSource;
  let liaison: Session & { phone: string };
  let otherLiaison: Session & { phone: string };
  const today = todayInPilotZone();

  beforeAll(async () => {
    t = await createTestApp({ worker: true });
    w = await hiringWorld(t.http);
    db = t.app.get<DataSource>(getDataSourceToken());
    liaison = await staff(t.http, w.admin, 'liaison');
    otherLiaison = await staff(t.http, w.admin, 'liaison');
  });
  afterAll(() => t.close());

  /** A calendar day `days` before today in the pilot's zone, and `months` after a day, by PostgreSQL. */
  async function daysAgo(days: number): Promise<string> {
    const r: { d: string }[] = await db.query(`SELECT ($1::date - $2::int)::text AS d`, [today, days]);
    return r[0].d;
  }
  async function monthsAfter(day: string, months: number): Promise<string> {
    const r: { d: string }[] = await db.query(`SELECT ($1::date + make_interval(months => $2))::date::text AS d`, [day, months]);
    return r[0].d;
  }

  const batch = (who: Session, body: Record<string, unknown>) => t.http.post('/api/v1/cooperation/batches').set(who.auth).send(body);
  const arrive = (who: Session, id: string, body: Record<string, unknown>) =>
    t.http.post(`/api/v1/cooperation/batches/${id}/arrivals`).set(who.auth).send(body);
  const get = (who: Session, id: string) => t.http.get(`/api/v1/cooperation/batches/${id}`).set(who.auth);

  it('a batch of two with one arrival: checks at arrival, 1, 3 and 6 months; the liaison officer sees that batch only, names and work status', async () => {
    const a = await householdWithResident(t.http, w);
    const b = await householdWithResident(t.http, w);
    const departureOn = await daysAgo(3);
    const arrivedOn = await daysAgo(2);

    const created = await batch(w.siteOfficer, {
      partnerCity: '杭州',
      departureOn,
      transport: 'train',
      residentIds: [a.resident.id, b.resident.id],
      liaisonPhone: liaison.phone,
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ partnerCity: '杭州', departureOn, memberCount: 2, arrivedCount: 0, siteId: w.site.id });
    const id = created.body.id as string;

    const first = await arrive(w.siteOfficer, id, { residentId: a.resident.id, arrivedOn });
    expect(first.status).toBe(201);
    // The same arrival again changes nothing (200); another date is a conflict.
    expect((await arrive(w.siteOfficer, id, { residentId: a.resident.id, arrivedOn })).status).toBe(200);
    expect((await arrive(w.siteOfficer, id, { residentId: a.resident.id, arrivedOn: departureOn })).status).toBe(409);

    const detail = await get(w.siteOfficer, id);
    expect(detail.status).toBe(200);
    const members = detail.body.members as Member[];
    const ma = members.find((m) => m.residentId === a.resident.id)!;
    const mb = members.find((m) => m.residentId === b.resident.id)!;
    expect(ma.workStatus).toBe('at_work');
    expect(ma.retention).toEqual([
      { month: 0, dueOn: arrivedOn, status: 'overdue', checkedOn: null },
      { month: 1, dueOn: await monthsAfter(arrivedOn, 1), status: 'upcoming', checkedOn: null },
      { month: 3, dueOn: await monthsAfter(arrivedOn, 3), status: 'upcoming', checkedOn: null },
      { month: 6, dueOn: await monthsAfter(arrivedOn, 6), status: 'upcoming', checkedOn: null },
    ]);
    expect(mb).toMatchObject({ workStatus: 'departed', arrivedOn: null, retention: [] });
    expect(detail.body.arrivedCount).toBe(1);

    // The arrival started an away-from-home placement in the partner city (subsidies read it).
    const placements = await t.http.get(`/api/v1/placements?residentId=${a.resident.id}`).set(w.siteOfficer.auth);
    expect(placements.body.items).toEqual([
      expect.objectContaining({ kind: 'away_from_home', partnerCity: '杭州', startDate: arrivedOn }),
    ]);

    // The arrival check recorded: month 0 at work.
    const check = await t.http
      .post(`/api/v1/cooperation/batches/${id}/checks`)
      .set(w.siteOfficer.auth)
      .send({ residentId: a.resident.id, month: 0, stillAtWork: true, checkedOn: arrivedOn });
    expect(check.status).toBe(200);
    expect(check.body).toMatchObject({ month: 0, status: 'at_work', checkedOn: arrivedOn });

    // Another batch, of another resident, naming another liaison officer.
    const c = await householdWithResident(t.http, w);
    const other = await batch(w.siteOfficer, {
      partnerCity: '杭州',
      departureOn,
      residentIds: [c.resident.id],
      liaisonPhone: otherLiaison.phone,
    });
    expect(other.status).toBe(201);

    // The liaison officer: this batch, names and work status only.
    const seen = await get(liaison, id);
    expect(seen.status).toBe(200);
    for (const m of seen.body.members as Member[]) expect(Object.keys(m).sort()).toEqual(['name', 'workStatus']);
    expect((seen.body.members as Member[]).map((m) => m.workStatus).sort()).toEqual(['at_work', 'departed']);
    const text = JSON.stringify(seen.body);
    for (const secret of [a.resident.id, a.householdId, a.resident.nationalId, a.resident.phoneClear ?? 'none', w.site.id])
      expect(text).not.toContain(secret);
    const list = await t.http.get('/api/v1/cooperation/batches').set(liaison.auth);
    expect(list.status).toBe(200);
    expect((list.body.items as { id: string }[]).map((x) => x.id)).toEqual([id]);

    // Nothing else: another batch is 404, every other route of personal data 403.
    expect((await get(liaison, other.body.id)).status).toBe(404);
    for (const path of [
      '/api/v1/residents',
      `/api/v1/residents/${a.resident.id}`,
      '/api/v1/households',
      `/api/v1/households/${a.householdId}`,
      '/api/v1/matches',
      '/api/v1/placements',
      '/api/v1/follow-ups',
      '/api/v1/cases',
      '/api/v1/cooperation/outcomes?by=city',
      '/api/v1/cooperation/fairs',
    ])
      expect([path, (await t.http.get(path).set(liaison.auth)).status]).toEqual([path, 403]);
    expect((await arrive(liaison, id, { residentId: b.resident.id, arrivedOn })).status).toBe(403);
    // The liaison's page shows the names, never an ID or a phone.
    const page = await t.http.get('/liaison').set(liaison.auth);
    expect(page.status).toBe(200);
    expect(page.text).toContain(a.resident.name as string);
    expect(page.text).not.toContain(a.resident.nationalId);

    // An officer of another site: the batch is not there; their residents are not hers to send.
    expect((await get(w.otherOfficer, id)).status).toBe(404);
    const foreign = await batch(w.otherOfficer, { partnerCity: '杭州', departureOn, residentIds: [b.resident.id] });
    expect(foreign.status).toBe(400);
    expect(foreign.body.details).toEqual([expect.objectContaining({ field: 'residentIds' })]);
    const unknown = await batch(w.otherOfficer, {
      partnerCity: '杭州',
      departureOn,
      residentIds: ['00000000-0000-4000-8000-000000000000'],
    });
    expect(unknown.body.message).toBe(foreign.body.message);
  });

  it('bad input is a 400 naming the field; a resident away already is a 409', async () => {
    const a = await householdWithResident(t.http, w);
    const departureOn = await daysAgo(1);
    const cases: [Record<string, unknown>, string][] = [
      [{ departureOn, residentIds: [a.resident.id] }, 'partnerCity'],
      [{ partnerCity: '杭州', departureOn: '2026-13-01', residentIds: [a.resident.id] }, 'departureOn'],
      [{ partnerCity: '杭州', departureOn, residentIds: [] }, 'residentIds'],
      [{ partnerCity: '纽约', departureOn, residentIds: [a.resident.id] }, 'partnerCity'],
      [{ partnerCity: '杭州', departureOn, residentIds: [a.resident.id], liaisonPhone: w.siteOfficer === undefined ? '' : '13000000000' }, 'liaisonPhone'],
    ];
    for (const [body, field] of cases) {
      const res = await batch(w.siteOfficer, body);
      expect([field, res.status]).toEqual([field, 400]);
      expect(res.body.details.map((d: { field: string }) => d.field)).toContain(field);
    }
    const ok = await batch(w.siteOfficer, { partnerCity: '杭州', departureOn, residentIds: [a.resident.id] });
    expect(ok.status).toBe(201);
    expect((await batch(w.siteOfficer, { partnerCity: '杭州', departureOn, residentIds: [a.resident.id] })).status).toBe(409);
    const early = await arrive(w.siteOfficer, ok.body.id, { residentId: a.resident.id, arrivedOn: await daysAgo(5) });
    expect(early.status).toBe(400);
    expect(early.body.details[0].field).toBe('arrivedOn');
    const stranger = await arrive(w.siteOfficer, ok.body.id, { residentId: '00000000-0000-4000-8000-000000000000', arrivedOn: departureOn });
    expect(stranger.status).toBe(400);
    expect(stranger.body.details[0].field).toBe('residentId');
  });

  it('the retention months are read from config/programmes.yaml: another list, other due dates', async () => {
    const settings = t.app.get(CooperationSettings);
    const saved = settings.config;
    const text = readFileSync(join(__dirname, '../../config/programmes.yaml'), 'utf8');
    expect(text).toContain('retentionCheckMonths: [0, 1, 3, 6]');
    const changed = parseYaml(text.replace('retentionCheckMonths: [0, 1, 3, 6]', 'retentionCheckMonths: [0, 2, 3, 12]'));
    (settings as { config: unknown }).config = parseProgrammeSection(changed, 'cooperation', parseCooperationSection);
    try {
      const a = await householdWithResident(t.http, w);
      const departureOn = await daysAgo(1);
      const res = await batch(w.siteOfficer, { partnerCity: '杭州', departureOn, residentIds: [a.resident.id] });
      const arrived = await arrive(w.siteOfficer, res.body.id, { residentId: a.resident.id, arrivedOn: departureOn });
      expect(arrived.status).toBe(201);
      expect(arrived.body.retention.map((r: { month: number; dueOn: string }) => [r.month, r.dueOn])).toEqual([
        [0, departureOn],
        [2, await monthsAfter(departureOn, 2)],
        [3, await monthsAfter(departureOn, 3)],
        [12, await monthsAfter(departureOn, 12)],
      ]);
    } finally {
      (settings as { config: unknown }).config = saved;
    }
  });

  it('a return home records its reason; a household left with no one at work gets its case reopened', async () => {
    const a = await householdWithResident(t.http, w);
    const casesOf = async () => {
      const res = await t.http.get(`/api/v1/cases?siteId=${w.site.id}&pageSize=100`).set(w.siteOfficer.auth);
      return (res.body.items as { householdId: string; status: string; cause: string }[]).filter((x) => x.householdId === a.householdId);
    };
    const caseIn = (status: string) => eventually(async () => (await casesOf()).find((x) => x.status === status));
    await caseIn('open'); // a household with labour and nobody at work
    const departureOn = await daysAgo(2);
    const created = await batch(w.siteOfficer, { partnerCity: '杭州', departureOn, residentIds: [a.resident.id] });
    expect((await arrive(w.siteOfficer, created.body.id, { residentId: a.resident.id, arrivedOn: departureOn })).status).toBe(201);
    await caseIn('employed');

    const back = await t.http
      .post(`/api/v1/cooperation/batches/${created.body.id}/returns`)
      .set(w.siteOfficer.auth)
      .send({ residentId: a.resident.id, returnedOn: today, reason: '家中老人生病' });
    expect(back.status).toBe(200);
    expect(back.body).toMatchObject({ returnedOn: today, householdZeroEmployment: true, cancelledChecks: 4 });
    const reopened = await caseIn('open');
    expect(reopened.cause).toBe('placement_ended');
    expect(await casesOf()).toHaveLength(1);

    const detail = await get(w.siteOfficer, created.body.id);
    const m = (detail.body.members as Member[])[0];
    expect(m).toMatchObject({ workStatus: 'returned', returnedOn: today, returnReason: '家中老人生病' });
    expect(m.retention!.map((r) => r.status)).toEqual(['cancelled', 'cancelled', 'cancelled', 'cancelled']);
    // Back home, the resident may leave with a new batch.
    expect((await batch(w.siteOfficer, { partnerCity: '杭州', departureOn: today, residentIds: [a.resident.id] })).status).toBe(201);
  });

  it('the pages: a form without its CSRF token is refused, a bad date keeps the form, another site\'s batch is 404', async () => {
    const a = await householdWithResident(t.http, w);
    const created = await batch(w.siteOfficer, { partnerCity: '杭州', departureOn: today, residentIds: [a.resident.id] });
    const agent = await webAgent(t, (w.siteOfficer as Session & { phone: string }).phone);
    const page = await agent.get(`/officer/programmes/cooperation/batches/${created.body.id}`);
    expect(page.status).toBe(200);
    expect(page.text).toContain(a.resident.name as string);
    expect(page.text).not.toContain(a.resident.nationalId);
    // Unknown notices are ignored, prototype names included.
    for (const done of ['__proto__', 'constructor', 'nope'])
      expect((await agent.get(`/officer/programmes/cooperation?done=${done}`)).status).toBe(200);
    const url = `/officer/programmes/cooperation/batches/${created.body.id}/arrivals`;
    expect((await agent.post(url).type('form').send({ residentId: a.resident.id, arrivedOn: today })).status).toBe(403);
    const bad = await agent
      .post(url)
      .type('form')
      .send({ residentId: a.resident.id, arrivedOn: '2026-02-30', _csrf: csrfOf(page.text) });
    expect(bad.status).toBe(400);
    expect(bad.text).toContain('请检查「到岗日期」');
    const ok = await agent
      .post(url)
      .type('form')
      .send({ residentId: a.resident.id, arrivedOn: today, _csrf: csrfOf(page.text) });
    expect(ok.status).toBe(303);
    expect((await get(w.siteOfficer, created.body.id)).body.arrivedCount).toBe(1);
    const other = await webAgent(t, (w.otherOfficer as Session & { phone: string }).phone);
    expect((await other.get(`/officer/programmes/cooperation/batches/${created.body.id}`)).status).toBe(404);
  });

  it('a refused member form on the batch page comes back as typed (arrival: date and employer; return home: date, reason, the form open)', async () => {
    const a = await householdWithResident(t.http, w);
    const created = await batch(w.siteOfficer, { partnerCity: '杭州', departureOn: today, residentIds: [a.resident.id] });
    const agent = await webAgent(t, (w.siteOfficer as Session & { phone: string }).phone);
    const page = await agent.get(`/officer/programmes/cooperation/batches/${created.body.id}`);
    const base = `/officer/programmes/cooperation/batches/${created.body.id}`;
    const arrival = await agent
      .post(`${base}/arrivals`)
      .type('form')
      .send({ residentId: a.resident.id, arrivedOn: '2026-02-30', employerName: '杭州某电子厂', _csrf: csrfOf(page.text) });
    expect(arrival.status).toBe(400);
    expect(arrival.text).toContain('value="2026-02-30"');
    expect(arrival.text).toContain('value="杭州某电子厂"');
    const back = await agent
      .post(`${base}/returns`)
      .type('form')
      .send({ residentId: a.resident.id, returnedOn: '2026-13-01', reason: '家中老人生病', _csrf: csrfOf(page.text) });
    expect(back.status).toBe(400);
    expect(back.text).toContain('value="2026-13-01"');
    expect(back.text).toContain('value="家中老人生病"');
    expect(back.text).toContain('<details open');
    expect((await get(w.siteOfficer, created.body.id)).body.arrivedCount).toBe(0);
  });

  it('outcomes per fair, employer and city: departed, arrived, still at work at 3 and 6 months', async () => {
    // The partner employer's posting (with accommodation) is the fair's; its employer joins the fair.
    const posting = await openPosting(t.http, w.otherEmployer.session, { accommodation: true });
    const fair = await t.http
      .post('/api/v1/cooperation/fairs')
      .set(w.siteOfficer.auth)
      .send({
        siteId: w.site.id,
        name: '春风行动杭州专场',
        heldOn: await daysAgo(10),
        partnerCity: '杭州',
        employerIds: [w.employer.employer.id],
        postingIds: [posting.id],
      });
    expect(fair.status).toBe(201);
    expect(fair.body.employerIds.sort()).toEqual([w.employer.employer.id, w.otherEmployer.employer.id].sort());
    const fairDetail = await t.http.get(`/api/v1/cooperation/fairs/${fair.body.id}`).set(w.siteOfficer.auth);
    expect(fairDetail.body.postings).toEqual([{ id: posting.id, title: expect.any(String) }]);
    expect(fairDetail.body.employers).toContainEqual({ id: w.otherEmployer.employer.id, name: w.otherEmployer.employer.name });
    expect((await t.http.get(`/api/v1/cooperation/fairs/${fair.body.id}`).set(w.otherOfficer.auth)).status).toBe(404);
    const h = await householdWithResident(t.http, w);
    const r2 = await createResident(t.http, w.siteOfficer, h.householdId);
    const departureOn = await daysAgo(1);
    const created = await batch(w.siteOfficer, {
      partnerCity: '杭州',
      departureOn,
      fairId: fair.body.id,
      residentIds: [h.resident.id, r2.id],
    });
    expect(created.status).toBe(201);
    await arrive(w.siteOfficer, created.body.id, { residentId: h.resident.id, arrivedOn: departureOn, postingId: posting.id });
    const byFair = await t.http.get(`/api/v1/cooperation/outcomes?by=fair&siteId=${w.site.id}`).set(w.siteOfficer.auth);
    expect(byFair.status).toBe(200);
    expect(byFair.body.items).toContainEqual({ key: fair.body.id, label: '春风行动杭州专场', departed: 2, arrived: 1, atWork3: 0, atWork6: 0 });
    const byEmployer = await t.http.get(`/api/v1/cooperation/outcomes?by=employer&siteId=${w.site.id}`).set(w.siteOfficer.auth);
    expect(byEmployer.body.items).toContainEqual(
      expect.objectContaining({ key: w.otherEmployer.employer.id, label: w.otherEmployer.employer.name, departed: 1, arrived: 1 }),
    );
    // A third member arrived seven months ago: at work at the 3-month check, gone at the 6-month one.
    const old = await householdWithResident(t.http, w);
    const longAgo = await daysAgo(215);
    const earlier = await batch(w.siteOfficer, { partnerCity: '杭州', departureOn: longAgo, fairId: fair.body.id, residentIds: [old.resident.id] });
    expect(earlier.status).toBe(201);
    expect((await arrive(w.siteOfficer, earlier.body.id, { residentId: old.resident.id, arrivedOn: longAgo })).status).toBe(201);
    const record = (month: number, stillAtWork: boolean, checkedOn: string) =>
      t.http
        .post(`/api/v1/cooperation/batches/${earlier.body.id}/checks`)
        .set(w.siteOfficer.auth)
        .send({ residentId: old.resident.id, month, stillAtWork, checkedOn });
    const due3 = await monthsAfter(longAgo, 3);
    const tooEarly = await record(3, true, await monthsAfter(longAgo, 2));
    expect(tooEarly.status).toBe(400);
    expect(tooEarly.body.details[0].field).toBe('checkedOn');
    expect((await record(3, true, due3)).status).toBe(200);
    expect((await record(3, true, due3)).status).toBe(409);
    expect((await record(6, false, await monthsAfter(longAgo, 6))).status).toBe(200);
    // The 3-month check is also the placement's follow-up of that date (subsidies read both).
    const fu = await t.http.get(`/api/v1/placements?residentId=${old.resident.id}`).set(w.siteOfficer.auth);
    const placement = await t.http.get(`/api/v1/placements/${fu.body.items[0].id}`).set(w.siteOfficer.auth);
    expect(placement.body.followUps).toEqual(
      expect.arrayContaining([expect.objectContaining({ date: due3, stillEmployed: true })]),
    );
    const afterChecks = await t.http.get(`/api/v1/cooperation/outcomes?by=fair&siteId=${w.site.id}`).set(w.siteOfficer.auth);
    expect(afterChecks.body.items).toContainEqual({ key: fair.body.id, label: '春风行动杭州专场', departed: 3, arrived: 2, atWork3: 1, atWork6: 0 });
    const detail = await get(w.siteOfficer, earlier.body.id);
    expect((detail.body.members as Member[])[0].workStatus).toBe('left_job');
    // The subsidies' read: months of work from the 3-month check.
    const evidence = await t.app.get(CooperationReadsService).workMonthsOf([old.resident.id, h.resident.id, r2.id]);
    expect(evidence.get(old.resident.id)).toMatchObject({ partnerCity: '杭州', arrivedOn: longAgo, checkMonth: 3, checkedOn: due3, monthsOfWork: 3 });
    expect(evidence.get(h.resident.id)).toMatchObject({ checkedOn: null, monthsOfWork: null });
    expect(evidence.has(r2.id)).toBe(false); // never arrived

    const bad = await t.http.get('/api/v1/cooperation/outcomes?by=month').set(w.siteOfficer.auth);
    expect(bad.status).toBe(400);
    expect(bad.body.details[0].field).toBe('by');
    // Another site's officer counts nothing of this site.
    const theirs = await t.http.get(`/api/v1/cooperation/outcomes?by=city&siteId=${w.site.id}`).set(w.otherOfficer.auth);
    expect(theirs.body.items).toEqual([]);
  });
});
