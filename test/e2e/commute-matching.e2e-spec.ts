import { CommuteDirectory } from '../../src/commute/commute-directory';
import {
  buildCandidateSet,
  compilePosting,
  hardFilterFailure,
  residentIndex,
} from '../../src/matching/engine';
import { CandidateLoader } from '../../src/matching/loaders/candidate.loader';
import { PostingLoader } from '../../src/matching/loaders/posting.loader';
import { TravelTable } from '../../src/matching/loaders/travel';
import { SkillCatalogueLoader } from '../../src/matching/loaders/skill-catalogue.loader';
import { MatchingSettings } from '../../src/matching/matching-settings';
import { createTestApp, type TestApp } from '../support/app';
import { drainedBacklog } from '../support/backlog';
import { createSite, loginAdmin, staff, type Session } from '../support/factories';
import { seeker } from '../support/matching-factories';
import { eventually } from '../support/notifications-factories';
import { employerWithRecord, openPosting, type EmployerFixture } from '../support/postings-factories';

jest.setTimeout(120_000);

interface MatchItem {
  residentId: string;
  reason: string;
  components: Record<string, { value: number; points: number; minutes?: number | null; source?: string }>;
}

/*
 * Issue 16, "How we will know": the engine decides on the minutes an officer recorded, not on the
 * straight line. A 70-minute bus from the site to the township; residents who accept 45 and 90
 * minutes; an employer's own 25-minute shuttle; a 7:00 shift the first bus (7:30) cannot reach.
 */
describe('matching on commute time (e2e, issue 16)', () => {
  let t: TestApp;
  let admin: Session;
  let officer: Session;
  let site: { id: string };
  let busOnly: EmployerFixture;
  let withShuttle: EmployerFixture;
  let short: { id: string };
  let long: { id: string };
  // A township of its own (沙溪乡): the recorded bus covers every posting whose region is inside it,
  // and in a full run the other files' many tea postings in 文斗镇 would then all be 70 minutes
  // away too and fill the residents' top 20 — both sides agree, so this posting would drop out.
  const township = '422802205';
  // A site of its own, 4 km from the workplaces: the estimate would say about 17 minutes.
  const at = { latitude: 29.62, longitude: 108.31 };
  const work = { latitude: 29.62 + 4 / 111.2, longitude: 108.31, regionCode: township };
  const tea = { skills: [{ code: 'tea.picking', minLevel: 1, required: true }], shuttle: false, ...work };

  const prefs = (minutes: number) => ({
    industries: [],
    schedules: [],
    maxCommuteMinutes: minutes,
    willingToWorkAway: false,
  });

  beforeAll(async () => {
    t = await createTestApp({ worker: true });
    admin = await loginAdmin(t.http);
    site = await createSite(t.http, admin, at);
    officer = await staff(t.http, admin, 'officer', { siteIds: [site.id] });
    busOnly = await employerWithRecord(t.http, { verifiedBy: officer });
    withShuttle = await employerWithRecord(t.http, { verifiedBy: officer });
    const bus = await t.http.post(`/api/v1/sites/${site.id}/travel-times`).set(officer.auth).send({
      destinationRegionCode: township,
      mode: 'bus',
      minutes: 70,
      firstDeparture: '07:30',
      lastReturn: '18:00',
      source: 'measured',
    });
    expect(bus.status).toBe(201);
    const shuttle = await t.http.post(`/api/v1/sites/${site.id}/travel-times`).set(officer.auth).send({
      destinationRegionCode: township,
      mode: 'shuttle',
      minutes: 25,
      firstDeparture: '06:30',
      lastReturn: '18:30',
      source: 'measured',
      employerId: withShuttle.employer.id,
    });
    expect(shuttle.status).toBe(201);
    // The officer states each limit on the resident's behalf.
    short = await seeker(t.http, officer, site.id, {
      preferences: prefs(45),
      skills: [{ code: 'tea.picking', level: 2 }],
    });
    long = await seeker(t.http, officer, site.id, {
      preferences: prefs(90),
      skills: [{ code: 'tea.picking', level: 2 }],
    });
    // In a full run this worker is the first in a while: it relays the earlier files' outbox rows
    // first. Let that backlog drain so the first posting below is not waiting behind it.
    await drainedBacklog(t, 150_000);
  }, 180_000);

  afterAll(async () => {
    await t?.close();
  });

  async function matchesOf(postingId: string, expected: string): Promise<MatchItem[]> {
    return eventually(async () => {
      const res = await t.http.get(`/api/v1/postings/${postingId}/matches?pageSize=100`).set(officer.auth);
      const items = res.body.items as MatchItem[] | undefined;
      return items?.some((i) => i.residentId === expected) ? items : undefined;
    }, 60_000);
  }

  /**
   * The engine's hard filter for a resident of the site, from the same loaders and planner as the
   * worker (the whole site is loaded: the worker skips a site nobody of which can take the post).
   */
  async function filterOf(postingId: string, residentId: string): Promise<string | null> {
    const cfg = t.app.get(MatchingSettings).config;
    const loaded = (await t.app.get(PostingLoader).posting(postingId))!;
    const loader = t.app.get(CandidateLoader);
    const sites = await loader.sitesByIds([site.id]);
    const residents = await loader.seekersOfSites([site.id]);
    const planner = await t.app.get(CommuteDirectory).plannerFor([site.id]);
    const travel = new TravelTable(planner, sites, [loaded]);
    const { codes } = await t.app.get(SkillCatalogueLoader).load();
    const cs = buildCandidateSet(
      residents.map((r) => r.input),
      codes,
      sites,
      cfg.wage,
      cfg.distance.minutesPerKm,
    );
    const cp = compilePosting(loaded.profile, cs, cfg, { travel: travel.lookup });
    return hardFilterFailure(cp, residentIndex(cs, residentId));
  }

  it('a 70-minute bus: the resident who accepts 45 minutes is out (commute), the one who accepts 90 is in and reads 「公交约 70 分钟」', async () => {
    const p = await openPosting(t.http, busOnly.session, { ...tea, title: '采茶工（公交）' });
    const items = await matchesOf(p.id, long.id);
    expect(items.map((i) => i.residentId)).not.toContain(short.id);
    const m = items.find((i) => i.residentId === long.id)!;
    expect(m.reason).toContain('公交约 70 分钟');
    expect(m.components.distance).toMatchObject({ minutes: 70, source: 'measured' });
    expect(await filterOf(p.id, short.id)).toBe('commute');
    expect(await filterOf(p.id, long.id)).toBeNull();

    // The resident's own recommendations say it the same way.
    const rec = await eventually(async () => {
      const res = await t.http.get(`/api/v1/residents/${long.id}/recommendations`).set(officer.auth);
      const list = (res.body.postings ?? res.body.items ?? []) as { postingId: string; reason: string }[];
      return list.find((x) => x.postingId === p.id);
    }, 60_000);
    expect(rec.reason).toContain('公交约 70 分钟');
  });

  it("the employer's own 25-minute shuttle wins over the bus for its postings", async () => {
    const p = await openPosting(t.http, withShuttle.session, { ...tea, title: '采茶工（班车）' });
    const items = await matchesOf(p.id, short.id);
    for (const who of [short.id, long.id]) {
      const m = items.find((i) => i.residentId === who)!;
      expect(m.reason).toContain('坐班车约 25 分钟');
      expect(m.components.distance).toMatchObject({ minutes: 25, source: 'measured' });
    }
  });

  it('a 7:00 shift the first bus (7:30) cannot reach is excluded with its reason; a 9:00 one is not', async () => {
    const early = await openPosting(t.http, busOnly.session, {
      ...tea,
      title: '采茶工（早班）',
      shiftStart: '07:00',
      shiftEnd: '15:00',
    });
    const later = await openPosting(t.http, busOnly.session, {
      ...tea,
      title: '采茶工（九点）',
      shiftStart: '09:00',
      shiftEnd: '16:00',
    });
    await matchesOf(later.id, long.id);
    expect(await filterOf(early.id, long.id)).toBe('shift');
    const res = await t.http.get(`/api/v1/postings/${early.id}/matches?pageSize=100`).set(officer.auth);
    expect((res.body.items as MatchItem[]).map((i) => i.residentId)).not.toContain(long.id);
    const got = await t.http.get(`/api/v1/postings/${early.id}`).set(busOnly.session.auth);
    expect(got.body).toMatchObject({ shiftStart: '07:00', shiftEnd: '15:00' });
  });

  it('maxCommuteMinutes is 5 to 240 (400 naming it); an older client’s maxCommuteKm still works', async () => {
    const bad = await t.http
      .patch(`/api/v1/residents/${short.id}`)
      .set(officer.auth)
      .send({ preferences: { maxCommuteMinutes: 300 } });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body.details)).toContain('maxCommuteMinutes');
    const km = await t.http
      .patch(`/api/v1/residents/${short.id}`)
      .set(officer.auth)
      .send({ preferences: { maxCommuteKm: 25 } });
    expect(km.status).toBe(200);
    const got = await t.http.get(`/api/v1/residents/${short.id}`).set(officer.auth);
    // The km given anew replaces the minutes stated before: 25 km × 4.32 = 108 minutes now reach the bus.
    expect(got.body.preferences).toMatchObject({ maxCommuteKm: 25, maxCommuteMinutes: null });
    const p = await openPosting(t.http, busOnly.session, { ...tea, title: '采茶工（公里）' });
    await matchesOf(p.id, short.id);
  });
});
