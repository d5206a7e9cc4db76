import { importJobId } from '../../src/imports/imports.service';
import { QueueName } from '../../src/platform/queue/queue-name';
import { createSite, loginAdmin } from '../support/factories';
import { appQueues, closeQueues, httpTo, type Http } from '../support/fault-fixtures';
import { uploadRoster, waitForImport } from '../support/imports-factories';
import { dropDatabaseAt, sharedDatabaseUrl, startApp, uniqueName, type AppProcess } from '../support/processes';
import { xlsxZipBomb } from '../support/zip-bomb';

/*
 * Issue 12 item 5: a 6 MiB roster .xlsx inflating to 6 GiB ended the whole process (api and
 * worker in one, LEYE_ROLE=all) with out-of-memory, and the stalled job crashed it again after
 * each restart. Here the built app gets three bombs: one whose zip directory tells the truth
 * (refused by the directory check), one whose directory lies (stopped by the capped inflation in
 * the parse process) and one within the caps whose single row of a million cells meets the parse
 * process's heap cap. Each import fails once with a message; /health/live answers throughout.
 */
const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const MIB = 1024 * 1024;

describe('fault: a zip bomb uploaded as a roster', () => {
  const dbUrl = sharedDatabaseUrl(uniqueName('zipbomb'));
  const prefix = uniqueName('q');
  const queues = appQueues(REDIS_URL, prefix);
  let app: AppProcess;
  let http: Http;

  beforeAll(async () => {
    app = await startApp({
      role: 'all',
      name: 'zip-bomb-all',
      databaseUrl: dbUrl,
      queuePrefix: prefix,
      env: { LEYE_BOOTSTRAP: 'true' },
    });
    http = httpTo(app.url);
  }, 180_000);

  afterAll(async () => {
    await app?.stop('SIGKILL');
    await closeQueues(queues);
    await dropDatabaseAt(dbUrl).catch(() => undefined);
  }, 60_000);

  it('fails each bomb once with a message while /health/live answers throughout', async () => {
    const admin = await loginAdmin(http);
    const site = await createSite(http, admin);
    const honest = await xlsxZipBomb(1000 * MIB);
    const lying = await xlsxZipBomb(600 * MIB, 'lying');
    // Within the inflation cap, but a row of about a million cells: the parse process's heap cap.
    const cells = await xlsxZipBomb(45 * MIB, 'honest', 'cells');

    const live: number[] = [];
    let probing = true;
    const probe = (async () => {
      while (probing) {
        const status = await fetch(`${app.url}/health/live`, { signal: AbortSignal.timeout(10_000) }).then(
          (r) => r.status,
          () => 0,
        );
        live.push(status);
        await new Promise((r) => setTimeout(r, 100));
      }
    })();

    const results = [];
    for (const [file, message] of [
      [honest, /解压后超过 50 MiB/],
      [lying, /解压后超过 50 MiB/],
      [cells, /不像是花名册|缺少列/],
    ] as const) {
      const res = await uploadRoster(http, admin, site.id, file, 'roster.xlsx');
      expect(res.status).toBe(202);
      const state = await waitForImport(http, admin, res.body.id, 150_000);
      expect(state.status).toBe('failed');
      expect(state.message).toMatch(message);
      const job = await queues.get(QueueName.Imports)!.getJob(importJobId(res.body.id));
      expect(job?.attemptsMade).toBe(1);
      expect(await job?.getState()).toBe('completed');
      results.push(state.message);
    }
    probing = false;
    await probe;

    expect(app.running()).toBe(true);
    expect(live.length).toBeGreaterThan(5);
    expect(live.every((s) => s === 200)).toBe(true);
    expect(app.log()).not.toMatch(/heap out of memory|FATAL ERROR/);
  }, 200_000);
});
