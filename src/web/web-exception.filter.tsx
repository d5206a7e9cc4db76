import { type ArgumentsHost, Catch, type ExceptionFilter, Logger } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { RateLimitedError } from '../kernel/domain-errors';
import { type HttpExceptionFilter, toErrorBody } from '../platform/http/http-exception.filter';
import { ErrorPage, type ErrorStatus } from './pages/error-page';
import { redirect, render } from './render';
import { isWebPath } from './web-paths';

const PAGE_STATUSES = new Set<number>([400, 403, 404, 429, 500, 503]);

/**
 * Errors on pages become pages: 401 redirects to the sign-in page (and back afterwards), 403,
 * 404 and the rest render in the layout. Errors of the API (and of everything that is not a
 * page) go to the API's filter unchanged.
 */
@Catch()
export class WebExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('WebExceptionFilter');

  constructor(private readonly api: HttpExceptionFilter) {}

  catch(exception: unknown, host: ArgumentsHost): void {
    if (host.getType() !== 'http') throw exception;
    const req = host.switchToHttp().getRequest<FastifyRequest>();
    if (!isWebPath(req.url)) return this.api.catch(exception, host);
    const reply = host.switchToHttp().getResponse<FastifyReply>();
    const body = toErrorBody(exception, String(req.id));
    if (body.statusCode === 401) {
      const next = req.method === 'GET' ? `?next=${encodeURIComponent(req.url)}` : '';
      void redirect(reply, `/login${next}`);
      return;
    }
    if (body.statusCode >= 500) {
      const err = exception as Error;
      this.logger.error(
        { requestId: req.id, err: { name: err?.name, message: err?.message, stack: err?.stack } },
        'page failed',
      );
    }
    if (exception instanceof RateLimitedError)
      void reply.header('Retry-After', String(exception.retryAfterSeconds));
    const status = (PAGE_STATUSES.has(body.statusCode) ? body.statusCode : 400) as ErrorStatus;
    void render(
      reply,
      <ErrorPage
        status={status}
        retryAfterSeconds={exception instanceof RateLimitedError ? exception.retryAfterSeconds : undefined}
      />,
      { status: body.statusCode },
    );
  }
}
