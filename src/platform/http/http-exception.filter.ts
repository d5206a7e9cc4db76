import { type ArgumentsHost, Catch, type ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { QueryFailedError } from 'typeorm';
import { DomainError, RateLimitedError } from '../../kernel/domain-errors';
import { ValidationFailedException } from './validation';

const STATUS_NAMES: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  409: 'Conflict',
  413: 'Payload Too Large',
  415: 'Unsupported Media Type',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};

// Errors that mean "a dependency is away", not "we have a bug": answer 503 so clients retry.
const UNAVAILABLE_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'ENOTFOUND',
  '57P01', // admin_shutdown
  '57P02', // crash_shutdown
  '57P03', // cannot_connect_now
  '08000',
  '08003',
  '08006',
  '08001',
  '08004',
  '53300', // too_many_connections
]);

export interface ErrorBody {
  statusCode: number;
  error: string;
  message: string;
  details?: { field: string; message: string }[];
  requestId: string;
  code?: string;
}

// "Query runner already released": TypeORM releases a transaction's query runner when its
// connection errors (PostgreSQL stopped mid-transaction); the transaction's next query then
// throws this instead of the connection error (seen in test/fault/postgres-restart).
const UNAVAILABLE_MESSAGE =
  /Query runner already released|Connection terminated|connection timeout|timeout exceeded when trying to connect|Connection is closed|ECONNREFUSED|ECONNRESET|the database system is (starting up|shutting down|not yet accepting connections|in recovery mode)|terminating connection|server closed the connection|not queryable|Cannot use a pool after calling end|MaxRetriesPerRequest|Stream isn't writeable/i;

/**
 * True when the error means a dependency (PostgreSQL, Redis) is away. Looks through wrappers:
 * TypeORM's driverError, an Error's cause, and AggregateError's errors (Node's connect attempts).
 */
export function isDependencyDown(e: unknown, depth = 0): boolean {
  if (!e || typeof e !== 'object' || depth > 4) return false;
  const err = e as {
    code?: unknown;
    message?: unknown;
    driverError?: unknown;
    cause?: unknown;
    errors?: unknown;
  };
  if (typeof err.code === 'string' && UNAVAILABLE_CODES.has(err.code)) return true;
  if (typeof err.message === 'string' && UNAVAILABLE_MESSAGE.test(err.message)) return true;
  if (isDependencyDown(err.driverError, depth + 1) || isDependencyDown(err.cause, depth + 1)) return true;
  return Array.isArray(err.errors) && err.errors.some((x) => isDependencyDown(x, depth + 1));
}

/** Maps every error to API.md's error format; unknown errors become a logged 500 with a requestId. */
export function toErrorBody(exception: unknown, requestId: string): ErrorBody {
  if (exception instanceof ValidationFailedException) {
    return {
      statusCode: 400,
      error: 'Bad Request',
      message: 'Validation failed',
      details: exception.details,
      requestId,
    };
  }
  if (exception instanceof DomainError) {
    return {
      statusCode: exception.status,
      error: STATUS_NAMES[exception.status] ?? 'Error',
      message: exception.message,
      details: exception.details,
      code: exception.code,
      requestId,
    };
  }
  if (exception instanceof HttpException) {
    const status = exception.getStatus();
    const res = exception.getResponse();
    const message =
      typeof res === 'string'
        ? res
        : Array.isArray((res as { message?: unknown }).message)
          ? (res as { message: string[] }).message.join('; ')
          : typeof (res as { message?: unknown }).message === 'string'
            ? (res as { message: string }).message
            : exception.message;
    return { statusCode: status, error: STATUS_NAMES[status] ?? 'Error', message, requestId };
  }
  const fastifyErr = exception as { statusCode?: number; code?: string; message?: string };
  if (
    typeof fastifyErr?.statusCode === 'number' &&
    fastifyErr.statusCode >= 400 &&
    fastifyErr.statusCode < 500
  ) {
    // Fastify's own client errors: body too large (413), bad JSON (400), bad content type (415).
    return {
      statusCode: fastifyErr.statusCode,
      error: STATUS_NAMES[fastifyErr.statusCode] ?? 'Error',
      message: fastifyErr.message ?? 'Bad request',
      requestId,
    };
  }
  if (isDependencyDown(exception)) {
    return {
      statusCode: 503,
      error: 'Service Unavailable',
      message: 'A dependency is unavailable, retry shortly',
      requestId,
    };
  }
  if (exception instanceof QueryFailedError) {
    const code = (exception as QueryFailedError & { driverError?: { code?: string } }).driverError?.code;
    // A unique violation that slipped past a service's own check (two requests racing).
    if (code === '23505') return { statusCode: 409, error: 'Conflict', message: 'Already exists', requestId };
    // Values PostgreSQL refuses (out of range, bad text encoding): the client's input.
    if (code === '22003' || code === '22P02' || code === '22021' || code === '22007' || code === '22008') {
      return { statusCode: 400, error: 'Bad Request', message: 'Invalid value', requestId };
    }
    // A null for a required column (a PATCH with `"field": null` that a DTO let through), a text
    // too long for its column, a CHECK the row breaks: still the client's input, named when known.
    if (code === '23502' || code === '22001' || code === '23514') {
      const column = (exception as QueryFailedError & { driverError?: { column?: string } }).driverError
        ?.column;
      const message =
        code === '23502' ? 'must not be null' : code === '22001' ? 'is too long' : 'is not allowed';
      return {
        statusCode: 400,
        error: 'Bad Request',
        message: 'Invalid value',
        details: column
          ? [{ field: column.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase()), message }]
          : undefined,
        requestId,
      };
    }
  }
  return { statusCode: 500, error: 'Internal Server Error', message: 'Internal server error', requestId };
}

@Catch()
export class HttpExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('HttpExceptionFilter');

  catch(exception: unknown, host: ArgumentsHost): void {
    if (host.getType() !== 'http') throw exception;
    const ctx = host.switchToHttp();
    const req = ctx.getRequest<FastifyRequest>();
    const reply = ctx.getResponse<FastifyReply>();
    const body = toErrorBody(exception, String(req.id));
    if (body.statusCode >= 500) {
      // Logged once, with the request id; the message only (no request body: it may hold personal data).
      const err = exception as Error;
      this.logger.error(
        { requestId: req.id, err: { name: err?.name, message: err?.message, stack: err?.stack } },
        'request failed',
      );
    }
    if (exception instanceof RateLimitedError)
      void reply.header('Retry-After', String(exception.retryAfterSeconds));
    if (body.statusCode === 503) void reply.header('Retry-After', '5');
    void reply.status(body.statusCode).send(body);
  }
}
