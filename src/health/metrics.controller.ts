import type { FastifyInstance } from 'fastify';
import { createHash, timingSafeEqual } from 'node:crypto';
import { toErrorBody } from '../platform/http/domain-errors-http';
import type { AppConfig } from '../platform/config/app-config';
import type { MetricsService } from './metrics.service';

const digest = (s: string) => createHash('sha256').update(s).digest();

/**
 * Whether a request carries the operators' METRICS_TOKEN in `X-Metrics-Token` (for Nest routes
 * such as /health/ready, where a bearer header is read as a user's login token).
 */
export function holdsMetricsToken(config: AppConfig, header: string | string[] | undefined): boolean {
  if (!config.metricsToken || typeof header !== 'string' || header.length > 512) return false;
  return timingSafeEqual(digest(header), digest(config.metricsToken));
}

/**
 * GET /metrics (Prometheus text format) for a scraper holding METRICS_TOKEN
 * (`Authorization: Bearer …`, Prometheus' `authorization` setting). Route names, queue depths and
 * timings tell an attacker what runs and when, so nobody else reads them; without a configured
 * token the route answers 404. A plain Fastify route, not a Nest one: the access guard would
 * read the bearer as a user's JWT.
 */
export function mountMetrics(fastify: FastifyInstance, metrics: MetricsService, config: AppConfig): void {
  const expected = config.metricsToken ? digest(config.metricsToken) : null;
  fastify.get('/metrics', async (req, reply) => {
    if (!expected) return reply.code(404).send(toErrorBody(404, 'Not Found', String(req.id)));
    const m = /^Bearer (\S{1,512})$/.exec(req.headers.authorization ?? '');
    if (!m || !timingSafeEqual(digest(m[1]), expected)) {
      return reply
        .header('www-authenticate', 'Bearer')
        .code(401)
        .send(toErrorBody(401, 'Metrics need the METRICS_TOKEN bearer token', String(req.id)));
    }
    return reply
      .header('content-type', 'text/plain; version=0.0.4; charset=utf-8')
      .send(await metrics.registry.metrics());
  });
}
