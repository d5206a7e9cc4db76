import type { FastifyInstance, FastifyReply, FastifyRequest, HookHandlerDoneFunction } from 'fastify';
import { storage, Store } from 'nestjs-pino/storage';
import type { Logger } from 'pino';

/** Probes and scrapes: no request line, no request context (they come every few seconds). */
export function ignoredPath(url: string): boolean {
  return url.startsWith('/health') || url === '/metrics' || url.startsWith('/metrics?');
}

// Query strings may hold search text or phone numbers typed by residents: the path only.
const requestFields = (req: FastifyRequest) => ({
  id: String(req.id),
  method: req.method,
  path: req.url.split('?')[0],
});

/**
 * The request log as Fastify hooks, with the fields pino-http wrote before (issue 18 item 2):
 * one line per request when it ends (`req` {id, method, path}, `role`, `res` {statusCode},
 * `responseTime`; a 5xx as "request errored" with `err`), and the request's `req` and `role` on
 * every line the app writes while serving it (nestjs-pino's Logger reads them from its store). The
 * child logger behind those lines is made only when one is written.
 */
export function registerRequestLogging(fastify: FastifyInstance, root: Logger, role: string): void {
  fastify.addHook('onRequest', (req: FastifyRequest, _reply: FastifyReply, done: HookHandlerDoneFunction) => {
    if (ignoredPath(req.url)) return done();
    let child: Logger | undefined;
    const store = new Store(undefined as unknown as Logger);
    Object.defineProperty(store, 'logger', {
      get: () => (child ??= root.child({ req: requestFields(req), role })),
      set: (l: Logger) => (child = l),
    });
    storage.run(store, done);
  });

  fastify.addHook('onResponse', (req: FastifyRequest, reply: FastifyReply, done: HookHandlerDoneFunction) => {
    if (!ignoredPath(req.url)) {
      const statusCode = reply.statusCode;
      const responseTime = Math.round(reply.elapsedTime);
      const line = { req: requestFields(req), role, res: { statusCode } };
      if (statusCode >= 500)
        root.info(
          { ...line, err: new Error(`failed with status code ${statusCode}`), responseTime },
          'request errored',
        );
      else
        root.info(
          { ...line, responseTime },
          !req.raw.readableAborted && reply.raw.writableEnded ? 'request completed' : 'request aborted',
        );
    }
    done();
  });
}
