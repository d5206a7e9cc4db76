import { parseSentinels, sentinelOptions } from './redis-target';

describe('Redis behind Sentinel: configuration', () => {
  it('reads host:port lists and names a bad entry', () => {
    expect(parseSentinels('10.0.0.1:26379, sentinel-b:26380')).toEqual([
      { host: '10.0.0.1', port: 26379 },
      { host: 'sentinel-b', port: 26380 },
    ]);
    expect(parseSentinels('')).toEqual([]);
    expect(() => parseSentinels('10.0.0.1')).toThrow('"10.0.0.1" is not host:port');
    expect(() => parseSentinels('a:70000')).toThrow('"a:70000" is not host:port');
  });

  it('takes the password and database from REDIS_URL, the primary from Sentinel', () => {
    const o = sentinelOptions(
      {
        url: 'redis://leye:s%40cret@ignored-host:6379/2',
        sentinels: [{ host: 's1', port: 26379 }],
        sentinelMaster: 'leye-primary',
      },
      { connectionName: 'x', maxRetriesPerRequest: null },
    );
    expect(o).toMatchObject({
      sentinels: [{ host: 's1', port: 26379 }],
      name: 'leye-primary',
      username: 'leye',
      password: 's@cret',
      db: 2,
      connectionName: 'x',
      maxRetriesPerRequest: null,
    });
    expect(o.host).toBeUndefined();
  });
});
