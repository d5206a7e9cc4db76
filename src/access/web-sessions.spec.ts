import type { FastifyRequest } from 'fastify';
import type Redis from 'ioredis';
import type { AppConfig } from '../platform/config/app-config';
import type { AuthService } from './auth.service';
import type { AuthUser } from './auth-user';
import { WebSessions } from './web-sessions';

const TOKEN = 'a'.repeat(43);
const user = { id: 'u1', role: 'resident' } as AuthUser;

function make(redis: Partial<Redis>, loaded: AuthUser | null = user) {
  const auth = { loadAuthUser: jest.fn().mockResolvedValue(loaded) } as unknown as AuthService;
  const config = { queuePrefix: 'leye_t' } as AppConfig;
  return { sessions: new WebSessions(auth, redis as Redis, config), auth };
}
const req = (cookie?: string) =>
  ({ cookies: cookie ? { leye_sid: cookie } : {}, ip: '127.0.0.1', id: 'r1' }) as unknown as FastifyRequest;

describe('WebSessions.identify', () => {
  it('finds the user behind a stored token, renewing its idle timeout', async () => {
    const getex = jest.fn().mockResolvedValue(JSON.stringify({ u: 'u1', s: 's1' }));
    const { sessions, auth } = make({ getex });
    await expect(sessions.identify(req(TOKEN))).resolves.toBe(user);
    expect(getex).toHaveBeenCalledWith(
      expect.stringMatching(/^leye_t:websess:[0-9a-f]{64}$/),
      'EX',
      7 * 24 * 3600,
    );
    // The key is the token's hash, never the token.
    expect(getex.mock.calls[0][0]).not.toContain(TOKEN);
    expect(auth.loadAuthUser).toHaveBeenCalledWith('u1', 's1', '127.0.0.1', 'r1');
  });

  it('treats a missing, malformed or unknown cookie as signed out', async () => {
    const getex = jest.fn().mockResolvedValue(null);
    const { sessions } = make({ getex });
    await expect(sessions.identify(req())).resolves.toBeNull();
    await expect(sessions.identify(req('short'))).resolves.toBeNull();
    expect(getex).not.toHaveBeenCalled();
    await expect(sessions.identify(req(TOKEN))).resolves.toBeNull();
  });

  it('treats everyone as signed out while Redis is away (no error reaches the page)', async () => {
    const getex = jest
      .fn()
      .mockRejectedValue(new Error("Stream isn't writeable and enableOfflineQueue options is false"));
    const { sessions } = make({ getex });
    await expect(sessions.identify(req(TOKEN))).resolves.toBeNull();
  });

  it('is signed out when the AuthSession was revoked in PostgreSQL', async () => {
    const getex = jest.fn().mockResolvedValue(JSON.stringify({ u: 'u1', s: 's1' }));
    const { sessions } = make({ getex }, null);
    await expect(sessions.identify(req(TOKEN))).resolves.toBeNull();
  });
});
