import { Global, Inject, Injectable, Module, type OnApplicationShutdown } from '@nestjs/common';
import type Redis from 'ioredis';
import { AppConfig } from '../config/app-config';
import { connectRedis, type RedisTarget } from './redis-target';

export const REDIS = Symbol('REDIS');

/**
 * The shared client for counters (rate limits) and web sessions. It does not queue commands
 * while Redis is away (`enableOfflineQueue: false`): callers fail fast and fall back, so the
 * API keeps serving when Redis stops (test/fault). BullMQ opens its own connections.
 */
export function createRedis(target: RedisTarget | string, name: string): Redis {
  return connectRedis(target, {
    connectionName: name,
    enableOfflineQueue: false,
    maxRetriesPerRequest: 1,
    lazyConnect: false,
    retryStrategy: (times) => Math.min(times * 200, 2000),
  });
}

@Injectable()
class RedisCloser implements OnApplicationShutdown {
  constructor(@Inject(REDIS) private readonly redis: Redis) {}
  async onApplicationShutdown(): Promise<void> {
    this.redis.disconnect();
  }
}

@Global()
@Module({
  providers: [
    {
      provide: REDIS,
      inject: [AppConfig],
      useFactory: (config: AppConfig) => {
        const r = createRedis(config.redis, 'leye-app');
        r.on('error', () => undefined); // reported by /health/ready, not as unhandled errors
        return r;
      },
    },
    RedisCloser,
  ],
  exports: [REDIS],
})
export class RedisModule {}
