import { rosterParseChildEnv } from './child-process-env';

describe('rosterParseChildEnv', () => {
  it("passes the allow-list and the marker, never the api's secrets", () => {
    const saved = { ...process.env };
    Object.assign(process.env, { DATABASE_URL: 'postgres://secret', JWT_SECRET: 'secret', PATH: '/bin' });
    try {
      expect(rosterParseChildEnv('/tmp/leye-roster-x')).toEqual({
        PATH: '/bin',
        NODE_ENV: process.env.NODE_ENV ?? '',
        TMPDIR: '/tmp/leye-roster-x',
        LEYE_ROSTER_PARSE: '1',
      });
    } finally {
      process.env = saved;
    }
  });
});
