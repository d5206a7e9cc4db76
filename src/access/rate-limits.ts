import { Inject, Injectable } from '@nestjs/common';
import type Redis from 'ioredis';
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';
import { RateLimitedError } from '../kernel/domain-errors';
import { AppConfig } from '../platform/config/app-config';
import { Deployment } from '../platform/database/deployment';
import { REDIS } from '../platform/redis/redis.module';

/** Failed logins one address may make over all phones in a window (a sprayer, not a typo). */
const IP_FAILURES_PER_PHONE_LIMIT = 20;
/** Each failure of a phone (from anywhere) beyond LOGIN_MAX_FAILURES slows its checks by this, up to 3 s. */
const PHONE_SLOWDOWN_STEP_MS = 100;
const PHONE_SLOWDOWN_MAX_MS = 3000;
/**
 * Registration codes one phone may receive per hour from all addresses together, as a multiple
 * of the per-(phone, address) limit: strangers at one address cannot use up the owner's sends,
 * yet the SMS cost and the spam a victim's phone can get stay bounded.
 */
const SMS_PHONE_OVERALL_FACTOR = 6;
/** Wrong roster-link codes one roster resident may receive per day over all claims on them. */
export const LINK_GUESSES_PER_RESIDENT_PER_DAY = 10;

/** One limiter: counters in Redis (shared by every api process) with an in-memory insurance. */
function limiter(
  redis: Redis,
  keyPrefix: string,
  points: number,
  duration: number,
  blockDuration = 0,
): RateLimiterRedis {
  return new RateLimiterRedis({
    storeClient: redis,
    keyPrefix,
    points,
    duration,
    blockDuration,
    // A Redis outage neither opens the gates nor takes login down.
    insuranceLimiter: new RateLimiterMemory({ points, duration, blockDuration }),
  });
}

const retryAfter = (res: RateLimiterRes) => Math.max(1, Math.ceil(res.msBeforeNext / 1000));

/**
 * Rate limits of sign-in, registration and search. Failed logins are counted three ways so that
 * a stranger cannot lock an owner out (issue 12, finding 10):
 * - per (phone, address): the owner's typos and a guesser at one address stop after
 *   LOGIN_MAX_FAILURES, for LOGIN_WINDOW_SECONDS — that address only;
 * - per address: one address guessing many phones stops after LOGIN_MAX_FAILURES × 20;
 * - per phone: failures from everywhere only slow the phone's checks down (up to 3 s), so many
 *   addresses cannot guess fast, yet the right password from any other address still signs in.
 */
@Injectable()
export class RateLimits {
  private readonly authByIp: RateLimiterRedis;
  private readonly loginFailuresByPhoneIp: RateLimiterRedis;
  private readonly loginFailuresByIp: RateLimiterRedis;
  private readonly loginFailuresByPhone: RateLimiterRedis;
  private readonly searchByIp: RateLimiterRedis;
  private readonly smsByPhoneIp: RateLimiterRedis;
  private readonly smsByPhone: RateLimiterRedis;
  private readonly smsByIp: RateLimiterRedis;
  private readonly codeChecksByPhone: RateLimiterRedis;
  private readonly linkSmsByRosterPhone: RateLimiterRedis;
  private readonly linkSmsByClaim: RateLimiterRedis;
  private readonly linkGuessesByResident: RateLimiterRedis;
  private readonly maxFailures: number;

  // Counters live under the installation's prefix (issue 19): two installations on one Redis
  // never count each other's logins.
  constructor(@Inject(REDIS) redis: Redis, config: AppConfig, deployment: Deployment) {
    const prefix = `${deployment.queuePrefix}:rl`;
    const window = config.loginWindowSeconds;
    this.maxFailures = config.loginMaxFailures;
    this.authByIp = limiter(redis, `${prefix}:auth-ip`, config.ipRequestsPerMinute, 60);
    this.loginFailuresByPhoneIp = limiter(redis, `${prefix}:login-fail-pi`, this.maxFailures, window, window);
    this.loginFailuresByIp = limiter(
      redis,
      `${prefix}:login-fail-ip`,
      this.maxFailures * IP_FAILURES_PER_PHONE_LIMIT,
      window,
      window,
    );
    // Only counted (never blocks): the slow-down reads it.
    this.loginFailuresByPhone = limiter(redis, `${prefix}:login-fail-phone`, 1_000_000, window);
    this.searchByIp = limiter(redis, `${prefix}:search-ip`, config.searchRequestsPerMinute, 60);
    // One-time codes cost money and reach a real person's phone: few per phone and per address.
    this.smsByPhoneIp = limiter(redis, `${prefix}:sms-pi`, config.smsCodesPerPhonePerHour, 3600);
    this.smsByPhone = limiter(
      redis,
      `${prefix}:sms-phone`,
      config.smsCodesPerPhonePerHour * SMS_PHONE_OVERALL_FACTOR,
      3600,
    );
    this.smsByIp = limiter(redis, `${prefix}:sms-ip`, config.smsCodesPerAddressPerHour, 3600);
    this.codeChecksByPhone = limiter(redis, `${prefix}:code-check`, 10, 3600);
    // Roster-link codes have buckets of their own: a stranger's claims use up neither the
    // roster phone's registration sends nor each other's resends.
    this.linkSmsByRosterPhone = limiter(
      redis,
      `${prefix}:link-sms-phone`,
      config.smsCodesPerPhonePerHour,
      3600,
    );
    this.linkSmsByClaim = limiter(redis, `${prefix}:link-sms-claim`, config.smsCodesPerPhonePerHour, 3600);
    this.linkGuessesByResident = limiter(
      redis,
      `${prefix}:link-guess`,
      LINK_GUESSES_PER_RESIDENT_PER_DAY,
      86_400,
    );
  }

  private static async take(limiter: RateLimiterRedis, key: string): Promise<void> {
    try {
      await limiter.consume(key);
    } catch (e) {
      if (e instanceof RateLimiterRes) throw new RateLimitedError(retryAfter(e));
      throw e;
    }
  }

  private static async assertOpen(limiter: RateLimiterRedis, key: string): Promise<void> {
    const res = await limiter.get(key).catch(() => null);
    if (res && res.consumedPoints >= limiter.points) throw new RateLimitedError(retryAfter(res));
  }

  /** Every login, registration and refresh call counts against the caller's IP. */
  async authAttempt(ip: string): Promise<void> {
    await RateLimits.take(this.authByIp, ip);
  }

  async search(ip: string): Promise<void> {
    await RateLimits.take(this.searchByIp, ip);
  }

  /**
   * Before a password is checked: refuses this address (for this phone, or altogether) when it
   * failed too often, and slows the check down when the phone failed often from anywhere.
   */
  async beforePasswordCheck(phoneKey: string, ip: string): Promise<void> {
    await RateLimits.assertOpen(this.loginFailuresByPhoneIp, `${phoneKey}:${ip}`);
    await RateLimits.assertOpen(this.loginFailuresByIp, ip);
    const res = await this.loginFailuresByPhone.get(phoneKey).catch(() => null);
    const over = (res?.consumedPoints ?? 0) - this.maxFailures;
    if (over > 0) {
      const ms = Math.min(PHONE_SLOWDOWN_STEP_MS * over, PHONE_SLOWDOWN_MAX_MS);
      await new Promise((resolve) => setTimeout(resolve, ms));
    }
  }

  async loginFailed(phoneKey: string, ip: string): Promise<void> {
    await Promise.all([
      this.loginFailuresByPhoneIp.consume(`${phoneKey}:${ip}`).catch(() => undefined),
      this.loginFailuresByIp.consume(ip).catch(() => undefined),
      this.loginFailuresByPhone.consume(phoneKey).catch(() => undefined),
    ]);
  }

  /** The owner got in from this address: this address's count for the phone starts again. */
  async loginSucceeded(phoneKey: string, ip: string): Promise<void> {
    await this.loginFailuresByPhoneIp.delete(`${phoneKey}:${ip}`).catch(() => undefined);
  }

  /**
   * A registration code is about to be sent to this phone at this address's request: few per
   * (phone, address), a bounded number per phone overall. Roster-link codes draw on their own
   * buckets (linkCode), so a stranger's claim never refuses the owner's own registration.
   */
  async smsCode(phoneKey: string, ip: string): Promise<void> {
    await RateLimits.take(this.smsByIp, ip);
    await RateLimits.take(this.smsByPhoneIp, `${phoneKey}:${ip}`);
    await RateLimits.take(this.smsByPhone, phoneKey);
  }

  /**
   * A roster-link code (the first of a claim or a resend) may go to the roster phone: within the
   * claim's own bucket and the roster phone's link budget. Never throws — the caller answers the
   * same either way and just does not send (issue 12: no oracle on who has a roster phone).
   */
  async linkCode(rosterPhoneKey: string, claimId: string): Promise<boolean> {
    try {
      await this.linkSmsByClaim.consume(claimId);
      await this.linkSmsByRosterPhone.consume(rosterPhoneKey);
      return true;
    } catch (e) {
      if (e instanceof RateLimiterRes) return false;
      throw e;
    }
  }

  /** Whether wrong link codes for this roster resident (over all claims) are still under the cap. */
  async linkGuessesLeft(residentId: string): Promise<boolean> {
    const res = await this.linkGuessesByResident.get(residentId).catch(() => null);
    return (res?.consumedPoints ?? 0) < this.linkGuessesByResident.points;
  }

  async linkGuessFailed(residentId: string): Promise<void> {
    await this.linkGuessesByResident.consume(residentId).catch(() => undefined);
  }

  /** A one-time code for this phone (or claim) is about to be checked. */
  async codeCheck(key: string): Promise<void> {
    await RateLimits.take(this.codeChecksByPhone, key);
  }
}
