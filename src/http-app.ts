import type { FastifyHelmetOptions } from '@fastify/helmet';
import cookie from '@fastify/cookie';
import multipart from '@fastify/multipart';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';
import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { FastifyInstance, FastifyReply, FastifyRequest, HookHandlerDoneFunction } from 'fastify';
import { Logger, PARAMS_PROVIDER_TOKEN } from 'nestjs-pino';
import type { Logger as PinoRoot } from 'pino';
import { AppModule } from './app.module';
import { toErrorBody } from './platform/http/domain-errors-http';
import { HttpExceptionFilter } from './platform/http/http-exception.filter';
import { registerRequestLogging } from './platform/logging/request-logging';
import { securityHeaders } from './platform/http/security-headers';
import { createValidationPipe, MAX_BODY_DEPTH, nestsDeeperThan } from './platform/http/validation';
import { AppConfig } from './platform/config/app-config';
import { mountMetrics } from './health/metrics.controller';
import { MetricsService } from './health/metrics.service';
import { buildOpenApiDocument } from './platform/openapi/openapi-document';
import { mountQueueDashboard } from './web/admin/queue-dashboard';
import { WebExceptionFilter } from './web/web-exception.filter';
import { WEB_PATHS } from './web/web-paths';
import { registerWeb } from './web/web-setup';

export const API_PREFIX = 'api/v1';

/** Paths served outside /api/v1 (API.md: health; the web pages add theirs in web/). */
export const UNPREFIXED_PATHS: string[] = [
  'health/live',
  'health/db',
  'health/ready',
  'metrics',
  ...WEB_PATHS,
];

// Swagger UI and Bull Board ship inline scripts and styles; everything else gets the strict policy.
const RELAXED_CSP =
  "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; connect-src 'self'; object-src 'none'; frame-ancestors 'none'; base-uri 'self'";

const REQUEST_ID = /^[A-Za-z0-9._-]{1,64}$/;

const HELMET_OPTIONS: FastifyHelmetOptions = {
  contentSecurityPolicy: {
    directives: {
      defaultSrc: ["'self'"],
      scriptSrc: ["'self'"],
      styleSrc: ["'self'"],
      imgSrc: ["'self'", 'data:'],
      fontSrc: ["'self'"],
      connectSrc: ["'self'"],
      objectSrc: ["'none'"],
      frameAncestors: ["'none'"],
      baseUri: ["'self'"],
      formAction: ["'self'"],
      upgradeInsecureRequests: null,
    },
  },
  crossOriginEmbedderPolicy: false,
};

export async function createHttpApp(
  config: AppConfig,
  module: unknown = AppModule.forConfig(config),
): Promise<NestFastifyApplication> {
  const adapter = new FastifyAdapter({
    bodyLimit: config.bodyLimitBytes,
    trustProxy: config.trustProxy,
    genReqId: (req: IncomingMessage) => {
      const incoming = req.headers['x-request-id'];
      return typeof incoming === 'string' && REQUEST_ID.test(incoming) ? incoming : randomUUID();
    },
    // Connections of the in-flight requests finish on shutdown; idle keep-alive ones are closed.
    forceCloseConnections: 'idle',
    // A URL Fastify cannot route (malformed percent-encoding: "/postings/%zz") in API.md's format.
    frameworkErrors: (error: Error, req: FastifyRequest, reply: FastifyReply) => {
      void reply.code(400).send(toErrorBody(400, error.message, String(req.id)));
    },
  });
  const app = await NestFactory.create<NestFastifyApplication>(module as never, adapter, {
    bufferLogs: true,
  });
  await configureHttpApp(app, config);
  return app;
}

export async function configureHttpApp(app: NestFastifyApplication, config: AppConfig): Promise<void> {
  app.useLogger(app.get(Logger));
  app.setGlobalPrefix(API_PREFIX, { exclude: UNPREFIXED_PATHS });
  app.useGlobalPipes(createValidationPipe());
  // Pages get error pages (and 401 → sign-in); everything else the API's error format.
  app.useGlobalFilters(new WebExceptionFilter(new HttpExceptionFilter()));

  const fastify = app.getHttpAdapter().getInstance();
  // Before every other hook: the app's own lines of a request carry its id (request-logging.ts).
  registerRequestLogging(
    fastify,
    app.get<{ pinoHttp: { logger: PinoRoot } }>(PARAMS_PROVIDER_TOKEN).pinoHttp.logger,
    config.role,
  );
  // Helmet's headers, computed once (security-headers.ts), set from one object on every response.
  const security = await securityHeaders(HELMET_OPTIONS);
  fastify.addHook('onRequest', (_req: FastifyRequest, reply: FastifyReply, done: HookHandlerDoneFunction) => {
    void reply.headers(security);
    done();
  });
  await app.register(cookie as never);
  await registerMultipart(app, fastify, config);
  await registerWeb(app, config);

  // On shutdown, responses still in flight close their keep-alive connection, or the server
  // would wait for the client's idle timeout (72 s) before it could exit (test/fault).
  let closing = false;
  fastify.addHook('preClose', async () => {
    closing = true;
  });
  // Callback hooks, not async ones, on every request: no promise per hook per request (issue 18).
  fastify.addHook(
    'onSend',
    (
      req: FastifyRequest,
      reply: FastifyReply,
      payload: unknown,
      done: (e: Error | null, p: unknown) => void,
    ) => {
      void reply.header('x-request-id', req.id);
      if (closing) void reply.header('connection', 'close');
      if (req.url.startsWith('/api/docs') || req.url.startsWith('/admin/queues')) {
        void reply.header('content-security-policy', RELAXED_CSP);
      }
      done(null, payload);
    },
  );

  // Parsed but not yet validated or handled: a body nested deeper than any DTO is refused here.
  fastify.addHook(
    'preValidation',
    (req: FastifyRequest, reply: FastifyReply, done: HookHandlerDoneFunction) => {
      if (req.body && typeof req.body === 'object' && nestsDeeperThan(req.body, MAX_BODY_DEPTH)) {
        // Answered here: the chain stops (done is not called).
        void reply
          .code(400)
          .send(toErrorBody(400, `body nests deeper than ${MAX_BODY_DEPTH} levels`, String(req.id)));
        return;
      }
      done();
    },
  );

  const metrics = app.get(MetricsService);
  fastify.addHook('onResponse', (req: FastifyRequest, reply: FastifyReply, done: HookHandlerDoneFunction) => {
    const route = req.routeOptions?.url ?? 'unmatched';
    metrics.httpDuration.observe(
      { method: req.method, route, status: String(reply.statusCode) },
      reply.elapsedTime / 1000,
    );
    done();
  });

  await mountQueueDashboard(app, fastify);
  mountMetrics(fastify, metrics, config);

  const document = buildOpenApi(app);
  SwaggerModule.setup('api/docs', app, document, {
    jsonDocumentUrl: 'api/docs-json',
    useGlobalPrefix: false,
  });
}

/**
 * @fastify/multipart, without the async onRequest/onResponse hook pair it adds to every request
 * (a promise each and a 'close' listener per response, issue 18 item 2): they only delete the
 * temporary files of `req.saveRequestFiles()`, which Leye never calls — uploads are streamed
 * (`req.parts()`, `req.file()`) and nothing is written to disk. `saveRequestFiles` is taken away
 * so that a future caller cannot leave files behind unnoticed.
 */
async function registerMultipart(
  app: NestFastifyApplication,
  fastify: FastifyInstance,
  config: AppConfig,
): Promise<void> {
  const { addHook, decorateRequest } = fastify;
  type Fn = (...a: unknown[]) => FastifyInstance;
  fastify.addHook = function (this: FastifyInstance, name: string, ...rest: unknown[]) {
    if (name === 'onRequest' || name === 'onResponse') return this;
    return (addHook as Fn).call(this, name, ...rest);
  };
  fastify.decorateRequest = function (this: FastifyInstance, name: string, ...rest: unknown[]) {
    if (name !== 'saveRequestFiles') return (decorateRequest as Fn).call(this, name, ...rest);
    return (decorateRequest as Fn).call(this, name, () => {
      throw new Error('saveRequestFiles is not available: its cleanup hooks are not registered (http-app.ts)');
    });
  } as typeof fastify.decorateRequest;
  try {
    await app.register(multipart, {
      limits: { fileSize: config.uploadLimitBytes, files: 1, fields: 10 },
      throwFileSizeLimit: true,
    });
  } finally {
    fastify.addHook = addHook;
    fastify.decorateRequest = decorateRequest;
  }
}

export function buildOpenApi(app: NestFastifyApplication): OpenAPIObject {
  return buildOpenApiDocument(app);
}
