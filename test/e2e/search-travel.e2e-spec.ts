import { createTestApp, type TestApp } from '../support/app';
import { createSite, loginAdmin, staff, type Session } from '../support/factories';
import { employerWithRecord, openPosting, type EmployerFixture } from '../support/postings-factories';

jest.setTimeout(120_000);

/** A word no other test's posting holds, so each search sees exactly this file's postings. */
const MARK = `wdtravel${Array.from({ length: 6 }, () => String.fromCharCode(97 + Math.floor(Math.random() * 26))).join('')}`;

interface Item {
  id: string;
  distanceKm?: number;
  travelMinutes?: number | null;
  travelSource?: 'measured' | 'estimate' | 'unknown';
  travelMode?: string | null;
  travelFirstDeparture?: string | null;
  travelLastReturn?: string | null;
  locationApproximate: boolean;
}
interface SearchPage {
  items: Item[];
  total: number;
  page: number;
  pageSize: number;
}

/*
 * Issue 16 item 4/6: with a site, the job search says how long it takes to get there — the trip an
 * officer recorded, else the estimate, else "unknown" (never 0) — and filters by travel time before
 * paging, so the totals and pages agree.
 *
 * The site is at 30.0 N 108.7 E; the estimate is km × 1.8 ÷ 25 km/h × 60 (config/commute.yaml).
 */
describe('job search by travel time from a site (GET /postings?siteId=&maxTravelMinutes=)', () => {
  let t: TestApp;
  let admin: Session;
  let officer: Session;
  let employer: EmployerFixture;
  let other: EmployerFixture;
  let site: { id: string };
  const ids: Record<string, string> = {};
  let busTripId: string;

  const search = async (query: Record<string, string | number>): Promise<SearchPage> => {
    const res = await t.http.get('/api/v1/postings').query({ q: MARK, pageSize: 100, ...query });
    expect(res.status).toBe(200);
    return res.body as SearchPage;
  };
  const idsOf = (p: SearchPage) => p.items.map((i) => i.id).sort();
  const byId = (p: SearchPage) => new Map(p.items.map((i) => [i.id, i]));
  const record = async (body: Record<string, unknown>): Promise<string> => {
    const res = await t.http
      .post(`/api/v1/sites/${site.id}/travel-times`)
      .set(officer.auth)
      .send({ source: 'measured', ...body });
    expect(res.status).toBe(201);
    return res.body.id as string;
  };

  beforeAll(async () => {
    t = await createTestApp();
    admin = await loginAdmin(t.http);
    officer = await staff(t.http, admin, 'officer', { regionCodes: ['422802'] });
    employer = await employerWithRecord(t.http, {
      verifiedBy: officer,
      body: { name: '龙潭茶叶公司', latitude: 30.3, longitude: 108.9 },
    });
    other = await employerWithRecord(t.http, { verifiedBy: officer, body: { name: '山湾食品厂' } });
    site = await createSite(t.http, admin, { latitude: 30.0, longitude: 108.7 });
    const open = (e: EmployerFixture, over: Record<string, unknown>) =>
      openPosting(t.http, e.session, { description: `按天结算 ${MARK}`, ...over });

    // ~10 km away: the estimate would be ~43 minutes, but the officer rode the bus: 70.
    ids.valley = (
      await open(employer, {
        title: '山谷茶园采茶工',
        regionCode: '422802104',
        latitude: 30.09,
        longitude: 108.7,
      })
    ).id;
    // ~2.2 km, nothing recorded: an estimate, ~10 minutes.
    ids.near = (
      await open(other, {
        title: '安置点旁食品厂',
        regionCode: '422802107',
        latitude: 30.02,
        longitude: 108.7,
      })
    ).id;
    // ~20 km, nothing recorded: an estimate, ~86 minutes.
    ids.far = (
      await open(other, { title: '远处包装工', regionCode: '422802107', latitude: 30.18, longitude: 108.7 })
    ).id;
    // ~27 km, but the employer's own shuttle takes 25 minutes (only for its postings).
    ids.shuttle = (
      await open(employer, {
        title: '龙潭茶厂包装工',
        regionCode: '422802105',
        latitude: 30.24,
        longitude: 108.7,
      })
    ).id;
    // ~33 km, in an industrial park an officer recorded by name and coordinates: 45 minutes by e-bike.
    ids.park = (
      await open(other, { title: '园区电子厂', regionCode: '422802107', latitude: 30.3, longitude: 108.7 })
    ).id;
    // Not located: the employer's office stands in. Nothing recorded to its township: unknown.
    ids.unlocated = (
      await open(other, {
        title: '来料加工（未定位）',
        regionCode: '422802107',
        latitude: undefined,
        longitude: undefined,
      })
    ).id;

    busTripId = await record({
      destinationRegionCode: '422802104',
      mode: 'bus',
      minutes: 70,
      fare: 8,
      firstDeparture: '07:30',
      lastReturn: '18:00',
    });
    await record({
      destinationRegionCode: '422802105',
      mode: 'shuttle',
      minutes: 25,
      employerId: employer.employer.id,
    });
  });
  beforeAll(async () => {
    // within matchRadiusKm (3 km) of the park's workplace
    await record({ placeName: '文斗工业园', latitude: 30.31, longitude: 108.71, mode: 'ebike', minutes: 45 });
  });
  afterAll(async () => {
    await t?.close();
  });

  it('each item carries travelMinutes and travelSource: measured, estimate, unknown (never 0)', async () => {
    const all = byId(await search({ siteId: site.id }));
    expect(all.size).toBe(6);
    expect(all.get(ids.park)).toMatchObject({
      travelMinutes: 45,
      travelSource: 'measured',
      travelMode: 'ebike',
    });
    expect(all.get(ids.valley)).toMatchObject({
      travelMinutes: 70,
      travelSource: 'measured',
      travelMode: 'bus',
      travelFirstDeparture: '07:30',
      travelLastReturn: '18:00',
      locationApproximate: false,
    });
    expect(all.get(ids.shuttle)).toMatchObject({
      travelMinutes: 25,
      travelSource: 'measured',
      travelMode: 'shuttle',
    });
    const near = all.get(ids.near)!;
    expect(near.travelSource).toBe('estimate');
    // round(km × 1.8 ÷ 25 × 60), from the straight line the item reports
    expect(Math.abs(near.travelMinutes! - (near.distanceKm! * 1.8 * 60) / 25)).toBeLessThanOrEqual(1);
    expect(all.get(ids.far)).toMatchObject({ travelSource: 'estimate' });
    expect(all.get(ids.far)!.travelMinutes).toBeGreaterThan(60);
    expect(all.get(ids.unlocated)).toMatchObject({
      travelMinutes: null,
      travelSource: 'unknown',
      travelMode: null,
      locationApproximate: true,
    });

    // Without a site there is nothing to measure from: no travel fields at all.
    const plain = (await search({})).items;
    expect(plain).toHaveLength(6);
    for (const i of plain) expect(i).not.toHaveProperty('travelSource');
  });

  it('maxTravelMinutes keeps what is reached in time by the way shown, drops the rest and the unknown', async () => {
    expect(idsOf(await search({ siteId: site.id, maxTravelMinutes: 30 }))).toEqual(
      [ids.near, ids.shuttle].sort(),
    );
    // The valley's straight line is within an hour; the bus is not. The park is far, the e-bike quick.
    expect(idsOf(await search({ siteId: site.id, maxTravelMinutes: 60 }))).toEqual(
      [ids.near, ids.shuttle, ids.park].sort(),
    );
    expect(idsOf(await search({ siteId: site.id, maxTravelMinutes: 70 }))).toEqual(
      [ids.near, ids.shuttle, ids.park, ids.valley].sort(),
    );
    // The SQL filter agrees with the minutes on the items (the planner's), for every limit.
    const all = (await search({ siteId: site.id })).items;
    for (const limit of [5, 10, 11, 25, 26, 44, 45, 60, 85, 86, 87, 90, 120]) {
      const expected = all
        .filter((i) => i.travelMinutes != null && i.travelMinutes <= limit)
        .map((i) => i.id)
        .sort();
      expect({ limit, ids: idsOf(await search({ siteId: site.id, maxTravelMinutes: limit })) }).toEqual({
        limit,
        ids: expected,
      });
    }
    // Distance filters still work, alone and together with minutes.
    expect(idsOf(await search({ siteId: site.id, maxDistanceKm: 15 }))).toEqual(
      [ids.near, ids.valley].sort(),
    );
    expect(idsOf(await search({ siteId: site.id, maxDistanceKm: 15, maxTravelMinutes: 60 }))).toEqual([
      ids.near,
    ]);
  });

  it('filters before paging: pages of one add up to the total, and the total is the same on every page', async () => {
    const seen: string[] = [];
    for (const pageNo of [1, 2, 3, 4]) {
      const p = await search({ siteId: site.id, maxTravelMinutes: 60, pageSize: 1, page: pageNo });
      expect({ pageNo, total: p.total }).toEqual({ pageNo, total: 3 });
      expect(p.items.length).toBe(pageNo <= 3 ? 1 : 0);
      seen.push(...p.items.map((i) => i.id));
    }
    expect(seen.sort()).toEqual([ids.near, ids.shuttle, ids.park].sort());
  });

  it('nearest orders by the trip, the unknown last', async () => {
    const order = (await search({ siteId: site.id, sort: 'nearest' })).items.map((i) => i.id);
    expect(order).toEqual([ids.near, ids.shuttle, ids.park, ids.valley, ids.far, ids.unlocated]);
  });

  it('a trip the officer deletes is gone from the next search (no stale cached page)', async () => {
    const before = await search({ siteId: site.id, maxTravelMinutes: 60 });
    expect(before.total).toBe(3);
    const del = await t.http.delete(`/api/v1/sites/${site.id}/travel-times/${busTripId}`).set(officer.auth);
    expect([200, 204]).toContain(del.status);
    // Back to the estimate (~43 minutes): within the hour now.
    const after = await search({ siteId: site.id, maxTravelMinutes: 60 });
    expect(idsOf(after)).toEqual([ids.near, ids.shuttle, ids.park, ids.valley].sort());
    expect(byId(after).get(ids.valley)).toMatchObject({ travelSource: 'estimate', travelMode: 'bus' });
  });

  it('answers 400 naming the field for a bad travel time or one without a site', async () => {
    const bad = async (query: Record<string, string | number>, field: string) => {
      const res = await t.http.get('/api/v1/postings').query(query);
      expect(res.status).toBe(400);
      expect((res.body.details as { field: string }[]).map((d) => d.field)).toContain(field);
    };
    await bad({ maxTravelMinutes: 30 }, 'siteId');
    await bad({ maxTravelMinutes: 'soon', siteId: site.id }, 'maxTravelMinutes');
    await bad({ maxTravelMinutes: 0, siteId: site.id }, 'maxTravelMinutes');
    await bad({ maxTravelMinutes: 12.5, siteId: site.id }, 'maxTravelMinutes');
    await bad({ maxTravelMinutes: 601, siteId: site.id }, 'maxTravelMinutes');
  });
});
