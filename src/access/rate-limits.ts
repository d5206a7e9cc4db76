import { Inject, Injectable } from '@nestjs/common';
import type Redis from 'ioredis';
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';
import { RateLimitedError } from '../common/domain-errors';
import { AppConfig } from '../config/app-config';
import { REDIS } from '../redis/redis.module';

/**
 * Counters in Redis (shared by every api process), with an in-memory insurance limiter so a
 * Redis outage neither opens the gates nor takes login down.
 */
@Injectable()
export class RateLimits {
  private readonly authByIp: RateLimiterRedis;
  private readonly loginFailuresByPhone: RateLimiterRedis;
  private readonly searchByIp: RateLimiterRedis;

  constructor(@Inject(REDIS) redis: Redis, config: AppConfig) {
    const prefix = `${config.queuePrefix}:rl`;
    this.authByIp = new RateLimiterRedis({
      storeClient: redis,
      keyPrefix: `${prefix}:auth-ip`,
      points: config.ipRequestsPerMinute,
      duration: 60,
      insuranceLimiter: new RateLimiterMemory({ points: config.ipRequestsPerMinute, duration: 60 }),
    });
    this.loginFailuresByPhone = new RateLimiterRedis({
      storeClient: redis,
      keyPrefix: `${prefix}:login-fail`,
      points: config.loginMaxFailures,
      duration: config.loginWindowSeconds,
      blockDuration: config.loginWindowSeconds,
      insuranceLimiter: new RateLimiterMemory({
        points: config.loginMaxFailures,
        duration: config.loginWindowSeconds,
      }),
    });
    this.searchByIp = new RateLimiterRedis({
      storeClient: redis,
      keyPrefix: `${prefix}:search-ip`,
      points: config.searchRequestsPerMinute,
      duration: 60,
      insuranceLimiter: new RateLimiterMemory({ points: config.searchRequestsPerMinute, duration: 60 }),
    });
  }

  private static async take(limiter: RateLimiterRedis, key: string): Promise<void> {
    try {
      await limiter.consume(key);
    } catch (e) {
      if (e instanceof RateLimiterRes)
        throw new RateLimitedError(Math.max(1, Math.ceil(e.msBeforeNext / 1000)));
      throw e;
    }
  }

  /** Every login, registration and refresh call counts against the caller's IP. */
  async authAttempt(ip: string): Promise<void> {
    await RateLimits.take(this.authByIp, ip);
  }

  async search(ip: string): Promise<void> {
    await RateLimits.take(this.searchByIp, ip);
  }

  /** Refuses a phone that has failed too often, before its password is even checked. */
  async assertPhoneNotBlocked(phoneKey: string): Promise<void> {
    const res = await this.loginFailuresByPhone.get(phoneKey).catch(() => null);
    if (res && res.consumedPoints >= this.loginFailuresByPhone.points) {
      throw new RateLimitedError(Math.max(1, Math.ceil(res.msBeforeNext / 1000)));
    }
  }

  async loginFailed(phoneKey: string): Promise<void> {
    await this.loginFailuresByPhone.consume(phoneKey).catch(() => undefined);
  }

  async loginSucceeded(phoneKey: string): Promise<void> {
    await this.loginFailuresByPhone.delete(phoneKey).catch(() => undefined);
  }
}
