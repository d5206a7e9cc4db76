import { randomInt } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type request from 'supertest';
import { devSmsTo } from '../../src/platform/sms/sms-dev-outbox';

type Http = ReturnType<typeof request>;

/*
 * Jest loads this module afresh for every test file, so a counter alone would repeat across
 * files in one run (and a clock-based number can meet another file's). Each module copy takes a
 * random block of the 10^9 numbers and counts up inside it: two files collide only if their
 * random starts fall within the same few hundred numbers (about 1 in 10^5 for a whole run).
 */
let counter = randomInt(0, 999_000_000);
/** A phone number no other test in this run uses (19x… numbers, never real in the demo). */
export function uniquePhone(): string {
  counter += 1;
  return `19${String(counter).padStart(9, '0')}`;
}

export const ADMIN = {
  phone: process.env.LEYE_ADMIN_PHONE ?? '13800000000',
  password: process.env.LEYE_ADMIN_PASSWORD ?? 'Leye-admin-2026',
};
export const PASSWORD = 'Passw0rd-test';

export interface Session {
  token: string;
  refreshToken: string;
  userId: string;
  auth: { Authorization: string };
}

export async function login(http: Http, phone: string, password = PASSWORD): Promise<Session> {
  const res = await http.post('/api/v1/auth/login').send({ phone, password });
  if (res.status !== 200) throw new Error(`login ${phone} failed: ${res.status} ${JSON.stringify(res.body)}`);
  return {
    token: res.body.accessToken,
    refreshToken: res.body.refreshToken,
    userId: res.body.user.id,
    auth: { Authorization: `Bearer ${res.body.accessToken}` },
  };
}

export function loginAdmin(http: Http): Promise<Session> {
  return login(http, ADMIN.phone, ADMIN.password);
}

/** An admin-created staff user (officer, provider, admin, partner-city liaison), signed in. */
export async function staff(
  http: Http,
  admin: Session,
  role: 'officer' | 'provider' | 'admin' | 'liaison',
  scope: { siteIds?: string[]; regionCodes?: string[] } = {},
): Promise<Session & { phone: string }> {
  const phone = uniquePhone();
  const res = await http
    .post('/api/v1/users')
    .set(admin.auth)
    .send({
      phone,
      password: PASSWORD,
      name: `${role} ${phone.slice(-4)}`,
      role,
      scope: { siteIds: scope.siteIds ?? [], regionCodes: scope.regionCodes ?? [] },
    });
  if (res.status !== 201) throw new Error(`create ${role} failed: ${res.status} ${JSON.stringify(res.body)}`);
  return { ...(await login(http, phone)), phone };
}

/**
 * What apps spawned by fault and scale tests "sent" to this phone: each appends its dev SMS
 * outbox to test-output/logs/sms-<port>.jsonl (test/support/processes.ts devSmsFile).
 */
function spawnedSmsTo(phone: string): string[] {
  const dir = join(__dirname, '..', '..', 'test-output', 'logs');
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => /^sms-\d+\.jsonl$/.test(f))
    .flatMap((f) => readFileSync(join(dir, f), 'utf8').split('\n').filter(Boolean))
    .map((l) => JSON.parse(l) as { phone: string; text: string })
    .filter((m) => m.phone === phone)
    .map((m) => m.text);
}

/**
 * The last one-time code the dev SMS outbox holds for this phone: this process's app, else an
 * app this test spawned (phones are unique per run, so another file's message is not this one).
 */
export function lastSmsCode(phone: string): string {
  const own = devSmsTo(phone).map((m) => m.text);
  const texts = own.length ? own : spawnedSmsTo(phone);
  const code = texts
    .reverse()
    .map((t) => /\b(\d{6})\b/.exec(t)?.[1])
    .find(Boolean);
  if (!code) throw new Error(`no SMS code was sent to ${phone} (is LEYE_SMS_DEV_OUTBOX on?)`);
  return code;
}

/**
 * Self-registration as a user does it: POST /auth/register (202, a code goes to the phone), the
 * code read from the dev SMS outbox, POST /auth/register/verify (201). Returns verify's answer.
 */
export async function registerAccount(
  http: Http,
  body: {
    phone: string;
    password?: string;
    name: string;
    role: 'resident' | 'employer';
    [k: string]: unknown;
  },
): Promise<request.Response> {
  const start = await http.post('/api/v1/auth/register').send({ password: PASSWORD, ...body });
  if (start.status !== 202)
    throw new Error(`register ${body.role} failed: ${start.status} ${JSON.stringify(start.body)}`);
  return http
    .post('/api/v1/auth/register/verify')
    .send({ phone: body.phone, code: lastSmsCode(body.phone), ticket: start.body.ticket });
}

/** A self-registered employer account (no employer record yet), signed in. */
export async function employerAccount(http: Http): Promise<Session & { phone: string }> {
  const phone = uniquePhone();
  const res = await registerAccount(http, { phone, name: '测试企业联系人', role: 'employer' });
  if (res.status !== 201)
    throw new Error(`register employer failed: ${res.status} ${JSON.stringify(res.body)}`);
  return { ...(await login(http, phone)), phone };
}

let siteCounter = 0;
/** A site in 文斗镇 (422802107) unless another township is given. */
export async function createSite(
  http: Http,
  admin: Session,
  over: Partial<{ name: string; regionCode: string; latitude: number; longitude: number }> = {},
): Promise<{ id: string; regionCode: string; latitude: number; longitude: number }> {
  siteCounter += 1;
  const body = {
    name: `测试安置点 ${process.pid}-${siteCounter}`,
    regionCode: '422802107',
    latitude: 30.06,
    longitude: 108.75,
    capacity: 500,
    ...over,
  };
  const res = await http.post('/api/v1/sites').set(admin.auth).send(body);
  if (res.status !== 201) throw new Error(`create site failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}
