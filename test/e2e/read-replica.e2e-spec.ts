import { DataSource } from 'typeorm';
import { createTestApp, type TestApp } from '../support/app';
import { createSite, loginAdmin, staff } from '../support/factories';
import { employerWithRecord, openPosting } from '../support/postings-factories';

/*
 * DATABASE_REPLICA_URLS (README "Running a province"): the job search reads a replica, every
 * other read and every write the primary. Here the "replica" is the test database itself under
 * another application_name, so PostgreSQL can tell which pool ran what.
 */
describe('read replicas (DATABASE_REPLICA_URLS)', () => {
  let t: TestApp;
  let ds: DataSource;
  const replicaName = `leye_replica_${process.pid}`;

  beforeAll(async () => {
    const replica = new URL(process.env.DATABASE_URL!);
    replica.searchParams.set('application_name', replicaName);
    t = await createTestApp({ env: { DATABASE_REPLICA_URLS: replica.toString() } });
    ds = t.app.get(DataSource);
  });

  afterAll(async () => {
    await t?.close();
  });

  const replicaQueries = async (): Promise<string[]> =>
    (
      await ds.query<{ query: string }[]>(`SELECT query FROM pg_stat_activity WHERE application_name = $1`, [
        replicaName,
      ])
    ).map((r) => r.query);

  it('serves the job search from the replica, and writes and their reads from the primary', async () => {
    const admin = await loginAdmin(t.http);
    const site = await createSite(t.http, admin);
    const officer = await staff(t.http, admin, 'officer', { siteIds: [site.id] });
    const employer = await employerWithRecord(t.http, { verifiedBy: officer });
    const mark = `replica${process.pid}`;
    const posting = await openPosting(t.http, employer.session, { title: `${mark} 茶园管护` });
    // The writes above (and the reads that checked them) never touched the replica's pool.
    expect((await replicaQueries()).join('\n')).not.toMatch(/INSERT|UPDATE/);

    const res = await t.http.get('/api/v1/postings').query({ q: mark });
    expect(res.status).toBe(200);
    expect((res.body.items as { id: string }[]).map((i) => i.id)).toEqual([posting.id]);
    // The replica's connection ran the search (pg_stat_activity keeps an idle one's last query).
    expect((await replicaQueries()).join('\n')).toMatch(/FROM posting p|search_stamp/);
  });
});
