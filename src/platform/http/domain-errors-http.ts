import type { ErrorBody } from './http-exception.filter';

const NAMES: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  503: 'Service Unavailable',
};

/** An error body in API.md's format for code outside Nest's filter (Fastify hooks). */
export function toErrorBody(statusCode: number, message: string, requestId: string): ErrorBody {
  return { statusCode, error: NAMES[statusCode] ?? 'Error', message, requestId };
}
