import { DataSource } from 'typeorm';
import { CandidateLoader } from '../../src/matching/loaders/candidate.loader';
import { PostingLoader } from '../../src/matching/loaders/posting.loader';
import type { PostingPlace } from '../../src/matching/loaders/travel';
import { MatchingSettings } from '../../src/matching/matching-settings';
import { createTestApp, type TestApp } from '../support/app';
import { createSite, loginAdmin, staff, type Session } from '../support/factories';
import { seeker } from '../support/matching-factories';
import { employerWithRecord, openPosting } from '../support/postings-factories';

/*
 * The worker keeps each site's job seekers loaded between ranking jobs (SeekerCache). A ranking
 * must never use a profile older than the database's: these tests change residents every way
 * the product (or an operator with SQL) can, and the next load must show it.
 */
describe('caches of the matching worker (seekers per site, postings with accommodation)', () => {
  let t: TestApp;
  let ds: DataSource;
  let loader: CandidateLoader;
  let admin: Session;
  let officer: Session;
  let site1: { id: string };
  let site2: { id: string };
  let alice: { id: string; householdId: string };
  let bob: { id: string; householdId: string };

  beforeAll(async () => {
    t = await createTestApp();
    ds = t.app.get(DataSource);
    loader = t.app.get(CandidateLoader);
    admin = await loginAdmin(t.http);
    site1 = await createSite(t.http, admin);
    site2 = await createSite(t.http, admin);
    officer = await staff(t.http, admin, 'officer', { siteIds: [site1.id, site2.id] });
    alice = await seeker(t.http, officer, site1.id, { skills: [{ code: 'tea.picking', level: 2 }] });
    bob = await seeker(t.http, officer, site2.id, { skills: [{ code: 'tea.picking', level: 2 }] });
    loader.cache.clear();
  });

  afterAll(async () => {
    await t?.close();
  });

  const load = async (id: string) => {
    const all = await loader.seekersOfSites([site1.id, site2.id]);
    return all.find((r) => r.input.id === id);
  };
  const teaLevel = async (id: string): Promise<number | undefined> =>
    (await load(id))?.input.skills.find((s) => s.code === 'tea.picking')?.level;

  it('serves a site from memory until something about its seekers changes', async () => {
    expect(await teaLevel(alice.id)).toBe(2);
    const before = loader.cache.stats();
    expect(await teaLevel(alice.id)).toBe(2);
    const after = loader.cache.stats();
    expect(after.hits - before.hits).toBe(2);
    expect(after.misses).toBe(before.misses);

    const res = await t.http
      .patch(`/api/v1/residents/${alice.id}`)
      .set(officer.auth)
      .send({ skills: [{ code: 'tea.picking', level: 3 }] });
    expect(res.status).toBe(200);
    expect(await teaLevel(alice.id)).toBe(3);
    expect(loader.cache.stats().invalidated).toBeGreaterThan(after.invalidated);
  });

  it('sees writes that bypass the services: SQL on skills, certificates, households and residents', async () => {
    await loader.seekersOfSites([site1.id, site2.id]);
    await ds.query(
      `UPDATE resident_skill SET level = 4 WHERE resident_id = $1 AND skill_code = 'tea.picking'`,
      [alice.id],
    );
    expect(await teaLevel(alice.id)).toBe(4);

    await ds.query(`INSERT INTO resident_certificate (resident_id, type) VALUES ($1, 'health')`, [bob.id]);
    expect((await load(bob.id))?.input.certificates.map((c) => c.type)).toContain('health');

    await ds.query(`UPDATE household SET monitoring_status = 'hardship' WHERE id = $1`, [bob.householdId]);
    expect((await load(bob.id))?.input.household.monitoringStatus).toBe('hardship');

    await ds.query(`UPDATE resident SET willing_to_work_away = true WHERE id = $1`, [bob.id]);
    expect((await load(bob.id))?.input.preferences.willingToWorkAway).toBe(true);
  });

  it('notices a transaction that commits after a later one was already seen', async () => {
    await loader.seekersOfSites([site1.id, site2.id]);
    const slow = ds.createQueryRunner();
    await slow.connect();
    try {
      // The slow transaction writes first (its change row gets the lower id) and commits last.
      await slow.startTransaction();
      await slow.query(
        `UPDATE resident_skill SET level = 1 WHERE resident_id = $1 AND skill_code = 'tea.picking'`,
        [alice.id],
      );
      await ds.query(
        `UPDATE resident_skill SET level = 3 WHERE resident_id = $1 AND skill_code = 'tea.picking'`,
        [bob.id],
      );
      expect(await teaLevel(bob.id)).toBe(3); // the fast one is seen…
      expect(await teaLevel(alice.id)).toBe(4); // …the slow one is not committed yet
      await slow.commitTransaction();
    } finally {
      await slow.release();
    }
    expect(await teaLevel(alice.id)).toBe(1);
  });

  it('drops a resident who stops seeking work, and adds a new one', async () => {
    const res = await t.http
      .patch(`/api/v1/residents/${bob.id}`)
      .set(officer.auth)
      .send({ employmentStatus: 'employed' });
    expect(res.status).toBe(200);
    expect(await load(bob.id)).toBeUndefined();
    const carol = await seeker(t.http, officer, site2.id);
    expect(await load(carol.id)).toBeDefined();
  });

  it("widens a site's reach as soon as one of its seekers accepts a longer commute", async () => {
    // A site of its own, and a workplace about 30 km north of it: beyond the default 15 km.
    const home = await createSite(t.http, admin, { latitude: 29.9, longitude: 108.6 });
    const homeOfficer = await staff(t.http, admin, 'officer', { siteIds: [home.id] });
    const dave = await seeker(t.http, homeOfficer, home.id, {
      preferences: { industries: [], schedules: [], maxCommuteKm: 10, willingToWorkAway: false },
    });
    const workplace = {
      profile: {
        id: '00000000-0000-4000-8000-00000000c0de',
        latitude: 30.17,
        longitude: 108.6,
        accommodation: false,
      },
      workplace: {
        regionCode: null,
        latitude: 30.17,
        longitude: 108.6,
        approximate: false,
        employerId: null,
      },
    } as PostingPlace;
    const limits = t.app.get(MatchingSettings).config.distance;
    const candidates = async () =>
      (await loader.candidatesFor(workplace, limits)).residents.map((r) => r.input.id);
    expect(await candidates()).not.toContain(dave.id);
    expect(await candidates()).not.toContain(dave.id); // the reach per site now comes from memory

    const res = await t.http
      .patch(`/api/v1/residents/${dave.id}`)
      .set(homeOfficer.auth)
      .send({ preferences: { maxCommuteKm: 40 } });
    expect(res.status).toBe(200);
    expect(await candidates()).toContain(dave.id);
  });

  it('keeps the postings with accommodation until a posting changes, however it was changed', async () => {
    const postings = t.app.get(PostingLoader);
    const employer = await employerWithRecord(t.http, { verifiedBy: officer });
    // About 90 km from the workplace (a site id nobody recorded trips for: the estimate applies).
    const far = { id: '00000000-0000-4000-8000-00000000fa40', latitude: 30.62, longitude: 109.52 };
    const reach = async () =>
      (await postings.openPostingsInReach(far, 65, true)).postings.map((p) => p.profile.id);
    const dorm = await openPosting(t.http, employer.session, { accommodation: true });
    expect(await reach()).toContain(dorm.id);
    const plain = await openPosting(t.http, employer.session, { accommodation: false });
    expect(await reach()).not.toContain(plain.id);
    // Only for residents willing to work away.
    expect(
      (await postings.openPostingsInReach(far, 65, false)).postings.map((p) => p.profile.id),
    ).not.toContain(dorm.id);

    await t.http.post(`/api/v1/postings/${dorm.id}/close`).set(employer.session.auth).expect(200);
    expect(await reach()).not.toContain(dorm.id);
    await ds.query(`UPDATE posting SET accommodation = true WHERE id = $1`, [plain.id]);
    expect(await reach()).toContain(plain.id);
  });
});
