import { DataSource } from 'typeorm';
import { createTestApp, type TestApp } from '../support/app';
import { createSite, loginAdmin, staff, type Session } from '../support/factories';
import { seeker } from '../support/matching-factories';
import { csrfOf, webAgent } from '../support/web-factories';
import { employerWithRecord, openPosting, type EmployerFixture } from '../support/postings-factories';

jest.setTimeout(60_000);

interface QueueItem {
  matchId: string;
  residentId: string;
  postingId: string;
  score: number;
  priority: number;
  zeroEmployment: boolean;
}

/*
 * The officer's 待推荐 queue leads with the best work: a person referred to a job they cannot do
 * is worse than no referral. Matches are stored rows here (the scores an engine run would leave),
 * so each order the queue promises is checked with exact numbers.
 */
describe('the officer’s match queue GET /matches (strong matches first, priority within a band)', () => {
  let t: TestApp;
  let ds: DataSource;
  let admin: Session;
  let officer: Session & { phone: string };
  let employer: EmployerFixture;
  let site: { id: string };
  let sewing: { id: string; version: number };
  let tea: { id: string; version: number };
  const ids: Record<string, string> = {};

  /** A stored match as rank-posting leaves it. */
  async function match(
    postingId: string,
    residentId: string,
    score: number,
    priority: number,
    missing: string[] = [],
  ): Promise<void> {
    await ds.query(
      `INSERT INTO match (posting_id, resident_id, posting_version, score, priority, rank, component_values,
                          component_points, required_skills_missing, reason_zh, reason_en, engine_version,
                          computed_at, site_id)
       VALUES ($1, $2, 1, $3, $4, 1, '{0,0,0,0,0,0,0}', '{0,0,0,0,0,0,0}', $5, '理由', 'why', 'test', now(), $6)`,
      [postingId, residentId, score, priority, missing, site.id],
    );
  }

  const queue = async (query: Record<string, string | number | boolean> = {}) => {
    const res = await t.http
      .get('/api/v1/matches')
      .query({ siteId: site.id, pageSize: 100, ...query })
      .set(officer.auth);
    expect(res.status).toBe(200);
    return res.body as { items: QueueItem[]; total: number };
  };
  const order = async (query: Record<string, string | number | boolean> = {}) =>
    (await queue(query)).items.map(
      (i) => `${i.residentId === ids.strong ? 'strong' : name(i.residentId)}@${i.score}`,
    );
  const name = (id: string) => Object.entries(ids).find(([, v]) => v === id)?.[0] ?? id;

  beforeAll(async () => {
    t = await createTestApp();
    ds = t.app.get(DataSource);
    admin = await loginAdmin(t.http);
    site = await createSite(t.http, admin, { latitude: 30.0, longitude: 108.7 });
    officer = await staff(t.http, admin, 'officer', { siteIds: [site.id] });
    employer = await employerWithRecord(t.http, { verifiedBy: officer });
    sewing = await openPosting(t.http, employer.session, {
      title: '缝纫工',
      industry: 'garments',
      skills: [{ code: 'sewing.machine', minLevel: 3, required: true }],
      schedule: 'full_time',
    });
    tea = await openPosting(t.http, employer.session, { title: '采茶工', schedule: 'full_time' });
    // A zero-employment household (priority 100) whose man cannot sew; another with work (priority 0).
    ids.priority = (await seeker(t.http, officer, site.id, { monitoringStatus: 'hardship' })).id;
    ids.strong = (await seeker(t.http, officer, site.id)).id;
    ids.sameBandMissing = (await seeker(t.http, officer, site.id)).id;
    ids.sameBandMeets = (await seeker(t.http, officer, site.id)).id;
    ids.sameBandPriority = (await seeker(t.http, officer, site.id)).id;
    await ds.query(
      `UPDATE household SET zero_employment = false WHERE id IN (SELECT household_id FROM resident WHERE id = ANY($1))`,
      [[ids.strong, ids.sameBandMeets]],
    );
    await match(sewing.id, ids.priority, 38, 100, ['sewing.machine']);
    await match(sewing.id, ids.strong, 91, 0);
    await match(tea.id, ids.sameBandMissing, 78, 100, ['tea.picking']);
    await match(tea.id, ids.sameBandMeets, 75, 0);
    await match(tea.id, ids.sameBandPriority, 72, 60);
  });

  afterAll(async () => {
    await t?.close();
  });

  it('puts a 91-point match above a 38-point one, whatever the household priorities', async () => {
    const items = (await queue({ postingId: sewing.id })).items;
    expect(items.map((i) => [i.residentId, i.score, i.priority])).toEqual([
      [ids.strong, 91, 0],
      [ids.priority, 38, 100],
    ]);
  });

  it('within a band, priority orders only matches that meet every required skill', async () => {
    expect(await order({ postingId: tea.id })).toEqual([
      // 70–79: meets the skills, priority 60 before priority 0; the one missing a skill comes last
      // although it scores most and has the highest priority.
      'sameBandPriority@72',
      'sameBandMeets@75',
      'sameBandMissing@78',
    ]);
    expect((await order())[0]).toBe('strong@91');
  });

  it('filters by posting, score band and zero-employment households', async () => {
    expect((await queue({ postingId: tea.id })).total).toBe(3);
    expect((await queue({ postingId: sewing.id })).items.map((i) => i.postingId)).toEqual([
      sewing.id,
      sewing.id,
    ]);
    expect(await order({ band: 'strong' })).toEqual([
      'strong@91',
      'sameBandPriority@72',
      'sameBandMeets@75',
      'sameBandMissing@78',
    ]);
    expect(await order({ band: 'weak' })).toEqual(['priority@38']);
    expect(await order({ band: 'fair' })).toEqual([]);
    const zero = await queue({ zeroEmployment: true });
    expect(zero.items.every((i) => i.zeroEmployment)).toBe(true);
    expect(zero.items.map((i) => name(i.residentId)).sort()).toEqual(
      ['priority', 'sameBandMissing', 'sameBandPriority'].sort(),
    );
  });

  it('answers 400 naming the field for a bad filter', async () => {
    for (const [query, field] of [
      [{ band: 'great' }, 'band'],
      [{ postingId: 'not-a-uuid' }, 'postingId'],
      [{ zeroEmployment: 'yes' }, 'zeroEmployment'],
    ] as const) {
      const res = await t.http.get('/api/v1/matches').query(query).set(officer.auth);
      expect(res.status).toBe(400);
      expect((res.body.details as { field: string }[]).map((d) => d.field)).toContain(field);
    }
  });

  it('the 待推荐 page keeps its filters, links each job to its posting, and confirms a referral', async () => {
    const web = await webAgent(t, officer.phone);
    const page = await web
      .get('/officer/matches')
      .query({ siteId: site.id, postingId: tea.id, band: 'strong', zeroEmployment: 'true' });
    expect(page.status).toBe(200);
    // The filter form shows what was chosen.
    expect(page.text).toMatch(new RegExp(`<option[^>]*value="${tea.id}"[^>]*selected`));
    expect(page.text).toMatch(/<option[^>]*value="strong"[^>]*selected/);
    expect(page.text).toMatch(/name="zeroEmployment"[^>]*checked/);
    expect(page.text).toContain(`href="/jobs/${tea.id}"`);
    // Only the filtered rows: the two zero-employment matches of the tea posting in the strong band.
    expect(page.text.match(/\/refer"/g)).toHaveLength(2);

    const [{ id: matchId }] = await ds.query<{ id: string }[]>(
      'SELECT id FROM match WHERE posting_id = $1 AND resident_id = $2',
      [tea.id, ids.sameBandPriority],
    );
    const refer = await web
      .post(`/officer/matches/${matchId}/refer`)
      .type('form')
      .send({ _csrf: csrfOf(page.text) });
    expect(refer.status).toBe(303);
    const after = await web.get(refer.headers.location);
    expect(after.text).toContain('已推荐报名');
    const resident = await web.get(`/officer/residents/${ids.sameBandPriority}`);
    expect(resident.text).toContain('采茶工');
    const apps = await t.http
      .get('/api/v1/applications')
      .query({ residentId: ids.sameBandPriority })
      .set(officer.auth);
    expect(
      apps.body.items.map((a: { postingId: string; source: string }) => [a.postingId, a.source]),
    ).toEqual([[tea.id, 'officer_referral']]);
  });
});
