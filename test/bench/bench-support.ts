import { spawn, type ChildProcess } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, openSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { cpus, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';
import Redis from 'ioredis';
import { Client } from 'pg';

/*
 * Small helpers of the county benchmark (run.ts): percentiles, the machine's description,
 * databases on the shared server, child processes of the built app and their peak RSS.
 */

export const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

export function percentile(values: number[], p: number): number {
  if (!values.length) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

export function round(x: number, digits = 1): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}

export interface Machine {
  cpus: number;
  cpuModel: string;
  memoryGiB: number;
  node: string;
  postgres: string;
  redis: string;
  platform: string;
  /** 1-minute load average when the run started: other work on the machine skews every figure. */
  loadAverage: number;
}

export async function describeMachine(databaseUrl: string, redisUrl: string): Promise<Machine> {
  const [pg] = await query<{ v: string }>(databaseUrl, "SELECT current_setting('server_version') AS v");
  const redis = new Redis(redisUrl, { lazyConnect: true, maxRetriesPerRequest: 1 });
  let redisVersion = 'unknown';
  try {
    await redis.connect();
    const info = await redis.info('server');
    redisVersion = /redis_version:(\S+)/.exec(info)?.[1] ?? 'unknown';
  } finally {
    redis.disconnect();
  }
  return {
    cpus: cpus().length,
    cpuModel: cpus()[0]?.model.trim() ?? 'unknown',
    memoryGiB: round(totalmem() / 2 ** 30, 1),
    node: process.version,
    postgres: pg.v,
    redis: redisVersion,
    platform: `${process.platform} ${process.arch}`,
    loadAverage: round(loadavg()[0], 1),
  };
}

export function databaseUrlFor(base: string, name: string): string {
  const u = new URL(base);
  u.pathname = `/${name}`;
  return u.toString();
}

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

export async function databaseExists(url: string): Promise<boolean> {
  const admin = databaseUrlFor(url, 'postgres');
  const name = new URL(url).pathname.slice(1);
  const rows = await query(admin, 'SELECT 1 FROM pg_database WHERE datname = $1', [name]);
  return rows.length > 0;
}

export async function dropDatabase(url: string): Promise<void> {
  const name = new URL(url).pathname.slice(1);
  await query(databaseUrlFor(url, 'postgres'), `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
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

export async function waitFor(
  what: string,
  check: () => Promise<boolean> | boolean,
  timeoutMs: number,
  everyMs = 100,
): Promise<number> {
  const started = Date.now();
  let last: unknown;
  while (Date.now() - started < timeoutMs) {
    try {
      if (await check()) return Date.now() - started;
    } catch (e) {
      last = e;
    }
    await sleep(everyMs);
  }
  throw new Error(
    `timed out after ${timeoutMs} ms waiting for ${what}${last instanceof Error ? `: ${last.message}` : ''}`,
  );
}

/** Peak resident set size (VmHWM) of a live process, in MiB; null when /proc is not there. */
export function peakRssMiB(pid: number | undefined): number | null {
  if (!pid) return null;
  const file = `/proc/${pid}/status`;
  if (!existsSync(file)) return null;
  const m = /VmHWM:\s+(\d+)\s+kB/.exec(readFileSync(file, 'utf8'));
  return m ? round(Number(m[1]) / 1024, 0) : null;
}

export interface ChildApp {
  role: 'api' | 'worker';
  url: string;
  proc: ChildProcess;
  logFile: string;
  peakRssMiB(): number | null;
  stop(): Promise<void>;
}

/**
 * Starts the built app (dist/src/main.js next to this file's dist/test/bench/) as a child
 * process, so the benchmark client never shares the server's event loop.
 */
export async function startChild(
  role: 'api' | 'worker',
  env: Record<string, string>,
  logDir: string,
  mainJs = join(__dirname, '..', '..', 'src', 'main.js'),
): Promise<ChildApp> {
  const port = await freePort();
  const healthPort = role === 'worker' ? await freePort() : port;
  mkdirSync(logDir, { recursive: true });
  const logFile = join(logDir, `bench-${role}-${port}.log`);
  const fd = openSync(logFile, 'w');
  // The bench's own V8 flags (npm run bench: the semi-space size of npm start) go to the children.
  const proc = spawn(process.execPath, [...process.execArgv, mainJs], {
    env: {
      PATH: process.env.PATH ?? '/usr/bin:/bin',
      HOME: process.env.HOME ?? '/root',
      // Development mode (built-in secrets, no TLS demands) with production's logging and no demo.
      NODE_ENV: 'development',
      LEYE_ROLE: role,
      PORT: String(port),
      HOST: '127.0.0.1',
      LEYE_DEMO: 'false',
      LEYE_BOOTSTRAP: 'false',
      LEYE_SCHEDULER: 'false',
      LOG_LEVEL: 'warn',
      // A worker has no HTTP; its liveness port answers once the processors run.
      ...(role === 'worker' ? { WORKER_HEALTH_PORT: String(healthPort) } : {}),
      ...env,
    },
    stdio: ['ignore', fd, fd],
  });
  closeSync(fd);
  let exited = false;
  const exit = new Promise<void>((resolve) =>
    proc.once('exit', () => {
      exited = true;
      resolve();
    }),
  );
  const app: ChildApp = {
    role,
    url: `http://127.0.0.1:${port}`,
    proc,
    logFile,
    peakRssMiB: () => peakRssMiB(proc.pid),
    async stop() {
      if (exited) return;
      proc.kill('SIGTERM');
      const t = setTimeout(() => proc.kill('SIGKILL'), 30_000);
      await exit;
      clearTimeout(t);
    },
  };
  await waitFor(
    `${role} to start (log: ${logFile})`,
    async () => {
      if (exited) throw new Error(`${role} exited: ${readFileSync(logFile, 'utf8').slice(-2000)}`);
      return (await fetch(`http://127.0.0.1:${healthPort}/health/live`)).status === 200;
    },
    120_000,
    200,
  );
  return app;
}
