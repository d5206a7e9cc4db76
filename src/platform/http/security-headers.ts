import helmet, { type FastifyHelmetOptions } from '@fastify/helmet';
import Fastify from 'fastify';

/**
 * The headers @fastify/helmet sets with `options`, taken once at startup from a throwaway
 * Fastify instance: the set is the same for every response, so the pipeline sets it from a plain
 * object instead of running helmet's middleware chain per request (issue 18 item 2).
 */
export async function securityHeaders(options: FastifyHelmetOptions): Promise<Record<string, string>> {
  const probe = Fastify();
  await probe.register(helmet, options);
  probe.get('/', (_req, reply) => reply.send(''));
  const res = await probe.inject('/');
  await probe.close();
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(res.headers)) {
    if (['content-type', 'content-length', 'date', 'connection', 'keep-alive'].includes(name)) continue;
    out[name] = String(value);
  }
  return out;
}
