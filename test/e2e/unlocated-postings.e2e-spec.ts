import { createTestApp, type TestApp } from '../support/app';
import { createSite, loginAdmin, staff, type Session } from '../support/factories';
import {
  createPosting,
  employerWithRecord,
  openPosting,
  postingBody,
  type EmployerFixture,
} from '../support/postings-factories';

jest.setTimeout(60_000);

/** A word no other test's posting holds, so each search sees exactly this file's postings. */
const MARK = `wdunloc${Array.from({ length: 6 }, () => String.fromCharCode(97 + Math.floor(Math.random() * 26))).join('')}`;

interface Item {
  id: string;
  distanceKm?: number;
  locationApproximate: boolean;
  wageUnit: string;
  monthlyWageMin?: number;
  monthlyWageMax?: number;
}

/*
 * Real job ads: coordinates are optional on the employer's form, and wages come by the day. A
 * posting without coordinates is never "0 km from your site", and 「工资至少 3000」 means a month.
 */
describe('postings without coordinates, and the wage filter in one unit', () => {
  let t: TestApp;
  let admin: Session;
  let employer: EmployerFixture;
  let site: { id: string };

  const search = async (query: Record<string, string | number>): Promise<Item[]> => {
    const res = await t.http.get('/api/v1/postings').query({ q: MARK, pageSize: 100, ...query });
    expect(res.status).toBe(200);
    return res.body.items as Item[];
  };

  beforeAll(async () => {
    t = await createTestApp();
    admin = await loginAdmin(t.http);
    const officer = await staff(t.http, admin, 'officer', { regionCodes: ['422802'] });
    // The workshop sits at the site itself: its location is the site's.
    employer = await employerWithRecord(t.http, {
      verifiedBy: officer,
      body: { name: '文斗镇安置点帮扶车间', kind: 'workshop', latitude: 30.0, longitude: 108.7 },
    });
    site = await createSite(t.http, admin, { latitude: 30.0, longitude: 108.7 });
  });

  afterAll(async () => {
    await t?.close();
  });

  const unlocated = (over: Record<string, unknown> = {}) => {
    const body: Record<string, unknown> = { description: `来料加工 ${MARK}`, ...over };
    return { ...body, latitude: undefined, longitude: undefined };
  };

  it('a posting saved without coordinates stands at the employer’s location, marked approximate', async () => {
    const p = await createPosting(t.http, employer.session, unlocated({ title: '来料加工（未定位）' }));
    const res = await t.http.get(`/api/v1/postings/${p.id}`).set(employer.session.auth);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ latitude: 30.0, longitude: 108.7, locationApproximate: true });

    // Coordinates given later: exact from then on.
    const patched = await t.http
      .patch(`/api/v1/postings/${p.id}`)
      .set(employer.session.auth)
      .send({ latitude: 30.03, longitude: 108.72 });
    expect(patched.status).toBe(200);
    expect(patched.body.locationApproximate).toBe(false);

    const located = await createPosting(t.http, employer.session, {
      title: '有坐标的岗位',
      description: MARK,
    });
    const got = await t.http.get(`/api/v1/postings/${located.id}`).set(employer.session.auth);
    expect(got.body.locationApproximate).toBe(false);
  });

  it('answers 400 for a latitude without a longitude (a point, not half of one)', async () => {
    const res = await t.http
      .post('/api/v1/postings')
      .set(employer.session.auth)
      .send({ ...postingBody(unlocated({ title: '半个坐标' })), latitude: 30.01 });
    expect(res.status).toBe(400);
    expect((res.body.details as { field: string }[]).map((d) => d.field)).toContain('longitude');
  });

  it('the search never counts an unlocated workplace as near: sorted after located ones, left out of a distance filter', async () => {
    const unloc = await openPosting(t.http, employer.session, unlocated({ title: '车间普工（未定位）' }));
    const near = await openPosting(t.http, employer.session, {
      title: '车间普工（已定位）',
      description: `来料加工 ${MARK}`,
      latitude: 30.03,
      longitude: 108.72,
    });
    const nearest = await search({ siteId: site.id, sort: 'nearest' });
    const order = nearest.map((i) => i.id).filter((id) => id === unloc.id || id === near.id);
    // Its stand-in distance is 0.0 km, yet it comes after a posting 3.8 km away.
    expect(order).toEqual([near.id, unloc.id]);
    const item = nearest.find((i) => i.id === unloc.id)!;
    expect(item.locationApproximate).toBe(true);
    expect(nearest.find((i) => i.id === near.id)!.locationApproximate).toBe(false);

    const within = (await search({ siteId: site.id, maxDistanceKm: 10 })).map((i) => i.id);
    expect(within).toContain(near.id);
    expect(within).not.toContain(unloc.id);
  });

  it('「工资至少 3000」 compares a month’s pay: a 砌筑工 at 280–340 a day is found, with about a month shown', async () => {
    const mason = await openPosting(t.http, employer.session, {
      title: '砌筑工',
      description: `安置点二期工地 ${MARK}`,
      industry: 'construction',
      skills: [],
      wageMin: 280,
      wageMax: 340,
      wageUnit: 'day',
      schedule: 'full_time',
    });
    const items = await search({ wageMin: 3000 });
    const found = items.find((i) => i.id === mason.id);
    // 280 × 22 = 6160, 340 × 22 = 7480 (config/matching.yaml wage.workDaysPerMonth)
    expect(found).toMatchObject({ wageUnit: 'day', monthlyWageMin: 6160, monthlyWageMax: 7480 });
    expect((await search({ wageMin: 7500 })).map((i) => i.id)).not.toContain(mason.id);
    const res = await t.http.get(`/api/v1/postings/${mason.id}`);
    expect(res.body).toMatchObject({ monthlyWageMin: 6160, monthlyWageMax: 7480 });
    // The resident's pages say it in words beside the day wage.
    const page = await t.http.get(`/jobs/${mason.id}`);
    expect(page.status).toBe(200);
    expect(page.text).toContain('约每月 6160–7480 元');
    const list = await t.http.get('/jobs').query({ q: MARK, wageMin: 3000 });
    expect(list.text).toContain('砌筑工');
    expect(list.text).toContain('约每月 6160–7480 元');
  });
});
