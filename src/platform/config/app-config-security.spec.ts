import { ConfigError, loadConfig } from './app-config';

/** What a production start must set anyway (loadConfig refuses to start without them). */
const PRODUCTION = {
  NODE_ENV: 'production',
  JWT_SECRET: 'production-jwt-secret-0123456789abcdef',
  LEYE_PII_KEYS: 'p1:' + Buffer.alloc(32, 1).toString('base64'),
  LEYE_PII_HMAC_KEY: Buffer.alloc(32, 2).toString('base64'),
  LEYE_ADMIN_PASSWORD: 'Production-admin-2026',
};

describe('configuration: demo and robot webhooks (issue 12 items 6 and 7)', () => {
  it('turns the demo off in production unless LEYE_DEMO=true is set explicitly', () => {
    expect(loadConfig({}).demo).toBe(true);
    expect(loadConfig(PRODUCTION).demo).toBe(false);
    expect(loadConfig({ ...PRODUCTION, LEYE_DEMO: 'true' }).demo).toBe(true);
  });

  it('allows the two robot hosts by default and the local-robot switch only under NODE_ENV=test', () => {
    const c = loadConfig(PRODUCTION);
    expect(c.robotHosts).toEqual(['qyapi.weixin.qq.com', 'oapi.dingtalk.com']);
    expect(c.robotAllowLocalForTests).toBe(false);
    for (const env of [PRODUCTION, {}, { NODE_ENV: 'development' }]) {
      expect(() => loadConfig({ ...env, ROBOT_WEBHOOK_ALLOW_LOCAL_FOR_TESTS: 'true' })).toThrow(ConfigError);
    }
    expect(
      loadConfig({ NODE_ENV: 'test', ROBOT_WEBHOOK_ALLOW_LOCAL_FOR_TESTS: 'true' }).robotAllowLocalForTests,
    ).toBe(true);
    expect(() => loadConfig({ ROBOT_WEBHOOK_HOSTS: 'qyapi.weixin.qq.com,http://x' })).toThrow(
      /ROBOT_WEBHOOK_HOSTS/,
    );
  });
});

describe('configuration: NODE_ENV (issue 12, second pass)', () => {
  it('refuses a mistyped NODE_ENV instead of starting with development secrets', () => {
    for (const value of ['prod', 'staging', 'Production', 'dev'])
      expect(() => loadConfig({ ...PRODUCTION, NODE_ENV: value })).toThrow(/NODE_ENV/);
  });

  it('keeps development for unset (npm start on a developer machine), development and test', () => {
    for (const env of [{}, { NODE_ENV: '' }, { NODE_ENV: 'development' }, { NODE_ENV: 'test' }]) {
      const c = loadConfig(env);
      expect(c.production).toBe(false);
      expect(c.demo).toBe(true);
    }
    expect(loadConfig(PRODUCTION).production).toBe(true);
  });
});
