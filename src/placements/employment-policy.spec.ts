import { ageOn, todayInChina } from './employment-policy';

describe('ageOn', () => {
  it('counts whole years, the birthday itself included', () => {
    expect(ageOn('1966-05-10', '2026-05-09')).toBe(59);
    expect(ageOn('1966-05-10', '2026-05-10')).toBe(60);
    expect(ageOn('1966-05-10', '2027-01-01')).toBe(60);
  });
});

describe('todayInChina', () => {
  it('is already the next day at 17:00 UTC', () => {
    expect(todayInChina(new Date('2026-03-01T16:30:00Z'))).toBe('2026-03-02');
    expect(todayInChina(new Date('2026-03-01T15:30:00Z'))).toBe('2026-03-01');
  });
});
