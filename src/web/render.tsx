import type { FastifyReply, FastifyRequest } from 'fastify';
import { createContext, type VNode } from 'preact';
import { useContext } from 'preact/hooks';
import { renderToString } from 'preact-render-to-string';
import { REQUEST_USER, type AuthUser } from '../access/auth-user';
import { DEFAULT_LANG, type Lang } from '../i18n/web/messages';
import { translator, type Translate } from '../i18n/web/i18n';

/** What the web hooks put on every page request (web-setup.ts). */
export interface WebRequestState {
  lang: Lang;
  csrfToken: string;
}

declare module 'fastify' {
  interface FastifyRequest {
    leyeWeb?: WebRequestState;
  }
}

/** Everything a page component may need about the request, through `useWeb()`. */
export interface WebContext {
  lang: Lang;
  t: Translate;
  /** The signed-in user; undefined on public pages visited anonymously. */
  user: AuthUser | undefined;
  /** The CSRF token for forms of this page (`<Form>` adds it by itself). */
  csrfToken: string;
  /** Path and query of this request, e.g. for `?next=` links. */
  url: string;
  requestId: string;
}

export function webContextOf(req: FastifyRequest): WebContext {
  const state = req.leyeWeb ?? { lang: DEFAULT_LANG, csrfToken: '' };
  return {
    lang: state.lang,
    t: translator(state.lang),
    user: (req as unknown as Record<string, unknown>)[REQUEST_USER] as AuthUser | undefined,
    csrfToken: state.csrfToken,
    url: req.url,
    requestId: String(req.id),
  };
}

const Ctx = createContext<WebContext | null>(null);

/** The request's context inside a page component (only during `render`). */
export function useWeb(): WebContext {
  const ctx = useContext(Ctx);
  if (!ctx) throw new Error('useWeb() outside render()');
  return ctx;
}

/**
 * Sends a page: `<!doctype html>` and the component rendered to a string (preact escapes every
 * text and attribute value). Pages are private and revalidated, never stored by shared caches.
 */
export function render(reply: FastifyReply, page: VNode, opts: { status?: number } = {}): FastifyReply {
  const ctx = webContextOf(reply.request);
  const html = '<!doctype html>' + renderToString(<Ctx.Provider value={ctx}>{page}</Ctx.Provider>);
  return reply
    .status(opts.status ?? 200)
    .header('content-type', 'text/html; charset=utf-8')
    .header('cache-control', 'private, no-cache')
    .header('vary', 'cookie')
    .send(html);
}

/** 303 See Other: after a POST the browser GETs the next page (no resubmission on reload). */
export function redirect(reply: FastifyReply, location: string): FastifyReply {
  return reply.status(303).header('location', location).header('cache-control', 'no-store').send();
}

/** A local path to go to after sign-in or a language switch; anything else becomes `fallback`. */
export function safeNext(next: unknown, fallback = '/'): string {
  if (typeof next !== 'string' || next.length > 2000) return fallback;
  if (!next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return fallback;
  for (let i = 0; i < next.length; i++) if (next.charCodeAt(i) < 0x20) return fallback;
  return next;
}
