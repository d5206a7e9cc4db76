import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

export const CSRF_COOKIE = 'leye_csrf';
/** The hidden form field (urlencoded forms) or `?_csrf=` (multipart forms) or `x-csrf-token`. */
export const CSRF_FIELD = '_csrf';

const RANDOM = /^[A-Za-z0-9_-]{22,64}$/;

/**
 * CSRF tokens for every web form: an HMAC, under a server key, of this browser's pre-session
 * cookie (`leye_csrf`, httpOnly, set on the first page) and its session cookie (`leye_sid`).
 *
 * Why this and not @fastify/csrf-protection: it is the synchronizer-token pattern without
 * server state — the token is bound to the session (it changes at sign-in and sign-out, a token
 * taken before sign-in is worthless after it) and to a cookie another site cannot read or set
 * through a form, yet a page needs no Redis round trip to make or check one (pages keep working
 * while Redis is away), and the login and registration forms are covered by the same check
 * through the pre-session cookie. Neither cookie is readable by scripts.
 */
export class CsrfTokens {
  constructor(private readonly key: Buffer) {}

  static newBrowserSecret(): string {
    return randomBytes(24).toString('base64url');
  }

  static validBrowserSecret(v: string | undefined): v is string {
    return typeof v === 'string' && RANDOM.test(v);
  }

  token(browserSecret: string, sessionCookie: string | undefined): string {
    return createHmac('sha256', this.key)
      .update(`${browserSecret}|${sessionCookie ?? ''}`)
      .digest('base64url');
  }

  verify(browserSecret: string | undefined, sessionCookie: string | undefined, token: unknown): boolean {
    if (!CsrfTokens.validBrowserSecret(browserSecret) || typeof token !== 'string') return false;
    const expected = Buffer.from(this.token(browserSecret, sessionCookie));
    const given = Buffer.from(token);
    return given.length === expected.length && timingSafeEqual(given, expected);
  }
}
