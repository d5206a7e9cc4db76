import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import {
  chmodSync,
  chownSync,
  closeSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';

/*
 * Real processes for the fault tests (test/fault): the built app as a child process, and
 * throwaway PostgreSQL clusters and Redis servers that a test may stop and restart. The shared
 * PostgreSQL (5432) and Redis (6379) are never stopped: other people's tests run on them.
 */

export const ROOT = join(__dirname, '..', '..');
export const LOG_DIR = join(ROOT, 'test-output', 'logs');

/**
 * The fault tests run their own build (tsc into test-output/fault-build), not the shared dist/:
 * `nest build` empties dist/ first, so anyone else's build would pull the files from under a
 * running fault test. The folder has its own package.json (projectRoot) and links config/.
 */
export const BUILD_DIR = join(ROOT, 'test-output', 'fault-build');
export const BUILT_MAIN = join(BUILD_DIR, 'dist', 'src', 'main.js');
const BUILD_STAMP = join(BUILD_DIR, 'built-at');

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestMtime(p));
    else newest = Math.max(newest, statSync(p).mtimeMs);
  }
  return newest;
}

/**
 * Compiles src/ and migrations/ once per run; reuses the build while no source changed since.
 * `LEYE_FAULT_BUILD_REF=HEAD` builds a git revision instead of the working tree (useful while
 * someone else's half-written migration sits in a shared tree).
 */
export function buildForFaults(): void {
  const ref = process.env.LEYE_FAULT_BUILD_REF;
  const sourcesChanged = ref
    ? 0
    : Math.max(
        newestMtime(join(ROOT, 'src')),
        newestMtime(join(ROOT, 'migrations')),
        statSync(join(ROOT, 'tsconfig.json')).mtimeMs,
      );
  const stampWanted = ref ? `ref:${gitRev(ref)}` : 'tree';
  if (
    existsSync(BUILD_STAMP) &&
    existsSync(BUILT_MAIN) &&
    statSync(BUILD_STAMP).mtimeMs > sourcesChanged &&
    readFileSync(BUILD_STAMP, 'utf8').startsWith(stampWanted)
  )
    return;
  rmSync(join(BUILD_DIR, 'dist'), { recursive: true, force: true });
  mkdirSync(BUILD_DIR, { recursive: true });
  writeFileSync(join(BUILD_DIR, 'package.json'), '{ "name": "leye-fault-build", "private": true }\n');
  if (!existsSync(join(BUILD_DIR, 'config'))) symlinkSync(join(ROOT, 'config'), join(BUILD_DIR, 'config'));
  let sourceRoot = ROOT;
  if (ref) {
    sourceRoot = join(BUILD_DIR, 'source');
    rmSync(sourceRoot, { recursive: true, force: true });
    mkdirSync(sourceRoot, { recursive: true });
    const archive = spawnSync('sh', ['-c', `git archive ${gitRev(ref)} | tar -x -C "${sourceRoot}"`], {
      cwd: ROOT,
      encoding: 'utf8',
    });
    if (archive.status !== 0) throw new Error(`git archive ${ref} failed: ${archive.stderr}`);
    symlinkSync(join(ROOT, 'node_modules'), join(sourceRoot, 'node_modules'));
  }
  const started = Date.now();
  const tsc = spawnSync(
    process.execPath,
    [
      join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc'),
      '-p',
      join(sourceRoot, 'tsconfig.build.json'),
      '--outDir',
      join(BUILD_DIR, 'dist'),
      '--sourceMap',
      'false',
    ],
    { cwd: sourceRoot, encoding: 'utf8' },
  );
  // Type errors are the type-check step's business (and may be someone's half-finished edit);
  // the fault tests only need the emitted JavaScript.
  if (!existsSync(BUILT_MAIN)) throw new Error(`build failed:\n${tsc.stdout}\n${tsc.stderr}`);
  if (tsc.status !== 0) console.warn(`[fault build] tsc reported errors:\n${tsc.stdout.slice(0, 4000)}`);
  const staticDir = join(sourceRoot, 'src', 'web', 'static');
  const builtStatic = join(BUILD_DIR, 'dist', 'src', 'web', 'static');
  if (existsSync(staticDir) && !existsSync(builtStatic)) {
    mkdirSync(join(builtStatic, '..'), { recursive: true });
    symlinkSync(staticDir, builtStatic);
  }
  writeFileSync(BUILD_STAMP, `${stampWanted} ${new Date().toISOString()}`);
  console.log(`[fault build] compiled ${ref ?? 'the working tree'} in ${Date.now() - started} ms`);
}

function gitRev(ref: string): string {
  const r = spawnSync('git', ['rev-parse', '--verify', `${ref}^{commit}`], { cwd: ROOT, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`LEYE_FAULT_BUILD_REF=${ref}: ${r.stderr}`);
  return r.stdout.trim();
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

export const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** Thrown by a `waitUntil` check to stop waiting at once (the process died). */
export class GiveUp extends Error {}

/** Polls `check` until it returns true; returns the milliseconds it took, throws after `timeoutMs`. */
export async function waitUntil(
  what: string,
  check: () => Promise<boolean> | boolean,
  timeoutMs = 30_000,
  everyMs = 100,
): Promise<number> {
  const started = Date.now();
  let last: unknown;
  while (Date.now() - started < timeoutMs) {
    try {
      if (await check()) return Date.now() - started;
    } catch (e) {
      if (e instanceof GiveUp) throw e;
      last = e;
    }
    await sleep(everyMs);
  }
  throw new Error(
    `timed out after ${timeoutMs} ms waiting for ${what}${last instanceof Error ? `: ${last.message}` : ''}`,
  );
}

let runCounter = 0;
/** A name unique to this run, usable as a database name and a queue prefix. */
export function uniqueName(label: string): string {
  runCounter += 1;
  return `leye_fault_${label}_${Date.now().toString(36)}_${process.pid}_${runCounter}`;
}

export type Exit = { code: number | null; signal: NodeJS.Signals | null };

export interface AppProcess {
  name: string;
  port: number;
  /** http://127.0.0.1:<port> (api and all roles). */
  url: string;
  proc: ChildProcess;
  logFile: string;
  env: Record<string, string>;
  /** Resolves when the process has exited. */
  exited: Promise<Exit>;
  running(): boolean;
  log(): string;
  /** Sends `signal` and waits for the exit (SIGKILL after `timeoutMs`). */
  stop(signal?: NodeJS.Signals, timeoutMs?: number): Promise<Exit>;
}

export interface StartOptions {
  role: 'api' | 'worker' | 'all';
  databaseUrl: string;
  redisUrl?: string;
  queuePrefix?: string;
  env?: Record<string, string>;
  /** Label of the log file. */
  name?: string;
  /** Wait for /health/live (api, all) or the "ready" log line (worker). Default true. */
  waitReady?: boolean;
  readyTimeoutMs?: number;
}

export const FAULT_METRICS_TOKEN = 'fault-metrics-token-0123456789';

/** Where a spawned app on `port` writes the SMS it "sends" (JSON lines {phone, text}). */
export function devSmsFile(port: number): string {
  return join(LOG_DIR, `sms-${port}.jsonl`);
}

/** Starts `node <build>/dist/src/main.js` with the role and environment a fault test needs. */
export async function startApp(opts: StartOptions): Promise<AppProcess> {
  const port = await freePort();
  const name = opts.name ?? opts.role;
  mkdirSync(LOG_DIR, { recursive: true });
  const logFile = join(LOG_DIR, `${name}-${Date.now()}-${port}.log`);
  const fd = openSync(logFile, 'a');
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '/usr/bin:/bin',
    HOME: process.env.HOME ?? '/root',
    NODE_ENV: 'test',
    LEYE_ROLE: opts.role,
    PORT: String(port),
    HOST: '127.0.0.1',
    DATABASE_URL: opts.databaseUrl,
    REDIS_URL: opts.redisUrl ?? process.env.REDIS_URL ?? 'redis://127.0.0.1:6379',
    LEYE_QUEUE_PREFIX: opts.queuePrefix ?? uniqueName('q'),
    LEYE_DEMO: 'false',
    LEYE_SCHEDULER: 'false',
    LOG_LEVEL: 'info',
    AUTH_IP_REQUESTS_PER_MINUTE: '100000',
    // Every registration of a fault test comes from 127.0.0.1 and sends a code.
    SMS_CODES_PER_ADDRESS_PER_HOUR: '1000000',
    // The fault tests' robots listen on 127.0.0.1 over http (honoured with NODE_ENV=test only).
    ROBOT_WEBHOOK_ALLOW_LOCAL_FOR_TESTS: 'true',
    // One-time SMS codes go to a file the test reads (registerEmployer in test/fault/http.ts).
    LEYE_SMS_DEV_OUTBOX: 'true',
    LEYE_SMS_DEV_OUTBOX_FILE: devSmsFile(port),
    METRICS_TOKEN: FAULT_METRICS_TOKEN,
    ...(opts.env ?? {}),
  };
  const proc = spawn(process.execPath, [BUILT_MAIN], {
    cwd: BUILD_DIR,
    env,
    stdio: ['ignore', fd, fd],
  });
  closeSync(fd);
  const exited = new Promise<Exit>((resolve) =>
    proc.once('exit', (code, signal) => resolve({ code, signal })),
  );
  let done = false;
  void exited.then(() => {
    done = true;
  });
  const app: AppProcess = {
    name,
    port,
    url: `http://127.0.0.1:${port}`,
    proc,
    logFile,
    env,
    exited,
    running: () => !done,
    log: () => readFileSync(logFile, 'utf8'),
    async stop(signal: NodeJS.Signals = 'SIGTERM', timeoutMs = 30_000): Promise<Exit> {
      if (done) return exited;
      proc.kill(signal);
      const timer = setTimeout(() => proc.kill('SIGKILL'), timeoutMs);
      try {
        return await exited;
      } finally {
        clearTimeout(timer);
      }
    },
  };
  if (opts.waitReady === false) return app;
  try {
    await waitUntil(
      `${name} to be ready (log: ${logFile})`,
      async () => {
        if (!app.running()) throw new GiveUp(`${name} exited early:\n${app.log().slice(-3000)}`);
        if (opts.role === 'worker') return /Leye worker ready/.test(app.log());
        const res = await fetch(`${app.url}/health/live`);
        return res.status === 200;
      },
      opts.readyTimeoutMs ?? 90_000,
      200,
    );
  } catch (e) {
    await app.stop('SIGKILL');
    throw e;
  }
  return app;
}

/** Runs the built app to its exit (for configurations it must refuse); returns code and output. */
export async function runToExit(
  env: Record<string, string>,
  timeoutMs = 30_000,
): Promise<{ code: number | null; output: string }> {
  const proc = spawn(process.execPath, [BUILT_MAIN], {
    cwd: BUILD_DIR,
    env: { PATH: process.env.PATH ?? '/usr/bin:/bin', NODE_ENV: 'test', LEYE_DEMO: 'false', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  proc.stdout.on('data', (d: Buffer) => (output += d.toString()));
  proc.stderr.on('data', (d: Buffer) => (output += d.toString()));
  const timer = setTimeout(() => proc.kill('SIGKILL'), timeoutMs);
  const code = await new Promise<number | null>((resolve) => proc.once('exit', (c) => resolve(c)));
  clearTimeout(timer);
  return { code, output };
}

/** A database on the shared PostgreSQL (5432) that a test creates and drops. */
export function sharedDatabaseUrl(name: string): string {
  const url = new URL(process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/leye');
  url.pathname = `/${name}`;
  return url.toString();
}

export async function dropDatabaseAt(url: string): Promise<void> {
  const admin = new URL(url);
  const name = admin.pathname.slice(1);
  admin.pathname = '/postgres';
  const c = new Client({ connectionString: admin.toString() });
  await c.connect();
  try {
    await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  } finally {
    await c.end();
  }
}

/** Runs one query against `url` on a short-lived connection. */
export async function query<T = Record<string, unknown>>(
  url: string,
  sql: string,
  params: unknown[] = [],
): Promise<T[]> {
  const c = new Client({ connectionString: url });
  await c.connect();
  try {
    return (await c.query(sql, params)).rows as T[];
  } finally {
    await c.end();
  }
}

// ---------------------------------------------------------------------------------------------
// Throwaway PostgreSQL

function pgBin(tool: string): string {
  const base = '/usr/lib/postgresql';
  const versions = existsSync(base)
    ? readdirSync(base)
        .filter((v) => existsSync(join(base, v, 'bin', tool)))
        .sort((a, b) => Number(b) - Number(a))
    : [];
  if (!versions.length) throw new Error(`no ${tool} under ${base}`);
  return join(base, versions[0], 'bin', tool);
}

/** PostgreSQL refuses to run as root: run its tools as the `postgres` OS user then. */
function asPostgres(cmd: string, args: string[]): { status: number | null; output: string } {
  const root = process.getuid?.() === 0;
  const r = root
    ? spawnSync('runuser', ['-u', 'postgres', '--', cmd, ...args], { encoding: 'utf8' })
    : spawnSync(cmd, args, { encoding: 'utf8' });
  return { status: r.status, output: `${r.stdout ?? ''}${r.stderr ?? ''}` };
}

export class PrivatePostgres {
  readonly dir: string;
  private constructor(
    readonly port: number,
    dir: string,
  ) {
    this.dir = dir;
  }

  /** initdb in a temp folder (trust auth), started on a free port, listening on 127.0.0.1 only. */
  static async create(): Promise<PrivatePostgres> {
    const port = await freePort();
    const dir = mkdtempSync(join(tmpdir(), 'leye-fault-pg-'));
    chmodSync(dir, 0o700);
    if (process.getuid?.() === 0) {
      const pw = spawnSync('id', ['-u', 'postgres'], { encoding: 'utf8' });
      const gid = spawnSync('id', ['-g', 'postgres'], { encoding: 'utf8' });
      chownSync(dir, Number(pw.stdout.trim()), Number(gid.stdout.trim()));
    }
    const pg = new PrivatePostgres(port, dir);
    const init = asPostgres(pgBin('initdb'), [
      '-D',
      pg.dataDir,
      '-U',
      'postgres',
      '--auth=trust',
      '--encoding=UTF8',
      '--no-sync',
    ]);
    if (init.status !== 0) throw new Error(`initdb failed: ${init.output}`);
    pg.start();
    return pg;
  }

  get dataDir(): string {
    return join(this.dir, 'data');
  }

  /** postgres://postgres@127.0.0.1:<port>/<database> */
  url(database: string): string {
    return `postgres://postgres@127.0.0.1:${this.port}/${database}`;
  }

  start(): void {
    const r = asPostgres(pgBin('pg_ctl'), [
      '-D',
      this.dataDir,
      '-l',
      join(this.dir, 'server.log'),
      '-o',
      `-p ${this.port} -k ${this.dir} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=100`,
      '-w',
      '-t',
      '60',
      'start',
    ]);
    if (r.status !== 0) throw new Error(`pg_ctl start failed: ${r.output}`);
  }

  /** `fast` disconnects every client (what a restart by the operator does); `immediate` is a crash. */
  stop(mode: 'fast' | 'immediate' = 'fast'): void {
    const r = asPostgres(pgBin('pg_ctl'), ['-D', this.dataDir, '-m', mode, '-w', '-t', '60', 'stop']);
    if (r.status !== 0 && !/not running|No such process|Is server running/i.test(r.output))
      throw new Error(`pg_ctl stop failed: ${r.output}`);
  }

  destroy(): void {
    try {
      this.stop('immediate');
    } catch {
      // already gone
    }
    rmSync(this.dir, { recursive: true, force: true });
  }
}

// ---------------------------------------------------------------------------------------------
// Throwaway Redis

export class PrivateRedis {
  private proc: ChildProcess | null = null;
  private exited: Promise<void> = Promise.resolve();
  private constructor(
    readonly port: number,
    private readonly extraArgs: string[] = [],
  ) {}

  /** `extraArgs`: more redis-server options, e.g. ['--replicaof', '127.0.0.1', '6380']. */
  static async create(extraArgs: string[] = []): Promise<PrivateRedis> {
    const r = new PrivateRedis(await freePort(), extraArgs);
    await r.start();
    return r;
  }

  /** redis-cli against this server; returns its output. */
  cli(...args: string[]): string {
    const r = spawnSync('redis-cli', ['-p', String(this.port), ...args], { encoding: 'utf8' });
    return (r.stdout ?? '').trim();
  }

  get url(): string {
    return `redis://127.0.0.1:${this.port}`;
  }

  async start(): Promise<void> {
    mkdirSync(LOG_DIR, { recursive: true });
    const fd = openSync(join(LOG_DIR, `redis-${this.port}.log`), 'a');
    const proc = spawn(
      'redis-server',
      [
        '--port',
        String(this.port),
        '--bind',
        '127.0.0.1',
        '--save',
        '',
        '--appendonly',
        'no',
        // A replica writes the RDB it receives here (not into the checkout).
        '--dir',
        tmpdir(),
        '--dbfilename',
        `leye-redis-${this.port}.rdb`,
        ...this.extraArgs,
      ],
      { stdio: ['ignore', fd, fd] },
    );
    closeSync(fd);
    this.proc = proc;
    this.exited = new Promise((resolve) => proc.once('exit', () => resolve()));
    await waitUntil(`redis on ${this.port}`, () => this.ping(), 15_000);
  }

  private ping(): Promise<boolean> {
    return new Promise((resolve) => {
      const r = spawn('redis-cli', ['-p', String(this.port), 'ping'], {
        stdio: ['ignore', 'pipe', 'ignore'],
      });
      let out = '';
      r.stdout.on('data', (d: Buffer) => (out += d.toString()));
      r.once('exit', () => resolve(out.trim() === 'PONG'));
    });
  }

  async stop(): Promise<void> {
    if (!this.proc) return;
    this.proc.kill('SIGKILL');
    await this.exited;
    this.proc = null;
    rmSync(join(tmpdir(), `leye-redis-${this.port}.rdb`), { force: true });
  }
}

/** A throwaway Redis Sentinel watching `primaryPort` as `mymaster` (quorum 1, quick failover). */
export class PrivateSentinel {
  private constructor(
    readonly port: number,
    private readonly proc: ChildProcess,
    private readonly exited: Promise<void>,
    private readonly dir: string,
  ) {}

  static async create(primaryPort: number, master = 'mymaster'): Promise<PrivateSentinel> {
    const port = await freePort();
    const dir = mkdtempSync(join(tmpdir(), 'leye-sentinel-'));
    const conf = join(dir, 'sentinel.conf');
    writeFileSync(
      conf,
      [
        `port ${port}`,
        'bind 127.0.0.1',
        `dir ${dir}`,
        `sentinel monitor ${master} 127.0.0.1 ${primaryPort} 1`,
        `sentinel down-after-milliseconds ${master} 1000`,
        `sentinel failover-timeout ${master} 5000`,
        '',
      ].join('\n'),
    );
    mkdirSync(LOG_DIR, { recursive: true });
    const fd = openSync(join(LOG_DIR, `sentinel-${port}.log`), 'a');
    const proc = spawn('redis-server', [conf, '--sentinel'], { stdio: ['ignore', fd, fd] });
    closeSync(fd);
    const exited = new Promise<void>((resolve) => proc.once('exit', () => resolve()));
    const s = new PrivateSentinel(port, proc, exited, dir);
    await waitUntil(
      `sentinel on ${port}`,
      () => Promise.resolve(s.primaryPort(master) === primaryPort),
      15_000,
    );
    return s;
  }

  /** The port Sentinel currently names as the primary (NaN when it does not answer). */
  primaryPort(master = 'mymaster'): number {
    const r = spawnSync(
      'redis-cli',
      ['-p', String(this.port), 'SENTINEL', 'get-master-addr-by-name', master],
      {
        encoding: 'utf8',
      },
    );
    return Number((r.stdout ?? '').trim().split('\n')[1]);
  }

  async stop(): Promise<void> {
    this.proc.kill('SIGKILL');
    await this.exited;
    rmSync(this.dir, { recursive: true, force: true });
  }
}
