import Redis, { type RedisOptions } from 'ioredis';

/**
 * Where Redis is: one server (`REDIS_URL`), or a Sentinel-managed primary (`REDIS_SENTINELS`,
 * `REDIS_SENTINEL_MASTER`; then `REDIS_URL` gives only the password and database number). With
 * Sentinel, ioredis asks the Sentinels for the current primary on every (re)connect, so a
 * failover heals like a restart: connections drop, reconnect, and find the new primary.
 */
export interface RedisTarget {
  url: string;
  sentinels: { host: string; port: number }[];
  sentinelMaster: string;
}

/** A new client for the target (or a plain URL, as tests pass) with the given behaviour. */
export function connectRedis(target: RedisTarget | string, options: RedisOptions): Redis {
  if (typeof target === 'string' || !target.sentinels.length)
    return new Redis(typeof target === 'string' ? target : target.url, options);
  return new Redis(sentinelOptions(target, options));
}

export function sentinelOptions(target: RedisTarget, options: RedisOptions): RedisOptions {
  const u = new URL(target.url);
  const db = u.pathname.length > 1 ? Number(u.pathname.slice(1)) : 0;
  return {
    ...options,
    sentinels: target.sentinels,
    name: target.sentinelMaster,
    username: u.username ? decodeURIComponent(u.username) : undefined,
    password: u.password ? decodeURIComponent(u.password) : undefined,
    db,
    // Same capped backoff towards the Sentinels as towards Redis itself.
    sentinelRetryStrategy: (times: number) => Math.min(200 * times, 3000),
  };
}

/** `host:port,host:port` → Sentinel addresses; throws a message naming the bad entry. */
export function parseSentinels(raw: string): { host: string; port: number }[] {
  return raw
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)
    .map((entry) => {
      const m = /^([^:\s]+):(\d{1,5})$/.exec(entry);
      const port = m ? Number(m[2]) : NaN;
      if (!m || port < 1 || port > 65535) throw new Error(`"${entry}" is not host:port`);
      return { host: m[1], port };
    });
}
