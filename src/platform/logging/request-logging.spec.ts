import Fastify, { type FastifyInstance } from 'fastify';
import { storage } from 'nestjs-pino/storage';
import pino from 'pino';
import { CONTEXT_IDLE_MS, registerRequestLogging } from './request-logging';

/*
 * The request context of the app's own lines (nestjs-pino's AsyncLocalStorage): there while a
 * logged request is served, never for probes, and switched off again when no logged request has
 * been in flight for CONTEXT_IDLE_MS, so its async hook stops running on every promise
 * (issue 18 item 2). Real HTTP: the count follows each response's 'close'.
 */

// AsyncLocalStorage's own flag (Node 20): whether it, and so its async hook, is switched on.
const contextOn = (): boolean => (storage as unknown as { enabled: boolean }).enabled;

describe('registerRequestLogging: the request context', () => {
  let app: FastifyInstance;
  let url: string;
  let release!: () => void;
  const held = new Promise<void>((r) => (release = r));

  beforeAll(async () => {
    app = Fastify();
    registerRequestLogging(app, pino({ level: 'silent' }), 'api');
    const seen = () => {
      const logger = storage.getStore()?.logger as { bindings(): Record<string, unknown> } | undefined;
      return { bindings: logger?.bindings() ?? null };
    };
    app.get('/api/v1/thing', async () => {
      await new Promise((r) => setTimeout(r, 5));
      return seen();
    });
    app.get('/health/live', async () => seen());
    app.get('/api/v1/slow', async () => {
      await held;
      return storage.getStore() ? 'in context' : 'lost';
    });
    url = await app.listen({ port: 0, host: '127.0.0.1' });
  });

  afterAll(() => app.close());

  const get = async (path: string) => (await (await fetch(url + path)).json()) as { bindings: unknown };

  it("gives a logged request's lines its req and role, after awaits too; a probe none", async () => {
    expect(await get('/api/v1/thing?q=secret')).toEqual({
      bindings: { req: { id: expect.any(String), method: 'GET', path: '/api/v1/thing' }, role: 'api' },
    });
    expect(await get('/health/live')).toEqual({ bindings: null });
  });

  it('is switched off once no logged request ran for CONTEXT_IDLE_MS, and on again by the next', async () => {
    await get('/api/v1/thing');
    expect(contextOn()).toBe(true);
    // Probes meanwhile do not keep it on.
    await get('/health/live');
    await new Promise((r) => setTimeout(r, CONTEXT_IDLE_MS + 300));
    expect(contextOn()).toBe(false);
    expect(await get('/health/live')).toEqual({ bindings: null });
    expect(contextOn()).toBe(false);

    const again = (await get('/api/v1/thing')) as { bindings: { role?: string } };
    expect(again.bindings.role).toBe('api');
    expect(contextOn()).toBe(true);
  });

  it('stays on while a logged request is still in flight', async () => {
    const pending = fetch(url + '/api/v1/slow').then((r) => r.text());
    await new Promise((r) => setTimeout(r, CONTEXT_IDLE_MS + 300));
    expect(contextOn()).toBe(true);
    release();
    expect(await pending).toBe('in context');
  });
});
