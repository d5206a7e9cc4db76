import type { Params } from 'nestjs-pino';
import type { AppConfig } from '../config/app-config';

/**
 * Paths pino removes from every log line: credentials and personal data never reach the logs
 * (issue 7 scans the whole e2e log for national IDs and phones).
 */
export const REDACT_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["x-csrf-token"]',
  'res.headers["set-cookie"]',
  '*.password',
  '*.newPassword',
  '*.accessToken',
  '*.refreshToken',
  '*.nationalId',
  '*.phone',
  '*.token',
  'password',
  'nationalId',
  'phone',
];

export function loggerParams(config: AppConfig): Params {
  return {
    pinoHttp: {
      level: config.logLevel,
      redact: { paths: REDACT_PATHS, censor: '[redacted]' },
      // The request id Fastify assigned (from X-Request-Id or a new UUID).
      genReqId: (req) => (req as { id?: string }).id ?? 'unknown',
      customProps: () => ({ role: config.role }),
      // Query strings may hold search text or phone numbers typed by residents: log the path only.
      serializers: {
        req: (req: { id: string; method: string; url: string }) => ({
          id: req.id,
          method: req.method,
          path: req.url.split('?')[0],
        }),
        res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
      },
      autoLogging: { ignore: (req) => (req.url ?? '').startsWith('/health') || req.url === '/metrics' },
    },
  };
}
