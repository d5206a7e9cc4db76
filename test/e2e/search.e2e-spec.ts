import { DataSource } from 'typeorm';
import { createTestApp, type TestApp } from '../support/app';
import { createSite, loginAdmin, staff, type Session } from '../support/factories';
import {
  createPosting,
  employerWithRecord,
  openPosting,
  type EmployerFixture,
} from '../support/postings-factories';

jest.setTimeout(60_000);

/** A word no other test's posting holds, so each assertion sees exactly this file's postings. */
const MARK = `wdmark${Array.from({ length: 6 }, () => String.fromCharCode(97 + Math.floor(Math.random() * 26))).join('')}`;

interface Item {
  id: string;
  title: string;
  employerName: string;
  distanceKm?: number;
  skills: { code: string; nameZh: string }[];
}

describe('job search GET /postings (Chinese text, pinyin, synonyms, filters, distance)', () => {
  let t: TestApp;
  let admin: Session;
  let employer: EmployerFixture;
  let site: { id: string };
  const ids: Record<string, string> = {};

  const search = async (query: Record<string, string | number | boolean>) => {
    const res = await t.http.get('/api/v1/postings').query(query);
    expect(res.status).toBe(200);
    return res.body as { items: Item[]; total: number; page: number; pageSize: number };
  };
  const found = async (query: Record<string, string | number | boolean>) =>
    (await search({ pageSize: 100, ...query })).items.map((i) => i.id).sort();

  beforeAll(async () => {
    t = await createTestApp();
    admin = await loginAdmin(t.http);
    const officer = await staff(t.http, admin, 'officer', { regionCodes: ['422802'] });
    employer = await employerWithRecord(t.http, {
      verifiedBy: officer,
      // public_welfare: one of its postings below is a public-welfare post (only such sponsors offer them)
      body: { name: '文斗镇星斗茶叶合作社', kind: 'public_welfare' },
    });
    // 文斗镇, about 30.0 N 108.7 E
    site = await createSite(t.http, admin, { latitude: 30.0, longitude: 108.7 });
    const s = employer.session;

    // No skill listed: only the text says 采茶.
    ids.tea = (
      await openPosting(t.http, s, {
        title: '茶园采茶工',
        description: `明前茶，按天结算 ${MARK}`,
        skills: [],
        latitude: 30.01,
        longitude: 108.71,
        wageMin: 120,
        wageMax: 180,
        wageUnit: 'day',
        schedule: 'seasonal',
        shuttle: true,
        accommodation: false,
      })
    ).id;
    ids.kitchen = (
      await openPosting(t.http, s, {
        title: '食堂厨房帮工',
        description: `食堂在茶园旁，洗菜切菜，包午餐 ${MARK}`,
        industry: 'catering',
        skills: [{ code: 'catering.kitchen_helper', minLevel: 1 }],
        latitude: 30.05,
        longitude: 108.75,
        wageMin: 2500,
        wageMax: 3200,
        wageUnit: 'month',
        schedule: 'full_time',
        shuttle: false,
        accommodation: true,
      })
    ).id;
    ids.welfare = (
      await openPosting(t.http, s, {
        title: '公益性岗位 保洁员',
        description: `安置点公共区域保洁 ${MARK}`,
        industry: 'public_welfare',
        skills: [],
        latitude: 30.2,
        longitude: 108.95,
        wageMin: 1600,
        wageMax: 1800,
        wageUnit: 'month',
        schedule: 'part_time',
        shuttle: false,
        accommodation: false,
        publicWelfare: true,
      })
    ).id;
    // Drafts are never found.
    ids.draft = (await createPosting(t.http, s, { title: '采茶工（草稿）', description: MARK })).id;
  });
  afterAll(async () => {
    await t.close();
  });

  it('finds 采茶 postings by the word itself, by a synonym (摘茶), by full pinyin and by initials', async () => {
    for (const q of ['采茶', '摘茶', 'caicha', 'cc', '摘茶工']) {
      expect({ q, ids: await found({ q: `${q} ${MARK}` }) }).toEqual({ q, ids: [ids.tea] });
    }
    // the employer's name is searchable too
    expect(await found({ q: `星斗 ${MARK}` })).toEqual([ids.tea, ids.kitchen, ids.welfare].sort());
  });

  it('finds a posting through the skills it lists (帮厨 is a synonym of 厨房帮工)', async () => {
    expect(await found({ q: `帮厨 ${MARK}` })).toEqual([ids.kitchen]);
    expect(await found({ q: `bangchu ${MARK}` })).toEqual([ids.kitchen]);
  });

  it('returns the page format with the fields a resident needs', async () => {
    const page = await search({ q: `摘茶 ${MARK}` });
    expect(page).toMatchObject({ total: 1, page: 1, pageSize: 20 });
    expect(page.items[0]).toMatchObject({
      id: ids.tea,
      title: '茶园采茶工',
      employerName: '文斗镇星斗茶叶合作社',
      industry: 'tea',
      wageMin: 120,
      wageMax: 180,
      wageUnit: 'day',
      schedule: 'seasonal',
      shuttle: true,
      meals: true,
      latitude: 30.01,
      longitude: 108.71,
      skills: [],
    });
    expect(page.items[0].distanceKm).toBeUndefined();
    const kitchen = await search({ q: `帮厨 ${MARK}` });
    expect(kitchen.items[0].skills).toEqual([
      { code: 'catering.kitchen_helper', nameZh: expect.any(String), minLevel: 1, required: true },
    ]);
  });

  it('filters by industry, schedule, accommodation, shuttle, public-welfare and wage', async () => {
    const all = [ids.tea, ids.kitchen, ids.welfare].sort();
    expect(await found({ q: MARK })).toEqual(all);
    expect(await found({ q: MARK, industry: 'catering' })).toEqual([ids.kitchen]);
    expect(await found({ q: MARK, schedule: 'part_time' })).toEqual([ids.welfare]);
    expect(await found({ q: MARK, accommodation: true })).toEqual([ids.kitchen]);
    expect(await found({ q: MARK, shuttle: true })).toEqual([ids.tea]);
    expect(await found({ q: MARK, shuttle: false })).toEqual([ids.kitchen, ids.welfare].sort());
    expect(await found({ q: MARK, publicWelfare: true })).toEqual([ids.welfare]);
    // wageMin is a month's pay: each posting's top wage as a monthly equivalent (180 a day ≈ 3960)
    expect(await found({ q: MARK, wageMin: 2000 })).toEqual([ids.tea, ids.kitchen].sort());
    expect(await found({ q: MARK, wageMin: 3500 })).toEqual([ids.tea]);
    expect(await found({ q: MARK, wageMin: 150 })).toEqual(all);
  });

  it('measures distance from a site and filters and sorts by it (hand-computed haversine)', async () => {
    // Site at 30.00 N 108.70 E, R = 6371.0088 km:
    //   tea     30.01 N 108.71 E: Δφ 0.01° = 1.112 km, Δλ 0.01°·cos 30° = 0.963 km → √(1.112² + 0.963²) ≈ 1.47 → 1.5
    //   kitchen 30.05 N 108.75 E: 5.560 km, 4.815 km → ≈ 7.35 → 7.4
    //   welfare 30.20 N 108.95 E: 22.239 km, 24.04 km → ≈ 32.76 → 32.8
    const nearest = await search({ q: MARK, siteId: site.id, sort: 'nearest' });
    expect(nearest.items.map((i) => [i.id, i.distanceKm])).toEqual([
      [ids.tea, 1.5],
      [ids.kitchen, 7.4],
      [ids.welfare, 32.8],
    ]);
    expect(await found({ q: MARK, siteId: site.id, maxDistanceKm: 10 })).toEqual(
      [ids.tea, ids.kitchen].sort(),
    );
    expect(await found({ q: MARK, siteId: site.id, maxDistanceKm: 7.3 })).toEqual([ids.tea]);
    expect(await found({ q: MARK, siteId: site.id, maxDistanceKm: 1 })).toEqual([]);
    expect(await found({ q: MARK, siteId: site.id, maxDistanceKm: 40 })).toHaveLength(3);
  });

  it('sorts by estimated monthly wage and by newest', async () => {
    // 180 a day ≈ 3960 a month > 3200 a month > 1800 a month
    const byWage = await search({ q: MARK, sort: 'wage' });
    expect(byWage.items.map((i) => i.id)).toEqual([ids.tea, ids.kitchen, ids.welfare]);
    const newest = await search({ q: MARK, sort: 'newest' });
    expect(newest.items.map((i) => i.id)).toEqual([ids.welfare, ids.kitchen, ids.tea]);
  });

  it('ranks a title hit above a description hit', async () => {
    // 茶园 is in the tea posting's title and in the (newer) kitchen posting's description
    const res = await search({ q: `茶园 ${MARK}` });
    expect(res.items.map((i) => i.id)).toEqual([ids.tea, ids.kitchen]);
  });

  it('paginates and keeps the total past the last page', async () => {
    const p1 = await search({ q: MARK, sort: 'newest', pageSize: 2, page: 1 });
    const p2 = await search({ q: MARK, sort: 'newest', pageSize: 2, page: 2 });
    const p3 = await search({ q: MARK, sort: 'newest', pageSize: 2, page: 3 });
    expect([p1.items.length, p2.items.length, p3.items.length]).toEqual([2, 1, 0]);
    expect([p1.total, p2.total, p3.total]).toEqual([3, 3, 3]);
  });

  it('answers 400 for nearest or a distance without a site, an unknown site and bad values', async () => {
    const bad = async (query: Record<string, string | number>, field: string) => {
      const res = await t.http.get('/api/v1/postings').query(query);
      expect(res.status).toBe(400);
      expect((res.body.details as { field: string }[]).map((d) => d.field)).toContain(field);
    };
    await bad({ sort: 'nearest' }, 'siteId');
    await bad({ maxDistanceKm: 5 }, 'siteId');
    await bad({ siteId: '00000000-0000-4000-8000-000000000000' }, 'siteId');
    await bad({ siteId: 'nope' }, 'siteId');
    await bad({ maxDistanceKm: 'far', siteId: site.id }, 'maxDistanceKm');
    await bad({ accommodation: 'yes' }, 'accommodation');
    await bad({ sort: 'cheapest' }, 'sort');
    await bad({ pageSize: 101 }, 'pageSize');
  });

  it('no longer finds a posting once it is closed', async () => {
    const p = await openPosting(t.http, employer.session, {
      title: '临时采茶工',
      description: `${MARK} 临时`,
    });
    expect(await found({ q: `临时 ${MARK}` })).toEqual([p.id]);
    await t.http.post(`/api/v1/postings/${p.id}/close`).set(employer.session.auth).expect(200);
    expect(await found({ q: `临时 ${MARK}` })).toEqual([]);
  });

  it("follows a rename of the employer (its name is part of the postings' search text)", async () => {
    const officer = await staff(t.http, admin, 'officer', { regionCodes: ['422802'] });
    const other = await employerWithRecord(t.http, {
      verifiedBy: officer,
      body: { name: '青山药材种植合作社' },
    });
    const p = await openPosting(t.http, other.session, { title: '药材采收工', description: MARK });
    expect(await found({ q: `青山 ${MARK}` })).toEqual([p.id]);
    await t.http
      .patch(`/api/v1/employers/${other.employer.id}`)
      .set(other.session.auth)
      .send({ name: '绿水黄连合作社' })
      .expect(200);
    expect(await found({ q: `绿水 ${MARK}` })).toEqual([p.id]);
    expect(await found({ q: `青山 ${MARK}` })).toEqual([]);
    const page = await search({ q: `绿水 ${MARK}` });
    expect(page.items[0].employerName).toBe('绿水黄连合作社');
  });

  it('serves a repeated search from its cache, and never after a write it did not see, however it was made', async () => {
    const p = await openPosting(t.http, employer.session, {
      title: '缓存采茶工',
      description: `${MARK} 缓存`,
    });
    const first = await search({ q: `缓存 ${MARK}` });
    expect(first.items.map((i) => i.title)).toEqual(['缓存采茶工']);
    expect(await search({ q: `缓存 ${MARK}` })).toEqual(first);
    // A write that bypasses the services (an operator's SQL, a batch job) still refreshes it.
    await t.app
      .get(DataSource)
      .query(`UPDATE posting SET title = '缓存采茶工（急招）' WHERE id = $1`, [p.id]);
    expect((await search({ q: `缓存 ${MARK}` })).items.map((i) => i.title)).toEqual(['缓存采茶工（急招）']);
  });
});
