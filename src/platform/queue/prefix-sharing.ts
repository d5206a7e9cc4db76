import {
  Inject,
  Injectable,
  type BeforeApplicationShutdown,
  type OnApplicationShutdown,
  type OnModuleInit,
} from '@nestjs/common';
import type Redis from 'ioredis';
import { Deployment } from '../database/deployment';
import { REDIS } from '../redis/redis.module';

/** A deployment not seen for this long has stopped (or its database is gone): no longer a sharer. */
const SEEN_WITHIN_MS = 90_000;
const HEARTBEAT_MS = 20_000;

/**
 * Which installations use this queue prefix (issue 19). Every process of an installation marks
 * its deployment id as seen in a sorted set under the prefix (score: when), and a worker that
 * meets a job of another deployment marks that one too. Two live deployments on one prefix
 * means LEYE_QUEUE_PREFIX was pinned to the same value for two databases: /health/ready says so
 * on every process of both, before a job goes astray.
 */
@Injectable()
export class PrefixSharing implements OnModuleInit, BeforeApplicationShutdown, OnApplicationShutdown {
  private timer: NodeJS.Timeout | null = null;

  constructor(
    @Inject(REDIS) private readonly redis: Redis,
    private readonly deployment: Deployment,
  ) {}

  private get key(): string {
    return `${this.deployment.queuePrefix}:deployments`;
  }

  onModuleInit(): void {
    void this.seen(this.deployment.id).catch(() => undefined);
    this.timer = setInterval(() => void this.seen(this.deployment.id).catch(() => undefined), HEARTBEAT_MS);
    this.timer.unref();
  }

  /**
   * A stopped installation stops counting at once (a new database taking over a pinned prefix
   * is not reported for the old one's last minute); another process of the same deployment
   * still running marks it again at its next beat.
   */
  async beforeApplicationShutdown(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.redis.zrem(this.key, this.deployment.id).catch(() => undefined);
  }

  onApplicationShutdown(): void {
    if (this.timer) clearInterval(this.timer);
  }

  /** Marks a deployment as using this prefix now. */
  async seen(deploymentId: string): Promise<void> {
    await this.redis.zadd(this.key, Date.now(), deploymentId);
  }

  /** The other deployments seen on this prefix lately (empty when the prefix is ours alone). */
  async others(): Promise<string[]> {
    const now = Date.now();
    await this.redis
      .multi()
      .zadd(this.key, now, this.deployment.id)
      .zremrangebyscore(this.key, '-inf', now - SEEN_WITHIN_MS)
      .exec();
    const ids = await this.redis.zrange(this.key, 0, -1);
    return ids.filter((id) => id !== this.deployment.id);
  }
}
