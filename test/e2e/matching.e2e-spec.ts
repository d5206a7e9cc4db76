import { DataSource } from 'typeorm';
import { RankPostingJob } from '../../src/matching/jobs/rank-posting.job';
import { RerankAllJob } from '../../src/matching/jobs/rerank-all.job';
import { RerankPostingsJob } from '../../src/matching/jobs/rerank-postings.job';
import { createTestApp, type TestApp } from '../support/app';
import { createSite, loginAdmin, staff, type Session } from '../support/factories';
import { NotificationsService } from '../../src/notifications/notifications.service';
import { postingNotifications, seeker, storedMatches } from '../support/matching-factories';
import {
  eventually,
  robotServer,
  siteWithChannels,
  type RobotServer,
} from '../support/notifications-factories';
import { employerWithRecord, openPosting, type EmployerFixture } from '../support/postings-factories';
import { createCourse } from '../support/training-factories';

jest.setTimeout(120_000);

/*
 * This file's places lie one degree (about 110 km) south of the shared test geography (the
 * factories' sites at 30.06, 108.75, their postings at 30.02, 108.71). Every e2e file of a run
 * shares one database, and the job seekers other files leave at those sites would compete for
 * this file's posting lists and pages: in a full run they pushed Alice off the employer's page
 * and the dormitory job's list (seen twice, never alone).
 */
const SOUTH = 1;
const place = (latitude: number, longitude: number) => ({ latitude: latitude - SOUTH, longitude });
const WORKPLACE = place(30.02, 108.71);

interface MatchItem {
  matchId: string;
  residentId: string;
  name?: string;
  displayName: string;
  score: number;
  reason: string;
  components: Record<string, { value: number; points: number }>;
  status?: string;
}

describe('matching', () => {
  let t: TestApp;
  let ds: DataSource;
  let admin: Session;
  let robot: RobotServer;
  let siteA: { id: string };
  let officerA1: Session;
  let officerA2: Session;
  let officerB: Session;
  let employer: EmployerFixture;
  let alice: { id: string; name: string; session?: Session };
  let bob: { id: string; name: string };
  let carol: { id: string; name: string };
  let posting: { id: string; version: number };
  const title = `采茶工（全职）${process.pid}`;

  beforeAll(async () => {
    t = await createTestApp({ worker: true, env: { NOTIFY_RETRY_DELAY_MS: '100' } });
    ds = t.app.get(DataSource);
    admin = await loginAdmin(t.http);
    robot = await robotServer('ok');
    siteA = await siteWithChannels(t.http, admin, [{ type: 'wecom', target: robot.url }], place(30.06, 108.75));
    // Site B lies about 90 km away: none of its residents can commute to the tea garden.
    const siteB = await createSite(t.http, admin, place(30.6, 109.5));
    officerA1 = await staff(t.http, admin, 'officer', { siteIds: [siteA.id] });
    officerA2 = await staff(t.http, admin, 'officer', { siteIds: [siteA.id] });
    officerB = await staff(t.http, admin, 'officer', { siteIds: [siteB.id] });

    // Alice consents and wants job alerts; Bob fits as well but does not consent; Carol lacks the skill.
    alice = await seeker(t.http, officerA1, siteA.id, {
      consentToShare: true,
      jobAlerts: true,
      account: true,
    });
    bob = await seeker(t.http, officerA1, siteA.id, {
      consentToShare: false,
      monitoringStatus: 'marginal',
      skills: [{ code: 'tea.picking', level: 3 }],
    });
    carol = await seeker(t.http, officerA1, siteA.id, { consentToShare: true, skills: [] });
    await seeker(t.http, officerB, siteB.id, { consentToShare: true });

    employer = await employerWithRecord(t.http, { verifiedBy: officerA1 });
    posting = await openPosting(t.http, employer.session, { ...WORKPLACE, title, schedule: 'full_time' });
  });

  afterAll(async () => {
    await robot?.close();
    await t?.close();
  });

  async function officerList(who: Session, lang = 'zh'): Promise<{ status: number; items: MatchItem[] }> {
    const res = await t.http
      .get(`/api/v1/postings/${posting.id}/matches?lang=${lang}&pageSize=100`)
      .set(who.auth);
    return { status: res.status, items: res.body.items as MatchItem[] };
  }

  it('publishing a posting ranks the residents who fit, with score, components and reason', async () => {
    const items = await eventually(async () => {
      const { items } = await officerList(officerA1);
      return items?.length >= 2 ? items : undefined;
    });
    const ids = items.map((i) => i.residentId);
    expect(ids).toContain(alice.id);
    expect(ids).toContain(bob.id);
    const a = items.find((i) => i.residentId === alice.id)!;
    expect(a.name).toBe(alice.name);
    expect(a.score).toBeGreaterThanOrEqual(70);
    expect(a.score).toBeLessThanOrEqual(100);
    expect(a.components.skills.value).toBe(1);
    // Every component, and their points add up to the score (each rounded to 0.01, the score to 0.1).
    expect(Object.keys(a.components).sort()).toEqual([
      'distance',
      'industry',
      'preferredSkills',
      'schedule',
      'skills',
      'training',
      'wage',
    ]);
    const points = Object.values(a.components).reduce((sum, c) => sum + c.points, 0);
    expect(Math.abs(points - a.score)).toBeLessThan(0.1);
    expect(a.reason).toContain('采茶');
    // Carol, without the required skill, is ranked below both (or not at all).
    const c = items.find((i) => i.residentId === carol.id);
    if (c) expect(c.score).toBeLessThan(a.score);
    const scores = items.map((i) => i.score);
    expect([...scores].sort((x, y) => y - x)).toEqual(scores);

    const en = await officerList(officerA1, 'en');
    expect(en.items.find((i) => i.residentId === alice.id)!.reason).toContain('tea picking');
  });

  it('notifies each officer of the matching site exactly once, with counts and a link', async () => {
    // The officers of site A: the two made here, plus any officer whose region scope covers its
    // township (other test files of the same run make county-wide officers of 利川市).
    const expected = (await t.app.get(NotificationsService).officersOfSites([siteA.id]))
      .map((o) => o.userId)
      .sort();
    expect(expected).toEqual(expect.arrayContaining([officerA1.userId, officerA2.userId]));
    expect(expected).not.toContain(officerB.userId);
    const rows = await eventually(async () => {
      const r = await postingNotifications(ds, posting.id, siteA.id);
      return r.length >= expected.length ? r : undefined;
    });
    expect(rows.map((r) => r.recipientUserId).sort()).toEqual(expected);
    for (const r of rows) {
      expect(r.payload).toMatchObject({
        postingId: posting.id,
        siteId: siteA.id,
        count: 2,
        zeroEmployment: 2,
        monitored: 1,
        link: `/officer/postings/${posting.id}/matches`,
      });
    }
    const inbox = await t.http.get('/api/v1/notifications').set(officerA1.auth);
    expect(inbox.status).toBe(200);
    const mine = (
      inbox.body.items as { kind: string; title: string; payload: { postingId: string } }[]
    ).filter((n) => n.kind === 'match.posting_ranked' && n.payload.postingId === posting.id);
    expect(mine).toHaveLength(1);
    expect(mine[0].title).toContain('2 位');

    // Officer B's site has no one in reach: nothing for them.
    const other = await ds.query(
      `SELECT 1 FROM notification WHERE recipient_user_id = $1 AND kind = 'match.posting_ranked'`,
      [officerB.userId],
    );
    expect(other).toHaveLength(0);
  });

  it("sends a well-formed WeCom robot markdown message to the site's webhook", async () => {
    const msg = await eventually(async () =>
      (robot.received as { msgtype?: string; markdown?: { content?: string } }[]).find((m) =>
        m.markdown?.content?.includes(title),
      ),
    );
    expect(msg.msgtype).toBe('markdown');
    expect(Object.keys(msg)).toEqual(expect.arrayContaining(['msgtype', 'markdown']));
    expect(typeof msg.markdown!.content).toBe('string');
    expect(Buffer.byteLength(msg.markdown!.content!, 'utf8')).toBeLessThanOrEqual(4096);
    expect(msg.markdown!.content).toContain('合适人选');
    expect(msg.markdown!.content).toContain(`/officer/postings/${posting.id}/matches`);
  });

  it('sends a job alert to a resident who opted in', async () => {
    const res = await eventually(async () => {
      const r = await t.http.get('/api/v1/notifications').set(alice.session!.auth);
      const alerts = (r.body.items as { kind: string; payload: { postingId: string } }[]).filter(
        (n) => n.kind === 'job.alert' && n.payload.postingId === posting.id,
      );
      return alerts.length ? alerts : undefined;
    });
    expect(res).toHaveLength(1);
  });

  it('running the same rank-posting job twice leaves exactly the same matches and notifications', async () => {
    const expected = await t.app.get(NotificationsService).officersOfSites([siteA.id]);
    await eventually(
      async () => (await postingNotifications(ds, posting.id, siteA.id)).length === expected.length,
    );
    const before = await storedMatches(ds, posting.id);
    const notesBefore = await postingNotifications(ds, posting.id, siteA.id);
    const job = t.app.get(RankPostingJob);
    await job.process({ postingId: posting.id, version: posting.version });
    await job.process({ postingId: posting.id, version: posting.version });
    expect(await storedMatches(ds, posting.id)).toEqual(before);
    expect(await postingNotifications(ds, posting.id, siteA.id)).toEqual(notesBefore);
    const alerts = await ds.query(
      // Alice's alerts only: opted-in residents of other test files in the county match too.
      `SELECT count(*)::int AS n FROM notification
        WHERE kind = 'job.alert' AND payload->>'postingId' = $1 AND recipient_user_id = $2`,
      [posting.id, alice.session!.userId],
    );
    expect(alerts[0].n).toBe(1);
  });

  it('skips a job for a version that is no longer current', async () => {
    const before = await storedMatches(ds, posting.id);
    const out = await t.app
      .get(RankPostingJob)
      .process({ postingId: posting.id, version: posting.version - 1 });
    expect(out).toEqual({ skipped: 'stale' });
    expect(await storedMatches(ds, posting.id)).toEqual(before);
  });

  it('ranks residents of far sites for a posting with accommodation only when they will work away', async () => {
    // About 90 km from the workplace: beyond anyone's commute.
    const far = await createSite(t.http, admin, place(30.62, 109.52));
    const farOfficer = await staff(t.http, admin, 'officer', { siteIds: [far.id] });
    const away = await seeker(t.http, farOfficer, far.id, {
      consentToShare: true,
      preferences: {
        industries: ['tea'],
        wageMin: 2500,
        schedules: ['full_time'],
        maxCommuteKm: 15,
        willingToWorkAway: true,
      },
    });
    const home = await seeker(t.http, farOfficer, far.id, {
      consentToShare: true,
      preferences: {
        industries: ['tea'],
        wageMin: 2500,
        schedules: ['full_time'],
        maxCommuteKm: 15,
        willingToWorkAway: false,
      },
    });
    const dorm = await openPosting(t.http, employer.session, {
      ...WORKPLACE,
      title: `${title}（包住）`,
      schedule: 'full_time',
      accommodation: true,
    });
    const matched = await eventually(async () => {
      const rows = await storedMatches(ds, dorm.id);
      return rows.some((r) => r.residentId === away.id) ? rows : undefined;
    });
    const ids = matched.map((r) => r.residentId);
    expect(ids).toContain(alice.id); // near residents still match
    expect(ids).not.toContain(home.id);
    // A posting without accommodation at the same place reaches neither of them.
    const plain = await openPosting(t.http, employer.session, {
      ...WORKPLACE,
      title: `${title}（不包住）`,
      schedule: 'full_time',
    });
    const plainIds = (
      await eventually(async () => {
        const rows = await storedMatches(ds, plain.id);
        return rows.length ? rows : undefined;
      })
    ).map((r) => r.residentId);
    expect(plainIds).toContain(alice.id);
    expect(plainIds).not.toContain(away.id);
    expect(plainIds).not.toContain(home.id);
  });

  it('shows the employer only consenting residents, masked, without names', async () => {
    const res = await t.http.get(`/api/v1/postings/${posting.id}/matches`).set(employer.session.auth);
    expect(res.status).toBe(200);
    const items = res.body.items as Record<string, unknown>[];
    const ids = items.map((i) => i.residentId);
    expect(ids).toContain(alice.id);
    expect(ids).not.toContain(bob.id);
    for (const i of items) {
      expect(i).not.toHaveProperty('name');
      expect(i).not.toHaveProperty('priority');
      expect(JSON.stringify(i)).not.toContain(alice.name);
      expect(i.displayName).toMatch(/^.\*+$/u);
    }
    // Another employer does not learn the posting's candidates.
    const other = await employerWithRecord(t.http);
    const res2 = await t.http.get(`/api/v1/postings/${posting.id}/matches`).set(other.session.auth);
    expect(res2.status).toBe(404);
  });

  it('hides residents outside an officer’s scope (list empty, details 404)', async () => {
    const { status, items } = await officerList(officerB);
    expect(status).toBe(200);
    expect(items.map((i) => i.residentId)).not.toContain(alice.id);
    expect(items.map((i) => i.residentId)).not.toContain(bob.id);

    const rec = await t.http.get(`/api/v1/residents/${alice.id}/recommendations`).set(officerB.auth);
    expect(rec.status).toBe(404);

    const a = (await officerList(officerA1)).items.find((i) => i.residentId === alice.id)!;
    const refer = await t.http.post(`/api/v1/matches/${a.matchId}/refer`).set(officerB.auth);
    expect(refer.status).toBe(404);
    const queue = await t.http.get(`/api/v1/matches?siteId=${siteA.id}`).set(officerB.auth);
    expect(queue.status).toBe(404);
  });

  it('lets an officer refer and dismiss; re-ranking keeps those decisions', async () => {
    const queue = await t.http.get(`/api/v1/matches?siteId=${siteA.id}&status=new`).set(officerA1.auth);
    expect(queue.status).toBe(200);
    const queued = queue.body.items as (MatchItem & { postingId: string })[];
    const a = queued.find((i) => i.residentId === alice.id && i.postingId === posting.id)!;
    const b = queued.find((i) => i.residentId === bob.id && i.postingId === posting.id)!;
    expect(a).toBeDefined();
    expect(b).toBeDefined();

    const refer = await t.http.post(`/api/v1/matches/${a.matchId}/refer`).set(officerA1.auth);
    expect(refer.status).toBe(200);
    expect(refer.body.status).toBe('referred');
    const apps = await ds.query(
      `SELECT id, source, status FROM application WHERE posting_id = $1 AND resident_id = $2`,
      [posting.id, alice.id],
    );
    expect(apps).toEqual([
      { id: refer.body.referredApplicationId, source: 'officer_referral', status: 'applied' },
    ]);
    const again = await t.http.post(`/api/v1/matches/${a.matchId}/refer`).set(officerA1.auth);
    expect(again.status).toBe(409);

    const bad = await t.http.post(`/api/v1/matches/${b.matchId}/dismiss`).set(officerA1.auth).send({});
    expect(bad.status).toBe(400);
    expect(bad.body.details).toEqual(expect.arrayContaining([expect.objectContaining({ field: 'reason' })]));
    const dismiss = await t.http
      .post(`/api/v1/matches/${b.matchId}/dismiss`)
      .set(officerA1.auth)
      .send({ reason: '本人已在县城务工' });
    expect(dismiss.status).toBe(200);

    await t.app.get(RankPostingJob).process({ postingId: posting.id, version: posting.version });
    const rows = await storedMatches(ds, posting.id);
    expect(rows.find((r) => r.residentId === alice.id)!.status).toBe('referred');
    expect(rows.find((r) => r.residentId === bob.id)!.status).toBe('dismissed');

    const newOnly = await t.http.get(`/api/v1/matches?siteId=${siteA.id}&status=new`).set(officerA1.auth);
    const ids = (newOnly.body.items as { matchId: string }[]).map((i) => i.matchId);
    expect(ids).not.toContain(a.matchId);
    expect(ids).not.toContain(b.matchId);
  });

  it('the nightly re-rank ranks open postings again in county batches: new seekers enter, nothing is sent twice', async () => {
    // A second posting whose list was stored before Dave existed.
    const second = await openPosting(t.http, employer.session, {
      ...WORKPLACE,
      title: `${title}（二）`,
      schedule: 'full_time',
    });
    await eventually(async () => (await storedMatches(ds, second.id)).length > 0);
    await t.app.get(RankPostingJob).process({ postingId: second.id, version: second.version });
    const dave = await seeker(t.http, officerA1, siteA.id, { consentToShare: true });
    // A new resident re-ranks their own recommendations, not every posting's list.
    expect((await storedMatches(ds, posting.id)).map((m) => m.residentId)).not.toContain(dave.id);
    expect((await storedMatches(ds, second.id)).map((m) => m.residentId)).not.toContain(dave.id);
    const before = await storedMatches(ds, posting.id);
    const notesBefore = await postingNotifications(ds, posting.id, siteA.id);

    const fanOut = await t.app.get(RerankAllJob).process();
    expect(fanOut.enqueued).toBeGreaterThanOrEqual(1);
    expect(fanOut.batches).toBeGreaterThanOrEqual(1);
    const out = await t.app
      .get(RerankPostingsJob)
      .process({ postingIds: [posting.id, '00000000-0000-4000-8000-000000000000', second.id] });
    expect(out).toMatchObject({ postings: 3, ranked: 2, skipped: 1 });
    // Both postings of the batch were stored (one transaction, two lists).
    expect((await storedMatches(ds, second.id)).map((m) => m.residentId)).toContain(dave.id);

    const after = await storedMatches(ds, posting.id);
    expect(after.map((m) => m.residentId)).toContain(dave.id);
    // Rows that stayed keep their ids (updated in place), and officers are not told again.
    const idOf = new Map(before.map((m) => [m.residentId, m.id]));
    for (const m of after) if (idOf.has(m.residentId)) expect(m.id).toBe(idOf.get(m.residentId));
    expect(await postingNotifications(ds, posting.id, siteA.id)).toEqual(notesBefore);

    // The next night, nothing changed: both lists are ranked, found equal to the stored ones by
    // their fingerprint, and left untouched (not even computed_at moves).
    const stamps = () =>
      ds.query<{ id: string; computed_at: Date }[]>(
        `SELECT id, computed_at FROM match WHERE posting_id = ANY($1) ORDER BY id`,
        [[posting.id, second.id]],
      );
    const beforeAgain = await stamps();
    const again = await t.app.get(RerankPostingsJob).process({ postingIds: [posting.id, second.id] });
    expect(again).toMatchObject({ postings: 2, ranked: 2, unchanged: 2, stored: 0, skipped: 0 });
    expect(await stamps()).toEqual(beforeAgain);
  });

  it('a re-rank batch that stores several lists notifies as one rank-posting per posting would: each officer and opted-in resident once', async () => {
    const ids = [posting.id];
    const officers = await t.app.get(NotificationsService).officersOfSites([siteA.id]);
    // The first night after an engine upgrade, as far as notifications go: none were sent for this
    // version, and no list fingerprint is stored, so every list of the batch is written again.
    const forget = async () => {
      await ds.query(`DELETE FROM notification_delivery WHERE dedup_key LIKE ANY($1)`, [
        ids.flatMap((id) => [`match:${id}:%`, `jobalert:${id}:%`]),
      ]);
      await ds.query(`DELETE FROM notification WHERE payload->>'postingId' = ANY($1)`, [ids]);
      await ds.query(`DELETE FROM posting_match_list WHERE posting_id = ANY($1)`, [ids]);
      // Job alerts go to residents whose recommendations a posting enters: on that first night
      // their lists are empty too.
      await ds.query(`DELETE FROM resident_recommendation WHERE posting_id = ANY($1)`, [ids]);
    };
    const alerts = () =>
      ds.query<{ kind: string; n: number }[]>(
        `SELECT 'in-app' AS kind, count(*)::int AS n FROM notification
          WHERE kind = 'job.alert' AND payload->>'postingId' = $1 AND recipient_user_id = $2
         UNION ALL
         SELECT 'sms', count(*)::int FROM notification_delivery
          WHERE channel = 'sms' AND dedup_key LIKE $3 AND target = 'user:' || $2`,
        [posting.id, alice.session!.userId, `jobalert:${posting.id}:%`],
      );
    const second = await openPosting(t.http, employer.session, {
      ...WORKPLACE,
      title: `${title}（三）`,
      schedule: 'full_time',
    });
    await eventually(async () => (await storedMatches(ds, second.id)).length > 0);
    ids.push(second.id);
    await forget();
    // A row left over from an earlier list (a resident who no longer fits): the store removes it.
    const [stale] = await ds.query<{ id: string; site_id: string }[]>(
      `SELECT r.id, h.site_id FROM resident r JOIN household h ON h.id = r.household_id
        WHERE r.id NOT IN (SELECT resident_id FROM match WHERE posting_id = $1) LIMIT 1`,
      [posting.id],
    );
    await ds.query(
      `INSERT INTO match (posting_id, resident_id, posting_version, score, priority, rank, component_values,
                          component_points, reason_zh, reason_en, engine_version, computed_at, site_id)
       VALUES ($1, $2, $3, 31, 0, 999, '{0,0,0,0,0,0,0}', '{0,0,0,0,0,0,0}', '旧', 'old', '0.9.0', now(), $4)`,
      [posting.id, stale.id, posting.version, stale.site_id],
    );
    const decided = (await storedMatches(ds, posting.id)).filter((m) => m.status !== 'new');
    expect(decided.length).toBeGreaterThan(0); // Alice referred, Bob dismissed (the test above)

    const out = await t.app.get(RerankPostingsJob).process({ postingIds: ids });
    expect(out).toMatchObject({ postings: 2, ranked: 2, unchanged: 0, skipped: 0 });
    const rows = await storedMatches(ds, posting.id);
    expect(rows.map((m) => m.residentId)).not.toContain(stale.id);
    expect(rows.filter((m) => m.status !== 'new')).toEqual(decided);
    for (const id of ids) {
      const notes = await postingNotifications(ds, id, siteA.id);
      expect(notes.map((n) => n.recipientUserId).sort()).toEqual(officers.map((o) => o.userId).sort());
      expect(new Set(notes.map((n) => n.dedupKey)).size).toBe(notes.length);
    }
    expect(await alerts()).toEqual([
      { kind: 'in-app', n: 1 },
      { kind: 'sms', n: 1 },
    ]);

    // Stored again (fingerprints forgotten), nothing is sent twice.
    const before = await Promise.all(ids.map((id) => postingNotifications(ds, id)));
    await ds.query(`DELETE FROM posting_match_list WHERE posting_id = ANY($1)`, [ids]);
    await t.app.get(RerankPostingsJob).process({ postingIds: ids });
    expect(await Promise.all(ids.map((id) => postingNotifications(ds, id)))).toEqual(before);
    expect(await alerts()).toEqual([
      { kind: 'in-app', n: 1 },
      { kind: 'sms', n: 1 },
    ]);
  });

  describe('recommendations and skill gaps', () => {
    let officerC: Session;
    let dora: { id: string };
    let tea: { id: string };
    let course: { id: string };

    beforeAll(async () => {
      // A site of its own, about 30 km from the first tea garden.
      const siteC = await createSite(t.http, admin, place(30.3, 108.98));
      officerC = await staff(t.http, admin, 'officer', { siteIds: [siteC.id] });
      tea = await openPosting(t.http, employer.session, {
        title: `茶厂制茶工 ${process.pid}`,
        schedule: 'full_time',
        ...place(30.31, 108.99),
        skills: [
          { code: 'tea.picking', minLevel: 1, required: true },
          { code: 'tea.processing', minLevel: 2, required: true },
        ],
      });
      course = await createCourse(t.http, officerC, place(30.3, 108.98));
      dora = await seeker(t.http, officerC, siteC.id, { skills: [{ code: 'tea.picking', level: 2 }] });
    });

    async function recommendations(): Promise<{
      postings: { postingId: string; score: number; reason: string }[];
      courses: { courseId: string; closesGap: string[]; reason: string }[];
    }> {
      const res = await t.http.get(`/api/v1/residents/${dora.id}/recommendations`).set(officerC.auth);
      expect(res.status).toBe(200);
      return res.body;
    }

    it('completing a course that closes a skill gap changes the resident’s recommendations', async () => {
      const before = await eventually(async () => {
        const r = await recommendations();
        return r.courses.some((c) => c.courseId === course.id) ? r : undefined;
      });
      const gapCourse = before.courses.find((c) => c.courseId === course.id)!;
      expect(gapCourse.closesGap).toEqual(['tea.processing']);
      expect(gapCourse.reason).toContain('茶叶加工');
      const scoreBefore = before.postings.find((p) => p.postingId === tea.id)?.score ?? 0;

      const enrol = await t.http
        .post(`/api/v1/courses/${course.id}/enrollments`)
        .set(officerC.auth)
        .send({ residentId: dora.id });
      expect(enrol.status).toBe(201);
      const done = await t.http.post(`/api/v1/enrollments/${enrol.body.id}/complete`).set(officerC.auth);
      expect(done.status).toBe(200);

      const after = await eventually(async () => {
        const r = await recommendations();
        const p = r.postings.find((x) => x.postingId === tea.id);
        return p && p.score > scoreBefore ? r : undefined;
      });
      const p = after.postings.find((x) => x.postingId === tea.id)!;
      expect(p.reason).toContain('这份工作要的就是这个');
      expect(after.courses.map((c) => c.courseId)).not.toContain(course.id);
    });

    it('lets the resident’s officer read them and nobody else', async () => {
      const res = await t.http.get(`/api/v1/residents/${dora.id}/recommendations`).set(officerA1.auth);
      expect(res.status).toBe(404);
      const emp = await t.http.get(`/api/v1/residents/${dora.id}/recommendations`).set(employer.session.auth);
      expect(emp.status).toBe(403);
    });
  });
});
