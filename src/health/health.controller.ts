import { Controller, Get, Inject, Req, Res } from '@nestjs/common';
import {
  ApiHeader,
  ApiOkResponse,
  ApiOperation,
  ApiServiceUnavailableResponse,
  ApiTags,
} from '@nestjs/swagger';
import { RouteConfig } from '@nestjs/platform-fastify';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type Redis from 'ioredis';
import { Public } from '../access/access.decorator';
import { AppConfig } from '../platform/config/app-config';
import { Deployment } from '../platform/database/deployment';
import { OutboxRelay } from '../platform/database/outbox-relay';
import { PrefixSharing } from '../platform/queue/prefix-sharing';
import { REDIS } from '../platform/redis/redis.module';
import { HealthRepository } from './health.repository';
import { holdsMetricsToken } from './metrics.controller';

/**
 * Route options of the probes' tiny fixed replies: @fastify/compress's per-route hooks are left
 * off (they never compress a reply under its 1 KiB threshold and add no header to one), so a
 * probe pays for no compression decision (issue 18 item 2). Request decompression stays on.
 */
const TINY_REPLY = { compress: false };

type Check = { status: 'up' | 'down'; latencyMs?: number; error?: string };

/** Whose queues these are; down when another installation uses the same prefix (issue 19). */
type QueuesCheck = Check & { deployment?: string; prefix?: string; otherDeployments?: string[] };

/** Events that wait because no route publishes their kind; reported, not a reason to be unready. */
type OutboxCheck = { status: 'up' | 'degraded' | 'unknown'; unrouted?: Record<string, number> };

async function timed(fn: () => Promise<unknown>, timeoutMs = 1500): Promise<Check> {
  const started = Date.now();
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      fn(),
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error('timeout')), timeoutMs);
      }),
    ]);
    return { status: 'up', latencyMs: Date.now() - started };
  } catch (e) {
    return { status: 'down', error: (e as Error).message.slice(0, 200) };
  } finally {
    clearTimeout(timer);
  }
}

/** Outside /api/v1 (API.md). Live: the process answers. Ready: PostgreSQL and Redis answer too. */
@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(
    private readonly repo: HealthRepository,
    @Inject(REDIS) private readonly redis: Redis,
    private readonly deployment: Deployment,
    private readonly sharing: PrefixSharing,
    private readonly relay: OutboxRelay,
    private readonly config: AppConfig,
  ) {}

  @Get('live')
  @ApiOperation({ summary: 'Liveness: the process answers' })
  @Public()
  @RouteConfig(TINY_REPLY)
  @ApiOkResponse({ schema: { example: { status: 'ok' } } })
  live(): { status: string } {
    return { status: 'ok' };
  }

  /**
   * Readiness of the database alone: one `SELECT 1`, nothing else. A probe for orchestrators
   * that gate on PostgreSQL only, and the floor of one database round trip in `npm run bench`.
   */
  @Get('db')
  @ApiOperation({ summary: 'Database check: one round trip to PostgreSQL' })
  @Public()
  @RouteConfig(TINY_REPLY)
  @ApiOkResponse({ schema: { example: { status: 'ok' } } })
  @ApiServiceUnavailableResponse({ description: 'PostgreSQL does not answer' })
  async db(@Res({ passthrough: true }) reply: FastifyReply): Promise<{ status: string }> {
    try {
      // The pool itself, not TypeORM's query runner (HealthRepository, primaryRead).
      await this.repo.selectOne();
      return { status: 'ok' };
    } catch {
      void reply.status(503);
      return { status: 'unavailable' };
    }
  }

  @Get('ready')
  @ApiOperation({ summary: "Readiness: PostgreSQL, Redis and this installation's queues" })
  @Public()
  @ApiOkResponse({
    schema: {
      example: {
        status: 'ok',
        checks: {
          postgres: { status: 'up' },
          redis: { status: 'up' },
          queues: { status: 'up', deployment: '6f1c…', prefix: 'leye-6f1c2a9b04de' },
          outbox: { status: 'up' },
        },
      },
    },
  })
  @ApiServiceUnavailableResponse({
    description: 'A dependency is down, or the queues are shared; checks say which',
  })
  @ApiHeader({
    name: 'X-Metrics-Token',
    required: false,
    description:
      'METRICS_TOKEN: adds the deployment id, queue prefix, other installations on it and unrouted event kinds',
  })
  async ready(
    @Req() req: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<{
    status: string;
    checks: { postgres: Check; redis: Check; queues: QueuesCheck; outbox: OutboxCheck };
  }> {
    const found: { unrouted?: Record<string, number>; others?: string[] } = {};
    const [postgres, redis, sharing] = await Promise.all([
      timed(async () => {
        found.unrouted = await this.relay.unrouted();
      }),
      timed(() => this.redis.ping()),
      timed(async () => {
        found.others = await this.sharing.others();
      }),
    ]);
    const others = found.others ?? [];
    const unrouted = found.unrouted;
    const shared = others.length > 0;
    // Anyone may ask whether we are ready; only operators (METRICS_TOKEN) learn which
    // installation this is, who else shares its queues and which event kinds wait.
    const operator = holdsMetricsToken(this.config, req.headers['x-metrics-token']);
    const queues: QueuesCheck = {
      ...(shared
        ? { status: 'down', error: 'another installation uses this queue prefix (LEYE_QUEUE_PREFIX)' }
        : sharing),
      ...(operator ? { deployment: this.deployment.id, prefix: this.deployment.queuePrefix } : {}),
      ...(shared && operator ? { otherDeployments: others } : {}),
    };
    const outbox: OutboxCheck =
      unrouted === undefined
        ? { status: 'unknown' }
        : Object.keys(unrouted).length
          ? { status: 'degraded', ...(operator ? { unrouted } : {}) }
          : { status: 'up' };
    const ok = postgres.status === 'up' && redis.status === 'up' && queues.status === 'up';
    void reply.status(ok ? 200 : 503);
    return { status: ok ? 'ok' : 'unavailable', checks: { postgres, redis, queues, outbox } };
  }
}
