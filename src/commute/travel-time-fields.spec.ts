import { checkTravelTime } from './travel-time-fields';
import { parseCommuteConfig } from './commute-config';

const ok = { destinationRegionCode: '422802101', mode: 'bus', minutes: '70', source: 'measured' };
const fieldsOf = (raw: Record<string, unknown>) => {
  const r = checkTravelTime(raw);
  return r.ok ? [] : r.errors.map((e) => e.field);
};

describe('checkTravelTime', () => {
  it('reads what an officer types or a sheet holds', () => {
    const r = checkTravelTime({ ...ok, firstDeparture: '7:30', lastReturn: 0.75, days: '1-5', fare: '8.5' });
    expect(r).toEqual({
      ok: true,
      fields: expect.objectContaining({
        minutes: 70,
        firstDeparture: '07:30',
        lastReturn: '18:00',
        days: [1, 2, 3, 4, 5],
        fare: 8.5,
      }),
    });
    const every = checkTravelTime({ ...ok, days: '1,2,3,4,5,6,7' });
    expect(every.ok && every.fields.days).toBeNull();
  });

  it('names the field of each mistake', () => {
    expect(fieldsOf({ ...ok, minutes: 0 })).toEqual(['minutes']);
    expect(fieldsOf({ ...ok, minutes: '' })).toEqual(['minutes']);
    expect(fieldsOf({ ...ok, firstDeparture: '25:00' })).toEqual(['firstDeparture']);
    expect(fieldsOf({ ...ok, days: '0' })).toEqual(['days']);
    expect(fieldsOf({ ...ok, destinationRegionCode: '' })).toEqual(['destinationRegionCode']);
    expect(fieldsOf({ ...ok, destinationRegionCode: '', placeName: '园区', latitude: 30 })).toEqual([
      'longitude',
    ]);
    expect(fieldsOf({ ...ok, employerId: '7c9e6679-7425-40de-944b-e07fc1f90ae7' })).toEqual(['employerId']);
    expect(fieldsOf({ ...ok, mode: 'shuttle', employerId: '7c9e6679-7425-40de-944b-e07fc1f90ae7' })).toEqual(
      [],
    );
  });
});

describe('config/commute.yaml rules', () => {
  const base = {
    detourFactor: 1.8,
    speedKmh: { bus: 25, shuttle: 35, walk: 4, ebike: 15, car: 40 },
    defaultEstimateMode: 'bus',
    matchRadiusKm: 3,
    defaultMaxCommuteMinutes: 60,
    minutesPerKm: 4.32,
  };
  it('refuses a bad key with its name', () => {
    expect(() => parseCommuteConfig({ ...base, detourFactor: 0.5 })).toThrow(/detourFactor/);
    expect(() => parseCommuteConfig({ ...base, speedKmh: { ...base.speedKmh, plane: 800 } })).toThrow(
      /speedKmh.plane/,
    );
    expect(() => parseCommuteConfig({ ...base, defaultEstimateMode: 'horse' })).toThrow(
      /defaultEstimateMode/,
    );
    expect(() => parseCommuteConfig({ ...base, extra: 1 })).toThrow(/extra/);
    expect(parseCommuteConfig(base).speedKmh.bus).toBe(25);
  });
});
