import compress from '@fastify/compress';
import fastifyStatic from '@fastify/static';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyReply, FastifyRequest, HookHandlerDoneFunction } from 'fastify';
import { createHmac } from 'node:crypto';
import { SESSION_COOKIE } from '../access/web-sessions';
import type { AppConfig } from '../platform/config/app-config';
import { STATIC_DIR, STATIC_PREFIX } from './assets';
import { CSRF_COOKIE, CSRF_FIELD, CsrfTokens } from './csrf';
import { LANG_COOKIE, isLang, resolveLang } from '../i18n/web/i18n';
import { ErrorPage } from './pages/error-page';
import { render } from './render';
import { isWebPath } from './web-paths';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
const YEAR_SECONDS = 365 * 24 * 3600;

/**
 * The web layer's Fastify plugins and hooks (called once from configureHttpApp):
 * compression (pages, CSS, JS — and JSON, which weak connections welcome too), static files with
 * year-long caching (their URLs carry a content hash), and for every page request the language,
 * the pre-session CSRF cookie and the CSRF check of every non-GET request.
 */
export async function registerWeb(app: NestFastifyApplication, config: AppConfig): Promise<void> {
  // Only text that pays for it: never a tiny reply (threshold), never an already-packed type.
  await app.register(compress as never, {
    global: true,
    encodings: ['br', 'gzip'],
    threshold: 1024,
    customTypes: /^(text\/(html|css|javascript|plain|csv)|application\/(json|javascript)|image\/svg\+xml)(;|$)/,
  });
  await app.register(fastifyStatic as never, {
    root: STATIC_DIR,
    prefix: STATIC_PREFIX,
    decorateReply: false,
    index: false,
    maxAge: YEAR_SECONDS * 1000,
    immutable: true,
  });

  const tokens = new CsrfTokens(createHmac('sha256', config.jwtSecret).update('leye-web-csrf').digest());
  const cookieBase = { httpOnly: true, sameSite: 'lax' as const, secure: config.cookieSecure, path: '/' };
  const fastify = app.getHttpAdapter().getInstance();

  // Callback hooks, not async ones: they run on every request, the API's and the probes' too,
  // and an async hook costs each request a promise and a microtask (issue 18 item 2).
  fastify.addHook('onRequest', (req: FastifyRequest, reply: FastifyReply, done: HookHandlerDoneFunction) => {
    if (!isWebPath(req.url)) return done();
    const lang = resolveLang(req.query, req.cookies);
    const asked = (req.query as { lang?: unknown } | undefined)?.lang;
    if (isLang(asked) && req.cookies[LANG_COOKIE] !== asked) {
      void reply.setCookie(LANG_COOKIE, asked, { ...cookieBase, maxAge: YEAR_SECONDS });
    }
    let secret = req.cookies[CSRF_COOKIE];
    if (!CsrfTokens.validBrowserSecret(secret)) {
      secret = CsrfTokens.newBrowserSecret();
      // Seen by this request's own check too: a first POST without the cookie fails as it should.
      void reply.setCookie(CSRF_COOKIE, secret, { ...cookieBase, maxAge: YEAR_SECONDS });
    }
    req.leyeWeb = { lang, csrfToken: tokens.token(secret, req.cookies[SESSION_COOKIE]) };
    done();
  });

  // After body parsing, before Nest's guards and handlers: no page handler runs a forged POST.
  fastify.addHook('preHandler', (req: FastifyRequest, reply: FastifyReply, done: HookHandlerDoneFunction) => {
    if (SAFE_METHODS.has(req.method) || !isWebPath(req.url)) return done();
    const body = req.body as Record<string, unknown> | undefined;
    const given =
      (body && typeof body === 'object' ? body[CSRF_FIELD] : undefined) ??
      req.headers['x-csrf-token'] ??
      (req.query as Record<string, unknown> | undefined)?.[CSRF_FIELD];
    if (tokens.verify(req.cookies[CSRF_COOKIE], req.cookies[SESSION_COOKIE], given)) return done();
    // Answered here: done is not called, so the route's handler never runs.
    try {
      render(reply, <ErrorPage status={403} body="error.csrf.body" />, { status: 403 });
    } catch (e) {
      done(e as Error);
    }
  });
}
