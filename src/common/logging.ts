import type { Params } from 'nestjs-pino';
import pino from 'pino';
import type { Options } from 'pino-http';
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
  const options: Options = {
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
  };
  // LOG_FILE: append the lines to a file instead of stdout (the e2e run writes its whole log there,
  // and test/e2e/zz-log-scan.e2e-spec.ts scans it for personal data and credentials).
  const file = process.env.LOG_FILE;
  if (!file) return { pinoHttp: options };
  return { pinoHttp: [options, pino.destination({ dest: file, append: true, mkdir: true, sync: true })] };
}
