import { Controller, Get, Inject, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import type { FastifyReply } from 'fastify';
import type Redis from 'ioredis';
import type { DataSource } from 'typeorm';
import { Public } from '../access/access.decorator';
import { REDIS } from '../redis/redis.module';

type Check = { status: 'up' | 'down'; latencyMs?: number; error?: string };

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
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(REDIS) private readonly redis: Redis,
  ) {}

  @Get('live')
  @ApiOperation({ summary: 'Liveness: the process answers' })
  @Public()
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
  @ApiOkResponse({ schema: { example: { status: 'ok' } } })
  @ApiServiceUnavailableResponse({ description: 'PostgreSQL does not answer' })
  async db(@Res({ passthrough: true }) reply: FastifyReply): Promise<{ status: string }> {
    try {
      await this.dataSource.query('SELECT 1');
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
    schema: { example: { status: 'ok', checks: { postgres: { status: 'up' }, redis: { status: 'up' } } } },
  })
  @ApiServiceUnavailableResponse({ description: 'A dependency is down; checks say which' })
  async ready(
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<{ status: string; checks: Record<string, Check> }> {
    const [postgres, redis] = await Promise.all([
      timed(() => this.dataSource.query('SELECT 1')),
      timed(() => this.redis.ping()),
    ]);
    const ok = postgres.status === 'up' && redis.status === 'up';
    void reply.status(ok ? 200 : 503);
    return { status: ok ? 'ok' : 'unavailable', checks: { postgres, redis } };
  }
}
