import type { EntityManager } from 'typeorm';
import type { LoadedResident } from './candidate.loader';
import { SEEKER_CACHE_MAX_IDLE_MS, SeekerCache } from './seeker-cache';

/** A fake database: residents per site, and the sites changed since the last sync. */
function fakeDb() {
  const residents = new Map<string, string[]>(); // site → resident ids
  let changed: string[] = [];
  let snap = 0;
  const loads: string[][] = [];
  const manager = {
    query: (sql: string) => {
      snap += 1;
      if (sql.includes('matching_change')) {
        const out = [{ snap: String(snap), changed }];
        changed = [];
        return Promise.resolve(out);
      }
      return Promise.resolve([{ snap: String(snap) }]);
    },
  } as unknown as EntityManager;
  const load = (ids: string[]): Promise<LoadedResident[]> => {
    loads.push([...ids]);
    return Promise.resolve(
      ids.flatMap((site) =>
        (residents.get(site) ?? []).map(
          (id) => ({ input: { id, siteId: site } }) as unknown as LoadedResident,
        ),
      ),
    );
  };
  return {
    residents,
    loads,
    manager,
    load,
    change: (...sites: string[]) => (changed = [...changed, ...sites]),
  };
}

const ids = (rs: LoadedResident[]): string[] => rs.map((r) => r.input.id);

describe('SeekerCache', () => {
  it('loads a site once, and again only after a change to it', async () => {
    const db = fakeDb();
    db.residents.set('A', ['a1', 'a2']).set('B', ['b1']);
    const cache = new SeekerCache(100, (s) => db.load(s));
    expect(ids(await cache.seekersOfSites(['A', 'B'], db.manager))).toEqual(['a1', 'a2', 'b1']);
    expect(ids(await cache.seekersOfSites(['A', 'B'], db.manager))).toEqual(['a1', 'a2', 'b1']);
    expect(db.loads).toEqual([['A', 'B']]);

    db.residents.set('B', ['b1', 'b2']);
    db.change('B');
    expect(ids(await cache.seekersOfSites(['A', 'B'], db.manager))).toEqual(['a1', 'a2', 'b1', 'b2']);
    expect(db.loads).toEqual([['A', 'B'], ['B']]);
    expect(cache.stats()).toMatchObject({ sites: 2, seekers: 4, invalidated: 1 });
  });

  it('reuses the farthest commute per site until any site changes', async () => {
    const db = fakeDb();
    const cache = new SeekerCache(100, (s) => db.load(s));
    let reads = 0;
    let reach = new Map([['A', 10]]);
    const load = () => {
      reads += 1;
      return Promise.resolve(reach);
    };
    expect(await cache.maxCommuteBySite(db.manager, load)).toEqual(new Map([['A', 10]]));
    expect(await cache.maxCommuteBySite(db.manager, load)).toEqual(new Map([['A', 10]]));
    expect(reads).toBe(1);

    // A seeker of A now accepts 40 km: the next posting must see A's wider reach.
    reach = new Map([['A', 40]]);
    db.change('A');
    expect(await cache.maxCommuteBySite(db.manager, load)).toEqual(new Map([['A', 40]]));
    expect(reads).toBe(2);
  });

  it('keeps at most maxSeekers, dropping the least recently used sites first', async () => {
    const db = fakeDb();
    db.residents.set('A', ['a1', 'a2']).set('B', ['b1', 'b2']).set('C', ['c1', 'c2']);
    const cache = new SeekerCache(4, (s) => db.load(s));
    await cache.seekersOfSites(['A'], db.manager);
    await cache.seekersOfSites(['B'], db.manager);
    await cache.seekersOfSites(['A'], db.manager); // A is now the most recently used
    await cache.seekersOfSites(['C'], db.manager); // over the bound: B goes
    expect(cache.stats()).toMatchObject({ sites: 2, seekers: 4 });
    expect(cache.cachedOf(['A', 'B', 'C']).uncached).toEqual(['B']);
  });

  it('does not cache a load that a concurrent sync proved out of date', async () => {
    const db = fakeDb();
    db.residents.set('A', ['old']);
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    let first = true;
    const cache = new SeekerCache(100, async (s) => {
      const rows = await db.load(s); // read now…
      if (first && s.includes('A')) {
        first = false;
        await gate; // …but stored only after another job's sync saw A change
      }
      return rows;
    });
    await cache.seekersOfSites(['B'], db.manager); // the first sync
    const slow = cache.seekersOfSites(['A'], db.manager);
    await new Promise((r) => setImmediate(r));
    db.residents.set('A', ['new']);
    db.change('A');
    expect(ids(await cache.seekersOfSites(['A'], db.manager))).toEqual(['new']);
    release();
    expect(ids(await slow)).toEqual(['old']); // that job got what it read…
    expect(ids(await cache.seekersOfSites(['A'], db.manager))).toEqual(['new']); // …the cache kept the new
  });

  it('starts over after being idle longer than the change log is kept', async () => {
    const db = fakeDb();
    db.residents.set('A', ['a1']);
    let now = 0;
    const cache = new SeekerCache(
      100,
      (s) => db.load(s),
      () => now,
    );
    await cache.seekersOfSites(['A'], db.manager);
    now += SEEKER_CACHE_MAX_IDLE_MS + 1;
    await cache.seekersOfSites(['A'], db.manager);
    expect(db.loads).toEqual([['A'], ['A']]);
    expect(cache.stats().resets).toBe(1);
  });

  it('with maxSeekers 0 it loads every time', async () => {
    const db = fakeDb();
    db.residents.set('A', ['a1']);
    const cache = new SeekerCache(0, (s) => db.load(s));
    await cache.seekersOfSites(['A'], db.manager);
    await cache.seekersOfSites(['A'], db.manager);
    expect(db.loads).toEqual([['A'], ['A']]);
  });

  it('warms site by site, stops at the first site that would not fit, and reads no warmed site again', async () => {
    const db = fakeDb();
    db.residents.set('A', ['a1', 'a2']).set('B', ['b1', 'b2']).set('C', ['c1']);
    const cache = new SeekerCache(3, (s) => db.load(s));
    // A fits (2 of 3); B would make 4: the warm stops there, and C is never read.
    expect(await cache.warm(['A', 'B', 'C'], db.manager, 1)).toBe(2);
    expect(db.loads).toEqual([['A'], ['B']]);
    expect(ids(await cache.seekersOfSites(['A'], db.manager))).toEqual(['a1', 'a2']);
    expect(db.loads).toEqual([['A'], ['B']]);
    expect(cache.stats()).toMatchObject({ sites: 1, seekers: 2, hits: 1 });
  });

  it('warms only the sites not cached yet', async () => {
    const db = fakeDb();
    db.residents.set('A', ['a1']).set('B', ['b1']);
    const cache = new SeekerCache(100, (s) => db.load(s));
    await cache.seekersOfSites(['A'], db.manager);
    expect(await cache.warm(['A', 'B'], db.manager)).toBe(2);
    expect(db.loads).toEqual([['A'], ['B']]);
  });

  it('does nothing when the cache is off', async () => {
    const db = fakeDb();
    db.residents.set('A', ['a1']);
    const cache = new SeekerCache(0, (s) => db.load(s));
    expect(await cache.warm(['A'], db.manager)).toBe(0);
    expect(db.loads).toEqual([]);
  });
});
