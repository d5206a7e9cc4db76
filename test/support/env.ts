import { readTestEnv, testLogFile } from './test-env';

// Every e2e test file runs against the database and queue prefix global setup made.
const env = readTestEnv();
if (env) Object.assign(process.env, env);
// The run's whole log goes to one file (LOG_FILE= to log to the console instead), at info level
// so test/e2e/zz-log-scan.e2e-spec.ts has every request line to scan for personal data.
process.env.LOG_FILE ??= testLogFile();
if (process.env.LOG_FILE) process.env.LOG_LEVEL ??= 'info';
process.env.LOG_LEVEL ??= 'warn';
process.env.LEYE_ROLE = 'api';
process.env.LEYE_BOOTSTRAP = 'false';
process.env.LEYE_DEMO = 'false';
process.env.LEYE_SCHEDULER = 'false';
// The tests' robots listen on 127.0.0.1 over http (honoured with NODE_ENV=test only); the
// address checks themselves are tested with it off (test/e2e/security-channels.e2e-spec.ts).
process.env.ROBOT_WEBHOOK_ALLOW_LOCAL_FOR_TESTS ??= 'true';
// Tests sign in many times from one IP; the limits themselves are tested with their own numbers.
process.env.AUTH_IP_REQUESTS_PER_MINUTE ??= '100000';
process.env.SMS_CODES_PER_ADDRESS_PER_HOUR ??= '1000000';
// One-time SMS codes land in this process's memory, where the factories read them (registerAccount).
process.env.LEYE_SMS_DEV_OUTBOX = 'true';
// GET /metrics takes a bearer token (test/e2e/foundation.e2e-spec.ts reads it with this one).
process.env.METRICS_TOKEN ??= 'test-metrics-token-0123456789';
