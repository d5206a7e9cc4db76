/** Small HTTP helpers for tests that talk to a spawned process (no supertest: it is another process). */
import { randomInt } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { devSmsFile } from '../support/processes';

export interface Answer {
  status: number;
  body: Record<string, unknown>;
  headers: Headers;
}

export async function call(
  base: string,
  method: string,
  path: string,
  opts: { body?: unknown; token?: string; timeoutMs?: number; headers?: Record<string, string> } = {},
): Promise<Answer> {
  const headers: Record<string, string> = { ...opts.headers };
  if (opts.body !== undefined) headers['content-type'] = 'application/json';
  if (opts.token) headers.authorization = `Bearer ${opts.token}`;
  const res = await fetch(`${base}${path}`, {
    method,
    headers,
    body: opts.body === undefined ? undefined : JSON.stringify(opts.body),
    signal: AbortSignal.timeout(opts.timeoutMs ?? 30_000),
  });
  const text = await res.text();
  let body: Record<string, unknown> = {};
  try {
    body = text ? (JSON.parse(text) as Record<string, unknown>) : {};
  } catch {
    body = { text };
  }
  return { status: res.status, body, headers: res.headers };
}

/** Random block per module copy (Jest reloads it per file), counting up: see uniquePhone. */
let n = randomInt(0, 99_000_000);
/** A phone no other request of this run uses (17x… numbers). */
export function faultPhone(): string {
  n += 1;
  return `17${String(n).padStart(9, '0')}`;
}

export const FAULT_PASSWORD = 'Fault-test-2026';

export const ADMIN_PHONE = '13800000000';
export const ADMIN_PASSWORD = 'Leye-admin-2026';

/** The last one-time code the app at `base` "sent" to `phone` (its dev SMS outbox file). */
export function lastSmsCode(base: string, phone: string): string | null {
  const file = devSmsFile(Number(new URL(base).port));
  if (!existsSync(file)) return null;
  const texts = readFileSync(file, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as { phone: string; text: string })
    .filter((m) => m.phone === phone);
  return /\b(\d{6})\b/.exec(texts.at(-1)?.text ?? '')?.[1] ?? null;
}

/**
 * Registers an employer the way a user does (the code step included). The answer is the first
 * step's when it refused (503 while PostgreSQL is away …), else the code step's (201).
 */
export async function registerEmployer(
  base: string,
  phone = faultPhone(),
): Promise<Answer & { phone: string }> {
  const start = await call(base, 'POST', '/api/v1/auth/register', {
    body: { phone, password: FAULT_PASSWORD, name: '故障测试', role: 'employer' },
  });
  if (start.status !== 202) return { ...start, phone };
  const code = lastSmsCode(base, phone);
  if (!code) throw new Error(`no SMS code for ${phone} from ${base}`);
  const a = await call(base, 'POST', '/api/v1/auth/register/verify', {
    body: { phone, code, ticket: start.body.ticket },
  });
  return { ...a, phone };
}

export async function loginToken(base: string, phone: string, password = FAULT_PASSWORD): Promise<string> {
  const a = await call(base, 'POST', '/api/v1/auth/login', { body: { phone, password } });
  if (a.status !== 200) throw new Error(`login ${phone}: ${a.status} ${JSON.stringify(a.body)}`);
  return a.body.accessToken as string;
}
