import type { Params } from 'nestjs-pino';
import pino, { type Logger } from 'pino';
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

/**
 * The process's one pino logger: Nest's Logger writes through it (nestjs-pino), and so do the
 * request lines of request-logging.ts. Redaction is compiled once here and applied only to lines
 * actually written.
 */
export function rootLogger(config: AppConfig): Logger {
  const options = { level: config.logLevel, redact: { paths: REDACT_PATHS, censor: '[redacted]' } };
  // LOG_FILE: append the lines to a file instead of stdout (the e2e run writes its whole log there,
  // and test/e2e/zz-log-scan.e2e-spec.ts scans it for personal data and credentials).
  const file = config.logFile;
  if (!file) return pino(options);
  return pino(options, pino.destination({ dest: file, append: true, mkdir: true, sync: true }));
}

/**
 * nestjs-pino without its pino-http middleware (`forRoutes: []`): that ran through Nest's
 * middleware layer (@fastify/middie) and built a child logger per request, ignored or not
 * (issue 18). The request lines and the request context of the app's own lines come from the
 * Fastify hooks of request-logging.ts instead.
 */
export function loggerParams(config: AppConfig): Params {
  return { pinoHttp: { logger: rootLogger(config) }, forRoutes: [] };
}
