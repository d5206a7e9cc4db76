import {
  dropDatabaseAt,
  query,
  runToExit,
  sharedDatabaseUrl,
  startApp,
  uniqueName,
  type AppProcess,
} from '../support/processes';

/*
 * Issue 2: "Configuration validated at boot (a clear message naming the bad variable, then
 * exit)" and "the bootstrap admin exists exactly once after two starts" — in sequence and
 * started together on a database that does not exist yet.
 */
describe('fault: bad configuration', () => {
  it.each([
    ['PORT', 'abc'],
    ['DATABASE_URL', 'nonsense'],
    ['REDIS_URL', 'http://127.0.0.1:6379'],
    ['LEYE_ROLE', 'both'],
  ])(
    '%s=%s exits with code 1 and a message naming it',
    async (variable, value) => {
      const { code, output } = await runToExit({ LEYE_ROLE: 'api', [variable]: value });
      expect(code).toBe(1);
      expect(output).toContain(`Invalid configuration: ${variable}`);
    },
    60_000,
  );
});

describe('fault: the bootstrap admin exists exactly once', () => {
  const started: AppProcess[] = [];
  const dbs: string[] = [];
  const admins = async (url: string): Promise<number> =>
    Number((await query<{ n: string }>(url, `SELECT count(*) AS n FROM app_user WHERE role = 'admin'`))[0].n);
  const all = async (url: string, name: string): Promise<AppProcess> => {
    const p = await startApp({ role: 'all', name, databaseUrl: url, readyTimeoutMs: 150_000 });
    started.push(p);
    return p;
  };

  afterAll(async () => {
    for (const p of started) await p.stop('SIGKILL');
    for (const db of dbs) await dropDatabaseAt(db).catch(() => undefined);
  }, 60_000);

  it('after two starts in sequence', async () => {
    const url = sharedDatabaseUrl(uniqueName('boot_seq'));
    dbs.push(url);
    const first = await all(url, 'boot-seq-1');
    expect(first.log()).toMatch(/Created database/);
    expect(await first.stop('SIGTERM')).toEqual({ code: 0, signal: null });
    const second = await all(url, 'boot-seq-2');
    expect(await second.stop('SIGTERM')).toEqual({ code: 0, signal: null });
    expect(await admins(url)).toBe(1);
  }, 300_000);

  it('after two starts at once on a database that does not exist yet', async () => {
    const url = sharedDatabaseUrl(uniqueName('boot_par'));
    dbs.push(url);
    const [a, b] = await Promise.all([all(url, 'boot-par-1'), all(url, 'boot-par-2')]);
    expect(a.running() && b.running()).toBe(true);
    expect(await admins(url)).toBe(1);
    const audit = await query<{ n: string }>(
      url,
      `SELECT count(*) AS n FROM audit_entry WHERE action = 'user.bootstrap_admin'`,
    );
    expect(Number(audit[0].n)).toBe(1);
    const [ea, eb] = await Promise.all([a.stop('SIGTERM'), b.stop('SIGTERM')]);
    expect([ea.code, eb.code]).toEqual([0, 0]);
  }, 300_000);
});
