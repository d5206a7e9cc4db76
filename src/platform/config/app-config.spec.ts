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
