import { ConfigError, loadConfig } from './app-config';

describe('configuration: read replicas', () => {
  it('reads DATABASE_REPLICA_URLS as a comma-separated list (none by default)', () => {
    expect(loadConfig({}).databaseReplicaUrls).toEqual([]);
    const c = loadConfig({
      DATABASE_REPLICA_URLS: 'postgres://r1:5432/leye, postgresql://r2:5432/leye',
    });
    expect(c.databaseReplicaUrls).toEqual(['postgres://r1:5432/leye', 'postgresql://r2:5432/leye']);
  });

  it('names the bad entry', () => {
    expect(() => loadConfig({ DATABASE_REPLICA_URLS: 'postgres://r1/leye,redis://r2' })).toThrow(ConfigError);
    expect(() => loadConfig({ DATABASE_REPLICA_URLS: 'postgres://r1/leye,redis://r2' })).toThrow(
      /DATABASE_REPLICA_URLS\[1\]/,
    );
  });
});

describe('configuration: the pool and the log file', () => {
  it('reads DATABASE_POOL_SIZE (20 by default) and refuses a pool of none', () => {
    expect(loadConfig({}).databasePoolSize).toBe(20);
    expect(loadConfig({ DATABASE_POOL_SIZE: '10' }).databasePoolSize).toBe(10);
    expect(() => loadConfig({ DATABASE_POOL_SIZE: '0' })).toThrow(/DATABASE_POOL_SIZE/);
    expect(() => loadConfig({ DATABASE_POOL_SIZE: 'many' })).toThrow(/DATABASE_POOL_SIZE/);
  });

  it('logs to LOG_FILE when it is set, to stdout otherwise', () => {
    expect(loadConfig({}).logFile).toBeNull();
    expect(loadConfig({ LOG_FILE: '/tmp/leye.log' }).logFile).toBe('/tmp/leye.log');
  });
});
