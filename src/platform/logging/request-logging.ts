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
 * nestjs-pino's request context (its Logger reads `storage.getStore()?.logger`), with the child
 * logger made on the first read: a class with an accessor, not a per-request defineProperty and
 * two closures (issue 18 item 2).
 */
class RequestStore extends Store {
  private child: Logger | undefined;

  constructor(
    private readonly root: Logger,
    private readonly req: FastifyRequest,
    private readonly role: string,
  ) {
    super(undefined as unknown as Logger);
  }

  // @ts-expect-error Store declares `logger` a field; here it is an accessor (same reads and writes)
  override get logger(): Logger {
    return (this.child ??= this.root.child({ req: requestFields(this.req), role: this.role }));
  }

  override set logger(l: Logger) {
    this.child = l;
  }
}

/**
 * How long the request context stays switched on after the last logged request ended: a
 * request's own late work (a line written just after its response) keeps its `req` and `role`.
 */
export const CONTEXT_IDLE_MS = 2000;

/*
 * nestjs-pino's store is an AsyncLocalStorage: on Node 20, once entered it runs an async hook on
 * every promise and async resource the process creates, whichever request creates it (on the
 * liveness route, a quarter of its CPU time). Probes and scrapes never enter it (ignoredPath), so
 * it is switched off again when no logged request has been in flight for CONTEXT_IDLE_MS, and the
 * next logged request switches it on (AsyncLocalStorage.run does). Counted per response 'close',
 * which Node emits once for every response, finished or aborted. Module state: every app of a
 * process shares nestjs-pino's one store.
 */
let contextRequests = 0;
let idleTimer: NodeJS.Timeout | undefined;

function contextRequestClosed(): void {
  if (--contextRequests !== 0) return;
  if (idleTimer) idleTimer.refresh();
  else idleTimer = setTimeout(switchContextOffWhenIdle, CONTEXT_IDLE_MS).unref();
}

function switchContextOffWhenIdle(): void {
  if (contextRequests === 0) storage.disable();
}

/**
 * The request log as Fastify hooks, with the fields pino-http wrote before (issue 18 item 2):
 * one line per request when it ends (`req` {id, method, path}, `role`, `res` {statusCode},
 * `responseTime`; a 5xx as "request errored" with `err`), and the request's `req` and `role` on
 * every line the app writes while serving it (nestjs-pino's Logger reads them from its store). The
 * child logger behind those lines is made only when one is written.
 */
export function registerRequestLogging(fastify: FastifyInstance, root: Logger, role: string): void {
  fastify.addHook('onRequest', (req: FastifyRequest, reply: FastifyReply, done: HookHandlerDoneFunction) => {
    if (ignoredPath(req.url)) return done();
    contextRequests++;
    reply.raw.once('close', contextRequestClosed);
    storage.run(new RequestStore(root, req, role), done);
  });

  fastify.addHook('onResponse', (req: FastifyRequest, reply: FastifyReply, done: HookHandlerDoneFunction) => {
    // The line's objects are built only when the level writes it (the bench runs at warn).
    if (!ignoredPath(req.url) && root.isLevelEnabled('info')) {
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
