import type Redis from 'ioredis';
import { connectRedis, type RedisTarget } from '../redis/redis-target';

/**
 * BullMQ's connections: `maxRetriesPerRequest: null` as BullMQ requires, and reconnects forever
 * with a capped delay, so a Redis restart heals by itself.
 */
export function redisConnection(target: RedisTarget | string, name: string): Redis {
  const r = connectRedis(target, {
    connectionName: name,
    maxRetriesPerRequest: null,
    enableReadyCheck: true,
    retryStrategy: (times) => Math.min(200 * times, 3000),
  });
  r.on('error', () => undefined);
  return r;
}

/** Producers (the api): fail an `add` fast while Redis is away instead of hanging the request. */
export function producerConnection(target: RedisTarget | string, name: string): Redis {
  const r = connectRedis(target, {
    connectionName: name,
    maxRetriesPerRequest: 1,
    enableOfflineQueue: false,
    retryStrategy: (times) => Math.min(200 * times, 3000),
  });
  r.on('error', () => undefined);
  return r;
}
