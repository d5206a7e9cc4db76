import { DataSource } from 'typeorm';
import { dropDatabase } from '../../src/platform/database/create-database';
import { generateDatabase } from '../../tools/demo/generate';
import { RankingService } from '../../src/matching/ranking.service';
import { RERANK_BATCH } from '../../src/matching/jobs/rerank-all.job';
import { createTestApp, type TestApp } from '../support/app';
import { drainedBacklog } from '../support/backlog';
import { createSite, loginAdmin, staff, type Session } from '../support/factories';
import { seeker } from '../support/matching-factories';
import { eventually } from '../support/notifications-factories';
import { employerWithRecord, openPosting, type EmployerFixture } from '../support/postings-factories';

jest.setTimeout(600_000);

/** The run's database (the generated county gets one of its own beside it). */
const RUN_DATABASE_URL = process.env.DATABASE_URL!;

interface Row {
  postingId: string;
  score: string;
  rank: number;
  reasonZh: string;
}

/** A resident's stored recommendations, as GET /residents/:id/recommendations reads them. */
function storedList(ds: DataSource, residentId: string): Promise<Row[]> {
  return ds.query(
    `SELECT posting_id AS "postingId", score, rank, reason_zh AS "reasonZh" FROM resident_recommendation
      WHERE resident_id = $1 ORDER BY rank, posting_id`,
    [residentId],
  );
}

/*
 * Both sides of a match agree: a posting ranked (published, edited, closed, or in the nightly
 * re-rank) keeps the recommendation lists it enters or leaves current, so a resident's stored
 * list is always what a fresh rank-resident of the same state would store.
 */
describe('two-sided matching: residents’ recommendations follow ranked postings', () => {
  describe('a generated county (a few thousand residents)', () => {
    let t: TestApp;
    let ds: DataSource;
    let ranking: RankingService;
    let url: string;

    beforeAll(async () => {
      const base = new URL(RUN_DATABASE_URL);
      base.pathname = `${base.pathname.slice(1)}_twosided`;
      url = base.toString();
      await dropDatabase(url);
      await generateDatabase(url, { residents: 3000, postings: 240, sites: 8, seed: 3 });
      t = await createTestApp({ env: { DATABASE_URL: url } });
      ds = t.app.get(DataSource);
      ranking = t.app.get(RankingService);
    });

    afterAll(async () => {
      await t?.close();
      if (url) await dropDatabase(url);
      process.env.DATABASE_URL = RUN_DATABASE_URL;
    });

    async function rerankAll(): Promise<void> {
      const ids = await ds.query<{ id: string }[]>(
        `SELECT id FROM posting WHERE status = 'open' ORDER BY id`,
      );
      for (let i = 0; i < ids.length; i += RERANK_BATCH)
        await ranking.rerankPostings(ids.slice(i, i + RERANK_BATCH).map((r) => r.id));
    }

    /** For each resident: the stored list, then a fresh rank-resident's: they must be equal. */
    async function expectFresh(residentIds: readonly string[]): Promise<number> {
      let nonEmpty = 0;
      for (const id of residentIds) {
        const stored = await storedList(ds, id);
        const [{ version }] = await ds.query<
          {
            version: number;
          }[]
        >('SELECT version FROM resident WHERE id = $1', [id]);
        await ranking.rankResident(id, Number(version));
        expect({ id, list: stored }).toEqual({ id, list: await storedList(ds, id) });
        if (stored.length) nonEmpty += 1;
      }
      return nonEmpty;
    }

    const sample = async (n: number, extraWhere = 'true', params: unknown[] = []): Promise<string[]> =>
      (
        await ds.query<{ id: string }[]>(
          `SELECT r.id FROM resident r
            WHERE r.status = 'active' AND r.employment_status = 'unemployed' AND r.labor_capacity <> 'none'
              AND ${extraWhere}
            ORDER BY md5(r.id::text) LIMIT ${n}`,
          params,
        )
      ).map((r) => r.id);

    it('the nightly re-rank alone fills every resident’s list as rank-resident would', async () => {
      await ds.query('DELETE FROM resident_recommendation');
      await rerankAll();
      const ids = await sample(40);
      expect(await expectFresh(ids)).toBeGreaterThan(20);
      // Lists are full (more postings in reach than a list keeps): the top-N cut is exercised.
      const [{ full }] = await ds.query<{ full: number }[]>(
        `SELECT count(*)::int AS full FROM (SELECT resident_id FROM resident_recommendation
          GROUP BY resident_id HAVING count(*) >= 20) x`,
      );
      expect(full).toBeGreaterThan(0);
    });

    it('edited, closed and new postings move through the lists without re-ranking the residents', async () => {
      const held = await ds.query<{ id: string }[]>(
        `SELECT posting_id AS id, count(*)::int AS n FROM resident_recommendation
          GROUP BY posting_id ORDER BY n DESC, posting_id LIMIT 12`,
      );
      const edited = held.slice(0, 4).map((p) => p.id);
      const closed = held.slice(4, 8).map((p) => p.id);
      const better = held.slice(8, 12).map((p) => p.id);
      const holders = await ds.query<{ id: string }[]>(
        `SELECT DISTINCT resident_id AS id FROM resident_recommendation WHERE posting_id = ANY($1::uuid[])`,
        [[...edited, ...closed, ...better]],
      );

      // Worse: a piece rate nobody can compare, and a shorter age range; better: a shuttle.
      await ds.query(
        `UPDATE posting SET wage_unit = 'piece', wage_min = 1, wage_max = 2, version = version + 1
          WHERE id = ANY($1::uuid[])`,
        [edited],
      );
      await ds.query(
        `UPDATE posting SET status = 'closed', version = version + 1 WHERE id = ANY($1::uuid[])`,
        [closed],
      );
      await ds.query(
        `UPDATE posting SET shuttle = NOT shuttle, version = version + 1 WHERE id = ANY($1::uuid[])`,
        [better],
      );
      // A new posting: a copy of the most held one, with a new id.
      const [{ id: fresh }] = await ds.query<{ id: string }[]>(
        `INSERT INTO posting (employer_id, title, description, industry, skills, certificates, skill_codes,
                              required_skill_codes, headcount, hired_count, wage_min, wage_max, wage_unit, schedule,
                              region_code, address, latitude, longitude, accommodation, meals, shuttle,
                              public_welfare, age_min, age_max, start_date, status, version, published_at,
                              search_tokens, title_tokens)
         SELECT employer_id, title, description, industry, skills, certificates, skill_codes, required_skill_codes,
                headcount, 0, wage_min + 500, wage_max + 500, wage_unit, schedule, region_code, address, latitude,
                longitude, accommodation, meals, true, public_welfare, age_min, age_max, start_date, 'open', 1, now(),
                search_tokens, title_tokens
           FROM posting WHERE id = $1 RETURNING id`,
        [better[0]],
      );

      for (const id of [...edited, ...closed, ...better, fresh]) {
        const [{ version }] = await ds.query<
          {
            version: number;
          }[]
        >('SELECT version FROM posting WHERE id = $1', [id]);
        await ranking.rankPosting(id, Number(version));
      }
      const closedLeft = await ds.query<{ n: number }[]>(
        `SELECT count(*)::int AS n FROM resident_recommendation WHERE posting_id = ANY($1::uuid[])`,
        [closed],
      );
      expect(closedLeft[0].n).toBe(0);
      const [{ n: entered }] = await ds.query<{ n: number }[]>(
        `SELECT count(*)::int AS n FROM resident_recommendation WHERE posting_id = $1`,
        [fresh],
      );
      expect(entered).toBeGreaterThan(0);

      const ids = [
        ...holders
          .map((h) => h.id)
          .sort()
          .slice(0, 30),
        ...(await sample(10)),
      ];
      expect(await expectFresh([...new Set(ids)])).toBeGreaterThan(10);
    });

    it('after changes no event announced, the nightly re-rank brings both sides back together', async () => {
      // Skills taken away behind the services' back: every score of these residents falls.
      const victims = await sample(
        8,
        `EXISTS (SELECT 1 FROM resident_recommendation rr WHERE rr.resident_id = r.id)`,
      );
      await ds.query('DELETE FROM resident_skill WHERE resident_id = ANY($1::uuid[])', [victims]);
      await ds.query(`UPDATE posting SET wage_max = wage_max + 300, version = version + 1
                       WHERE id IN (SELECT id FROM posting WHERE status = 'open' ORDER BY md5(id::text) LIMIT 30)`);
      await rerankAll();
      expect(await expectFresh([...victims, ...(await sample(20))])).toBeGreaterThan(10);
    });
  });

  describe('the worker (events through the outbox)', () => {
    let t: TestApp;
    let admin: Session;
    let officer: Session;
    let employer: EmployerFixture;
    let site: { id: string };

    beforeAll(async () => {
      t = await createTestApp({ worker: true, env: { DATABASE_URL: RUN_DATABASE_URL } });
      admin = await loginAdmin(t.http);
      site = await createSite(t.http, admin, { latitude: 30.0, longitude: 108.7 });
      officer = await staff(t.http, admin, 'officer', { siteIds: [site.id] });
      employer = await employerWithRecord(t.http, { verifiedBy: officer });
      // In a full run this worker is the first in a while: it relays the earlier files' outbox rows
      // first (travel-time changes among them, each re-ranking the postings it covers). Let that
      // backlog drain here, so the cases below wait only for their own jobs.
      await drained(150_000);
    }, 180_000);

    afterAll(async () => {
      await t?.close();
    });

    const drained = (ms = 20_000): Promise<void> => drainedBacklog(t, ms);

    it('a job published after a resident registered reaches their recommendations, with one job alert', async () => {
      const resident = await seeker(t.http, officer, site.id, {
        skills: [{ code: 'tea.picking', level: 2 }],
        jobAlerts: true,
        account: true,
      });
      const session = resident.session!;
      // The resident's own rank-resident has run (nothing in reach yet): only a ranked posting
      // can bring the job into their list from here on.
      await drained();
      const recommended = async (): Promise<{ postingId: string; reason: string }[]> => {
        const res = await t.http.get(`/api/v1/residents/${resident.id}/recommendations`).set(session.auth);
        expect(res.status).toBe(200);
        return res.body.postings;
      };
      const posting = await openPosting(t.http, employer.session, {
        title: `采茶工（两边）${process.pid}`,
        schedule: 'full_time',
      });

      const list = await eventually(async () => {
        const p = await recommended();
        return p.some((x) => x.postingId === posting.id) ? p : undefined;
      });
      expect(list.find((x) => x.postingId === posting.id)!.reason).toContain('采茶');

      const alerts = async () =>
        (await t.http.get('/api/v1/notifications?pageSize=100').set(session.auth)).body.items.filter(
          (n: { kind: string; payload: { postingId?: string } }) =>
            n.kind === 'job.alert' && n.payload.postingId === posting.id,
        );
      expect(
        await eventually(async () => ((await alerts()).length ? await alerts() : undefined)),
      ).toHaveLength(1);

      // Closing it takes it out of the stored list (not only out of the page).
      await t.http.post(`/api/v1/postings/${posting.id}/close`).set(employer.session.auth).expect(200);
      await eventually(async () => {
        const rows = await t.app
          .get(DataSource)
          .query<unknown[]>(
            'SELECT 1 FROM resident_recommendation WHERE resident_id = $1 AND posting_id = $2',
            [resident.id, posting.id],
          );
        return rows.length === 0;
      });
    });
  });
});
