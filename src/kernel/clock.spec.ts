import { addDays, formatDate, formatDateTime, formatTime, pilotZoneInstant, todayInPilotZone } from './clock';

describe('the pilot clock (Asia/Shanghai)', () => {
  it('is already on the next day between 16:00 and 24:00 UTC', () => {
    expect(todayInPilotZone(new Date('2026-03-01T16:00:00Z'))).toBe('2026-03-02');
    expect(todayInPilotZone(new Date('2026-03-01T19:49:00Z'))).toBe('2026-03-02');
    expect(todayInPilotZone(new Date('2026-03-01T23:59:59Z'))).toBe('2026-03-02');
    expect(todayInPilotZone(new Date('2026-03-01T15:59:59Z'))).toBe('2026-03-01');
  });

  it('crosses months and years on China’s calendar', () => {
    expect(todayInPilotZone(new Date('2026-12-31T16:30:00Z'))).toBe('2027-01-01');
    expect(formatDate('2028-02-28T17:00:00Z')).toBe('2028-02-29');
  });

  it('shows a notice created 03:49 in China as 03:49 that day, not 19:49 the day before', () => {
    expect(formatDateTime(new Date('2026-03-01T19:49:00Z'))).toBe('2026-03-02 03:49');
    expect(formatTime('2026-03-01T16:00:00Z')).toBe('00:00');
  });

  it('shows nothing for a missing or broken value', () => {
    expect(formatDate(null)).toBe('');
    expect(formatDate(undefined)).toBe('');
    expect(formatDateTime('not a date')).toBe('');
  });
});

describe('pilotZoneInstant', () => {
  it('reads a typed time as China time and shows it back unchanged', () => {
    const at = pilotZoneInstant('2026-09-01', '07:30');
    expect(new Date(at).toISOString()).toBe('2026-08-31T23:30:00.000Z');
    expect(formatDateTime(at)).toBe('2026-09-01 07:30');
  });
});

describe('addDays: calendar days, no zone', () => {
  it('crosses month ends, leap days and years, forwards and back', () => {
    expect(addDays('2026-01-31', 1)).toBe('2026-02-01');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(addDays('2026-06-15', 0)).toBe('2026-06-15');
  });
});
