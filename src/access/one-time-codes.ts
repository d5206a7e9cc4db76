import { createHmac, randomInt, timingSafeEqual } from 'node:crypto';

/** How long an SMS code lives and how many wrong tries kill it (10^6 codes, 5 tries: 1 in 200 000). */
export const CODE_TTL_SECONDS = 10 * 60;
export const CODE_MAX_ATTEMPTS = 5;
export const CODE_PATTERN = /^\d{6}$/;

export function newCode(): string {
  return String(randomInt(0, 1_000_000)).padStart(6, '0');
}

/**
 * A code as stored: an HMAC under the server's HMAC key, bound to what it unlocks (`scope`: a
 * registration or a claim), so a database dump does not give the six digits away by brute force.
 */
export function codeHash(key: Buffer, scope: string, code: string): string {
  return createHmac('sha256', key).update(`one-time-code|${scope}|${code}`).digest('hex');
}

export function codeMatches(key: Buffer, scope: string, code: string, stored: string | null): boolean {
  if (!stored || !CODE_PATTERN.test(code)) return false;
  const given = Buffer.from(codeHash(key, scope, code));
  const expected = Buffer.from(stored);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

export const codeExpiry = () => new Date(Date.now() + CODE_TTL_SECONDS * 1000);
