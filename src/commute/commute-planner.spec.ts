import fc from 'fast-check';
import { CommutePlanner, estimateMinutes } from './commute-planner';
import { kmToMinutes, parseCommuteConfigYaml } from './commute-config';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { RecordedTrip, Workplace } from './travel-trip';

const cfg = parseCommuteConfigYaml(
  readFileSync(join(__dirname, '..', '..', 'config', 'commute.yaml'), 'utf8'),
);
const site = { id: 'site-1', latitude: 30.06, longitude: 108.75 };
const township = '422802101';

function row(over: Partial<RecordedTrip> = {}): RecordedTrip {
  return {
    id: `r-${Math.random()}`,
    siteId: site.id,
    destinationRegionCode: township,
    placeName: null,
    latitude: null,
    longitude: null,
    mode: 'bus',
    minutes: 70,
    fare: 8,
    firstDeparture: '07:30',
    lastReturn: '18:00',
    days: null,
    source: 'measured',
    employerId: null,
    ...over,
  };
}

function work(over: Partial<Workplace> = {}): Workplace {
  return {
    regionCode: `${township}203`,
    latitude: 30.1,
    longitude: 108.8,
    approximate: false,
    employerId: 'emp-A',
    ...over,
  };
}

/** A point `km` east of the site (along its latitude). */
function eastOf(km: number): { latitude: number; longitude: number } {
  return {
    latitude: site.latitude,
    longitude: site.longitude + km / (111.32 * Math.cos((site.latitude * Math.PI) / 180)),
  };
}

describe('the estimate', () => {
  it('is straight-line km × detour ÷ the bus speed, in whole minutes, and says so', () => {
    const p = new CommutePlanner(cfg, []);
    const trip = p.best(site, work({ regionCode: '422802999001', ...eastOf(10) }));
    // 10 km × 1.8 ÷ 25 km/h = 43.2 min
    expect(trip).toMatchObject({
      source: 'estimate',
      mode: 'bus',
      minutes: 43,
      firstDeparture: null,
      lastReturn: null,
    });
  });

  it('grows with distance (property: never shorter for a farther workplace)', () => {
    const p = new CommutePlanner(cfg, []);
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 200, noNaN: true }),
        fc.double({ min: 0, max: 200, noNaN: true }),
        (a, b) => {
          const [near, far] = a <= b ? [a, b] : [b, a];
          const m = (km: number) => p.best(site, work({ regionCode: null, ...eastOf(km) })).minutes!;
          expect(m(near)).toBeLessThanOrEqual(m(far));
          expect(m(near)).toBeGreaterThanOrEqual(1);
        },
      ),
    );
  });

  it('is unknown without coordinates and without a recorded trip — never 0 minutes', () => {
    const p = new CommutePlanner(cfg, [row({ destinationRegionCode: '422802102' })]);
    const trip = p.best(site, work({ latitude: null, longitude: null }));
    expect(trip).toMatchObject({ source: 'unknown', minutes: null, mode: null });
    expect(p.all(site, work({ latitude: null, longitude: null }))).toEqual([trip]);
  });

  it('converts a km limit so it reaches exactly the places the estimate puts within it', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 60 }), (km) => {
        const within = estimateMinutes(cfg, km);
        expect(Math.abs(kmToMinutes(cfg, km) - within)).toBeLessThanOrEqual(1);
      }),
    );
  });
});

describe('recorded trips', () => {
  it('a measured trip to the township replaces the estimate for every village in it', () => {
    const p = new CommutePlanner(cfg, [row()]);
    expect(p.best(site, work())).toMatchObject({
      source: 'measured',
      mode: 'bus',
      minutes: 70,
      lastReturn: '18:00',
    });
    // A workplace in another township still gets the estimate
    expect(p.best(site, work({ regionCode: '422802102001' })).source).toBe('estimate');
    // Another site's rows do not count
    expect(p.best({ ...site, id: 'site-2' }, work()).source).toBe('estimate');
  });

  it('measured replaces estimate whatever the numbers (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 600 }),
        fc.integer({ min: 1, max: 600 }),
        fc.double({ min: 0, max: 80, noNaN: true }),
        (measured, recordedEstimate, km) => {
          const p = new CommutePlanner(cfg, [
            row({ id: 'e', source: 'estimate', minutes: recordedEstimate }),
            row({ id: 'm', source: 'measured', minutes: measured }),
          ]);
          const w = work({ ...eastOf(km) });
          const best = p.best(site, w);
          expect(best).toMatchObject({ source: 'measured', minutes: measured });
          expect(p.all(site, w)[0]).toEqual(best);
          expect(p.all(site, w).map((t) => t.source)).toEqual(['measured', 'estimate']);
        },
      ),
    );
  });

  it("an employer's shuttle counts only for that employer's postings, and wins when faster", () => {
    const p = new CommutePlanner(cfg, [
      row(),
      row({ mode: 'shuttle', minutes: 25, employerId: 'emp-A', lastReturn: '17:30' }),
    ]);
    expect(p.best(site, work({ employerId: 'emp-A' }))).toMatchObject({ mode: 'shuttle', minutes: 25 });
    expect(p.best(site, work({ employerId: 'emp-B' }))).toMatchObject({ mode: 'bus', minutes: 70 });
    expect(p.best(site, work({ employerId: null }))).toMatchObject({ mode: 'bus' });
    expect(p.all(site, work({ employerId: 'emp-A' })).map((t) => t.mode)).toEqual(['shuttle', 'bus']);
  });

  it('shuttle only for its employer (property: any employer ids)', () => {
    fc.assert(
      fc.property(fc.uuid(), fc.option(fc.uuid(), { nil: null }), (owner, poster) => {
        const p = new CommutePlanner(cfg, [row({ mode: 'shuttle', minutes: 5, employerId: owner })]);
        const best = p.best(site, work({ employerId: poster }));
        expect(best.mode === 'shuttle').toBe(poster === owner);
      }),
    );
  });

  it('a named place counts within matchRadiusKm of it, not beyond', () => {
    const park = eastOf(20);
    const p = new CommutePlanner(cfg, [
      row({ destinationRegionCode: null, placeName: '东城工业园', ...park, mode: 'ebike', minutes: 35 }),
    ]);
    const inside = { latitude: park.latitude + 2 / 111.2, longitude: park.longitude }; // 2 km north
    const outside = { latitude: park.latitude + 5 / 111.2, longitude: park.longitude }; // 5 km north
    expect(p.best(site, work({ regionCode: null, ...inside }))).toMatchObject({
      source: 'measured',
      placeName: '东城工业园',
      minutes: 35,
    });
    expect(p.best(site, work({ regionCode: null, ...outside })).source).toBe('estimate');
  });

  it('the fastest measured trip wins among those that apply', () => {
    const p = new CommutePlanner(cfg, [
      row({ minutes: 90 }),
      row({ mode: 'car', minutes: 30 }),
      row({ minutes: 70 }),
    ]);
    expect(p.all(site, work()).map((t) => t.minutes)).toEqual([30, 70, 90]);
  });
});
