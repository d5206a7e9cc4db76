import { bandText, travelBand, tripText } from './commute-text';
import { UNKNOWN_TRIP, type Trip } from './travel-trip';

const trip = (over: Partial<Trip>): Trip => ({ ...UNKNOWN_TRIP, ...over });

describe('tripText', () => {
  it('says the way as people say it', () => {
    expect(tripText(trip({ source: 'measured', mode: 'shuttle', minutes: 25 }))).toBe('坐班车约 25 分钟');
    expect(tripText(trip({ source: 'measured', mode: 'bus', minutes: 70, lastReturn: '18:00' }))).toBe(
      '公交约 70 分钟，末班 18:00',
    );
    expect(tripText(trip({ source: 'estimate', mode: 'bus', minutes: 40 }))).toBe('约 40 分钟（估计）');
    expect(tripText(UNKNOWN_TRIP)).toBe('通勤时间未知');
    expect(tripText(trip({ source: 'measured', mode: 'bus', minutes: 70, lastReturn: '18:00' }), 'en')).toBe(
      'About 70 min by bus, last one back 18:00',
    );
  });

  it('bands: within 30, within an hour, over', () => {
    expect([10, 30, 31, 60, 61].map(travelBand)).toEqual([30, 30, 60, 60, null]);
    expect(bandText(25)).toBe('30 分钟以内');
    expect(bandText(45)).toBe('1 小时以内');
    expect(bandText(70)).toBe('1 小时以上');
    expect(bandText(null)).toBe('通勤时间未知');
  });
});
