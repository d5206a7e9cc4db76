import { readFileSync, existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { projectRoot } from './project-root';
import { parseSentinels, type RedisTarget } from '../redis/redis-target';

export type ProcessRole = 'all' | 'api' | 'worker';

/** Thrown at boot when a variable is missing or malformed; main.ts prints it and exits 1. */
export class ConfigError extends Error {
  constructor(
    readonly variable: string,
    reason: string,
  ) {
    super(`Invalid configuration: ${variable} ${reason}`);
  }
}

export interface PiiKey {
  id: string;
  key: Buffer;
}

/**
 * The whole configuration of a process, read once from the environment and config/*.yaml.
 * Every field is documented in .env.example.
 */
export class AppConfig {
  role!: ProcessRole;
  production!: boolean;
  host!: string;
  port!: number;
  workerHealthPort!: number | null;
  databaseUrl!: string;
  /** Read replicas (DATABASE_REPLICA_URLS); reads that tolerate lag may go there (ReadReplica). */
  databaseReplicaUrls!: string[];
  /** Connections per database server of this process (DATABASE_POOL_SIZE). */
  databasePoolSize!: number;
  /** LOG_FILE: append the log lines to this file instead of stdout (the e2e run's log scan). */
  logFile!: string | null;
  redisUrl!: string;
  /** Where Redis is: REDIS_URL, or the Sentinels of REDIS_SENTINELS (src/platform/redis/redis-target.ts). */
  redis!: RedisTarget;
  /**
   * LEYE_QUEUE_PREFIX, or null: then the prefix derives from the deployment id stored in the
   * database (issue 19), so installations sharing a Redis never share queues by default.
   */
  queuePrefixOverride!: string | null;
  /**
   * The prefix of every BullMQ, rate-limit and web-session key: the override, or '' until the
   * deployment is resolved at boot (src/bootstrap/deployment.provider.ts), which sets it.
   */
  queuePrefix!: string;
  adminPhone!: string;
  adminPassword!: string;
  demo!: boolean;
  bootstrap!: boolean;
  jwtSecret!: string;
  accessTokenTtlSeconds!: number;
  refreshTokenTtlSeconds!: number;
  piiKeys!: PiiKey[];
  piiActiveKeyId!: string;
  piiHmacKey!: Buffer;
  logLevel!: string;
  configDir!: string;
  trustProxy!: boolean;
  cookieSecure!: boolean;
  /** Hosts a site's WeCom/DingTalk robot webhook may point to (ROBOT_WEBHOOK_HOSTS, https only). */
  robotHosts!: string[];
  /** NODE_ENV=test only: robots on 127.0.0.1 over http (ROBOT_WEBHOOK_ALLOW_LOCAL_FOR_TESTS). */
  robotAllowLocalForTests!: boolean;
  smtpUrl!: string | null;
  mailFrom!: string;
  notifyRetryDelayMs!: number;
  loginMaxFailures!: number;
  loginWindowSeconds!: number;
  ipRequestsPerMinute!: number;
  searchRequestsPerMinute!: number;
  bodyLimitBytes!: number;
  uploadLimitBytes!: number;
  workerConcurrency!: number;
  /** Job seekers the worker keeps loaded between ranking jobs (0: none, load every time). */
  matchingCacheSeekers!: number;
  outboxPollMs!: number;
  schedulerEnabled!: boolean;
  /** Bearer token a Prometheus scraper sends to GET /metrics (METRICS_TOKEN); none: /metrics is off. */
  metricsToken!: string | null;
  /** One-time SMS codes (registration, roster link) a phone may be sent per hour. */
  smsCodesPerPhonePerHour!: number;
  /** One-time SMS codes one address may have sent per hour, over all phones. */
  smsCodesPerAddressPerHour!: number;
  /** Records every SMS in memory and the log for tests and development (LEYE_SMS_DEV_OUTBOX, default on outside production); never in production. */
  smsDevOutbox!: boolean;
  /** Also appends the dev outbox's messages to this file (LEYE_SMS_DEV_OUTBOX_FILE; tests of spawned processes). */
  smsDevOutboxFile!: string | null;

  /** Reads an operator file under config/ (YAML). */
  readYaml<T>(name: string): T {
    const file = join(this.configDir, name);
    if (!existsSync(file)) throw new ConfigError('LEYE_CONFIG_DIR', `has no ${name} (looked in ${file})`);
    return parseYaml(readFileSync(file, 'utf8')) as T;
  }
}

// Development-only keys: deterministic so a restarted dev server can still read what it wrote.
// Production refuses to start without real ones (see loadConfig).
const DEV_PII_KEY = 'dev1:' + Buffer.alloc(32, 7).toString('base64');
const DEV_HMAC_KEY = Buffer.alloc(32, 9).toString('base64');
const DEV_JWT_SECRET = 'leye-development-jwt-secret-change-me-0123456789';

type Env = Record<string, string | undefined>;

function str(env: Env, name: string, fallback?: string): string {
  const v = env[name];
  if (v === undefined || v === '') {
    if (fallback === undefined) throw new ConfigError(name, 'is required');
    return fallback;
  }
  return v;
}

function int(env: Env, name: string, fallback: number, min = 0, max = Number.MAX_SAFE_INTEGER): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (!/^-?\d+$/.test(raw)) throw new ConfigError(name, `must be an integer, got "${raw}"`);
  const n = Number(raw);
  if (n < min || n > max) throw new ConfigError(name, `must be between ${min} and ${max}, got ${n}`);
  return n;
}

function bool(env: Env, name: string, fallback: boolean): boolean {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (['true', '1', 'yes'].includes(raw.toLowerCase())) return true;
  if (['false', '0', 'no'].includes(raw.toLowerCase())) return false;
  throw new ConfigError(name, `must be true or false, got "${raw}"`);
}

function url(env: Env, name: string, fallback: string, protocols: string[]): string {
  const v = str(env, name, fallback);
  let parsed: URL;
  try {
    parsed = new URL(v);
  } catch {
    throw new ConfigError(name, 'is not a valid URL');
  }
  if (!protocols.includes(parsed.protocol)) {
    throw new ConfigError(name, `must use ${protocols.join(' or ')}, got ${parsed.protocol}`);
  }
  return v;
}

function key32(name: string, b64: string): Buffer {
  const buf = Buffer.from(b64, 'base64');
  if (buf.length !== 32) throw new ConfigError(name, 'must be 32 bytes, base64-encoded');
  return buf;
}

export function loadConfig(env: Env = process.env): AppConfig {
  const c = new AppConfig();
  const role = str(env, 'LEYE_ROLE', 'all');
  if (role !== 'all' && role !== 'api' && role !== 'worker') {
    throw new ConfigError('LEYE_ROLE', `must be all, api or worker, got "${role}"`);
  }
  c.role = role;
  // Development defaults (dev secrets, the SMS outbox, the demo) only where they are meant: a
  // mistyped NODE_ENV (prod, staging …) must not start a server with them. Unset is how
  // `npm start` runs on a developer's machine (README), so unset stays development.
  const nodeEnv = env.NODE_ENV || 'development';
  if (!['production', 'development', 'test'].includes(nodeEnv))
    throw new ConfigError('NODE_ENV', `must be production, development or test (or unset), got "${nodeEnv}"`);
  c.production = nodeEnv === 'production';
  c.host = str(env, 'HOST', '0.0.0.0');
  c.port = int(env, 'PORT', 3000, 0, 65535);
  const hp = int(env, 'WORKER_HEALTH_PORT', 0, 0, 65535);
  c.workerHealthPort = hp === 0 ? null : hp;
  c.databaseUrl = url(env, 'DATABASE_URL', 'postgres://postgres@127.0.0.1:5432/leye', [
    'postgres:',
    'postgresql:',
  ]);
  c.databaseReplicaUrls = (env.DATABASE_REPLICA_URLS ?? '')
    .split(',')
    .map((u) => u.trim())
    .filter(Boolean)
    .map((u, i) =>
      url({ [`DATABASE_REPLICA_URLS[${i}]`]: u }, `DATABASE_REPLICA_URLS[${i}]`, u, [
        'postgres:',
        'postgresql:',
      ]),
    );
  c.redisUrl = url(env, 'REDIS_URL', 'redis://127.0.0.1:6379', ['redis:', 'rediss:']);
  let sentinels: RedisTarget['sentinels'] = [];
  try {
    sentinels = parseSentinels(env.REDIS_SENTINELS ?? '');
  } catch (e) {
    throw new ConfigError(
      'REDIS_SENTINELS',
      `must be a comma-separated list of host:port (${(e as Error).message})`,
    );
  }
  c.redis = { url: c.redisUrl, sentinels, sentinelMaster: str(env, 'REDIS_SENTINEL_MASTER', 'mymaster') };
  c.queuePrefixOverride = env.LEYE_QUEUE_PREFIX ? env.LEYE_QUEUE_PREFIX : null;
  if (c.queuePrefixOverride !== null && !/^[a-zA-Z0-9_-]+$/.test(c.queuePrefixOverride))
    throw new ConfigError('LEYE_QUEUE_PREFIX', 'may hold letters, digits, _ and - only');
  c.queuePrefix = c.queuePrefixOverride ?? '';
  c.adminPhone = str(env, 'LEYE_ADMIN_PHONE', '13800000000');
  if (!/^1\d{10}$/.test(c.adminPhone))
    throw new ConfigError('LEYE_ADMIN_PHONE', 'must be an 11-digit mainland mobile number');
  c.adminPassword = str(env, 'LEYE_ADMIN_PASSWORD', c.production ? undefined : 'Leye-admin-2026');
  if (c.adminPassword.length < 10)
    throw new ConfigError('LEYE_ADMIN_PASSWORD', 'must be at least 10 characters');
  // Demo accounts have published passwords: in production the demo loads only when LEYE_DEMO=true
  // is set on purpose (issue 12 item 6).
  c.demo = bool(env, 'LEYE_DEMO', !c.production);
  c.bootstrap = bool(env, 'LEYE_BOOTSTRAP', role === 'all');
  c.jwtSecret = str(env, 'JWT_SECRET', c.production ? undefined : DEV_JWT_SECRET);
  if (c.jwtSecret.length < 32) throw new ConfigError('JWT_SECRET', 'must be at least 32 characters');
  c.accessTokenTtlSeconds = int(env, 'ACCESS_TOKEN_TTL_SECONDS', 900, 30, 86400);
  c.refreshTokenTtlSeconds = int(env, 'REFRESH_TOKEN_TTL_SECONDS', 30 * 86400, 60, 365 * 86400);

  const keySpec = str(env, 'LEYE_PII_KEYS', c.production ? undefined : DEV_PII_KEY);
  c.piiKeys = keySpec.split(',').map((part) => {
    const [id, b64] = part.split(':');
    if (!id || !b64 || !/^[a-zA-Z0-9]{1,16}$/.test(id)) {
      throw new ConfigError('LEYE_PII_KEYS', 'must be a comma-separated list of keyId:base64Key');
    }
    return { id, key: key32('LEYE_PII_KEYS', b64) };
  });
  c.piiActiveKeyId = str(env, 'LEYE_PII_ACTIVE_KEY', c.piiKeys[c.piiKeys.length - 1].id);
  if (!c.piiKeys.some((k) => k.id === c.piiActiveKeyId)) {
    throw new ConfigError('LEYE_PII_ACTIVE_KEY', `names no key of LEYE_PII_KEYS ("${c.piiActiveKeyId}")`);
  }
  c.piiHmacKey = key32(
    'LEYE_PII_HMAC_KEY',
    str(env, 'LEYE_PII_HMAC_KEY', c.production ? undefined : DEV_HMAC_KEY),
  );

  c.logLevel = str(env, 'LOG_LEVEL', 'info');
  if (!['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'].includes(c.logLevel)) {
    throw new ConfigError('LOG_LEVEL', `must be one of fatal, error, warn, info, debug, trace, silent`);
  }
  c.configDir = resolve(str(env, 'LEYE_CONFIG_DIR', join(projectRoot(), 'config')));
  if (!existsSync(c.configDir)) throw new ConfigError('LEYE_CONFIG_DIR', `does not exist: ${c.configDir}`);
  c.trustProxy = bool(env, 'TRUST_PROXY', false);
  c.cookieSecure = bool(env, 'COOKIE_SECURE', c.production);
  c.robotHosts = str(env, 'ROBOT_WEBHOOK_HOSTS', 'qyapi.weixin.qq.com,oapi.dingtalk.com')
    .split(',')
    .map((h) => h.trim().toLowerCase())
    .filter(Boolean);
  if (c.robotHosts.some((h) => !/^[a-z0-9.-]+$/.test(h)))
    throw new ConfigError('ROBOT_WEBHOOK_HOSTS', 'must be a comma-separated list of host names');
  // Lets robots on 127.0.0.1 receive (the tests' local robots); refused elsewhere so that no
  // production configuration can open the webhooks to internal addresses by accident.
  c.robotAllowLocalForTests = bool(env, 'ROBOT_WEBHOOK_ALLOW_LOCAL_FOR_TESTS', false);
  if (c.robotAllowLocalForTests && env.NODE_ENV !== 'test')
    throw new ConfigError('ROBOT_WEBHOOK_ALLOW_LOCAL_FOR_TESTS', 'is honoured only with NODE_ENV=test');
  c.smtpUrl = env.SMTP_URL ? url(env, 'SMTP_URL', '', ['smtp:', 'smtps:']) : null;
  c.mailFrom = str(env, 'MAIL_FROM', 'Leye <noreply@leye.local>');
  c.notifyRetryDelayMs = int(env, 'NOTIFY_RETRY_DELAY_MS', 5000, 10, 3_600_000);
  c.loginMaxFailures = int(env, 'LOGIN_MAX_FAILURES', 5, 1, 1000);
  c.loginWindowSeconds = int(env, 'LOGIN_WINDOW_SECONDS', 900, 1, 86400);
  c.ipRequestsPerMinute = int(env, 'AUTH_IP_REQUESTS_PER_MINUTE', 30, 1, 100000);
  c.searchRequestsPerMinute = int(env, 'SEARCH_REQUESTS_PER_MINUTE', 600, 1, 10000000);
  c.bodyLimitBytes = int(env, 'BODY_LIMIT_BYTES', 256 * 1024, 1024);
  c.uploadLimitBytes = int(env, 'UPLOAD_LIMIT_BYTES', 10 * 1024 * 1024, 1024);
  c.workerConcurrency = int(env, 'WORKER_CONCURRENCY', 4, 1, 64);
  c.matchingCacheSeekers = int(env, 'MATCHING_CACHE_SEEKERS', 200_000, 0, 10_000_000);
  c.outboxPollMs = int(env, 'OUTBOX_POLL_MS', 500, 10, 60000);
  c.schedulerEnabled = bool(env, 'LEYE_SCHEDULER', true);
  c.metricsToken = env.METRICS_TOKEN ? str(env, 'METRICS_TOKEN') : null;
  if (c.metricsToken && c.metricsToken.length < 16)
    throw new ConfigError('METRICS_TOKEN', 'must be at least 16 characters');
  c.smsCodesPerPhonePerHour = int(env, 'SMS_CODES_PER_PHONE_PER_HOUR', 5, 1, 1000);
  c.smsCodesPerAddressPerHour = int(env, 'SMS_CODES_PER_ADDRESS_PER_HOUR', 50, 1, 10_000_000);
  c.smsDevOutbox = bool(env, 'LEYE_SMS_DEV_OUTBOX', !c.production);
  if (c.smsDevOutbox && c.production)
    throw new ConfigError('LEYE_SMS_DEV_OUTBOX', 'records one-time codes; it is refused in production');
  c.smsDevOutboxFile = env.LEYE_SMS_DEV_OUTBOX_FILE || null;
  c.databasePoolSize = int(env, 'DATABASE_POOL_SIZE', 20, 1, 1000);
  c.logFile = env.LOG_FILE || null;
  if (c.smsDevOutboxFile && !c.smsDevOutbox)
    throw new ConfigError('LEYE_SMS_DEV_OUTBOX_FILE', 'needs LEYE_SMS_DEV_OUTBOX=true');
  return c;
}
